import { type Passage, REPORT_LANGUAGE } from "../corpus/index.js";
import { addScores, combineScores, reciprocalRankFusion, suppressNearDuplicates, type Ranked } from "./fusion.js";
import type { Language, LanguageGuess } from "./language.js";
import { placesNamedIn } from "./lexicon.js";
import type { OpenedIndex } from "./open.js";
import type { BankMatch } from "./bank-index.js";
import { buildQuery, type Concept } from "./query.js";
import type { QueryContext } from "./query-context.js";
import { RepeatCache } from "./repeat-cache.js";

export type RetrieverKind = "lexical" | "dense" | "hybrid";
export const RETRIEVER_KINDS: readonly RetrieverKind[] = ["lexical", "dense", "hybrid"];

export interface RetrievedPassage {
  rank: number;
  score: number;
  passage: Passage;
}

export interface Retrieval {
  lang: Language;
  langBy: LanguageGuess["by"] | "caller";
  retriever: RetrieverKind;
  /** The index languages searched: the reports' English, and the question's own when translated. */
  searched: Language[];
  /** What the question asks about, as index terms: the answer stage measures support with it. */
  concepts: Concept[];
  /**
   * For a follow-up read with the messages before: its concepts and theirs, all at full weight,
   * as if the two had been asked as one question (what the bank is asked; what abstention judges).
   */
  wholeConcepts?: Concept[];
  /** The clauses of the message that ask, as written (its story and the asker's description of themselves left out): what kind of answer it wants is read from them. */
  askedPart: string;
  /** The places the question names (the lexicon's English place words). */
  places: string[];
  passages: RetrievedPassage[];
  /** The sentences whose bank questions come closest to the question, best first. */
  bank: BankMatch[];
  timings: { languageMs: number; lexicalMs?: number; denseMs?: number; fusionMs?: number; totalMs: number };
}

export interface RetrieveOptions {
  k?: number;
  retriever?: RetrieverKind;
  /** Force the language (the user's choice); otherwise identified from the question. */
  lang?: Language;
  /** Language when the question gives no clue (the user's Telegram language). */
  fallbackLang?: Language;
  /** Search the translation in the question's language too (default); off to measure English alone. */
  bilingual?: boolean;
  /**
   * An earlier message this one leans on (a follow-up): its words supply the topic at a lower
   * weight, its places and years unless this one names its own.
   */
  previous?: string;
  /** A question of the bank asked as if the bank did not hold it (`npm run eval:bank`). */
  bankLeaveOut?: string;
}

/** Asked for a retriever this installation cannot offer. */
export class RetrieverUnavailable extends Error {
  override name = "RetrieverUnavailable";
}

/** How many candidates each list brings to fusion. */
const FUSION_DEPTH = 50;

/**
 * Weight of the question's own language index against the reports' English when their scores
 * are combined: a French question meets the French translation word for word, where the
 * English index sees it only through the lexicon. Measured on the 143 French tuning
 * questions: recall@5 the same from 0.5 to 3, MRR best between 1 and 1.5.
 */
const OWN_LANGUAGE_WEIGHT = 1.5;

/**
 * Weight of a passage's closest bank question (its cosine similarity, 0 to 1) added to its
 * lexical score. For a French question each language's list is divided by its best (the best
 * passage scores about 1 per language); an English question's single list keeps its BM25
 * scores, so the bank counts for less against them. Measured on the tuning questions (npm run
 * eval -- --set tune): recall@5 and MRR rise from 0 to 2 and stay level to 5 (French R@5 0.91 ->
 * 0.94, MRR 0.77 -> 0.85 at 3). Dividing the English list too lifts English retrieval (tune
 * R@5 0.92 -> 0.95, MRR 0.79 -> 0.85; dev MRR 0.64 -> 0.92) but not the answers (tune English
 * citations 0.79 -> 0.78, abstention 0.89 -> 0.87; 0.74 and 0.87 with the models refitted), so
 * it is not done: the answer stage already finds the bank's sentence in the top five.
 */
const BANK_WEIGHT = 3;

/**
 * A follow-up is matched against the bank with the words of the message it leans on at full
 * weight (the passages' indexes take them at half, see message-reading.ts): a bank question is a whole
 * question, as the two messages are together, and at half weight the few words of "et pour les
 * jeunes ?" outweighed the topic they continue (a question on finding work). Measured on the
 * dialogue tuning split: facts shown 0.85 / 0.74 -> 0.89 / 0.77, wrong answers 0.18 / 0.13 ->
 * 0.14 / 0.09 (at 0.75, between the two).
 */
const BANK_PREVIOUS_WEIGHT = 1;

/**
 * Weight of the passages' vectors against the words (and the bank) when hybrid fuses them by
 * rank. Measured with multilingual-e5-small on the English questions of the tuning splits (npm
 * run eval, hybrid; facts shown / recall@5): at 1, tune 0.88 / 0.95, fresh-tune 0.79 / 0.93,
 * real-people 0.50 / 0.86, dialogues 0.77 / 0.93; at 0.5, 0.87 / 0.95, 0.80 / 0.94, 0.56 /
 * 0.93, 0.79 / 0.95; at 0 (bank vectors only) recall falls (fresh-tune 0.85). The vectors then
 * bring in what the words miss without pushing out what they found.
 */
const DENSE_FUSION_WEIGHT = 0.5;

/**
 * One question's search over an opened index: lexical in the reports' English and in the
 * question's language (scores combined), dense when loaded, the two fused by rank, and
 * passages that repeat a better-ranked one dropped.
 */
export class PassageSearch {
  private readonly repeats: RepeatCache;

  constructor(
    private readonly index: OpenedIndex,
    private readonly queryContext: QueryContext,
  ) {
    this.repeats = new RepeatCache(index.corpus.passageById);
  }

  async search(question: string, kind: RetrieverKind, options: RetrieveOptions): Promise<Retrieval> {
    const started = performance.now();
    const k = options.k ?? 5;
    const { dense, languages, lexical } = this.index;
    if (kind !== "lexical" && !dense) throw new RetrieverUnavailable(`${kind} retrieval is not available: ${this.index.denseUnavailable}.`);
    const guess: { lang: Language; by: Retrieval["langBy"] } = options.lang ? { lang: options.lang, by: "caller" } : languages.identify(question, options.fallbackLang ?? "fr");
    const timings: Retrieval["timings"] = { languageMs: performance.now() - started, totalMs: 0 };

    // The question is read in the language it is written in, whatever the answer's language.
    const written = options.lang ? languages.identify(question, options.lang).lang : guess.lang;
    const searched: Language[] = written !== REPORT_LANGUAGE && (options.bilingual ?? true) ? [REPORT_LANGUAGE, written] : [REPORT_LANGUAGE];
    const depth = kind === "hybrid" ? FUSION_DEPTH : Math.max(k * 4, 20);
    const analyzed = buildQuery(question, written, this.queryContext, options.previous);
    // Each list with its weight in the rank fusion: the words' (with the bank's) 1, the vectors' DENSE_FUSION_WEIGHT.
    const lists: Array<{ ranked: Ranked[]; weight: number }> = [];
    // One vector of the question serves the passages' vectors and the bank's.
    let vector: number[] | undefined;
    if (kind !== "lexical" && dense) {
      const t = performance.now();
      // A follow-up means what it says with the message it leans on ("And the men?"): both are embedded together.
      const meant = options.previous ? `${options.previous} ${question}` : question;
      vector = await dense.embeddings.embedQuery(dense.prepareQuery?.(meant, written) ?? meant);
      timings.denseMs = performance.now() - t;
    }
    const forBank = options.previous ? buildQuery(question, written, this.queryContext, options.previous, BANK_PREVIOUS_WEIGHT) : analyzed;
    const bank = this.index.bank.match(
      Object.fromEntries(searched.map((lang) => [lang, forBank.queries[lang]])),
      vector && dense?.bank ? dense.bank.closeness(vector) : undefined,
      options.bankLeaveOut,
    );
    if (kind !== "dense") {
      const t = performance.now();
      const byLanguage = searched.map((lang) => lexical[lang].search(analyzed.queries[lang], depth));
      const combined = byLanguage.length === 1 ? byLanguage[0]! : combineScores(byLanguage, searched.map((lang) => (lang === REPORT_LANGUAGE ? 1 : OWN_LANGUAGE_WEIGHT)));
      lists.push({ ranked: addScores(combined, bestPerPassage(bank), BANK_WEIGHT), weight: 1 });
      timings.lexicalMs = performance.now() - t;
    }
    // Hybrid fuses the passages' vectors only for a question in the reports' language: a French
    // question's vector finds the English passages worse than its words find the translation
    // (tuning questions, French recall@5: 0.97 by the words and the bank, 0.81 fused), while an
    // English question gains (facts shown 0.84 -> 0.87). The bank's vectors serve both.
    if (vector && dense && (kind === "dense" || written === REPORT_LANGUAGE)) {
      const t = performance.now();
      const hits = await dense.store.similaritySearchVectorWithScore(vector, depth);
      lists.push({ ranked: hits.map(([doc, score]) => ({ id: String(doc.metadata.passageId), score })), weight: DENSE_FUSION_WEIGHT });
      timings.denseMs = (timings.denseMs ?? 0) + performance.now() - t;
    }
    const t = performance.now();
    const ranked = lists.length === 1 ? lists[0]!.ranked : reciprocalRankFusion(lists.map((l) => l.ranked), lists.map((l) => l.weight));
    const kept = suppressNearDuplicates(ranked.slice(0, depth), (a, b) => this.repeats.repeats(a, b), k);
    timings.fusionMs = performance.now() - t;
    timings.totalMs = performance.now() - started;
    return {
      lang: guess.lang,
      langBy: guess.by,
      retriever: kind,
      searched,
      concepts: analyzed.concepts,
      ...(options.previous ? { wholeConcepts: forBank.concepts } : {}),
      askedPart: analyzed.askedPart,
      places: placesOf(question, options.previous, this.queryContext),
      bank,
      passages: kept.flatMap((r, i) => {
        const passage = this.index.corpus.passageById.get(r.id);
        return passage ? [{ rank: i + 1, score: r.score, passage }] : [];
      }),
      timings,
    };
  }
}

/** Each passage's closest bank match, as a ranked list. */
function bestPerPassage(matches: BankMatch[]): Ranked[] {
  const best = new Map<string, number>();
  for (const m of matches) best.set(m.passageId, Math.max(best.get(m.passageId) ?? 0, m.similarity));
  return [...best].map(([id, score]) => ({ id, score }));
}

/** The places a question is about: its own, else those of the message it leans on. */
function placesOf(question: string, previous: string | undefined, context: QueryContext): string[] {
  const own = placesNamedIn(question, context.lexicon);
  return own.length || !previous ? own : placesNamedIn(previous, context.lexicon);
}
