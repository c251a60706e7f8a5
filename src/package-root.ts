import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json: the committed corpus/, index/ and prompts/ are found from
 * here, so every command works from any working directory.
 */
export const PACKAGE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. fromPackageRoot("corpus", "sources"). */
export function fromPackageRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
