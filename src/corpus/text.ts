/** Text primitives shared by cleaning, de-duplication, retrieval and evaluation. */

/** Lowercase, strip accents, keep letters and digits only: the comparison rule of the gold file. */
export function foldForMatch(text: string): string {
  return stripAccents(text.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** French ligatures, which no accent folding splits: "sœur" and "œuvre" as typed on a French keyboard read as "soeur", "oeuvre". */
const LIGATURES: Record<string, string> = { œ: "oe", Œ: "OE", æ: "ae", Æ: "AE" };

/** Accents dropped and ligatures spelled out ("Pénalité" -> "Penalite", "sœur" -> "soeur"). */
export function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").replace(/[œŒæÆ]/g, (l) => LIGATURES[l]!);
}

/** Lowercase accent-free word tokens (letters and digits), in order. */
export function wordTokens(text: string): string[] {
  return stripAccents(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** The set of word n-grams (n = 5 by default) used to compare passages. */
export function shingles(text: string, n = 5): Set<string> {
  const tokens = wordTokens(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) out.add(tokens.slice(i, i + n).join(" "));
  return out;
}

/** Share of the smaller set that the other set also holds (0 when either is empty). */
export function overlapRatio(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "e.g", "i.e", "cf", "etc", "vs", "no", "nos", "dr", "mr", "mrs", "ms", "st", "al", "op", "cit", "ibid",
  "fig", "p", "pp", "vol", "art", "para", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "u.s", "u.n", "m", "mme", "cfa",
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Sentence spans in `text` (offsets into it, trimmed). A boundary is a terminal mark, optional
 * closing quote or bracket, white space, then something that can open a sentence; abbreviations
 * and single initials ("A. Smith") do not end one.
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /([.!?…]+)(["”’)\]]*)(\s+)(?=["“‘(\[]?[\p{Lu}\p{N}•])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const markAt = m.index;
    if (m[1] === "." && !m[2] && endsWithAbbreviation(text.slice(start, markAt))) continue;
    const end = markAt + m[1]!.length + m[2]!.length;
    pushTrimmed(spans, text, start, end);
    start = end + m[3]!.length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function endsWithAbbreviation(before: string): boolean {
  const last = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (!last) return false;
  if (/^\p{Lu}$/u.test(last)) return true; // an initial
  return ABBREVIATIONS.has(last.toLowerCase());
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
