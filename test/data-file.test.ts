import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadFactCards } from "../src/answer/fact-cards.js";
import { loadAbstentionModel } from "../src/answer/abstention.js";
import { loadCorpus } from "../src/corpus/index.js";
import { DataFileError } from "../src/data-file.js";
import { HelpDirectory } from "../src/help/index.js";
import { loadPrompt } from "../src/llm/chat.js";
import { loadLexicon } from "../src/retrieval/lexicon.js";
import { pathToFileURL } from "node:url";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
function file(name: string, text: string): string {
  dir ??= mkdtempSync(join(tmpdir(), "relais-data-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Every data file read at start says which file is wrong, where, and what fixes it.
describe("a damaged data file", () => {
  it("lexicon: names the file and the fix, for bad JSON and for a bad entry", () => {
    const truncated = file("lexicon.fr-en.json", '{"french": [');
    expect(() => loadLexicon(truncated)).toThrow(DataFileError);
    expect(() => loadLexicon(truncated)).toThrow(new RegExp(`${truncated} is not valid JSON .*lexicon\\.fr-en\\.json.*npm run build:index`));
    const badEntry = file("lexicon2.json", JSON.stringify({ french: [{ fr: [], en: ["visa"] }], englishSynonyms: [], englishConflations: {}, places: [], sms: {} }));
    expect(() => loadLexicon(badEntry)).toThrow(/lexicon2\.json is not in the expected shape at french\.0\.fr/);
  });

  it("fact cards: names the file, the place and the fix", () => {
    const corpus = loadCorpus(undefined, { translations: false });
    expect(() => loadFactCards(corpus, file("cards.json", "{oops"))).toThrow(/cards\.json is not valid JSON .*Fix src\/answer\/fact-cards\.json/);
    expect(() => loadFactCards(corpus, file("cards2.json", JSON.stringify({ cards: [{ id: "x", when: [["visa"]], facts: [], dated: true, counts: false, help: false }] })))).toThrow(
      /cards2\.json is not in the expected shape at cards\.0\.facts/,
    );
  });

  it("answer models: names the file and the command that refits it", () => {
    expect(() => loadAbstentionModel(file("abstention.json", "[]"))).toThrow(/abstention\.json is not in the expected shape .*npm run train:answers/);
    expect(() => loadAbstentionModel(join(tmpdir(), "no-such-model.json"))).toThrow(/no-such-model\.json is missing/);
  });

  it("help directory: names the file, the entry and the field", () => {
    const corpus = loadCorpus(undefined, { translations: false });
    const path = file("directory.json", JSON.stringify({ entries: [{ name: "Shelter X", country: "Mali", helpsWith: ["legal"], languages: ["fr"], source: "operator", phone: "call me" }] }));
    expect(() => HelpDirectory.load(corpus, path)).toThrow(/directory\.json: entry 1 \("Shelter X"\), field phone/);
  });

  it("prompt templates: names the file and the variable it lost", () => {
    file("answer.system.md", "Answer from the passages in {{language}}.");
    file("answer.user.md", "Question: {{question}}");
    expect(() => loadPrompt("answer", pathToFileURL(`${dir}/`))).toThrow(/answer\.user\.md \(or its \.system\.md\) does not use \{\{passages\}\}.*git checkout -- prompts\//);
    file("answer.user.md", "  ");
    expect(() => loadPrompt("answer", pathToFileURL(`${dir}/`))).toThrow(/answer\.user\.md: it is empty/);
    expect(loadPrompt("answer").user).toContain("{{passages}}");
  });
});
