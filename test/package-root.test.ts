import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromPackageRoot } from "../src/package-root.js";

describe("the package root, from the build", () => {
  it("node dist/cli/ask.js, run from another folder, answers from the package's corpus, index, lexicon, cards, models, help directory and prompts", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "relais-cwd-"));
    try {
      const out = execFileSync(process.execPath, [fromPackageRoot("dist", "cli", "ask.js"), "Quelle est l'amende pour dépassement de visa en Tunisie ?"], {
        cwd: elsewhere,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        // An endpoint makes the start read the prompt templates; nothing listens there, so the offline answer is printed.
        env: { ...process.env, RELAIS_OFFLINE: "1", LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_MODEL: "none", LLM_TIMEOUT_MS: "2000" },
      });
      expect(out).toMatch(/20 dinars tunisiens par semaine/);
      expect(out).toMatch(/Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre \(MMC\), 2020/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
