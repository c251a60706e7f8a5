import { stemmer } from "stemmer";
import { type Lexicon, tokenize } from "./lexicon.js";

// Words that carry no topic, in both languages; questions are short, so the lists stay small.
const ENGLISH_STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from as into about over after before between " +
    "is are was were be been being am do does did have has had having can could may might must shall should will would " +
    "i me my we our you your he him his she her it its they them their this that these those there here " +
    "what which who whom whose when where why how not no yes so than then too very just also any some all each " +
    "many much get got im ive dont cant without please").split(" "),
);
const FRENCH_STOPWORDS = new Set(
  ("le la les l un une des du de d et ou mais si a au aux en dans sur sous par pour avec sans chez vers " +
    "ce cet cette ces c ca cela ceci qui que qu quoi quel quelle quels quelles lequel laquelle dont " +
    "je j me m moi tu te t toi il elle on nous vous ils elles se s lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos " +
    "est sont suis es etes sommes etait ete etre ai as avons avez ont avait avoir fait faire peut peux puis pouvons pouvez peuvent " +
    "dois doit devons devez doivent veux veut voudrais " +
    "ne pas plus moins tres trop bien tout tous toute toutes jai jsuis chui stp svp slt bonjour merci " +
    "comment pourquoi quand y pendant contre entre depuis apres avant selon encore deja aussi alors donc car comme lorsque " +
    "puisque tant ici " +
    // Verbs that frame a question rather than say what it is about.
    "donne donner donnent compte comptent trouver trouve aller va vont savoir sais sait dire dit existe existent " +
    "prendre mettre connaitre connais veux voulais voudrais peut-on quoi c koi kesk keske svp stp").split(" "),
);

export function isStopword(token: string): boolean {
  return ENGLISH_STOPWORDS.has(token) || FRENCH_STOPWORDS.has(token);
}

/**
 * The English analyser shared by the index and the queries: stop words out, a people indexed
 * as its country, British spelling for -ize words, -ly adverbs as their adjective, Porter stems.
 */
export interface Analyzer {
  /** The index term for one token, or null for a stop word. */
  term(token: string): string | null;
  /** All index terms of a text, in order. */
  terms(text: string): string[];
}

export function createAnalyzer(lexicon: Lexicon): Analyzer {
  const term = (token: string): string | null => {
    if (isStopword(token)) return null;
    if (/^\p{N}/u.test(token)) return token;
    let word = lexicon.conflations.get(token) ?? token;
    if (word.length > 5) word = word.replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1");
    if (word.length > 6 && /[^bp]ly$/.test(word)) word = word.slice(0, -2);
    return stemmer(word);
  };
  return {
    term,
    terms: (text) => tokenize(text).flatMap((token) => term(token) ?? []),
  };
}
