/**
 * npm run check:translations [-- --file FILE] [--lang fr] [--share]
 * Checks a translation file against the corpus: every passage but bibliographies translated,
 * the `en` sentences rebuilding the passage as the answerer cuts it, every number of the
 * English kept; then the headings file beside it (<lang>.headings.jsonl): every heading translated,
 * its numbers kept. `--share` checks only the passages the file lists (a translator's part).
 */
import { dirname } from "node:path";
import { checkTranslations, DEFAULT_CORPUS_DIR, headingProblems, headingsPath, loadCorpus, readTranslationFile, TRANSLATED_LANGUAGES, translationPath } from "../corpus/index.js";
import { existingFile, isEntryPoint, oneOf, printHelp, readCommandLine, runCommand } from "./args.js";

export const CHECK_TRANSLATIONS = {
  usage: "npm run check:translations --",
  summary: [
    "Checks a translation file against the corpus: every passage but bibliographies translated, its English",
    "sentences rebuilding the passage, every number of the English kept in the translation.",
  ].join("\n"),
  flags: {
    file: { type: "string", value: "FILE", description: "the file checked (default corpus/translations/<lang>.jsonl)" },
    lang: { type: "string", value: TRANSLATED_LANGUAGES.join("|"), description: "the language it translates into", default: "fr" },
    share: { type: "boolean", description: "check only the passages the file lists (a translator's part)", default: false },
  },
} as const;

/** The exit code: 1 when the file has a problem. */
export async function runCheckTranslations(argv: string[]): Promise<number> {
  const line = readCommandLine(CHECK_TRANSLATIONS, argv);
  if (line.help) return printHelp(CHECK_TRANSLATIONS);
  const { values } = line;
  const lang = oneOf(values.lang, TRANSLATED_LANGUAGES, "--lang");
  const file = values.file === undefined ? translationPath(DEFAULT_CORPUS_DIR, lang) : existingFile(values.file, "--file");
  // The committed translations are what is being checked: the corpus is read without them.
  const corpus = loadCorpus(undefined, { translations: false });
  const { translations, errors } = readTranslationFile(file, lang);
  const listed = new Set(translations.map((t) => t.passageId));
  const problems = [
    ...errors,
    ...checkTranslations(lang, corpus.passages, translations, values.share ? (p) => listed.has(p.id) : undefined).map((p) => `${p.passageId}: ${p.problem}`),
    ...(values.share ? [] : headingProblems(headingsPath(dirname(file), lang), lang, corpus.passages)),
  ];
  for (const problem of problems) console.error(problem);
  const sentences = translations.reduce((n, t) => n + t.sentences.length, 0);
  console.log(`${file}: ${translations.length} passages, ${sentences} sentences, ${problems.length} problem(s).`);
  return problems.length ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) runCommand("check:translations", () => runCheckTranslations(process.argv.slice(2)));
