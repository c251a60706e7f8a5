import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Update } from "grammy/types";
import { makeBot } from "./harness.js";

const user = fc.record({ id: fc.integer({ min: 1, max: 50 }), is_bot: fc.constant(false), first_name: fc.string({ maxLength: 8 }), language_code: fc.option(fc.constantFrom("fr", "en", "ar", "wo", ""), { nil: undefined }) });
const chat = fc.oneof(
  fc.record({ id: fc.integer({ min: 1, max: 50 }), type: fc.constant("private"), first_name: fc.constant("x") }),
  fc.record({ id: fc.integer({ min: -200, max: -100 }), type: fc.constantFrom("group", "supergroup"), title: fc.constant("g") }),
);
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 40, unit: "grapheme" }),
  fc.constantFrom("/start", "/help", "/lang", "/sources", "/about", "/forget", "/nope", "amende tunisie", "<b>x</b>", "@relais_test_bot visa", "👍", ""),
);
const content = fc.oneof(
  text.map((t) => ({ text: t })),
  fc.constant({ photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] }),
  fc.constant({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }),
  fc.constant({ voice: { file_id: "v", file_unique_id: "v", duration: 1 } }),
  fc.constant({ location: { latitude: 1, longitude: 2 } }),
  fc.constant({}),
);
const update = fc.oneof(
  fc.record({ message: fc.record({ message_id: fc.nat(), date: fc.nat(), chat, from: user, content }) }).map(({ message }) => ({ message: { ...message, ...message.content, content: undefined } })),
  fc.record({ edited_message: fc.record({ message_id: fc.nat(), date: fc.nat(), edit_date: fc.nat(), chat, from: user, text }) }),
  fc.record({ callback_query: fc.record({ id: fc.string({ minLength: 1, maxLength: 5 }), from: user, chat_instance: fc.constant("c"), data: fc.oneof(fc.string({ maxLength: 64 }), fc.constantFrom("lang:fr", "lang:en", "lang:xx", "src:abc", "fb:card:1", "fb:nope:9")) }) }),
  fc.record({ inline_query: fc.record({ id: fc.string({ minLength: 1, maxLength: 5 }), from: user, query: text, offset: fc.constant("") }) }),
);

describe("the bot under random updates", () => {
  it("handles 3,000 random updates without an unhandled error", async () => {
    const log: string[] = [];
    const { bot } = await makeBot({ log, floodLimitPerMinute: 1_000_000 });
    // Every Bot API call answered in process, as Telegram would: what is tried here is the
    // bot's handling of what comes in, and an HTTP stand-in would take most of the time.
    bot.api.config.use(async (_prev, method, payload) => {
      const chat = { id: (payload as { chat_id?: number }).chat_id ?? 1, type: "private" };
      return { ok: true, result: method.startsWith("send") ? { message_id: 1, date: 0, chat } : true } as never;
    });
    let id = 0;
    await fc.assert(
      fc.asyncProperty(update, async (u) => {
        await bot.handleUpdate({ update_id: ++id, ...u } as unknown as Update);
      }),
      { numRuns: 3_000 },
    );
    expect([...new Set(log.filter((l) => l.startsWith("error")).map((l) => l.replace(/"update":\d+/, "")))]).toEqual([]);
  }, 60_000);
});
