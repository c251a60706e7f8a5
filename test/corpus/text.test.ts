import { describe, expect, it } from "vitest";
import { foldForMatch, sentenceSpans } from "../../src/corpus/text.js";

const sentences = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe("sentenceSpans", () => {
  it.each([
    ["Fines accrue. Migrants may not leave.", ["Fines accrue.", "Migrants may not leave."]],
    ["It is 20 dinars (cf. REACH, 2018). Since then, nothing.", ["It is 20 dinars (cf. REACH, 2018).", "Since then, nothing."]],
    ["Groups (e.g. CARITAS) help. Others do not.", ["Groups (e.g. CARITAS) help.", "Others do not."]],
    ["Adepoju, A. Boulton wrote it. Then more.", ["Adepoju, A. Boulton wrote it.", "Then more."]],
    ["She said: “It tripled.” The NGOs agreed.", ["She said: “It tripled.”", "The NGOs agreed."]],
    ["As of 2010, 1,013,760 Malians lived abroad. 36% lived in towns.", ["As of 2010, 1,013,760 Malians lived abroad.", "36% lived in towns."]],
  ])("splits %j", (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe("foldForMatch", () => {
  it("lowercases, strips accents and keeps letters and digits only", () => {
    expect(foldForMatch("Dépassé l’ECOWAS-visa, 20 TND!")).toBe("depasselecowasvisa20tnd");
    // French ligatures as typed on a French keyboard.
    expect(foldForMatch("Sœur, mise en Œuvre")).toBe("soeurmiseenoeuvre");
  });
});
