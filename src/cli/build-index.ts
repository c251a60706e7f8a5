/**
 * npm run build:index [-- --model ID] [--no-dense] [--corpus DIR] [--out DIR]
 * Writes index/: the lexical index, and the vectors of every passage when an embedding model
 * can be found (the model resolution rule is in the README), with meta.json tying them to the
 * corpus, the lexicon and the model.
 */
import { parseArgs } from "node:util";
import { ConfigError, readConfig } from "../config.js";
import { CorpusError, DEFAULT_CORPUS_DIR, loadCorpus } from "../corpus/load.js";
import { buildIndex } from "../retrieval/build-index.js";
import { DEFAULT_INDEX_DIR } from "../retrieval/index-files.js";
import { LANGUAGES } from "../retrieval/language.js";
import { loadLexicon } from "../retrieval/lexicon.js";
import { DEFAULT_MODEL_ID, resolveModel } from "../retrieval/model-resolution.js";
import { startProgress } from "./progress.js";

async function main(): Promise<void> {
  const config = readConfig(process.env, "tools");
  const { values } = parseArgs({
    options: {
      model: { type: "string", default: config.EMBEDDING_MODEL ?? DEFAULT_MODEL_ID },
      "no-dense": { type: "boolean", default: false },
      corpus: { type: "string", default: DEFAULT_CORPUS_DIR },
      out: { type: "string", default: DEFAULT_INDEX_DIR },
    },
  });
  const started = performance.now();
  const corpus = loadCorpus(values.corpus);
  let model = undefined;
  if (!values["no-dense"]) {
    const resolution = resolveModel({ id: values.model, envDir: config.EMBEDDING_MODEL_DIR, allowHub: !config.RELAIS_OFFLINE });
    if (resolution.model) model = resolution.model;
    else console.warn(`build:index: no embedding model ${values.model} found (looked in ${resolution.tried.join(", ")}); writing a lexical-only index. \`npm run build:model\` builds the project's own.`);
  }
  const progress = model ? startProgress("build:index embed", corpus.passages.length) : undefined;
  const meta = await buildIndex({
    corpus,
    lexicon: loadLexicon(),
    outDir: values.out,
    model,
    onProgress: (done) => progress?.update(done, "passages embedded"),
  });
  progress?.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const dense = meta.dense ? ` + dense (${meta.dense.model}, ${meta.dense.dimension}-d)` : " only";
  const lexical = LANGUAGES.map((l) => `${l} ${meta.lexical[l].documents}`).join(", ");
  console.log(`Indexed passages in ${seconds} s: lexical (${lexical})${dense} -> ${values.out}/`);
}

main().catch((error: unknown) => {
  if (error instanceof CorpusError || error instanceof ConfigError) {
    console.error(`build:index: ${error.message}`);
    process.exit(1);
  }
  throw error;
});
