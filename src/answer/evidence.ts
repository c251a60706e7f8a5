import { type Corpus, countWords, type Passage, REPORT_LANGUAGE, TRANSLATED_LANGUAGES } from "../corpus/index.js";
import { type Concept, type Language, isLightWord, LANGUAGES, type TermSource, tokenize } from "../retrieval/index.js";
import type { SentenceRange } from "./citation.js";
import { type AskedKind, holdsKind, MONEY_WORDS, TELLING_KINDS } from "./question-kind.js";

/** A concept whose own words weigh at least this much is the question's word itself, not a synonym. */
const OWN_WORD = 0.99;

/**
 * Greetings, thanks, politeness and blessings ("bonjour", "svp", read as "s'il vous plaît",
 * "thanks", "inchallah"): how a message is said, not what it asks. The reports'
 * acknowledgements would answer them; a blessing the reports never use would count as a word
 * they cannot answer.
 */
const CONVERSATION = new Set([
  ...["bonjour", "bonsoir", "salut", "slt", "coucou", "salam", "merci", "plait", "svp", "stp", "hello", "hi", "hey", "thanks", "thank", "thx", "please", "pls", "plz"],
  ...["inchallah", "inshallah", "inchalah", "inshalah", "wallah", "wallahi", "hamdoulilah", "hamdoulillah", "alhamdulillah", "machallah", "mashallah", "bismillah"],
]);
/**
 * Light verbs and ranking words (retrieval's isLightWord: "faire", "go", "pris", "main") are rare in the reports' prose, so
 * their rarity would overstate them; so would that of a word naming an amount asked ("fee",
 * "tarif": MONEY_WORDS), which the sentence giving the amount seldom uses. They count this share
 * of their weight.
 */
const LIGHT_VERB_WEIGHT = 0.3;

/** A question's concept, weighed: how rare its words are, times how central it is to the question. */
export interface WeighedConcept {
  concept: Concept;
  weight: number;
  /** None of its words appear in the corpus, in any language searched: it cannot be covered. */
  unknown: boolean;
  /** Its index terms in every language, best weight first: what `mentions` looks for, window after window. */
  lookups: TermLookup[];
}

interface TermLookup {
  lang: Language;
  term: string;
  weight: number;
}

/**
 * Weighs each concept by the rarity (IDF) of the question's own word for it, in the languages
 * searched, or when the reports never use that word, of the lexicon's synonyms they do use
 * ("percent" through "percentage"); a concept none of whose words the corpus uses is set apart
 * as unknown, so a word the reports do not know ("pharmacien") does not sink a question they
 * answer, and the share of such words is a separate signal for declining.
 */
export function weighConcepts(concepts: Concept[], languages: readonly Language[], terms: TermSource): WeighedConcept[] {
  return concepts.filter((concept) => !concept.source.split(" ").every((word) => CONVERSATION.has(word))).map((concept) => {
    const rarities: number[] = [];
    for (const lang of languages) {
      const entries = [...concept.terms[lang]];
      const own = entries.filter(([, w]) => w >= OWN_WORD).map(([t]) => t);
      const ownKnown = own.filter((t) => terms.knows(t, lang));
      const known = ownKnown.length ? ownKnown : entries.map(([t]) => t).filter((t) => terms.knows(t, lang));
      if (known.length) rarities.push(Math.min(...known.map((t) => terms.idf(t, lang))));
    }
    const unknown = rarities.length === 0;
    const lookups = LANGUAGES.flatMap((lang) => [...concept.terms[lang]].map(([term, weight]) => ({ lang, term, weight }))).sort((a, b) => b.weight - a.weight);
    const light = concept.source.split(" ").every((word) => isLightWord(word) || MONEY_WORDS.has(word)) ? LIGHT_VERB_WEIGHT : 1;
    return { concept, unknown, weight: light * concept.focus * (unknown ? maxIdf(concept, terms) : Math.max(...rarities)), lookups };
  });
}

function maxIdf(concept: Concept, terms: TermSource): number {
  return Math.max(0, ...LANGUAGES.flatMap((l) => [...concept.terms[l].keys()].map((t) => terms.idf(t, l))));
}

/** Index terms of a text in each language it exists in. */
export type TermSets = Partial<Record<Language, ReadonlySet<string>>>;

/** A stretch of one or two neighbouring sentences of a passage that could be quoted. */
export interface PassageWindow {
  range: SentenceRange;
  /** Its words in each language it exists in (the reports' English always). */
  texts: Partial<Record<Language, string>>;
  /** Its index terms, in the same languages. */
  terms: TermSets;
  words: number;
  /** Capitalised words inside it (names of places, people, organisations), as tokens. */
  names: string[][];
  /** The kinds of thing it holds, of those a text alone can tell (a figure, a date, a law...). */
  holds: ReadonlySet<AskedKind>;
}

/**
 * Every passage's windows, and its index terms as a whole (headings included), in each
 * language, computed once per passage: answers weigh the same sentences question after
 * question. Bounded by the corpus.
 */
export class PassageWindows {
  private readonly cache = new Map<string, PassageReading>();
  /** Bounded by the reports' places. */
  private readonly placeTerms = new Map<string, string[][]>();
  private readonly scopeOfPlaces = new Map<string, TermSets>();

  constructor(
    private readonly corpus: Corpus,
    private readonly terms: TermSource,
    /** Town -> the country it lies in, as English words ("tunis" -> tunisia). */
    private readonly placesWithin: ReadonlyMap<string, string>,
  ) {}

  /** A passage's windows; its terms as a whole (`whole`); and where it is (`scope`, see scopeOf). */
  of(passage: Passage): PassageReading {
    let entry = this.cache.get(passage.id);
    if (entry) return entry;
    const sentences = this.corpus.sentences.get(passage.id) ?? [];
    const sentenceTerms = sentences.map((s) => {
      const sets: Partial<Record<Language, Set<string>>> = { [REPORT_LANGUAGE]: new Set(this.terms.termsOf(s.text, REPORT_LANGUAGE)) };
      for (const lang of TRANSLATED_LANGUAGES) if (s.translations[lang]) sets[lang] = new Set(this.terms.termsOf(s.translations[lang].text, lang));
      return sets;
    });
    const windows: PassageWindow[] = [];
    for (let from = 0; from < sentences.length; from++) {
      for (let to = from + 1; to <= Math.min(from + WINDOW_SENTENCES, sentences.length); to++) {
        const slice = sentences.slice(from, to);
        if (!slice.every((s) => SAYS_SOMETHING.test(s.text))) continue;
        const english = slice.map((s) => s.text).join(" ");
        const texts: PassageWindow["texts"] = { [REPORT_LANGUAGE]: english };
        for (const lang of TRANSLATED_LANGUAGES) {
          if (slice.every((s) => s.translations[lang])) texts[lang] = slice.map((s) => s.translations[lang]!.text).join(" ");
        }
        const names = [...english.matchAll(/(?<=\s)\p{Lu}[\p{Ll}'’-]{2,}/gu)].map((m) => tokenize(m[0]));
        const holds = new Set(TEXT_KINDS.filter((kind) => holdsKind(kind, english, false)));
        windows.push({ range: { from, to }, texts, terms: to - from === 1 ? sentenceTerms[from]! : union(sentenceTerms.slice(from, to)), words: countWords(english), names, holds });
      }
    }
    const whole = union(sentenceTerms);
    const headings = { [REPORT_LANGUAGE]: this.terms.termsOf(passage.section.join(" "), REPORT_LANGUAGE) };
    whole[REPORT_LANGUAGE] = new Set([...(whole[REPORT_LANGUAGE] ?? []), ...headings[REPORT_LANGUAGE]]);
    const report = this.corpus.reportById.get(passage.docId);
    const headed = report ? placesInHeadings(passage, report.places) : [];
    const scope = { [REPORT_LANGUAGE]: this.terms.termsOf(report ? this.scopeOf(report, headed) : "", REPORT_LANGUAGE) };
    entry = { windows, whole, headings, scope, headed: headed.length > 0 };
    this.cache.set(passage.id, entry);
    return entry;
  }

  /** The country a town lies in ("bamako" -> "mali"), as the lexicon says. */
  countryOf(place: string): string | undefined {
    return this.placesWithin.get(place);
  }

  /**
   * Where a window is: where its passage is (`scope`), unless no heading places the passage
   * and the window itself names some of its report's places or their countries, not all: then
   * those ("... Tunisia has a visa-free entry policy ...", in the Tunis and Bamako report, is not
   * about Mali).
   */
  scopeOfWindow(passage: Passage, window: TermSets): TermSets {
    const { scope, whole, headed } = this.of(passage);
    const report = this.corpus.reportById.get(passage.docId);
    if (!report || headed) return scope;
    // What the window names, else what its passage names around it ("From a legal standpoint, Tunisia ... However, the passing of domestic asylum legislation ...").
    let named = this.placesNamedIn(report.places, window);
    if (named.length === 0) named = this.placesNamedIn(report.places, whole);
    if (named.length === 0 || named.length === report.places.length) return scope;
    const key = named.join("|");
    let placed = this.scopeOfPlaces.get(key);
    if (!placed) {
      placed = { [REPORT_LANGUAGE]: this.terms.termsOf(named.flatMap((place) => this.whereabouts(place)).join(" "), REPORT_LANGUAGE) };
      this.scopeOfPlaces.set(key, placed);
    }
    return placed;
  }

  /** The index terms of the country a town lies in, read once; none for a place the lexicon puts in no country. */
  countryTermsOf(town: string): readonly string[] {
    return this.termsOfPlace(town)[1] ?? [];
  }

  /** Which of `places` (a report's) a window or passage names, by the place or its country. */
  private placesNamedIn(places: readonly string[], terms: TermSets): string[] {
    const said = terms[REPORT_LANGUAGE] ?? new Set<string>();
    return places.filter((place) => this.termsOfPlace(place).some((name) => name.every((t) => said.has(t))));
  }

  /** A place's index terms and its country's, read once each. */
  private termsOfPlace(place: string): string[][] {
    let terms = this.placeTerms.get(place);
    if (!terms) {
      terms = this.whereabouts(place).map((name) => [...this.terms.termsOf(name, REPORT_LANGUAGE)]);
      this.placeTerms.set(place, terms);
    }
    return terms;
  }

  /** A town and the country it lies in ("Tunis", "tunisia"). */
  private whereabouts(place: string): string[] {
    const country = this.placesWithin.get(tokenize(place).join(" "));
    return country ? [place, country] : [place];
  }

  /**
   * Where a passage is, beyond what it says itself: its report's title and places ("Bamako case
   * study", Mali); but under a heading that names some of its report's places ("6. Tunis,
   * migration and risks" in the Tunis and Bamako report: `named`), those places and the
   * countries they lie in only.
   */
  private scopeOf(report: { title: string; places: readonly string[] }, named: readonly string[]): string {
    if (named.length === 0 || named.length === report.places.length) return `${report.title} ${report.places.join(" ")}`;
    return named.flatMap((place) => this.whereabouts(place)).join(" ");
  }
}

/** What PassageWindows reads of a passage, once. */
export interface PassageReading {
  windows: PassageWindow[];
  whole: TermSets;
  /** Its headings' index terms, in the reports' language: they speak for every window of it ("... Malians from Libya"). */
  headings: TermSets;
  scope: TermSets;
  /** Its headings name some of its report's places ("6. Tunis, migration and risks"). */
  headed: boolean;
}

/** The places of a passage's report that its headings name ("6. Tunis, migration and risks"). */
function placesInHeadings(passage: Passage, places: readonly string[]): string[] {
  const headings = new Set(tokenize(passage.section.join(" ")));
  return places.filter((place) => tokenize(place).every((t) => headings.has(t)));
}

/** A window is one sentence or two neighbours: an answer often runs over a sentence break ("this phenomenon"). */
const WINDOW_SENTENCES = 2;
/**
 * A sentence with a word in it. The PDFs leave list numbers ("2.") and table rows of figures
 * ("1.2 0.8") as sentences of their own: quoted, alone or beside a sentence, they are debris.
 */
const SAYS_SOMETHING = /\p{L}{3,}/u;
/** Kinds a text alone tells (a place asked depends on the question's own places). */
const TEXT_KINDS = [...TELLING_KINDS].filter((k) => k !== "place");

/** Every term of every set, per language (a language absent from one set is absent from the union). */
export function union(sets: TermSets[]): Partial<Record<Language, Set<string>>> {
  const out: Partial<Record<Language, Set<string>>> = {};
  for (const lang of LANGUAGES) {
    if (sets.length === 0 || sets.some((s) => !s[lang])) continue;
    out[lang] = new Set(sets.flatMap((s) => [...s[lang]!]));
  }
  return out;
}

/** How well a text (its term sets) says a concept: 1 for its own word, less for a synonym, 0 when absent. */
export function mentions(concept: WeighedConcept, present: TermSets): number {
  // Indexed loop over terms sorted by weight: runs for every window and concept, so it allocates nothing.
  const lookups = concept.lookups;
  for (let i = 0; i < lookups.length; i++) {
    const { lang, term, weight } = lookups[i]!;
    if (present[lang]?.has(term)) return weight;
  }
  return 0;
}

/**
 * Share of the question's known concepts (by weight) that a window says, reading it in its
 * passage: a concept said only elsewhere in the passage (its other sentences, its headings)
 * counts `contextCredit` of its weight ("In Tunisia, ..." two sentences up still places it); a
 * place said anywhere in the passage counts fully.
 */
export function coverage(weighed: WeighedConcept[], window: TermSets, context: TermSets, contextCredit: number): number {
  let total = 0;
  let covered = 0;
  for (let i = 0; i < weighed.length; i++) {
    const w = weighed[i]!;
    if (w.unknown) continue;
    total += w.weight;
    const own = mentions(w, window);
    const around = own < 1 ? mentions(w, context) * (w.concept.place ? 1 : contextCredit) : 0;
    covered += w.weight * Math.max(own, around);
  }
  return total > 0 ? covered / total : 0;
}

/** Share of the question's known concepts a text says, read on its own (a card, a whole passage). */
export function coverageOf(weighed: WeighedConcept[], terms: TermSets): number {
  return coverage(weighed, terms, {}, 0);
}

/** The term sets of texts in several languages. */
export function termSetsOf(texts: Partial<Record<Language, string>>, terms: TermSource): TermSets {
  const out: TermSets = {};
  for (const lang of LANGUAGES) if (texts[lang]) out[lang] = terms.termsOf(texts[lang], lang);
  return out;
}

/** Share of the question's weight that lies in words the corpus never uses. */
export function unknownShare(weighed: WeighedConcept[]): number {
  const total = weighed.reduce((s, w) => s + w.weight, 0);
  return total > 0 ? weighed.filter((w) => w.unknown).reduce((s, w) => s + w.weight, 0) / total : 1;
}
