/** Words as people type them: SMS spellings, glued elisions and units, "k" for "qu", near misspellings. */
import { isStopword } from "./analyzer.js";
import type { Language } from "./language.js";
import type { Lexicon } from "./lexicon.js";
import type { QueryContext } from "./query-context.js";

/** Elided articles and pronouns that people glue to the next word ("letat", "largent", "quil"). */
const GLUED_ELISION = /^(qu|l|d|j|s|n|m|t|c)([aeiouyh].+)$/;
/** "je" shortened to "j" before a consonant, in texting ("jfais", "jrisque", "jpense"). */
const GLUED_JE = /^j([bcdfgjklmnpqrstvwxz][a-z]{2,})$/;

/** A number glued to its unit, as texted ("1an", "3mois", "2weeks"): two words. */
const GLUED_NUMBER = /^(\d+)(an|ans|mois|jour|jours|semaine|semaines|year|years|month|months|week|weeks|day|days)$/;

/** A token as the words it stands for: an SMS spelling spelled out, a number glued to its unit split; in French, a glued elision or "je" cut off ("down" stays whole). */
export function spellOut(token: string, lang: Language, context: QueryContext): string[] {
  const sms = context.lexicon.sms.get(token);
  if (sms) return sms;
  const numbered = GLUED_NUMBER.exec(token);
  if (numbered) return [numbered[1]!, numbered[2]!];
  if (lang !== "fr" || isKnown(token, context)) return [token];
  const glued = GLUED_ELISION.exec(token);
  if (glued && (glued[2]!.length >= 3 || isStopword(glued[2]!)) && isKnown(glued[2]!, context)) return [glued[1]!, glued[2]!];
  const je = GLUED_JE.exec(token);
  if (je && isKnown(je[1]!, context)) return ["je", je[1]!];
  const spelled = token.replace(TEXTED_QU, "qu").replace(TEXTED_QUE, "que");
  if (spelled !== token && spelled.length >= MIN_SPELLED_OUT && isKnown(spelled, context)) return [spelled];
  return [token];
}

/**
 * "qu" texted as "k" ("kartier", "kestion", "bloké", "pratike") and a final "que" as "k"
 * ("afrik"): the word is read as spelled out when that one is known.
 */
const TEXTED_QU = /k(?=[aeiouyéè])/g;
const TEXTED_QUE = /k$/;
/** The shortest word read so ("kartier" and "bloké" are; the short ones, "ke", "koi", are in the lexicon's SMS map). */
const MIN_SPELLED_OUT = 5;

/** A word the lexicon lists, a stop word, or one whose index term the reports (or their translation) use. */
export function isKnown(token: string, context: QueryContext): boolean {
  if (context.lexicon.french.has(token) || isStopword(token)) return true;
  const en = context.analyzers.en.term(token);
  const fr = context.analyzers.fr.term(token);
  return (en !== null && context.vocabularies.en.has(en)) || (fr !== null && context.vocabularies.fr.has(fr));
}

/** A French form within one edit (two for long words) of a misspelled token. */
export function nearestFrenchForm(token: string, lexicon: Lexicon): { form: string; english: string[] } | undefined {
  if (token.length < 5) return undefined;
  const budget = token.length >= 8 ? 2 : 1;
  let best: { form: string; distance: number } | undefined;
  for (const form of lexicon.frenchWordsByInitial.get(token[0]!) ?? []) {
    if (Math.abs(form.length - token.length) > budget) continue;
    const distance = editDistance(token, form, budget);
    if (distance <= budget && (!best || distance < best.distance)) best = { form, distance };
  }
  return best && { form: best.form, english: lexicon.french.get(best.form)! };
}

/** Damerau-Levenshtein distance (optimal string alignment); stops early once above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  // Three rows (two back, for transpositions), reused: this runs for every unknown word against every form.
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
