import { randomBytes } from "node:crypto";

/**
 * The full sources of recent answers, for the "sources" button. Holds only report text (no
 * question, no user), in memory, for a bounded time and count.
 */
export class SourcesCache {
  private readonly entries = new Map<string, { html: string; expires: number }>();

  constructor(
    private readonly capacity = 2_000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores the HTML and returns a short key that fits in callback data. */
  put(html: string): string {
    const key = randomBytes(6).toString("base64url");
    this.entries.set(key, { html, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.html;
  }
}
