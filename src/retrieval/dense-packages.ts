/**
 * The packages only the dense path needs: optional in package.json, so an install where one
 * fails (hnswlib-node compiles C++ at install) still answers lexically.
 */
const DENSE_PACKAGES = [
  { name: "hnswlib-node", fix: "install a C++ toolchain (g++, make, python3) and run `npm ci`" },
  { name: "@xenova/transformers", fix: "run `npm ci`" },
];

/**
 * Why loading the dense path failed, naming the missing package and how to get it; undefined
 * when the error is not about one of them. The package's name may be on any line (the native
 * bindings loader lists the paths it tried), so the whole message is searched.
 */
export function missingDensePackage(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const missing = DENSE_PACKAGES.find((p) => message.includes(p.name));
  return missing && `${missing.name} is not installed or did not build (${message.split("\n")[0]}); ${missing.fix}`;
}
