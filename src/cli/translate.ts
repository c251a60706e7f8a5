/**
 * npm run translate -- --missing [--lang fr] [--corpus DIR]
 * Lists the passages that have no translation in corpus/translations/<lang>.jsonl and, with
 * the optional chat endpoint configured (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), drafts them
 * by machine, marked unreviewed, after the same checks as the team's translations. Without an
 * endpoint it lists what is missing and exits 1, as it does when a draft fails.
 */
import { existsSync, readFileSync } from "node:fs";
import {
  DEFAULT_CORPUS_DIR,
  draftTranslation,
  loadCorpus,
  needsTranslation,
  parseTranslations,
  TRANSLATED_LANGUAGES,
  type TranslatedLanguage,
  type Translation,
  translationLine,
  translationPath,
} from "../corpus/index.js";
import { draftingEndpoint, replaceFile } from "./drafting.js";
import { existingFolder, isEntryPoint, oneOf, printHelp, readCommandLine, runCommand, UsageError } from "./args.js";

export const TRANSLATE = {
  usage: "npm run translate --",
  summary: [
    "Lists the passages without a translation in <corpus>/translations/<lang>.jsonl and, when the chat endpoint",
    "is configured (LLM_BASE_URL, LLM_MODEL), drafts them by machine, marked unreviewed. Exits 1 while any is missing.",
  ].join("\n"),
  flags: {
    missing: { type: "boolean", description: "list and draft the missing translations (required: the only thing it does)", default: false },
    lang: { type: "string", value: TRANSLATED_LANGUAGES.join("|"), description: "the language translated into", default: "fr" },
    corpus: { type: "string", value: "DIR", description: "the corpus whose translations are completed", default: DEFAULT_CORPUS_DIR },
  },
} as const;

export interface TranslateRun {
  corpusDir: string;
  lang: TranslatedLanguage;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
}

/** The exit code: 0 when nothing is missing any more, 1 otherwise. */
export async function translateMissing(run: TranslateRun): Promise<number> {
  const corpus = loadCorpus(run.corpusDir, { translations: false });
  const path = translationPath(run.corpusDir, run.lang);
  const { translations, errors } = existsSync(path) ? parseTranslations(readFileSync(path, "utf8"), run.lang, path) : { translations: [], errors: [] };
  for (const e of errors) run.out(`${e} (left as it is; fix it by hand)`);
  const have = new Map(translations.map((t) => [t.passageId, t]));
  const missing = corpus.passages.filter((p) => needsTranslation(p) && !have.has(p.id));
  if (missing.length === 0) {
    run.out(`${path}: every passage has a translation.`);
    return errors.length ? 1 : 0;
  }
  run.out(`${path}: ${missing.length} passage(s) without a translation: ${missing.map((p) => p.id).join(", ")}`);
  const config = draftingEndpoint(run.env, "translate", "translate them by hand", run.out);
  if (!config) return 1;
  let failed = 0;
  for (const passage of missing) {
    try {
      have.set(passage.id, await draftTranslation(config, passage, run.lang));
      run.out(`${passage.id}: drafted (unreviewed)`);
    } catch (error) {
      failed++;
      run.out(`${passage.id}: not drafted: ${(error as Error).message}`);
    }
  }
  // In corpus order (replaceFile writes it whole, then moves it into place).
  const lines = corpus.passages.flatMap((p) => {
    const t: Translation | undefined = have.get(p.id);
    return t ? [translationLine(run.lang, t)] : [];
  });
  replaceFile(path, lines);
  run.out(`${path}: ${missing.length - failed} drafted, ${failed} still missing. Drafts are marked "reviewed": false until a person has read them; then run \`npm run build:index\`.`);
  return failed || errors.length ? 1 : 0;
}

export async function runTranslate(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const line = readCommandLine(TRANSLATE, argv);
  if (line.help) return printHelp(TRANSLATE);
  const { values } = line;
  if (!values.missing) throw new UsageError("give --missing: npm run translate -- --missing [--lang fr] [--corpus DIR]");
  const lang = oneOf(values.lang, TRANSLATED_LANGUAGES, "--lang");
  const corpusDir = existingFolder(values.corpus, "--corpus");
  return translateMissing({ corpusDir, lang, env, out: (text) => console.log(text) });
}

if (isEntryPoint(import.meta.url)) runCommand("translate", () => runTranslate(process.argv.slice(2), process.env));
