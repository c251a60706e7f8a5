import { z } from "zod";
import type { ChatConfig } from "./llm/index.js";
import { fromPackageRoot } from "./package-root.js";
import type { TranscriptionConfig } from "./voice/index.js";

/**
 * Every environment variable Relais reads, in one schema: the bot, the command-line tools,
 * retrieval, the embedding model, the optional LLM and transcription endpoints, the help
 * directory, Redis and logging. Nothing else reads process.env; the README's table lists the
 * same names (test/config.test.ts compares them).
 */
const Url = (message: string) => z.url(message);

export const ConfigSchema = z.object({
  // Telegram
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, "TELEGRAM_BOT_TOKEN does not look like a token from @BotFather (digits:letters)").optional(),
  TELEGRAM_API_ROOT: Url("TELEGRAM_API_ROOT must be a URL, e.g. http://localhost:8081").default("https://api.telegram.org"),
  BOT_MODE: z.enum(["polling", "webhook"], { error: "BOT_MODE must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: Url("WEBHOOK_URL must be the public https URL Telegram will call").optional(),
  WEBHOOK_SECRET: z.string().regex(/^[\w-]{16,256}$/, "WEBHOOK_SECRET must be 16 to 256 letters, digits, _ or -").optional(),
  PORT: z.coerce.number({ error: "PORT must be a port number" }).int().min(1).max(65_535).default(8080),
  BOT_API_WAIT_SECONDS: z.coerce.number({ error: "BOT_API_WAIT_SECONDS must be a number of seconds" }).int().positive().max(3_600).default(60),
  FLOOD_LIMIT_PER_MINUTE: z.coerce.number({ error: "FLOOD_LIMIT_PER_MINUTE must be a whole number" }).int().positive().default(20),
  // What the bot keeps
  STATE_FILE: z.string().min(1).default(fromPackageRoot("data", "state.json")),
  REDIS_URL: Url("REDIS_URL must be a URL such as redis://localhost:6379")
    .refine((url) => /^rediss?:$/.test(new URL(url).protocol), "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  HELP_DIRECTORY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"], { error: "LOG_LEVEL must be debug, info, warn, error or silent" }).default("info"),
  // Retrieval
  RETRIEVER: z.enum(["lexical", "dense", "hybrid"], { error: "RETRIEVER must be lexical, dense or hybrid" }).default("lexical"),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_MODEL_DIR: z.string().min(1).optional(),
  RELAIS_OFFLINE: z.stringbool({ error: "RELAIS_OFFLINE must be 1 or 0 (true/false, yes/no)" }).default(false),
  // Optional chat endpoint (answers rephrased, translations drafted)
  LLM_BASE_URL: Url("LLM_BASE_URL must be a URL such as http://localhost:11434/v1").optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number({ error: "LLM_TIMEOUT_MS must be milliseconds" }).int().positive().max(120_000).default(8_000),
  // Optional transcription endpoint (voice notes)
  STT_BASE_URL: Url("STT_BASE_URL must be a URL such as http://localhost:8080/v1").optional(),
  STT_MODEL: z.string().min(1).default("whisper-1"),
  STT_API_KEY: z.string().optional(),
  STT_TIMEOUT_MS: z.coerce.number({ error: "STT_TIMEOUT_MS must be milliseconds" }).int().positive().max(120_000).default(15_000),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Every variable the code reads, in the schema's order. */
export const CONFIG_VARIABLES = Object.keys(ConfigSchema.shape) as Array<keyof Config>;

/** Who reads the configuration: the bot needs a token (and, for a webhook, its URL and secret). */
export type ConfigPurpose = "bot" | "webhook:set" | "tools";

/** A configuration problem, said in one message that names every variable to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks the environment once, at start; empty values count as unset. */
export function readConfig(env: NodeJS.ProcessEnv, purpose: ConfigPurpose): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== "" && (CONFIG_VARIABLES as string[]).includes(name)));
  const parsed = ConfigSchema.safeParse(set);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  if (parsed.success) problems.push(...purposeProblems(parsed.data, purpose));
  if (problems.length) throw new ConfigError(`Configuration: ${problems.join("; ")}.`);
  return parsed.data!;
}

function purposeProblems(config: Config, purpose: ConfigPurpose): string[] {
  const problems: string[] = [];
  if (config.LLM_BASE_URL && !config.LLM_MODEL) problems.push("LLM_BASE_URL needs LLM_MODEL, the model to ask (e.g. llama3.1)");
  if (purpose === "tools") return problems;
  if (!config.TELEGRAM_BOT_TOKEN) problems.push("TELEGRAM_BOT_TOKEN is missing: get one from @BotFather");
  if (purpose === "webhook:set" || config.BOT_MODE === "webhook") {
    if (!config.WEBHOOK_URL) problems.push("the webhook needs WEBHOOK_URL");
    if (!config.WEBHOOK_SECRET) problems.push("the webhook needs WEBHOOK_SECRET (Telegram sends it back in a header)");
  }
  return problems;
}

/** The chat endpoint, when LLM_BASE_URL is set. */
export function chatEndpoint(config: Config): ChatConfig | undefined {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  return { baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS };
}

/** The transcription endpoint, when STT_BASE_URL is set. */
export function transcriptionEndpoint(config: Config): TranscriptionConfig | undefined {
  if (!config.STT_BASE_URL) return undefined;
  return { baseUrl: config.STT_BASE_URL, model: config.STT_MODEL, apiKey: config.STT_API_KEY, timeoutMs: config.STT_TIMEOUT_MS };
}

/** The path Telegram posts to: that of WEBHOOK_URL ("/" when it has none). */
export function webhookPath(config: Config): string {
  return config.WEBHOOK_URL ? new URL(config.WEBHOOK_URL).pathname : "/";
}
