import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseJsonLines } from "../data-file.js";
import type { TranslatedLanguage } from "./languages.js";
import type { Passage } from "./schema.js";
import { foldSpace, passageSentences, passageSentenceTexts } from "./sentences.js";

/**
 * One line of corpus/translations/<lang>.jsonl: a passage sentence by sentence, each English
 * sentence beside its translation under the language's own key (`fr` in fr.jsonl).
 */
function translationLineSchema(lang: TranslatedLanguage) {
  return z.object({
    passageId: z.string().min(1),
    sentences: z.array(z.object({ en: z.string().min(1), [lang]: z.string().min(1) })).min(1),
    /** false for a machine draft no person has read yet: the bot says so beside it. */
    reviewed: z.boolean(),
  });
}

/** A passage's translation, whatever the language: `text` is the translated sentence. */
export interface Translation {
  passageId: string;
  sentences: Array<{ en: string; text: string }>;
  reviewed: boolean;
}

/** The line as written to the file (the language's key back in place). */
export function translationLine(lang: TranslatedLanguage, t: Translation): string {
  return JSON.stringify({ passageId: t.passageId, sentences: t.sentences.map((s) => ({ en: s.en, [lang]: s.text })), reviewed: t.reviewed });
}

export interface TranslationProblem {
  passageId: string;
  problem: string;
}

/** Passages that get a translation: everything but bibliographies, which are never quoted. */
export function needsTranslation(passage: Passage): boolean {
  return passage.kind !== "reference";
}

/**
 * What is wrong with a set of translations, passage by passage: a passage with none, `en`
 * sentences that do not rebuild the passage or are cut otherwise than the answerer cuts it, a
 * number of the English missing from the translation. `only` limits the check to some
 * passages (a translator's share).
 */
export function checkTranslations(
  lang: TranslatedLanguage,
  passages: readonly Passage[],
  translations: readonly Translation[],
  only?: (p: Passage) => boolean,
): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const byId = new Map<string, Translation>();
  for (const t of translations) {
    if (byId.has(t.passageId)) problems.push({ passageId: t.passageId, problem: "is translated twice" });
    byId.set(t.passageId, t);
    const passage = passageById.get(t.passageId);
    if (!passage) problems.push({ passageId: t.passageId, problem: "is not a passage of corpus/passages.jsonl" });
    else if (!needsTranslation(passage)) problems.push({ passageId: t.passageId, problem: "is a bibliography, which is not translated" });
  }
  for (const passage of passages) {
    if (!needsTranslation(passage) || (only && !only(passage))) continue;
    const t = byId.get(passage.id);
    if (!t) {
      problems.push({ passageId: passage.id, problem: "has no translation" });
      continue;
    }
    const english = t.sentences.map((s) => s.en);
    const rebuilt = foldSpace(english.join(" "));
    if (rebuilt !== foldSpace(passage.text)) {
      problems.push({ passageId: passage.id, problem: `its "en" sentences do not rebuild the passage (they differ from character ${firstDifference(rebuilt, foldSpace(passage.text))})` });
    } else if (english.join("\n") !== passageSentenceTexts(passage).join("\n")) {
      // Answers quote sentence by sentence: the translation must line up with the sentences the answerer cuts.
      problems.push({ passageId: passage.id, problem: `its "en" sentences are cut otherwise than the passage's sentences (src/corpus/sentences.ts): re-cut them` });
    }
    t.sentences.forEach((s, i) => {
      const missing = missingNumbers(s.en, s.text, lang);
      if (missing.length) problems.push({ passageId: passage.id, problem: `sentence ${i + 1}: the translation lacks ${missing.join(", ")}` });
    });
  }
  return problems;
}

/** A passage's sentences with empty translations: a translator's blank. */
export function translationBlank(passage: Passage): Translation {
  return { passageId: passage.id, sentences: passageSentenceTexts(passage).map((en) => ({ en, text: "" })), reviewed: false };
}

/**
 * Thousands separators: English groups digits with commas, French with spaces; a space in
 * English separates two numbers (table cells), so it is not one. Either may group with points
 * ("10.000", from reports written by French speakers), but "0.083" is a decimal.
 */
const THOUSANDS: Record<"en" | TranslatedLanguage, RegExp> = {
  en: /(\d),(?=\d{3}(?!\d))/g,
  fr: /(\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g,
};
const POINT_GROUPED = /(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(?![\d,])/g;

/**
 * The numbers of a text, written one way: thousands separators dropped (1,013,760 and
 * 1 013 760 are both 1013760) and the decimal mark made a point (2.5 and 2,5 are both 2.5).
 */
export function numbersIn(text: string, lang: "en" | TranslatedLanguage): string[] {
  let normal = text.replace(POINT_GROUPED, (_, head: string, groups: string) => head + groups.replaceAll(".", ""));
  // Until stable: "1,013,760" holds two separators that overlap the same lookahead.
  for (let previous = ""; previous !== normal; ) {
    previous = normal;
    normal = normal.replace(THOUSANDS[lang], "$1");
  }
  normal = normal.replace(/(\d)[.,](\d)/g, "$1.$2");
  return normal.match(/\d+(?:\.\d+)?/g) ?? [];
}

/** Numbers of the English the translation does not say (a number said twice must be said twice). */
export function missingNumbers(en: string, translated: string, lang: TranslatedLanguage): string[] {
  const available = new Map<string, number>();
  for (const n of numbersIn(translated, lang)) available.set(n, (available.get(n) ?? 0) + 1);
  const missing: string[] = [];
  for (const n of numbersIn(en, "en")) {
    const left = available.get(n) ?? 0;
    if (left > 0) available.set(n, left - 1);
    else missing.push(n);
  }
  return missing;
}

/** Parses a translation file's lines; a line that cannot be read is named, the others kept. */
export function parseTranslations(text: string, lang: TranslatedLanguage, where: string): { translations: Translation[]; errors: string[] } {
  const schema = translationLineSchema(lang);
  const { records, errors } = parseJsonLines(text, schema, where);
  const translations: Translation[] = records.map((record) => ({
    passageId: record.passageId,
    sentences: record.sentences.map((s) => ({ en: s.en, text: String((s as Record<string, unknown>)[lang]) })),
    reviewed: record.reviewed,
  }));
  return { translations, errors };
}

export function readTranslationFile(path: string, lang: TranslatedLanguage): { translations: Translation[]; errors: string[] } {
  return parseTranslations(readFileSync(path, "utf8"), lang, path);
}

/** A sentence of a passage in the reports' words, and its translations. */
export interface AlignedSentence {
  /** Offsets into the passage text. */
  start: number;
  end: number;
  /** The report's words, white space folded. */
  text: string;
  translations: Partial<Record<TranslatedLanguage, { text: string; reviewed: boolean }>>;
}

/** A passage's sentences with their translations (checked beforehand to line up one to one). */
export function alignSentences(passage: Passage, translations: ReadonlyMap<TranslatedLanguage, ReadonlyMap<string, Translation>>): AlignedSentence[] {
  return passageSentences(passage).map((span, i) => {
    const aligned: AlignedSentence = { start: span.start, end: span.end, text: foldSpace(passage.text.slice(span.start, span.end)), translations: {} };
    for (const [lang, byId] of translations) {
      const t = byId.get(passage.id);
      const sentence = t?.sentences[i];
      if (t && sentence) aligned.translations[lang] = { text: sentence.text, reviewed: t.reviewed };
    }
    return aligned;
  });
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1;
}
