import { type AlignedSentence, type Corpus, foldForMatch, type Passage, type TranslatedLanguage } from "../corpus/index.js";

/** A quote in a translated language, and whether a person has read the translation. */
export interface TranslatedQuote {
  text: string;
  reviewed: boolean;
}

/** A numbered source: enough to find the words in the report. */
export interface Citation {
  marker: number;
  passageId: string;
  docId: string;
  title: string;
  publisher: string;
  year: number;
  section?: string;
  /** The section's heading in each language it is translated into. */
  sectionTranslations?: Partial<Record<TranslatedLanguage, string>>;
  footnote?: number;
  /** The report's own words, whole sentences. */
  quote: string;
  /** Which sentences of the passage the quote is: enough to quote them again (the sources button). */
  sentences: SentenceRange;
  /** The same sentences in each language they are translated into. */
  translations: Partial<Record<TranslatedLanguage, TranslatedQuote>>;
}

/** A run of consecutive sentences of a passage: indexes into its aligned sentences, end exclusive. */
export interface SentenceRange {
  from: number;
  to: number;
}

/** Builds citation `marker` for sentences `range` of `passage`, with their translations. */
export function citeSentences(corpus: Corpus, passage: Passage, marker: number, range: SentenceRange): Citation {
  const report = corpus.reportById.get(passage.docId);
  if (!report) throw new Error(`passage ${passage.id} names unknown report ${passage.docId}`);
  const sentences = (corpus.sentences.get(passage.id) ?? []).slice(range.from, range.to);
  const section = passage.section.at(-1);
  const sectionTranslations = section === undefined ? {} : Object.fromEntries([...corpus.headings].flatMap(([lang, headings]) => (headings.has(section) ? [[lang, headings.get(section)!]] : [])));
  return {
    marker,
    passageId: passage.id,
    docId: passage.docId,
    title: report.title,
    publisher: report.publisher,
    year: report.year,
    ...(section ? { section } : {}),
    ...(Object.keys(sectionTranslations).length ? { sectionTranslations } : {}),
    ...(passage.footnote ? { footnote: passage.footnote } : {}),
    quote: sentences.map((s) => s.text).join(" "),
    sentences: range,
    translations: translationsOf(sentences),
  };
}

function translationsOf(sentences: AlignedSentence[]): Citation["translations"] {
  const out: Citation["translations"] = {};
  const languages = new Set(sentences.flatMap((s) => Object.keys(s.translations) as TranslatedLanguage[]));
  for (const lang of languages) {
    const parts = sentences.map((s) => s.translations[lang]);
    if (parts.some((p) => !p)) continue; // a translation shown must cover every sentence quoted
    out[lang] = { text: parts.map((p) => p!.text).join(" "), reviewed: parts.every((p) => p!.reviewed) };
  }
  return out;
}

/** The smallest run of sentences of a passage that holds every quote (folded), or undefined. */
export function rangeHolding(sentences: readonly AlignedSentence[], ...quotes: string[]): SentenceRange | undefined {
  const folded = sentences.map((s) => foldForMatch(s.text));
  const ranges = quotes.map((quote) => {
    const needle = foldForMatch(quote);
    for (let length = 1; length <= folded.length; length++) {
      for (let i = 0; i + length <= folded.length; i++) {
        if (folded.slice(i, i + length).join("").includes(needle)) return { from: i, to: i + length };
      }
    }
    return undefined;
  });
  if (ranges.some((r) => !r)) return undefined;
  return { from: Math.min(...ranges.map((r) => r!.from)), to: Math.max(...ranges.map((r) => r!.to)) };
}

/** Widens a citation to also hold `quote` (a card's second fact from the same passage). */
export function widenCitation(corpus: Corpus, citation: Citation, passage: Passage, quote: string): Citation {
  const range = rangeHolding(corpus.sentences.get(passage.id) ?? [], citation.quote, quote);
  return range ? { ...citeSentences(corpus, passage, citation.marker, range) } : citation;
}
