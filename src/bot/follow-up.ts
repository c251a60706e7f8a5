import { tokenize } from "../retrieval/index.js";
import type { Turn } from "./conversation.js";

/** A follow-up is short: a longer message stands on its own. */
const FOLLOW_UP_TOKENS = 10;
// How a follow-up opens: "et si ...", "and for children?", "combien ?", "pourquoi ?".
const OPENS_FOLLOW_UP = /^(et|and|mais|but|ou|or|what about|how about|same for|meme chose|pareil|pour les|pour le|pour la|pour un|pour une|dans ce cas|in that case|alors|so|then|combien|how much|how many|pourquoi|why|quand|when|c est ou|where|ou ca|et apres)\b/;

/** Whether a message reads as a follow-up of the previous question rather than a question of its own. */
export function isFollowUp(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.length <= FOLLOW_UP_TOKENS && OPENS_FOLLOW_UP.test(tokens.join(" "));
}

/**
 * The question a follow-up asks, read with the previous one: the previous question and the
 * follow-up together, the follow-up's places replacing the previous ones ("et au Mali ?").
 */
export function withPrevious(followUp: string, previous: Turn, placesIn: (text: string) => string[]): string {
  const newPlaces = placesIn(followUp);
  if (newPlaces.length === 0) return `${previous.question} ${followUp}`;
  const kept = previous.question
    .split(/\s+/)
    .filter((word) => placesIn(word).length === 0)
    .join(" ");
  return `${kept} ${followUp}`;
}
