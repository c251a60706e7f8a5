import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { callbackUpdate, useTelegramStandIn, inlineUpdate, makeBot, messageUpdate, textUpdate } from "./harness.js";

const { calls } = useTelegramStandIn();

const sent = (method = "sendMessage") => calls.filter((c) => c.method === method).map((c) => c.payload);
const texts = () => sent().map((p) => String(p.text));
const DIRECTORY = "test/fixtures/help-directory.json";

describe("a person's first words", () => {
  it.each(["bonjour", "salut", "hello", "Bonjour, svp"])("%j gets a greeting with example questions, no refusal and no vote buttons", async (text) => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate(text, { lang: text === "hello" ? "en" : "fr" }));
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toMatch(/Bonjour !|Hello!/);
    expect(texts()[0]).not.toMatch(/ne répondent pas|do not answer/);
    expect(sent()[0]!.reply_markup).toBeUndefined();
  });

  it.each([
    ["merci", /Avec plaisir/],
    ["thanks", /You're welcome/],
  ])("%j gets a short reply, no vote buttons", async (text, reply) => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate(text, { lang: text === "thanks" ? "en" : "fr" }));
    expect(texts()).toEqual([expect.stringMatching(reply)]);
    expect(sent()[0]!.reply_markup).toBeUndefined();
  });
});

describe("help first when it is needed", () => {
  it("shows the operator's Tunis entry, with its phone, to a person asking for help in Tunis", async () => {
    const { bot } = await makeBot({ helpDirectory: DIRECTORY });
    await bot.handleUpdate(textUpdate("j'ai besoin d'aide à Tunis"));
    expect(texts()[0]).toMatch(/Voici où demander de l'aide \(Tunis\)/);
    expect(texts()[0]).toMatch(/<b>Example Legal Aid Desk \(test entry\)<\/b> — Tunis, Tunisie[^]*📞 \+216 70 000 000/);
    expect(texts()[0]).toMatch(/<a href="https:\/\/example\.org\/legal-aid">/);
  });

  it("shows a Bamako entry for legal or protection help to a man whose passport the police took", async () => {
    const { bot } = await makeBot({ helpDirectory: DIRECTORY });
    await bot.handleUpdate(textUpdate("la police m'a pris mon passeport à Bamako"));
    const first = texts()[0]!;
    expect(first).toMatch(/\(Bamako\)/);
    expect(first).toMatch(/<b>Example Shelter Bamako \(test entry\)<\/b> — Bamako, Mali\nhébergement, nourriture, protection contre la violence/);
  });

  it("without an operator's file, names the reports' organisations with their citation", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("j'ai besoin d'aide à Tunis"));
    expect(texts()[0]).toMatch(/Terre d’Asile Tunisie|TAMSS/);
    expect(texts()[0]).toMatch(/Source : Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre \(MMC\), 2020/);
    expect(texts()[0]).not.toMatch(/📞/); // the reports give no phone number: none is made up
  });

  it("tells a person in immediate danger first where to turn", async () => {
    const { bot } = await makeBot({ helpDirectory: DIRECTORY });
    await bot.handleUpdate(textUpdate("aidez moi ils me frappent maintenant à Bamako"));
    expect(texts()[0]).toMatch(/^⚠️ <b>Si vous êtes en danger tout de suite<\/b>/);
    expect(texts()[0]).toMatch(/Example Shelter Bamako/);
  });

  it("gives a person who asks for a human the contacts they can reach", async () => {
    const { bot } = await makeBot({ helpDirectory: DIRECTORY });
    await bot.handleUpdate(textUpdate("je veux parler à quelqu'un"));
    expect(texts()[0]).toMatch(/Je suis un programme, pas une personne/);
    expect(texts()[0]).toMatch(/📞/);
  });
});

describe("a conversation, not a search box", () => {
  it("reads a follow-up with the previous question of the chat", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("jai depassé mon visa en tunisie combien je dois payer par semaine", { userId: 77 }));
    calls.length = 0;
    await bot.handleUpdate(textUpdate("et si je pars sans payer ?", { userId: 77 }));
    expect(texts()[0]).toMatch(/ne peuvent pas quitter le pays avant d'avoir réglé l'amende|ne peuvent pas quitter la Tunisie/);
  });

  it.each([
    ["c'est quoi la PONAM au mali ?", "elle a été adoptée quand ?", /3 septembre 2014/],
    ["how many malians came back from libya after the war there", "and what did they bring back with them?", /Libya/],
  ])("reads a follow-up that points back without a listed opening word: %s / %s", async (first, second, expected) => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate(first, { userId: 80 }));
    calls.length = 0;
    await bot.handleUpdate(textUpdate(second, { userId: 80 }));
    expect(texts()[0]).toMatch(expected);
  });

  it("reads 'bloqué' after a question about a law as part of the question, not as distress", async () => {
    const { bot } = await makeBot({ helpDirectory: DIRECTORY });
    await bot.handleUpdate(textUpdate("est-ce que la tunisie a une loi sur l'asile", { userId: 81 }));
    calls.length = 0;
    await bot.handleUpdate(textUpdate("c'est bloqué depuis quand ?", { userId: 81 }));
    expect(texts()[0]).not.toMatch(/Example Shelter/);
    expect(texts()[0]).toMatch(/2012/);
  });

  it("answers a new question after another as a question of its own", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("jai depassé mon visa en tunisie combien je dois payer par semaine", { userId: 82 }));
    calls.length = 0;
    await bot.handleUpdate(textUpdate("c'est quoi la CEDEAO ?", { userId: 82 }));
    expect(texts()[0]).not.toMatch(/dinars/);
  });

  it("forgets the previous question on /forget", async () => {
    const { bot, services } = await makeBot();
    await bot.handleUpdate(textUpdate("amende visa tunisie", { userId: 78 }));
    expect(await services.conversations.recall(78)).toBeDefined();
    await bot.handleUpdate(textUpdate("/forget", { userId: 78 }));
    expect(await services.conversations.recall(78)).toBeUndefined();
  });

  it("answers an edited question again, in place of the earlier answer", async () => {
    const { bot } = await makeBot();
    const update = textUpdate("quelle est lamende pour depasement de visa en tunisei ?", { userId: 79 }) as Update & { message: { message_id: number } };
    await bot.handleUpdate(update);
    const first = calls.find((c) => c.method === "sendMessage")!;
    calls.length = 0;
    await bot.handleUpdate({ update_id: update.update_id + 10_000, edited_message: { ...update.message, edit_date: 1, text: "Quelle est l'amende pour dépassement de visa en Tunisie ?" } } as never);
    const edit = calls.find((c) => c.method === "editMessageText");
    expect(edit?.payload.text).toMatch(/20 dinars tunisiens par semaine/);
    expect(edit?.payload.message_id).toBeDefined();
    expect(first).toBeDefined();
  });

  it("reads the caption of a photo as a question", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(messageUpdate({ photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }], caption: "Quelle est l'amende pour dépassement de visa en Tunisie ?" }));
    expect(texts()[0]).toMatch(/20 dinars tunisiens par semaine/);
  });

  it.each([
    ["Bambara", "i ni ce, n bɛ baara ɲini Bamako, n bɛ se ka dɛmɛ sɔrɔ min?"],
    ["Arabic", "مرحبا، أين يمكنني الحصول على المساعدة في تونس؟"],
  ])("answers a message in %s with one short reply in French and English", async (_lang, text) => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate(text, { lang: "fr" }));
    expect(texts()).toEqual([expect.stringMatching(/Je lis le français et l'anglais[^]*I read French and English/)]);
  });
});

describe("limits that never silence a person", () => {
  it("answers a private question after 25 inline keystrokes and 10 button taps", async () => {
    const { bot } = await makeBot({ floodLimitPerMinute: 5 });
    const query = "amende visa tunisie combien par semaine";
    for (let i = 1; i <= 25; i++) await bot.handleUpdate(inlineUpdate(query.slice(0, i + 5), { userId: 90 }));
    for (let i = 0; i < 10; i++) await bot.handleUpdate(callbackUpdate("lang:fr", { userId: 90 }));
    calls.length = 0;
    await bot.handleUpdate(textUpdate("Quelle est l'amende pour dépassement de visa en Tunisie ?", { userId: 90 }));
    expect(texts()[0]).toMatch(/20 dinars tunisiens/);
  });

  it("tells a person over the message limit once, in their language, when to try again", async () => {
    const { bot } = await makeBot({ floodLimitPerMinute: 2 });
    for (let i = 0; i < 6; i++) await bot.handleUpdate(textUpdate("merci", { userId: 91, lang: "en" }));
    expect(texts().filter((t) => /Wait a minute/.test(t))).toHaveLength(1);
  });
});

describe("groups and sharing", () => {
  it("answers a mention whatever its case", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(textUpdate("@Relais_Test_Bot amende visa tunisie", { chatType: "group" }));
    expect(texts()[0]).toMatch(/20 dinars tunisiens/);
  });

  it("says hello when added to a group", async () => {
    const { bot } = await makeBot();
    const member = (status: string) => ({ user: { id: 999, is_bot: true, first_name: "Relais" }, status });
    await bot.handleUpdate({ update_id: 90_001, my_chat_member: { chat: { id: -5, type: "group", title: "Shelter" }, from: { id: 1, is_bot: false, first_name: "A" }, date: 0, old_chat_member: member("left"), new_chat_member: member("member") } } as never);
    expect(texts()).toEqual([expect.stringMatching(/Mentionnez-moi : <i>@relais_test_bot votre question<\/i>[^]*Mention me/)]);
  });

  it("keeps the vote buttons for everyone, one vote per person per answer", async () => {
    const { bot, store } = await makeBot();
    await bot.handleUpdate(textUpdate("@relais_test_bot amende visa tunisie", { chatType: "group" }));
    const markup = sent().at(-1)!.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    const useful = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith("fb:") && b.callback_data.includes(":c1:"))!.callback_data;
    await bot.handleUpdate(callbackUpdate(useful, { userId: 1 }));
    await bot.handleUpdate(callbackUpdate(useful, { userId: 1 }));
    await bot.handleUpdate(callbackUpdate(useful, { userId: 2 }));
    expect(await store.feedback()).toEqual({ card: { useful: 2, notUseful: 0 } });
    expect(calls.some((c) => c.method === "editMessageReplyMarkup")).toBe(false);
  });

  it("refuses vote data the bot did not issue", async () => {
    const { bot, store } = await makeBot();
    await bot.handleUpdate(callbackUpdate("fb:AAAAAAAA:g1:AAAAAAAAAA", { userId: 3 }));
    await bot.handleUpdate(callbackUpdate("fb:generated:1", { userId: 3 }));
    expect(await store.feedback()).toEqual({});
  });

  it("makes inline results personal, in the inline user's language", async () => {
    const { bot } = await makeBot();
    await bot.handleUpdate(inlineUpdate("What is the fine for overstaying a visa in Tunisia?", { lang: "fr" }));
    const answer = sent("answerInlineQuery")[0]!;
    expect(answer).toMatchObject({ is_personal: true });
    expect(JSON.stringify(answer.results)).toMatch(/20 dinars tunisiens/);
  });
});
