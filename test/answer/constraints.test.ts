import { beforeAll, describe, expect, it } from "vitest";
import { type ConstraintContext, nationalityTermsByWord, nationalityWords, readConstraints, speaksOfOtherNationals } from "../../src/answer/constraints.js";
import { weighConcepts } from "../../src/answer/evidence.js";
import { Answerer } from "../../src/answer/index.js";
import { askedKind } from "../../src/answer/question-kind.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let retriever: PassageRetriever;
beforeAll(async () => {
  retriever = await PassageRetriever.open();
});

async function constraintsOf(question: string) {
  const { concepts, searched } = await retriever.retrieve(question);
  return readConstraints(question, weighConcepts(concepts, searched, retriever), retriever.termsOf(nationalityWords(retriever.lexicon).join(" "), "en"), askedKind(question));
}

async function placesBound(question: string): Promise<string[][]> {
  return (await constraintsOf(question)).places.map((alternatives) => alternatives.map((w) => w.concept.source));
}

describe("the places a question binds its answer to", () => {
  it("binds every place it asks about", async () => {
    expect(await placesBound("combien de migrants vivent a tunis et a bamako ?")).toEqual([["tunis"], ["bamako"]]);
  });

  it("lets the answer speak of either of two places joined by 'ou' or 'or'", async () => {
    expect(await placesBound("le mali punit ceux qui partent vers la libye ou l'espagne ?")).toEqual([["mali"], ["libye", "espagne"]]);
    expect(await placesBound("does mali punish people who leave for libya or spain?")).toEqual([["mali"], ["libya", "spain"]]);
  });

  it("does not bind a place the asker only compares with", async () => {
    expect(await placesBound("au mali on peut enfermer un etranger sans papiers dans un centre de retention comme en libye ?")).toEqual([["mali"]]);
  });

  it("does not bind where the asker was sent from beside the place asked, and does when it is the only place", async () => {
    expect(await placesBound("ou dormir a bamako quand on a ete expulse d algerie ?")).toEqual([["bamako"]]);
    expect(await placesBound("my brother was deported from angola, who can help him in bamako?")).toEqual([["bamako"]]);
    expect(await placesBound("combien de maliens sont rentres de libye ?")).toEqual([["libye"]]);
  });

  it("does not answer about a country from a sentence of a passage that names it only elsewhere", async () => {
    const answer = await Answerer.create(retriever).ask("Les Guinéens ont-ils besoin d'un visa pour aller en Algérie ?");
    expect(answer.abstained).toBe(true);
  });

  it("does not answer about Mali from a sentence of the Tunis and Bamako report that names only Tunisia", async () => {
    const answer = await Answerer.create(retriever).ask("can ecowas citizens stay 90 days in mali without a visa?");
    expect(answer.citations.map((c) => c.quote).join(" ")).not.toMatch(/Tunisia/);
  });

  it("does not answer about Mali from a sentence whose passage in that report speaks only of Tunisia", async () => {
    const answer = await Answerer.create(retriever).ask("le mali a une loi sur l'asile ?");
    expect(answer.citations.map((c) => c.quote).join(" ")).not.toMatch(/impasse since 2012/);
  });

  it("reads a sentence under its passage's heading: under 'Malians from Libya', it speaks of Libya", async () => {
    const answer = await Answerer.create(retriever).ask("how did the returnees from Libya feel when they came home?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.quote).toMatch(/anxiety/);
  });

  it("answers a question that compares with a place the reports do not cover", async () => {
    const answer = await Answerer.create(retriever).ask("au mali on peut enfermer un etranger sans papiers dans un centre de retention comme en libye ?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.quote).toMatch(/detention/);
  });
});

describe("the places the asker's story tells, when the question names none", () => {
  it("bind nothing, but an answer is not taken from a report or heading placed elsewhere while another can answer", async () => {
    const answerer = Answerer.create(retriever);
    const answer = await answerer.ask("bonjour je suis camerounais, je suis arrivé en tunisie il y a 6 mois avec un visa touriste qui a expiré. est ce que je risque la prison ?");
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.docId !== "carim-mali-2010")).toBe(true); // Mali's law on irregular stay is no answer in Tunisia
    expect((await constraintsOf("je vis a bamako depuis deux ans, est-ce que je peux avoir la nationalite ?")).told.map((w) => w.concept.source)).toEqual(["bamako"]);
    expect((await constraintsOf("je vis a bamako, combien de migrants a tunis ?")).told).toEqual([]);
  });

  it("place the story in the country of a town the reports never name: someone in Sfax is not answered with Mali's hospital rules", async () => {
    const answer = await Answerer.create(retriever).ask("jsui camerounais a sfax, jai pas de papier, je peux aller a lhopital ?");
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.docId === "mmc-tunis-bamako-2020")).toBe(true);
  });

  it("count a town for its country: someone in Bamako may be answered from a report on Mali", async () => {
    const answer = await Answerer.create(retriever).ask("je suis togolais et je vis a bamako depuis 10 ans, comment avoir la nationalite malienne ?");
    expect(answer.citations.some((c) => c.docId === "carim-mali-2010")).toBe(true);
  });
});

describe("a place asked about that a window names only in a list", () => {
  it("is no answer when the window is about a place not asked ('reside in Tunisia ...: Benin, ..., Mali, ...' for a stay in Mali)", async () => {
    const answerer = Answerer.create(retriever);
    for (const question of ["un ivoirien peut rester combien de temps au mali sans visa ?", "how long can a burkinabe stay in mali without a visa?"]) {
      const answer = await answerer.ask(question);
      expect(answer.citations.map((c) => c.quote).join(" ")).not.toMatch(/Tunisia/);
    }
  });

  it("answers when the place outside the list is the one asked: the list says who enters Tunisia without a visa", async () => {
    const answer = await Answerer.create(retriever).ask("do nigeriens need a visa to enter tunisia?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/Niger/);
  });
});

describe("a people naming a state ('la loi tunisienne', 'the Malian law')", () => {
  it("binds the answer to that state, also for a follow-up that leans on it: Tunisia's law is not answered with Mali's", async () => {
    const answerer = Answerer.create(retriever);
    const follow = (previous: string) => answerer.ask("how many years of prison can they get?", { previous: [previous] });
    expect((await follow("does the tunisian law punish people who help irregular migrants?")).abstained).toBe(true);
    const malian = await follow("does the malian law punish people who help irregular migrants?");
    expect(malian.abstained).toBe(false);
    expect(malian.text).toMatch(/three months to three years in prison/);
    const french = await answerer.ask("ca peut aller jusqu'a combien d'annees de prison ?", { previous: ["la loi tunisienne punit les gens qui aident les migrants sans papiers ?"] });
    expect(french.abstained).toBe(true);
  });
});

describe("the nationals a question asks about", () => {
  it("knows the nationalities of the lexicon, not the peoples of a region", () => {
    const words = nationalityWords(retriever.lexicon);
    expect(words).toEqual(expect.arrayContaining(["malian", "ivorian", "guinean", "senegalese"]));
    expect(words).not.toContain("european");
  });

  it("reads who is asked about, not the asker's own nationality nor a country", async () => {
    expect((await constraintsOf("Do Senegalese nationals need a visa to enter Morocco?")).nationals.map((w) => w.concept.source)).toEqual(["senegalese"]);
    expect((await constraintsOf("pourquoi les gens viennent en tunisie ?")).nationals).toEqual([]);
    expect((await constraintsOf("je suis ivoirien, je vis a tunis depuis deux ans et mon visa a expire. combien je dois payer ?")).nationals).toEqual([]);
  });

  it("does not answer about Malians when asked about Senegalese nationals", async () => {
    const answer = await Answerer.create(retriever).ask("Do Senegalese nationals need a visa to enter Morocco?");
    for (const c of answer.citations) expect(c.quote).not.toMatch(/Malians are exempted/);
  });

  it("reads the peoples a window names from its words, not from its countries' names", async () => {
    const context = { nationalityTermsByWord: nationalityTermsByWord(retriever.lexicon, retriever) } as unknown as ConstraintContext;
    const windowOf = (text: string) => ({ texts: { en: text }, terms: { en: new Set(retriever.termsOf(text, "en")) } });
    const ivorians = await constraintsOf("how many ivorians live in mali?");
    expect(speaksOfOtherNationals(ivorians, windowOf("Important numbers of Malians were living in the Ivory Coast."), context)).toBe(true);
    expect(speaksOfOtherNationals(ivorians, windowOf("77,549 nationals from Côte d'Ivoire lived in Mali."), context)).toBe(false);
    expect(speaksOfOtherNationals(ivorians, windowOf("Ivorians and Malians crossed the border."), context)).toBe(false);
  });

  it("reads a sentence naming only the countries Malians go to as about them, not about other nationals", async () => {
    const answer = await Answerer.create(retriever).ask("what farm work do malians do in ivory coast and ghana?");
    expect(answer.citations.map((c) => c.quote).join(" ")).toMatch(/cocoa and coffee plantations in the Ivory Coast and Ghana/);
  });
});

describe("whether a town's country speaks for it", () => {
  it("does when no figure is asked (what a law provides holds in Bamako), not for a count of the town's own", async () => {
    expect((await constraintsOf("les migrants sans papiers a bamako ils risquent quoi ?")).countrySpeaksForTown).toBe(true);
    expect((await constraintsOf("combien de migrants vivent a bamako ?")).countrySpeaksForTown).toBe(false);
  });
});
