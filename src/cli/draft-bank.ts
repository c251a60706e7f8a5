/**
 * npm run draft:bank -- --missing [--corpus DIR]
 * Lists the sentences that have no line in corpus/question-bank.jsonl (a new report, a rebuilt
 * corpus) and, with the optional chat endpoint configured (LLM_BASE_URL, LLM_MODEL,
 * LLM_API_KEY), drafts their questions by machine, marked unreviewed, after the same checks as
 * the team's bank. Without an endpoint it lists what is missing and exits 1, as it does when a
 * draft fails.
 */
import { existsSync, readFileSync } from "node:fs";
import { type BankLine, bankLine, DEFAULT_CORPUS_DIR, sentenceKey, draftBankLine, loadCorpus, needsTranslation, parseQuestionBank, questionBankPath } from "../corpus/index.js";
import { draftingEndpoint, replaceFile } from "./drafting.js";
import { existingFolder, isEntryPoint, printHelp, readCommandLine, runCommand, UsageError } from "./args.js";

export const DRAFT_BANK = {
  usage: "npm run draft:bank --",
  summary: [
    "Lists the sentences without a line in <corpus>/question-bank.jsonl and, when the chat endpoint is configured",
    "(LLM_BASE_URL, LLM_MODEL), drafts their questions by machine, marked unreviewed. Exits 1 while any is missing.",
  ].join("\n"),
  flags: {
    missing: { type: "boolean", description: "list and draft the missing lines (required: the only thing it does)", default: false },
    corpus: { type: "string", value: "DIR", description: "the corpus whose bank is completed", default: DEFAULT_CORPUS_DIR },
  },
} as const;

export interface DraftBankRun {
  corpusDir: string;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
}

/** The exit code: 0 when no sentence lacks its line any more, 1 otherwise. */
export async function draftMissingBank(run: DraftBankRun): Promise<number> {
  const corpus = loadCorpus(run.corpusDir, { bank: false });
  const path = questionBankPath(run.corpusDir);
  const { lines, errors } = existsSync(path) ? parseQuestionBank(readFileSync(path, "utf8"), path) : { lines: [], errors: [] };
  for (const e of errors) run.out(`${e} (left as it is; fix it by hand)`);
  const have = new Map(lines.map((l) => [sentenceKey(l.passageId, l.sentence), l]));
  const missing = corpus.passages
    .filter(needsTranslation)
    .flatMap((p) => (corpus.sentences.get(p.id) ?? []).map((_, i) => ({ passage: p, sentence: i })))
    .filter((m) => !have.has(sentenceKey(m.passage.id, m.sentence)));
  if (missing.length === 0) {
    run.out(`${path}: every sentence has its line.`);
    return errors.length ? 1 : 0;
  }
  run.out(`${path}: ${missing.length} sentence(s) without a line: ${missing.map((m) => sentenceKey(m.passage.id, m.sentence)).join(", ")}`);
  const config = draftingEndpoint(run.env, "bank", "write them by hand (README: The question bank)", run.out);
  if (!config) return 1;
  let failed = 0;
  for (const { passage, sentence } of missing) {
    try {
      have.set(sentenceKey(passage.id, sentence), await draftBankLine(config, corpus, passage, sentence));
      run.out(`${sentenceKey(passage.id, sentence)}: drafted (unreviewed)`);
    } catch (error) {
      failed++;
      run.out(`${sentenceKey(passage.id, sentence)}: not drafted: ${(error as Error).message}`);
    }
  }
  // In corpus order (replaceFile writes it whole, then moves it into place).
  const ordered = corpus.passages.flatMap((p) => (corpus.sentences.get(p.id) ?? []).flatMap((_, i): BankLine[] => {
    const line = have.get(sentenceKey(p.id, i));
    return line ? [line] : [];
  }));
  replaceFile(path, ordered.map(bankLine));
  run.out(`${path}: ${missing.length - failed} drafted, ${failed} still missing. Drafts are marked "reviewed": false until a person has read them (then \`npm run check:bank\`).`);
  return failed || errors.length ? 1 : 0;
}

export async function runDraftBank(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const line = readCommandLine(DRAFT_BANK, argv);
  if (line.help) return printHelp(DRAFT_BANK);
  const { values } = line;
  if (!values.missing) throw new UsageError("give --missing: npm run draft:bank -- --missing [--corpus DIR]");
  const corpusDir = existingFolder(values.corpus, "--corpus");
  return draftMissingBank({ corpusDir, env, out: (text) => console.log(text) });
}

if (isEntryPoint(import.meta.url)) runCommand("draft:bank", () => runDraftBank(process.argv.slice(2), process.env));
