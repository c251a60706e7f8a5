/**
 * npm run build:corpus [-- --sources DIR] [--catalogue FILE] [--out DIR]
 * Reads the source reports, writes corpus/manifest.json, corpus/cleaned/*.txt, corpus/passages.jsonl.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildCorpus, type SourceReport } from "../corpus/build.js";
import { TRANSLATED_LANGUAGES } from "../corpus/languages.js";
import { CorpusError, DEFAULT_CORPUS_DIR, DEFAULT_SOURCES_DIR, loadCatalogue, translationPath } from "../corpus/load.js";
import { checkTranslations, readTranslationFile } from "../corpus/translations.js";
import { startProgress } from "./progress.js";

function main(): void {
  const { values } = parseArgs({
    options: {
      sources: { type: "string", default: DEFAULT_SOURCES_DIR },
      catalogue: { type: "string", default: join(DEFAULT_SOURCES_DIR, "catalogue.json") },
      out: { type: "string", default: DEFAULT_CORPUS_DIR },
    },
  });
  const catalogue = loadCatalogue(values.catalogue);
  const present = readdirSync(values.sources).filter((f) => f.endsWith(".txt")).sort();
  const listed = new Set(catalogue.reports.map((r) => r.file));
  const unlisted = present.filter((f) => !listed.has(f));
  if (unlisted.length) {
    throw new CorpusError(`${unlisted.join(", ")} in ${values.sources} ${unlisted.length > 1 ? "are" : "is"} not in ${values.catalogue}: add an entry with its title, publisher and year.`);
  }
  const sources: SourceReport[] = catalogue.reports.map((entry) => {
    const path = join(values.sources, entry.file);
    if (!existsSync(path)) throw new CorpusError(`${path} is listed in the catalogue but missing. Restore it with \`git checkout -- ${path}\`.`);
    return { entry, raw: readFileSync(path, "utf8") };
  });

  const progress = startProgress("build:corpus", sources.length * 2 + 1);
  const built = buildCorpus(sources, (step, report) => progress.tick(`${step} ${report}`));
  progress.stop();

  mkdirSync(join(values.out, "cleaned"), { recursive: true });
  for (const doc of built.cleaned) writeFileSync(join(values.out, doc.file), doc.text);
  writeFileSync(join(values.out, "passages.jsonl"), built.passagesJsonl);
  writeFileSync(join(values.out, "manifest.json"), JSON.stringify(built.manifest, null, 2) + "\n");
  const counts = built.manifest.reports.map((r) => `${r.id} ${r.passageCount}`).join(", ");
  console.log(`Wrote ${built.passages.length} passages from ${sources.length} reports to ${values.out}/ (${counts}).`);

  // The translations are the team's work, not rebuilt: check they still fit the passages.
  let problems = 0;
  for (const lang of TRANSLATED_LANGUAGES) {
    const own = translationPath(values.out, lang);
    const path = existsSync(own) ? own : translationPath(DEFAULT_CORPUS_DIR, lang);
    const { translations, errors } = readTranslationFile(path, lang);
    const found = [...errors, ...checkTranslations(lang, built.passages, translations).map((p) => `${path}: passage ${p.passageId} ${p.problem}`)];
    for (const line of found) console.error(`build:corpus: ${line}`);
    problems += found.length;
  }
  if (problems) {
    console.error(`build:corpus: ${problems} translation problem(s): the passages changed under them. Re-cut or re-translate the passages named (\`npm run translate -- --missing\` drafts missing ones), then run \`npm run build:index\`.`);
    process.exit(1);
  }
}

try {
  main();
} catch (error) {
  if (error instanceof CorpusError) {
    console.error(`build:corpus: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
