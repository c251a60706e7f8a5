import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { isLanguage, type Language } from "../corpus/index.js";

/**
 * STATE_FILE: what the bot keeps, read once at start and written whole, atomically, in slices
 * that let the bot go on answering meanwhile. The format is
 * `{ "languages": { <user hash>: "fr" | "en" }, "feedback": { <answer kind>: { useful, notUseful } } }`.
 */

export interface FeedbackCounts {
  useful: number;
  notUseful: number;
}

/** All the bot keeps, in memory: languages by keyed hash of the user id, vote counts by answer kind. */
export interface KeptState {
  languages: Map<string, Language>;
  feedback: Map<string, FeedbackCounts>;
}

export function emptyState(): KeptState {
  return { languages: new Map(), feedback: new Map() };
}

/** A user's key: the first 32 hex digits of an HMAC of the id. Anything else (a raw id, a name) is refused. */
export const USER_KEY = /^[0-9a-f]{32}$/;
/** An answer kind ("card", "extract", ...); kinds a later version adds are kept, not dropped. */
const KIND = /^[a-z][a-z0-9-]{0,31}$/;

const CountsSchema = z.object({ useful: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), notUseful: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });

export type ParsedState = { ok: true; state: KeptState; droppedLanguages: number; droppedFeedback: number } | { ok: false; problem: string };

/**
 * Reads the file's text. A wrong whole (not JSON, not the two sections) is a `problem`;
 * entries are checked one by one, so a bad one (language "de", a negative count, a key that
 * is not a user hash) is dropped and counted, and the others kept.
 */
export function parseState(text: string): ParsedState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: jsonProblem(text, error as Error) };
  }
  // Checked by hand, not with zod: a zod record walks 100,000 keys several times slower.
  if (!isRecord(json) || !isRecord(json.languages) || !isRecord(json.feedback)) {
    return { ok: false, problem: 'it is JSON but not { "languages": {...}, "feedback": {...} }' };
  }
  const state = emptyState();
  let droppedLanguages = 0;
  let droppedFeedback = 0;
  for (const [key, lang] of Object.entries(json.languages)) {
    if (USER_KEY.test(key) && isLanguage(lang)) state.languages.set(key, lang);
    else droppedLanguages++;
  }
  for (const [kind, counts] of Object.entries(json.feedback)) {
    const parsed = CountsSchema.safeParse(counts);
    if (KIND.test(kind) && parsed.success) state.feedback.set(kind, { useful: parsed.data.useful, notUseful: parsed.data.notUseful });
    else droppedFeedback++;
  }
  return { ok: true, state, droppedLanguages, droppedFeedback };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Where the JSON breaks, without quoting the file (V8's message quotes it). */
function jsonProblem(text: string, error: Error): string {
  if (text.trim() === "") return "it is empty";
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return "it is not valid JSON (it ends early)";
  const before = text.slice(0, Number(position)).split("\n");
  return `it is not valid JSON (line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

export interface OpenedState {
  state: KeptState;
  /** False when the file could not be read, so saving would overwrite what it holds. */
  writable: boolean;
}

/**
 * Reads STATE_FILE at start (synchronously: nothing else runs yet). A missing file is an empty
 * start. A damaged one is renamed aside to `<file>.damaged-<time>`, never overwritten; one that
 * cannot be read at all (permissions) is left in place and not saved over.
 */
export function openStateFile(path: string, warn: (message: string) => void, now: () => Date = () => new Date()): OpenedState {
  removeLeftoverTemps(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No file there (ENOTDIR: part of the path is a file): nothing to protect; a save will say what is wrong.
    if (code === "ENOENT" || code === "ENOTDIR") return { state: emptyState(), writable: true };
    warn(`${path} could not be read (${code ?? (error as Error).message}); the bot starts with no stored languages or votes and will not save, so that file is not overwritten. Fix its permissions (or point STATE_FILE elsewhere) and restart.`);
    return { state: emptyState(), writable: false };
  }
  const parsed = parseState(text);
  if (!parsed.ok) {
    const aside = asideName(path, now());
    try {
      renameSync(path, aside);
    } catch (error) {
      warn(`${path} is damaged (${parsed.problem}) and could not be moved aside (${(error as Error).message}); the bot starts with no stored languages or votes and will not save, so that file is not overwritten. Move it away and restart.`);
      return { state: emptyState(), writable: false };
    }
    warn(`${path} is damaged (${parsed.problem}); moved it to ${aside} and the bot starts with no stored languages or votes. To recover them, repair that file and move it back to ${path} while the bot is stopped.`);
    return { state: emptyState(), writable: true };
  }
  const dropped = parsed.droppedLanguages + parsed.droppedFeedback;
  if (dropped > 0) {
    warn(`${path}: dropped ${dropped} invalid entr${dropped === 1 ? "y" : "ies"} (${parsed.droppedLanguages} language choice(s) that are not fr/en under a user hash, ${parsed.droppedFeedback} vote count(s) that are not whole numbers >= 0); kept the other ${parsed.state.languages.size + parsed.state.feedback.size}.`);
  }
  return { state: parsed.state, writable: true };
}

/** `<file>.damaged-2025-01-31T09-30-00.000Z`, with a counter should that name be taken. */
function asideName(path: string, when: Date): string {
  const base = `${path}.damaged-${when.toISOString().replace(/:/g, "-")}`;
  let name = base;
  for (let n = 1; existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

/** Temp files of writes cut short (a crash, a kill): partial copies, never the state itself. */
function removeLeftoverTemps(path: string): void {
  const temp = new RegExp(`^${basename(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+\\.\\d+\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // no directory yet: nothing left over
  }
  for (const name of names) if (temp.test(name)) rmSync(join(dirname(path), name), { force: true });
}

/**
 * Language entries serialised per slice between two awaited writes. A slice of 1,000 is well
 * under a millisecond of CPU, so a save at 100,000 users (4 MB, 100 slices) lets the bot answer
 * between slices; much smaller slices make the save longer without making the pauses shorter.
 */
const SLICE_ENTRIES = 1_000;

let writeCount = 0;

/**
 * Writes the state atomically: to a temp file in the same directory, flushed to disk (fsync),
 * then renamed over the file, so a crash leaves the old file or the new one, never half of one.
 * Serialised in slices from the live maps: changes made during the write may or may not be in
 * it (the caller writes again after them); a key forgotten and set again meanwhile may appear
 * twice, and JSON keeps the later, current value.
 */
export async function writeStateFile(path: string, state: KeptState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${++writeCount}.tmp`; // its own name: two writes never share a temp file
  const file = await open(temp, "w", 0o600);
  try {
    for (const slice of stateJson(state)) await file.write(slice);
    await file.sync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function* stateJson(state: KeptState): Generator<string> {
  yield '{"languages":{';
  let entries: string[] = [];
  let first = true;
  for (const [key, lang] of state.languages) {
    entries.push(`${JSON.stringify(key)}:"${lang}"`);
    if (entries.length === SLICE_ENTRIES) {
      yield (first ? "" : ",") + entries.join(",");
      first = false;
      entries = [];
    }
  }
  if (entries.length > 0) yield (first ? "" : ",") + entries.join(",");
  yield `},"feedback":${JSON.stringify(Object.fromEntries(state.feedback))}}\n`;
}
