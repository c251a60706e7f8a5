import type { AnswerKind } from "../answer/index.js";
import type { Language } from "../retrieval/index.js";
import { userKey } from "./hashed-id.js";
import { emptyState, type KeptState, openStateFile, writeStateFile } from "./state-file.js";

/** How many answers of each kind were found useful, and not. */
export type FeedbackCounts = Record<string, { useful: number; notUseful: number }>;

/**
 * All the bot keeps: each user's language choice, under a keyed hash of the Telegram user id
 * (never a name, never message text), and how many answers of each kind were found useful.
 * In STATE_FILE for one process, in Redis for several (redis-store.ts).
 */
export interface UserStore {
  language(userId: number): Promise<Language | undefined>;
  setLanguage(userId: number, lang: Language): Promise<void>;
  /** Erases everything kept about this user. */
  forget(userId: number): Promise<void>;
  countFeedback(kind: AnswerKind, useful: boolean): Promise<void>;
  feedback(): Promise<FeedbackCounts>;
  /** Writes what is pending and lets go, for a clean stop. */
  close(): Promise<void>;
}

/** The store in memory: for tests and a bot that need not remember across restarts. */
export class MemoryStore implements UserStore {
  protected state: KeptState = emptyState();

  /** `secret` keys the hash of user ids, so the stored state alone does not reveal who used the bot. */
  constructor(private readonly secret: string) {}

  async language(userId: number): Promise<Language | undefined> {
    return this.state.languages.get(userKey(this.secret, userId));
  }

  async setLanguage(userId: number, lang: Language): Promise<void> {
    this.state.languages.set(userKey(this.secret, userId), lang);
    this.changed();
  }

  async forget(userId: number): Promise<void> {
    if (this.state.languages.delete(userKey(this.secret, userId))) this.changed();
  }

  async countFeedback(kind: AnswerKind, useful: boolean): Promise<void> {
    let counts = this.state.feedback.get(kind);
    if (!counts) this.state.feedback.set(kind, (counts = { useful: 0, notUseful: 0 }));
    if (useful) counts.useful++;
    else counts.notUseful++;
    this.changed();
  }

  async feedback(): Promise<FeedbackCounts> {
    return structuredClone(Object.fromEntries(this.state.feedback));
  }

  /** Nothing to write or release; here so a stop can close any store alike. */
  async close(): Promise<void> {}

  protected changed(): void {}
}

/**
 * How long a change waits before it is written. A busy bot makes many changes a second (votes,
 * language choices), and a write at 100,000 users takes a fraction of a second of disk and CPU:
 * the changes of that second join one write. A crash loses at most this much.
 */
export const SAVE_DELAY_MS = 1_000;

export interface FileStoreOptions {
  /** Delay before a change is written (tests shorten it); SAVE_DELAY_MS by default. */
  saveDelayMs?: number;
}

/**
 * The store kept in STATE_FILE (see state-file.ts). A damaged file is renamed aside, never
 * overwritten; bad entries are dropped one by one. Changes are written in the background after
 * SAVE_DELAY_MS, batched and atomically, so no handler waits on the disk; a failed write is
 * warned and tried again on the next change. `close()` writes what is pending, for a clean stop.
 */
export class FileStore extends MemoryStore {
  private readonly writable: boolean;
  private readonly saveDelayMs: number;
  /** Changes made so far, and how many of them the last good write holds. */
  private version = 0;
  private savedVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failure: string | undefined;
  private closed = false;
  private warnedClosed = false;

  constructor(
    private readonly path: string,
    secret: string,
    private readonly warn: (message: string) => void = () => {},
    options: FileStoreOptions = {},
  ) {
    super(secret);
    const opened = openStateFile(path, warn);
    this.state = opened.state;
    this.writable = opened.writable;
    this.saveDelayMs = options.saveDelayMs ?? SAVE_DELAY_MS;
  }

  /** Writes any pending change now and waits for it; rejects if that write fails. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {});
    this.cancelTimer();
    if (!this.writable || this.version === this.savedVersion) return;
    await this.write().catch((error: Error) => {
      throw new Error(`could not save ${this.path} (${error.message}); the last changes are not on disk`);
    });
  }

  /** Writes any pending change; later changes are kept in memory only. For a clean stop. */
  override async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  protected override changed(): void {
    this.version++;
    if (this.closed) {
      if (!this.warnedClosed) this.warn(`a change came after ${this.path} was closed; it is kept in memory only`);
      this.warnedClosed = true;
      return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (!this.writable || this.closed || this.timer || this.writing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.writing) this.write().catch((error: Error) => this.failed(error));
    }, this.saveDelayMs);
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One write of the whole state; changes made while it runs schedule the next one. */
  private write(): Promise<void> {
    const version = this.version;
    const written = writeStateFile(this.path, this.state).then(() => {
      this.savedVersion = version;
      if (this.failure !== undefined) this.warn(`${this.path} is saved again`);
      this.failure = undefined;
    });
    this.writing = written.finally(() => {
      this.writing = undefined;
      if (this.version !== version) this.schedule();
    });
    return this.writing;
  }

  /** Warned once per kind of failure; the next change tries again. */
  private failed(error: Error): void {
    if (this.failure === error.message) return;
    this.failure = error.message;
    this.warn(`could not save ${this.path} (${error.message}); the changes are kept in memory and the next change tries again`);
  }
}
