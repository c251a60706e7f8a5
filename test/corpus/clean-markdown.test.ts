import { describe, expect, it } from "vitest";
import { cleanMarkdownText } from "../../src/corpus/clean-markdown.js";

describe("cleanMarkdownText", () => {
  const raw = [
    "# MIGRATION GOVERNANCE INDICATORS",
    "",
    "## Labour",
    "",
    "Foreigners may not work without a **permit**.<sup>3</sup> See [the IOM site](http://www.iom.int) and <https://example.org>.",
    "",
    "---",
    "",
    "<sup>3</sup> Law No. 04-058 of 25 November 2004.",
    "",
    "PAGE 14",
  ].join("\n");
  const blocks = cleanMarkdownText(raw);

  it("strips inline markup and note markers, keeping the words", () => {
    expect(blocks.find((b) => b.kind === "body")?.text).toBe("Foreigners may not work without a permit. See the IOM site and https://example.org.");
  });

  it("uses # headings as the section path", () => {
    expect(blocks.find((b) => b.kind === "body")?.section).toEqual(["MIGRATION GOVERNANCE INDICATORS", "Labour"]);
  });

  it("keeps <sup> notes as footnote blocks and drops page furniture", () => {
    expect(blocks.filter((b) => b.kind === "footnote")).toMatchObject([{ footnote: 3, text: "Law No. 04-058 of 25 November 2004." }]);
    expect(blocks.some((b) => b.text.includes("PAGE"))).toBe(false);
  });
});
