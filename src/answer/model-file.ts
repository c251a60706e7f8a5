import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { z } from "zod";

/** A data file the answer stage cannot use; the message names the file and the fix. */
export class AnswerDataError extends Error {
  override name = "AnswerDataError";
}

/** Reads and validates a JSON data file of the answer stage, naming the file, the place and the fix on failure. */
export function readDataFile<T extends z.ZodType>(path: URL | string, schema: T, fix: string): z.infer<T> {
  const where = path instanceof URL ? fileURLToPath(path) : path;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new AnswerDataError(`${where} ${missing ? "is missing" : `is not valid JSON (${(error as Error).message})`}. ${fix}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AnswerDataError(`${where} is not in the expected shape at ${issue?.path.join(".") || "the top"}: ${issue?.message}. ${fix}`);
  }
  return parsed.data;
}
