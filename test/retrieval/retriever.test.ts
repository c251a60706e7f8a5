import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex } from "../../src/retrieval/build-index.js";
import { IndexError } from "../../src/retrieval/index-files.js";
import { loadLexicon } from "../../src/retrieval/lexicon.js";
import { PassageRetriever, RetrieverUnavailable } from "../../src/retrieval/retriever.js";

// Tests never look in ../shared or on the hub: models come from the repository only.
const TINY = { id: "fixtures/tiny-bert-random", dir: resolve("test/fixtures/models/tiny-bert-random"), source: "env" as const };
const NO_ROOTS: never[] = [];
const corpus = loadCorpus();
const lexicon = loadLexicon();
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "relais-index-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function freshDir(name: string): string {
  return join(scratch, name);
}

describe("the committed index", () => {
  it("answers lexically out of the box, saying why dense retrieval is off when no model is found", async () => {
    const reasons: string[] = [];
    const retriever = await PassageRetriever.open({ dense: true, modelRoots: NO_ROOTS, allowHub: false, onDenseUnavailable: (r) => reasons.push(r) });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/no copy of the embedding model relais\/glove-sif-100d was found/);
    const result = await retriever.retrieve("What is the fine for overstaying a visa in Tunisia?");
    expect(result.retriever).toBe("lexical");
    expect(result.passages.some((p) => p.passage.text.includes("20 Tunisian Dinars per week"))).toBe(true);
    await expect(retriever.retrieve("visa", { retriever: "hybrid" })).rejects.toThrow(RetrieverUnavailable);
  });

  it("runs the dense path end to end on the project's own model (transformers.js + hnswlib)", async () => {
    const retriever = await PassageRetriever.open({ dense: true, modelRoots: [{ dir: "index/models", source: "bundled" }], allowHub: false });
    expect(retriever.denseUnavailable).toBeUndefined();
    expect(retriever.embeddingModel).toBe("relais/glove-sif-100d");
    for (const kind of ["dense", "hybrid"] as const) {
      const result = await retriever.retrieve("Quelle est l'amende pour dépassement de visa en Tunisie ?", { retriever: kind, k: 10 });
      expect(result.retriever).toBe(kind);
      expect(result.passages).toHaveLength(10);
      expect(result.timings.denseMs).toBeGreaterThan(0);
    }
    // French and English forms of one question land close together in the model's space.
    const result = await retriever.retrieve("fine for overstaying a visa in Tunisia", { retriever: "dense", k: 20 });
    expect(result.passages.some((p) => p.passage.text.includes("Tunisia"))).toBe(true);
  });

  it("embeds a follow-up with the message it leans on, so that its meaning carries the topic", async () => {
    const retriever = await PassageRetriever.open({ dense: true, modelRoots: [{ dir: "index/models", source: "bundled" }], allowHub: false });
    const previous = "How many Malian migrants came back from Libya in 2011?";
    const ids = async (question: string, options: { previous?: string } = {}) =>
      (await retriever.retrieve(question, { retriever: "dense", k: 5, ...options })).passages.map((p) => p.passage.id);
    const followUp = await ids("And the women?", { previous });
    expect(followUp).toEqual(await ids(`${previous} And the women?`));
    expect(followUp).not.toEqual(await ids("And the women?"));
  });
});

describe("a follow-up against the question bank", () => {
  it("is matched as one question with the message it leans on, the follow-up's own words not outweighing it", async () => {
    const retriever = await PassageRetriever.open({ modelRoots: NO_ROOTS, allowHub: false });
    const previous = "Qui aide les gens sans travail à trouver un emploi au Mali ?";
    const sentences = async (question: string, options: { previous?: string } = {}) =>
      (await retriever.retrieve(question, options)).bank.slice(0, 5).map((m) => `${m.passageId}#${m.sentence}`);
    const followUp = await sentences("et les jeunes ?", { previous });
    expect(followUp).toEqual(await sentences(`${previous} et les jeunes ?`));
    expect(followUp).not.toEqual(await sentences("et les jeunes ?"));
  });

  it("carries that whole reading for the answer stage to judge it by: the earlier words at full weight", async () => {
    const retriever = await PassageRetriever.open({ modelRoots: NO_ROOTS, allowHub: false });
    const previous = "Qui aide les gens sans travail à trouver un emploi au Mali ?";
    const read = await retriever.retrieve("et les jeunes ?", { previous });
    const focus = (concepts: readonly { source: string; focus: number }[], word: string) => concepts.find((c) => c.source.split(" ").includes(word))?.focus;
    expect(focus(read.concepts, "emploi")).toBeLessThan(1);
    expect(focus(read.wholeConcepts!, "emploi")).toBe(1);
    expect((await retriever.retrieve("et les jeunes ?")).wholeConcepts).toBeUndefined();
  });
});

describe("the retriever asked for by RETRIEVER", () => {
  it("is what questions use when they name none; lexical when the dense path cannot be had", async () => {
    const hybrid = await PassageRetriever.open({ retriever: "hybrid", modelRoots: [{ dir: "index/models", source: "bundled" }], allowHub: false });
    expect((await hybrid.retrieve("amende visa tunisie")).retriever).toBe("hybrid");
    const reasons: string[] = [];
    const fallback = await PassageRetriever.open({ retriever: "hybrid", modelRoots: NO_ROOTS, allowHub: false, onDenseUnavailable: (r) => reasons.push(r) });
    expect((await fallback.retrieve("amende visa tunisie")).retriever).toBe("lexical");
    expect(reasons).toHaveLength(1);
  });
});

describe("an index built here", () => {
  it("survives a save and load round trip with the same results, lexical and dense", async () => {
    const dir = freshDir("round-trip");
    const meta = await buildIndex({ corpus, lexicon, outDir: dir, model: TINY });
    expect(meta.dense).toMatchObject({ model: TINY.id, modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/), dimension: 8, passages: corpus.passages.length });
    expect(meta.dense?.bank).toMatchObject({ bankSha256: corpus.bank!.sha256, questions: corpus.bank!.lines.reduce((n, l) => n + l.questions.length, 0) });
    expect(meta.dense!.bank!.same).toBeGreaterThan(meta.dense!.bank!.unrelated);
    const open = () => PassageRetriever.open({ indexDir: dir, dense: true, modelId: TINY.id, modelDir: TINY.dir, modelRoots: NO_ROOTS, allowHub: false });
    const [a, b] = [await open(), await open()];
    for (const kind of ["lexical", "dense"] as const) {
      const ids = async (r: PassageRetriever) => (await r.retrieve("ECOWAS free movement protocol", { retriever: kind, k: 8 })).passages.map((p) => p.passage.id);
      expect(await ids(a)).toEqual(await ids(b));
    }
  });

  it("matches the bank by its words only, saying why, when the bank's vectors are damaged or older than the bank", async () => {
    const dir = freshDir("bank-vectors");
    await buildIndex({ corpus, lexicon, outDir: dir, model: TINY });
    const open = async () => {
      const reasons: string[] = [];
      const retriever = await PassageRetriever.open({ indexDir: dir, dense: true, modelId: TINY.id, modelDir: TINY.dir, modelRoots: NO_ROOTS, allowHub: false, onDenseUnavailable: (r) => reasons.push(r) });
      return { retriever, reasons };
    };
    const healthy = await open();
    expect(healthy.reasons).toEqual([]);
    const withMeaning = await healthy.retriever.retrieve("ECOWAS free movement protocol", { retriever: "hybrid" });
    const byWords = await healthy.retriever.retrieve("ECOWAS free movement protocol", { retriever: "lexical" });
    expect(withMeaning.bank).not.toEqual(byWords.bank);

    const file = join(dir, "bank-vectors.f32");
    writeFileSync(file, readFileSync(file).subarray(0, 64));
    const damaged = await open();
    expect(damaged.reasons).toEqual([expect.stringMatching(/question bank is matched by its words only: .*bank-vectors\.f32 is damaged.*npm run build:index/)]);
    expect((await damaged.retriever.retrieve("ECOWAS free movement protocol", { retriever: "hybrid" })).bank).toEqual(byWords.bank);

    const metaPath = join(dir, "meta.json");
    const meta = JSON.parse(readFileSync(metaPath, "utf8"));
    writeFileSync(metaPath, JSON.stringify({ ...meta, dense: { ...meta.dense, bank: { ...meta.dense.bank, bankSha256: "0".repeat(64) } } }));
    expect((await open()).reasons).toEqual([expect.stringMatching(/another version of corpus\/question-bank\.jsonl/)]);
  });

  it("is refused when the corpus changed since it was built, naming the command that rebuilds", async () => {
    const dir = freshDir("stale");
    await buildIndex({ corpus, lexicon, outDir: dir });
    const metaPath = join(dir, "meta.json");
    const meta = JSON.parse(readFileSync(metaPath, "utf8"));
    writeFileSync(metaPath, JSON.stringify({ ...meta, passagesSha256: "0".repeat(64) }));
    await expect(PassageRetriever.open({ indexDir: dir })).rejects.toThrow(IndexError);
    await expect(PassageRetriever.open({ indexDir: dir })).rejects.toThrow(/another version of the corpus.*npm run build:index/);
  });

  it.each([
    ["a damaged lexical index", (dir: string) => writeFileSync(join(dir, "lexical.json"), "{}"), /lexical\.json is damaged.*npm run build:index/],
    ["a missing meta.json", (dir: string) => rmSync(join(dir, "meta.json")), /meta\.json is missing.*npm run build:index/],
    ["a meta.json that is not JSON", (dir: string) => writeFileSync(join(dir, "meta.json"), "nope"), /meta\.json is not valid JSON.*npm run build:index/],
    ["a meta.json of an older format", (dir: string) => writeFileSync(join(dir, "meta.json"), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")), schemaVersion: 2 })), /meta\.json is in index format 2; this version of Relais reads format 3.*npm run build:index/],
  ])("stops on %s with the fix", async (_name, damage, message) => {
    const dir = freshDir(`damaged-${_name.replace(/\W+/g, "-")}`);
    await buildIndex({ corpus, lexicon, outDir: dir });
    damage(dir);
    await expect(PassageRetriever.open({ indexDir: dir })).rejects.toThrow(message);
  });

  it("refuses to embed queries with another model than the one that made its vectors", async () => {
    const dir = freshDir("other-model");
    cpSync("index", dir, { recursive: true });
    const reasons: string[] = [];
    const retriever = await PassageRetriever.open({ indexDir: dir, dense: true, modelId: TINY.id, modelDir: TINY.dir, modelRoots: NO_ROOTS, onDenseUnavailable: (r) => reasons.push(r) });
    expect(reasons[0]).toMatch(/made by relais\/glove-sif-100d, but EMBEDDING_MODEL asks for fixtures\/tiny-bert-random: run `npm run build:index`/);
    expect(retriever.available).toEqual(["lexical"]);
  });

  it("refuses vectors of another dimension than the model makes", async () => {
    const dir = freshDir("other-dimension");
    await buildIndex({ corpus, lexicon, outDir: dir, model: TINY });
    const reasons: string[] = [];
    await PassageRetriever.open({
      indexDir: dir,
      dense: true,
      modelId: TINY.id,
      modelDir: resolve("index/models/relais/glove-sif-100d"),
      modelRoots: NO_ROOTS,
      onDenseUnavailable: (r) => reasons.push(r),
    });
    expect(reasons[0]).toMatch(/makes 100-d vectors but .* holds 8-d ones: run `npm run build:index`/);
  });

  it("turns dense off, still answering lexically, when the model found is another copy than the one that made its vectors", async () => {
    // The committed index, queried with a copy of its model whose tokenizer was rebuilt.
    const model = freshDir("rebuilt-model");
    cpSync("index/models/relais/glove-sif-100d", model, { recursive: true });
    writeFileSync(join(model, "tokenizer.json"), readFileSync(join(model, "tokenizer.json"), "utf8") + "\n");
    const reasons: string[] = [];
    const retriever = await PassageRetriever.open({ dense: true, modelDir: model, modelRoots: NO_ROOTS, allowHub: false, onDenseUnavailable: (r) => reasons.push(r) });
    expect(reasons[0]).toMatch(/is not the copy of relais\/glove-sif-100d that made the vectors .*sha256 differs.*run `npm run build:index`/);
    expect(retriever.available).toEqual(["lexical"]);
    const result = await retriever.retrieve("What is the fine for overstaying a visa in Tunisia?");
    expect(result.passages.some((p) => p.passage.text.includes("20 Tunisian Dinars per week"))).toBe(true);
  });
});
