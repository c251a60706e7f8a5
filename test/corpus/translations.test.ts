import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CorpusError, loadCorpus } from "../../src/corpus/load.js";
import { checkHeadingTranslations } from "../../src/corpus/heading-translations.js";
import { checkTranslations, missingNumbers, needsTranslation, numbersIn, type Translation, translationBlank } from "../../src/corpus/translations.js";

const corpus = loadCorpus();
const french = corpus.translations.get("fr")!;

describe("the committed French translation", () => {
  it("covers every passage but bibliographies, reviewed, and passes every check", () => {
    const wanted = corpus.passages.filter(needsTranslation).map((p) => p.id);
    expect([...french.keys()].sort()).toEqual(wanted.sort());
    expect([...french.values()].every((t) => t.reviewed)).toBe(true);
    expect(checkTranslations("fr", corpus.passages, [...french.values()])).toEqual([]);
  });

  it("gives the Tunisia fine in French with its amount", () => {
    const fine = corpus.passages.find((p) => p.text.includes("20 Tunisian Dinars per week"))!;
    expect(french.get(fine.id)!.sentences.map((s) => s.text).join(" ")).toMatch(/20 dinars tunisiens par semaine/);
  });
});

describe("the headings' translation", () => {
  const headings = corpus.headings.get("fr")!;

  it("covers every heading of a translated passage, numbers kept", () => {
    expect(checkHeadingTranslations("fr", corpus.passages, headings)).toEqual([]);
    expect(headings.get("4. Migration policy landscape")).toBe("4. Paysage des politiques migratoires");
  });

  it("names a heading with no translation, and one whose number the French lost", () => {
    const passage = corpus.passages.find((p) => p.section.includes("4. Migration policy landscape"))!;
    const without = new Map([...headings].filter(([en]) => en !== "4. Migration policy landscape"));
    expect(checkHeadingTranslations("fr", [passage], without)).toContain('heading "4. Migration policy landscape" has no translation');
    const lost = new Map(headings).set("4. Migration policy landscape", "Paysage des politiques migratoires");
    expect(checkHeadingTranslations("fr", [passage], lost)).toEqual(['heading "4. Migration policy landscape": its translation lacks 4']);
  });
});

describe("the translation checks", () => {
  const passage = corpus.passages.find((p) => needsTranslation(p) && p.text.includes("1,013,760"))!;
  const good = french.get(passage.id)!;
  const edited = (edit: (t: Translation) => void): Translation => {
    const copy: Translation = structuredClone(good);
    edit(copy);
    return copy;
  };

  it("names a passage that has no translation", () => {
    expect(checkTranslations("fr", [passage], [])).toEqual([{ passageId: passage.id, problem: "has no translation" }]);
  });

  it("names a passage whose English sentences no longer rebuild it", () => {
    const problems = checkTranslations("fr", [passage], [edited((t) => (t.sentences[0]!.en = "Something else."))]);
    expect(problems[0]).toMatchObject({ passageId: passage.id, problem: expect.stringMatching(/do not rebuild the passage/) });
  });

  it("names the sentence and the number the French lost", () => {
    const i = good.sentences.findIndex((s) => s.en.includes("1,013,760"));
    const problems = checkTranslations("fr", [passage], [edited((t) => (t.sentences[i]!.text = t.sentences[i]!.text.replace(/1\s?013\s?760/, "un million")))]);
    expect(problems).toEqual([{ passageId: passage.id, problem: `sentence ${i + 1}: the translation lacks 1013760` }]);
  });

  it("reads numbers the way each language writes them", () => {
    expect(numbersIn("1,013,760 people, 2.5%, 10.000 Mauritanians, 0.083", "en")).toEqual(["1013760", "2.5", "10000", "0.083"]);
    expect(numbersIn("1 013 760 personnes, 2,5 %, 10 000 Mauritaniens, 0,083", "fr")).toEqual(["1013760", "2.5", "10000", "0.083"]);
    expect(missingNumbers("20 Tunisian Dinars per week since 2018", "20 dinars tunisiens par semaine depuis 2018", "fr")).toEqual([]);
    expect(missingNumbers("Soninke 1,714 758 44.2", "Soninké 1 714 | 758 | 44,2", "fr")).toEqual([]);
    expect(missingNumbers("between 2012 and 2013", "entre 2012 et 2014", "fr")).toEqual(["2013"]);
  });

  it("gives translators a blank cut as the answerer cuts the passage", () => {
    const blank = translationBlank(passage);
    expect(blank.sentences.map((s) => s.en)).toEqual(good.sentences.map((s) => s.en));
    expect(blank.reviewed).toBe(false);
  });
});

describe("a damaged translation file", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const copyWith = (edit: (lines: string[]) => string[]) => {
    dir = mkdtempSync(join(tmpdir(), "relais-tr-"));
    cpSync("corpus", dir, { recursive: true });
    const path = join(dir, "translations", "fr.jsonl");
    writeFileSync(path, edit(readFileSync(path, "utf8").split("\n")).join("\n"));
    return dir;
  };

  it("stops the corpus from loading, naming the file, the passage and the fix", () => {
    const d = copyWith((lines) => lines.slice(1));
    expect(() => loadCorpus(d)).toThrow(CorpusError);
    expect(() => loadCorpus(d)).toThrow(/fr\.jsonl: passage \S+ has no translation\. .*npm run translate -- --missing/);
  });

  it("names the line that is not JSON", () => {
    const d = copyWith((lines) => ["{oops", ...lines.slice(1)]);
    expect(() => loadCorpus(d)).toThrow(/fr\.jsonl line 1 is not valid JSON/);
  });

  it("stops the corpus from loading when a heading has no translation, naming the file, the heading and the fix", () => {
    dir = mkdtempSync(join(tmpdir(), "relais-tr-"));
    cpSync("corpus", dir, { recursive: true });
    const path = join(dir, "translations", "fr.headings.jsonl");
    writeFileSync(path, readFileSync(path, "utf8").split("\n").filter((l) => !l.includes('"4. Migration policy landscape"')).join("\n"));
    expect(() => loadCorpus(dir)).toThrow(/fr\.headings\.jsonl: heading "4\. Migration policy landscape" has no translation\. Add or fix the heading's line/);
  });
});
