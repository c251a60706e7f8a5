import { describe, expect, it } from "vitest";
import { loadCorpus, stripAccents } from "../../src/corpus/index.js";
import { createEnglishAnalyzer, frenchSpellings, createFrenchAnalyzer } from "../../src/retrieval/analyzer.js";
import { loadLexicon, matchFrench, placesNamedIn, tokenize } from "../../src/retrieval/lexicon.js";
import { buildQuery } from "../../src/retrieval/query.js";
import { synonymsByTerm } from "../../src/retrieval/query-context.js";

const lexicon = loadLexicon();
const corpus = loadCorpus();
const analyzer = createEnglishAnalyzer(lexicon);
const analyzers = { en: analyzer, fr: createFrenchAnalyzer(new Map(), lexicon.frenchKeptApart) };
// A vocabulary as the index would hold it: the English of the reports.
const vocabulary = new Set(analyzer.terms("fine penalty overstaying visa Tunisia pay paid free movement ECOWAS rights irregular help assistance work housing health refugee asylum informal child true vrai risk employer declined own etat"));
const context = { lexicon, analyzers, vocabularies: { en: vocabulary, fr: new Set<string>() }, synonymsByTerm: synonymsByTerm(lexicon, analyzer), lawNumbersByYear: new Map() };
const query = (q: string, lang: "fr" | "en") => buildQuery(q, lang, context).queries.en;
const terms = (q: string, lang: "fr" | "en") => [...query(q, lang).keys()];

describe("the French-to-English lexicon", () => {
  it("maps the vocabulary people use to the English of the reports", () => {
    expect(terms("amende", "fr")).toEqual(expect.arrayContaining(analyzer.terms("fine penalty")));
    expect(terms("CEDEAO libre circulation", "fr")).toEqual(expect.arrayContaining(analyzer.terms("ECOWAS free movement")));
    expect(terms("je suis sans papiers", "fr")).toEqual(expect.arrayContaining(analyzer.terms("irregular")));
    expect(terms("titre de séjour", "fr")).toEqual(expect.arrayContaining(analyzer.terms("residence permit")));
    expect(terms("réfugié asile expulsé", "fr")).toEqual(expect.arrayContaining(analyzer.terms("refugee asylum expelled")));
    // Words the reports' English needs that had none: months, having fled, losing, a landlord, the north.
    expect(terms("ils ont fui le nord en janvier", "fr")).toEqual(expect.arrayContaining(analyzer.terms("fled north january")));
    expect(terms("jai perdu mon travail, le proprio veut me mettre dehors", "fr")).toEqual(expect.arrayContaining(analyzer.terms("lost landlord")));
    expect(terms("les migrants disparaissent sur la route", "fr")).toContain(analyzer.term("missing"));
    expect(terms("combien de jeunes hommes parmi les repondants", "fr")).toEqual(expect.arrayContaining(analyzer.terms("young men respondents")));
    // A continent and its adjective ("Afrique", "pays africains") are one idea, as in English.
    expect(terms("les migrants africains en tunisie", "fr")).toContain(analyzer.term("african"));
    // Marriage and being married are one idea (the stemmer keeps "marriage" and "married" apart).
    expect(terms("je suis mariée à un malien", "fr")).toEqual(expect.arrayContaining(analyzer.terms("marriage married")));
    expect(terms("after marriage, is it easy?", "en")).toEqual(expect.arrayContaining(analyzer.terms("married easier")));
    // Words the stemmer keeps apart though the reports use them for one idea: entry and entering, ratified and ratification, absent and absence.
    expect(terms("can i enter mali without visa", "en")).toContain(analyzer.term("entry"));
    expect(terms("has mali ratified the convention", "en")).toContain(analyzer.term("ratification"));
    expect(terms("if i am absent for 7 months", "en")).toContain(analyzer.term("absence"));
    // French words the reports' English says with words of its own ("difficultés", "ouverture", "urgence", "rapatriés").
    expect(terms("c'est difficile d'avoir un logement ?", "fr")).toContain(analyzer.term("difficult"));
    expect(terms("le centre est ouvert depuis quand", "fr")).toContain(analyzer.term("opened"));
    expect(terms("les maliens rapatriés en urgence", "fr")).toEqual(expect.arrayContaining(analyzer.terms("repatriated emergency")));
    // "ils traversent le désert" crosses a desert, not the sea (read before as the nearest form listed, a sea crossing).
    expect(terms("ils traversent le desert", "fr")).toContain(analyzer.term("cross"));
    expect(terms("ils traversent le desert", "fr")).not.toContain(analyzer.term("sea"));
    // A rate per year or month, as the reports say it ("an annual endowment").
    expect(terms("on paye cb par an ?", "fr")).toContain(analyzer.term("annual"));
    // What something depends on, said in French as "en fonction de" as well.
    expect(terms("ils rentrent en fonction de quoi ?", "fr")).toContain(analyzer.term("depend"));
    // Families are what the reports count as households; killing is what they count as deaths.
    expect(terms("did mali give money to poor families", "en")).toContain(analyzer.term("households"));
    expect(terms("qui tue les migrants ?", "fr")).toEqual(expect.arrayContaining(analyzer.terms("killed death")));
    expect(terms("who kills migrants", "en")).toContain(analyzer.term("death"));
    // Sexual orientation as people name it ("gay", "lesbienne", "LGBT"): the reports say homosexuality.
    expect(terms("les lesbiennes risquent quoi a tunis ?", "fr")).toContain(analyzer.term("homosexuality"));
    expect(terms("is it safe to be gay in tunisia?", "en")).toContain(analyzer.term("homosexuality"));
    // Having no money is being poor, as the reports say it ("care for the poor"), and still money.
    expect(terms("et si j'ai pas d'argent ?", "fr")).toEqual(expect.arrayContaining(analyzer.terms("poor money")));
    expect(terms("je suis fauché a bamako", "fr")).toContain(analyzer.term("poor"));
  });

  // Found mostly in the question bank's own questions (npm run lexicon:gaps, and a sample of them
  // asked with each left out of the bank), some in messages of my own or tuning questions, none in
  // an unseen split: everyday and texted French ("bosser", "les flics", "racketter"), the French
  // names of what the reports name in English (OIM, HCR, ODD, UE), words that reached only the
  // translation ("chômeurs", "clés", "alimentaire"), "black people" (the reports say
  // sub-Saharan), "not safe", starting a business, checkpoints and bribes, living where the
  // reports say people settled, fleeing as displacement, PDI (IDPs), boys, farmers; groups as
  // texted (mecs, meufs, ados, gosses, clandos, mamans).
  it.each([
    ["les migrants bossent ou a bamako ?", "fr", "work"],
    ["les flics m'ont racketté", "fr", "police extortion"],
    ["les soldats frappent les migrants ?", "fr", "military physical abuse"],
    ["les maliens de l'exterieur votent ?", "fr", "vote"],
    ["c possible d'economiser a bamako ?", "fr", "save"],
    ["les etudiants sont dispensés ?", "fr", "exempted"],
    ["le nombre de migrants a diminué ?", "fr", "decrease"],
    ["la main d'oeuvre etrangere", "fr", "labour"],
    ["l'oim aide les migrants ?", "fr", "IOM"],
    ["que fait le hcr a tunis ?", "fr", "UNHCR"],
    ["la cible des odd", "fr", "SDGs"],
    ["l'ue finance quoi ?", "fr", "EU"],
    ["qui aide les chômeurs ?", "fr", "unemployment"],
    ["les informateurs clés disent quoi ?", "fr", "key"],
    ["l'insécurité alimentaire au sahel", "fr", "food"],
    ["which area for tunis no safe for black people?", "en", "Saharan unsafe risky"],
    ["les noirs sont discriminés a tunis ?", "fr", "saharan"],
    ["c dur de trouver du taf ?", "fr", "difficult"],
    ["mon projet de voyage a raté", "fr", "failed"],
    ["l oim peut l aider a lancer une petite activite ?", "fr", "business income"],
    ["a chaque barrage les policiers demandent un bakchich", "fr", "checkpoints bribe"],
    ["les refugies vivent ou ?", "fr", "settled"],
    ["ils se sont installés ou ?", "fr", "settle"],
    ["where do the refugees live?", "en", "settled"],
    ["why did people flee the north?", "en", "displacement"],
    ["les pdi vivent ou ?", "fr", "IDPs displaced"],
    ["les garçons talibés", "fr", "boys"],
    ["les paysans partent en ville ?", "fr", "farmers"],
    // The groups of a follow-up as texted ("et les mecs ?" after a question on women's work).
    ["et les mecs ?", "fr", "men"],
    ["et les meufs ?", "fr", "women"],
    ["les ados", "fr", "young"],
    ["les gosses separes de leurs parents", "fr", "children"],
    ["les clandos", "fr", "irregular"],
    ["et les mamans ?", "fr", "mother"],
    // Everyday French words the lexicon lacked, which were read as the listed word one or two
    // letters away ("familles" as "filles", "adresse" as "agression", "attaquent" as "arnaquent").
    ["cb de familles ont un migrant ?", "fr", "household"],
    ["ya une adresse ?", "fr", "address"],
    ["les gangs attaquent les migrants ?", "fr", "assault"],
    ["les voleurs a bamako", "fr", "robbery"],
    ["les pasteurs du nord", "fr", "pastoralists"],
    ["ya des migrantes violees ?", "fr", "rape"],
    ["je peux porter plainte ?", "fr", "complaint"],
    ["la scolarite des enfants", "fr", "school"],
    ["ils perdaient leur travail", "fr", "lost"],
    ["on me soigne gratuitement ?", "fr", "health"],
    ["le centre a ete cree quand ?", "fr", "established"],
    ["ya des nouveaux arrivants ?", "fr", "new"],
    ["jcherche du taf", "fr", "seeking work"],
    ["les migrants ont envie de rester ?", "fr", "wish"],
    ["des cours de langue", "fr", "courses"],
    ["ouvrir un compte en banque", "fr", "bank account"],
    ["la mise en oeuvre du plan", "fr", "implementation"],
    ["la mise en œuvre du plan", "fr", "implementation"],
    // Everyday slang the lexicon lacked, each read as nothing the reports say.
    ["j'ai perdu des sous pendant le covid", "fr", "income"],
    ["jsuis sans thune", "fr", "money"],
    ["les keufs m'ont arrete", "fr", "police"],
    ["je peux voir un toubib ?", "fr", "doctor"],
    ["je peux aller a l'hosto ?", "fr", "hospital"],
    ["on m'a mis en taule", "fr", "prison"],
    ["les douaniers a la frontiere", "fr", "customs"],
    // Staying on past a visa, said otherwise than "trop longtemps" or "dépasser".
    ["si je reste plus longtemps en tunisie", "fr", "overstay"],
    ["s'ils restent plus de 3 mois", "fr", "overstay"],
    ["what if i stay past my visa?", "en", "overstay"],
    ["what if i stay more than 90 days?", "en", "overstay"],
  ])("reads %j (%s) with the reports' words %j", (question, lang, english) => {
    expect(terms(question, lang as "fr" | "en")).toEqual(expect.arrayContaining(analyzer.terms(english)));
  });

  it.each([
    ["combien ont fui au cours de 2012 ?", "cost"],
    ["les demandes en cours", "cost"],
    ["ils pensaient quoi du covid ?", "lost"],
    ["les gens aiment bamako ?", "help"],
    ["ils portent plainte ?", "leave"],
    ["je reste parce que j'ai pas d'argent", "speak"],
    ["la demande est faite ou ?", "flee"],
    ["ils disposent de papiers ?", "submit"],
    ["la mise en oeuvre de la politique", "open"],
    ["un ajout a la loi", "august"],
    ["ouvrir des comptes", "committee"],
    ["les vieilles femmes", "city"],
    ["des donnees croisees", "crisis"],
    ["ca a fait polemique", "policy"],
    ["comment survivre sans argent ?", "monitor"],
    ["attenuer les risques", "attack"],
  ])("does not read the everyday French of %j as a listed word a letter or two away (%j)", (question, wrong) => {
    expect(terms(question, "fr")).not.toContain(analyzer.term(wrong));
  });

  it("leaves out a French form spelt like an English word ('court', a tribunal in English, is not read as 'short'; 'courte' is)", () => {
    expect(terms("can i take my employer to court?", "en")).not.toContain(analyzer.term("short"));
    expect(terms("un sejour trop court", "fr")).not.toContain(analyzer.term("short"));
    expect(terms("une duree courte", "fr")).toContain(analyzer.term("short"));
  });

  it("understands a migrant's informal, unaccented, misspelled message", () => {
    const q = terms("jai depassé mon visa en tunisie combien je paye", "fr");
    expect(q).toEqual(expect.arrayContaining(analyzer.terms("overstay visa tunisia pay fine")));
    expect(terms("amande pour depasement de viza", "fr")).toEqual(expect.arrayContaining(analyzer.terms("fine overstay visa")));
    expect(terms("jtravaille a tunis mais mon patron me paye pas", "fr")).toEqual(expect.arrayContaining(analyzer.terms("work employer")));
    // "revenus de Libye" are people who came back, not income.
    expect(terms("mon oncle est revenu de libye", "fr")).toContain(analyzer.term("returned"));
    expect(terms("mon oncle est revenu de libye", "fr")).not.toContain(analyzer.term("income"));
    // "qu" texted as "k", "bko" for Bamako.
    expect(terms("c koi les kartiers risqués a bko", "fr")).toEqual(expect.arrayContaining(analyzer.terms("neighbourhood bamako")));
    // ...inside a word or at its end too: "bloké", "afrik".
    expect(terms("on est bloke a la frontiere", "fr")).toContain(analyzer.term("stranded"));
    expect(terms("les migrants d afrik de l ouest", "fr")).toContain(analyzer.term("africa"));
    // "je risque" asks what sanction follows (read as "sanction"), not about risks; what it follows is the topic.
    expect(terms("jrisque koi si mon patron me paye pas", "fr")).toEqual(expect.arrayContaining(analyzer.terms("employer")));
    expect(terms("jrisque koi si mon patron me paye pas", "fr")).not.toContain(analyzer.term("risk"));
    // Papers or a card one does not have: an irregular stay, as "sans papiers" is.
    expect(terms("j'ai pas de papiers, je peux travailler ?", "fr")).toContain(analyzer.term("irregular"));
    expect(terms("je suis au mali depuis 2 ans sans carte de sejour", "fr")).toContain(analyzer.term("irregular"));
    // "beaucoup de monde" is many people, not the world.
    expect(terms("il a accueilli beaucoup de monde ?", "fr")).toContain(analyzer.term("people"));
  });

  it("reads West African Pidgin English, and leaves out the words that only frame a question", () => {
    expect(terms("abeg my pikin dey for bamako, school na free?", "en")).toEqual(expect.arrayContaining(analyzer.terms("child")));
    // Papers one does not have: an irregular stay, as "sans papiers" is.
    expect(terms("my brother dey for bamako, e no get papers, police fit arrest am?", "en")).toContain(analyzer.term("irregular"));
    // Living "outside" (the country) is living abroad.
    expect(terms("how many malians dey live outside?", "en")).toContain(analyzer.term("abroad"));
    // Words people use that the reports never do bring in the reports' own: an "oga" is an employer, a wife a spouse.
    expect(terms("my oga no pay me for 2 months", "en")).toContain(analyzer.term("employer"));
    expect(terms("can my wife join me in bamako", "en")).toContain(analyzer.term("spouse"));
    // Pidgin spellings of the bank's writers: "govment", "naija".
    expect(terms("wetin govment dey do for people wey return from naija?", "en")).toEqual(expect.arrayContaining(analyzer.terms("government nigeria")));
    expect(terms("plenty young people wan japa from mali?", "en")).toContain(analyzer.term("emigrate"));
    const sources = (q: string, lang: "fr" | "en") => buildQuery(q, lang, context).concepts.flatMap((c) => c.source.split(" "));
    expect(sources("c vrai que les passeurs demandent un peu trop ?", "fr")).toEqual(expect.not.arrayContaining(["vrai", "peu"]));
    expect(sources("is it true the fine is frozen?", "en")).not.toContain("true");
  });

  it("matches multi-word forms before single words", () => {
    const matches = matchFrench(tokenize("la libre circulation des personnes"), lexicon);
    expect(matches.map((m) => m.form)).toEqual(["libre circulation", "personnes"]);
  });

  it("takes an English word the reports use at its word, and adds its synonyms at a lower weight", () => {
    const q = query("What is the fine for overstaying?", "en");
    expect(q.get(analyzer.term("fine")!)).toBe(1);
    expect(q.get(analyzer.term("penalty")!)).toBeLessThan(1);
    expect(q.get(analyzer.term("penalty")!)).toBeGreaterThan(0);
  });

  it("cuts glued elisions in French only: 'down' is not d' + 'own'", () => {
    const sources = (q: string, lang: "fr" | "en") => buildQuery(q, lang, context).concepts.map((c) => c.source);
    expect(sources("are the covid numbers broken down by status?", "en")).not.toContain("own");
    expect(sources("letat donne des papiers ?", "fr")).toContain("etat");
  });

  it("searches the synonyms the reports use of a word they never use ('drop' finds 'declined')", () => {
    expect(terms("how much did tourism drop?", "en")).toEqual(expect.arrayContaining(analyzer.terms("declined")));
  });

  it("indexes a people as its country, so Tunisian finds Tunisia", () => {
    expect(analyzer.term("tunisian")).toBe(analyzer.term("tunisia"));
    // The CARIM report says "Ivory Coast" where the others say "Côte d'Ivoire".
    expect(analyzer.terms("Ivory Coast")).toContain(analyzer.term("ivoire"));
    expect(analyzer.term("authorization")).toBe(analyzer.term("authorised"));
    expect(analyzer.term("irregularly")).toBe(analyzer.term("irregular"));
    // Civil servants work in the civil service (the CARIM report: "Civil service reserved for nationals").
    expect(analyzer.terms("civil servants")).toEqual(analyzer.terms("civil service"));
    expect(terms("un etranger peut etre fonctionnaire ?", "fr")).toEqual(expect.arrayContaining(analyzer.terms("civil service")));
  });

  it("keeps apart words the stemmer would merge though the reports use them for different things", () => {
    expect(analyzer.term("informal")).not.toBe(analyzer.term("information"));
    expect(analyzer.term("informants")).not.toBe(analyzer.term("information"));
    expect(analyzer.term("internally")).not.toBe(analyzer.term("international"));
    expect(analyzer.term("nationality")).not.toBe(analyzer.term("nationals"));
    expect(analyzer.term("nationalities")).toBe(analyzer.term("nationality"));
    expect(terms("secteur informel", "fr")).toContain(analyzer.term("informal"));
  });

  it("gives a word kept apart a term that no other word of the reports falls on", () => {
    const kept = new Set(lexicon.englishKeptApart.values());
    for (const sentences of corpus.sentences.values()) {
      for (const sentence of sentences) {
        for (const token of tokenize(sentence.text)) {
          const term = analyzer.term(token);
          if (term && kept.has(term)) expect(lexicon.englishKeptApart.get(lexicon.conflations.get(token) ?? token), token).toBe(term);
        }
      }
    }
  });

  it("puts every town in a country it lists as a place", () => {
    for (const [town, country] of lexicon.placesWithin) {
      expect(lexicon.places.has(town), town).toBe(true);
      expect(lexicon.places.has(country), country).toBe(true);
    }
  });

  it("puts every district in a town it lists as a place, and lists no district as a place itself", () => {
    for (const [district, town] of lexicon.districts) {
      expect(lexicon.places.has(town), town).toBe(true);
      expect(lexicon.places.has(district), district).toBe(false);
    }
  });

  it("names the town a district lies in, and its country: where someone who lives there can ask for help", () => {
    expect(placesNamedIn("I work as a domestic worker in La Marsa", lexicon)).toEqual(["tunis", "tunisia"]);
    expect(placesNamedIn("je vis a sotuba", lexicon)).toEqual(["bamako", "mali"]);
  });

  it("has every entry in the expected shape", () => {
    expect(lexicon.french.size).toBeGreaterThan(300);
    for (const [form, english] of lexicon.french) {
      expect(form).toMatch(/^[a-z0-9 ]+$/);
      expect(english.length).toBeGreaterThan(0);
    }
  });
});

describe("French to English words, for an English-only encoder", () => {
  it("rewrites a French question through the lexicon, keeping words it does not list", async () => {
    const { frenchToEnglishWords } = await import("../../src/retrieval/use-embeddings.js");
    expect(frenchToEnglishWords("Quelle est l'amende pour dépassement de visa en Tunisie ?", lexicon)).toBe("quelle est l fine pour overstay de visa en tunisia");
  });
});

describe("the French analyser", () => {
  const frenchAnalyzer = createFrenchAnalyzer(frenchSpellings(["Le séjour irrégulier est réservé aux nationaux ; les pénalités s'accumulent."]), lexicon.frenchKeptApart);
  it("drops elided articles and stop words, and stems what is left", () => {
    expect(frenchAnalyzer.terms("l'amende qu'on doit payer")).toEqual(frenchAnalyzer.terms("amende payer"));
    expect(frenchAnalyzer.terms("les amendes")).toEqual(frenchAnalyzer.terms("l'amende"));
  });

  it("meets a word typed without accents with its spelling in the translation", () => {
    expect(frenchAnalyzer.terms("irreguliere")).toEqual(frenchAnalyzer.terms("irrégulière"));
    expect(frenchAnalyzer.terms("sejour irregulier penalites")).toEqual(frenchAnalyzer.terms("séjour irrégulier pénalités"));
    expect(frenchAnalyzer.terms("reservees")).toEqual(frenchAnalyzer.terms("réservées"));
  });

  it("keeps apart words the stemmer would merge though the reports use them for different things", () => {
    expect(frenchAnalyzer.term("visa")).not.toBe(frenchAnalyzer.term("visant"));
    expect(frenchAnalyzer.term("visas")).toBe(frenchAnalyzer.term("visa"));
    expect(frenchAnalyzer.term("traite")).not.toBe(frenchAnalyzer.term("traitement"));
    expect(frenchAnalyzer.term("loyer")).not.toBe(frenchAnalyzer.term("loi"));
    expect(frenchAnalyzer.term("partir")).not.toBe(frenchAnalyzer.term("part"));
    expect(frenchAnalyzer.term("nationalité")).toBe(frenchAnalyzer.term("nationalite"));
  });

  it("gives a word kept apart a term that no other word of the translation falls on", () => {
    const kept = new Set(lexicon.frenchKeptApart.values());
    for (const translation of corpus.translations.get("fr")?.values() ?? []) {
      for (const sentence of translation.sentences) {
        for (const token of frenchAnalyzer.tokens(sentence.text)) {
          const term = frenchAnalyzer.term(token);
          if (term && kept.has(term)) expect(lexicon.frenchKeptApart.get(stripAccents(token)), token).toBe(term);
        }
      }
    }
  });
});
