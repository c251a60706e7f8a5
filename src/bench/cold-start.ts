import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromPackageRoot } from "../package-root.js";
import { StandInBotApi } from "./stand-in-api.js";

const QUESTION = "Quelle est l'amende pour dépassement de visa en Tunisie ?";
const TOKEN = "123456:COLD-start-token-for-relais-bench";
const TSX = fromPackageRoot("node_modules", ".bin", "tsx");

/** The commands timed, as the package scripts run them: from the sources through tsx, and from the build. */
const COMMANDS = [
  { program: "ask", command: "tsx src/cli/ask.ts (npm run ask)", argv: [TSX, "src/cli/ask.ts", QUESTION] },
  { program: "ask", command: "node dist/cli/ask.js", argv: [process.execPath, "dist/cli/ask.js", QUESTION] },
  { program: "bot", command: "tsx src/main.ts (npm run dev)", argv: [TSX, "--max-semi-space-size=8", "src/main.ts"] },
  { program: "bot", command: "node dist/main.js (npm start, deploy/)", argv: [process.execPath, "--max-semi-space-size=8", "dist/main.js"] },
] as const;

export interface ColdStart {
  program: "ask" | "bot";
  command: string;
  /** Milliseconds from the start of the process to its answer, one per run. */
  samples: number[];
}

/**
 * Cold starts as a person or an operator meets them, `runs` times each (the commands in turn):
 * `ask` from its start to its exit with the answer printed, and the bot from its start to its
 * first answer reaching a loopback stand-in Bot API. Needs dist/ (npm run build).
 */
export async function measureColdStarts(runs: number): Promise<ColdStart[]> {
  if (!existsSync(fromPackageRoot("dist", "main.js"))) throw new Error("dist/ is missing: run npm run build (npm run bench does it first)");
  const results: ColdStart[] = COMMANDS.map(({ program, command }) => ({ program, command, samples: [] }));
  for (let run = 0; run < runs; run++) {
    for (const [i, { program, argv }] of COMMANDS.entries()) {
      const [file, ...args] = argv;
      results[i]!.samples.push(program === "ask" ? await timeAsk(file, args) : await timeBot(file, args));
    }
  }
  return results;
}

async function timeAsk(file: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(file, args, { cwd: fromPackageRoot(), env: { ...process.env, RELAIS_OFFLINE: "1" }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0 || !out.includes("dinars")) throw new Error(`${args.join(" ")} did not answer (exit ${code})`);
  return performance.now() - started;
}

async function timeBot(file: string, args: readonly string[]): Promise<number> {
  const api = new StandInBotApi();
  api.enqueue({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, from: { id: 1, is_bot: false, first_name: "B", language_code: "fr" }, text: QUESTION } });
  const apiRoot = await api.start();
  const state = mkdtempSync(join(tmpdir(), "relais-bench-state-"));
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: fromPackageRoot(),
    env: { ...process.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, STATE_FILE: join(state, "state.json"), RELAIS_OFFLINE: "1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    const deadline = Date.now() + 60_000;
    while (api.delivered.length === 0 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (api.delivered.length === 0) throw new Error(`${args.join(" ")} did not answer`);
    return performance.now() - started;
  } finally {
    child.kill("SIGTERM");
    await exited;
    await api.stop();
    rmSync(state, { recursive: true, force: true });
  }
}
