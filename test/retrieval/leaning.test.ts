import { beforeAll, describe, expect, it } from "vitest";
import { asksDefinition, asksNothing, leansOnPrevious, PassageRetriever } from "../../src/retrieval/index.js";

let retriever: PassageRetriever;
beforeAll(async () => {
  retriever = await PassageRetriever.open();
});
const leans = async (message: string) => leansOnPrevious(message, (await retriever.retrieve(message)).concepts);

describe("whether a message leans on the one before, read from the message itself", () => {
  it.each(["et si je pars sans payer ?", "elle a été adoptée quand ?", "c'est bloqué depuis quand ?", "Since when?", "and for children?", "et à Tunis ?", "which office i go pay am?", "Par quelle loi a-t-il été créé ?", "What is its objective?", "Combien de temps peut-il y séjourner ?", "ça coûte combien par mois ?", "e get im own office for bamako?", "cmb sont rentres ?", "in how many regions?", "were women among those sent back home?", "je la demande a quel bureau de la mairie ?", "Connaît-on le même chiffre pour la région de Kayes ?", "is the same figure given for women in Tunis?", "what are the risks there?", "c'est quoi leur role la-bas ?", "how many came back to mali?", "How many were registered as refugees in the Mopti region?", "What was the percentage for women?", "quel est le pourcentage chez les femmes ?", "cest cher le loyer ?", "a quel endroit precisement ?", "where precisely?", "were women more affected?", "ya cb d argent dedans par an ?", "on se trouve surtout dans quelle zone ?", "mostly in which country?", "Qui en sont les principaux auteurs ?", "il y en a combien a bamako ?", "ca represente quoi pour l'economie ?"])("%j leans", async (message) => {
    expect(await leans(message)).toBe(true);
  });

  it.each(["c'est quoi la CEDEAO ?", "Quelle est l'amende pour dépassement de visa en Tunisie ?", "ou dormir a bamako quand on est expulsé", "il faut un visa pour entrer au mali ?", "wetin be ECOWAS?", "il y a des foyers pour femmes a tunis ?", "combien coute le visa pour la tunisie ?", "how many migrants returned from libya to mali?", "rien a voir, et les femmes ?", "by the way, what is it?", "nous les migrants on a droit a quoi a bamako ?", "les etrangers ont les memes droits que les maliens ?", "do migrants have the same rights as nationals in mali?", "What is the number of migrants living in Tunis?", "are women more affected than men in tunis?", "dans quelle region du mali il y a le plus de deplaces ?", "qui en tunisie aide les migrants sans papiers a trouver un logement ?"])("%j stands alone", async (message) => {
    expect(await leans(message)).toBe(false);
  });
});

describe("a question that leans on the story told before it", () => {
  const storyWeight = async (message: string, word: string) => (await retriever.retrieve(message)).concepts.find((c) => c.source.split(" ").includes(word))?.focus;

  it("takes its topic from the story when it says little of its own", async () => {
    const story = "we live in tunis since two years without residence card and the penalty keeps growing every week";
    const leaning = await storyWeight(`${story}. is that true?`, "penalty");
    const standing = await storyWeight(`${story}. how do migrants find housing in bamako?`, "penalty");
    expect(leaning).toBeGreaterThan(standing!);
    expect(leaning).toBeLessThan(1);
  });

  it("asks about the place its story named last when it points at it ('there', 'là-bas')", async () => {
    const places = async (message: string) => Object.fromEntries((await retriever.retrieve(message)).concepts.filter((c) => c.place).map((c) => [c.source, c.focus]));
    const focus = await places("je suis a bamako depuis un an et je veux aller travailler a tunis. c'est dangereux la-bas pour les femmes ?");
    expect(focus["tunis"]).toBe(1);
    expect(focus["bamako"]).toBeLessThan(1);
    // Not a place the asker comes from.
    const from = await places("je veux aller travailler a tunis depuis le niger avec ma soeur. c'est dangereux la-bas pour les femmes ?");
    expect(from["tunis"]).toBe(1);
    expect(from["niger"]).toBeLessThan(1);
  });

  it("asks about the story's place when it points at it ('there', 'là-bas')", async () => {
    const focus = async (message: string) => (await retriever.retrieve(message)).concepts.find((c) => c.place)?.focus;
    expect(await focus("i am a nigerian man living in bamako with my family since last year. are migrants safe there?")).toBe(1);
    expect(await focus("i am a nigerian man living in bamako with my family since last year. is it safe for migrants?")).toBeLessThan(1);
  });

  it("weighs the story's place more when the question asks about 'here', without binding the answer to it", async () => {
    const focus = async (message: string) => (await retriever.retrieve(message)).concepts.find((c) => c.place)?.focus ?? 0;
    const story = "I'm a Nigerian lady in Bamako, I sell food at the market. Some boys attacked me last week.";
    const here = await focus(`${story} Who usually attacks migrants here?`);
    expect(here).toBeGreaterThan(await focus(`${story} Who usually attacks migrants?`));
    expect(here).toBeLessThan(1);
  });
});

describe("whether a message asks anything, question mark or not", () => {
  it.each(["c koi la carte de sejour au mali ca coute cb", "ya une aide pour les deplaces a bamako", "kel papier il faut pour la carte", "ki peut m aider a tunis", "combien coute le visa", "on m a parle de quartiers dangereux a bamako, lesquels", "were malian refugees in niger allowed to work", "la tunisie a t elle signe un accord avec le mali", "le niger est il membre de la cedeao", "wetin dey happen to people wey dem deport come bamako", "a gao c qui qui garde les postes", "on nous envoie ailleurs vers ou"])("%j asks", (message) => {
    expect(asksNothing(message)).toBe(false);
  });

  it.each(["je suis camerounais a tunis, mon visa a fini depuis 2 mois", "ya 3 mois que je suis a bamako", "we were many on the bus from gao, i have my papers"])("%j only tells", (message) => {
    expect(asksNothing(message)).toBe(true);
  });
});

describe("a question of definition", () => {
  it.each(["abeg wetin be ecowas", "svp c'est quoi la PONAM", "what is the CEDEAO?", "what does PONAM stand for?", "que veut dire CMP ?", "MGI stands for what?", "PONAM ca veut dire quoi ?", "le sigle CIGEM signifie quoi", "what is the full name of PONAM"])("%j asks what something is", (message) => {
    expect(asksDefinition(message)).toBe(true);
  });

  it("is not any question that names one thing", () => {
    expect(asksDefinition("abeg how much be the fine for tunis")).toBe(false);
  });
});
