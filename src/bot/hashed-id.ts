import { createHmac } from "node:crypto";

/**
 * A keyed hash of a Telegram user or chat id: what every short memory of the bot is filed
 * under, so that neither a memory dump nor Redis reveals who used the bot. 22 base64url
 * characters are 132 bits: no two people share one.
 */
export function hashedId(secret: string, kind: "user" | "chat", id: number): string {
  return createHmac("sha256", secret).update(`${kind}:${id}`).digest("base64url").slice(0, 22);
}

/**
 * The key of a person's kept language choice: 32 hex digits of an HMAC of the bare id. This is
 * the format STATE_FILE has always held (see state-file.ts), kept so that choices survive an
 * upgrade; Redis files choices under the same key.
 */
export function userKey(secret: string, userId: number): string {
  return createHmac("sha256", secret).update(String(userId)).digest("hex").slice(0, 32);
}
