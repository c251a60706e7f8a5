/**
 * npm run webhook:set: tells Telegram where to send updates (WEBHOOK_URL, WEBHOOK_SECRET, with
 * BOT_MODE=webhook), once per deployment, rather than at every start of every replica.
 */
import { Api } from "grammy";
import { ALLOWED_UPDATES, readBotConfig } from "../bot/config.js";
import { runCommand } from "./args.js";

runCommand("webhook:set", async () => {
  const config = readBotConfig({ ...process.env, BOT_MODE: "webhook" });
  const api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
  await api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET!, drop_pending_updates: false, allowed_updates: ALLOWED_UPDATES });
  console.log(`Telegram now sends updates to ${config.WEBHOOK_URL}.`);
});
