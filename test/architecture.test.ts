/**
 * The shape of src/, checked on every import (static, `import type`, `export … from`, dynamic
 * `import()`, `typeof import()`), read with the TypeScript parser:
 *
 * (a) Through the index. A module reaches another folder of src/ only through that folder's
 *     index.ts. Within a folder, modules import each other freely. The top-level modules
 *     (config.ts, data-file.ts, package-root.ts, main.ts) are no folder: importing them is always
 *     allowed, and they too reach a folder only through its index.ts. The only other exceptions
 *     are the dynamic imports in DYNAMIC_EXCEPTIONS, of modules that load a heavy or optional
 *     package at their top, which an index.ts must not load eagerly.
 *
 * (b) With the flow. Data flows llm < corpus < retrieval < help, voice < answer < bot (STAGE_RANK),
 *     and a stage imports only stages of lower rank:
 *       - llm (the chat endpoint) is a leaf, usable by every stage (corpus drafts translations);
 *       - help (the help directory) matches with corpus and retrieval, and answer and bot use it;
 *       - voice takes corpus's Language and llm's capped reader, and bot uses it;
 *       - help and voice, of the same rank, do not import each other.
 *     eval, bench and cli are tools, and main.ts the bot's entry: they may import any stage or
 *     tool, and no stage imports a tool or main.ts. config.ts, data-file.ts and package-root.ts
 *     are shared by every stage, so they may import stages only as types.
 *
 * (c) Light indexes. No index.ts loads a heavy or optional package at run time, through
 *     anything it imports or re-exports (type-only imports are erased; under
 *     verbatimModuleSyntax `import { type X }` still loads its module): a lexical run never
 *     loads the dense path's or speech's packages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { fromPackageRoot } from "../src/package-root.js";

const SRC = fromPackageRoot("src");

/** Ranks of the stages: a stage imports only stages of lower rank. */
const STAGE_RANK: Record<string, number> = { llm: 0, corpus: 1, retrieval: 2, help: 3, voice: 3, answer: 4, bot: 5 };
const TOOLS = new Set(["eval", "bench", "cli"]);
const ENTRY = "main.ts";
const SHARED = new Set(["config.ts", "data-file.ts", "package-root.ts"]);

/** Direct dynamic imports of another folder's module, each loading a package at its top. */
const DYNAMIC_EXCEPTIONS: { file: string; target: string; reason: string }[] = [
  { file: "cli/eval.ts", target: "retrieval/vector-store.ts", reason: "loads hnswlib-node (optional package)" },
  { file: "cli/eval.ts", target: "retrieval/use-embeddings.ts", reason: "loads @langchain/core/embeddings, kept out of lexical runs" },
  { file: "cli/build-model.ts", target: "retrieval/static-model.ts", reason: "loads onnx-proto (a devDependency)" },
  { file: "bench/bot-faults.ts", target: "answer/llm.ts", reason: "loads @langchain/core/runnables, which createGenerator loads only with an endpoint" },
];

/** Packages no index.ts may load: optional ones, a devDependency, and those loaded on demand. */
const HEAVY_PACKAGES = [
  "hnswlib-node",
  "@xenova/transformers",
  "espeak-ng",
  "@breezystack/lamejs",
  "@energetic-ai/",
  "onnx-proto",
  "@langchain/core",
];

interface Import {
  file: string;
  line: number;
  specifier: string;
  /** Path under src/ for a relative specifier (".js" read as ".ts"); undefined for a package. */
  target: string | undefined;
  kind: "static" | "type" | "dynamic";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function importsOf(path: string): Import[] {
  const file = relative(SRC, path);
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: string, kind: Import["kind"]) => {
    const target = specifier.startsWith(".") ? relative(SRC, resolve(dirname(path), specifier)).replace(/\.js$/, ".ts") : undefined;
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, specifier, target, kind });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.importClause?.isTypeOnly ? "type" : "static");
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly ? "type" : "static");
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(node, argument.text, "dynamic");
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, "type");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The folder of a module under src/, or the module itself at the top. */
const unitOf = (path: string) => (path.includes("/") ? path.slice(0, path.indexOf("/")) : path);
const describeImport = (i: Import) => `src/${i.file}:${i.line} imports "${i.specifier}"`;
const matches = (i: Import) => (e: { file: string; target: string }) => e.file === i.file && e.target === i.target;

const imports = sourceFiles(SRC).flatMap(importsOf);
const crossing = imports.filter((i) => i.target !== undefined && unitOf(i.file) !== unitOf(i.target));

describe("architecture", () => {
  it("(a) reaches another folder only through its index.ts", () => {
    const outside = crossing.filter((i) => i.target!.includes("/") && i.target !== `${unitOf(i.target!)}/index.ts`);
    const wrong = outside.filter((i) => !DYNAMIC_EXCEPTIONS.some(matches(i)));
    expect(wrong.map(describeImport)).toEqual([]);
    const staticExceptions = outside.filter((i) => i.kind !== "dynamic" && DYNAMIC_EXCEPTIONS.some(matches(i)));
    expect(staticExceptions.map((i) => `${describeImport(i)}: an exception must stay a dynamic import`)).toEqual([]);
    const stale = DYNAMIC_EXCEPTIONS.filter((e) => !outside.some((i) => matches(i)(e)));
    expect(stale.map((e) => `no import of src/${e.target} left in src/${e.file}: remove its entry`)).toEqual([]);
  });

  it("(b) imports no later stage, no tool and no entry point from a stage", () => {
    const against = crossing.filter((i) => {
      const from = unitOf(i.file);
      const to = unitOf(i.target!);
      if (to === ENTRY) return true;
      if (SHARED.has(to)) return false;
      if (SHARED.has(from)) return i.kind !== "type";
      if (TOOLS.has(from) || from === ENTRY) return false;
      if (TOOLS.has(to)) return true;
      const [fromRank, toRank] = [STAGE_RANK[from], STAGE_RANK[to]];
      if (fromRank === undefined || toRank === undefined) return true; // a new folder: give it a place above
      return toRank >= fromRank;
    });
    expect(against.map(describeImport)).toEqual([]);
  });

  it("(c) loads no heavy or optional package from an index.ts", () => {
    const runtime = new Map<string, Import[]>();
    for (const i of imports) if (i.kind === "static") runtime.set(i.file, [...(runtime.get(i.file) ?? []), i]);
    const heavy: string[] = [];
    for (const index of [...runtime.keys()].filter((f) => /^[a-z-]+\/index\.ts$/.test(f))) {
      const seen = new Set<string>();
      const walk = (file: string, path: string[]) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const i of runtime.get(file) ?? []) {
          if (i.target) walk(i.target, [...path, i.target]);
          else if (HEAVY_PACKAGES.some((p) => i.specifier === p || i.specifier.startsWith(p.endsWith("/") ? p : `${p}/`))) {
            heavy.push(`src/${index} loads ${i.specifier}: ${path.map((f) => `src/${f}`).join(" -> ")}:${i.line}`);
          }
        }
      };
      walk(index, [index]);
    }
    expect(heavy).toEqual([]);
  });
});
