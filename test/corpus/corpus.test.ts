import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../../src/corpus/build.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { countWords } from "../../src/corpus/text.js";
import { maxPairOverlap } from "../../src/corpus/dedupe.js";
import { passageHoldsQuote, readGold } from "../../src/eval/gold.js";

// These tests read the committed corpus: what a fresh clone answers from.
const corpus = loadCorpus();
const gold = readGold("test/fixtures/gold-dev.jsonl");

describe("the committed corpus", () => {
  it("holds every support quote of the gold questions in at least one passage", () => {
    const missing = gold.flatMap((q) =>
      q.support.filter((s) => !corpus.passages.some((p) => passageHoldsQuote(p.text, s.quote))).map((s) => `${q.id}: ${s.quote}`),
    );
    expect(missing).toEqual([]);
  });

  it("keeps the Tunisia overstay fine, printed in a footnote, as a footnote passage of its own", () => {
    const fine = corpus.passages.find((p) => p.text.includes("20 Tunisian Dinars per week"));
    expect(fine).toMatchObject({ kind: "footnote", footnote: 22, docId: "mmc-tunis-bamako-2020" });
    expect(countWords(fine!.text)).toBeLessThan(40);
  });

  it("has no empty passage and none over 300 words", () => {
    const bad = corpus.passages.filter((p) => p.text.trim() === "" || countWords(p.text) > 300).map((p) => p.id);
    expect(bad).toEqual([]);
  });

  it("has no two passages sharing more than 90% of their word 5-grams", () => {
    const { ratio, pair } = maxPairOverlap(corpus.passages.map((p) => p.text));
    const ids = pair?.map((i) => corpus.passages[i]!.id);
    expect(ratio, `most alike: ${ids}`).toBeLessThanOrEqual(0.9);
  });

  it("keeps the Bamako report's words once, naming both reports that print them", () => {
    const shared = corpus.passages.filter((p) => p.docId === "mmc-bamako-2020" && p.alsoIn.includes("mmc-tunis-bamako-2020"));
    expect(shared.length).toBeGreaterThan(30);
    const extortion = corpus.passages.filter((p) => p.text.includes("extortion is the protection incident"));
    expect(extortion.length).toBeGreaterThan(0);
    expect(extortion.filter((p) => p.docId !== "mmc-bamako-2020")).toEqual([]);
  });

  it("gives each passage offsets that point at its text in the cleaned report", () => {
    const cleaned = new Map(corpus.manifest.reports.map((r) => [r.id, readFileSync(join("corpus", r.cleanedFile), "utf8")]));
    const off = corpus.passages.filter((p) => cleaned.get(p.docId)!.slice(p.start, p.end) !== p.text).map((p) => p.id);
    expect(off).toEqual([]);
  });

  it("lists all five reports with title, publisher and year", () => {
    expect(corpus.manifest.reports.map((r) => [r.id, r.year])).toEqual([
      ["mmc-bamako-2020", 2020],
      ["mmc-tunis-bamako-2020", 2020],
      ["carim-mali-2010", 2010],
      ["iom-mgi-mali-2021", 2021],
      ["iom-mali-crisis-2013", 2013],
    ]);
    for (const report of corpus.manifest.reports) {
      expect(report.title.length).toBeGreaterThan(10);
      expect(report.publisher.length).toBeGreaterThan(3);
      expect(report.passageCount).toBeGreaterThan(10);
    }
  });

  it("records the sha256 of each committed source report", () => {
    for (const report of corpus.manifest.reports) {
      expect(sha256(readFileSync(join("corpus", "sources", report.file), "utf8"))).toBe(report.sha256);
    }
  });
});
