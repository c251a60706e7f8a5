import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { chooseQuotes, quotesToShow, type ScoredWindow, yearsSaid } from "../../src/answer/selection.js";
import { loadWindowModel, WINDOW_FEATURE_NAMES } from "../../src/answer/window-ranking.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let answerer: Answerer;
beforeAll(async () => {
  answerer = Answerer.create(await PassageRetriever.open());
});

describe("scoring the windows of retrieved passages", () => {
  it("measures every feature the committed window model weighs", async () => {
    const model = loadWindowModel();
    const { scored } = await answerer.rankWindows("How many Malians live abroad?");
    expect(scored.length).toBeGreaterThan(0);
    for (const w of scored) expect(Object.keys(w.features).sort()).toEqual([...WINDOW_FEATURE_NAMES].sort());
    expect(Object.keys(model.weights).sort()).toEqual([...WINDOW_FEATURE_NAMES].sort());
  });

  it("sets each window against the question's best: its own-coverage gap is 0 for the best, below for the others", async () => {
    const { scored } = await answerer.rankWindows("Quelle est l'amende pour dépassement de visa en Tunisie ?");
    const gaps = scored.map((w) => w.features.ownCoverageGap);
    expect(Math.max(...gaps)).toBe(0);
    for (const w of scored) expect(w.features.ownCoverageGap).toBeCloseTo(w.features.ownCoverage - Math.max(...scored.map((s) => s.features.ownCoverage)));
  });

  it("tells the report's findings from the words of the people it quotes", async () => {
    const { scored } = await answerer.rankWindows("What did key informants say about discrimination against migrants in Bamako during COVID-19?");
    const quoting = scored.filter((w) => /[“"]/.test(w.window.texts.en ?? ""));
    expect(quoting.length).toBeGreaterThan(0);
    for (const w of quoting) expect(w.features.quoted).toBeGreaterThan(0);
    for (const w of scored.filter((s) => !/[“"”]/.test(s.window.texts.en ?? ""))) expect(w.features.quoted).toBe(0);
  });

  it("prefers, other things equal, the window that names the year asked about", () => {
    expect(yearsSaid(["2012"], "New displacements occurred mostly between March and July 2012.")).toBe(1);
    expect(yearsSaid(["2012"], "New displacements occurred mostly between March and July.")).toBe(0);
    expect(yearsSaid([], "Any sentence.")).toBe(1);
  });
});

describe("choosing the quotes", () => {
  // Only what chooseQuotes reads: the passage, the sentences and the model's score.
  const window = (passageId: string, from: number, to: number, score: number) => ({ passage: { id: passageId }, window: { range: { from, to } }, score }) as unknown as ScoredWindow;
  const ranges = (quotes: ReturnType<typeof chooseQuotes>) => quotes.map((q) => [q.passage.id, q.range.from, q.range.to]);

  it("widens the best window to a nearly as good one that overlaps it, up to three sentences", () => {
    expect(ranges(chooseQuotes([window("a", 2, 4, 3), window("a", 3, 5, 2.5)]))).toEqual([["a", 2, 5]]);
    expect(ranges(chooseQuotes([window("a", 2, 4, 3), window("a", 3, 5, 2.5), window("a", 1, 3, 2.4)]))).toEqual([["a", 2, 5]]);
  });

  it("adds a second quote of the same passage, in the report's order, but never one of another passage or far behind", () => {
    expect(ranges(chooseQuotes([window("a", 6, 7, 3), window("b", 0, 1, 2.9), window("a", 1, 2, 2.5)]))).toEqual([["a", 1, 2], ["a", 6, 7]]);
    expect(ranges(chooseQuotes([window("a", 6, 7, 3), window("a", 1, 3, 1.5)]))).toEqual([["a", 6, 7]]);
  });
});

describe("the quotes an answer shows", () => {
  it("quotes alone the sentence a close bank question pins when it says the question, and keeps its neighbour when that one says more of it", async () => {
    const { scored } = await answerer.rankWindows("Les travailleurs migrants peuvent-ils adhérer à l'assurance maladie obligatoire au Mali ?");
    const best = scored[0]!;
    expect(best.window.range.to - best.window.range.from).toBe(2);
    const sentences = [best.window.range.from, best.window.range.from + 1];
    const ownCoverage = (i: number) => scored.find((w) => w.passage.id === best.passage.id && w.window.range.from === i && w.window.range.to === i + 1)!.features.ownCoverage;
    const [saysMore, saysLess] = [...sentences].sort((a, b) => ownCoverage(b) - ownCoverage(a));
    expect(ownCoverage(saysLess!)).toBeLessThan(0.8 * best.features.ownCoverage);
    const pinning = (sentence: number, asksSeveral = false) => quotesToShow(scored, { passageId: best.passage.id, sentence, similarity: 0.9 }, asksSeveral);
    expect(pinning(saysMore!).map((q) => q.range)).toEqual([{ from: saysMore, to: saysMore! + 1 }]);
    expect(pinning(saysLess!).some((q) => q.range.from <= saysMore! && saysMore! < q.range.to)).toBe(true);
    // A message asking two things gets the whole window, not the one sentence a bank question pins.
    expect(pinning(saysMore!, true).some((q) => q.range.from <= saysLess! && saysLess! < q.range.to)).toBe(true);
  });
});
