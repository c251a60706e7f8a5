import { createHmac } from "node:crypto";
import { TtlMap } from "./ttl-map.js";

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

export class InMemoryReplyLog implements ReplyLog {
  private readonly replies: TtlMap<number[]>;

  constructor(
    private readonly secret: string,
    now: () => number = Date.now,
  ) {
    this.replies = new TtlMap(REPLY_LOG_TTL_MS, CAPACITY, now);
  }

  private key(chatId: number, messageId: number): string {
    return `${createHmac("sha256", this.secret).update(`chat:${chatId}`).digest("base64url").slice(0, 22)}:${messageId}`;
  }

  async repliesTo(chatId: number, messageId: number): Promise<number[] | undefined> {
    return this.replies.get(this.key(chatId, messageId));
  }

  async record(chatId: number, messageId: number, replyIds: number[]): Promise<void> {
    this.replies.set(this.key(chatId, messageId), replyIds);
  }
}
