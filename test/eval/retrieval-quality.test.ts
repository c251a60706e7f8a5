import { describe, expect, it } from "vitest";
import { readGold } from "../../src/eval/gold.js";
import { type RetrievalOutcome, scoreRetrieval, summarizeRetrieval } from "../../src/eval/retrieval-eval.js";
import { PassageRetriever } from "../../src/retrieval/retriever.js";

// The bar of the retrieval issue, on the copy of the dev questions: a guard against regressions.
describe("default retrieval on the dev questions", () => {
  it("finds a supporting passage in the top 5 for at least 90% of French and 95% of English questions", async () => {
    const retriever = await PassageRetriever.open();
    const gold = readGold("test/fixtures/gold-dev.jsonl");
    const outcomes: RetrievalOutcome[] = [];
    for (const q of gold) outcomes.push(scoreRetrieval(q, await retriever.retrieve(q.question)));
    const recall = (lang: string) => summarizeRetrieval(outcomes.filter((o) => o.question.lang === lang)).recallAt5;
    expect(recall("fr")).toBeGreaterThanOrEqual(0.9);
    expect(recall("en")).toBeGreaterThanOrEqual(0.95);
  });
});
