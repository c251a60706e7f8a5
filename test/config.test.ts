import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chatEndpoint, CONFIG_VARIABLES, ConfigError, readConfig, transcriptionEndpoint, webhookPath } from "../src/config.js";
import { fromPackageRoot } from "../src/package-root.js";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

describe("readConfig", () => {
  it("gives the tools their defaults without any variable set", () => {
    const config = readConfig({}, "tools");
    expect(config.RETRIEVER).toBe("lexical");
    expect(config.RELAIS_OFFLINE).toBe(false);
    expect(chatEndpoint(config)).toBeUndefined();
    expect(transcriptionEndpoint(config)).toBeUndefined();
  });

  it("keeps the bot's state in the package by default, whatever the working directory", () => {
    expect(readConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, "bot").STATE_FILE).toBe(fromPackageRoot("data", "state.json"));
  });

  it("names every variable to fix, in one message", () => {
    const attempt = () => readConfig({ BOT_MODE: "webhook", PORT: "eighty", REDIS_URL: "http://cache:6379", LLM_BASE_URL: "http://llm/v1" }, "bot");
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be a port number.*REDIS_URL must start with redis:\/\//);
    expect(() => readConfig({ BOT_MODE: "webhook", LLM_BASE_URL: "http://llm/v1" }, "bot")).toThrow(/LLM_BASE_URL needs LLM_MODEL.*TELEGRAM_BOT_TOKEN is missing.*WEBHOOK_URL.*WEBHOOK_SECRET/);
  });

  it("asks the tools for no token, the webhook command for its URL and secret", () => {
    expect(() => readConfig({}, "tools")).not.toThrow();
    expect(() => readConfig({ TELEGRAM_BOT_TOKEN: TOKEN }, "webhook:set")).toThrow(/WEBHOOK_URL/);
  });

  it("reads RELAIS_OFFLINE=0 as online and treats empty values as unset", () => {
    expect(readConfig({ RELAIS_OFFLINE: "0" }, "tools").RELAIS_OFFLINE).toBe(false);
    expect(readConfig({ RELAIS_OFFLINE: "1" }, "tools").RELAIS_OFFLINE).toBe(true);
    expect(readConfig({ LLM_BASE_URL: "", PORT: "" }, "tools").PORT).toBe(8080);
  });

  it("turns the endpoint variables into endpoint settings", () => {
    const config = readConfig({ LLM_BASE_URL: "http://llm:11434/v1", LLM_MODEL: "m", STT_BASE_URL: "http://stt/v1" }, "tools");
    expect(chatEndpoint(config)).toEqual({ baseUrl: "http://llm:11434/v1", model: "m", apiKey: undefined, timeoutMs: 8_000 });
    expect(transcriptionEndpoint(config)).toEqual({ baseUrl: "http://stt/v1", model: "whisper-1", apiKey: undefined, timeoutMs: 15_000 });
  });

  it("serves the path of WEBHOOK_URL", () => {
    expect(webhookPath(readConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://relais.example/tg/hook", WEBHOOK_SECRET: "s".repeat(16) }, "bot"))).toBe("/tg/hook");
  });
});

/** The variables the README's configuration table lists (first column, in backticks). */
function readmeVariables(): string[] {
  const readme = readFileSync(fromPackageRoot("README.md"), "utf8");
  const table = readme.split("| variable | meaning | default |")[1]!.split("\n\n")[0]!;
  return table
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []));
}

describe("the README's configuration table", () => {
  it("lists exactly the variables the code reads", () => {
    expect(new Set(readmeVariables())).toEqual(new Set(CONFIG_VARIABLES));
  });

  it("is the only configuration: no other module reads a variable from process.env", () => {
    const readers = sourceFiles(fromPackageRoot("src")).filter((file) => /process\.env\.[A-Z_]|process\.env\[/.test(readFileSync(file, "utf8")));
    expect(readers).toEqual([]);
  });
});
