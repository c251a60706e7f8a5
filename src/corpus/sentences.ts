import type { Passage } from "./schema.js";
import { type SentenceSpan, sentenceSpans } from "./text.js";

/** A table's rows are joined by "; " in the cleaned text (see chunk.ts): each row is a unit. */
const TABLE_ROW_END = /;\s/g;
const PARAGRAPH_BREAK = /\n\s*\n/g;

/**
 * The sentences of a passage, as offsets into its text: the units an answer quotes and the
 * French translation aligns with. Paragraph breaks always end a sentence (a heading glued to a
 * paragraph is its own unit); a table's rows are units of their own.
 */
export function passageSentences(passage: Pick<Passage, "text" | "kind">): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const paragraph of splitKeeping(passage.text, PARAGRAPH_BREAK, 0)) {
    const body = passage.text.slice(paragraph.start, paragraph.end);
    const pieces = passage.kind === "table" ? splitKeeping(body, TABLE_ROW_END, 1) : sentenceSpans(body);
    for (const piece of pieces) {
      const trimmed = trim(passage.text, paragraph.start + piece.start, paragraph.start + piece.end);
      if (trimmed) spans.push(trimmed);
    }
  }
  return spans;
}

/** The sentences' words, white space folded: what `en` of a translation holds. */
export function passageSentenceTexts(passage: Pick<Passage, "text" | "kind">): string[] {
  return passageSentences(passage).map((s) => foldSpace(passage.text.slice(s.start, s.end)));
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Pieces of `text` between matches of `separator`, each keeping the first `keep` characters of the match. */
function splitKeeping(text: string, separator: RegExp, keep: number): SentenceSpan[] {
  const pieces: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    pieces.push({ start, end: match.index + keep });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

function trim(text: string, start: number, end: number): SentenceSpan | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}
