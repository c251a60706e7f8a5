import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/retrieval/spelling.js";

describe("editDistance", () => {
  it.each([
    ["amende", "amande", 1],
    ["depassement", "depasement", 1],
    ["tunisie", "tunisei", 1],
    ["visa", "visa", 0],
    ["pieds", "piesd", 1],
    ["visa", "vol", 3],
  ])("%s ~ %s = %i", (a, b, d) => expect(editDistance(a, b)).toBe(d));
});
