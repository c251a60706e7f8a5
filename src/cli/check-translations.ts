/**
 * npm run check:translations [-- --file FILE] [--lang fr] [--share]
 * Checks a translation file against the corpus: every passage but bibliographies translated,
 * the `en` sentences rebuilding the passage as the answerer cuts it, every number of the
 * English kept. `--share` checks only the passages the file lists (a translator's part).
 */
import { parseArgs } from "node:util";
import { TRANSLATED_LANGUAGES, type TranslatedLanguage } from "../corpus/languages.js";
import { loadCorpus } from "../corpus/load.js";
import { checkTranslations, readTranslationFile } from "../corpus/translations.js";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    lang: { type: "string", default: "fr" },
    share: { type: "boolean", default: false },
  },
});
if (!(TRANSLATED_LANGUAGES as readonly string[]).includes(values.lang)) {
  console.error(`check:translations: --lang must be one of ${TRANSLATED_LANGUAGES.join(", ")}`);
  process.exit(2);
}
const lang = values.lang as TranslatedLanguage;
const file = values.file ?? `corpus/translations/${lang}.jsonl`;
// The committed translations are what is being checked: the corpus is read without them.
const corpus = loadCorpus(undefined, { translations: false });
const { translations, errors } = readTranslationFile(file, lang);
const listed = new Set(translations.map((t) => t.passageId));
const problems = [
  ...errors,
  ...checkTranslations(lang, corpus.passages, translations, values.share ? (p) => listed.has(p.id) : undefined).map((p) => `${p.passageId}: ${p.problem}`),
];
for (const problem of problems) console.error(problem);
const sentences = translations.reduce((n, t) => n + t.sentences.length, 0);
console.log(`${file}: ${translations.length} passages, ${sentences} sentences, ${problems.length} problem(s).`);
process.exit(problems.length ? 1 : 0);
