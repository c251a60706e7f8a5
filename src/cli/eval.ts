/**
 * npm run eval -- --gold FILE.jsonl [--retriever lexical|dense|hybrid|all] [--k 5] [--markdown]
 * Retrieval quality (recall@1/3/5, MRR over answerable questions) and latency per query, then
 * answer quality (facts shown, citation support, abstention, language), per language and
 * overall. `all` runs every retriever in one process on the same questions.
 */
import { parseArgs } from "node:util";
import { Answerer } from "../answer/index.js";
import { type AnswerOutcome, scoreAnswer, summarizeAnswers } from "../eval/answer-eval.js";
import { readGold, type GoldQuestion } from "../eval/gold.js";
import { formatMarkdownTable, formatTable } from "../eval/metrics.js";
import { type RetrievalOutcome, scoreRetrieval, summarizeRetrieval } from "../eval/retrieval-eval.js";
import { type Language, PassageRetriever, RETRIEVER_KINDS, type RetrieverKind } from "../retrieval/index.js";
import { openRetrieverForCli } from "./open.js";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gold: { type: "string", default: "test/fixtures/gold-dev.jsonl" },
      retriever: { type: "string", default: "all" },
      k: { type: "string", default: "5" },
      markdown: { type: "boolean", default: false },
    },
  });
  const gold = readGold(values.gold);
  const retriever = await openRetrieverForCli({ dense: values.retriever !== "lexical" });
  const wanted = values.retriever === "all" ? retriever.available : [parseKind(values.retriever)];
  if (values.retriever === "all" && retriever.denseUnavailable) console.error(`eval: dense and hybrid skipped: ${retriever.denseUnavailable}.`);

  const header = ["retriever", "lang", "questions", "R@1", "R@3", "R@5", "MRR", "p50 ms", "p95 ms"];
  const rows: string[][] = [];
  for (const kind of wanted) {
    const outcomes = await evaluate(retriever, kind, gold, Number(values.k));
    for (const [label, subset] of groupBy(outcomes)) {
      const s = summarizeRetrieval(subset);
      rows.push([kind, label, String(s.questions), fixed(s.recallAt1), fixed(s.recallAt3), fixed(s.recallAt5), fixed(s.mrr), s.latencyP50Ms.toFixed(2), s.latencyP95Ms.toFixed(2)]);
    }
  }
  const table = values.markdown ? formatMarkdownTable : formatTable;
  console.log(`Retrieval on ${values.gold} (${gold.length} questions, ${gold.filter((q) => q.answerable).length} answerable), k=${values.k}:\n`);
  console.log(table(header, rows));

  const answerer = Answerer.create(retriever);
  const identifier = { identify: (text: string, fallback: Language) => retriever.identifyLanguage(text, fallback) };
  const answerHeader = ["retriever", "lang", "questions", "facts", "citations", "abstention", "abst. P", "abst. R", "language", "p50 ms"];
  const answerRows: string[][] = [];
  for (const kind of wanted) {
    const outcomes: AnswerOutcome[] = [];
    for (const question of gold) outcomes.push(scoreAnswer(question, await answerer.ask(question.question, { retriever: kind, k: Number(values.k) }), identifier));
    for (const [label, subset] of groupBy(outcomes)) {
      const s = summarizeAnswers(subset);
      answerRows.push([kind, label, String(s.questions), fixed(s.factRecall), fixed(s.citationSupport), fixed(s.abstentionAccuracy), fixed(s.abstentionPrecision), fixed(s.abstentionRecall), fixed(s.languageAccuracy), s.latencyP50Ms.toFixed(2)]);
    }
  }
  console.log(`\nAnswers (facts: expected facts shown; citations: cited passages that hold support; abstention: answered or declined rightly, with precision and recall of declining; language: written in the question's language):\n`);
  console.log(table(answerHeader, answerRows));
}

function groupBy<T extends { question: GoldQuestion }>(outcomes: T[]): Array<[string, T[]]> {
  return [
    ["fr", outcomes.filter((o) => o.question.lang === "fr")],
    ["en", outcomes.filter((o) => o.question.lang === "en")],
    ["all", outcomes],
  ];
}

function parseKind(value: string): RetrieverKind {
  if ((RETRIEVER_KINDS as readonly string[]).includes(value)) return value as RetrieverKind;
  throw new Error(`--retriever must be lexical, dense, hybrid or all (got ${value})`);
}

async function evaluate(retriever: PassageRetriever, kind: RetrieverKind, gold: GoldQuestion[], k: number): Promise<RetrievalOutcome[]> {
  await retriever.retrieve("warm-up", { retriever: kind }); // first call pays one-off costs
  const outcomes: RetrievalOutcome[] = [];
  for (const question of gold) outcomes.push(scoreRetrieval(question, await retriever.retrieve(question.question, { retriever: kind, k })));
  return outcomes;
}

const fixed = (x: number) => (Number.isNaN(x) ? "-" : x.toFixed(2));

main().catch((error: unknown) => {
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
});
