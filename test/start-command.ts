import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fromPackageRoot } from "../src/package-root.js";

/** What the README tells an operator to start after npm run build, and what deploy/ starts. */
export const START_COMMAND = "node --max-semi-space-size=8 dist/main.js";

export interface BotProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Starts START_COMMAND (with this node) from the package folder, as a supervisor would; with
 * `ownGroup` it leads a process group of its own, for signals sent to the group.
 */
export function startBot(env: Record<string, string>, options: { ownGroup?: boolean } = {}): BotProcess {
  const [, ...args] = START_COMMAND.split(" ");
  const child = spawn(process.execPath, args, { cwd: fromPackageRoot(), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: options.ownGroup ?? false });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A loopback port nothing listens on, for a bot in webhook mode. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
