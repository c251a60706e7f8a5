import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { createWebhookServer } from "../../src/bot/index.js";
import { createTelegramStandIn, makeBot, textUpdate } from "./harness.js";

const { server: telegram, calls } = createTelegramStandIn();
beforeAll(() => telegram.listen({ onUnhandledRequest: "bypass" })); // our own webhook on loopback passes through
afterEach(() => {
  telegram.resetHandlers();
  calls.length = 0;
});
afterAll(() => telegram.close());

const SECRET = "a-long-webhook-secret-for-tests";

describe("webhook mode", () => {
  it("accepts only updates that carry Telegram's secret token header", async () => {
    const { bot } = await makeBot();
    const server = createWebhookServer(bot, SECRET);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(textUpdate("/start", { lang: "en" })) });
    try {
      expect((await post({})).status).toBe(401);
      expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong-secret-value-here" })).status).toBe(401);
      expect(calls).toEqual([]);
      expect((await post({ "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(200);
      expect(calls.some((c) => c.method === "sendMessage" && /I answer questions/.test(String(c.payload.text)))).toBe(true);
      expect((await fetch(url)).status).toBe(405);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
