import { run } from "@grammyjs/runner";
import type { Answerer } from "../answer/index.js";
import { createBot, MemoryStore, createServices, type BotLog } from "../bot/index.js";
import { HelpDirectory } from "../help/index.js";
import { type Faults, StandInBotApi } from "./stand-in-api.js";

export interface LoadOptions {
  updates: number;
  chats: number;
  questions: string[];
  faults: Faults;
  /** Give up waiting for answers after this long. */
  timeoutMs: number;
  seed?: number;
}

export interface LoadReport {
  updates: number;
  chats: number;
  seconds: number;
  updatesPerSecond: number;
  answered: number;
  missing: number;
  duplicated: number;
  /** Chats in which an answer came before the answer to an earlier question. */
  chatsOutOfOrder: number;
  injected: StandInBotApi["injected"];
  errorsLogged: number;
}

const TOKEN = "1:LOAD-run-token-for-relais-bench";

/**
 * Pushes `updates` questions from `chats` private chats through the real bot and grammY's
 * runner against a loopback stand-in Bot API that injects faults, then checks that every
 * question got exactly one answer and that each chat's answers kept the order of its questions.
 */
export async function runLoad(answerer: Answerer, options: LoadOptions): Promise<LoadReport> {
  const api = new StandInBotApi(options.faults, options.seed ?? 1);
  for (let i = 0; i < options.updates; i++) {
    const chatId = 10_000 + (i % options.chats);
    const from = { id: chatId, is_bot: false, first_name: "L", language_code: i % 2 ? "fr" : "en" };
    api.enqueue({ update_id: i + 1, message: { message_id: i + 1, date: 0, chat: { id: chatId, type: "private", first_name: "L" }, from, text: options.questions[i % options.questions.length]! } });
  }
  const apiRoot = await api.start();
  let errorsLogged = 0;
  const quiet = () => {};
  const log: BotLog = { info: quiet, warn: quiet, error: () => void errorsLogged++ };
  const services = createServices({ answerer, help: HelpDirectory.load(answerer.corpus), store: new MemoryStore("load"), log, secret: TOKEN });
  const bot = createBot(TOKEN, services, { apiRoot, floodLimitPerMinute: 1_000_000, maxRetryAttempts: 20 });
  await bot.init();

  const started = performance.now();
  const runner = run(bot);
  const deadline = Date.now() + options.timeoutMs;
  const answeredIds = () => new Set(api.delivered.flatMap((m) => (m.replyTo ? [m.replyTo] : [])));
  while (answeredIds().size < options.updates && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  await api.stop();

  const counts = new Map<number, number>();
  const lastPerChat = new Map<number, number>();
  const outOfOrder = new Set<number>();
  for (const m of api.delivered) {
    if (!m.replyTo) continue;
    counts.set(m.replyTo, (counts.get(m.replyTo) ?? 0) + 1);
    if ((lastPerChat.get(m.chatId) ?? 0) > m.replyTo) outOfOrder.add(m.chatId);
    lastPerChat.set(m.chatId, Math.max(lastPerChat.get(m.chatId) ?? 0, m.replyTo));
  }
  const answered = [...counts.values()].filter((c) => c >= 1).length;
  return {
    updates: options.updates,
    chats: options.chats,
    seconds,
    updatesPerSecond: answered / seconds,
    answered,
    missing: options.updates - answered,
    duplicated: [...counts.values()].filter((c) => c > 1).length,
    chatsOutOfOrder: outOfOrder.size,
    injected: api.injected,
    errorsLogged,
  };
}
