import { z } from "zod";

/**
 * A logistic model over named features, standardised ((x - mean) / scale) before the weights
 * apply. The answer stage uses two: which sentence answers, and whether to answer at all.
 */
export function logisticModelSchema<const Names extends readonly string[]>(names: Names) {
  const record = z.object(Object.fromEntries(names.map((n) => [n, z.number()])) as { [K in Names[number]]: z.ZodNumber });
  return z.object({
    about: z.string(),
    /** How it was made, to be made again. */
    command: z.string(),
    trainedOn: z.string(),
    /** Rows it was fitted on. */
    rows: z.number().int().positive(),
    mean: record,
    scale: record,
    weights: record,
    bias: z.number(),
  });
}

export type Features<Names extends string> = Record<Names, number>;

export interface LogisticModel<Names extends string> {
  about: string;
  command: string;
  trainedOn: string;
  rows: number;
  mean: Features<Names>;
  scale: Features<Names>;
  weights: Features<Names>;
  bias: number;
}

/** The model's log-odds for a row (monotone in its probability: enough to rank). */
export function logOdds<Names extends string>(model: LogisticModel<Names>, names: readonly Names[], features: Features<Names>): number {
  let z = model.bias;
  for (const name of names) z += model.weights[name] * ((features[name] - model.mean[name]) / (model.scale[name] || 1));
  return z;
}

export function probability<Names extends string>(model: LogisticModel<Names>, names: readonly Names[], features: Features<Names>): number {
  return 1 / (1 + Math.exp(-logOdds(model, names, features)));
}

export interface FitOptions {
  /** L2 penalty: small sets keep weights modest. */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Weight of positive rows against negative ones (rare positives: one good sentence among many). */
  positiveWeight?: number;
}

/** Fits by batch gradient descent from zero: the same rows give the same model. */
export function fitLogistic<Names extends string>(
  names: readonly Names[],
  rows: Array<{ features: Features<Names>; label: boolean }>,
  options: FitOptions,
  about: { about: string; command: string; trainedOn: string },
): LogisticModel<Names> {
  const mean = {} as Features<Names>;
  const scale = {} as Features<Names>;
  for (const name of names) {
    const values = rows.map((r) => r.features[name]);
    mean[name] = values.reduce((s, v) => s + v, 0) / values.length;
    scale[name] = Math.sqrt(values.reduce((s, v) => s + (v - mean[name]) ** 2, 0) / values.length) || 1;
  }
  const x = rows.map((r) => names.map((n) => (r.features[n] - mean[n]) / scale[n]));
  const w = names.map(() => 0);
  let b = 0;
  const positive = options.positiveWeight ?? 1;
  const total = rows.reduce((s, r) => s + (r.label ? positive : 1), 0);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const gradW = w.map(() => 0);
    let gradB = 0;
    x.forEach((xi, i) => {
      const row = rows[i]!;
      const p = 1 / (1 + Math.exp(-(b + xi.reduce((s, v, j) => s + v * w[j]!, 0))));
      const error = (p - (row.label ? 1 : 0)) * (row.label ? positive : 1);
      xi.forEach((v, j) => (gradW[j]! += error * v));
      gradB += error;
    });
    w.forEach((_, j) => (w[j] = w[j]! - options.learningRate * (gradW[j]! / total + options.l2 * w[j]!)));
    b -= options.learningRate * (gradB / total);
  }
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const rounded = (r: Features<Names>) => Object.fromEntries(names.map((n) => [n, round(r[n])])) as Features<Names>;
  const weights = Object.fromEntries(names.map((n, j) => [n, round(w[j]!)])) as Features<Names>;
  return { ...about, rows: rows.length, mean: rounded(mean), scale: rounded(scale), weights, bias: round(b) };
}
