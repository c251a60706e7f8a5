import { describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { delay, http, HttpResponse } from "msw";
import { createWebhookServer, UpdatesInHand } from "../../src/bot/index.js";
import { API, useTelegramStandIn, makeBot, textUpdate } from "./harness.js";

const { server: telegram, calls } = useTelegramStandIn({ passThrough: true }); // our own webhook on loopback passes through

const SECRET = "a-long-webhook-secret-for-tests";
const PATH = "/telegram/hook";

/** A bot behind its webhook server on loopback; `post` sends an update the way Telegram does. */
async function webhook(options: { ready?: () => boolean } = {}) {
  const { bot } = await makeBot();
  const inHand = new UpdatesInHand();
  const server: Server = createWebhookServer({ secret: SECRET, path: PATH, inHand, ready: options.ready ?? (() => true), stopping: () => false, handle: (u) => bot.handleUpdate(u) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: unknown, headers: Record<string, string> = { "X-Telegram-Bot-Api-Secret-Token": SECRET }, path = PATH) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { base, post, inHand, close };
}

const answers = () => calls.filter((c) => c.method === "sendMessage");

describe("webhook mode", () => {
  it("accepts only updates that carry Telegram's secret token header, on WEBHOOK_URL's path", async () => {
    const hook = await webhook();
    try {
      const update = textUpdate("/start", { lang: "en" });
      expect((await hook.post(update, {})).status).toBe(401);
      expect((await hook.post(update, { "X-Telegram-Bot-Api-Secret-Token": "wrong-secret-value-here" })).status).toBe(401);
      expect((await hook.post(update, undefined, "/elsewhere")).status).toBe(404);
      expect(calls).toEqual([]);
      expect((await hook.post(update)).status).toBe(200);
      await hook.inHand.drain(5_000);
      expect(answers().some((c) => /I answer questions/.test(String(c.payload.text)))).toBe(true);
      expect((await fetch(`${hook.base}${PATH}`)).status).toBe(405);
    } finally {
      await hook.close();
    }
  });

  it("answers an update Telegram sends twice once", async () => {
    const hook = await webhook();
    try {
      const update = textUpdate("Quelle est l'amende pour dépassement de visa en Tunisie ?");
      expect((await hook.post(update)).status).toBe(200);
      expect((await hook.post(update)).status).toBe(200);
      await hook.inHand.drain(5_000);
      expect(answers().filter((c) => /dinars/.test(String(c.payload.text)))).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it("acknowledges an update before its slow answer is sent, and answers it once when Telegram tries again", async () => {
    telegram.use(
      http.post(`${API}/sendMessage`, async ({ request }) => {
        await delay(1_500); // a Bot API slower than the webhook's patience
        calls.push({ method: "sendMessage", payload: (await request.json()) as Record<string, unknown> });
        return HttpResponse.json({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } });
      }),
    );
    const hook = await webhook();
    try {
      const update = textUpdate("Quelle est l'amende pour dépassement de visa en Tunisie ?");
      const acknowledged = await hook.post(update);
      expect(acknowledged.status).toBe(200);
      expect(answers()).toHaveLength(0); // acknowledged while the answer is still on its way
      await hook.post(update); // Telegram's retry
      await hook.inHand.drain(10_000);
      expect(answers()).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it("refuses a body over the cap and a body that is not an update, without work", async () => {
    const hook = await webhook();
    try {
      expect((await hook.post(`{"update_id":1,"message":{"text":"${"x".repeat(2 * 1024 * 1024)}"}}`)).status).toBe(413);
      expect((await hook.post("{not json")).status).toBe(400);
      expect((await hook.post({ message: {} })).status).toBe(400);
      expect(calls).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it("says on /healthz whether it can answer: 503 while loading, 200 once ready", async () => {
    let ready = false;
    const hook = await webhook({ ready: () => ready });
    try {
      expect((await fetch(`${hook.base}/healthz`)).status).toBe(503);
      expect((await hook.post(textUpdate("/start"))).status).toBe(503); // Telegram sends it again later
      ready = true;
      expect((await fetch(`${hook.base}/healthz`)).status).toBe(200);
    } finally {
      await hook.close();
    }
  });
});
