import { describe, expect, it } from "vitest";
import { citeSentences } from "../../src/answer/index.js";
import { loadCorpus } from "../../src/corpus/index.js";
import { MAX_BUTTON_CITATIONS, readSourcesData, sourcesData } from "../../src/bot/sources-button.js";

const corpus = loadCorpus();
const longest = corpus.passages.reduce((a, b) => ((corpus.sentences.get(a.id)?.length ?? 0) >= (corpus.sentences.get(b.id)?.length ?? 0) ? a : b));
const last = corpus.passages.at(-1)!;
const citations = [
  citeSentences(corpus, longest, 1, { from: (corpus.sentences.get(longest.id)?.length ?? 2) - 2, to: corpus.sentences.get(longest.id)?.length ?? 2 }),
  citeSentences(corpus, last, 2, { from: 0, to: 1 }),
];

describe("the sources button carries its sources", () => {
  it("any process with the same corpus quotes the same sentences again, in the answer's language", () => {
    const data = sourcesData(corpus, "fr", citations)!;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    const read = readSourcesData(loadCorpus(), data)!;
    expect(read.lang).toBe("fr");
    expect(read.citations.map((c) => [c.marker, c.passageId, c.quote, c.translations.fr?.text])).toEqual(citations.map((c) => [c.marker, c.passageId, c.quote, c.translations.fr?.text]));
  });

  it("fits as many citations as an answer gives within Telegram's 64 bytes, and no button beyond", () => {
    const many = Array.from({ length: MAX_BUTTON_CITATIONS }, (_, i) => citeSentences(corpus, corpus.passages[i]!, i + 1, { from: 0, to: 1 }));
    expect(MAX_BUTTON_CITATIONS).toBeGreaterThanOrEqual(5);
    expect(Buffer.byteLength(sourcesData(corpus, "en", many)!)).toBeLessThanOrEqual(64);
    expect(sourcesData(corpus, "en", [...many, citations[0]!])).toBeUndefined();
  });

  it("refuses data from another corpus or that the bot did not make", () => {
    const data = sourcesData(corpus, "en", citations)!;
    const otherCorpus = { ...corpus, manifest: { ...corpus.manifest, passagesSha256: "f".repeat(64) } };
    expect(readSourcesData(otherCorpus, data)).toBeUndefined();
    expect(readSourcesData(corpus, "src:unknownkey")).toBeUndefined();
    expect(readSourcesData(corpus, `${data.slice(0, 8)}_____`)).toBeUndefined(); // a passage the corpus does not have
  });
});
