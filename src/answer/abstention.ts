import { z } from "zod";
import { type Features, logisticModelSchema, probability } from "./logistic.js";
import { readJsonFile } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";

export const ABSTENTION_MODEL_PATH = fromPackageRoot("src", "answer", "models", "abstention.json");
export const RETRAIN = "Run `npm run train:answers` to fit it again from the tuning questions.";

/**
 * What the decision to answer or decline rests on, measured on the best window the retrieved
 * passages offer. Defined here because the model's weights mean something only beside them.
 */
export const ABSTENTION_FEATURES = {
  /** The window-ranking model's probability that the best window answers (0 to 1). */
  bestWindow: "probability that the best window answers, by the window-ranking model",
  /** Share of the question's known concepts (by rarity) the best window says, read in its passage (0 to 1). */
  coverage: "share of the question the best window says",
  /** The same share counting words the reports never use as not said (0 to 1). */
  strictCoverage: "share of the whole question, unknown words included, the best window says",
  /** Share the best window's whole passage says, headings included (0 to 1). */
  passageCoverage: "share of the question the best window's passage says",
  /** 1 when the question asks for a figure, amount, date, name, law, place or contact the best window lacks. */
  kindMissing: "the best window lacks the kind of thing asked",
  /** Share of the question's weight in words the corpus never uses, in any language searched (0 to 1). */
  unknownShare: "share of the question in words the reports never use",
  /** log(1 + number of the question's concepts the corpus knows): short questions are less sure. */
  knownConcepts: "log(1 + concepts the reports know)",
  /** 1 when the question asks for contact details, or a price (not a fine) no close bank match shown vouches for: the reports rarely give them. */
  asksContactOrPrice: "the question asks for a phone, address or price",
  /** Similarity (0 to 1) of the bank question closest to the question, wherever it points. */
  bankBest: "how close the nearest bank question comes",
  /** Similarity (0 to 1) of the closest bank question pointing into what would be shown. */
  bankShown: "how close the nearest bank question pointing into the answer comes",
} as const;
export type AbstentionFeature = keyof typeof ABSTENTION_FEATURES;
export type AbstentionFeatures = Features<AbstentionFeature>;
export const ABSTENTION_FEATURE_NAMES = Object.keys(ABSTENTION_FEATURES) as AbstentionFeature[];

export const AbstentionModelSchema = logisticModelSchema(ABSTENTION_FEATURE_NAMES).extend({
  /** Answer when the probability that the reports answer is at least this. */
  threshold: z.number().min(0).max(1),
});
export type AbstentionModel = z.infer<typeof AbstentionModelSchema>;

export function loadAbstentionModel(path: URL | string = ABSTENTION_MODEL_PATH): AbstentionModel {
  return readJsonFile(path, AbstentionModelSchema, RETRAIN);
}

/** Probability that the reports answer the question. */
export function answerProbability(model: AbstentionModel, features: AbstentionFeatures): number {
  return probability(model, ABSTENTION_FEATURE_NAMES, features);
}

/** The threshold that decides the most rows rightly; among equals, the middle of the run. */
export function bestThreshold(scored: Array<{ p: number; answerable: boolean }>): number {
  const candidates = [...new Set(scored.map((s) => s.p))].sort((a, b) => a - b);
  let best = { correct: -1, from: 0.5, to: 0.5 };
  for (const t of candidates) {
    const correct = scored.filter((s) => (s.p >= t) === s.answerable).length;
    if (correct > best.correct) best = { correct, from: t, to: t };
    else if (correct === best.correct) best.to = t;
  }
  return Math.round(((best.from + best.to) / 2) * 10_000) / 10_000;
}
