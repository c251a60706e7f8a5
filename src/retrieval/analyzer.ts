import { stemmer as frenchStem } from "@orama/stemmers/french";
import { stemmer as englishStem } from "stemmer";
import type { Language } from "./language.js";
import { type Corpus, stripAccents } from "../corpus/index.js";
import { type Lexicon, tokenize } from "./lexicon.js";

// Words that carry no topic. Questions in either language go through the English analyser
// (French words become English through the lexicon), so it drops both languages' words.
const ENGLISH_STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from as into about over after before between " +
    "is are was were be been being am do does did have has had having can could may might must shall should will would " +
    "i me my we our you your he him his she her it its they them their this that these those there here " +
    "what which who whom whose when where why how not no yes so than then too very just also any some all each " +
    "many much get got im ive dont cant without please because like really actually usually exactly precisely kind sort thing things true " +
    "something anything someone somebody anyone anybody want wants wanted wanna " +
    // What is left of "I've", "I'll", "they're" once the apostrophe splits them.
    "ve ll re").split(" "),
);
// Accent-free, as tokens arrive; elided articles and pronouns (l', d', j', qu', n', s', c', m', t')
// are tokens of their own after tokenize and are dropped here.
const FRENCH_FUNCTION_WORD_TEXT =
  "le la les l un une des du de d et ou mais si a au aux en dans sur sous par pour avec sans chez vers " +
  "ce cet cette ces c ca cela ceci qui que qu quoi quel quelle quels quelles lequel laquelle lesquels lesquelles dont " +
  "je j me m moi tu te t toi il elle on nous vous ils elles se s lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos " +
  "est sont suis es etes sommes etait etaient ete etre ai as avons avez ont avait avaient avoir sera seront serait " +
  "ne n pas plus moins tres trop bien tout tous toute toutes " +
  "comment pourquoi quand y pendant contre entre depuis apres avant selon encore deja aussi alors donc car comme lorsque " +
  "puisque tant ici ainsi dont leurs";
// SMS spellings of function words, and verbs that frame a question rather than say what it is about.
const FRENCH_QUESTION_WORDS =
  "jai jsuis chui stp svp slt bonjour merci kel kelle ki koi kesk keske cb pr ds bcp tjr tjrs " +
  "fait faire peut peux puis pouvons pouvez peuvent dois doit devons devez doivent veux veut voudrais voulais " +
  "donne donner donnent compte comptent trouver trouve aller va vont savoir sais sait dire dit existe existent " +
  "prendre mettre connaitre connais peut-on combien vrai vraiment exactement precisement surtout genre truc trucs chose choses beaucoup peu parmi " +
  "devait devrait devraient pourrait pourraient pouvait voulait voudrait juste presque fois quil quils quelle quel quelque quelqu";
const FRENCH_STOPWORDS = new Set(`${FRENCH_FUNCTION_WORD_TEXT} ${FRENCH_QUESTION_WORDS}`.split(" "));

export function isStopword(token: string): boolean {
  return ENGLISH_STOPWORDS.has(token) || FRENCH_STOPWORDS.has(token);
}

/**
 * Verbs that carry little of what is asked ("je fais le carrelage", "peuvent avoir la
 * nationalité", "go treat me", "on m'a pris mon passeport"): not a topic of a message of its own,
 * and weighed down in the answer. Each English verb has its French counterpart (take / prendre,
 * want / vouloir), but "happen", which frames a question ("what happens if ..."): French says it
 * with "se passer", and "passe" also means passing through.
 */
const LIGHT_VERBS: ReadonlySet<string> = new Set(["avoir", "faire", "fais", "fait", "font", "aller", "vais", "va", "vont", "prendre", "prend", "prends", "prennent", "pris", "prise", "get", "gets", "got", "getting", "go", "goes", "going", "went", "make", "makes", "made", "making", "do", "does", "did", "doing", "done", "take", "takes", "took", "taking", "face", "faces", "faced", "facing", "happen", "happens", "happened", "want", "wants", "wanted", "veux", "veut", "voulons", "voulez", "veulent", "voudrais"]);
/**
 * "what are the main nationalities ...", "quels sont les principaux risques ?": words that rank
 * what is asked rather than name it; as a topic the answer must hold, "main" sent a question on
 * perpetrators to a sentence that says "main" and nothing of them.
 */
const RANKING_WORDS: ReadonlySet<string> = new Set(["main", "principal", "principale", "principaux", "principales"]);
/** "can I still work?", "is it already open?", "toujours", "jamais": when, or how surely, not what is asked about. */
const TIME_ADVERBS: ReadonlySet<string> = new Set(["still", "already", "again", "ever", "yet", "anymore", "soon", "toujours", "jamais", "bientot"]);
/** A light verb, a ranking word or a time adverb: part of how a question asks, not of what it asks about. */
export function isLightWord(word: string): boolean {
  return LIGHT_VERBS.has(word) || RANKING_WORDS.has(word) || TIME_ADVERBS.has(word);
}

/** Function words of each language (accent-free): the eval counts them to tell French text from English. */
export const FRENCH_FUNCTION_WORDS: ReadonlySet<string> = new Set(FRENCH_FUNCTION_WORD_TEXT.split(" ").filter((w) => w.length > 1));
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = ENGLISH_STOPWORDS;

/** Turns words into index terms; the index and the queries of a language share one. */
export interface Analyzer {
  /** The words of a text, lowercase, as `term` takes them. */
  tokens(text: string): string[];
  /** The index term for one token, or null for a stop word. */
  term(token: string): string | null;
  /** All index terms of a text, in order. */
  terms(text: string): string[];
}

/**
 * The English analyser: stop words out, a people indexed as its country, a few words kept apart
 * from those the stemmer would merge them with, British spelling for -ize words, -ly adverbs as
 * their adjective, Porter stems.
 */
export function createEnglishAnalyzer(lexicon: Lexicon): Analyzer {
  const term = (token: string): string | null => {
    if (isStopword(token)) return null;
    if (/^\p{N}/u.test(token)) return token;
    let word = lexicon.conflations.get(token) ?? token;
    const kept = lexicon.englishKeptApart.get(word);
    if (kept) return kept;
    if (word.length > 5) word = word.replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1");
    if (word.length > 6 && /[^bp]ly$/.test(word)) word = word.slice(0, -2);
    return englishStem(word);
  };
  return { tokens: tokenize, term, terms: (text) => tokenize(text).flatMap((token) => term(token) ?? []) };
}

/** Lowercase words with their accents; an apostrophe ends a word ("l'amende" -> "l", "amende"). */
function accentedTokens(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The accented spelling of each unaccented word of a French text, the most frequent winning:
 * people type "irreguliere", the translation says "irrégulière".
 */
export function frenchSpellings(texts: Iterable<string>): ReadonlyMap<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const word of accentedTokens(text)) {
      const folded = stripAccents(word);
      if (folded === word) continue;
      const forms = counts.get(folded) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(folded, forms);
    }
  }
  return new Map([...counts].map(([folded, forms]) => [folded, [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]]));
}

/**
 * The accents of the French endings the Snowball stemmer reads ("-ière", "-ée", "-ité"), put
 * back on a word typed without them, so "reservees" stems as "réservées" does.
 */
function accentEnding(word: string): string {
  return word
    .replace(/ieres?$/, (m) => m.replace("iere", "ière"))
    .replace(/ees?$/, (m) => m.replace("ee", "ée"))
    .replace(/ites?$/, (m) => m.replace("ite", "ité"));
}

/**
 * The French analyser, for the French translation of the corpus and French questions:
 * elisions and stop words out, a few words kept apart from those the stemmer would merge them
 * with (`keptApart`, accent-free word -> term), then the Snowball French stemmer, which needs
 * accents to find suffixes: a word typed without them gets the translation's spelling of it, or
 * at least the accents of its ending, first. Terms are accent-free so either spelling meets the
 * other.
 */
export function createFrenchAnalyzer(spellings: ReadonlyMap<string, string>, keptApart: ReadonlyMap<string, string>): Analyzer {
  const term = (token: string): string | null => {
    const folded = stripAccents(token);
    if (FRENCH_STOPWORDS.has(folded) || folded.length < 2) return null;
    const kept = keptApart.get(folded);
    if (kept) return kept;
    if (/^\p{N}/u.test(token)) return folded;
    const spelled = token !== folded ? token : (spellings.get(folded) ?? accentEnding(folded));
    return stripAccents(frenchStem(spelled));
  };
  return { tokens: accentedTokens, term, terms: (text) => accentedTokens(text).flatMap((token) => term(token) ?? []) };
}

/** One analyser per language the corpus is indexed in. */
export function createAnalyzers(lexicon: Lexicon, corpus: Corpus): Record<Language, Analyzer> {
  const frenchText = [...(corpus.translations.get("fr")?.values() ?? [])].flatMap((t) => t.sentences.map((s) => s.text));
  return { en: createEnglishAnalyzer(lexicon), fr: createFrenchAnalyzer(frenchSpellings(frenchText), lexicon.frenchKeptApart) };
}
