import { existsSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PACKAGE_ROOT } from "../package-root.js";

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

/** A mistake in the command line: the command says it in one line and exits 2. */
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
    throw new UsageError(`${mistakeOf(error as Error & { code?: string }, spec)} (see --help)`);
  }
  if (parsed.values.help) return { help: true };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === "") throw new UsageError(`--${name} needs a value${valueHint(spec, name)} (see --help)`);
  }
  return { help: false, values: parsed.values as Values<F>, positionals: parsed.positionals };
}

/** node:util's parse error said in one line, naming the flag. */
function mistakeOf<F extends Record<string, FlagSpec>>(error: Error & { code?: string }, spec: CommandSpec<F>): string {
  const named = /'(-[^' ]+)/.exec(error.message)?.[1];
  const flag = named?.replace(/^-+/, "") ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown flag ${named}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1]}: this command takes flags only`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (spec.flags[flag]?.type === "boolean" || flag === "help" || flag === "h") return `${named} takes no value`;
      if (/ambiguous/.test(error.message)) return `${named} needs a value; one starting with "-" is written ${named}=-…`;
      return `${named} needs a value${valueHint(spec, flag)}`;
    default:
      return error.message.split("\n")[0]!;
  }
}

function valueHint<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, flag: string): string {
  const value = spec.flags[flag]?.value;
  return value ? `: --${flag} ${value}` : "";
}

/** Where flag descriptions start in --help; a longer flag puts its description on the next line. */
const HELP_COLUMN = 26;

/** Prints --help on stdout; the exit code of a command asked for it. */
export function printHelp<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): 0 {
  console.log(helpText(spec));
  return 0;
}

/** The text of --help: usage line, summary, one line per flag. */
export function helpText<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): string {
  const line = (left: string, description: string) => (left.length < HELP_COLUMN ? `${left.padEnd(HELP_COLUMN)} ${description}` : `${left}\n${" ".repeat(HELP_COLUMN)} ${description}`);
  const flags = Object.entries(spec.flags).map(([name, flag]) => {
    const fallback = typeof flag.default === "string" ? ` (default ${shownDefault(flag.default)})` : "";
    return line(`  --${name}${flag.value ? ` ${flag.value}` : ""}`, `${flag.description}${fallback}`);
  });
  return [`usage: ${spec.usage} [flags]${spec.positionals ? ` ${spec.positionals}` : ""}`, "", spec.summary, "", ...flags, line("  --help", "this text")].join("\n");
}

/** Defaults inside the package are absolute (commands work from any folder) but shown from its root, where npm runs them. */
function shownDefault(value: string): string {
  if (!isAbsolute(value)) return value;
  const inPackage = relative(PACKAGE_ROOT, value);
  return inPackage.startsWith("..") ? value : inPackage;
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

/** A file the command reads, checked before any work starts; a usage error names the flag (when a flag gave it) and the file. */
export function existingFile(path: string, flag?: string): string {
  const from = flag ? `${flag}: ` : "";
  if (!existsSync(path)) throw new UsageError(`${from}there is no file ${path}`);
  if (!statSync(path).isFile()) throw new UsageError(`${from}${path} is a folder, not a file`);
  return path;
}

/** A folder the command reads, checked like `existingFile`. */
export function existingFolder(path: string, flag: string): string {
  if (!existsSync(path)) throw new UsageError(`${flag}: there is no folder ${path}`);
  if (!statSync(path).isDirectory()) throw new UsageError(`${flag}: ${path} is a file, not a folder`);
  return path;
}

/** Whether the module at `moduleUrl` is the script node was started with (rather than imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}

/**
 * Runs a command's main: a usage error prints its message and exits 2; any other error
 * prints "<name>: message" and exits 1. `exitWhenDone` ends the process once main is done,
 * for commands whose libraries leave handles open (the bench's runner and ONNX runtime).
 * Output piped into a reader that stops early (`npm run ask -- ... | head`) ends the command
 * quietly instead of with a stack trace.
 */
export function runCommand(name: string, main: () => Promise<number | void>, options: { exitWhenDone?: boolean } = {}): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
      if (options.exitWhenDone) process.exit();
    },
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      if (options.exitWhenDone) process.exit();
    },
  );
}
