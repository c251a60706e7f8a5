import { hashedId } from "./hashed-id.js";
import type { KeyedStorage, StorageFactory } from "./keyed-storage.js";

/**
 * Which messages the bot sent in reply to a user's message, so that an edited question
 * replaces its answer. Only message numbers, under a keyed hash of the chat; a day at most.
 */
export interface ReplyLog {
  repliesTo(chatId: number, messageId: number): Promise<number[] | undefined>;
  record(chatId: number, messageId: number, replyIds: number[]): Promise<void>;
}

/** Telegram lets a bot edit its messages for 48 hours; a correction comes much sooner. */
export const REPLY_LOG_TTL_MS = 24 * 60 * 60 * 1000;
const CAPACITY = 50_000;

export class ReplyLogStore implements ReplyLog {
  private readonly replies: KeyedStorage<number[]>;

  constructor(
    storage: StorageFactory,
    private readonly secret: string,
  ) {
    this.replies = storage<number[]>("replies", REPLY_LOG_TTL_MS, CAPACITY);
  }

  private key(chatId: number, messageId: number): string {
    return `${hashedId(this.secret, "chat", chatId)}:${messageId}`;
  }

  repliesTo(chatId: number, messageId: number): Promise<number[] | undefined> {
    return this.replies.read(this.key(chatId, messageId));
  }

  record(chatId: number, messageId: number, replyIds: number[]): Promise<void> {
    return this.replies.write(this.key(chatId, messageId), replyIds);
  }
}
