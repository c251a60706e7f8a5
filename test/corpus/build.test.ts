import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CorpusError, loadCorpus } from "../../src/corpus/load.js";

const TSX = join("node_modules", ".bin", "tsx");

function buildInto(out: string, extra: string[] = []): string {
  return execFileSync(TSX, ["src/cli/build-corpus.ts", "--out", out, ...extra], { encoding: "utf8", stdio: "pipe" });
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out[rel] = readFileSync(join(dir, rel), "utf8");
    }
  };
  walk("");
  return out;
}

describe("npm run build:corpus", () => {
  it("writes the same bytes twice, and the same bytes as the committed corpus", () => {
    const first = mkdtempSync(join(tmpdir(), "relais-corpus-"));
    const second = mkdtempSync(join(tmpdir(), "relais-corpus-"));
    try {
      buildInto(first);
      buildInto(second);
      const a = filesOf(first);
      expect(Object.keys(a).sort()).toEqual(["cleaned/carim-mali-2010.txt", "cleaned/iom-mali-crisis-2013.txt", "cleaned/iom-mgi-mali-2021.txt", "cleaned/mmc-bamako-2020.txt", "cleaned/mmc-tunis-bamako-2020.txt", "manifest.json", "passages.jsonl"]);
      expect(filesOf(second)).toEqual(a);
      for (const [file, text] of Object.entries(a)) expect(readFileSync(join("corpus", file), "utf8"), file).toBe(text);
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });

  it("fails, naming the passage, when the team's translation no longer fits the passages", () => {
    const out = mkdtempSync(join(tmpdir(), "relais-corpus-"));
    try {
      mkdirSync(join(out, "translations"));
      const lines = readFileSync("corpus/translations/fr.jsonl", "utf8").split("\n").filter(Boolean);
      writeFileSync(join(out, "translations", "fr.jsonl"), lines.slice(1).join("\n") + "\n");
      const dropped = JSON.parse(lines[0]!).passageId as string;
      expect(() => buildInto(out)).toThrow(new RegExp(`passage ${dropped} has no translation[^]*npm run translate -- --missing`));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("refuses a source report the catalogue does not describe, naming the fix", () => {
    const sources = mkdtempSync(join(tmpdir(), "relais-sources-"));
    try {
      for (const file of readdirSync("corpus/sources")) copyFileSync(join("corpus/sources", file), join(sources, file));
      writeFileSync(join(sources, "999_new.txt"), "A new report.");
      expect(() => buildInto(join(sources, "out"), ["--sources", sources])).toThrow(/999_new\.txt .*not in .*catalogue\.json: add an entry/);
    } finally {
      rmSync(sources, { recursive: true, force: true });
    }
  });
});

describe("loadCorpus", () => {
  function corruptCopy(mutate: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "relais-bad-"));
    mkdirSync(join(dir, "cleaned"));
    for (const file of ["manifest.json", "passages.jsonl"]) copyFileSync(join("corpus", file), join(dir, file));
    mutate(dir);
    return dir;
  }

  it.each([
    ["a missing manifest", (dir: string) => rmSync(join(dir, "manifest.json")), /manifest\.json is missing/],
    ["a manifest that is not JSON", (dir: string) => writeFileSync(join(dir, "manifest.json"), "{oops"), /manifest\.json is not valid JSON/],
    ["a manifest of the wrong shape", (dir: string) => writeFileSync(join(dir, "manifest.json"), JSON.stringify({ schemaVersion: 1, reports: [] })), /manifest\.json is not in the expected shape/],
    ["edited passages", (dir: string) => writeFileSync(join(dir, "passages.jsonl"), readFileSync(join(dir, "passages.jsonl"), "utf8").replace("20 Tunisian Dinars", "2 Tunisian Dinars")), /passages\.jsonl does not match/],
  ])("stops on %s with the command that rebuilds", (_name, mutate, message) => {
    const dir = corruptCopy(mutate);
    try {
      expect(() => loadCorpus(dir)).toThrow(CorpusError);
      expect(() => loadCorpus(dir)).toThrow(message);
      expect(() => loadCorpus(dir)).toThrow(/npm run build:corpus/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
