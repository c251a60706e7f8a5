import type { Corpus } from "../corpus/index.js";
import type { Language, PassageRetriever, RetrieverKind } from "../retrieval/index.js";
import type { Answer } from "./answer.js";
import { CARD_DEPTH, composeAnswer, type ComposeContext } from "./compose.js";
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
}

/** The answer stage: retrieval, then a card, the reports' own sentences, or a plain "no". */
export class Answerer {
  private readonly context: ComposeContext;

  constructor(
    private readonly retriever: PassageRetriever,
    readonly cards: FactCards,
    private readonly generator?: Generator,
  ) {
    const corpus: Corpus = retriever.corpus;
    this.context = {
      corpus,
      cards,
      terms: retriever,
      placeTerms: retriever.termsOf([...retriever.lexicon.places].join(" ")),
    };
  }

  /** The corpus answers are drawn from (the bot lists its reports). */
  get corpus(): Corpus {
    return this.context.corpus;
  }

  static create(retriever: PassageRetriever, generator?: Generator): Answerer {
    return new Answerer(retriever, loadFactCards(retriever.corpus), generator);
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const k = Math.max(options.k ?? 5, 5);
    // The question is read in its own language; the answer is written in the one asked for.
    const retrieval = await this.retriever.retrieve(question, {
      k: Math.max(k, CARD_DEPTH),
      ...(options.retriever ? { retriever: options.retriever } : {}),
      fallbackLang: options.lang ?? options.fallbackLang ?? "fr",
    });
    const lang = options.lang ?? retrieval.lang;
    const composed = performance.now();
    let draft = composeAnswer(question, lang, retrieval, this.context, k);
    let generatorMs: number | undefined;
    if (this.generator && !draft.abstained) {
      const t = performance.now();
      draft = (await this.generator.generate(question, lang, retrieval.passages.slice(0, k), draft, this.context.corpus)) ?? draft;
      generatorMs = performance.now() - t;
    }
    const finished = performance.now();
    return {
      ...(options.id !== undefined ? { id: options.id } : {}),
      question,
      lang,
      abstained: draft.abstained,
      kind: draft.kind,
      ...(draft.cardId ? { cardId: draft.cardId } : {}),
      text: draft.text,
      citations: draft.citations,
      passages: retrieval.passages.slice(0, k),
      retriever: retrieval.retriever,
      timings: {
        totalMs: finished - started,
        retrievalMs: composed - started,
        answerMs: finished - composed,
        ...(generatorMs !== undefined ? { generatorMs } : {}),
      },
    };
  }
}
