import type { PassageKind } from "./schema.js";
import type { PlacedBlock } from "./layout.js";
import { countWords, sentenceSpans } from "./text.js";

const PASSAGE_MAX_WORDS = 250;
/** A passage this long closes at the next paragraph break rather than growing to the maximum. */
const PASSAGE_SOFT_WORDS = 150;
/** A passage shorter than this runs on across a heading rather than standing alone. */
const PASSAGE_MIN_WORDS = 40;

export interface PassageSpan {
  kind: PassageKind;
  section: string[];
  footnote?: number;
  start: number;
  end: number;
  /** Indexes (into the report's blocks) of the blocks the passage draws on. */
  blocks: number[];
}

interface Unit {
  start: number;
  end: number;
  block: number;
}

// "Adepoju, A. (2010). Title..." or "IOM (2020, March). Title...": a work cited, not a statement.
const BIBLIOGRAPHIC_NOTE = /^[\p{Lu}][^;:()]{0,80}\((19|20)\d\d[^)]{0,30}\)\.?\s+[\p{Lu}"“‘]/u;

function passageKind(block: PlacedBlock): PassageKind {
  if (block.section.some((heading) => /^(key sources|references|bibliography|sources)$/i.test(heading))) return "reference";
  if (block.kind === "footnote") return BIBLIOGRAPHIC_NOTE.test(block.text) || /^https?:\/\/\S+$/.test(block.text) ? "reference" : "footnote";
  if (block.kind === "table") return "table";
  return block.section.some((heading) => /key findings/i.test(heading)) ? "key_finding" : "body";
}

/**
 * Cuts a report into passages that end on sentence boundaries, about 60 to 250 words. A passage
 * never mixes kinds, never spans a skipped (repeated) block, and runs across a heading only while
 * it is too short to stand alone. Footnotes are passages of their own.
 */
export function chunkReport(text: string, blocks: PlacedBlock[], skip: Set<number>): PassageSpan[] {
  const spans: PassageSpan[] = [];
  let open: { kind: PassageKind; units: Unit[] } | undefined;
  const close = () => {
    if (!open || open.units.length === 0) return;
    const first = open.units[0]!;
    const last = open.units.at(-1)!;
    const owner = blocks[first.block]!;
    spans.push({
      kind: open.kind,
      section: owner.section,
      ...(owner.footnote ? { footnote: owner.footnote } : {}),
      start: first.start,
      end: last.end,
      blocks: [...new Set(open.units.map((u) => u.block))],
    });
    open = undefined;
  };

  blocks.forEach((block, index) => {
    if (block.kind === "heading") {
      if (open && countWords(text.slice(open.units[0]!.start, open.units.at(-1)!.end)) >= PASSAGE_MIN_WORDS) close();
      return;
    }
    if (skip.has(index)) {
      close();
      return;
    }
    const kind = passageKind(block);
    if (open && (open.kind !== kind || block.kind === "footnote")) close();
    const units = unitsOf(text, block, index);
    units.forEach((unit, position) => {
      if (open) {
        const words = countWords(text.slice(open.units[0]!.start, unit.end));
        const paragraphBreak = position === 0;
        const soft = countWords(text.slice(open.units[0]!.start, open.units.at(-1)!.end)) >= PASSAGE_SOFT_WORDS;
        if (words > PASSAGE_MAX_WORDS || (paragraphBreak && soft)) close();
      }
      open ??= { kind, units: [] };
      open.units.push(unit);
    });
  });
  close();
  return spans;
}

/** Sentences of a block; a sentence (or table) over the maximum is cut at word boundaries. */
function unitsOf(text: string, block: PlacedBlock, index: number): Unit[] {
  const body = text.slice(block.start, block.end);
  const separator = block.kind === "table" ? /;\s/g : null;
  const pieces = separator ? splitAt(body, separator) : sentenceSpans(body);
  return pieces.flatMap((piece) =>
    splitLong(body, piece.start, piece.end).map(([start, end]) => ({
      start: block.start + start,
      end: block.start + end,
      block: index,
    })),
  );
}

function splitAt(body: string, separator: RegExp): Array<{ start: number; end: number }> {
  const pieces: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of body.matchAll(separator)) {
    pieces.push({ start, end: match.index + 1 });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: body.length });
  return pieces;
}

const LONG_PIECE_WORDS = 200;

function splitLong(body: string, start: number, end: number): Array<[number, number]> {
  const words = [...body.slice(start, end).matchAll(/\S+/g)];
  if (words.length <= PASSAGE_MAX_WORDS) return [[start, end]];
  const out: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i += LONG_PIECE_WORDS) {
    const chunk = words.slice(i, i + LONG_PIECE_WORDS);
    out.push([start + chunk[0]!.index, start + chunk.at(-1)!.index + chunk.at(-1)![0].length]);
  }
  return out;
}
