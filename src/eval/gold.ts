import { readFileSync } from "node:fs";
import { z } from "zod";
import { foldForMatch } from "../corpus/text.js";

/** A gold question (format: test/fixtures/gold-README.md). */
export const GoldQuestionSchema = z.object({
  id: z.string(),
  lang: z.enum(["fr", "en"]),
  topic: z.string(),
  question: z.string(),
  answerable: z.boolean(),
  expected_facts: z.array(z.string()),
  support: z.array(z.object({ file: z.string(), quote: z.string() })),
});
export type GoldQuestion = z.infer<typeof GoldQuestionSchema>;

export function readGold(path: string): GoldQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = GoldQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Characters of a long quote that must sit inside a passage when the quote is cut by a boundary. */
const QUOTE_EDGE = 60;

/** The gold file's hit rule: the passage holds the quote, or its first or last 60 folded characters. */
export function passageHoldsQuote(passageText: string, quote: string): boolean {
  const passage = foldForMatch(passageText);
  const folded = foldForMatch(quote);
  return passage.includes(folded) || passage.includes(folded.slice(0, QUOTE_EDGE)) || passage.includes(folded.slice(-QUOTE_EDGE));
}

export function holdsAnySupport(passageText: string, question: GoldQuestion): boolean {
  return question.support.some((s) => passageHoldsQuote(passageText, s.quote));
}
