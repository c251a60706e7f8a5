import { describe, expect, it } from "vitest";
import { loadCorpus, sentenceKey } from "../../src/corpus/index.js";
import { createAnalyzers } from "../../src/retrieval/analyzer.js";
import { BankIndex } from "../../src/retrieval/bank-index.js";
import { loadLexicon } from "../../src/retrieval/lexicon.js";
import type { WeightedQuery } from "../../src/retrieval/query-context.js";

const corpus = loadCorpus();
const analyzers = createAnalyzers(loadLexicon(), corpus);
const bank = BankIndex.build(corpus, analyzers);
const asked = (text: string): { en: WeightedQuery } => ({ en: new Map(analyzers.en.terms(text).map((t) => [t, 1])) });

// A bank line with an English question, and another line of another passage.
const lines = corpus.bank!.lines.filter((l) => l.questions.some((q) => q.lang === "en"));
const line = lines[0]!;
const other = lines.find((l) => l.passageId !== line.passageId)!;
const question = line.questions.find((q) => q.lang === "en")!.text;

describe("the question bank's index", () => {
  it("points a question written in the bank to its sentence, as close as can be", () => {
    const [best] = bank.match(asked(question));
    expect(sentenceKey(best!.passageId, best!.sentence)).toBe(sentenceKey(line.passageId, line.sentence));
    expect(best!.similarity).toBeCloseTo(1, 5);
  });

  it("matches a question as if the bank did not hold it when asked to leave it out (leave-one-out measures)", () => {
    const [kept] = bank.match(asked(question));
    const left = bank.match(asked(question), undefined, question).find((m) => m.passageId === line.passageId && m.sentence === line.sentence);
    expect(kept!.similarity).toBeCloseTo(1, 5);
    expect(left?.similarity ?? 0).toBeLessThan(0.99);
  });

  it("finds nothing for words no bank question uses", () => {
    expect(bank.match(asked("zzyzx qwfp"))).toEqual([]);
  });

  it("with the bank's vectors, also finds a sentence whose questions mean the same in other words", () => {
    const meaning = new Map([[sentenceKey(other.passageId, other.sentence), 0.9]]);
    const [best] = bank.match(asked("zzyzx qwfp"), meaning);
    expect(best).toEqual({ passageId: other.passageId, sentence: other.sentence, similarity: 0.45 });
  });

  it("averages the words and the meaning, so a close meaning lifts a weaker word match above a stronger one", () => {
    const byWords = bank.match(asked(question));
    const second = byWords.find((m) => sentenceKey(m.passageId, m.sentence) !== sentenceKey(line.passageId, line.sentence))!;
    const meaning = new Map([
      [sentenceKey(second.passageId, second.sentence), 1],
      [sentenceKey(line.passageId, line.sentence), 0],
    ]);
    const [best] = bank.match(asked(question), meaning);
    expect(sentenceKey(best!.passageId, best!.sentence)).toBe(sentenceKey(second.passageId, second.sentence));
    expect(best!.similarity).toBeCloseTo((second.similarity + 1) / 2, 5);
  });
});
