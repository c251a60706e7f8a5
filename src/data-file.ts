import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";

/**
 * A data file the program cannot use (lexicon, fact cards, models, prompts, help directory):
 * the message names the file, the place in it and the fix.
 */
export class DataFileError extends Error {
  override name = "DataFileError";
}

/** The file's path as a person would type it: relative to the working directory when inside it. */
export function displayPath(path: URL | string): string {
  const absolute = resolve(path instanceof URL ? fileURLToPath(path) : path);
  const fromHere = relative(process.cwd(), absolute);
  return fromHere && !fromHere.startsWith("..") && !isAbsolute(fromHere) ? fromHere : absolute;
}

/** The text of a data file, or a DataFileError saying it is missing or unreadable and how to fix it. */
export function readDataText(path: URL | string, fix: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new DataFileError(`${displayPath(path)} ${missing ? "is missing" : `could not be read (${(error as Error).message})`}. ${fix}`);
  }
}

/** Reads and validates a JSON data file, naming the file, the place and the fix on failure. */
export function readJsonFile<T extends z.ZodType>(path: URL | string, schema: T, fix: string): z.infer<T> {
  return parseJsonText(readDataText(path, fix), path, schema, fix);
}

/** Validates the text of a JSON data file already read (when its hash is needed too). */
export function parseJsonText<T extends z.ZodType>(text: string, path: URL | string, schema: T, fix: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${displayPath(path)} is not valid JSON (${(error as Error).message}). ${fix}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(`${displayPath(path)} is not in the expected shape at ${issue?.path.join(".") || "the top"}: ${issue?.message}. ${fix}`);
  }
  return parsed.data;
}

/**
 * The records of a JSON-lines text, each checked by `schema`; blank lines skipped. A line that
 * cannot be used is named ("<where> line N: ...") and the others kept.
 */
export function parseJsonLines<T extends z.ZodType>(text: string, schema: T, where: string): { records: Array<z.infer<T>>; errors: string[] } {
  const records: Array<z.infer<T>> = [];
  const errors: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(`${where} line ${i + 1} is not valid JSON`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) records.push(parsed.data);
    else errors.push(`${where} line ${i + 1}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  });
  return { records, errors };
}
