import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Faults the stand-in injects into sendMessage, as shares of calls, from a seeded sequence. */
export interface Faults {
  tooManyRequests: number;
  serverErrors: number;
  slow: number;
  slowMs: number;
  retryAfterSeconds: number;
}

export const NO_FAULTS: Faults = { tooManyRequests: 0, serverErrors: 0, slow: 0, slowMs: 0, retryAfterSeconds: 1 };

export interface DeliveredMessage {
  chatId: number;
  text: string;
  /** The message it answers (reply_parameters), when threaded. */
  replyTo?: number;
}

/**
 * A Bot API stand-in on loopback for load runs: hands out queued updates through getUpdates,
 * records the messages it accepts, and refuses some with 429 (retry_after) or 5xx, or answers
 * slowly, as told. It only ever listens on 127.0.0.1.
 */
export class StandInBotApi {
  readonly delivered: DeliveredMessage[] = [];
  /** Every call but getMe and getUpdates, in order (failed and faulted calls included). */
  readonly calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  readonly injected = { tooManyRequests: 0, serverErrors: 0, slow: 0 };
  private readonly queue: Array<Record<string, unknown>> = [];
  private server: Server | undefined;
  private random: () => number;
  private nextMessageId = 1_000_000;

  constructor(
    private readonly faults: Faults = NO_FAULTS,
    seed = 1,
  ) {
    this.random = mulberry32(seed);
  }

  private readonly files = new Map<string, Buffer>();

  /** A file people sent (a voice note): served by getFile and the file download path. */
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, bytes);
  }

  enqueue(update: Record<string, unknown>): void {
    this.queue.push(update);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req.url ?? "", req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(url: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const type = req.headers["content-type"] ?? "";
    // Uploads (sendVoice) come as multipart; everything else as JSON.
    const body: Record<string, unknown> = type.startsWith("multipart/form-data")
      ? multipartFields(Buffer.concat(chunks), type)
      : chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>)
        : {};
    const method = url.split("/").pop() ?? "";
    const download = /^\/file\/bot[^/]+\/files\/(.+)$/.exec(url);
    if (download) {
      const bytes = this.files.get(download[1]!);
      res.writeHead(bytes ? 200 : 404).end(bytes);
      return;
    }
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    const ok = (result: unknown): void => send(200, { ok: true, result });

    if (method === "getMe") return ok({ id: 1, is_bot: true, first_name: "Relais", username: "relais_load_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true });
    if (method === "getFile") {
      const bytes = this.files.get(String(body.file_id));
      return bytes ? ok({ file_id: body.file_id, file_unique_id: body.file_id, file_size: bytes.length, file_path: `files/${String(body.file_id)}` }) : send(400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
    }
    if (method === "getUpdates") {
      const offset = Number(body.offset ?? 0);
      const limit = Number(body.limit ?? 100);
      const ready = this.queue.filter((u) => Number(u.update_id) >= offset).slice(0, limit);
      if (ready.length === 0) await sleep(50);
      return ok(ready);
    }
    this.calls.push({ method, payload: body });
    if (method === "sendMessage") {
      const roll = this.random();
      if (roll < this.faults.tooManyRequests) {
        this.injected.tooManyRequests++;
        return send(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${this.faults.retryAfterSeconds}`, parameters: { retry_after: this.faults.retryAfterSeconds } });
      }
      if (roll < this.faults.tooManyRequests + this.faults.serverErrors) {
        this.injected.serverErrors++;
        return send(502, { ok: false, error_code: 502, description: "Bad Gateway" });
      }
      if (roll < this.faults.tooManyRequests + this.faults.serverErrors + this.faults.slow) {
        this.injected.slow++;
        await sleep(this.faults.slowMs);
      }
      const reply = body.reply_parameters as { message_id?: number } | undefined;
      this.delivered.push({ chatId: Number(body.chat_id), text: String(body.text), ...(reply?.message_id ? { replyTo: reply.message_id } : {}) });
      return ok({ message_id: this.nextMessageId++, date: 0, chat: { id: body.chat_id, type: "private" }, text: body.text });
    }
    const chat = { id: body.chat_id, type: "private" };
    return ok(method.startsWith("send") ? { message_id: this.nextMessageId++, date: 0, chat } : true);
  }
}

/** The fields of a multipart body: text as strings, files as their bytes. */
function multipartFields(body: Buffer, type: string): Record<string, string | Buffer> {
  const boundary = Buffer.from(`--${/boundary=([^;]+)/.exec(type)?.[1] ?? ""}`);
  const fields: Record<string, string | Buffer> = {};
  let at = body.indexOf(boundary);
  while (at !== -1) {
    const next = body.indexOf(boundary, at + boundary.length);
    if (next === -1) break;
    const part = body.subarray(at + boundary.length + 2, next - 2); // past "\r\n", before "\r\n--"
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) fields[name] = /filename=/.test(headers) ? Buffer.from(content) : content.toString("utf8");
    at = next;
  }
  return fields;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A small seeded generator, so a fault pattern can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
