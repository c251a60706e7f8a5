import { describe, expect, it } from "vitest";
import { weighConcepts } from "../../src/answer/evidence.js";
import type { Concept, TermSource } from "../../src/retrieval/index.js";

/** Every term known, every term equally rare: a concept's weight is then its share of the question's attention. */
const EVEN: TermSource = { termsOf: (text) => new Set(text.split(" ")), idf: () => 2, knows: () => true };

function concept(source: string): Concept {
  return { source, terms: { en: new Map([[source, 1]]), fr: new Map() }, focus: 1, place: false };
}

describe("weighing a question's concepts", () => {
  it("leaves out greetings, thanks and politeness: how a message is said, not what it asks", () => {
    const weighed = weighConcepts(["bonjour", "plait", "maliens", "etranger", "thanks"].map(concept), ["en"], EVEN);
    expect(weighed.map((w) => w.concept.source)).toEqual(["maliens", "etranger"]);
  });

  it("weighs a light verb ('faire', 'go') below the words that say what is asked", () => {
    const [verb, noun] = weighConcepts([concept("fais"), concept("carrelage")], ["en"], EVEN);
    expect(verb!.weight).toBeLessThan(noun!.weight / 2);
    expect(noun!.weight).toBe(2);
  });
});
