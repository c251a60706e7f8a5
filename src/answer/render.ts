import { REPORT_LANGUAGE, TRANSLATED_LANGUAGES } from "../corpus/index.js";
import type { Answer } from "./answer.js";
import type { Citation } from "./citation.js";
import { phrasesFor } from "./locales/index.js";
import { shownQuote } from "./wording.js";

/** Where in the report: the section (in the answer's language when translated), and the note number for a footnote. */
export function locate(citation: Citation, lang: Answer["lang"]): string {
  const section = (lang === REPORT_LANGUAGE ? undefined : citation.sectionTranslations?.[lang]) ?? citation.section;
  const parts = [section, citation.footnote ? `${phrasesFor(lang).footnote} ${citation.footnote}` : undefined];
  return parts.filter(Boolean).join(", ");
}

/** "[1] Title, Publisher, 2020 — section, note 22" */
export function sourceLine(citation: Citation, lang: Answer["lang"]): string {
  const where = locate(citation, lang);
  return `[${citation.marker}] ${citation.title}, ${citation.publisher}, ${citation.year}${where ? ` — ${where}` : ""}`;
}

/** The answer for a person at a terminal: the text, then each source with its exact words. */
export function renderPlainText(answer: Answer): string {
  if (answer.citations.length === 0) return answer.text;
  // An extract in the reports' language already shows their words; otherwise the original follows each source.
  const quoted = answer.kind !== "extract" || answer.lang !== REPORT_LANGUAGE;
  const sources = answer.citations.map((c) => (quoted ? `${sourceLine(c, answer.lang)}\n    “${shownQuote(c.quote)}”` : sourceLine(c, answer.lang)));
  return `${answer.text}\n\n${phrasesFor(answer.lang).sources}\n${sources.join("\n")}`;
}

/** The JSON contract of `ask --json/--jsonl` that other tools read (README, Answers): these fields in this order; add fields, never rename. */
export function toContract(answer: Answer) {
  return {
    ...(answer.id !== undefined ? { id: answer.id } : {}),
    question: answer.question,
    ...(answer.readWithPrevious !== undefined ? { readWithPrevious: answer.readWithPrevious } : {}),
    lang: answer.lang,
    abstained: answer.abstained,
    answer: answer.text,
    citations: answer.citations.map((c) => ({
      marker: c.marker,
      passageId: c.passageId,
      docId: c.docId,
      title: c.title,
      publisher: c.publisher,
      year: c.year,
      ...(c.section || c.footnote ? { section: locate(c, answer.lang) } : {}),
      quote: c.quote,
      // The aligned translation of the quote: `quoteFr` for French.
      ...Object.fromEntries(TRANSLATED_LANGUAGES.flatMap((l) => (c.translations[l] ? [[`quote${l[0]!.toUpperCase()}${l.slice(1)}`, c.translations[l].text]] : []))),
    })),
    passages: answer.passages.map((p) => ({ rank: p.rank, passageId: p.passage.id, docId: p.passage.docId, score: p.score, text: p.passage.text })),
    retriever: answer.retriever,
    timings: answer.timings,
  };
}
