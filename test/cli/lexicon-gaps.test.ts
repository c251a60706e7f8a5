import { describe, expect, it } from "vitest";
import { bankQuestionTexts, lexiconGaps } from "../../src/cli/lexicon-gaps.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

const retriever = await PassageRetriever.open();

describe("npm run lexicon:gaps", () => {
  it("lists the words of the questions the analyser does not know, most frequent first, and not those it does", async () => {
    const gaps = await lexiconGaps(["les zorglubs vivent ou a bamako ?", "combien de zorglubs a tunis ?", "les blimpfs aussi ?"], "fr", retriever);
    expect(gaps.unknown).toEqual([["zorglubs", 2], ["blimpfs", 1]]);
  });

  it("lists French words found only through the translation, which no English term of the reports says", async () => {
    const gaps = await lexiconGaps(["les migrants en parlent souvent ?"], "fr", retriever);
    expect(gaps.translationOnly.map(([word]) => word)).toContain("souvent");
    expect(gaps.translationOnly.map(([word]) => word)).not.toContain("migrants");
  });

  it("reads the bank's questions of one language", () => {
    const questions = bankQuestionTexts(retriever.corpus.bank!.lines, "fr");
    expect(questions.length).toBeGreaterThan(5000);
    expect(bankQuestionTexts([{ passageId: "p", sentence: 0, questions: [{ lang: "en", register: "formal", text: "Why?" }] }], "fr")).toEqual([]);
  });
});
