/** A cleaned unit of a report, in reading order, before it is cut into passages. */
export interface Block {
  kind: "heading" | "body" | "footnote" | "table";
  text: string;
  /** Headings above this block, outermost first. */
  section: string[];
  /** The report's own footnote number, for footnote blocks. */
  footnote?: number;
}

/** Inline clean-up common to every source format. */
export function tidyInline(text: string): string {
  return text
    .replace(/\u00ad/g, "") // soft hyphens
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A row of a table or list that gives a value after its label: a country in capitals and what
 * holds there ("ALGERIA: 1,500 Malian refugees; ..."), or a label and a one-word status
 * ("Palermo protocols: ratified"). Short and unpunctuated, these look like headings but say a fact.
 */
const STATES_A_VALUE = /^(\p{Lu}{3,}( \p{Lu}{3,})*: |[^:]+: \p{Ll}+$)/u;

/** True for a line that names a section rather than saying something. */
export function looksLikeHeading(text: string): boolean {
  if (text.length > 90 || text.length < 3) return false;
  const words = text.split(" ");
  if (words.length > (isNumberedHeading(text) ? 16 : 10)) return false;
  if (/[.;:,]$/.test(text) || /\b(e\.g|i\.e|etc)\b/.test(text)) return false;
  if ((text.match(/,/g)?.length ?? 0) > 1) return false; // "Liberian woman, age unknown, Bamako": a caption
  if (!/^(\p{Lu}|\d{1,2}\.\s|[IVX]+\.\s)/u.test(text)) return false;
  if (STATES_A_VALUE.test(text)) return false;
  // The number of "1. Introduction" is not a word of it: a one-word numbered heading is all words.
  const counted = isNumberedHeading(text) ? words.slice(1) : words;
  const alphabetic = counted.filter((w) => /\p{L}/u.test(w)).length;
  return alphabetic / counted.length >= 0.6;
}

/** "1. Introduction", "II. Migration crisis": headings that open a top-level section. */
export function isNumberedHeading(text: string): boolean {
  return /^(\d{1,2}|[IVX]+)\.\s+\p{Lu}/u.test(text);
}
