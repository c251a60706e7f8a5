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
import { Document } from "@langchain/core/documents";
import { UniversalSentenceEncoderEmbeddings, USE_MODEL_ID } from "../retrieval/use-embeddings.js";
import { HnswVectorStore } from "../retrieval/vector-store.js";
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
  const all = values.retriever === "all";
  if (all && retriever.denseUnavailable) console.error(`eval: dense and hybrid skipped: ${retriever.denseUnavailable}.`);
  const variants: Variant[] = (all ? retriever.available : [parseKind(values.retriever)]).map((kind) => ({ label: kind, retriever, kind }));
  if (all) variants.push(...(await universalSentenceEncoderVariants(retriever)));

  const header = ["retriever", "lang", "questions", "R@1", "R@3", "R@5", "MRR", "p50 ms", "p95 ms"];
  const rows: string[][] = [];
  for (const variant of variants) {
    const outcomes = await evaluate(variant.retriever, variant.kind, gold, Number(values.k));
    for (const [label, subset] of groupBy(outcomes)) {
      const s = summarizeRetrieval(subset);
      rows.push([variant.label, label, String(s.questions), fixed(s.recallAt1), fixed(s.recallAt3), fixed(s.recallAt5), fixed(s.mrr), s.latencyP50Ms.toFixed(2), s.latencyP95Ms.toFixed(2)]);
    }
  }
  const table = values.markdown ? formatMarkdownTable : formatTable;
  console.log(`Retrieval on ${values.gold} (${gold.length} questions, ${gold.filter((q) => q.answerable).length} answerable), k=${values.k}:\n`);
  console.log(table(header, rows));

  const identifier = { identify: (text: string, fallback: Language) => retriever.identifyLanguage(text, fallback) };
  const answerHeader = ["retriever", "lang", "questions", "facts", "citations", "abstention", "abst. P", "abst. R", "language", "p50 ms"];
  const answerRows: string[][] = [];
  for (const variant of variants) {
    const answerer = Answerer.create(variant.retriever);
    const outcomes: AnswerOutcome[] = [];
    for (const question of gold) outcomes.push(scoreAnswer(question, await answerer.ask(question.question, { retriever: variant.kind, k: Number(values.k) }), identifier));
    for (const [label, subset] of groupBy(outcomes)) {
      const s = summarizeAnswers(subset);
      answerRows.push([variant.label, label, String(s.questions), fixed(s.factRecall), fixed(s.citationSupport), fixed(s.abstentionAccuracy), fixed(s.abstentionPrecision), fixed(s.abstentionRecall), fixed(s.languageAccuracy), s.latencyP50Ms.toFixed(2)]);
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

interface Variant {
  label: string;
  retriever: PassageRetriever;
  kind: RetrieverKind;
}

/**
 * Candidate (b) of the dense path, measured beside the default: the Universal Sentence Encoder
 * lite from npm, passages embedded here into an in-memory store (about half a minute).
 */
async function universalSentenceEncoderVariants(retriever: PassageRetriever): Promise<Variant[]> {
  let embeddings: UniversalSentenceEncoderEmbeddings;
  try {
    embeddings = await UniversalSentenceEncoderEmbeddings.load(retriever.lexicon);
  } catch (error) {
    console.error(`eval: the Universal Sentence Encoder could not be loaded (${(error as Error).message}); its rows are skipped.`);
    return [];
  }
  const store = new HnswVectorStore(embeddings, embeddings.dimension);
  const passages = retriever.corpus.passages;
  await store.addVectors(await embeddings.embedDocuments(passages.map((p) => p.text)), passages.map((p) => new Document({ pageContent: p.text, metadata: { passageId: p.id } })));
  const withUse = retriever.withDensePath({ modelId: USE_MODEL_ID, embeddings, store, prepareQuery: (q, lang) => embeddings.englishFor(q, lang) });
  return [
    { label: "dense (USE)", retriever: withUse, kind: "dense" },
    { label: "hybrid (USE)", retriever: withUse, kind: "hybrid" },
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
