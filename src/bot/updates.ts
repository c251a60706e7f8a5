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

/** How a stop went: how many updates were finished while stopping, and which were abandoned at the bound. */
export interface DrainReport {
  finished: number;
  /** Their update ids (numbers only: nothing a person wrote). */
  abandoned: number[];
}

/** How long a stop waits for the updates in hand: under the 10 s Docker and the systemd unit give before they kill. */
export const STOP_GRACE_MS = 8_000;

/**
 * The updates being worked on, by update id, so that a stop can finish them before the process
 * exits (the runner's and the webhook's own stop do not wait for them) and name those it could not.
 */
export class UpdatesInHand {
  private readonly working = new Map<number, Promise<unknown>>();

  /** The ids of the updates being worked on. */
  get ids(): number[] {
    return [...this.working.keys()];
  }

  /**
   * Runs the work of one update, counted until it settles. Work on an update already counted
   * (the webhook's, then the bot's within it) is not counted again.
   */
  async run<T>(updateId: number, work: () => Promise<T>): Promise<T> {
    if (this.working.has(updateId)) return work();
    const task = work();
    this.working.set(updateId, task);
    try {
      return await task;
    } finally {
      this.working.delete(updateId);
    }
  }

  /** Waits for the updates in hand, at most `boundMs`; what was finished and what was not. */
  async drain(boundMs: number): Promise<DrainReport> {
    const inHand = [...this.working];
    if (inHand.length === 0) return { finished: 0, abandoned: [] };
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)));
    const settled = new Set<number>();
    await Promise.race([Promise.allSettled(inHand.map(([id, task]) => task.finally(() => settled.add(id)))), bound]);
    clearTimeout(timer);
    return { finished: settled.size, abandoned: inHand.map(([id]) => id).filter((id) => !settled.has(id)) };
  }
}
