import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { yearsSaid } from "../../src/answer/selection.js";
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
