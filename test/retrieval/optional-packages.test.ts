import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The dense path's packages: hnswlib-node builds C++ at install, @xenova/transformers brings ONNX Runtime.
const DENSE_PACKAGES = ["hnswlib-node", "@xenova/transformers"];
const QUESTION = "combien coûte l'amende pour dépassement de visa en Tunisie ?";

/** `npm run ask -- QUESTION --retriever hybrid` on an install where `missing` failed to install. */
function askWithout(missing: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./test/retrieval/without-package.mjs", "src/cli/ask.ts", QUESTION, "--retriever", "hybrid"], {
    env: { ...process.env, RELAIS_OFFLINE: "1", WITHOUT_PACKAGE: missing },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

// Both installs are tried at once, from the start: each is a process that loads the corpus.
const asks = Object.fromEntries(DENSE_PACKAGES.map((name) => [name, askWithout(name)]));

describe("an install where a dense package failed", () => {
  it("lets npm go on: the dense packages are optional dependencies", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8"));
    for (const name of DENSE_PACKAGES) {
      expect(manifest.optionalDependencies).toHaveProperty([name]);
      expect(manifest.dependencies).not.toHaveProperty([name]);
    }
  });

  it.each([
    ["hnswlib-node", /Dense retrieval is off: hnswlib-node is not installed or did not build .*install a C\+\+ toolchain .*npm ci/],
    ["@xenova/transformers", /Dense retrieval is off: @xenova\/transformers is not installed or did not build .*npm ci/],
  ])("still answers with citations without %s, saying on stderr why dense is off", async (missing, why) => {
    const ask = await asks[missing]!;
    expect(ask.stderr).toMatch(why);
    expect(ask.status).toBe(0);
    expect(ask.stdout).toMatch(/20 dinars tunisiens par semaine.*\[1\]/);
    expect(ask.stdout).toMatch(/\[1\] Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre \(MMC\), 2020/);
  }, 60_000);
});
