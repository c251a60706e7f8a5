import { type BankLine, type Corpus, parseSentenceKey, sentenceKey } from "../corpus/index.js";
import type { Analyzer } from "./analyzer.js";
import { LANGUAGES, type Language } from "./language.js";
import type { WeightedQuery } from "./query-context.js";

/** A sentence of the reports that a bank question close to the asked one points to. */
export interface BankMatch {
  passageId: string;
  /** Index of the sentence in its passage. */
  sentence: number;
  /**
   * How close its closest bank question comes, 0 to 1: the cosine of their idf-weighted terms,
   * averaged with their meaning's closeness when the bank's vectors are loaded (see `match`).
   */
  similarity: number;
}

interface BankEntry {
  passageId: string;
  sentence: number;
  /** The question itself, to leave it out when it is the one asked (leave-one-out measures). */
  question: string;
  /** Euclidean norm of its idf-weighted terms. */
  norm: number;
}

/** Sentences kept per question: far more than any answer looks at. */
const MATCHES_KEPT = 20;

/**
 * Share of the meaning in a bank match, when the bank's vectors are loaded: the words' cosine
 * and the meaning's closeness (BankVectors.closeness, 0 to 1) are averaged. Measured with
 * multilingual-e5-small on the tuning questions (the best sentence holding an expected fact):
 * English 0.61 by the words, 0.70 by meaning, 0.78 averaged; French 0.66, 0.63 and 0.70. A share
 * of 0.7 changes it by 0.02 at most.
 */
const MEANING_SHARE = 0.5;
/** Sentences closest in meaning considered besides those that share words with the question. */
const MEANING_CANDIDATES = 50;

/**
 * The question bank indexed per language: each bank question a bag of index terms (the same
 * analyser as the passages and the queries of that language), scored against a question by
 * the cosine of idf-weighted terms, so that a similarity means the same from one question to
 * the next (BM25's scores do not). A sentence counts its closest question. Tried: blending in its
 * second closest (0.15 to 0.5 of it, answer models refitted): tune citations 0.80 -> 0.77 at
 * each, dev French facts 1.00 -> 0.92 at 0.5; not kept.
 */
export class BankIndex {
  private constructor(
    private readonly entries: Record<Language, BankEntry[]>,
    /** Per language: term -> the entries holding it. */
    private readonly postings: Record<Language, Map<string, number[]>>,
    private readonly idfs: Record<Language, Map<string, number>>,
  ) {}

  /** Analyses every question of the bank (a few tens of milliseconds; nothing is stored twice on disk). */
  static build(corpus: Corpus, analyzers: Record<Language, Analyzer>): BankIndex {
    const lines: BankLine[] = corpus.bank?.lines ?? [];
    const entries = {} as Record<Language, BankEntry[]>;
    const postings = {} as Record<Language, Map<string, number[]>>;
    const idfs = {} as Record<Language, Map<string, number>>;
    for (const lang of LANGUAGES) {
      const termsOf: Array<Set<string>> = [];
      const own: BankEntry[] = [];
      for (const line of lines) {
        if (!corpus.sentences.get(line.passageId)?.[line.sentence]) continue; // checked by check:bank
        for (const q of line.questions) {
          if (q.lang !== lang) continue;
          const terms = new Set(analyzers[lang].terms(q.text));
          if (terms.size === 0) continue;
          termsOf.push(terms);
          own.push({ passageId: line.passageId, sentence: line.sentence, question: q.text, norm: 0 });
        }
      }
      const df = new Map<string, number>();
      for (const terms of termsOf) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
      const idf = new Map([...df].map(([t, n]) => [t, Math.log((termsOf.length + 1) / (n + 0.5))]));
      const posting = new Map<string, number[]>();
      termsOf.forEach((terms, i) => {
        let sum = 0;
        for (const t of terms) {
          sum += idf.get(t)! ** 2;
          const list = posting.get(t);
          if (list) list.push(i);
          else posting.set(t, [i]);
        }
        own[i]!.norm = Math.sqrt(sum);
      });
      entries[lang] = own;
      postings[lang] = posting;
      idfs[lang] = idf;
    }
    return new BankIndex(entries, postings, idfs);
  }

  get size(): number {
    return LANGUAGES.reduce((n, lang) => n + this.entries[lang].length, 0);
  }

  /**
   * The sentences whose bank questions come closest to the question, best first, each with the
   * similarity of its closest question over the languages searched. `leaveOut`: a bank question
   * matched as if it were not in the bank (asked as an unseen question, `npm run eval:bank`).
   */
  match(queries: Partial<Record<Language, WeightedQuery>>, meaning?: Map<string, number>, leaveOut?: string): BankMatch[] {
    const best = this.matchWords(queries, leaveOut);
    if (meaning) {
      const closest = [...meaning].sort((a, b) => b[1] - a[1]).slice(0, MEANING_CANDIDATES);
      for (const [key, match] of best) best.set(key, { ...match, similarity: (1 - MEANING_SHARE) * match.similarity + MEANING_SHARE * (meaning.get(key) ?? 0) });
      for (const [key, closeness] of closest) {
        if (best.has(key)) continue;
        const { passageId, sentence } = parseSentenceKey(key);
        best.set(key, { passageId, sentence, similarity: MEANING_SHARE * closeness });
      }
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.passageId.localeCompare(b.passageId) || a.sentence - b.sentence).slice(0, MATCHES_KEPT);
  }

  /** Each sentence's closest bank question by the words, over the languages searched. */
  private matchWords(queries: Partial<Record<Language, WeightedQuery>>, leaveOut: string | undefined): Map<string, BankMatch> {
    const best = new Map<string, BankMatch>();
    for (const lang of LANGUAGES) {
      const query = queries[lang];
      if (!query?.size) continue;
      const idf = this.idfs[lang];
      // A word no bank question uses weighs most: a question about something nobody wrote a
      // question for is not close to any, however well its other words match.
      const unknownIdf = Math.log((this.entries[lang].length + 1) / 0.5);
      let queryNorm = 0;
      const dot = new Map<number, number>();
      for (const [term, weight] of query) {
        const termIdf = idf.get(term) ?? unknownIdf;
        const w = weight * termIdf;
        queryNorm += w * w;
        for (const i of this.postings[lang].get(term) ?? []) dot.set(i, (dot.get(i) ?? 0) + w * termIdf);
      }
      if (queryNorm === 0) continue;
      queryNorm = Math.sqrt(queryNorm);
      for (const [i, d] of dot) {
        const entry = this.entries[lang][i]!;
        if (entry.question === leaveOut) continue;
        const similarity = d / (queryNorm * entry.norm);
        const key = sentenceKey(entry.passageId, entry.sentence);
        if ((best.get(key)?.similarity ?? 0) < similarity) best.set(key, { passageId: entry.passageId, sentence: entry.sentence, similarity });
      }
    }
    return best;
  }
}

