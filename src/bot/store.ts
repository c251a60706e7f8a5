import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { AnswerKind } from "../answer/index.js";
import type { Language } from "../retrieval/index.js";

/**
 * All the bot keeps: each user's language choice, under a keyed hash of the Telegram user id
 * (never a name, never message text), and how many answers of each kind were found useful.
 */
export interface UserStore {
  language(userId: number): Language | undefined;
  setLanguage(userId: number, lang: Language): void;
  /** Erases everything kept about this user. */
  forget(userId: number): void;
  countFeedback(kind: AnswerKind, useful: boolean): void;
  feedback(): Record<string, { useful: number; notUseful: number }>;
}

const StateSchema = z.object({
  languages: z.record(z.string(), z.enum(["fr", "en"])),
  feedback: z.record(z.string(), z.object({ useful: z.number().int().nonnegative(), notUseful: z.number().int().nonnegative() })),
});
type State = z.infer<typeof StateSchema>;

export class MemoryStore implements UserStore {
  protected state: State = { languages: {}, feedback: {} };

  /** `secret` keys the hash of user ids, so the file alone does not reveal who used the bot. */
  constructor(private readonly secret: string) {}

  protected key(userId: number): string {
    return createHmac("sha256", this.secret).update(String(userId)).digest("hex").slice(0, 32);
  }

  language(userId: number): Language | undefined {
    return this.state.languages[this.key(userId)];
  }

  setLanguage(userId: number, lang: Language): void {
    this.state.languages[this.key(userId)] = lang;
    this.changed();
  }

  forget(userId: number): void {
    delete this.state.languages[this.key(userId)];
    this.changed();
  }

  countFeedback(kind: AnswerKind, useful: boolean): void {
    const counts = (this.state.feedback[kind] ??= { useful: 0, notUseful: 0 });
    if (useful) counts.useful++;
    else counts.notUseful++;
    this.changed();
  }

  feedback(): Record<string, { useful: number; notUseful: number }> {
    return structuredClone(this.state.feedback);
  }

  protected changed(): void {}
}

/** The same, kept in a JSON file (written atomically); a damaged file is set aside, not fatal. */
export class FileStore extends MemoryStore {
  constructor(
    private readonly path: string,
    secret: string,
    private readonly warn: (message: string) => void = () => {},
  ) {
    super(secret);
    try {
      this.state = StateSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        warn(`${path} could not be read (${(error as Error).message}); starting with empty preferences`);
      }
    }
  }

  protected override changed(): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(`${this.path}.tmp`, JSON.stringify(this.state));
      renameSync(`${this.path}.tmp`, this.path);
    } catch (error) {
      this.warn(`could not save ${this.path}: ${(error as Error).message}`);
    }
  }
}
