import type { Answer } from "./answer.js";
import type { Citation } from "./citation.js";
import { phrasesFor } from "./locales/index.js";

/** Where in the report: the section, and the note number for a footnote. */
export function locate(citation: Citation, lang: Answer["lang"]): string {
  const parts = [citation.section, citation.page ? `p. ${citation.page}` : undefined, citation.footnote ? `${phrasesFor(lang).footnote} ${citation.footnote}` : undefined];
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
  const quoted = answer.kind !== "extract"; // an extract already shows the quotes in its text
  const sources = answer.citations.map((c) => (quoted ? `${sourceLine(c, answer.lang)}\n    “${c.quote}”` : sourceLine(c, answer.lang)));
  return `${answer.text}\n\n${phrasesFor(answer.lang).sources}\n${sources.join("\n")}`;
}

/** The JSON contract of `ask --json/--jsonl` (docs/DESIGN contract): these fields, this order. */
export function toContract(answer: Answer) {
  return {
    ...(answer.id !== undefined ? { id: answer.id } : {}),
    question: answer.question,
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
      ...(c.section || c.footnote ? { section: locate({ ...c, page: undefined } as Citation, answer.lang) } : {}),
      ...(c.page ? { page: c.page } : {}),
      quote: c.quote,
    })),
    passages: answer.passages.map((p) => ({ rank: p.rank, passageId: p.passage.id, docId: p.passage.docId, score: p.score, text: p.passage.text })),
    retriever: answer.retriever,
    timings: answer.timings,
  };
}
