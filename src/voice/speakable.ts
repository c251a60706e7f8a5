import type { Language } from "../corpus/index.js";

/**
 * The longest text read aloud. At the rate of speech.ts eSpeak says 16 to 19 characters a
 * second (measured), so 600 characters last 32 to 38 s: well under a minute, about as much as a
 * listener keeps in mind. A longer answer is cut at a sentence and says the rest is written.
 */
export const MAX_SPOKEN_CHARS = 600;

interface SpokenWords {
  percent: string;
  /** "a/b" between words; eSpeak says "slash" in English. */
  or: string;
  /** "2010–2020": a range of numbers. */
  to: string;
  /** Joins millions and billions to a currency: "485 milliards de francs CFA". */
  scaleOf: string;
  /** Said at the end of an answer cut at MAX_SPOKEN_CHARS. */
  rest: string;
  /** Singular and plural names of the currencies the reports give amounts in. */
  currencies: Record<Currency, [one: string, many: string]>;
}

type Currency = "tnd" | "xof" | "usd" | "eur";

const WORDS: Record<Language, SpokenWords> = {
  fr: {
    percent: "pour cent",
    or: "ou",
    to: "à",
    scaleOf: "de ",
    rest: "La suite est dans le message écrit.",
    currencies: { tnd: ["dinar tunisien", "dinars tunisiens"], xof: ["franc CFA", "francs CFA"], usd: ["dollar", "dollars"], eur: ["euro", "euros"] },
  },
  en: {
    percent: "percent",
    or: "or",
    to: "to",
    scaleOf: "",
    rest: "The rest is in the written message.",
    currencies: { tnd: ["Tunisian dinar", "Tunisian dinars"], xof: ["CFA franc", "CFA francs"], usd: ["US dollar", "US dollars"], eur: ["euro", "euros"] },
  },
};

/** How amounts are written: "20 TND", "20 DT", "500,000 FCFA", "USD 1 million", "$20", "20 €". */
const CURRENCY_CODES: Record<string, Currency> = { TND: "tnd", DT: "tnd", FCFA: "xof", CFA: "xof", XOF: "xof", USD: "usd", "US$": "usd", $: "usd", EUR: "eur", "€": "eur" };
const AFTER = "TND|DT|FCFA|CFA|XOF|USD|EUR|US\\$|\\$|€";
const BEFORE = "USD|EUR|US\\$|\\$|€";
const AMOUNT = String.raw`(\d+(?:[.,]\d+)?)(?:\s+(thousand|million|billion|mille|millions?|milliards?))?`;
const AMOUNT_THEN_CODE = new RegExp(`${AMOUNT}\\s*(${AFTER})(?![\\p{L}\\d])`, "gu");
const CODE_THEN_AMOUNT = new RegExp(`(?<![\\p{L}\\d])(${BEFORE})\\s*${AMOUNT}`, "gu");

/** A line that begins with a marker lists a source: the terminal's list, the bot's "[1] MMC, 2020 · [2] …". */
const SOURCE_LINE = /^\s*\[\d+\]/;
/** The heading of the terminal's source list; nothing after it is read. */
const SOURCES_HEADING = /^\s*sources?\s*:\s*$/im;

/**
 * What a voice should read of an answer's text: the answer without its sources, citation
 * markers, links, quote marks, bullets and emoji (eSpeak names emoji aloud), amounts and
 * percentages in words, thousands written as one number, and no more than MAX_SPOKEN_CHARS.
 */
export function speakableText(answerText: string, lang: Language): string {
  const words = WORDS[lang];
  const body = answerText.split(SOURCES_HEADING)[0]!;
  const notesSaid = new Set<string>();
  const sentences = body
    .split("\n")
    .filter((line) => !SOURCE_LINE.test(line))
    .map((line) => asSentence(withoutRepeatedNotes(spokenLine(line, words, lang), notesSaid)))
    .filter(Boolean);
  return bounded(sentences.join(" "), words);
}

function spokenLine(line: string, words: SpokenWords, lang: Language): string {
  let text = line
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, "")
    .replace(/\S+@\S+\.\w+/g, "")
    .replace(/\s*\[\d+(?:\s*[,;–-]\s*\d+)*\]/g, "")
    // "(MMC, 2020)": who said it and when, as the markers say; noise when heard.
    .replace(/\s*\((?:[^()]*,\s*)?(?:19|20)\d{2}\)/g, "")
    .replace(/[«»“”„‟"‘]/g, "")
    .replace(/^\s*[•◦‣▪▫●○■□►▶✓✔*–—-]\s+/, "")
    .replace(/’/g, "'")
    .replace(/\s*[·•|]\s*/g, ", ");
  text = numbersInWords(text, words, lang);
  return text
    .replace(/(\p{L})\/(?=\p{L})/gu, `$1 ${words.or} `)
    .replace(/[\p{Extended_Pictographic}\p{So}\p{Sk}\p{Co}\u2190-\u21FF\u27F0-\u27FF\u2900-\u297F\u200D\uFE0F\u20E3*_#~`[\]{}<>\\]/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.])/g, "$1")
    .trim();
}

function numbersInWords(text: string, words: SpokenWords, lang: Language): string {
  return (
    text
      // A phone number is read group by group, not as millions: "+216, 71, 234, 567".
      .replace(/\+\d{1,4}(?:[ \u00A0\u202F.-]?\(?\d{1,4}\)?){2,}/g, (phone) => `+${phone.match(/\d+/g)!.join(", ")}`)
      // "1 234" (with any kind of space), "1,013,760", and in English "1,234": one number. In
      // French "1,234" is a decimal, but ",000" and two groups or more are thousands.
      .replace(/(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)/g, (n) => n.replace(/\D/g, ""))
      .replace(lang === "en" ? /(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d|,\d)/g : /(?<![\d.,])\d{1,3}(?:(?:,\d{3}){2,}|,000)(?!\d|,\d)/g, (n) => n.replace(/,/g, ""))
      .replace(AMOUNT_THEN_CODE, (_, amount: string, scale: string | undefined, code: string) => amountInWords(amount, scale, CURRENCY_CODES[code]!, words))
      .replace(CODE_THEN_AMOUNT, (_, code: string, amount: string, scale: string | undefined) => amountInWords(amount, scale, CURRENCY_CODES[code]!, words))
      .replace(/(\d)\s*%/g, `$1 ${words.percent}`)
      .replace(/(\d)\s*[–—]\s*(?=\d)/g, `$1 ${words.to} `)
  );
}

function amountInWords(amount: string, scale: string | undefined, currency: Currency, words: SpokenWords): string {
  const [one, many] = words.currencies[currency];
  if (scale) return `${amount} ${scale} ${/^milli/.test(scale) ? words.scaleOf : ""}${many}`;
  return `${amount} ${amount === "1" ? one : many}`;
}

/** Each line ends as a sentence, so the voice pauses where the eye would. */
function asSentence(text: string): string {
  if (!text) return "";
  return /[.!?:;…]$/.test(text) ? text : `${text}.`;
}

/** A note repeated after each quote, such as "(machine translation, not yet reviewed)", is said once. */
function withoutRepeatedNotes(text: string, said: Set<string>): string {
  return text
    .replace(/\s*\([^()\d]+\)/g, (note) => {
      const key = note.trim().toLowerCase();
      if (said.has(key)) return "";
      said.add(key);
      return note;
    })
    .trim();
}

function bounded(text: string, words: SpokenWords): string {
  if (text.length <= MAX_SPOKEN_CHARS) return text;
  const room = text.slice(0, MAX_SPOKEN_CHARS - words.rest.length - 2);
  const sentenceEnd = Math.max(...[". ", "! ", "? ", "; "].map((end) => room.lastIndexOf(end)));
  const wordEnd = room.lastIndexOf(" ");
  const end = sentenceEnd > room.length / 2 ? sentenceEnd + 1 : wordEnd > 0 ? wordEnd : room.length;
  return `${asSentence(room.slice(0, end).replace(/[\s,;:]+$/, ""))} ${words.rest}`;
}
