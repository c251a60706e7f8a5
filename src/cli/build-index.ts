/**
 * npm run build:index [-- --model ID] [--no-dense] [--corpus DIR] [--out DIR]
 * Writes index/: the lexical index, and the vectors of every passage when an embedding model
 * can be found (the model resolution rule is in the README), with meta.json tying them to the
 * corpus, the lexicon and the model.
 */
import { readConfig } from "../config.js";
import { DEFAULT_CORPUS_DIR, loadCorpus } from "../corpus/index.js";
import { bankQuestions, buildIndex, DEFAULT_INDEX_DIR, DEFAULT_MODEL_ID, LANGUAGES, loadLexicon, resolveModel } from "../retrieval/index.js";
import { existingFolder, isEntryPoint, printHelp, readCommandLine, runCommand } from "./args.js";
import { startProgress } from "./progress.js";

export const BUILD_INDEX = {
  usage: "npm run build:index --",
  summary: [
    "Writes the index: the lexical indexes (English and French) and, when an embedding model is found, the vectors",
    "of every passage, with meta.json tying them to the corpus, the lexicon and the model.",
  ].join("\n"),
  flags: {
    model: { type: "string", value: "ID", description: `embedding model (default EMBEDDING_MODEL, else ${DEFAULT_MODEL_ID})` },
    "no-dense": { type: "boolean", description: "lexical indexes only, no vectors", default: false },
    corpus: { type: "string", value: "DIR", description: "the corpus indexed", default: DEFAULT_CORPUS_DIR },
    out: { type: "string", value: "DIR", description: "where the index is written", default: DEFAULT_INDEX_DIR },
  },
} as const;

export async function runBuildIndex(argv: string[]): Promise<number> {
  const line = readCommandLine(BUILD_INDEX, argv);
  if (line.help) return printHelp(BUILD_INDEX);
  const { values } = line;
  existingFolder(values.corpus, "--corpus");
  const config = readConfig(process.env, "tools");
  const modelId = values.model ?? config.EMBEDDING_MODEL ?? DEFAULT_MODEL_ID;
  const started = performance.now();
  const corpus = loadCorpus(values.corpus);
  let model = undefined;
  if (!values["no-dense"]) {
    const resolution = resolveModel({ id: modelId, envDir: config.EMBEDDING_MODEL_DIR, allowHub: !config.RELAIS_OFFLINE });
    if (resolution.model) model = resolution.model;
    else console.warn(`build:index: no embedding model ${modelId} found (looked in ${resolution.tried.join(", ")}); writing a lexical-only index. \`npm run build:model\` builds the project's own.`);
  }
  const progress = model ? startProgress("build:index embed", corpus.passages.length + bankQuestions(corpus).length) : undefined;
  const meta = await buildIndex({
    corpus,
    lexicon: loadLexicon(),
    outDir: values.out,
    model,
    onProgress: (done) => progress?.update(done, done <= corpus.passages.length ? "passages embedded" : "passages and bank questions embedded"),
  });
  progress?.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const dense = meta.dense ? ` + dense (${meta.dense.model}, ${meta.dense.dimension}-d)` : " only";
  const lexical = LANGUAGES.map((l) => `${l} ${meta.lexical[l].documents}`).join(", ");
  console.log(`Indexed passages in ${seconds} s: lexical (${lexical})${dense} -> ${values.out}/`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCommand("build:index", () => runBuildIndex(process.argv.slice(2)));

