import type { z } from "zod";
import { type Features, logisticModelSchema, logOdds } from "./logistic.js";
import { readJsonFile } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";

export const WINDOW_MODEL_PATH = fromPackageRoot("src", "answer", "models", "window-ranking.json");
const RETRAIN = "Run `npm run train:answers` to fit it again from the tuning questions.";

/**
 * What makes a window (one or two sentences of a retrieved passage) the answer. Defined here
 * because the model's weights mean something only beside them.
 */
export const WINDOW_FEATURES = {
  /** Share of the question's known concepts (by rarity) the window says, read in its passage (0 to 1). */
  coverage: "share of the question the window says, read in its passage",
  /** The same, counting only what the window itself says (0 to 1). */
  ownCoverage: "share of the question the window itself says",
  /** 1 when the question asks for a figure, date, name, law, place or contact and the window holds one. */
  kindHeld: "the window holds the kind of thing asked",
  /** 1 when the question asks for one and the window holds none. */
  kindMissing: "the window lacks the kind of thing asked",
  /** Rank of its passage among those retrieved, from 0. */
  passageRank: "rank of its passage",
  /** Retrieval score of its passage over the best passage's (0 to 1). */
  passageScore: "relative retrieval score of its passage",
  /** log(number of words). */
  logWords: "log of its length in words",
  /** 1 for two sentences quoted together. */
  pair: "two sentences",
  /** 1 when it opens its passage (often a heading run into the first sentence). */
  opening: "opens its passage",
  /** Share of the places the question asks about (not those of the asker's own story) that the window itself names; 1 when it names none. */
  placesSaid: "share of the question's places the window names",
  /** 1 when the window names a place the question does not and none of the question's, unless the question asks where. */
  otherPlace: "names another place instead of the question's",
  /** Share of the places the question asks about that its passage names, headings included (not only its report's title); 1 when it asks about none. */
  placesInPassage: "share of the question's places its passage names",
  /** Share of the years the question asks about that it names itself; 1 when it asks about none. */
  yearsSaid: "share of the question's years it names",
  /** Its own coverage minus the best own coverage of any window for the question (at most 0). */
  ownCoverageGap: "how far its own coverage falls short of the best window's",
  /** 1 when it holds a figure (a digit): a specific finding more often than a general remark. */
  figure: "holds a figure",
  /** Share of its characters inside quotation marks: a person's words rather than the report's finding. */
  quoted: "share of it that quotes someone",
  /** Similarity (0 to 1) of the closest bank question pointing to one of its sentences; 0 when none does. */
  bankSimilarity: "how close the nearest bank question pointing into it comes",
  /** Its bank similarity minus the question's best bank similarity (at most 0; -1 when no bank question points into it). */
  bankGap: "how far its bank match falls short of the question's best",
} as const;
export type WindowFeature = keyof typeof WINDOW_FEATURES;
export type WindowFeatures = Features<WindowFeature>;
export const WINDOW_FEATURE_NAMES = Object.keys(WINDOW_FEATURES) as WindowFeature[];

export const WindowModelSchema = logisticModelSchema(WINDOW_FEATURE_NAMES);
export type WindowModel = z.infer<typeof WindowModelSchema>;

export function loadWindowModel(path: URL | string = WINDOW_MODEL_PATH): WindowModel {
  return readJsonFile(path, WindowModelSchema, RETRAIN);
}

/** The window model's log-odds that a window answers: windows are ranked by it. */
export function windowLogOdds(model: WindowModel, features: WindowFeatures): number {
  return logOdds(model, WINDOW_FEATURE_NAMES, features);
}
