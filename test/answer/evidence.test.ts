import { describe, expect, it } from "vitest";
import { PassageWindows, weighConcepts } from "../../src/answer/evidence.js";
import type { Passage } from "../../src/corpus/index.js";
import { type Concept, PassageRetriever, type TermSource } from "../../src/retrieval/index.js";

/** Every term known, every term equally rare: a concept's weight is then its share of the question's attention. */
const EVEN: TermSource = { termsOf: (text) => new Set(text.split(" ")), idf: () => 2, knows: () => true };

function concept(source: string): Concept {
  return { source, terms: { en: new Map([[source, 1]]), fr: new Map() }, focus: 1, place: false };
}

describe("weighing a question's concepts", () => {
  it("leaves out greetings, thanks, politeness and blessings: how a message is said, not what it asks", () => {
    const weighed = weighConcepts(["bonjour", "plait", "maliens", "etranger", "thanks", "inchallah"].map(concept), ["en"], EVEN);
    expect(weighed.map((w) => w.concept.source)).toEqual(["maliens", "etranger"]);
  });

  it("knows a word the reports never use through its lexicon synonyms they do ('percent' through 'percentage'); a word with none stays unknown", () => {
    const knowsOnly = (word: string): TermSource => ({ termsOf: (text) => new Set(text.split(" ")), idf: () => 2, knows: (term) => term === word });
    const percent: Concept = { source: "percent", terms: { en: new Map([["percent", 1], ["percentage", 0.6]]), fr: new Map() }, focus: 1, place: false };
    expect(weighConcepts([percent], ["en"], knowsOnly("percentage"))[0]!.unknown).toBe(false);
    expect(weighConcepts([percent], ["en"], knowsOnly("passport"))[0]!.unknown).toBe(true);
  });

  it("weighs a light verb ('faire', 'go') below the words that say what is asked", () => {
    const [verb, noun] = weighConcepts([concept("fais"), concept("carrelage")], ["en"], EVEN);
    expect(verb!.weight).toBeLessThan(noun!.weight / 2);
    expect(noun!.weight).toBe(2);
  });

  it("weighs French 'pris' as light as English 'took': a taken passport is about the passport", () => {
    for (const [verb, noun] of [["pris", "passeport"], ["took", "passport"]] as const) {
      const [v, n] = weighConcepts([concept(verb), concept(noun)], ["en"], EVEN);
      expect(v!.weight).toBeLessThan(n!.weight / 2);
    }
  });
});

describe("weighing words that frame a question", () => {
  it.each([["main", "perpetrators"], ["principaux", "auteurs"], ["face", "risks"]])("weighs %j below %j, what the question is about", (frame, topic) => {
    const [f, t] = weighConcepts([concept(frame), concept(topic)], ["en"], EVEN);
    expect(f!.weight).toBeLessThan(t!.weight / 2);
  });
});

describe("where a passage is", () => {
  it("places a passage of the Tunis and Bamako report under a Tunis heading in Tunis and Tunisia, not in Bamako", async () => {
    const retriever = await PassageRetriever.open();
    const windows = new PassageWindows(retriever.corpus, retriever, retriever.lexicon.placesWithin);
    const joint = retriever.corpus.passages.filter((p) => p.docId === "mmc-tunis-bamako-2020");
    const scope = (p: Passage) => windows.of(p).scope.en ?? new Set<string>();
    const [bamako, tunisia, tunis] = ["bamako", "tunisia", "tunis"].map((w) => [...retriever.termsOf(w, "en")][0]!);
    const underTunis = joint.find((p) => /^\d\. Tunis, migration/.test(p.section[0] ?? ""))!;
    expect(scope(underTunis)).toEqual(new Set([tunis, tunisia]));
    const foreword = joint.find((p) => p.section[0] === "Foreword")!;
    expect([...scope(foreword)]).toEqual(expect.arrayContaining([tunis, tunisia, bamako]));
  });
});

describe("the windows of a passage", () => {
  it("quotes no list number or row of table figures the PDF left as a sentence, alone or beside a sentence", async () => {
    const retriever = await PassageRetriever.open();
    const windows = new PassageWindows(retriever.corpus, retriever, retriever.lexicon.placesWithin);
    const quoted = retriever.corpus.passages.flatMap((p) => {
      const sentences = retriever.corpus.sentences.get(p.id) ?? [];
      return windows.of(p).windows.flatMap((w) => sentences.slice(w.range.from, w.range.to).map((s) => s.text));
    });
    expect(quoted).toContain("The majority resided in African countries (80.6%), mainly the Ivory Coast (56.6%), Senegal (5.5%) and Niger (5.4%).");
    expect(quoted.filter((text) => !/\p{L}{3}/u.test(text))).toEqual([]);
  });
});
