import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { leansOnPrevious } from "../../src/answer/follow-up.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let retriever: PassageRetriever;
beforeAll(async () => {
  retriever = await PassageRetriever.open();
});
const leans = async (message: string) => leansOnPrevious(message, (await retriever.retrieve(message)).concepts);

describe("whether a message leans on the one before, read from the message itself", () => {
  it.each(["et si je pars sans payer ?", "elle a été adoptée quand ?", "c'est bloqué depuis quand ?", "Since when?", "and for children?", "et à Tunis ?", "which office i go pay am?", "Par quelle loi a-t-il été créé ?", "What is its objective?", "Combien de temps peut-il y séjourner ?", "ça coûte combien par mois ?", "e get im own office for bamako?", "cmb sont rentres ?", "in how many regions?"])("%j leans", async (message) => {
    expect(await leans(message)).toBe(true);
  });

  it.each(["c'est quoi la CEDEAO ?", "Quelle est l'amende pour dépassement de visa en Tunisie ?", "ou dormir a bamako quand on est expulsé", "il faut un visa pour entrer au mali ?", "wetin be ECOWAS?", "il y a des foyers pour femmes a tunis ?", "combien coute le visa pour la tunisie ?", "how many migrants returned from libya to mali?"])("%j stands alone", async (message) => {
    expect(await leans(message)).toBe(false);
  });
});

describe("what a follow-up asks for", () => {
  it("asks for what the message before asked when it does not say (a number after 'how many')", async () => {
    const answerer = Answerer.create(retriever);
    const asksForSomething = (scored: Awaited<ReturnType<Answerer["rankWindows"]>>["scored"]) => scored.some((w) => w.features.kindHeld + w.features.kindMissing > 0);
    const alone = await answerer.rankWindows("And in Niger?");
    const followUp = await answerer.rankWindows("And in Niger?", { previous: ["How many Malian refugees were in Mauritania in 2013?"] });
    expect(asksForSomething(alone.scored)).toBe(false);
    expect(asksForSomething(followUp.scored)).toBe(true);
  });
});

describe("what a follow-up retrieves", () => {
  it("is read with the message it leans on, as the eval measures it: the topic comes from before", async () => {
    const answerer = Answerer.create(retriever);
    const previous = ["How many Malian migrants came back from Libya after the 2011 crisis?"];
    const aboutLibya = (r: Awaited<ReturnType<Answerer["read"]>>) => r.retrieval.passages.slice(0, 5).filter((p) => /Libya/.test(p.passage.text)).length;
    const followUp = await answerer.read("And how many were women?", { previous });
    expect(followUp.leanedOn).toBe(previous[0]);
    expect(aboutLibya(followUp)).toBeGreaterThan(aboutLibya(await answerer.read("And how many were women?")));
  });
});
