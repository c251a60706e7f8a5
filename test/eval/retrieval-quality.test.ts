import { describe, expect, it } from "vitest";
import { readGold } from "../../src/eval/gold.js";
import { type RetrievalOutcome, scoreRetrieval, summarizeRetrieval } from "../../src/eval/retrieval-eval.js";
import { PassageRetriever } from "../../src/retrieval/retriever.js";

// The bars of the retrieval issues, on the copy of the dev questions: a guard against regressions.
describe("default retrieval on the dev questions", () => {
  it("finds a supporting passage in the top 5 for at least 93% of French and 95% of English questions, French no worse for the French index", async () => {
    const retriever = await PassageRetriever.open();
    const gold = readGold("test/fixtures/gold-dev.jsonl");
    const outcomes = async (bilingual: boolean) => {
      const out: RetrievalOutcome[] = [];
      for (const q of gold) out.push(scoreRetrieval(q, await retriever.retrieve(q.question, { bilingual })));
      return (lang: string) => summarizeRetrieval(out.filter((o) => o.question.lang === lang)).recallAt5;
    };
    const bilingual = await outcomes(true);
    const englishOnly = await outcomes(false);
    expect(bilingual("fr")).toBeGreaterThanOrEqual(0.93);
    expect(bilingual("fr")).toBeGreaterThanOrEqual(englishOnly("fr"));
    expect(bilingual("en")).toBeGreaterThanOrEqual(0.95);
  });

  it("searches a French question in the French translation too, an English one in English only", async () => {
    const retriever = await PassageRetriever.open();
    expect((await retriever.retrieve("amende pour dépassement de visa en Tunisie")).searched).toEqual(["en", "fr"]);
    expect((await retriever.retrieve("fine for overstaying a visa in Tunisia")).searched).toEqual(["en"]);
  });
});
