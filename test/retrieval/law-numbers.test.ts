import { describe, expect, it } from "vitest";
import { lawNumbersByYear, lawYearsIn } from "../../src/retrieval/law-numbers.js";

describe("laws by their year", () => {
  it("reads the year a question names a law by, in French and English", () => {
    expect(lawYearsIn("what does the 2004 immigration law say about work?")).toEqual(["2004"]);
    expect(lawYearsIn("la loi de 2004 dit quoi ?")).toEqual(["2004"]);
    expect(lawYearsIn("Tunisia signed the 1951 Convention?")).toEqual(["1951"]);
    // A year that says when, not which text.
    expect(lawYearsIn("how many migrants came back in 2012?")).toEqual([]);
    expect(lawYearsIn("a law was passed in 2012?")).toEqual([]);
  });

  it("dates the laws the reports number, keeping the part of the number that is not the year", () => {
    const byYear = lawNumbersByYear(["Law No. 04-058 of 25 November 2004 on the conditions ...", "Loi n° 2019-047 du 24 juillet 2019", "Ordinance No. 01-016/P-RM of 27 February 2001"]);
    expect(byYear.get("2004")).toEqual(["058"]);
    expect(byYear.get("2019")).toEqual(["047"]);
    expect(byYear.get("2001")).toEqual(["016"]);
  });
});
