import { createHash } from "node:crypto";

/** The two parts of the project's own question set. */
export type QuestionPart = "tune" | "report";

/**
 * Which part a question belongs to, fixed once by its id: `tune` questions may be read and
 * used to tune the answer stage; `report` questions are never read one by one, only scored,
 * so their figures say how the bot does on questions nobody tuned for. About half each.
 */
export function questionPart(id: string): QuestionPart {
  const firstByte = createHash("sha256").update(id).digest()[0]!;
  return firstByte < 128 ? "tune" : "report";
}
