import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translateMissing } from "../../src/cli/translate.js";
import { loadCorpus } from "../../src/corpus/load.js";

const BASE = "http://llm.test/v1";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// A copy of the corpus whose French file lacks the passage with the Tunisia fine.
let dir: string;
let removed: { passageId: string; sentences: Array<{ en: string; fr: string }> };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relais-translate-"));
  cpSync("corpus", dir, { recursive: true });
  const path = join(dir, "translations", "fr.jsonl");
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
  const at = lines.findIndex((l) => l.includes("20 Tunisian Dinars per week"));
  removed = JSON.parse(lines[at]!);
  writeFileSync(path, lines.filter((_, i) => i !== at).join("\n") + "\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = async (env: NodeJS.ProcessEnv) => {
  const out: string[] = [];
  const code = await translateMissing({ corpusDir: dir, lang: "fr", env, out: (line) => out.push(line) });
  return { code, out: out.join("\n") };
};
const endpoint = { LLM_BASE_URL: BASE, LLM_MODEL: "test-model" };
const replyWith = (sentences: string[], seen: string[] = []) =>
  server.use(
    http.post(`${BASE}/chat/completions`, async ({ request }) => {
      seen.push(JSON.stringify(await request.json()));
      return HttpResponse.json({ choices: [{ message: { role: "assistant", content: JSON.stringify({ sentences }) } }] });
    }),
  );

describe("npm run translate -- --missing", () => {
  it("without an endpoint, lists what is missing and exits non-zero", async () => {
    const { code, out } = await run({});
    expect(code).toBe(1);
    expect(out).toContain(removed.passageId);
    expect(out).toMatch(/set LLM_BASE_URL and LLM_MODEL/);
  });

  it("drafts the missing passage through the endpoint, marked unreviewed, and the corpus loads again", async () => {
    const seen: string[] = [];
    replyWith(removed.sentences.map((s) => s.fr), seen);
    const { code, out } = await run(endpoint);
    expect(code).toBe(0);
    expect(out).toMatch(/drafted \(unreviewed\)/);
    const draft = loadCorpus(dir).translations.get("fr")!.get(removed.passageId)!;
    expect(draft.reviewed).toBe(false);
    expect(draft.sentences.map((s) => s.text)).toEqual(removed.sentences.map((s) => s.fr));
    // The sentences go to the model as numbered data, not as instructions.
    expect(seen[0]).toContain('<sentence number=\\"1\\">');
  });

  it("refuses a draft that drops a number, leaving the passage missing", async () => {
    replyWith(removed.sentences.map((s) => s.fr.replace(/20/g, "vingt")));
    const { code, out } = await run(endpoint);
    expect(code).toBe(1);
    expect(out).toMatch(/not drafted: sentence \d+: the translation lacks 20/);
    expect(readFileSync(join(dir, "translations", "fr.jsonl"), "utf8")).not.toContain(removed.passageId);
  });

  it("refuses a draft with the wrong number of sentences", async () => {
    replyWith([...removed.sentences.map((s) => s.fr), "Une phrase de trop."]);
    const { code, out } = await run(endpoint);
    expect(code).toBe(1);
    expect(out).toContain(`returned ${removed.sentences.length + 1} sentences for ${removed.sentences.length}`);
  });
});
