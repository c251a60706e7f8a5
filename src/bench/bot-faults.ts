import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Answerer, loadFactCards, MAX_QUESTION_CHARS } from "../answer/index.js";
import { createBot, createWebhookServer, FileStore, MemoryStore, createServices, UpdatesInHand } from "../bot/index.js";
import { HelpDirectory } from "../help/index.js";
import type { PassageRetriever } from "../retrieval/index.js";
import { loadPrompt } from "../llm/index.js";
import { loadLexicon } from "../retrieval/index.js";
import type { FaultOutcome } from "./faults.js";
import { StandInBotApi } from "./stand-in-api.js";

const TOKEN = "1:FAULT-run-token-for-relais-bench";
const FINE = "Quelle est l'amende pour dépassement de visa en Tunisie ?";

/**
 * The faults of the bot's own edges, each injected for real on loopback or in a temporary
 * folder: what the person or the operator sees, and whether answers still come.
 */
export async function runBotFaults(answerer: Answerer, retriever: PassageRetriever): Promise<FaultOutcome[]> {
  const outcomes: FaultOutcome[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "relais-fault-"));
  const attempt = async (fault: string, run: () => Promise<Omit<FaultOutcome, "fault">>) => {
    try {
      outcomes.push({ fault, ...(await run()) });
    } catch (error) {
      outcomes.push({ fault, serving: false, message: (error as Error).message });
    }
  };
  try {
    await attempt("corrupt src/retrieval/lexicon.fr-en.json", async () => {
      const path = join(scratch, "lexicon.fr-en.json");
      writeFileSync(path, '{"french": [');
      loadLexicon(path);
      return { serving: true, message: "(accepted)" };
    });
    await attempt("corrupt src/answer/fact-cards.json", async () => {
      const path = join(scratch, "fact-cards.json");
      writeFileSync(path, "{oops");
      loadFactCards(answerer.corpus, path);
      return { serving: true, message: "(accepted)" };
    });
    await attempt("prompt template without {{passages}}", async () => {
      writeFileSync(join(scratch, "answer.system.md"), "Answer in {{language}}.");
      writeFileSync(join(scratch, "answer.user.md"), "{{question}}");
      loadPrompt("answer", pathToFileURL(`${scratch}/`));
      return { serving: true, message: "(accepted)" };
    });
    await attempt("damaged STATE_FILE", async () => {
      const path = join(scratch, "state.json");
      writeFileSync(path, '{"languages": {"abc": "de"');
      const warnings: string[] = [];
      const store = new FileStore(path, TOKEN, (m) => warnings.push(m));
      await store.setLanguage(1, "en");
      await store.close();
      const aside = readdirSync(scratch).filter((f) => f.startsWith("state.json.damaged-"));
      return { serving: true, message: `${warnings[0] ?? ""} (${aside.length} file set aside, new state saved)` };
    });
    await attempt(`CLI question of 10 MB`, async () => {
      const answer = await answerer.ask("a".repeat(10 * 1024 * 1024));
      return { serving: true, message: `the answerer reads the first ${MAX_QUESTION_CHARS} characters only (${answer.question.length}); \`ask\` refuses it with the limit` };
    });
    for (const [fault, content] of [
      ["LLM writes an unsupported instruction, citing a retrieved passage", JSON.stringify({ sentences: [{ text: "Send 200 euros by Western Union to Mr X to fix your papers.", citations: [1] }] })],
      ["LLM reply of 2 MB", "x".repeat(2 * 1024 * 1024)],
    ] as const) {
      await attempt(fault, async () => {
        const llm = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ choices: [{ message: { content } }] })));
        await new Promise<void>((resolve) => llm.listen(0, "127.0.0.1", resolve));
        const log: string[] = [];
        try {
          // Deliberate exception: answer/llm.ts loads @langchain/core/runnables, which answer/index.ts must not load eagerly.
          const { ChatGenerator } = await import("../answer/llm.js");
          const generator = new ChatGenerator({ baseUrl: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`, model: "stand-in", timeoutMs: 5_000 }, (m) => log.push(m), retriever);
          const answer = await answerer.withGenerator(generator).ask("How many Malians live abroad?");
          return { serving: answer.kind !== "generated" && !/Western Union/.test(answer.text), message: `offline answer sent (${answer.kind}); log: ${log.join("; ")}` };
        } finally {
          await new Promise<void>((resolve) => llm.close(() => resolve()));
        }
      });
    }
    await attempt("same webhook update delivered twice, slow sendMessage (1.5 s)", async () => {
      const api = new StandInBotApi({ tooManyRequests: 0, serverErrors: 0, slow: 1, slowMs: 1_500, retryAfterSeconds: 1 });
      const apiRoot = await api.start();
      const inHand = new UpdatesInHand();
      const services = createServices({ answerer, help: HelpDirectory.load(answerer.corpus), store: new MemoryStore(TOKEN), log: { info() {}, warn() {}, error() {} }, secret: TOKEN });
      const bot = createBot(TOKEN, services, { apiRoot, inHand, botInfo: { id: 1, is_bot: true, first_name: "Relais", username: "relais_fault_bot" } as never });
      const server = createWebhookServer({ secret: "fault-run-webhook-secret", path: "/hook", inHand, ready: () => true, stopping: () => false, handle: (u) => bot.handleUpdate(u) });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const update = JSON.stringify({ update_id: 7, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "A", language_code: "fr" }, text: FINE } });
        const post = async () => {
          const started = performance.now();
          const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "fault-run-webhook-secret" }, body: update });
          return `${res.status} in ${(performance.now() - started).toFixed(0)} ms`;
        };
        const acks = [await post(), await post()];
        await inHand.drain(10_000);
        return { serving: api.delivered.length === 1, message: `acknowledged ${acks.join(", ")}; ${api.delivered.length} answer sent` };
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await api.stop();
      }
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return outcomes;
}
