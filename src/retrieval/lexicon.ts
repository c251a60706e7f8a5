import { createHash } from "node:crypto";
import { z } from "zod";
import { stripAccents } from "../corpus/index.js";
import { parseJsonText, readDataText } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";

const LEXICON_PATH = fromPackageRoot("src", "retrieval", "lexicon.fr-en.json");
const LEXICON_FIX = "Fix src/retrieval/lexicon.fr-en.json (git checkout restores it), then npm run build:index.";

const LOWERCASE_WORD = z.string().regex(/^[a-z]+$/, "one lowercase, accent-free word");

const LexiconFileSchema = z.object({
  about: z.string().optional(),
  french: z.array(z.object({ fr: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) })).min(1),
  englishSynonyms: z.array(z.array(z.string().regex(/^[^\s-]+$/, "one word")).min(2)),
  englishConflations: z.record(z.string().regex(/^\S+$/, "one word"), z.string().min(1)),
  englishKeptApart: z.record(LOWERCASE_WORD, LOWERCASE_WORD),
  frenchKeptApart: z.record(LOWERCASE_WORD, LOWERCASE_WORD),
  places: z.array(LOWERCASE_WORD),
  placesWithin: z.record(LOWERCASE_WORD, LOWERCASE_WORD),
  districts: z.record(LOWERCASE_WORD, LOWERCASE_WORD),
  sms: z.record(z.string().regex(/^[a-z0-9]+$/, "one lowercase word"), z.string().min(1)),
});

/** Lowercase, accent-free word tokens; apostrophes split elisions ("l'amende" -> "l", "amende"). */
export function tokenize(text: string): string[] {
  return stripAccents(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The bilingual domain lexicon, in the shapes retrieval needs. */
export interface Lexicon {
  /** French form (its tokens joined by a space) -> English words. */
  french: Map<string, string[]>;
  /** Longest French form, in tokens: how far a phrase match looks ahead. */
  longestFrench: number;
  /** The one-word French forms by first letter: what a misspelled word is compared with (a typo rarely hits the first letter). */
  frenchWordsByInitial: Map<string, string[]>;
  /** French form -> the other French forms of its entries (spelling variants and synonyms). */
  frenchSiblings: Map<string, string[]>;
  /** English word -> the other English words of its synonym groups. */
  synonyms: Map<string, string[]>;
  /** English word -> the word it is indexed as ("tunisian" -> "tunisia"). */
  conflations: Map<string, string>;
  /** English word -> the index term it keeps, unstemmed, apart from words the stemmer would merge it with ("informal" from "information"). */
  englishKeptApart: Map<string, string>;
  /** The same for French, keyed by the accent-free word ("visa" from "visant"). */
  frenchKeptApart: Map<string, string>;
  /** Countries and towns, as English words. */
  places: Set<string>;
  /** Town -> the country it lies in ("tunis" -> tunisia), as English words. */
  placesWithin: Map<string, string>;
  /** A word of a district's name -> the town it lies in ("marsa" -> tunis): where to ask for help, never a place an answer must speak of. */
  districts: Map<string, string>;
  /** A shortened or glued spelling (SMS) -> the words it stands for ("jsuis" -> je suis, "ppl" -> people). */
  sms: Map<string, string[]>;
  /** sha256 of the file: an index built with another lexicon is stale. */
  sha256: string;
}

export function loadLexicon(path: URL | string = LEXICON_PATH): Lexicon {
  const text = readDataText(path, LEXICON_FIX);
  const file = parseJsonText(text, path, LexiconFileSchema, LEXICON_FIX);
  const french = new Map<string, string[]>();
  const frenchSiblings = new Map<string, string[]>();
  let longestFrench = 1;
  for (const entry of file.french) {
    const english = entry.en.flatMap(tokenize);
    const forms = entry.fr.map((form) => tokenize(form).join(" ")).filter(Boolean);
    for (const key of forms) {
      french.set(key, [...new Set([...(french.get(key) ?? []), ...english])]);
      frenchSiblings.set(key, [...new Set([...(frenchSiblings.get(key) ?? []), ...forms.filter((f) => f !== key)])]);
      longestFrench = Math.max(longestFrench, key.split(" ").length);
    }
  }
  const synonyms = new Map<string, string[]>();
  for (const group of file.englishSynonyms) {
    const words = [...new Set(group.flatMap(tokenize))];
    for (const word of words) {
      synonyms.set(word, [...new Set([...(synonyms.get(word) ?? []), ...words.filter((w) => w !== word)])]);
    }
  }
  const conflations = new Map(Object.entries(file.englishConflations).map(([from, to]) => [tokenize(from).join(""), tokenize(to).join(" ")]));
  return {
    french,
    longestFrench,
    frenchWordsByInitial: byInitial([...french.keys()].filter((f) => !f.includes(" "))),
    frenchSiblings,
    synonyms,
    conflations,
    englishKeptApart: new Map(Object.entries(file.englishKeptApart)),
    frenchKeptApart: new Map(Object.entries(file.frenchKeptApart)),
    places: new Set(file.places),
    placesWithin: new Map(Object.entries(file.placesWithin)),
    districts: new Map(Object.entries(file.districts)),
    sms: new Map(Object.entries(file.sms).map(([from, to]) => [from, tokenize(to)])),
    sha256: createHash("sha256").update(text).digest("hex"),
  };
}

export interface LexiconMatch {
  /** Index of the first token the form covers, and how many it covers. */
  at: number;
  length: number;
  form: string;
  english: string[];
}

/** Greedy longest-first matching of French forms over a token sequence. */
export function matchFrench(tokens: string[], lexicon: Lexicon): LexiconMatch[] {
  const matches: LexiconMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched: LexiconMatch | undefined;
    for (let n = Math.min(lexicon.longestFrench, tokens.length - i); n >= 1 && !matched; n--) {
      const form = tokens.slice(i, i + n).join(" ");
      const english = lexicon.french.get(form);
      if (english) matched = { at: i, length: n, form, english };
    }
    if (matched) {
      matches.push(matched);
      i += matched.length;
    } else {
      i++;
    }
  }
  return matches;
}

/** A people's name ("ivoiriens", "Senegalese", "tunisienne"), told by the endings of demonyms in French and English. */
const DEMONYM = /^\p{L}{3,}(iens?|iennes?|ais|aises?|ois|oises?|ians?|ese|eans?|eens?|ennes?)$/u;

export function isDemonym(word: string): boolean {
  return DEMONYM.test(word);
}

/**
 * Whether a token names a place: one of the lexicon's English place words, or a French name it
 * turns into one ("tunisie", "guinee"); not a people ("algeriens"), which the lexicon lists
 * beside its country.
 */
export function isPlaceWord(token: string, lexicon: Lexicon): boolean {
  return lexicon.places.has(token) || (!isDemonym(token) && (lexicon.french.get(token) ?? []).some((word) => lexicon.places.has(word)));
}

/**
 * The places (the lexicon's English place words) a text names, each town followed by its
 * country: "à Tunis" -> tunis, tunisia; "à Gao" -> gao, mali (where to ask for help is then
 * found in the country when the reports name nobody in the town); a district names its town
 * ("à La Marsa" -> tunis, tunisia).
 */
export function placesNamedIn(text: string, lexicon: Lexicon): string[] {
  const places = new Set<string>();
  for (const token of tokenize(text)) {
    for (const word of [token, ...(lexicon.french.get(token) ?? []), lexicon.conflations.get(token) ?? "", lexicon.districts.get(token) ?? ""]) {
      if (!lexicon.places.has(word)) continue;
      places.add(word);
      const country = lexicon.placesWithin.get(word);
      if (country) places.add(country);
    }
  }
  return [...places];
}

function byInitial(words: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const word of words) out.set(word[0]!, [...(out.get(word[0]!) ?? []), word]);
  return out;
}
