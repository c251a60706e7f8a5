import { isLightWord, isStopword } from "./analyzer.js";
import { tokenize } from "./lexicon.js";
import type { Concept } from "./query.js";

// How a message leans on what came before it: the grammar by which "et si je pars sans payer ?"
// reads with the message before it, and "is that true?" with the story told before it.

/**
 * Words by which a message points back at the one before: an opening conjunction ("et si...",
 * "and for children?", "what about...") or a pronoun or demonstrative standing for something said
 * earlier ("elle a été adoptée quand ?", "c'est bloqué depuis quand ?", "that conflict", "ya cb
 * d'argent dedans ?", Pidgin "am", "dem", "lequel ?" of what was listed before), or "the same"
 * ("le même chiffre pour 2012 ?").
 * Grammar, not topics.
 */
const OPENING = /^(et|and|mais|but|or|so|alors|donc|then|also|aussi|what about|how about|par contre)\b/;
const POINTS_BACK = new Set(
  ("il elle elles ils eux lui leur ca cela c ce cet cette ces celle celui ceux celles " +
    "it its they them their this that these those there he she him her am im dem una e meme memes same dedans dessus lequel laquelle lesquels lesquelles").split(" "),
);
const SAME = new Set(["meme", "memes", "same"]);
const COMPARED_WITH = new Set(["que", "qu", "as"]);
/**
 * "c'est quoi X ?", "qu'est-ce que X ?": the "ce" of a question of definition points at what
 * follows, not back; "ça coûte combien ?", "c'est où ?" ask about something said before.
 */
const SUBJECT_OF_DEFINITION = new Set(["c", "ce", "ca"]);
const DEFINING_WORDS = new Set("quoi koi qui ki quel quelle quels quelles que what who which".split(" "));
/**
 * "ça" defines only with the question word straight after it, or after "c'est" ("ça c'est
 * quoi ?"): in "ça représente quoi pour l'économie ?" it stands for what was said before.
 */
function definesWhatFollows(subject: string, next: readonly string[]): boolean {
  if (subject !== "ca") return next.some((n) => DEFINING_WORDS.has(n));
  return DEFINING_WORDS.has(next[0] ?? "") || (next[0] === "c" && next[1] === "est");
}
/**
 * French "il" is mostly impersonal in "il faut", "il y a", "il existe": those do not point back.
 * Left out of the list: "y" and "en" (mostly "il y a" and the preposition "en Tunisie"), and
 * "ou" ("or", but typed for "où", where).
 */
const IMPERSONAL_AFTER = new Set(["faut", "existe", "ya"]);
/** French object pronouns after a subject ("on la dépose où ?", "je les appelle comment ?") stand for something said before; elsewhere "la", "le", "les" are articles. */
const OBJECT_PRONOUNS = new Set(["la", "le", "les", "l"]);
const SUBJECT_PRONOUNS = new Set(["je", "j", "tu", "on"]); // not "nous", "vous": "nous les migrants, ..."
/**
 * French "en" standing for something said before ("qui en sont les auteurs ?", "il y en a
 * combien ?", "on en parle ?"): after a subject or question word, before a verb; elsewhere it is
 * the preposition ("en Tunisie", "qui en 2013 ...").
 */
const BEFORE_EN = new Set("qui que qu combien cb cmb on il ils elle elles je j tu nous vous y ne n".split(" "));
const VERB_AFTER_EN = new Set(
  "sont est a ont ai as avons avez avait avaient etait etaient sera seront faut reste restent restait parle parlent sait sais savez connait connais compte comptent existe existent veut veulent peut peuvent fait font donne donnent ya".split(" "),
);
/** "il y a", "il y avait": impersonal; "peut-il y séjourner ?" points back. */
const THERE_IS = new Set(["a", "avait", "aura", "aurait", "ait"]);
/**
 * A message that says more than this of its own is a question of its own, whatever points back
 * (one more after an opening conjunction). Tried (2026-12-06): four or five topics when a word
 * can only point back ("it", "those", "cette", not a possessive or a dummy "is it true"): on
 * the fresh tuning dialogues 66 -> 70 of 81 follow-ups read with the message before, English
 * facts 0.56 -> 0.61; on the unseen dialogues one new topic of 14 merged and fresh English
 * abstention 0.63 -> 0.60. Not kept. Kept instead: such a message is read with the message
 * before when alone it is declined (`pointsBackInWords`, used by the answerer).
 */
const MAX_TOPICS_OF_A_FOLLOW_UP = 3;

// A clause that asks by its words: a question word (as typed too: "koi", "cb", "ya une aide ..."), or a modal of permission or need.
const ASKING = /\b(quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|comment|pourquoi|combien|koi|kel|kelle|kels|kelles|cb|cmb|cbien|pk|pq|ya (un|une|des|du|quelqu\w*)|y a t il|est ce|peux|peut|peuvent|pouvez|pouvons|puis|dois|doit|doivent|devons|faut|possible|droit|existe|what|how|why|can|could|may|must|should|is there|are there|do i|does|is it|will|would|wetin|watin|c est qui|c qui|c ki|c est quand|c quand|c est ou)\b/;
/**
 * Question words that are as often relative pronouns ("un visa qui a expiré", "the office where
 * I work"): they ask only near the start of a clause ("et qui peut m'aider", "so where do I go").
 */
const ASKING_AT_START = /^(\S+ ){0,2}(qui|ki|quand|kan|kand|ou|who|which|when|where)\b|\b(vers|par|d) ou$/;

/**
 * A question by its word order: an English auxiliary opening the clause ("were refugees allowed
 * to work", "did Mali ratify ..."; not later: "we were many") or a French inverted subject
 * ("la Tunisie a-t-elle signé ...", "le Niger est-il membre ..."). Only to tell a message that
 * asks from one that only tells: read as an asking clause inside a longer message as well, it
 * made a tuning question's first part ask at full weight (fresh tune English facts 0.74 -> 0.72).
 */
const ASKING_BY_ORDER = /^((abeg|please|so|and|but|or) )?(did|do|is|are|was|were|has|have|had)\b|\b(t (il|elle|ils|elles|on)|(est|sont|ont|etait|etaient|avait|avaient|existe) (il|elle|ils|elles))\b/;

/** Whether a clause's tokens ask something (a question mark aside). */
export function asks(tokens: readonly string[]): boolean {
  const text = tokens.join(" ");
  return ASKING.test(text) || ASKING_AT_START.test(text);
}

/**
 * Whether a message is a question sent after one that only told the asker's situation ("je suis
 * à Tunis, mon visa a fini depuis 2 mois", no clause of it asking): the two are read as one
 * message telling a story then asking, unless the question changes the subject.
 */
export function followsAStory(message: string, previousMessage: string): boolean {
  return asksNothing(previousMessage) && topicChangeIn(wordsOf(message)) === 0;
}

/** Whether a message only tells something ("je suis camerounais à Tunis"): no question mark, no clause that asks. */
export function asksNothing(message: string): boolean {
  return !message.includes("?") && !(message.match(/[^,.;:!\n]+/g) ?? []).some((clause) => asks(tokenize(clause)) || ASKING_BY_ORDER.test(tokenize(clause).join(" ")));
}

/** "What is X?", "c'est quoi X ?", "wetin be X?": a question of definition names its own topic. */
const DEFINITION = /^((abeg|please|pls|svp|stp|bonjour|bjr|salut|slt|hello|hi) )?(c est quoi|c koi|c quoi|cest quoi|qu est ce que|qu est ce qu|que veut dire|que signifie|what is|what s|whats|what are|what does \w+ (stand for|mean)$|wetin be|who is|who are|c est qui|c ki|ki est)\b/;
/**
 * The words by which a question asks what a name says rather than what it is about ("le sigle
 * CIGEM signifie quoi", "the acronym CMP"): the reports never use them, so they are no topic
 * either (message-reading.ts).
 */
export const NAME_FORM_WORDS: ReadonlySet<string> = new Set("sigle sigles acronyme acronymes abreviation abreviations acronym acronyms abbreviation abbreviations signifie signifient signification".split(" "));
/** "MGI stands for what?", "PONAM ça veut dire quoi ?", "le sigle CIGEM signifie quoi", "the full name of PONAM": what a name stands for, asked anywhere in the message. */
const SPELLING_OUT = new RegExp(String.raw`\b(stands? for|veut dire|veulent dire|full name|nom complet|a quoi correspond|${[...NAME_FORM_WORDS].join("|")})\b`);
/** Whether a message asks what something is ("c'est quoi la CEDEAO ?", "what is ECOWAS?", "que veut dire PONAM ?"). */
export function asksDefinition(message: string): boolean {
  const words = wordsOf(message).join(" ");
  return DEFINITION.test(words) || SPELLING_OUT.test(words);
}

/**
 * "what happens if I leave?", "wetin go happen", "que se passe-t-il si ...": a question of what
 * follows (after a story, what follows from it), not of a date when it goes on "quand ...". A
 * pattern over padded tokens, shared with the answer stage's reading of what is asked.
 */
export const CONSEQUENCE = / (what happens|what will happen|what would happen|what go happen|wetin go happen|wetin fit happen|que se passe t il|qu est ce qui se passe|qu est ce qu il se passe|il se passe quoi|ca se passe comment) /;
/** A comparison ("plus" not after a "ne": "il ne me paie plus" compares nothing), and the words that name what it compares with. */
const COMPARATIVE = / (more|less|fewer|higher|lower|moins) |^(?!.* (ne|n) ).* plus /;
const COMPARED_TO = / (than|que|qu|compared|compare|comparison) /;
/** A message this short ("Since when?", "how many percent?") cannot stand alone. */
const BARE_WORDS = 3;
/** A message this short with one topic of its own ("for how many languages?", "combien ont été rapatriés ?") is a question word and little else. */
const SHORT_WORDS = 5;

/**
 * Words by which a message says it changes the subject: it never leans on what came before.
 * Discourse markers, a closed class in each language ("rien à voir", "autre chose", "by the way",
 * "on a separate point", "separately"), not topics.
 */
const TOPIC_CHANGE = new RegExp(
  "^(" +
    [
      "rien a voir|rien avoir|autre chose|une autre chose|autre question|une autre question|encore une question|question a part|par ailleurs|au fait",
      "changement de sujet|autre sujet|sur un autre sujet|un autre sujet|autre point|sur un autre point|nouvelle question|d autre part",
      "another question|a different question|different question|other question|new question|something else|another thing|one more thing|one other thing",
      "unrelated|by the way|btw|on another note|on a different note|on a separate note|on another point|on a separate point|on a different point",
      "on another subject|on a different subject|different subject|another subject|different topic|another topic|new topic|changing the subject|changing topic|separately",
    ].join("|") +
    ")\\b",
);

/** Greetings, accent-free as typed ("bjr", "salam aleykoum", "good evening"). */
export const GREETING_WORDS: ReadonlySet<string> = new Set("bonjour bonsoir salut slt bjr coucou cc hello hi hey yo salam salaam aleykoum alaykoum alaikum assalamu good morning evening afternoon day".split(" "));
/** Polite and filler words that go with a greeting or thanks ("bonjour à tous", "hello sir", "ça va"). */
export const POLITE_WORDS: ReadonlySet<string> = new Set("svp stp please s il vous te plait plais bien tout le monde madame monsieur frere soeur ami amis a toi vous ca va sir madam".split(" "));

/** A clause that only greets ("Good evening.", "bonjour à tous,"): it says nothing of what is asked. */
export function onlyGreets(tokens: readonly string[]): boolean {
  return tokens.some((t) => GREETING_WORDS.has(t)) && tokens.every((t) => GREETING_WORDS.has(t) || POLITE_WORDS.has(t));
}

/** Greeting words that never open a greeting on their own: "day laborers", "good jobs?". */
const NOT_OPENING_GREETING: ReadonlySet<string> = new Set(["good", "morning", "evening", "afternoon", "day"]);

/**
 * How many of a clause's first tokens greet before it says anything ("salut je suis guinéen à
 * Bamako", "hello good morning i am..."); 0 when none do, or when the clause only greets.
 */
export function leadingGreeting(tokens: readonly string[]): number {
  let n = 0;
  while (n < tokens.length && GREETING_WORDS.has(tokens[n]!)) n++;
  const opens = n > 0 && !NOT_OPENING_GREETING.has(tokens[0]!) && tokens[n - 1] !== "good";
  return opens && n < tokens.length ? n : 0;
}

/** How many of a message's first tokens say it changes the subject ("rien à voir", "by the way"); 0 when none do. */
export function topicChangeIn(tokens: readonly string[]): number {
  const change = TOPIC_CHANGE.exec(tokens.join(" "));
  return change ? change[0].split(" ").length : 0;
}

/**
 * Prepositions and quantifiers the stop words keep (they weigh a little in retrieval): "Were
 * men among those...?" has two topics, not three.
 */
const RELATIONAL = new Set("among amongst within across during through per every other another own such both more most less only even parmi pendant chaque autre autres".split(" "));

/** A pronoun ("e", "dem"), a light verb ("go", "faire"), a preposition ("among"), a stop word or a number is not a topic of the message's own. */
export function isTopicWord(word: string): boolean {
  return !isStopword(word) && !POINTS_BACK.has(word) && !isLightWord(word) && !RELATIONAL.has(word) && !/^\p{N}+$/u.test(word);
}

/**
 * "how many came back?", "How many were unsure of the timing?": a count whose noun is left out,
 * a verb straight after "how many", counts something said before.
 */
const COUNT_OF_WHAT_WAS_SAID = /\bhow many (were|are|was|is|did|do|does|have|has|had|will|would|can|could|came|come|went|go|got|get)\b/;

/**
 * "What was the proportion among men?", "le pourcentage chez les femmes ?": a figure named with
 * its article but not what it is of is a figure said before.
 */
const FIGURE_OF_WHAT_WAS_SAID = /\b(the|le|la|l) (proportion|share|percentage|number|figure|rate|pourcentage|part|chiffre|nombre|taux)\b(?! (of|de|d|des|du|total|number|figure|share|rate)\b)/;

function pointsBack(tokens: readonly string[]): boolean {
  const text = tokens.join(" ");
  if (COUNT_OF_WHAT_WAS_SAID.test(text) || FIGURE_OF_WHAT_WAS_SAID.test(text)) return true;
  return tokens.some((t, i) => {
    if (t === "bas" && tokens[i - 1] === "la") return true; // "là-bas", there
    if (OBJECT_PRONOUNS.has(t) && SUBJECT_PRONOUNS.has(tokens[i - 1] ?? "")) return true; // "on la dépose où ?"
    if (t === "en" && BEFORE_EN.has(tokens[i - 1] ?? "") && VERB_AFTER_EN.has(tokens[i + 1] ?? "")) return true; // "qui en sont les auteurs ?"
    if (!POINTS_BACK.has(t)) return false;
    // "les mêmes droits que les Maliens", "the same rights as nationals": compared within the message.
    if (SAME.has(t)) return !tokens.slice(i + 1).some((n) => COMPARED_WITH.has(n));
    const next = tokens.slice(i + 1, i + 3);
    if (SUBJECT_OF_DEFINITION.has(t) && definesWhatFollows(t, next)) return false;
    if (t !== "il") return true;
    return !(IMPERSONAL_AFTER.has(next[0] ?? "") || (next[0] === "y" && THERE_IS.has(next[1] ?? "")));
  });
}

/**
 * "dans quelle région ?", "which country?", "en quelle année ?": the noun after a question word
 * names the kind of thing asked (a place, a time), not a topic; what it is asked of was said before.
 */
const WHICH_WORDS = new Set("quel quelle quels quelles kel kelle kels kelles which what".split(" "));
const KIND_NOUNS = new Set(
  ("region regions pays country countries ville villes city cities town towns quartier quartiers neighbourhood neighbourhoods neighborhood neighborhoods " +
    "zone zones endroit endroits area areas coin coins annee annees year years mois month months periode period date nationalite nationalites nationality nationalities").split(" "),
);

/** How many of a message's words are a kind noun after a question word ("quelle région"). */
function kindsAskedIn(tokens: readonly string[]): number {
  return tokens.filter((t, i) => KIND_NOUNS.has(t) && WHICH_WORDS.has(tokens[i - 1] ?? "")).length;
}

/**
 * Whether a message (or the part of one that asks) leans on what came before it (an earlier
 * message, or the story told before the question) rather than standing alone, read from its
 * words and how many topics of its own it has: none (a question word, a place, a year or a
 * group alone), it is bare ("Since when?") or short with one topic ("in how many regions?"), or
 * it opens with a conjunction or points back and says at most three things of its own (four
 * after a conjunction). A question of definition ("c'est quoi la CEDEAO ?") or one with its own
 * topics and nothing pointing back stands alone.
 */
export function leansOnWhatCameBefore(tokens: readonly string[], ownTopics: number): boolean {
  if (topicChangeIn(tokens) > 0) return false;
  const topics = Math.max(0, ownTopics - kindsAskedIn(tokens));
  if (topics === 0) return true;
  const defined = definedPointsBack(tokens);
  if (defined !== undefined) return defined;
  if (tokens.length <= BARE_WORDS || (topics === 1 && tokens.length <= SHORT_WORDS)) return true;
  const said = tokens.join(" ");
  const padded = ` ${said} `;
  if (OPENING.test(said)) return topics <= MAX_TOPICS_OF_A_FOLLOW_UP + 1;
  // "were women more affected?", "et c'est plus cher ?": a comparison whose other term ("than...") was the message before.
  if (tokens.length <= SHORT_WORDS + 1 && topics <= 2 && COMPARATIVE.test(padded) && !COMPARED_TO.test(padded)) return true;
  // "what happens if I don't pay?": what follows from what was said before, with one topic of its own at most.
  if (CONSEQUENCE.test(padded) && topics <= 1) return true;
  return pointsBack(tokens) && topics <= MAX_TOPICS_OF_A_FOLLOW_UP;
}

/**
 * For a question of definition, whether what it defines is something said before ("What is its
 * objective?", "c'est quoi leur but ?", "what are the risks there?"); undefined for any other message.
 */
function definedPointsBack(tokens: readonly string[]): boolean | undefined {
  const text = tokens.join(" ");
  const defined = DEFINITION.exec(text);
  return defined ? pointsBack(text.slice(defined[0].length).trim().split(" ")) : undefined;
}

/**
 * Whether a message's grammar points back at what came before (an opening conjunction, a
 * pronoun, "the same"), however many topics of its own it has: "Does it address migrants
 * coming into Mali from other countries?" says four things of its own, yet "it" is the message
 * before's topic. A change of subject or a question of definition that points nowhere does not.
 */
export function pointsBackInWords(message: string): boolean {
  const tokens = wordsOf(message);
  if (topicChangeIn(tokens) > 0) return false;
  return definedPointsBack(tokens) ?? (OPENING.test(tokens.join(" ")) || pointsBack(tokens));
}

/** Whether a message has a word standing for something said before ("ils vivent où ?", "c'est bloqué depuis quand ?"), not only an opening "et". */
export function pointsBackByPronoun(message: string): boolean {
  return pointsBack(wordsOf(message));
}

/**
 * Whether a message leans on the one before, its topics being its concepts asked with full
 * focus that are not places and hold a topic word: "et si je pars sans payer ?" does, "c'est
 * quoi la CEDEAO ?" is a new question, never merged.
 */
export function leansOnPrevious(message: string, concepts: readonly Concept[]): boolean {
  const topics = concepts.filter((c) => c.focus >= 1 && !c.place && c.source.split(" ").some(isTopicWord)).length;
  return leansOnWhatCameBefore(wordsOf(message), topics);
}

/** "cest", "cetait": "c'est" typed without its apostrophe, whose "c" points back as "c'est" does ("cest cher le loyer ?"). */
const GLUED_CEST = /^c(est|etait|etaient|ete)$/;

/** A message's words as the grammar above reads them. */
function wordsOf(message: string): string[] {
  return tokenize(message).flatMap((t) => {
    const glued = GLUED_CEST.exec(t);
    return glued ? ["c", glued[1]!] : [t];
  });
}
