import { type Corpus, foldForMatch, type Passage, sentenceSpans } from "../corpus/index.js";

/** A numbered source: enough to find the words in the report. */
export interface Citation {
  marker: number;
  passageId: string;
  docId: string;
  title: string;
  publisher: string;
  year: number;
  section?: string;
  page?: number;
  footnote?: number;
  /** The report's own words, whole sentences. */
  quote: string;
}

/** Builds citation `marker` for `quote` (or a sentence) of `passage`, widened to whole sentences. */
export function citePassage(corpus: Corpus, passage: Passage, marker: number, quote: string): Citation {
  const report = corpus.reportById.get(passage.docId);
  if (!report) throw new Error(`passage ${passage.id} names unknown report ${passage.docId}`);
  const section = passage.section.at(-1);
  return {
    marker,
    passageId: passage.id,
    docId: passage.docId,
    title: report.title,
    publisher: report.publisher,
    year: report.year,
    ...(section ? { section } : {}),
    ...(passage.page ? { page: passage.page } : {}),
    ...(passage.footnote ? { footnote: passage.footnote } : {}),
    quote: sentencesHolding(passage.text, quote),
  };
}

/**
 * The sentences of `text` that the quotes run through, as one stretch of the report's words
 * (a quote that cannot be placed is returned as it is).
 */
export function sentencesHolding(text: string, ...quotes: string[]): string {
  const spans = sentenceSpans(text);
  const found = quotes.map((quote) => spanHolding(text, spans, foldForMatch(quote)));
  if (found.some((f) => f === undefined)) return quotes.join(" ");
  const start = Math.min(...found.map((f) => f!.start));
  const end = Math.max(...found.map((f) => f!.end));
  return text.slice(start, end).replace(/\s+/g, " ");
}

/** The smallest run of consecutive sentences whose folded text holds the folded quote. */
function spanHolding(text: string, spans: Array<{ start: number; end: number }>, needle: string): { start: number; end: number } | undefined {
  for (let length = 1; length <= spans.length; length++) {
    for (let i = 0; i + length <= spans.length; i++) {
      const start = spans[i]!.start;
      const end = spans[i + length - 1]!.end;
      if (foldForMatch(text.slice(start, end)).includes(needle)) return { start, end };
    }
  }
  return undefined;
}
