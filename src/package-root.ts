import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json, one level above this module whether it runs from src/ (tsx)
 * or from dist/ (the build): the committed corpus/, index/, prompts/ and the data files kept
 * beside the code in src/ are found from here, so every command works from any working
 * directory, and the build reads the same files as the source, never a stale copy.
 */
export const PACKAGE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. fromPackageRoot("corpus", "sources"). */
export function fromPackageRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
