import { type Concept, tokenize } from "../retrieval/index.js";

/**
 * Words by which a message points back at the one before: an opening conjunction ("et si...",
 * "and for children?") or a pronoun or demonstrative standing for something said earlier
 * ("elle a été adoptée quand ?", "c'est bloqué depuis quand ?", "that conflict"). Grammar, not
 * topics: French "il" and "y" are left out, being mostly impersonal ("il faut", "il y a").
 */
const OPENS_WITH_CONJUNCTION = /^(et|and|mais|but|ou|or|so|alors|donc|then|also|aussi)$/;
const POINTS_BACK = new Set("elle elles ils eux ca cela c ce cet cette ces celle celui ceux celles la-bas it its they them their this that these those there he she him her".split(" "));
/** "c'est quoi X ?", "c'est qui ?": the "c'" of a question of definition points at what follows, not back. */
const SUBJECT_OF_DEFINITION = new Set(["c", "ce", "ca"]);
const QUESTION_WORDS = new Set("quoi koi qui ki quel quelle quels quelles combien cb comment ou what who which".split(" "));

/**
 * Whether a message leans on the one before rather than standing alone, read from the message
 * itself: it has no topic of its own (a question word, a place, a year or a group alone), or it
 * points back and says at most two things of its own. A message with its own topic and nothing
 * pointing back ("c'est quoi la CEDEAO ?") is a new question, never merged.
 */
export function leansOnPrevious(message: string, concepts: readonly Concept[]): boolean {
  const tokens = tokenize(message);
  const topics = concepts.filter((c) => c.focus >= 1 && !c.place && !/^\p{N}+$/u.test(c.source)).length;
  if (topics === 0) return true;
  const pointsBack =
    OPENS_WITH_CONJUNCTION.test(tokens[0] ?? "") ||
    tokens.some((t, i) => POINTS_BACK.has(t) && !(SUBJECT_OF_DEFINITION.has(t) && tokens.slice(i + 1, i + 3).some((n) => QUESTION_WORDS.has(n))));
  return pointsBack && topics <= MAX_TOPICS_OF_A_FOLLOW_UP;
}

/** A message that says more than this of its own is a question of its own, whatever points back. */
const MAX_TOPICS_OF_A_FOLLOW_UP = 2;
