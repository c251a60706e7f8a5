import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Update, UserFromGetMe } from "grammy/types";
import { Answerer } from "../../src/answer/index.js";
import { createBot, MemoryStore, createServices, type BotLog } from "../../src/bot/index.js";
import type { VoiceServices } from "../../src/bot/voice.js";
import { HelpDirectory } from "../../src/help/index.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

export const TOKEN = "123456:TEST-token-for-relais-bot-tests";
export const API = `https://api.telegram.org/bot${TOKEN}`;
export const BOT_INFO: UserFromGetMe = {
  id: 999,
  is_bot: true,
  first_name: "Relais",
  username: "relais_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A stand-in Bot API: records every call and answers like Telegram unless told otherwise. */
export function createTelegramStandIn() {
  const calls: ApiCall[] = [];
  let nextMessageId = 1;
  const server = setupServer(
    http.post(`${API}/:method`, async ({ request, params }) => {
      const method = String(params.method);
      // sendVoice and the like upload files as multipart; everything else is JSON.
      const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
      const text = multipart ? "" : await request.text();
      const payload = multipart
        ? Object.fromEntries(await new Response(await request.arrayBuffer(), { headers: { "content-type": request.headers.get("content-type")! } }).formData())
        : text
          ? (JSON.parse(text) as Record<string, unknown>)
          : {};
      calls.push({ method, payload });
      const chat = { id: Number(payload.chat_id ?? 1), type: "private" };
      const result = method.startsWith("send") ? { message_id: nextMessageId++, date: 0, chat, text: payload.text } : true;
      return HttpResponse.json({ ok: true, result });
    }),
  );
  return { server, calls };
}

/**
 * The stand-in for a whole test file: listening before the first test, its handlers and calls
 * reset after each, closed after the last. Requests it does not know fail the test, unless
 * `passThrough` (a test's own loopback servers).
 */
export function useTelegramStandIn(options: { passThrough?: boolean } = {}) {
  const standIn = createTelegramStandIn();
  beforeAll(() => standIn.server.listen({ onUnhandledRequest: options.passThrough ? "bypass" : "error" }));
  afterEach(() => {
    standIn.server.resetHandlers();
    standIn.calls.length = 0;
  });
  afterAll(() => standIn.server.close());
  return standIn;
}

let shared: Promise<Answerer> | undefined;
/** The real answer engine over the committed corpus and index, opened once per test file. */
export function realAnswerer(): Promise<Answerer> {
  shared ??= PassageRetriever.open().then((r) => Answerer.create(r));
  return shared;
}

export function silentLog(lines: string[] = []): BotLog {
  const push = (level: string) => (event: string, fields?: Record<string, unknown>) => lines.push(`${level} ${event} ${JSON.stringify(fields ?? {})}`);
  return { info: push("info"), warn: push("warn"), error: push("error") };
}

export async function makeBot(
  options: {
    log?: string[];
    floodLimitPerMinute?: number;
    maxRetryAttempts?: number;
    helpDirectory?: string;
    apiCallTimeoutSeconds?: number;
    networkRetryDelaysMs?: number[];
    voice?: Omit<VoiceServices, "spoken" | "fileRoot">;
  } = {},
) {
  const answerer = await realAnswerer();
  const store = new MemoryStore("test-secret");
  const help = HelpDirectory.load(answerer.corpus, options.helpDirectory);
  const services = createServices({ answerer, help, store, log: silentLog(options.log), secret: TOKEN, voice: { fileRoot: "https://api.telegram.org", ...options.voice } });
  const bot = createBot(TOKEN, services, {
    botInfo: BOT_INFO,
    ...(options.floodLimitPerMinute ? { floodLimitPerMinute: options.floodLimitPerMinute } : {}),
    ...(options.maxRetryAttempts !== undefined ? { maxRetryAttempts: options.maxRetryAttempts } : {}),
    ...(options.apiCallTimeoutSeconds ? { apiCallTimeoutSeconds: options.apiCallTimeoutSeconds } : {}),
    ...(options.networkRetryDelaysMs ? { networkRetryDelaysMs: options.networkRetryDelaysMs } : {}),
  });
  await bot.init();
  return { bot, store, services };
}

let updateId = 1;
const user = (id: number, language_code = "fr") => ({ id, is_bot: false, first_name: "Test", language_code });

export function textUpdate(text: string, options: { userId?: number; lang?: string; chatType?: "private" | "group"; entities?: unknown[] } = {}): Update {
  const from = user(options.userId ?? 42, options.lang);
  const chat = options.chatType === "group" ? { id: -100, type: "group" as const, title: "Shelter" } : { id: from.id, type: "private" as const, first_name: "Test" };
  const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return { update_id: updateId++, message: { message_id: updateId, date: 0, chat, from, text, ...(entities ? { entities } : {}) } } as Update;
}

export function messageUpdate(extra: Record<string, unknown>, options: { userId?: number; lang?: string; chatType?: "private" | "group" } = {}): Update {
  const from = user(options.userId ?? 42, options.lang);
  const chat = options.chatType === "group" ? { id: -100, type: "group", title: "Shelter" } : { id: from.id, type: "private", first_name: "Test" };
  return { update_id: updateId++, message: { message_id: updateId, date: 0, chat, from, ...extra } } as unknown as Update;
}

export function callbackUpdate(data: string, options: { userId?: number; lang?: string; markup?: unknown } = {}): Update {
  const from = user(options.userId ?? 42, options.lang);
  return {
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      from,
      chat_instance: "1",
      data,
      message: { message_id: 7, date: 0, chat: { id: from.id, type: "private", first_name: "Test" }, text: "answer", ...(options.markup ? { reply_markup: options.markup } : {}) },
    },
  } as Update;
}

export function inlineUpdate(query: string, options: { userId?: number; lang?: string } = {}): Update {
  return { update_id: updateId++, inline_query: { id: String(updateId), from: user(options.userId ?? 42, options.lang), query, offset: "" } } as Update;
}
