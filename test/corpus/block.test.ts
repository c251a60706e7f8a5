import { describe, expect, it } from "vitest";
import { looksLikeHeading } from "../../src/corpus/block.js";
import { loadCorpus } from "../../src/corpus/load.js";

describe("telling a heading from a line of text", () => {
  it.each(["1. Introduction", "2. Methodology", "8. Conclusion", "4. Migration policy landscape", "Key findings – Bamako"])("%j is a heading", (line) => {
    expect(looksLikeHeading(line)).toBe(true);
  });

  it.each(["1. 2. 3.", "20 Tunisian Dinars per week.", "The penalty is 20 dinars, a week, per person", "Liberian woman, age unknown, Sotuba ACI", "Palermo protocols: ratified", "ALGERIA: 1,500 Malian refugees; entering through the south"])("%j is not", (line) => {
    expect(looksLikeHeading(line)).toBe(false);
  });

  it.each(["Figure 7: Lost income during the pandemic", "Drivers and aspirations: heterogeneous dynamics at play"])("%j, a title with a subtitle, is a heading", (line) => {
    expect(looksLikeHeading(line)).toBe(true);
  });

  it("cites a report's methodology under its own heading, not under the key findings before it", () => {
    const corpus = loadCorpus(undefined, { translations: false });
    const methods = corpus.passages.filter((p) => p.text.startsWith("To explore the three axes of this study"));
    expect(methods.length).toBe(2);
    for (const p of methods) expect(p.section).toEqual(["2. Methodology"]);
  });
});
