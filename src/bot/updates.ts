import type { KeyedStorage, StorageFactory } from "./keyed-storage.js";

/** What the bot asks Telegram for: messages and their edits, buttons, inline queries, being added to a group. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

/**
 * The update ids already taken in hand, so that an update Telegram sends again (its webhook
 * call timed out, or another replica got it first) is answered once. Ids only, nothing else.
 */
export interface UpdateLedger {
  /** True the first time an update id is seen; false for a repeat. */
  first(updateId: number): Promise<boolean>;
}

/** Telegram gives up redelivering an update after a day; ids are never reused. */
export const UPDATE_LEDGER_TTL_MS = 24 * 60 * 60 * 1000;
/** Far more updates than one replica takes in hand between two redeliveries. */
const CAPACITY = 100_000;

export class UpdateClaims implements UpdateLedger {
  private readonly seen: KeyedStorage<never>;

  constructor(storage: StorageFactory) {
    this.seen = storage<never>("update", UPDATE_LEDGER_TTL_MS, CAPACITY);
  }

  first(updateId: number): Promise<boolean> {
    return this.seen.claim(String(updateId));
  }
}

/** How a stop went: updates finished while stopping, and those abandoned at the bound. */
export interface DrainReport {
  finished: number;
  abandoned: number;
}

/**
 * The updates being worked on, so that a stop can finish them before the process exits
 * (the runner's and the webhook's own stop do not wait for them).
 */
export class UpdatesInHand {
  private readonly working = new Set<Promise<unknown>>();

  get size(): number {
    return this.working.size;
  }

  /** Runs the work of one update, counted until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const task = work();
    this.working.add(task);
    try {
      return await task;
    } finally {
      this.working.delete(task);
    }
  }

  /** Waits for the updates in hand, at most `boundMs`; what was finished and what was not. */
  async drain(boundMs: number): Promise<DrainReport> {
    const inHand = [...this.working];
    if (inHand.length === 0) return { finished: 0, abandoned: 0 };
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)));
    const settled = new Set<Promise<unknown>>();
    await Promise.race([Promise.allSettled(inHand.map((task) => task.finally(() => settled.add(task)))), bound]);
    clearTimeout(timer);
    return { finished: settled.size, abandoned: inHand.length - settled.size };
  }
}
