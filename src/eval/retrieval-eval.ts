import type { Retrieval } from "../retrieval/index.js";
import { holdsAnySupport, type GoldQuestion } from "./gold.js";
import { mean, median, percentile } from "./metrics.js";

export interface RetrievalOutcome {
  question: GoldQuestion;
  /** 1-based rank of the first passage holding a support quote; 0 when none of the top k does. */
  hitRank: number;
  latencyMs: number;
}

export function scoreRetrieval(question: GoldQuestion, retrieval: Retrieval): RetrievalOutcome {
  const hit = retrieval.passages.findIndex((p) => holdsAnySupport(p.passage.text, question));
  return { question, hitRank: hit + 1, latencyMs: retrieval.timings.totalMs };
}

export interface RetrievalSummary {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
}

/** recall@k and MRR over answerable questions; latency over every question asked. */
export function summarizeRetrieval(outcomes: RetrievalOutcome[]): RetrievalSummary {
  const answerable = outcomes.filter((o) => o.question.answerable);
  const recall = (k: number) => mean(answerable.map((o) => (o.hitRank > 0 && o.hitRank <= k ? 1 : 0)));
  const latencies = outcomes.map((o) => o.latencyMs);
  return {
    questions: answerable.length,
    recallAt1: recall(1),
    recallAt3: recall(3),
    recallAt5: recall(5),
    mrr: mean(answerable.map((o) => (o.hitRank > 0 ? 1 / o.hitRank : 0))),
    latencyP50Ms: median(latencies),
    latencyP95Ms: percentile(latencies, 95),
  };
}
