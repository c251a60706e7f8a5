import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ChatError, complete, MAX_REPLY_BYTES } from "../../src/llm/chat.js";

const BASE = "http://llm.test/v1";
const config = { baseUrl: BASE, model: "stand-in", timeoutMs: 5_000 };
const server = setupServer();
// Only the loopback stand-in below passes through; anything else would be a test touching a network.
beforeAll(() => server.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname === "127.0.0.1" ? undefined : print.error()) }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("a call to the chat endpoint", () => {
  // A real server on loopback: msw buffers a streamed body, and the point is that the reader does not.
  it("refuses a reply past the cap without reading it whole (200 MB offered, no length announced)", async () => {
    const chunk = "x".repeat(64 * 1024);
    const llm = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      let sent = 0;
      const write = (): void => {
        while (sent < 3_200) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        res.end();
      };
      write();
    });
    await new Promise<void>((resolve) => llm.listen(0, "127.0.0.1", resolve));
    try {
      const local = { ...config, baseUrl: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1` };
      await expect(complete(local, [{ role: "user", content: "q" }])).rejects.toThrow(new ChatError(`the reply is larger than ${MAX_REPLY_BYTES} bytes`));
    } finally {
      llm.closeAllConnections();
      await new Promise<void>((resolve) => llm.close(() => resolve()));
    }
  });

  it("returns the content of a reply within the cap", async () => {
    server.use(http.post(`${BASE}/chat/completions`, () => HttpResponse.json({ choices: [{ message: { content: '{"sentences": []}' } }] })));
    expect(await complete(config, [{ role: "user", content: "q" }])).toBe('{"sentences": []}');
  });
});
