import { afterEach, describe, expect, it, vi } from "vitest";
import { http, HttpResponse } from "msw";
import { API, useTelegramStandIn, makeBot, textUpdate } from "./harness.js";

const { server: telegram, calls } = useTelegramStandIn();
afterEach(() => vi.useRealTimers());

const FINE = "Quelle est l'amende pour dépassement de visa en Tunisie ?";
const sent = () => calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));

describe("calls to the Bot API", () => {
  it("gives up on a call that hangs, so the same chat's next question is answered", async () => {
    let hung = false;
    telegram.use(
      http.post(`${API}/sendMessage`, async () => {
        if (hung) return undefined; // later calls: the stand-in's normal answer
        hung = true;
        await new Promise(() => {}); // never answers
      }),
    );
    const log: string[] = [];
    const { bot } = await makeBot({ log, apiCallTimeoutSeconds: 1, networkRetryDelaysMs: [] });
    const first = bot.handleUpdate(textUpdate("Les Maliens ont-ils besoin d'un visa pour la Côte d'Ivoire ?"));
    const second = bot.handleUpdate(textUpdate(FINE));
    await Promise.allSettled([first, second]);
    expect(sent().join()).toMatch(/20 dinars tunisiens par semaine/);
  }, 15_000);

  it("waits out a long retry_after and still sends the answer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let refused = false;
    telegram.use(
      http.post(`${API}/sendMessage`, () => {
        if (refused) return undefined;
        refused = true;
        return HttpResponse.json({ ok: false, error_code: 429, description: "Too Many Requests: retry after 120", parameters: { retry_after: 120 } }, { status: 429 });
      }),
    );
    const { bot } = await makeBot();
    let done = false;
    const handled = bot.handleUpdate(textUpdate(FINE)).finally(() => (done = true));
    for (let second = 0; second < 130 && !done; second++) await vi.advanceTimersByTimeAsync(1_000);
    await handled;
    expect(refused).toBe(true);
    expect(sent().join()).toMatch(/20 dinars tunisiens par semaine/);
  });

  it("logs an outage once, and its end", async () => {
    let failures = 3;
    telegram.use(
      http.post(`${API}/sendMessage`, () => {
        if (failures-- > 0) return HttpResponse.error();
        return undefined;
      }),
    );
    const log: string[] = [];
    const { bot } = await makeBot({ log, networkRetryDelaysMs: [10, 10] });
    await bot.handleUpdate(textUpdate(FINE)); // three network failures: given up on
    await bot.handleUpdate(textUpdate(FINE)); // Telegram is back
    expect(log.filter((l) => /Bot API unreachable/.test(l))).toHaveLength(1);
    expect(log.filter((l) => /Bot API reachable again/.test(l))).toHaveLength(1);
    expect(sent()).toHaveLength(1);
  });
});
