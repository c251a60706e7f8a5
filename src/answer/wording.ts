import { type Language, REPORT_LANGUAGE } from "../corpus/index.js";
import type { Citation } from "./citation.js";
import type { FactCards } from "./fact-cards.js";
import { phrasesFor } from "./locales/index.js";

// Facts that age: amounts, laws, permits. An answer quoting them carries a warning.
const DATED_FACT = /\b(fine|penalt|law|decree|article|visa|permit|fcfa|dinar|prison|sentence|legislation|order no|convention)/i;

/** The words of a citation in the answer's language: the translation, or the report's own. */
export function quoteIn(citation: Citation, lang: Language): { text: string; reviewed: boolean } {
  if (lang === REPORT_LANGUAGE) return { text: citation.quote, reviewed: true };
  return citation.translations[lang] ?? { text: citation.quote, reviewed: true };
}

/** "Here is what the reports say:" then each quote in the answer's language, with its marker. */
export function extractText(citations: Citation[], lang: Language): string {
  const phrases = phrasesFor(lang);
  const [open, close] = phrases.quoteMarks;
  const quotes = citations.map((c) => {
    const quote = quoteIn(c, lang);
    return `${open}${quote.text}${close} [${c.marker}]${quote.reviewed ? "" : ` ${phrases.unreviewedTranslation}`}`;
  });
  const parts = [phrases.extractIntro, quotes.join("\n")];
  if (citations.some((c) => DATED_FACT.test(c.quote))) parts.push(datedWarning(lang, citations));
  return parts.join("\n\n");
}

/** "… per week [1]." : the marker sits before the closing full stop. */
export function withMarker(text: string, marker: number): string {
  return /[.!?]$/.test(text) ? `${text.slice(0, -1)} [${marker}]${text.slice(-1)}` : `${text} [${marker}]`;
}

export function datedWarning(lang: Language, citations: Citation[]): string {
  const years = [...new Set(citations.map((c) => c.year))].sort();
  const text = years.length > 1 ? `${years.slice(0, -1).join(", ")} ${phrasesFor(lang).and} ${years.at(-1)}` : String(years[0]);
  return phrasesFor(lang).mayHaveChanged.replace("{years}", text);
}

export function helpLine(lang: Language, cards: FactCards): string {
  const where = cards.help.text[lang];
  return phrasesFor(lang).help.replace("{tunis}", where.tunis).replace("{bamako}", where.bamako);
}

export function declineText(lang: Language, cards: FactCards): string {
  return `${phrasesFor(lang).noAnswer}\n\n${helpLine(lang, cards)}`;
}
