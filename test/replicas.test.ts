import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { StandInBotApi } from "../src/bench/stand-in-api.js";
import { testRedisUrl } from "./redis.js";
import { freePort, startBot } from "./start-command.js";

/**
 * Two bot processes, started as the README tells an operator, in webhook mode sharing one real Redis, behind a round-robin
 * forwarder on loopback, as a load balancer would put them: what one replica learns, the other
 * knows; a button works through either; an update delivered to both is answered once.
 */
const TOKEN = "123456:LOCAL-stand-in-token-for-replicas";
const SECRET = "replica-test-secret-0123456789";
const PATH = "/telegram/hook";
const redisUrl = await testRedisUrl(2);

function startReplica(port: number, apiRoot: string) {
  return startBot({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    BOT_MODE: "webhook",
    WEBHOOK_URL: `https://relais.example${PATH}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    REDIS_URL: redisUrl!,
    RELAIS_OFFLINE: "1",
    LOG_LEVEL: "info",
  });
}

/** POSTs an update as Telegram does; resolves with the HTTP status. */
function post(port: number, update: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(update);
    const req = request({ host: "127.0.0.1", port, path: PATH, method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function health(port: number): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
}

/** A load balancer in miniature: each request goes to the next replica in turn. */
function roundRobin(ports: number[]): Server {
  let next = 0;
  return createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const upstream = request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

const user = { id: 7001, is_bot: false, first_name: "A", language_code: "fr" };
const chat = { id: 7001, type: "private" };
let updateId = 1;
const message = (text: string) => ({ update_id: updateId++, message: { message_id: updateId, date: 0, chat, from: user, text } });
const click = (data: string) => ({ update_id: updateId++, callback_query: { id: `cb${updateId}`, from: user, chat_instance: "ci", data, message: { message_id: 1, date: 0, chat, text: "…" } } });

describe.skipIf(!redisUrl)("two replicas behind one webhook, sharing Redis", () => {
  const api = new StandInBotApi();
  const replicas: Array<ReturnType<typeof startReplica>> = [];
  const ports: number[] = [];
  let balancer: Server;
  let balancerPort: number;

  beforeAll(async () => {
    const apiRoot = await api.start();
    ports.push(await freePort(), await freePort());
    for (const port of ports) replicas.push(startReplica(port, apiRoot));
    await until(() => replicas.every((r) => /"msg":"webhook ready"/.test(r.output())), 60_000);
    balancer = roundRobin(ports);
    await new Promise<void>((resolve) => balancer.listen(0, "127.0.0.1", resolve));
    balancerPort = (balancer.address() as AddressInfo).port;
  }, 70_000);

  afterAll(async () => {
    for (const { child } of replicas) child.kill("SIGKILL");
    await new Promise<void>((resolve) => (balancer ? balancer.close(() => resolve()) : resolve()));
    await api.stop();
  });

  const sent = (method: string) => api.calls.filter((c) => c.method === method);

  it("each replica says it is healthy once loaded", async () => {
    for (const r of replicas) expect(r.output()).toMatch(/"msg":"webhook ready"/);
    expect(await Promise.all(ports.map(health))).toEqual([200, 200]);
  });

  it("/lang en through one replica, then a French question through the other is answered in English, and its sources button works through either", async () => {
    expect(await post(balancerPort, click("lang:en"))).toBe(200); // replica 1
    await until(() => sent("answerCallbackQuery").length === 1, 10_000);
    const before = api.delivered.length;
    expect(await post(balancerPort, message("Quelle est l'amende pour dépassement de visa en Tunisie ?"))).toBe(200); // replica 2
    await until(() => api.delivered.length > before, 15_000);
    const answer = sent("sendMessage").at(-1)!;
    expect(String(answer.payload.text)).toMatch(/penalty.*20 (Tunisian )?[Dd]inars/s);
    expect(String(answer.payload.text)).not.toMatch(/pénalité|amende|dinars tunisiens/);

    const keyboard = (answer.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data?: string }>> }).inline_keyboard.flat();
    const sources = keyboard.find((b) => b.callback_data?.startsWith("src:"))!.callback_data!;
    for (let i = 0; i < 2; i++) {
      const count = api.delivered.length;
      expect(await post(balancerPort, click(sources))).toBe(200); // one click per replica
      await until(() => api.delivered.length > count, 10_000);
      expect(api.delivered.at(-1)!.text).toMatch(/Mixed Migration Centre.*2020/s);
    }
  }, 40_000);

  it("the same update delivered to both replicas is answered once", async () => {
    const before = api.delivered.length;
    const repeated = message("Combien de Maliens vivent à l'étranger ?");
    expect(await Promise.all(ports.map((port) => post(port, repeated)))).toEqual([200, 200]);
    await until(() => api.delivered.length > before, 15_000);
    await new Promise((r) => setTimeout(r, 1_500)); // time for a second answer, were there one
    expect(api.delivered.length - before).toBe(1);
    expect(replicas.map((r) => r.output()).join("\n")).toMatch(/repeat of an update already in hand: dropped/);
  }, 30_000);

  it("logs neither the question nor who asked", () => {
    const logs = replicas.map((r) => r.output()).join("\n");
    expect(logs).not.toMatch(/amende|Maliens|"7001"|:7001\b/);
  });
});
