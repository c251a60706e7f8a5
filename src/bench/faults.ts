import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassageRetriever } from "../retrieval/index.js";

export interface FaultOutcome {
  fault: string;
  /** What the person running the bot is told. */
  message: string;
  /** Whether answers still come (lexical) despite the fault. */
  serving: boolean;
}

/**
 * Breaks a copy of corpus/ and index/ in the ways that happen in the field and records what
 * the retrieval stage, opened as the bot opens it, says and whether it still answers.
 */
export async function runFaults(): Promise<FaultOutcome[]> {
  const scenarios: Array<{ fault: string; dense: boolean; modelRoots?: never[]; breakIt: (corpus: string, index: string) => void }> = [
    { fault: "corrupt index/lexical.json", dense: false, breakIt: (_c, index) => writeFileSync(join(index, "lexical.json"), "{\"truncated") },
    { fault: "corrupt index/vectors.hnsw (RETRIEVER=hybrid)", dense: true, breakIt: (_c, index) => writeFileSync(join(index, "vectors.hnsw"), "garbage") },
    { fault: "missing embedding model (RETRIEVER=hybrid)", dense: true, modelRoots: [], breakIt: () => {} },
    { fault: "unreadable corpus/passages.jsonl", dense: false, breakIt: (corpus) => replaceWithFolder(join(corpus, "passages.jsonl")) },
    { fault: "index built from another corpus", dense: false, breakIt: (_c, index) => editJson(join(index, "meta.json"), (meta) => ({ ...meta, passagesSha256: "0".repeat(64) })) },
  ];
  const outcomes: FaultOutcome[] = [];
  for (const scenario of scenarios) {
    const root = mkdtempSync(join(tmpdir(), "relais-fault-"));
    const corpus = join(root, "corpus");
    const index = join(root, "index");
    cpSync("corpus", corpus, { recursive: true });
    cpSync("index", index, { recursive: true, filter: (src) => !src.includes(join("index", "models")) });
    scenario.breakIt(corpus, index);
    const messages: string[] = [];
    try {
      const retriever = await PassageRetriever.open({
        onLexicalRebuilt: (reason) => messages.push(reason),
        corpusDir: corpus,
        indexDir: index,
        dense: scenario.dense,
        modelRoots: scenario.modelRoots ?? [{ dir: join("index", "models"), source: "bundled" }],
        allowHub: false,
        onDenseUnavailable: (reason) => messages.push(`Dense retrieval is off: ${reason}. Answering with lexical retrieval.`),
      });
      const answer = await retriever.retrieve("amende visa tunisie");
      outcomes.push({ fault: scenario.fault, message: messages.join(" ") || "(none)", serving: answer.passages.length > 0 });
    } catch (error) {
      outcomes.push({ fault: scenario.fault, message: (error as Error).message, serving: false });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return outcomes;
}

function replaceWithFolder(path: string): void {
  rmSync(path);
  mkdirSync(path);
}

function editJson(path: string, edit: (value: Record<string, unknown>) => Record<string, unknown>): void {
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>)));
}
