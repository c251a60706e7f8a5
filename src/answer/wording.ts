import { type Language, REPORT_LANGUAGE } from "../corpus/index.js";
import type { Citation } from "./citation.js";
import type { HelpEntry } from "../help/index.js";
import { phrasesFor } from "./locales/index.js";

// Facts that age: amounts, laws, permits. An answer quoting them carries a warning.
const DATED_FACT = /\b(fine|penalt|law|decree|article|visa|permit|fcfa|dinar|prison|sentence|legislation|order no|convention)/i;

/** The words of a citation in the answer's language: the translation, or the report's own. */
export function quoteIn(citation: Citation, lang: Language): { text: string; reviewed: boolean } {
  if (lang === REPORT_LANGUAGE) return { text: citation.quote, reviewed: true };
  return citation.translations[lang] ?? { text: citation.quote, reviewed: true };
}

/**
 * A quote as shown to a person: one whose last sentence the report's layout cut (a footnote
 * running over a page, "... which have been denounced by") ends with "…", so that it does not
 * read as a whole statement; one whose first sentence the layout cut ("psychological and
 * economic, related to ...") begins with "…". A sentence cut mid-way ends on a lower-case word
 * with no mark after it, or begins with a lower-case word (a web address aside); a glossary line
 * or a name ("CREDD Cadre Stratégique ... Durable", "Sotuba ACI") is whole. The citation's own
 * words stay as the report gives them.
 */
export function shownQuote(text: string): string {
  const trimmed = text.trim();
  const start = CUT_AT_START.test(trimmed) ? "…" : "";
  return CUT_MID_SENTENCE.test(trimmed) ? `${start}${trimmed}…` : `${start}${trimmed}`;
}
const CUT_MID_SENTENCE = /(^|\s)\p{Ll}+$/u;
const CUT_AT_START = /^(?!https?:|www\.)\p{Ll}/u;

/** "Here is what the reports say:" then each quote in the answer's language, with its marker. */
export function extractText(citations: Citation[], lang: Language): string {
  const phrases = phrasesFor(lang);
  const [open, close] = phrases.quoteMarks;
  const quotes = citations.map((c) => {
    const quote = quoteIn(c, lang);
    return `${open}${shownQuote(quote.text)}${close} [${c.marker}]${quote.reviewed ? "" : ` ${phrases.unreviewedTranslation}`}`;
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

/**
 * "To ask for help: in Tunis, TAMSS (MMC, 2020) or Terre d'Asile Tunisie (MMC, 2020); in
 * Bamako, ...": the places of help, short, grouped by city, each with its source and year.
 */
export function helpLine(lang: Language, entries: readonly HelpEntry[]): string {
  const phrases = phrasesFor(lang);
  const byPlace = new Map<string, string[]>();
  for (const e of entries) {
    const place = e.city ?? e.country; // forLine gives city entries
    byPlace.set(place, [...(byPlace.get(place) ?? []), `${shortName(e.name)} (${sourceOf(e, lang)})`]);
  }
  const where = [...byPlace].map(([place, names]) => phrases.helpIn.replace("{place}", place).replace("{names}", names.join(phrases.or)));
  return phrases.help.replace("{where}", where.join(phrases.helpSeparator));
}

/** "Association ... (AME)" -> "AME": the name people will look for. */
function shortName(name: string): string {
  return /\(([A-Z][\w-]{1,12})\)\s*$/.exec(name)?.[1] ?? name;
}

function sourceOf(entry: HelpEntry, lang: Language): string {
  if (entry.source.kind === "operator") return phrasesFor(lang).operatorContact;
  const publisher = /\(([^)]+)\)\s*$/.exec(entry.source.publisher)?.[1] ?? entry.source.publisher.split(",")[0]!;
  return `${publisher}, ${entry.source.year}`;
}

/** "The reports do not say that precisely. The closest they come:" then the related quotes. */
export function notSaidText(lang: Language, citations: Citation[]): string {
  const phrases = phrasesFor(lang);
  const [open, close] = phrases.quoteMarks;
  const quotes = citations.map((c) => `${open}${quoteIn(c, lang).text}${close} [${c.marker}]`);
  return [phrases.notSaid, quotes.join("\n")].join("\n\n");
}

/** A decline: the reports do not answer (or, to a message that asked nothing, what would the person like to know), then where to ask for help. */
export function declineText(lang: Language, help: readonly HelpEntry[], askedNothing = false): string {
  const phrases = phrasesFor(lang);
  return `${askedNothing ? phrases.askWhat : phrases.noAnswer}\n\n${helpLine(lang, help)}`;
}
