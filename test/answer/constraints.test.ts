import { beforeAll, describe, expect, it } from "vitest";
import { readConstraints } from "../../src/answer/constraints.js";
import { weighConcepts } from "../../src/answer/evidence.js";
import { Answerer } from "../../src/answer/index.js";
import { PassageRetriever, type TermSource } from "../../src/retrieval/index.js";

let retriever: PassageRetriever;
beforeAll(async () => {
  retriever = await PassageRetriever.open();
});

/** Every term known, every term equally rare. */
const EVEN: TermSource = { termsOf: (text) => new Set(text.split(" ")), idf: () => 2, knows: () => true };

async function placesBound(question: string): Promise<string[][]> {
  const { concepts, searched } = await retriever.retrieve(question);
  return readConstraints(question, weighConcepts(concepts, searched, EVEN)).places.map((alternatives) => alternatives.map((w) => w.concept.source));
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

  it("answers a question that compares with a place the reports do not cover", async () => {
    const answer = await Answerer.create(retriever).ask("au mali on peut enfermer un etranger sans papiers dans un centre de retention comme en libye ?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.quote).toMatch(/detention/);
  });
});
