/**
 * npm run build:corpus [-- --sources DIR] [--catalogue FILE] [--out DIR]
 * Reads the source reports, writes corpus/manifest.json, corpus/cleaned/*.txt, corpus/passages.jsonl.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildCorpus,
  checkTranslations,
  CorpusError,
  DEFAULT_CORPUS_DIR,
  DEFAULT_SOURCES_DIR,
  headingProblems,
  headingsPath,
  loadCatalogue,
  readTranslationFile,
  type SourceReport,
  TRANSLATED_LANGUAGES,
  type TranslatedLanguage,
  translationPath,
} from "../corpus/index.js";
import { existingFile, existingFolder, isEntryPoint, printHelp, readCommandLine, runCommand } from "./args.js";
import { startProgress } from "./progress.js";

export const BUILD_CORPUS = {
  usage: "npm run build:corpus --",
  summary: [
    "Turns the source reports into the corpus: manifest.json (the catalogue's facts and each report's sha256),",
    "cleaned/<id>.txt and passages.jsonl; then checks the team's translations still fit the passages.",
  ].join("\n"),
  flags: {
    sources: { type: "string", value: "DIR", description: "the reports (.txt), each listed in the catalogue", default: DEFAULT_SOURCES_DIR },
    catalogue: { type: "string", value: "FILE", description: "title, publisher, year... of each report, by file name", default: join(DEFAULT_SOURCES_DIR, "catalogue.json") },
    out: { type: "string", value: "DIR", description: "where the corpus is written", default: DEFAULT_CORPUS_DIR },
  },
} as const;

/** The exit code: 1 when the translations no longer fit the passages built. */
export async function runBuildCorpus(argv: string[]): Promise<number> {
  const line = readCommandLine(BUILD_CORPUS, argv);
  if (line.help) return printHelp(BUILD_CORPUS);
  const sourcesDir = existingFolder(line.values.sources, "--sources");
  const cataloguePath = existingFile(line.values.catalogue, "--catalogue");
  const outDir = line.values.out;

  const catalogue = loadCatalogue(cataloguePath);
  const present = readdirSync(sourcesDir).filter((f) => f.endsWith(".txt")).sort();
  const listed = new Set(catalogue.reports.map((r) => r.file));
  const unlisted = present.filter((f) => !listed.has(f));
  if (unlisted.length) {
    throw new CorpusError(`${unlisted.join(", ")} in ${sourcesDir} ${unlisted.length > 1 ? "are" : "is"} not in ${cataloguePath}: add an entry with its title, publisher and year.`);
  }
  const sources: SourceReport[] = catalogue.reports.map((entry) => {
    const path = join(sourcesDir, entry.file);
    if (!existsSync(path)) throw new CorpusError(`${path} is listed in ${cataloguePath} but missing. Restore it (\`git checkout -- ${path}\` for a committed report) or remove its entry.`);
    return { entry, raw: readFileSync(path, "utf8") };
  });

  const progress = startProgress("build:corpus", sources.length * 2 + 1);
  const built = buildCorpus(sources, (step, report) => progress.tick(`${step} ${report}`));
  progress.stop();

  mkdirSync(join(outDir, "cleaned"), { recursive: true });
  for (const doc of built.cleaned) writeFileSync(join(outDir, doc.file), doc.text);
  writeFileSync(join(outDir, "passages.jsonl"), built.passagesJsonl);
  writeFileSync(join(outDir, "manifest.json"), JSON.stringify(built.manifest, null, 2) + "\n");
  const counts = built.manifest.reports.map((r) => `${r.id} ${r.passageCount}`).join(", ");
  console.log(`Wrote ${built.passages.length} passages from ${sources.length} reports to ${outDir}/ (${counts}).`);

  // The translations are the team's work, not rebuilt: check they still fit the passages.
  let problems = 0;
  for (const lang of TRANSLATED_LANGUAGES) {
    const own = translationPath(outDir, lang);
    const path = existsSync(own) ? own : translationPath(DEFAULT_CORPUS_DIR, lang);
    const { translations, errors } = readTranslationFile(path, lang);
    const found = [
      ...errors,
      ...checkTranslations(lang, built.passages, translations).map((p) => `${path}: passage ${p.passageId} ${p.problem}`),
      ...headingProblems(headingsFile(outDir, lang), lang, built.passages),
    ];
    for (const problem of found) console.error(`build:corpus: ${problem}`);
    problems += found.length;
  }
  if (problems) {
    console.error(`build:corpus: ${problems} translation problem(s): the passages changed under them. Re-cut or re-translate the passages named (\`npm run translate -- --missing\` drafts missing ones), then run \`npm run build:index\`.`);
    return 1;
  }
  return 0;
}

/** The headings' translation in the output folder, else the committed one. */
function headingsFile(outDir: string, lang: TranslatedLanguage): string {
  const own = headingsPath(join(outDir, "translations"), lang);
  return existsSync(own) ? own : headingsPath(join(DEFAULT_CORPUS_DIR, "translations"), lang);
}

if (isEntryPoint(import.meta.url)) runCommand("build:corpus", () => runBuildCorpus(process.argv.slice(2)));
