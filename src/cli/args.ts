import { parseArgs, type ParseArgsConfig } from "node:util";

/** A flag of a command: its kind, what it does (shown by --help) and its default. */
export interface FlagSpec {
  type: "string" | "boolean";
  description: string;
  /** Shown after the flag in --help: "N", "FILE", "fr|en". */
  value?: string;
  default?: string | boolean;
}

export interface CommandSpec<F extends Record<string, FlagSpec>> {
  /** "npm run ask --" */
  usage: string;
  /** What the command does, in one or two lines. */
  summary: string;
  flags: F;
  /** What the positionals are ("QUESTION"); none when absent. */
  positionals?: string;
}

type Values<F extends Record<string, FlagSpec>> = {
  [K in keyof F]: F[K]["type"] extends "boolean" ? boolean : F[K]["default"] extends string ? string : string | undefined;
};

/** A mistake in the command line: the command prints it with its usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Reads a command line: every command takes --help, refuses unknown flags and flags without
 * their value, and says so in one line that names the flag.
 */
export function readCommandLine<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: string[]): { help: true } | { help: false; values: Values<F>; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries(
    Object.entries(spec.flags).map(([name, flag]) => [name, flag.default !== undefined ? { type: flag.type, default: flag.default } : { type: flag.type }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h", default: false } }, allowPositionals: spec.positionals !== undefined, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see --help)`);
  }
  if (parsed.values.help) return { help: true };
  return { help: false, values: parsed.values as Values<F>, positionals: parsed.positionals };
}

/** The text of --help: usage line, summary, one line per flag. */
export function helpText<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): string {
  const flags = Object.entries(spec.flags).map(([name, flag]) => {
    const left = `  --${name}${flag.value ? ` ${flag.value}` : ""}`;
    const fallback = flag.default !== undefined && flag.type === "string" ? ` (default ${flag.default})` : "";
    return `${left.padEnd(26)} ${flag.description}${fallback}`;
  });
  return [`usage: ${spec.usage} [flags]${spec.positionals ? ` ${spec.positionals}` : ""}`, "", spec.summary, "", ...flags, `${"  --help".padEnd(26)} this text`].join("\n");
}

/** A whole number of at least `min`, or a usage error naming the flag. */
export function wholeNumber(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min} (got ${value})`);
  return n;
}

/** One of the allowed values, or a usage error naming the flag and the choices. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got ${value})`);
}

/**
 * Runs a command's main: a usage error prints its message and exits 2; any other error
 * prints "<name>: message" and exits 1.
 */
export function runCommand(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
