import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { API, callbackUpdate, useTelegramStandIn, inlineUpdate, makeBot, messageUpdate, textUpdate } from "./harness.js";

const { server, calls } = useTelegramStandIn();

const sent = (method = "sendMessage") => calls.filter((c) => c.method === method).map((c) => c.payload);
const texts = () => sent().map((p) => String(p.text));

describe("commands", () => {
  it.each([
    ["/start", "fr", /Je réponds à vos questions.*Je ne garde ni vos messages ni votre nom/s],
    ["/start", "en", /I answer questions.*I keep neither your messages nor your name/s],
    ["/help", "fr", /Quelle est l'amende.*@relais_test_bot votre question/s],
    ["/help", "en", /What is the fine.*@relais_test_bot your question/s],
    ["/about", "fr", /Ce que je garde.*\/forget.*traduction de l.équipe Relais/s],
    ["/sources", "en", /CARIM – Migration Profile: Mali.*2010.*Not stated in the report/s],
    ["/unknown", "fr", /Je ne connais pas cette commande/],
  ])("%s in %s", async (command, lang, expected) => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate(command, { lang }));
    expect(texts().join("\n")).toMatch(expected);
  });

  it("/lang offers both languages, and the choice sticks for that user's answers and menus", async () => {
    const { bot, store } = await makeBot();
    await bot.handleUpdate(textUpdate("/lang", { lang: "fr" }));
    expect(JSON.stringify(sent()[0]!.reply_markup)).toContain("lang:en");
    await bot.handleUpdate(callbackUpdate("lang:en", { lang: "fr" }));
    expect(calls.find((c) => c.method === "editMessageText")?.payload.text).toMatch(/I will answer in English/);
    expect(await store.language(42)).toBe("en");
    calls.length = 0;
    await bot.handleUpdate(textUpdate("Quelle est l'amende pour dépassement de visa en Tunisie ?", { lang: "fr" }));
    expect(texts()[0]).toMatch(/20 Tunisian dinars per week/);
    calls.length = 0;
    await bot.handleUpdate(textUpdate("/forget", { lang: "fr" }));
    expect(await store.language(42)).toBeUndefined();
  });
});

describe("questions in a private chat", () => {
  it("answers a French question in French, short, with sources and feedback buttons", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("jai depassé mon visa en tunisie combien je paye"));
    expect(sent("sendChatAction")).toHaveLength(1);
    const [reply] = sent();
    expect(reply!.parse_mode).toBe("HTML");
    expect(String(reply!.text)).toMatch(/20 dinars tunisiens par semaine ; le rapport MMC de 2020 tient ce chiffre d.une source REACH de 2018 \[1\]/);
    expect(String(reply!.text)).toMatch(/<i>\[1\] MMC, 2020/);
    const buttons = JSON.stringify(reply!.reply_markup);
    expect(buttons).toMatch(/Sources complètes/);
    expect(buttons).toMatch(/"fb:[\w-]{8}:c1:[\w-]{10}"/);
  });

  it("puts the places of help first for a roof needed tonight, headed by the city they are in, not the person's nationality", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("i am guinean in bamako, where can i sleep tonight?", { lang: "en" }));
    expect(texts()[0]).toMatch(/^Here is where to ask for help \(Bamako\)/);
    expect(texts()[0]).toMatch(/ARACEM/);
  });

  it("answers an English question in English", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("Do ECOWAS citizens need a visa to enter Mali?", { lang: "fr" }));
    expect(texts()[0]).toMatch(/do not need a visa to enter Mali/);
  });

  it("shows the full sources behind the button, and counts feedback per answer kind without the text", async () => {
    const { bot, store } = await makeBot();
    await bot.handleUpdate(textUpdate("What is the fine for overstaying a visa in Tunisia?", { lang: "en" }));
    const markup = sent()[0]!.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    const sourcesData = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith("src:"))!.callback_data;
    calls.length = 0;
    await bot.handleUpdate(callbackUpdate(sourcesData, { lang: "en" }));
    expect(texts()[0]).toMatch(/<blockquote>The penalty for residing irregularly.*20 Tunisian Dinars per week/);
    expect(texts()[0]).toMatch(/note 22/);
    const [useful, notUseful] = markup.inline_keyboard.flat().filter((b) => b.callback_data.startsWith("fb:")).map((b) => b.callback_data);
    await bot.handleUpdate(callbackUpdate(useful!, { lang: "en", markup }));
    expect(await store.feedback()).toEqual({ card: { useful: 1, notUseful: 0 } });
    // The buttons stay (in a group they are everyone's), but a person votes once per answer.
    expect(calls.find((c) => c.method === "editMessageReplyMarkup")).toBeUndefined();
    await bot.handleUpdate(callbackUpdate(notUseful!, { lang: "en", markup }));
    expect(await store.feedback()).toEqual({ card: { useful: 1, notUseful: 0 } });
    expect(sent("answerCallbackQuery").at(-1)).toMatchObject({ text: expect.stringMatching(/already given/) });
  });

  it("shows a French reader the French quote and, under it, the report's English words", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("Combien de Maliens vivent à l'étranger ?", { lang: "fr" }));
    expect(texts()[0]).toMatch(/^Voici ce que disent les rapports :\n\n« /);
    const markup = sent()[0]!.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    const sourcesData = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith("src:"))!.callback_data;
    calls.length = 0;
    await bot.handleUpdate(callbackUpdate(sourcesData, { lang: "fr" }));
    expect(texts()[0]).toMatch(/<b>\[1\]<\/b> .*, <b>20\d\d<\/b>.*\n<i>Traduction de l'équipe Relais :<\/i>\n<blockquote>[^<]*\p{L}[^<]*<\/blockquote>\n<i>Le texte original du rapport \(en anglais\) :<\/i>\n<blockquote>[^<]*Malians/su);
  });

  it("says the sources are gone when the button comes from another corpus or an older version", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(callbackUpdate("src:unknownkey", { lang: "en" }));
    await bot.handleUpdate(callbackUpdate("src:0zzzAAAAA", { lang: "en" }));
    expect(sent("answerCallbackQuery")).toHaveLength(2);
    for (const call of sent("answerCallbackQuery")) expect(call).toMatchObject({ show_alert: true, text: expect.stringMatching(/no longer available/) });
  });

  it("escapes HTML in the question and never lets it through", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate('<b>amende</b> <a href="http://evil">tunisie</a> & <script>', { lang: "fr" }));
    for (const text of texts()) expect(text).not.toMatch(/<script|<a href|href="http:\/\/evil/);
  });

  it("reads a 3,000-character message whole and answers the question at its end, under Telegram's limit", async () => {
    const { bot } = await makeBot();
    const story = "Je suis arrivé de Côte d'Ivoire il y a longtemps, j'ai travaillé dans un restaurant puis dans le bâtiment, la vie est dure mais je tiens bon. ";
    const message = `${story.repeat(25)}Ma question : quelle est l'amende pour dépassement de visa en Tunisie ?`;
    expect(message.length).toBeGreaterThan(3000);
    await bot.handleUpdate(textUpdate(message));
    expect(texts()[0]).toMatch(/20 dinars tunisiens par semaine/);
    for (const text of texts()) expect(text.length).toBeLessThanOrEqual(4096);
  });

  it("asks for words when a message has none (emoji only)", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("👍🙏😊", { lang: "en" }));
    expect(texts()).toEqual([expect.stringMatching(/Type your question in words/)]);
  });
});

describe("what is not a question", () => {
  it.each([
    ["a photo", { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] }],
    ["a voice message", { voice: { file_id: "v", file_unique_id: "v", duration: 3 } }],
    ["a sticker", { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }],
    ["a location", { location: { latitude: 36.8, longitude: 10.18 } }],
    ["a document", { document: { file_id: "d", file_unique_id: "d" } }],
  ])("%s gets a short reply in the user's language", async (_name, extra) => {
    const { bot } = await makeBot();
    await bot.handleUpdate(messageUpdate(extra, { lang: "fr" }));
    expect(texts()).toEqual([expect.stringMatching(/Je ne lis que les messages écrits/)]);
  });

  it("stays quiet in a group unless mentioned, and answers when mentioned", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("quelqu'un sait pour l'amende en tunisie ?", { chatType: "group" }));
    await bot.handleUpdate(messageUpdate({ photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] }, { chatType: "group" }));
    expect(calls.filter((c) => c.method.startsWith("send"))).toEqual([]);
    await bot.handleUpdate(textUpdate("@relais_test_bot amende tunisie visa", { chatType: "group" }));
    expect(texts()[0]).toMatch(/20 dinars tunisiens/);
  });


});

describe("inline mode", () => {
  it("returns a shareable cited answer card", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(inlineUpdate("amende visa tunisie", { lang: "fr" }));
    const [answer] = sent("answerInlineQuery");
    const results = answer!.results as Array<{ type: string; input_message_content: { message_text: string; parse_mode: string } }>;
    expect(results).toHaveLength(1);
    expect(results[0]!.input_message_content.parse_mode).toBe("HTML");
    expect(results[0]!.input_message_content.message_text).toMatch(/20 dinars tunisiens.*<blockquote>The penalty/s);
  });

  it("offers a hint for an empty query", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(inlineUpdate("", { lang: "en" }));
    expect(sent("answerInlineQuery")[0]).toMatchObject({ results: [], button: { text: expect.stringMatching(/Type a question/) } });
  });
});

describe("when Telegram pushes back", () => {
  it("waits out a 429 with retry_after, then succeeds", async () => {
    let refused = false;
    server.use(
      http.post(`${API}/sendMessage`, () => {
        if (refused) return undefined; // fall through to the stand-in
        refused = true;
        return HttpResponse.json({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, { status: 429 });
      }),
    );
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("/start", { lang: "en" }));
    expect(refused).toBe(true);
    expect(texts()).toEqual([expect.stringMatching(/I answer questions/)]);
  });

  it("retries after a 500", async () => {
    let failed = 0;
    server.use(
      http.post(`${API}/sendMessage`, () => {
        if (failed++ > 0) return undefined;
        return HttpResponse.json({ ok: false, error_code: 500, description: "Internal Server Error" }, { status: 500 });
      }),
    );
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("/help", { lang: "en" }));
    expect(texts()).toHaveLength(1);
  }, 20_000);

  it("logs a 403 from a user who blocked the bot, and carries on", async () => {
    server.use(http.post(`${API}/sendMessage`, () => HttpResponse.json({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, { status: 403 })));
    const log: string[] = [];
    const { bot } = await makeBot({ log });
    await bot.handleUpdate(textUpdate("/start"));
    expect(log.join("\n")).toMatch(/user blocked the bot/);
    expect(log.join("\n")).not.toMatch(/Test|\/start/); // no names, no text
  });

  it("says sorry instead of staying silent when answering fails, and a failed language choice says so too", async () => {
    const log: string[] = [];
    const { bot, services } = await makeBot({ log });
    const failing = (target: object, key: string | symbol) => (key === "ask" ? () => Promise.reject(new Error("index unreadable")) : (Reflect.get(target, key) as (...args: unknown[]) => unknown).bind(target));
    services.answerer = new Proxy(services.answerer, { get: failing }) as typeof services.answerer; // this bot's only: the answerer is shared
    services.store.setLanguage = () => Promise.reject(new Error("Redis down"));
    await bot.handleUpdate(textUpdate("amende visa tunisie", { lang: "en" }));
    expect(texts().at(-1)).toMatch(/Sorry, I could not answer/);
    await bot.handleUpdate(callbackUpdate("lang:en", { lang: "fr" }));
    expect(sent("answerCallbackQuery").at(-1)).toMatchObject({ text: expect.stringMatching(/Désolé/) });
    expect(log.join("\n")).toMatch(/update failed.*index unreadable/);
  });

  it("asks a flooding user to slow down instead of answering everything", async () => {
    const { bot } = await makeBot({ floodLimitPerMinute: 3 });
    for (let i = 0; i < 5; i++) await bot.handleUpdate(textUpdate("/help", { lang: "en", userId: 77 }));
    expect(texts().filter((t) => /Example|Ask in English/.test(t))).toHaveLength(3);
    expect(texts().filter((t) => /sending many messages/.test(t)).length).toBeGreaterThan(0);
  });
});
