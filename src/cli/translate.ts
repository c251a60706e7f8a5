/**
 * npm run translate -- --missing [--lang fr] [--corpus DIR]
 * Lists the passages that have no translation in corpus/translations/<lang>.jsonl and, with
 * the optional chat endpoint configured (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), drafts them
 * by machine, marked unreviewed, after the same checks as the team's translations. Without an
 * endpoint it lists what is missing and exits 1, as it does when a draft fails.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { draftTranslation } from "../corpus/draft-translations.js";
import { TRANSLATED_LANGUAGES, type TranslatedLanguage } from "../corpus/languages.js";
import { CorpusError, DEFAULT_CORPUS_DIR, loadCorpus, translationPath } from "../corpus/load.js";
import { needsTranslation, parseTranslations, type Translation, translationLine } from "../corpus/translations.js";
import { chatEndpoint, readConfig } from "../config.js";
import { type ChatConfig, loadPrompt } from "../llm/chat.js";

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
  let config: ChatConfig | undefined;
  try {
    config = chatEndpoint(readConfig(run.env, "tools"));
  } catch (error) {
    run.out(`The chat endpoint is misconfigured: ${(error as Error).message}`);
    return 1;
  }
  if (!config) {
    run.out("No chat endpoint is configured: set LLM_BASE_URL and LLM_MODEL to draft them by machine, or translate them by hand.");
    return 1;
  }
  loadPrompt("translate"); // a broken template is said once, before any call
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
  // In corpus order, written whole then moved into place: a crash never leaves half a file.
  const lines = corpus.passages.flatMap((p) => {
    const t: Translation | undefined = have.get(p.id);
    return t ? [translationLine(run.lang, t)] : [];
  });
  writeFileSync(`${path}.tmp`, lines.join("\n") + "\n");
  renameSync(`${path}.tmp`, path);
  run.out(`${path}: ${missing.length - failed} drafted, ${failed} still missing. Drafts are marked "reviewed": false until a person has read them; then run \`npm run build:index\`.`);
  return failed || errors.length ? 1 : 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      missing: { type: "boolean", default: false },
      lang: { type: "string", default: "fr" },
      corpus: { type: "string", default: DEFAULT_CORPUS_DIR },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || !values.missing) {
    console.log("usage: npm run translate -- --missing [--lang fr] [--corpus DIR]");
    process.exit(values.help ? 0 : 2);
  }
  if (!(TRANSLATED_LANGUAGES as readonly string[]).includes(values.lang)) {
    console.error(`translate: --lang must be one of ${TRANSLATED_LANGUAGES.join(", ")}`);
    process.exit(2);
  }
  process.exit(await translateMissing({ corpusDir: values.corpus, lang: values.lang as TranslatedLanguage, env: process.env, out: (line) => console.log(line) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`translate: ${error instanceof CorpusError ? error.message : (error as Error).message}`);
    process.exit(1);
  });
}
