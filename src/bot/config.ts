import { z } from "zod";

/** The bot's configuration, read from the environment once, at start. */
export const BotConfigSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z.string({ error: "TELEGRAM_BOT_TOKEN is missing: get one from @BotFather" }).regex(/^\d+:[\w-]{20,}$/, "TELEGRAM_BOT_TOKEN does not look like a token from @BotFather (digits:letters)"),
    TELEGRAM_API_ROOT: z.string().url("TELEGRAM_API_ROOT must be a URL, e.g. http://localhost:8081").default("https://api.telegram.org"),
    BOT_MODE: z.enum(["polling", "webhook"], { error: "BOT_MODE must be polling or webhook" }).default("polling"),
    WEBHOOK_URL: z.string().url("WEBHOOK_URL must be the public https URL Telegram will call").optional(),
    WEBHOOK_SECRET: z.string().regex(/^[\w-]{16,256}$/, "WEBHOOK_SECRET must be 16 to 256 letters, digits, _ or -").optional(),
    PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
    RETRIEVER: z.enum(["lexical", "dense", "hybrid"]).default("lexical"),
    STATE_FILE: z.string().default("data/state.json"),
    HELP_DIRECTORY: z.string().min(1).optional(),
    FLOOD_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    BOT_API_WAIT_SECONDS: z.coerce.number().int().positive().max(3_600).default(60),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((config, ctx) => {
    if (config.BOT_MODE !== "webhook") return;
    if (!config.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "BOT_MODE=webhook needs WEBHOOK_URL" });
    if (!config.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "BOT_MODE=webhook needs WEBHOOK_SECRET (Telegram sends it back in a header)" });
  });
export type BotEnv = z.infer<typeof BotConfigSchema>;

/** What the bot asks Telegram for: messages and their edits, buttons, inline queries, being added to a group. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

/** The path Telegram posts to: that of WEBHOOK_URL ("/" when it has none). */
export function webhookPath(config: BotEnv): string {
  return config.WEBHOOK_URL ? new URL(config.WEBHOOK_URL).pathname : "/";
}

/** A configuration problem, said in one message that names every variable to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readBotConfig(env: NodeJS.ProcessEnv): BotEnv {
  const parsed = BotConfigSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}.`);
  return parsed.data;
}
