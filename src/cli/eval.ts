/**
 * npm run eval -- [--set dev|tune|report|dialogue-tune|dialogue-report|people-tune|people-report|fresh-tune|fresh-report|dialogue-fresh-tune|dialogue-fresh-report|all] [--gold FILE] [--retriever lexical|dense|hybrid|all] [--k 5] [--markdown]
 *
 * Retrieval quality (recall@1/3/5 and MRR over answerable questions; English index alone
 * beside English + the question's own language) and answer quality (facts shown, citation
 * support, abstention with its confusion table, language, French readability) per language,
 * per topic and per report. Sets: the shared dev questions, and the two parts of the project's
 * own question set. Failures are listed for dev and tune only: the report part is never read
 * question by question.
 */
import { Answerer } from "../answer/index.js";
import { loadCorpus } from "../corpus/index.js";
import {
  type AnswerOutcome,
  byLanguage,
  confusion,
  failureOf,
  formatMarkdownTable,
  formatTable,
  type GoldQuestion,
  groupedBy,
  readGold,
  reportOf,
  type ReportOfFile,
  type RetrievalOutcome,
  scoreAnswer,
  scoreRetrieval,
  summarizeAnswers,
  summarizeRetrieval,
} from "../eval/index.js";
import { type Language, PassageRetriever, RETRIEVER_KINDS, type RetrieverKind, type UniversalSentenceEncoderEmbeddings } from "../retrieval/index.js";
import { Document } from "@langchain/core/documents";
import { existingFile, isEntryPoint, oneOf, printHelp, readCommandLine, runCommand, wholeNumber } from "./args.js";
import { openRetrieverForCli } from "./open.js";

/** The question sets the project measures on; `listFailures` is off for the part never read. */
export const QUESTION_SETS = {
  dev: { path: "test/fixtures/gold-dev.jsonl", listFailures: true },
  tune: { path: "test/fixtures/questions/tune.jsonl", listFailures: true },
  report: { path: "test/fixtures/questions/report.jsonl", listFailures: false },
  // Two- and three-message conversations: the last message is scored, read with those before it.
  "dialogue-tune": { path: "test/fixtures/dialogues/tune.jsonl", listFailures: true },
  "dialogue-report": { path: "test/fixtures/dialogues/report.jsonl", listFailures: false },
  // Messages adapted from what people asked on public forums, Q&A and NGO pages (source_url kept).
  "people-tune": { path: "test/fixtures/real-people/tune.jsonl", listFailures: true },
  "people-report": { path: "test/fixtures/real-people/report.jsonl", listFailures: false },
  // Questions written afresh (2026-12-06) by writers who saw no earlier question, after every
  // model was fitted: everyday words rather than the reports', a quarter the reports cannot answer.
  "fresh-tune": { path: "test/fixtures/fresh/tune.jsonl", listFailures: true },
  "fresh-report": { path: "test/fixtures/fresh/report.jsonl", listFailures: false },
  // Dialogues written afresh (2026-12-06), 36 from each report by writers who saw no earlier
  // question or dialogue, after the follow-up reading was fitted: a larger unseen measure of it.
  "dialogue-fresh-tune": { path: "test/fixtures/dialogues-fresh/tune.jsonl", listFailures: true },
  "dialogue-fresh-report": { path: "test/fixtures/dialogues-fresh/report.jsonl", listFailures: false },
  // A third set of dialogues (2026-12-07), 30 from each report, 60% French, written the same way:
  // the two before measured French follow-ups on about 40 each, too few to tell a change from chance.
  "dialogue-third-tune": { path: "test/fixtures/dialogues-third/tune.jsonl", listFailures: true },
  "dialogue-third-report": { path: "test/fixtures/dialogues-third/report.jsonl", listFailures: false },
} as const;
type SetName = keyof typeof QUESTION_SETS;
const SET_CHOICES = [...(Object.keys(QUESTION_SETS) as SetName[]), "all"] as const;
const RETRIEVER_CHOICES = [...RETRIEVER_KINDS, "all"] as const;

export const EVAL = {
  usage: "npm run eval --",
  summary: [
    "Measures retrieval (recall@1/3/5, MRR) and answers (facts shown, citations, abstention, language) per language,",
    "topic and report, on the project's question sets or on --gold FILE. Failures are listed for dev and tune only.",
  ].join("\n"),
  flags: {
    set: { type: "string", value: SET_CHOICES.join("|"), description: `the questions (${Object.entries(QUESTION_SETS).map(([name, set]) => `${name}: ${set.path}`).join(", ")}; all: every one)`, default: "all" },
    gold: { type: "string", value: "FILE", description: "these questions instead of --set (JSON lines, gold format)" },
    retriever: { type: "string", value: RETRIEVER_CHOICES.join("|"), description: "how passages are found; all adds the Universal Sentence Encoder rows", default: "lexical" },
    k: { type: "string", value: "N", description: "passages retrieved per question", default: "5" },
    markdown: { type: "boolean", description: "tables in Markdown (as in docs/EVAL.md)", default: false },
  },
} as const;

interface Variant {
  label: string;
  retriever: PassageRetriever;
  /** Answers over `retriever`; it also reads each question's retrieval, follow-ups with what came before. */
  answerer: Answerer;
  kind: RetrieverKind;
}

export async function runEval(argv: string[]): Promise<void> {
  const line = readCommandLine(EVAL, argv);
  if (line.help) return void printHelp(EVAL);
  const { values } = line;
  const k = wholeNumber(values.k, "--k");
  const setChoice = oneOf(values.set, SET_CHOICES, "--set");
  const retrieverChoice = oneOf(values.retriever, RETRIEVER_CHOICES, "--retriever");
  if (values.gold !== undefined) existingFile(values.gold, "--gold");
  const sets: Array<{ name: string; questions: GoldQuestion[]; listFailures: boolean }> = [];
  if (values.gold) {
    const ownReport = values.gold.endsWith(QUESTION_SETS.report.path);
    sets.push({ name: values.gold, questions: readGold(values.gold), listFailures: !ownReport });
  } else {
    const names: SetName[] = setChoice === "all" ? (Object.keys(QUESTION_SETS) as SetName[]) : [setChoice];
    for (const name of names) sets.push({ name: `${name} (${QUESTION_SETS[name].path})`, questions: readGold(QUESTION_SETS[name].path), listFailures: QUESTION_SETS[name].listFailures });
  }
  const all = retrieverChoice === "all";
  const retriever = await openRetrieverForCli({ dense: retrieverChoice !== "lexical" });
  if (all && retriever.denseUnavailable) console.error(`eval: dense and hybrid skipped: ${retriever.denseUnavailable}.`);
  const answerer = Answerer.create(retriever);
  const variants: Variant[] = (retrieverChoice === "all" ? retriever.available : [retrieverChoice]).map((kind) => ({ label: kind, retriever, answerer, kind }));
  if (all) variants.push(...(await universalSentenceEncoderVariants(retriever)));
  const corpus = loadCorpus(undefined, { translations: false });
  const reportOfFile: ReportOfFile = new Map(corpus.manifest.reports.map((r) => [r.file, r.id]));
  const table = values.markdown ? formatMarkdownTable : formatTable;
  const identifier = { identify: (text: string, fallback: Language) => retriever.identifyLanguage(text, fallback) };

  for (const set of sets) {
    const { questions } = set;
    console.log(`\n## ${set.name}: ${questions.length} questions, ${questions.filter((q) => q.answerable).length} answerable, ${questions.filter((q) => q.lang === "fr").length} in French\n`);
    const rows: string[][] = [];
    for (const variant of variants) {
      for (const bilingual of [false, true]) {
        const outcomes = await evaluateRetrieval(variant, questions, k, bilingual);
        for (const [lang, subset] of byLanguage(outcomes)) {
          const s = summarizeRetrieval(subset);
          rows.push([variant.label, bilingual ? "English + own" : "English only", lang, String(s.questions), fixed(s.recallAt1), fixed(s.recallAt3), fixed(s.recallAt5), fixed(s.mrr), s.latencyP50Ms.toFixed(2), s.latencyP95Ms.toFixed(2)]);
        }
      }
    }
    console.log(`Retrieval, k=${k} (answerable questions):\n`);
    console.log(table(["retriever", "indexes", "lang", "questions", "R@1", "R@3", "R@5", "MRR", "p50 ms", "p95 ms"], rows));

    for (const variant of variants) {
      const outcomes: AnswerOutcome[] = [];
      for (const q of questions) outcomes.push(scoreAnswer(q, await variant.answerer.ask(q.question, { retriever: variant.kind, k, ...(q.previous ? { previous: q.previous } : {}) }), identifier));
      const header = ["", "questions", "facts", "citations", "abstention", "abst. P", "abst. R", "language", "reads FR", "words p50", "words p90", "p50 ms"];
      const line = (label: string, subset: AnswerOutcome[]) => {
        const s = summarizeAnswers(subset);
        return [label, String(s.questions), fixed(s.factRecall), fixed(s.citationSupport), fixed(s.abstentionAccuracy), fixed(s.abstentionPrecision), fixed(s.abstentionRecall), fixed(s.languageAccuracy), fixed(s.frenchReadable), whole(s.wordsP50), whole(s.wordsP90), s.latencyP50Ms.toFixed(2)];
      };
      console.log(`\nAnswers (${variant.label}) by language:\n`);
      console.log(table(["lang", ...header.slice(1)], byLanguage(outcomes).map(([l, s]) => line(l, s))));
      if (variant !== variants[0]) continue; // the breakdowns below for the first retriever only
      const followUps = outcomes.filter((o) => o.question.follow_up);
      if (followUps.length) {
        console.log(`\nFollow-ups, by how they lean on the messages before:\n`);
        console.log(table(["follow-up", ...header.slice(1)], groupedBy(followUps, (q) => q.follow_up!).map(([l, s]) => line(l, s))));
        const newTopics = followUps.filter((o) => o.question.follow_up === "new-topic");
        const leaning = followUps.filter((o) => o.question.follow_up !== "new-topic");
        const readWith = (subset: AnswerOutcome[]) => subset.filter((o) => o.answer.readWithPrevious).length;
        console.log(`\nRead with the messages before: ${readWith(leaning)} of ${leaning.length} follow-ups that lean on them; new topics merged: ${readWith(newTopics)} of ${newTopics.length}.`);
      }
      console.log(`\nBy topic:\n`);
      console.log(table(["topic", ...header.slice(1)], groupedBy(outcomes, (q) => q.topic).map(([l, s]) => line(l, s))));
      console.log(`\nBy report:\n`);
      console.log(table(["report", ...header.slice(1)], groupedBy(outcomes, (q) => reportOf(q, reportOfFile)).map(([l, s]) => line(l, s))));
      const c = confusion(outcomes);
      console.log(`\nAbstention:\n`);
      console.log(table(["", "answered", "declined"], [["answerable", String(c.answerableAnswered), String(c.answerableDeclined)], ["unanswerable", String(c.unanswerableAnswered), String(c.unanswerableDeclined)]]));
      if (!set.listFailures) continue;
      const failures = outcomes.flatMap((o) => {
        const failure = failureOf(o);
        return failure ? [[o.question.id, o.question.lang, failure, o.question.question.slice(0, 90)]] : [];
      });
      console.log(`\nFailures (${failures.length}):\n`);
      if (failures.length) console.log(table(["id", "lang", "what", "question"], failures));
    }
  }
}

/**
 * Candidate (b) of the dense path, measured beside the default: the Universal Sentence Encoder
 * lite from npm, passages embedded here into an in-memory store (about half a minute).
 */
async function universalSentenceEncoderVariants(retriever: PassageRetriever): Promise<Variant[]> {
  // Deliberate exception: use-embeddings.ts loads @langchain/core/embeddings, which retrieval/index.ts must not load eagerly.
  const { UniversalSentenceEncoderEmbeddings: UseEmbeddings, USE_MODEL_ID } = await import("../retrieval/use-embeddings.js");
  let embeddings: UniversalSentenceEncoderEmbeddings;
  try {
    embeddings = await UseEmbeddings.load(retriever.lexicon);
  } catch (error) {
    console.error(`eval: the Universal Sentence Encoder could not be loaded (${(error as Error).message}); its rows are skipped.`);
    return [];
  }
  // Deliberate exception: vector-store.ts loads hnswlib-node (optional), which retrieval/index.ts must not load.
  const { createVectorStore } = await import("../retrieval/vector-store.js");
  const { store } = createVectorStore(embeddings, embeddings.dimension);
  const passages = retriever.corpus.passages;
  await store.addVectors(await embeddings.embedDocuments(passages.map((p) => p.text)), passages.map((p) => new Document({ pageContent: p.text, metadata: { passageId: p.id } })));
  const withUse = retriever.withDensePath({ modelId: USE_MODEL_ID, embeddings, store, prepareQuery: (q, lang) => embeddings.englishFor(q, lang) });
  const answerer = Answerer.create(withUse);
  return [
    { label: "dense (USE)", retriever: withUse, answerer, kind: "dense" },
    { label: "hybrid (USE)", retriever: withUse, answerer, kind: "hybrid" },
  ];
}

/** Retrieval as the answer reads it (a follow-up with the messages it leans on), its top `k` passages scored. */
async function evaluateRetrieval(variant: Variant, questions: GoldQuestion[], k: number, bilingual: boolean): Promise<RetrievalOutcome[]> {
  const answerer = variant.answerer;
  await answerer.read("warm-up", { retriever: variant.kind }); // first call pays one-off costs
  const outcomes: RetrievalOutcome[] = [];
  for (const q of questions) {
    const { retrieval } = await answerer.read(q.question, { retriever: variant.kind, k, bilingual, ...(q.previous ? { previous: q.previous } : {}) });
    outcomes.push(scoreRetrieval(q, { ...retrieval, passages: retrieval.passages.slice(0, k) }));
  }
  return outcomes;
}

const fixed = (x: number) => (Number.isNaN(x) ? "-" : x.toFixed(2));
const whole = (x: number) => (Number.isNaN(x) ? "-" : x.toFixed(0));

if (isEntryPoint(import.meta.url)) runCommand("eval", () => runEval(process.argv.slice(2)));
