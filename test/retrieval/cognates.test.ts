import { describe, expect, it } from "vitest";
import { englishCognates } from "../../src/retrieval/cognates.js";

describe("English cognates of French words", () => {
  it("reads the regular correspondences of endings, plural or not", () => {
    expect(englishCognates("mobilite")).toContain("mobility");
    expect(englishCognates("vulnerabilites")).toContain("vulnerability");
    expect(englishCognates("communaute")).toContain("community");
    expect(englishCognates("xenophobie")).toContain("xenophobia");
    expect(englishCognates("psychologique")).toContain("psychological");
    expect(englishCognates("indicateurs")).toContain("indicator");
    expect(englishCognates("sexuelles")).toContain("sexual");
    expect(englishCognates("projet")).toContain("project");
  });

  it("offers nothing for a short word, where a look-alike is mostly chance", () => {
    expect(englishCognates("pays")).toEqual([]);
  });
});
