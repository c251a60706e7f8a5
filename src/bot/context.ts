import type { Context } from "grammy";
import type { Answerer } from "../answer/index.js";
import type { Corpus } from "../corpus/index.js";
import type { HelpDirectory } from "../help/index.js";
import type { ConversationMemory } from "./conversation.js";
import type { ReplyLog } from "./replies.js";
import type { UpdateLedger } from "./updates.js";
import type { VoiceServices } from "./voice.js";
import type { FeedbackSigner, VoteBook } from "./votes.js";
import type { Language } from "../retrieval/index.js";
import type { BotMessages } from "./locales/index.js";
import type { UserStore } from "./store.js";

/** What every feature receives: the update, the user's language and the bot's services. */
export interface RelaisFlavor {
  /** The user's chosen language, else their Telegram language (French by default). */
  lang: Language;
  /** Whether the user chose it with /lang (then it also decides the answers' language). */
  langChosen: boolean;
  messages: BotMessages;
  services: BotServices;
}

export interface BotServices {
  answerer: Answerer;
  corpus: Corpus;
  /** Where to ask for help: the reports' organisations and the operator's contacts. */
  help: HelpDirectory;
  store: UserStore;
  /** The previous question of each chat, for follow-ups (10 minutes, memory only). */
  conversations: ConversationMemory;
  /** Which messages answered which, so that an edited question replaces its answer. */
  replies: ReplyLog;
  /** Signs the 👍/👎 buttons; who voted on what, once each. */
  feedback: FeedbackSigner;
  votes: VoteBook;
  /** Update ids already taken in hand: a repeat is dropped. */
  updates: UpdateLedger;
  voice: VoiceServices;
  log: BotLog;
}

/** Logs events without personal data: no text, no names, no user ids. */
export interface BotLog {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export type RelaisContext = Context & RelaisFlavor;
