/**
 * npm run lexicon:gaps [-- --lang fr|en] [--top N]
 * Where the lexicon falls short, read from the question bank (never from an evaluation set): the
 * words of the bank's questions that the query analyser does not know, and, for French, the
 * words it finds only through the French translation (no English term the reports use), most
 * frequent first. Each is a candidate line for src/retrieval/lexicon.fr-en.json, to be checked
 * against the reports before it is added.
 */
import { weighConcepts } from "../answer/index.js";
import { type BankLine, bankQuestionsOf, type Language, LANGUAGES, REPORT_LANGUAGE } from "../corpus/index.js";
import type { PassageRetriever } from "../retrieval/index.js";
import { isEntryPoint, oneOf, printHelp, readCommandLine, runCommand, wholeNumber } from "./args.js";
import { openRetrieverForCli } from "./open.js";

export const LEXICON_GAPS = {
  usage: "npm run lexicon:gaps --",
  summary: [
    "Lists the words of the question bank's questions that the query analyser does not know, and the French words it finds only",
    "through the French translation, most frequent first: candidate lines for the lexicon (src/retrieval/lexicon.fr-en.json).",
  ].join("\n"),
  flags: {
    lang: { type: "string", value: LANGUAGES.join("|"), description: "the bank questions read", default: "fr" },
    top: { type: "string", value: "N", description: "words listed per kind of gap", default: "100" },
  },
} as const;

/** A word of the questions and how many questions use it. */
export type WordCount = [word: string, questions: number];

export interface LexiconGaps {
  /** Words the analyser does not know at all. */
  unknown: WordCount[];
  /** Words of a question not in the reports' language found only in the translation (no English term of the reports). */
  translationOnly: WordCount[];
}

/** The gaps the questions of one language show, most frequent first. */
export async function lexiconGaps(questions: readonly string[], lang: Language, retriever: PassageRetriever): Promise<LexiconGaps> {
  const unknown = new Map<string, number>();
  const translationOnly = new Map<string, number>();
  for (const question of questions) {
    const retrieval = await retriever.retrieve(question, { k: 1, lang });
    for (const weighed of weighConcepts(retrieval.concepts, retrieval.searched, retriever)) {
      const word = weighed.concept.source;
      if (weighed.unknown) unknown.set(word, (unknown.get(word) ?? 0) + 1);
      else if (lang !== REPORT_LANGUAGE && ![...weighed.concept.terms[REPORT_LANGUAGE].keys()].some((t) => retriever.knows(t, REPORT_LANGUAGE))) {
        translationOnly.set(word, (translationOnly.get(word) ?? 0) + 1);
      }
    }
  }
  const ranked = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { unknown: ranked(unknown), translationOnly: ranked(translationOnly) };
}

/** The bank's questions in one language. */
export function bankQuestionTexts(lines: readonly BankLine[], lang: Language): string[] {
  return bankQuestionsOf(lines).filter((q) => q.lang === lang).map((q) => q.text);
}

export async function runLexiconGaps(argv: string[]): Promise<number | void> {
  const line = readCommandLine(LEXICON_GAPS, argv);
  if (line.help) return printHelp(LEXICON_GAPS);
  const lang = oneOf(line.values.lang, LANGUAGES, "--lang");
  const top = wholeNumber(line.values.top, "--top");
  const retriever = await openRetrieverForCli({ dense: false });
  const questions = bankQuestionTexts(retriever.corpus.bank?.lines ?? [], lang);
  const gaps = await lexiconGaps(questions, lang, retriever);
  const show = (counts: WordCount[]) => counts.slice(0, top).map(([word, n]) => `${word}:${n}`).join(" ") || "(none)";
  console.log(`${questions.length} ${lang} questions of the bank.`);
  console.log(`\nWords the analyser does not know:\n${show(gaps.unknown)}`);
  if (lang !== REPORT_LANGUAGE) console.log(`\nWords found only through the translation:\n${show(gaps.translationOnly)}`);
}

if (isEntryPoint(import.meta.url)) runCommand("lexicon:gaps", () => runLexiconGaps(process.argv.slice(2)));
