import { ENGLISH_FUNCTION_WORDS } from "./analyzer.js";
import { englishCognates } from "./cognates.js";
import { lawYearsIn } from "./law-numbers.js";
import { LANGUAGES, type Language } from "./language.js";
import { matchFrench } from "./lexicon.js";
import { PREVIOUS_WEIGHT, readAsked } from "./message-reading.js";
import type { QueryContext, WeightedQuery } from "./query-context.js";
import { nearestFrenchForm } from "./spelling.js";

/** Weight of a word the question implies through a synonym, relative to the word itself. */
const SYNONYM_WEIGHT = 0.6;
/** Weight of a French word that is also an English index term: often a false friend ("amende"). */
const FRENCH_LOOKALIKE_WEIGHT = 0.3;
/**
 * Weight of the English cognate of a French word the lexicon does not list ("vulnérabilité":
 * vulnerability): a word's own, as its closest translation (at 0.6, fresh report French
 * citations 0.77 -> 0.76).
 */
const COGNATE_WEIGHT = 1;

/** One thing the question asks about, and the index terms that express it in each language. */
export interface Concept {
  /** The words of the question it comes from. */
  source: string;
  /** Per index language: index term -> how exactly it says the concept (1 the word itself or its closest translation, less for a synonym). */
  terms: Record<Language, Map<string, number>>;
  /** 1 for the question itself, less for the asker's description of themselves. */
  focus: number;
  /** It names a place (country or town). */
  place: boolean;
}

export interface AnalyzedQuestion {
  /** What each language's index is asked (empty for an index the question is not searched in). */
  queries: Record<Language, WeightedQuery>;
  concepts: Concept[];
  /** The clauses of the message that ask, as written: the message without its story and the asker's description of themselves. */
  askedPart: string;
}

/**
 * Turns a question into concepts, each with weighted index terms in every language it is
 * searched in. English terms: French forms (and misspellings the lexicon lists, or that sit one
 * or two edits from a listed form) become the English of the reports, the closest translation
 * counting fully and the others as synonyms; English words bring in their synonyms. French
 * terms (French questions): the question's own words, with the lexicon's other spellings of
 * them as synonyms, searched in the French translation.
 */
export function buildQuery(question: string, lang: Language, context: QueryContext, previous?: string, previousWeight = PREVIOUS_WEIGHT): AnalyzedQuestion {
  const { analyzers, lexicon, vocabularies } = context;
  const { tokens, focus, askedPart } = readAsked(question, lang, context, previous, previousWeight);
  const concepts: Concept[] = [];
  const newConcept = (source: string, at: number, length: number) => {
    const concept: Concept = { source, terms: emptyTerms(), focus: Math.max(...focus.slice(at, at + length)), place: false };
    concepts.push(concept);
    return concept;
  };
  const add = (concept: Concept, language: Language, term: string | null, weight: number) => {
    if (!term) return;
    const terms = concept.terms[language];
    terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  };
  const addEnglishWord = (concept: Concept, word: string, weight: number) => {
    const term = analyzers.en.term(word);
    add(concept, "en", term, weight);
    for (const synonym of lexicon.synonyms.get(word) ?? (term ? context.synonymsByTerm.get(term) : undefined) ?? []) add(concept, "en", analyzers.en.term(synonym), weight * SYNONYM_WEIGHT);
    if (lexicon.places.has(word)) concept.place = true;
  };
  const addEnglishOfFrench = (concept: Concept, form: string, words: string[]) => {
    const primary = words.includes(form) ? form : words[0]!;
    for (const word of words) addEnglishWord(concept, word, word === primary ? 1 : SYNONYM_WEIGHT);
  };
  // The French translation is searched with the question's own words; only a word the
  // translation never uses (a misspelling: "amande") is replaced by the lexicon's other
  // spellings of it that the translation does use.
  const addFrench = (concept: Concept, form: string, siblings: readonly string[]) => {
    if (lang !== "fr") return;
    const own = analyzers.fr.terms(form);
    if (own.length === 0) return;
    if (own.some((t) => vocabularies.fr.has(t))) {
      for (const term of own) add(concept, "fr", term, 1);
      return;
    }
    const known = siblings.flatMap((s) => analyzers.fr.terms(s)).filter((t) => vocabularies.fr.has(t));
    for (const term of known.length ? known : own) add(concept, "fr", term, known.length ? SYNONYM_WEIGHT : 1);
  };

  const lawYears = new Set(lawYearsIn(question));
  const covered = new Set<number>();
  for (const match of matchFrench(tokens, lexicon)) {
    const englishTerm = match.length === 1 ? analyzers.en.term(match.form) : null;
    const known = englishTerm !== null && vocabularies.en.has(englishTerm);
    if (lang === "en" && known) continue; // an English question's word the reports use
    // ...or an English function word spelt like a French word ("an": a year in French).
    if (lang === "en" && match.length === 1 && ENGLISH_FUNCTION_WORDS.has(match.form)) continue;
    for (let i = match.at; i < match.at + match.length; i++) covered.add(i);
    const concept = newConcept(match.form, match.at, match.length);
    addEnglishOfFrench(concept, match.form, match.english);
    if (known && !match.english.includes(match.form)) add(concept, "en", englishTerm, FRENCH_LOOKALIKE_WEIGHT);
    addFrench(concept, tokens.slice(match.at, match.at + match.length).join(" "), lexicon.frenchSiblings.get(match.form) ?? []);
  }

  tokens.forEach((token, i) => {
    if (covered.has(i)) return;
    const englishTerm = analyzers.en.term(token);
    if (englishTerm === null) return;
    const concept = newConcept(token, i, 1);
    addFrench(concept, token, []);
    // A word the reports use, a number, or a word whose synonyms they use ("drop": decline).
    if (vocabularies.en.has(englishTerm) || /^\p{N}/u.test(token) || lexicon.synonyms.has(token)) {
      addEnglishWord(concept, token, 1);
      // "the 2004 law": the passages citing that law by its number ("Law No. 04-058") say it too.
      if (lawYears.has(token)) for (const number of context.lawNumbersByYear.get(token) ?? []) for (const l of LANGUAGES) add(concept, l, analyzers[l].term(number), 1);
      return;
    }
    // A French word whose English cognate the reports use ("mobilité": mobility).
    const cognate = lang === "fr" ? englishCognates(token).map((w) => analyzers.en.term(w)).find((t) => t !== null && vocabularies.en.has(t)) : undefined;
    if (cognate) {
      add(concept, "en", cognate, COGNATE_WEIGHT);
      return;
    }
    const near = nearestFrenchForm(token, lexicon);
    if (near) {
      addEnglishOfFrench(concept, near.form, near.english);
      addFrench(concept, near.form, lexicon.frenchSiblings.get(near.form) ?? []);
    } else {
      add(concept, "en", englishTerm, 1); // unknown: the index's fuzzy matching gets a chance at it
    }
  });
  const merged = mergeSameConcepts(concepts.filter((c) => LANGUAGES.some((l) => c.terms[l].size > 0)));
  // A place a concept lies in counts as said with it, at its weight, unless the message says it.
  const addPlaceAround = (inside: Concept, place: string) => {
    if (merged.some((c) => c.source === place)) return;
    const concept: Concept = { source: place, terms: emptyTerms(), focus: inside.focus, place: true };
    addEnglishWord(concept, place, 1);
    merged.push(concept);
  };
  // A town of the asker's story that the reports never name ("je suis à Sfax") still says which
  // country the story happens in: its country counts as told too (a town they name, such as
  // Tunis, places the story itself: constraints.ts reads its country from the lexicon).
  for (const town of merged.filter((c) => c.focus < 1)) {
    const country = lexicon.placesWithin.get(town.source);
    const term = analyzers.en.term(town.source);
    if (country && !(term !== null && vocabularies.en.has(term))) addPlaceAround(town, country);
  }
  // A district ("je vis à Ariana") places the message in its town.
  for (const district of merged.filter((c) => lexicon.districts.has(c.source))) addPlaceAround(district, lexicon.districts.get(district.source)!);
  const queries = emptyTerms();
  for (const concept of merged) {
    for (const language of LANGUAGES) {
      for (const [term, weight] of concept.terms[language]) queries[language].set(term, Math.max(queries[language].get(term) ?? 0, weight * concept.focus));
    }
  }
  return { queries, concepts: merged, askedPart };
}

function emptyTerms(): Record<Language, Map<string, number>> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, new Map<string, number>()])) as Record<Language, Map<string, number>>;
}

/**
 * "Tunisie" and "tunisienne" in one question are one concept, asked once: two concepts merge
 * when they share a term that each says fully (a synonym or look-alike in common, as "argent"
 * and "pays" share "pay", is not enough).
 */
function mergeSameConcepts(concepts: Concept[]): Concept[] {
  const primary = (c: Concept, l: Language) => [...c.terms[l]].filter(([, w]) => w >= 1).map(([t]) => t);
  const out: Concept[] = [];
  for (const concept of concepts) {
    const twin = out.find((c) => LANGUAGES.some((l) => primary(concept, l).some((t) => primary(c, l).includes(t))));
    if (twin) {
      twin.source = `${twin.source} ${concept.source}`;
      twin.focus = Math.max(twin.focus, concept.focus);
      twin.place ||= concept.place;
      for (const l of LANGUAGES) for (const [t, w] of concept.terms[l]) twin.terms[l].set(t, Math.max(twin.terms[l].get(t) ?? 0, w));
    } else {
      out.push(concept);
    }
  }
  return out;
}
