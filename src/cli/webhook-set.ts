/**
 * npm run webhook:set: tells Telegram where to send updates (WEBHOOK_URL, WEBHOOK_SECRET),
 * once per deployment, rather than at every start of every replica.
 */
import { Api } from "grammy";
import { ALLOWED_UPDATES } from "../bot/index.js";
import { readConfig } from "../config.js";
import { isEntryPoint, printHelp, readCommandLine, runCommand } from "./args.js";

export const WEBHOOK_SET = {
  usage: "npm run webhook:set --",
  summary: [
    "Registers WEBHOOK_URL and WEBHOOK_SECRET with Telegram for TELEGRAM_BOT_TOKEN (at TELEGRAM_API_ROOT),",
    "once per deployment; the bot in webhook mode does not register itself. Takes no flags: the variables configure it.",
  ].join("\n"),
  flags: {},
} as const;

export async function runWebhookSet(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (readCommandLine(WEBHOOK_SET, argv).help) return printHelp(WEBHOOK_SET);
  const config = readConfig(env, "webhook:set");
  const api = new Api(config.TELEGRAM_BOT_TOKEN!, { apiRoot: config.TELEGRAM_API_ROOT });
  await api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET!, drop_pending_updates: false, allowed_updates: ALLOWED_UPDATES });
  console.log(`Telegram now sends updates to ${config.WEBHOOK_URL}.`);
  return 0;
}

if (isEntryPoint(import.meta.url)) runCommand("webhook:set", () => runWebhookSet(process.argv.slice(2), process.env));
