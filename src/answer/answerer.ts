import { type Corpus, DEFAULT_LANGUAGE, sentenceKey } from "../corpus/index.js";
import { HelpDirectory } from "../help/index.js";
import { followsAStory, type Language, leansOnPrevious, type PassageRetriever, pointsBackInWords, type Retrieval, type RetrieveOptions, type RetrieverKind } from "../retrieval/index.js";
import { type AbstentionModel, loadAbstentionModel } from "./abstention.js";
import { loadWindowModel, type WindowModel } from "./window-ranking.js";
import type { Answer } from "./answer.js";
import { CARD_DEPTH } from "./card-choice.js";
import { nationalityTermsByWord, nationalityWords } from "./constraints.js";
import { BANK_PASSAGE_DEPTH, composeAnswer, type ComposeContext, passagesRead, rankWindows } from "./compose.js";
import { PassageWindows } from "./evidence.js";
import type { ScoredWindow } from "./selection.js";
import { type FactCards, loadFactCards } from "./fact-cards.js";
import type { Generator } from "./generator.js";

export interface AskOptions {
  id?: string;
  /** The language to answer in (the user's choice); by default the question's. */
  lang?: Language;
  /** Used when the question gives no clue of its language (the user's Telegram language). */
  fallbackLang?: Language;
  retriever?: RetrieverKind;
  /** Passages returned with the answer (at least 5). */
  k?: number;
  /** Search the question's own language too (default); off to measure English retrieval alone. */
  bilingual?: boolean;
  /**
   * The messages sent before this one in the same conversation, oldest first: a follow-up that
   * leans on them ("et si je pars sans payer ?") is read with them.
   */
  previous?: readonly string[];
  /** Measuring only: a question of the bank answered as if the bank did not hold it (`npm run eval:bank`). */
  bankLeaveOut?: string;
}

/**
 * The longest question read, in characters: far longer than any question (the bot picks the
 * question out of a long story first). Bounds the work one question can cause.
 */
export const MAX_QUESTION_CHARS = 2_000;

/** The fitted models of the answer stage (src/answer/models/, `npm run train:answers`). */
export interface AnswerModels {
  window?: WindowModel;
  abstention?: AbstentionModel;
}

export interface AnswererOptions {
  generator?: Generator;
  /** Where to ask for help; by default the organisations the reports name. */
  help?: HelpDirectory;
  /** By default the committed models; fitting passes only those already fitted. */
  models?: AnswerModels;
}

/** The answer stage: retrieval, then a card, the reports' own sentences, or a plain "no". */
export class Answerer {
  private readonly context: ComposeContext;

  constructor(
    private readonly retriever: PassageRetriever,
    readonly cards: FactCards,
    private readonly options: AnswererOptions = {},
  ) {
    const nationalities = nationalityTermsByWord(retriever.lexicon, retriever);
    this.context = {
      corpus: retriever.corpus,
      cards,
      terms: retriever,
      placeTerms: retriever.termsOf([...retriever.lexicon.places].join(" "), "en"),
      nationalityTerms: retriever.termsOf(nationalityWords(retriever.lexicon).join(" "), "en"),
      nationalityTermsByWord: nationalities,
      passageWindows: new PassageWindows(retriever.corpus, retriever, retriever.lexicon.placesWithin),
      help: options.help ?? HelpDirectory.load(retriever.corpus),
      bankQuestions: bankQuestionsBySentence(retriever.corpus),
      ...(options.models?.window ? { windowModel: options.models.window } : {}),
      ...(options.models?.abstention ? { abstention: options.models.abstention } : {}),
    };
  }

  /** Where to ask for help (the bot shows it first to a person in need). */
  get help(): HelpDirectory {
    return this.context.help;
  }

  /** The corpus answers are drawn from (the bot lists its reports). */
  get corpus(): Corpus {
    return this.context.corpus;
  }

  static create(retriever: PassageRetriever, options: AnswererOptions = {}): Answerer {
    const models = options.models ?? { window: loadWindowModel(), abstention: loadAbstentionModel() };
    return new Answerer(retriever, loadFactCards(retriever.corpus), { ...options, models });
  }

  /** The same answerer, its answers rephrased by `generator` (verified sentence by sentence). */
  withGenerator(generator: Generator): Answerer {
    return new Answerer(this.retriever, this.cards, { ...this.options, help: this.context.help, generator });
  }

  /** The language a message is written in (French, English), with `fallback` when it gives no clue. */
  languageOf(text: string, fallback: Language): Language {
    return this.retriever.identifyLanguage(text, fallback).lang;
  }

  /** Whether a message is in neither French nor English. */
  isForeign(text: string): boolean {
    return this.retriever.isForeign(text);
  }

  /** The places a message names, as the lexicon's English place words ("à Tunis" -> tunis). */
  placesIn(text: string): string[] {
    return this.retriever.placesIn(text);
  }

  /** The windows of the retrieved passages, scored: for fitting the window model. */
  async rankWindows(question: string, options: { k?: number; previous?: readonly string[] } = {}): Promise<{ retrieval: Retrieval; scored: ScoredWindow[] }> {
    const { retrieval, leanedOn } = await this.read(question, options);
    return { retrieval, scored: rankWindows({ question, leanedOn }, retrieval, this.context, answerDepth(options)).scored };
  }

  /**
   * What the answer to a message reads: its retrieval, alone first; a follow-up that leans on
   * the messages before is read with them (and, too short to tell its language, "And the
   * men?", in the conversation's). The eval measures retrieval through it, so follow-ups are
   * measured as they are first read (one read again after a decline, in `ask`, shows in the
   * answer figures only).
   */
  async read(question: string, options: Omit<AskOptions, "id" | "lang"> & { lang?: Language } = {}): Promise<{ retrieval: Retrieval; leanedOn?: string }> {
    const alone = await this.retriever.retrieve(question, this.retrieveOptions(options));
    const before = messagesBefore(options);
    const last = options.previous?.at(-1);
    if (!before || !(leansOnPrevious(question, alone.concepts) || (last !== undefined && followsAStory(question, last)))) return { retrieval: alone };
    return this.readWith(question, before, options);
  }

  /** A message read with the messages before it, as one follow-up. */
  private async readWith(question: string, before: string, options: Omit<AskOptions, "id" | "lang"> & { lang?: Language }): Promise<{ retrieval: Retrieval; leanedOn: string }> {
    return { retrieval: await this.retriever.retrieve(question, { ...this.retrieveOptions(options), previous: before }), leanedOn: before };
  }

  private retrieveOptions(options: Omit<AskOptions, "id" | "lang"> & { lang?: Language }): RetrieveOptions {
    const { previous } = options;
    return {
      k: Math.max(answerDepth(options), CARD_DEPTH, BANK_PASSAGE_DEPTH),
      ...(options.retriever ? { retriever: options.retriever } : {}),
      ...(options.bilingual === false ? { bilingual: false } : {}),
      ...(options.bankLeaveOut !== undefined ? { bankLeaveOut: options.bankLeaveOut } : {}),
      fallbackLang: options.lang ?? options.fallbackLang ?? (previous?.length ? this.languageOf(previous.at(-1)!, DEFAULT_LANGUAGE) : DEFAULT_LANGUAGE),
    };
  }

  async ask(asked: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const question = asked.slice(0, MAX_QUESTION_CHARS);
    const k = answerDepth(options);
    // The question is read in its own language; the answer is written in the one asked for.
    let { retrieval, leanedOn } = await this.read(question, options);
    let lang = options.lang ?? retrieval.lang;
    const composed = performance.now();
    let draft = composeAnswer({ question, leanedOn }, lang, retrieval, this.context, k);
    // A message that says too much of its own to be read as a follow-up, yet points back ("Does
    // it address migrants coming into Mali from other countries?"), is read with the messages
    // before too; that reading answers when it finds an answer and alone found none, or a less
    // likely one (by the abstention model's probability). Read with them only after a decline
    // before 2026-12-07: npm run eval -- --set all, follow-ups read with the message before
    // 59 -> 62 of 65 (dialogue-report), 57 -> 60 of 69 (dialogue-fresh-report), no new topic merged.
    const before = messagesBefore(options);
    if (leanedOn === undefined && before && pointsBackInWords(question)) {
      const leaning = await this.readWith(question, before, options);
      const leaningLang = options.lang ?? leaning.retrieval.lang;
      const leaningDraft = composeAnswer({ question, leanedOn: before }, leaningLang, leaning.retrieval, this.context, k);
      const better = draft.abstained || (leaningDraft.evidence?.probability ?? 0) > (draft.evidence?.probability ?? 0);
      if (!leaningDraft.abstained && better) ({ retrieval, leanedOn, lang, draft } = { ...leaning, lang: leaningLang, draft: leaningDraft });
    }
    let generatorMs: number | undefined;
    if (this.options.generator && !draft.abstained) {
      const t = performance.now();
      draft = (await this.options.generator.generate(question, lang, passagesRead(retrieval, k), draft, this.context.corpus)) ?? draft;
      generatorMs = performance.now() - t;
    }
    const finished = performance.now();
    return {
      ...(options.id !== undefined ? { id: options.id } : {}),
      question,
      ...(options.previous?.length ? { readWithPrevious: leanedOn !== undefined } : {}),
      lang,
      abstained: draft.abstained,
      kind: draft.kind,
      ...(draft.cardId ? { cardId: draft.cardId } : {}),
      text: draft.text,
      citations: draft.citations,
      passages: retrieval.passages.slice(0, k), // the contract: the top k retrieved, best first
      retriever: retrieval.retriever,
      ...(draft.evidence ? { evidence: draft.evidence } : {}),
      timings: {
        totalMs: finished - started,
        retrievalMs: composed - started,
        answerMs: finished - composed,
        ...(generatorMs !== undefined ? { generatorMs } : {}),
      },
    };
  }
}

/** The messages before a follow-up, as one text (the latest kept when they are long). */
function messagesBefore(options: { previous?: readonly string[] }): string | undefined {
  return options.previous?.filter((m) => m.trim()).join(" ").slice(-MAX_QUESTION_CHARS) || undefined;
}

/** Passages an answer draws on: those asked for, at least 5. */
function answerDepth(options: { k?: number }): number {
  return Math.max(options.k ?? 5, 5);
}

/** The bank's questions of each sentence, by sentenceKey. */
function bankQuestionsBySentence(corpus: Corpus): Map<string, string[]> {
  return new Map((corpus.bank?.lines ?? []).map((l) => [sentenceKey(l.passageId, l.sentence), l.questions.map((q) => q.text)]));
}
