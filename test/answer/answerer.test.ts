import { beforeAll, describe, expect, it } from "vitest";
import { BANK_PASSAGE_DEPTH } from "../../src/answer/compose.js";
import { Answerer, renderPlainText } from "../../src/answer/index.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let answerer: Answerer;
beforeAll(async () => {
  answerer = Answerer.create(await PassageRetriever.open());
});

/** The answer to a question, which must not be a decline and must say `text`. */
async function answered(question: string, text: RegExp) {
  const answer = await answerer.ask(question);
  expect(answer.abstained).toBe(false);
  expect(answer.text).toMatch(text);
  return answer;
}

describe("the offline answerer", () => {
  it("reads the passage its closest bank question points to, though the words rank it lower: how many migrants live in Tunisia", async () => {
    await answered("how many migrants are in tunisia", /10,000 to 60,000/);
  });

  it("answers a migrant's informal French question about the Tunisia fine in French, with amount, accrual, date, source and help", async () => {
    const answer = await answerer.ask("jai depassé mon visa en tunisie combien je paye");
    expect(answer.lang).toBe("fr");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/20 dinars tunisiens par semaine ; le rapport MMC de 2020 tient ce chiffre d.une source REACH de 2018 \[1\]/);
    expect(answer.text).toMatch(/quitter le pays/);
    expect(answer.text).toMatch(/2018/);
    expect(answer.text).toMatch(/a pu changer/);
    expect(answer.text).toMatch(/Pour demander de l'aide : à Tunis, TAMSS \(MMC, 2020\) ou Terre d.Asile Tunisie \(MMC, 2020\)/);
    expect(answer.citations[0]).toMatchObject({ marker: 1, year: 2020, footnote: 22, publisher: "Mixed Migration Centre (MMC)" });
    expect(answer.citations[0]!.quote).toContain("20 Tunisian Dinars per week");
    // Where in the report, in French: the section's heading translated.
    expect(renderPlainText(answer)).toMatch(/2020 — 4\. Paysage des politiques migratoires, note 22/);
  });

  it("gives an NGO worker the same fact in English with its section and note in the terminal", async () => {
    const answer = await answerer.ask("What is the fine for overstaying a visa in Tunisia?");
    expect(answer.lang).toBe("en");
    const shown = renderPlainText(answer);
    expect(shown).toMatch(/20 Tunisian dinars per week; the 2020 MMC report takes this figure from a 2018 REACH source \[1\]/);
    expect(shown).toMatch(/\[1\] Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre \(MMC\), 2020 — 4\. Migration policy landscape, note 22/);
  });

  it("quotes the reports' own words, cited, when no card fits", async () => {
    const answer = await answerer.ask("How many Malians live abroad?");
    expect(answer.kind).toBe("extract");
    // The 2010 CARIM profile counts 924,497 (2001 census), the 2013 IOM report 1,013,760 (2010): either, dated, answers.
    expect(answer.text).toMatch(/924,497|1,013,760/);
    for (const c of answer.citations) expect(answer.passages.map((p) => p.passage.id)).toContain(c.passageId);
    expect(answer.citations.every((c) => c.year >= 2010 && c.year <= 2021)).toBe(true);
  });

  it("says plainly that the reports do not give the ceiling asked about, then shows the weekly amount as related", async () => {
    const answer = await answerer.ask("ya un plafond pour la penalite en tunisie ?");
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(/^Les rapports ne disent pas cela précisément/);
    expect(answer.text).toMatch(/20 dinars tunisiens par semaine/);
    expect(answer.citations[0]!.quote).toContain("20 Tunisian Dinars per week");
  });

  it("answers a follow-up too short to tell its language in the conversation's language", async () => {
    const previous = ["How many migrants in Bamako lost their income because of COVID-19?"];
    expect((await answerer.ask("Et les femmes ?", { previous })).lang).toBe("fr");
    expect((await answerer.ask("And women?", { previous: ["Combien de migrants à Bamako ont perdu leurs revenus à cause du COVID-19 ?"] })).lang).toBe("en");
    expect((await answerer.ask("ok?", { previous })).lang).toBe("en");
  });

  it("answers the overstay penalty asked as a charge, and declines a price the reports do not give", async () => {
    await answered("how much do they charge per week if my visa expire in tunisia", /20 Tunisian dinars per week/);
    await answered("c combien le tarif quand le visa a expiré en tunisie", /20 dinars tunisiens par semaine/);
    // "fee" only names what is asked, an amount: the sentence giving the amount answers it.
    await answered("what is the fee for an irregular stay in tunisia", /20 Tunisian Dinars per week/i);
    await answered("what do they charge when you stay too long in tunisia", /20 Tunisian dinars per week/);
    await answered("whats the fee for overstaying a visa in tunisia", /20 Tunisian dinars per week/);
    // A visa "fini", "terminé" or that "don finish" is one that has run out, as "expiré" is.
    await answered("mon visa a fini depuis 2 mois a tunis, je dois payer combien ?", /20 dinars tunisiens par semaine/);
    await answered("mon visa est terminé a tunis cest combien l amende", /20 dinars tunisiens par semaine/);
    await answered("my visa don finish for tunis, how much i go pay?", /20 Tunisian dinars per week/);
    // Pidgin "i dey tunis" (spelled out "i are") is the asker's own situation, told before the question.
    await answered("i dey tunis 6 months, visa don expire, how much i go pay?", /20 Tunisian dinars per week/);
    await answered("i dey tunis 6 months, visa don expire, how much i go pay if i wan go home?", /20 Tunisian dinars per week/);
    // Going home from Tunisia is leaving it, which the fine blocks until it is paid.
    await answered("my visa expired in tunis, how much do i pay if i want to go home?", /20 Tunisian dinars per week/);
    // "something", "anything" stand for what is asked; they are no topic the reports must speak of.
    await answered("My tourist visa expired in Tunis. Will I have to pay something at the airport?", /20 Tunisian dinars per week/);
    // A nearby sentence gives what a removal costs (7,000 euros): that is not a passport's price.
    const passport = await answerer.ask("combien coute un passeport malien");
    expect(passport.abstained).toBe(true);
    expect(passport.text).not.toMatch(/7.000/);
  });

  it("reads the unit a length of time is asked in as part of asking it: the reports say 90 days to a question in weeks", async () => {
    await answered("abeg how many weeks dem give for visa for tunisia", /90 days/);
    await answered("combien de semaines on peut rester en tunisie sans visa ?", /90 jours/);
  });

  it("reads 'sub-Saharan' as one word of the reports, in French too ('subsahariens')", async () => {
    await answered("Which neighbourhoods of Tunis host most sub-Saharan migrants?", /El Aouina, Dar Fadhal, Bhar Lazreg/);
  });

  it("never quotes a report's copyright or licence notice as a finding", async () => {
    const answer = await answerer.ask("is it allowed to use the reports for commercial purposes?");
    expect(answer.citations.map((c) => c.quote).join(" ")).not.toMatch(/Copyright|rights reserved|redistributed/);
  });

  it("reads buying a house or land as what the reports call estate ownership, a shop as a commercial activity", async () => {
    await answered("can foreigners buy land or a house in mali?", /Access to estate ownership: yes/);
    await answered("can a foreigner open a shop in mali?", /commercial and industrial activities needs authorization/);
  });

  it("reads who wrote or drafted a policy as who developed it, not as who wrote a report", async () => {
    await answered("who wrote the PONAM?", /developed under the auspices of the Ministry for Malians Abroad/);
    await answered("qui a redige la PONAM ?", /élaborée sous l’égide du Ministère des maliens/);
  });

  it("reads a message that opens with a greeting as if it did not: the greeting is no topic, and the question still leans on its story", async () => {
    await answered("Good evening. My cousin lives in Bamako, he is from Guinea. He works in a hotel but has no papers. Can he be put in prison for that?", /three[- ]months? to three[- ]years?( in)? prison/);
  });

  it("answers the fine to someone who says how long ago their visa expired", async () => {
    await answered("mon visa a expiré il y a 3 mois, je dois combien ?", /20 dinars tunisiens par semaine/);
  });

  it("answers the amount asked from the card that gives it, though the story's '90 jours' puts the 90-day sentence first", async () => {
    await answered("salut, j'ai depassé mes 90 jours en tunisie, la penalité c'est combien ?", /20 dinars tunisiens par semaine/);
  });

  it("answers the fine to someone who says where they come from first: the fine is not a Cameroonians' fine", async () => {
    await answered("im from cameroon living in tunis, my visa expired, how much do i pay?", /20 Tunisian dinars per week/);
    await answered("je suis camerounaise a tunis, mon visa a expiré il y a 3 mois, je dois combien ?", /20 dinars tunisiens par semaine/);
  });

  it("reads what is asked from the question, not from the story before it: rent in the story asks no price", async () => {
    const answer = await answerer.ask("we came to bamako last year with my sister and the rent is too expensive for us now. which organisations help migrants find a place to stay?");
    expect(answer.evidence?.asked).toBe("organisation");
    expect(answer.evidence?.features.asksContactOrPrice).toBe(0);
  });

  it("reads a year in the asker's story as when it happened to them, not as facts asked after the reports", async () => {
    await answered("je suis arrivee a tunis en 2023 avec un visa touriste qui a expire. ca coute combien par semaine maintenant ?", /20 dinars tunisiens par semaine/);
    const asked = await answerer.ask("combien coute l'amende pour depassement de visa en tunisie en 2025 ?");
    expect(asked.evidence?.declined).toBe("period-after-reports");
  });

  it("answers of a year after the reports what they foresee for it ('by 2024'), and nothing from a plan that only ends then", async () => {
    await answered("en 2024 cb de maliens vont vivre en ville ?", /dépasser 60\s%/);
    expect((await answerer.ask("combien de migrants a bamako en 2024 ?")).abstained).toBe(true);
  });

  it("gives no figure of another year for the year asked, though the report is of that year: 2018's remittances are not 2020's", async () => {
    const asked = await answerer.ask("how much were remittances to mali in 2020?");
    expect(asked.abstained).toBe(true);
    expect(asked.text).not.toMatch(/485 billion/);
  });

  it("does not quote alone the sentence a close bank question points to when it lacks the figure its neighbours give", async () => {
    const answer = await answered("how many asylum seekers and refugees has UNHCR registered in tunisia?", /UNHCR/);
    expect(answer.citations[0]!.quote).toMatch(/not available/);
  });

  it("declines a count asked of what gives no figure, however close its words: no sentence on traffickers in Mali in 2019 counts them", async () => {
    for (const question of ["how many traffickers in mali in 2019?", "cb de migrants a bamako en 2021 ?"]) {
      const asked = await answerer.ask(question);
      expect(asked.abstained).toBe(true);
      expect(asked.evidence?.declined).toBe("figure-not-said");
      expect(asked.citations).toEqual([]);
    }
  });

  it("points someone who names their district (La Marsa) to help in its town only, and answers from that town's report", async () => {
    const declined = await answerer.ask("Hi, I work as a cleaner in La Marsa. Is there a minimum wage for migrants?");
    expect(declined.abstained).toBe(true);
    expect(declined.text).toMatch(/To ask for help: in Tunis, TAMSS/);
    expect(declined.text).not.toMatch(/Bamako/);
    // A passport taken and wages withheld there: what the reports say of the Tunis association that protects workers' contracts.
    const answered = await answerer.ask("Hi, I work as a domestic worker in La Marsa. My employer took my passport and I have not been paid for 3 months. What can I do?");
    expect(answered.citations.map((c) => c.passageId)).toEqual([expect.stringMatching(/^mmc-tunis-bamako-2020:/)]);
    expect(answered.text).not.toMatch(/Bamako/);
    const answer = await answerer.ask("je vis a ariana, ya une association qui aide les migrants ?");
    expect(answer.citations[0]?.passageId).toMatch(/^mmc-tunis-bamako-2020:/);
  });

  it("finds 'the closure of land and air borders' for borders asked closed, in either language", async () => {
    await answered("Did Mali close its borders during COVID-19?", /closure of land and air borders/);
    await answered("les frontieres etaient fermees a cause du covid au mali ?", /fermeture des frontières terrestres et aériennes/);
  });

  it("lets Mali's law speak for Bamako when no figure of Bamako's own is asked: the penalty for an irregular stay", async () => {
    await answered("les migrants sans papiers a bamako ils risquent quoi ?", /trois mois à trois ans/);
  });

  it("reads 15 retrieved passages, so that the closest bank question's passage is found below the cards' ten", async () => {
    const { retrieval } = await answerer.read("combien de migrants vivent a tunis ?");
    expect(retrieval.passages.length).toBeGreaterThanOrEqual(BANK_PASSAGE_DEPTH);
  });

  it("reads 'mon fils' as a child and 'né au Mali' as born there: the right of soil, not the nationality law's history", async () => {
    const answer = await answered("mon fils a 10 ans, il a grandi a bamako, il peut avoir la nationalite ?", /nationalité/);
    expect(answer.citations[0]?.quote).toMatch(/Jus soli/);
  });

  it("reads 'prendre en charge' as taking care of people: who takes in expelled migrants in Bamako", async () => {
    await answered("qui prend en charge les migrants expulses a bamako ?", /expulsés/);
  });

  it("reads a self-description typed without a comma before the question as the asker's, not as what is asked", async () => {
    await answered("je suis etudiant ivoirien a tunis je dois payer les penalites ?", /20 dinars tunisiens par semaine/);
  });

  it("answers care during COVID-19 in Bamako with the share who could get it, in the words people use ('soins')", async () => {
    await answered("les migrants a bamako ont eu acces aux soins pendant le covid ?", /79 %/);
  });

  it("shows the list of countries whose nationals enter Tunisia without a visa to someone of one of them", async () => {
    await answered("my bro na malian, him fit enter tunisia without visa abeg?", /Benin, Burkina Faso[^.]*Mali/);
  });

  it("answers what ECOWAS is, asked as a question of definition, with what the reports say of it, dated", async () => {
    const fr = await answerer.ask("c quoi la CEDEAO ?");
    expect(fr.text).toMatch(/Communauté économique des États de l'Afrique de l'Ouest/);
    expect(fr.text).toMatch(/a pu changer/);
    await answered("what is ECOWAS?", /Economic Community of West African States/);
    // Not every question naming ECOWAS is one of definition: the free movement card still answers this one alone.
    expect((await answerer.ask("c'est quoi la libre circulation cedeao")).text).not.toMatch(/signifie/);
  });

  it.each(["what is PONAM?", "what does ponam stand for?", "PONAM stands for what?", "what is the full name of PONAM"])("answers %j with the sentence that brings the name in, not one that only names it", async (question) => {
    await answered(question, /National Migration Policy \(Politique Nationale de Migration, or PONAM\)/);
  });

  it.each([
    ["les femmes migrantes a tunis travaillent dans quoi ?", "et les mecs ?", /hommes réfugiés et migrants du Grand Tunis travaillaient plus souvent dans la construction/],
    ["un malien peut donner sa nationalite a ses enfants ?", "et les mamans ?", /a donné aux femmes le droit de transmettre leur nationalité/],
  ])("after %j, reads the group of %j as texted", async (previous, question, expected) => {
    const answer = await answerer.ask(question, { previous: [previous] });
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(expected);
  });

  it.each([
    ["les pasteurs du nord du mali sont partis ou pendant la crise ?", /éleveurs nomades/],
    ["les voleurs s'en prennent aux migrants a bamako ?", /vol|extorsion/],
    ["les migrants ont envie de rester a tunis ?", /intentions d.installation à plus long terme/],
    ["ils disposent de papiers les migrants a tunis ?", /statut/],
  ])("reads the everyday words of %j as the reports' (not as a listed word a letter or two away)", async (question, expected) => {
    await answered(question, expected);
  });

  it("reads \"accueillir\" as hosting people, not as a reception centre (\"centre d'accueil\")", async () => {
    const hosting = await answered("le mali accueille combien de refugies ?", /réfugiés/);
    expect(hosting.text).not.toMatch(/centres d.accueil/);
    await answered("c'est quoi un centre d'accueil ?", /centres d.accueil/);
  });

  it.each([
    ["what does the 2004 immigration law of mali say about foreigners working?", /Article 17 of Law No\. 04-058/],
    ["la loi de 2004 dit quoi sur le travail des etrangers au mali ?", /article 17 de la loi n° 04-058/],
  ])("finds the article of a law asked by its year, though the passage cites the law by its number alone (%j)", async (question, expected) => {
    await answered(question, expected);
  });

  it.each([
    // No number to call: where help can be asked, not a sentence on needs for support.
    ["is there a number i can call for help in tunis?", /TAMSS/],
    // Nothing on schooling: not a sentence on children wanting to stay, shown as if it answered.
    ["les enfants migrants peuvent aller a l ecole en tunisie ?", /ne disent pas cela précisément|ne répondent pas à cette question/],
    // No wage nor rent in the reports: not the share who lost income, nor what rent was paid with.
    ["le loyer c combien a tunis ?", /ne répondent pas/],
    ["how much do migrants earn in tunis?", /do not answer/],
    // Nothing on landlords being punished: not the abuses they commit, shown as if it answered.
    ["are landlords punished for evicting migrants in tunis?", /do not say that precisely/],
    // The curfew's dates are no hours.
    ["le couvre feu a bamako c etait a quelle heure ?", /ne disent pas cela précisément/],
    // Nothing on free classes: not a sentence on distrust of sharing data online.
    ["les cours de francais sont gratuits a tunis ?", /ne disent pas cela précisément/],
  ])("declines %j plainly", async (question, expected) => {
    const answer = await answerer.ask(question);
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(expected);
  });

  it("reads 'when' before its subject as in which case, not as asking a date: the share of detentions in Bamako involving the police", async () => {
    await answered("when migrants get detained in bamako, how often is it the police?", /98 ?%/);
  });

  it("answers whether something costs more, which asks yes or no, not an amount: the cost of living in Cité Wahat", async () => {
    await answered("is the cost of living in cite wahat higher than elsewhere?", /cost of living in Cité Wahat was reported to be higher/);
  });

  it("does not take a name in bare brackets ('who works with them (AME)') for the place that spells it out", async () => {
    await answered("que veut dire AME ?", /Association Malienne des Expulsés/);
  });

  it.each([
    ["who is the ICMPD?", /The ICMPD is an international organisation/],
    ["c koi le 4Mi ?", /4Mi est un réseau unique/],
  ])("answers %j with the sentence saying what the name is, before one that only spells it out", async (question, expected) => {
    await answered(question, expected);
  });

  it("answers the fine asked in Pidgin after a story ('abeg i dey tunis, my visa don expire, how much i go pay?')", async () => {
    const answer = await answerer.ask("abeg i dey tunis, my visa don expire, how much i go pay?");
    expect(answer.cardId).toBe("tunisia-overstay-fine");
  });

  it("reads 'je risque quoi ?' and 'je paye cmb ?' as asking what follows the story before them (the fine), not as a question on risks", async () => {
    await answered("je suis sans papier en tunisie depuis 1 an, si je veux partir je paye cmb ?", /20 dinars tunisiens par semaine/);
    await answered("ma carte de sejour a expire a tunis, je risque quoi ?", /20 dinars tunisiens par semaine|amende calculée selon la durée/);
    // In Mali, an irregular stay is punished with prison and a fine.
    await answered("je suis au mali sans papiers, je risque quoi ?", /trois mois à trois ans de prison/);
    // The noun is a topic: the risks women face are asked about.
    await answered("quels sont les risques pour les femmes migrantes a bamako ?", /femmes/);
  });

  it("reads 'what happens if ...' after a story as asking what follows from the story: the visa expired in Tunis", async () => {
    await answered("my visa don expire for tunis 3 months now, wetin go happen if i wan comot?", /fine/);
  });

  it("reads a nationality named by its adjective as that state's: France's is not answered with Mali's law", async () => {
    expect((await answerer.ask("la nationalité française par le mariage c'est possible ?")).abstained).toBe(true);
    const malian = await answerer.ask("la nationalité malienne se transmet par la mère ?");
    expect(malian.abstained).toBe(false);
    expect(malian.citations[0]!.quote).toMatch(/nationality/);
  });

  it("reads a year told in the asker's story as theirs, not as the year asked about", async () => {
    const answer = await answerer.ask("je viens de gao, on est partis en 2012 avec mes enfants. les gens deplaces du nord ils logeaient ou, dans des camps ?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/familles d.accueil/);
  });

  it("answers an exemption the reports do state", async () => {
    const answer = await answerer.ask("les ressortissants de la CEDEAO sont exemptés de visa au mali ?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/CEDEAO/);
  });

  it("quotes the one sentence a close bank question points to, not its neighbours", async () => {
    // A question of the bank itself: its sentence is the fourth of a testimony of several.
    const answer = await answerer.ask("Les migrants recrutés pour travailler à Tunis reçoivent-ils des informations fausses sur le salaire et l'emploi ?");
    expect(answer.kind).toBe("extract");
    expect(answer.citations.map((c) => c.quote)).toEqual(["But he lied a bit on the salary and on the job."]);
  });

  it.each([
    ["Who won the football match yesterday?", "en", /do not answer this question/],
    ["Combien coûte un titre de séjour en Espagne ?", "fr", /ne répondent pas à cette question/],
    ["What is the minimum wage in Tunisia in 2025?", "en", /do not answer/],
  ])("declines %j plainly, in the user's language, and says where to ask for help", async (question, lang, message) => {
    const answer = await answerer.ask(question);
    expect(answer).toMatchObject({ abstained: true, lang, citations: [] });
    expect(answer.text).toMatch(message);
    // Where to ask: the cities the question names, else Bamako and Tunis, each organisation with its report and year.
    expect(answer.text).toMatch(/(To ask for help: in|Pour demander de l'aide : à) (Tunis|Bamako), \w+ \((MMC|CARIM), 20\d\d\)/);
  });

  it("points a question on a town the help directory does not know to the places of help in its country", async () => {
    const answer = await answerer.ask("bonsoir, je suis a gao, les passeurs veulent 300000 pour aller en algerie, cest normal ?");
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(/Pour demander de l'aide : à Bamako/);
    expect(answer.text).not.toMatch(/Tunis/);
  });

  it("reads a message that asks nothing by what happened to the person, not by who they are: an expired visa in Tunis gets the fine", async () => {
    const answer = await answered("slt, je suis camerounais a tunis, mon visa a fini depuis 2 mois", /amende calculée selon la durée du séjour/);
    expect(answer.text).not.toMatch(/Camerounais/);
  });

  it("asks what the person wants to know when a message that asks nothing finds no answer, instead of saying 'this question' is not answered", async () => {
    const told = await answerer.ask("slt, je suis arrivé hier a bamako avec mon frere");
    expect(told.abstained).toBe(true);
    expect(told.text).toMatch(/^Que voulez-vous savoir \?/);
    expect(told.text).toMatch(/Pour demander de l'aide : à Bamako/);
    expect((await answerer.ask("Who won the football match yesterday?")).text).toMatch(/^The reports I know do not answer this question/);
  });

  it("reads 'doing', 'done' as verbs of asking, not topics the answer must hold: what Malians back from Libya did for work", async () => {
    await answered("the malians who came back from libya, what work were they doing there ?", /construction or the service sector/);
  });

  it("reads 'still', 'toujours' as when or how surely, not a topic the answer must hold", async () => {
    await answered("can i still get work in tunis without papers?", /without a contract is the norm/);
  });

  it("reads 'face' in 'what risks do migrants face' as a light verb, not a topic the answer must hold", async () => {
    await answered("what risks do migrants face in tunis ?", /[Rr]isks/);
  });

  it("answers 'since when' with the sentence giving a decade ('since the early 2000s')", async () => {
    await answered("depuis quand le mali est un pays de transit vers l'europe ?", /années 2000/);
  });

  it("reads the year of a cited work ('(Merabet and Gendreau, 2007)') as the work's, not as a year the passage gives figures for", async () => {
    const answer = await answerer.ask("how many malians worked in agriculture in ivory coast in 2007?");
    expect(answer.abstained).toBe(true);
  });

  it("answers in the language the user chose, whatever the question's", async () => {
    const answer = await answerer.ask("What is the fine for overstaying a visa in Tunisia?", { lang: "fr" });
    expect(answer.lang).toBe("fr");
    expect(answer.text).toMatch(/dinars tunisiens/);
  });

  it.each([
    ["les ivoiriens ont besoin de visa pour la tunisie ?", /90 jours/],
    ["How long can a Senegalese stay in Tunisia without a visa?", /90 days/],
    ["est ce que je peux sortir de tunisie si j ai des amendes", /ne peuvent pas quitter la Tunisie/],
    ["ou dormir a bamako quand on est expulsé", /hébergement/],
    ["What did Tunisia do about fines during covid?", /freeze penalties/],
    // SMS spellings of greetings, thanks and verbs ("bsr", "jvx", "ct", "mrc") are no unknown topics.
    ["bsr, jvx savoir cb ct la penalite en tunisie avant le covid, mrc", /20 dinars tunisiens/],
  ])("answers %j, a question of the same kind as the dev set but not in it", async (question, expected) => {
    const answer = await answerer.ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(expected);
  });

  // Of two cards a question meets, the more specific (the fine during the lockdown: Tunisia, a fine, COVID-19) answers, unless only the other holds the figure asked.
  it.each([
    ["did tunisia stop counting the overstay penalty during covid?", /freeze penalties/],
    ["my visa expired during covid in tunisia, how much is the fine per week?", /20 Tunisian dinars per week/],
  ])("answers %j with the card the question meets most", async (question, expected) => {
    const answer = await answerer.ask(question);
    expect(answer.kind).toBe("card");
    expect(answer.text).toMatch(expected);
  });

  // The card holding the figure answers; the more specific card the question meets too says what it adds.
  it.each([
    ["how much do you pay for an overstayed visa in tunisia in the covid lockdown?", /20 Tunisian dinars per week.*freeze/s],
    ["combien je paye si je depasse mon visa en tunisie pendant le covid ?", /20 dinars tunisiens par semaine.*gèleraient/s],
  ])("answers %j with the figure, then what the more specific card adds", async (question, expected) => {
    const answer = await answerer.ask(question);
    expect(answer.kind).toBe("card");
    expect(answer.text).toMatch(expected);
  });

  // What an irregular stay in Mali risks is a card, as the fine is in Tunisia: the law's penalty, dated, and where to ask for help.
  it.each(["je suis sans papiers a bamako je risque la prison ?", "je reste au mali sans carte de sejour, c'est quoi la sanction ?"])("answers %j with the penalty for an irregular stay in Mali and where to ask for help", async (question) => {
    const answer = await answerer.ask(question);
    expect(answer.cardId).toBe("irregular-stay-in-mali");
    expect(answer.text).toMatch(/trois mois à trois ans de prison[^]*date de 2010[^]*Pour demander de l'aide : à Bamako/);
  });

  it.each(["je peux travailler sans papiers au mali ?", "un sans papiers peut travailler au mali ?"])("answers %j with what the law says of irregular work", async (question) => {
    const answer = await answerer.ask(question);
    expect(answer.kind).toBe("card");
    expect(answer.text).toMatch(/travail irrégulier/);
  });

  it.each(["How much does a bus from Bamako to Dakar cost?", "cb coute la carte de sejour au mali pr un guineen ?"])("declines %j rather than guess", async (question) => {
    expect((await answerer.ask(question)).abstained).toBe(true);
  });

  it.each([
    ["I'm Malian, my wife is French. Can my kids have both nationalities?", /dual citizenship is allowed/],
    ["les binationaux c est autorise au mali ?", /double nationalité/],
  ])("reads %j as asking about dual citizenship, as the reports call it", async (question, expected) => {
    const answer = await answerer.ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(expected);
  });

  it.each(["combien de maliens vivent en allemagne ?"])("declines %j: the reports give no figure for that country, so another country's is no answer", async (question) => {
    expect((await answerer.ask(question)).abstained).toBe(true);
  });
});

