/**
 * How the bot reads what a person wrote before it asks anything: the question of a long
 * message (the story comes first, the question last) and the caption of a photo.
 */

/** Telegram's own limit for a message; a caption is shorter still. Nothing longer is read. */
export const MAX_MESSAGE_CHARS = 4096;
/** A message longer than this tells a story: its question is looked for at its end. */
const LONG_MESSAGE_CHARS = 600;
/** The most of a long message the question is taken from. */
const QUESTION_CHARS = 500;

/** The part of a message that asks: all of a short one; of a long one, its last sentences that ask, or its last sentences. */
export function questionOf(message: string): string {
  const text = message.slice(0, MAX_MESSAGE_CHARS).replace(/\s+/g, " ").trim();
  if (text.length <= LONG_MESSAGE_CHARS) return text;
  const sentences = text.split(/(?<=[.!?…])\s+/);
  const asking = sentences.filter((s) => s.includes("?"));
  const chosen: string[] = [];
  for (const sentence of (asking.length ? asking : sentences).reverse()) {
    if (chosen.length && [...chosen, sentence].join(" ").length > QUESTION_CHARS) break;
    chosen.unshift(sentence);
  }
  return chosen.join(" ").slice(-QUESTION_CHARS);
}
