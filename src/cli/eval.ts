/**
 * npm run eval -- --gold FILE.jsonl [--retriever lexical|dense|hybrid|all] [--k 5] [--markdown]
 * Retrieval quality (recall@1/3/5, MRR over answerable questions) and latency per query,
 * per language and overall. `all` runs every retriever in one process on the same questions.
 */
import { parseArgs } from "node:util";
import { readGold, type GoldQuestion } from "../eval/gold.js";
import { formatMarkdownTable, formatTable } from "../eval/metrics.js";
import { type RetrievalOutcome, scoreRetrieval, summarizeRetrieval } from "../eval/retrieval-eval.js";
import { PassageRetriever, RETRIEVER_KINDS, type RetrieverKind } from "../retrieval/retriever.js";
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
    for (const [label, subset] of groups(outcomes)) {
      const s = summarizeRetrieval(subset);
      rows.push([kind, label, String(s.questions), fixed(s.recallAt1), fixed(s.recallAt3), fixed(s.recallAt5), fixed(s.mrr), s.latencyP50Ms.toFixed(2), s.latencyP95Ms.toFixed(2)]);
    }
  }
  console.log(`Retrieval on ${values.gold} (${gold.length} questions, ${gold.filter((q) => q.answerable).length} answerable), k=${values.k}:\n`);
  console.log(values.markdown ? formatMarkdownTable(header, rows) : formatTable(header, rows));
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

function groups(outcomes: RetrievalOutcome[]): Array<[string, RetrievalOutcome[]]> {
  return [
    ["fr", outcomes.filter((o) => o.question.lang === "fr")],
    ["en", outcomes.filter((o) => o.question.lang === "en")],
    ["all", outcomes],
  ];
}

const fixed = (x: number) => x.toFixed(2);

main().catch((error: unknown) => {
  console.error(`eval: ${(error as Error).message}`);
  process.exit(1);
});
