import type { Language } from "../retrieval/index.js";
import { hashedId } from "./hashed-id.js";
import type { KeyedStorage, StorageFactory } from "./keyed-storage.js";

/**
 * What the bot remembers of a chat to read a follow-up ("et si je pars sans payer ?"): the
 * last question and the follow-ups read with it (three messages at most), the places they
 * named, and whether they asked for help. In memory (or Redis), never on disk or in logs, for
 * at most `CONVERSATION_TTL_MS`; /forget clears it.
 */
export interface Turn {
  messages: string[];
  /** The conversation asked for help (a follow-up such as "et au Mali ?" asks for it too). */
  help: boolean;
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

/** The memory of follow-ups, filed under a keyed hash of the chat id. */
export class Conversations implements ConversationMemory {
  private readonly turns: KeyedStorage<Turn>;

  constructor(
    storage: StorageFactory,
    private readonly secret: string,
  ) {
    this.turns = storage<Turn>("turn", CONVERSATION_TTL_MS, CAPACITY);
  }

  recall(chatId: number): Promise<Turn | undefined> {
    return this.turns.read(hashedId(this.secret, "chat", chatId));
  }

  remember(chatId: number, turn: Turn): Promise<void> {
    return this.turns.write(hashedId(this.secret, "chat", chatId), turn);
  }

  forget(chatId: number): Promise<void> {
    return this.turns.delete(hashedId(this.secret, "chat", chatId));
  }
}
