import { createHmac } from "node:crypto";
import type { Language } from "../retrieval/index.js";
import { TtlMap } from "./ttl-map.js";

/**
 * What the bot remembers of a chat to read a follow-up ("et si je pars sans payer ?"): the
 * previous question and the places it named. In memory (or Redis), never on disk or in logs,
 * for at most `CONVERSATION_TTL_MS`; /forget clears it.
 */
export interface Turn {
  question: string;
  /** Places (English place words) the conversation named: where help is wanted. */
  places: string[];
  lang: Language;
}

export interface ConversationMemory {
  recall(chatId: number): Promise<Turn | undefined>;
  remember(chatId: number, turn: Turn): Promise<void>;
  forget(chatId: number): Promise<void>;
}

/** Ten minutes: long enough for a follow-up, short enough that nothing lingers. */
export const CONVERSATION_TTL_MS = 10 * 60 * 1000;
/** Chats remembered at once in one process; the oldest go first. */
const CAPACITY = 20_000;

/** The single-process memory, under a keyed hash of the chat id. */
export class InMemoryConversations implements ConversationMemory {
  private readonly turns: TtlMap<Turn>;

  constructor(
    private readonly secret: string,
    now: () => number = Date.now,
  ) {
    this.turns = new TtlMap(CONVERSATION_TTL_MS, CAPACITY, now);
  }

  private key(chatId: number): string {
    return createHmac("sha256", this.secret).update(`chat:${chatId}`).digest("base64url").slice(0, 22);
  }

  async recall(chatId: number): Promise<Turn | undefined> {
    return this.turns.get(this.key(chatId));
  }

  async remember(chatId: number, turn: Turn): Promise<void> {
    this.turns.set(this.key(chatId), turn);
  }

  async forget(chatId: number): Promise<void> {
    this.turns.delete(this.key(chatId));
  }
}
