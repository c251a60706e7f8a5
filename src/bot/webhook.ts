import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { RelaisContext } from "./context.js";

/**
 * The webhook endpoint: only POSTs that carry Telegram's X-Telegram-Bot-Api-Secret-Token with
 * our secret reach the bot; anything else is refused before any work is done.
 */
export function createWebhookServer(bot: Bot<RelaisContext>, secret: string): Server {
  const handle = webhookCallback(bot, "http", { secretToken: secret });
  return createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
