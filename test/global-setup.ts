import { execFileSync } from "node:child_process";
import { fromPackageRoot } from "../src/package-root.js";

/**
 * Before the tests: dist/ compiled from the current src/, since the bot's black-box tests start
 * what the README tells an operator to start (node dist/main.js). tsc -b skips an up-to-date
 * build; types are not checked a second time (npm test's tsc --noEmit has done it).
 */
export default function buildDist(): void {
  execFileSync(fromPackageRoot("node_modules", ".bin", "tsc"), ["-b", "tsconfig.build.json", "--noCheck"], { cwd: fromPackageRoot(), stdio: "inherit" });
}
