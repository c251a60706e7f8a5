/**
 * npm run webhook:set: tells Telegram where to send updates (WEBHOOK_URL, WEBHOOK_SECRET),
 * once per deployment, rather than at every start of every replica.
 */
import { Api } from "grammy";
import { ALLOWED_UPDATES } from "../bot/index.js";
import { readConfig } from "../config.js";
import { runCommand } from "./args.js";

runCommand("webhook:set", async () => {
  const config = readConfig(process.env, "webhook:set");
  const api = new Api(config.TELEGRAM_BOT_TOKEN!, { apiRoot: config.TELEGRAM_API_ROOT });
  await api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET!, drop_pending_updates: false, allowed_updates: ALLOWED_UPDATES });
  console.log(`Telegram now sends updates to ${config.WEBHOOK_URL}.`);
});
