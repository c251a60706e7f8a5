import { describe, expect, it } from "vitest";
import type { Citation } from "../../src/answer/citation.js";
import { extractText, shownQuote } from "../../src/answer/wording.js";

const CUT = "A more recent dynamic that is also important to highlight is that of expulsions from Algeria to Mali, which have been denounced by";

function citation(quote: string, french: string): Citation {
  return {
    marker: 1,
    passageId: "mmc-bamako-2020:040",
    docId: "mmc-bamako-2020",
    title: "Urban Mixed Migration – Bamako case study",
    publisher: "Mixed Migration Centre (MMC)",
    year: 2020,
    quote,
    sentences: { from: 0, to: 1 },
    translations: { fr: { text: french, reviewed: true } },
  };
}

describe("a quote as shown to a person", () => {
  it("ends with '…' when the report's layout cut its last sentence, so it does not read as a whole statement", () => {
    expect(shownQuote(CUT)).toBe(`${CUT}…`);
    expect(extractText([citation(CUT, "Les expulsions d'Algérie vers le Mali ont été dénoncées par")], "fr")).toContain("dénoncées par…");
  });

  it("begins with '…' when the layout cut its first sentence, a web address aside", () => {
    expect(shownQuote("psychological and economic, related to social and livelihood reintegration.")).toBe("…psychological and economic, related to social and livelihood reintegration.");
    expect(shownQuote("http://www.mixedmigration.org/")).toBe("http://www.mixedmigration.org/");
  });

  it("is left as it is when it ends a sentence, a quotation, a bracket, a footnote number, a name or a glossary line", () => {
    for (const whole of ["The penalty is 20 Tunisian Dinars per week.", "“for their lack of humanity.”", "(cf. REACH, 2018)", "Some were returned between 2002 and 2014.16", "Is that true?", "CREDD Cadre Stratégique Pour la Relance Économique et le Développement Durable", "Liberian woman, age unknown, Sotuba ACI"]) {
      expect(shownQuote(whole)).toBe(whole);
    }
  });
});
