import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { UpdatesInHand } from "./updates.js";

/** Telegram's updates are a few kilobytes; anything far larger is not from Telegram. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** What health checks of load balancers and orchestrators call. */
export const HEALTH_PATH = "/healthz";

const UpdateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookOptions {
  /** Works on one update (the bot's handleUpdate). */
  handle: (update: Update) => Promise<unknown>;
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** The path of WEBHOOK_URL; other paths are 404. */
  path: string;
  /** Counts the updates being worked on, for a clean stop. */
  inHand: UpdatesInHand;
  /** Whether corpus and index are loaded (health checks answer 503 until then). */
  ready: () => boolean;
  /** Whether the bot is stopping: new updates are refused with 503, Telegram sends them again later. */
  stopping: () => boolean;
}

/**
 * The webhook endpoint. An update is acknowledged (200) as soon as it is read, then worked on:
 * Telegram's window is short and a slow answer must not make Telegram send it again. Only
 * POSTs carrying our secret reach the bot; the body is capped; `GET /healthz` says whether
 * this replica can answer.
 */
export function createWebhookServer(options: WebhookOptions): Server {
  const expected = Buffer.from(options.secret);
  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://webhook").pathname;
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) return void end(res, options.ready() && !options.stopping() ? 200 : 503);
    if (path !== options.path) return void end(res, 404);
    if (req.method !== "POST") return void end(res, 405);
    if (!authorized(req)) return void end(res, 401);
    if (options.stopping() || !options.ready()) return void end(res, 503);
    void readBody(req, MAX_WEBHOOK_BODY_BYTES).then(
      (body) => {
        const update = parseUpdate(body);
        if (!update) return void end(res, 400);
        end(res, 200);
        void options.inHand.run(update.update_id, () => options.handle(update)).catch(() => {}); // bot.catch has logged it
      },
      (error: Error) => end(res, error instanceof BodyTooLarge ? 413 : 400),
    );
  });
}

function end(res: ServerResponse, status: number): void {
  if (!res.headersSent) res.writeHead(status).end();
}

class BodyTooLarge extends Error {}

/** The request body, refused once it passes `limit` bytes (never read whole into memory). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseUpdate(body: Buffer): Update | undefined {
  try {
    const parsed = UpdateSchema.safeParse(JSON.parse(body.toString("utf8")));
    return parsed.success ? (parsed.data as unknown as Update) : undefined;
  } catch {
    return undefined;
  }
}
