import type { Language } from "../../retrieval/index.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import type { AnswerPhrases } from "./phrases.js";

export type { AnswerPhrases } from "./phrases.js";

const PHRASES: Record<Language, AnswerPhrases> = { fr, en };

export function phrasesFor(lang: Language): AnswerPhrases {
  return PHRASES[lang];
}
