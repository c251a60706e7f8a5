/** An endpoint's reply passed the size the caller reads. */
export class ReplyTooLarge extends Error {
  override name = "ReplyTooLarge";
  constructor(readonly limit: number) {
    super(`the reply is larger than ${limit} bytes`);
  }
}

/**
 * A reply's body as text, refused once it passes `limit` bytes: never read whole into memory,
 * whatever length it announces. The rest is cancelled without waiting (a stalled sender must
 * not hold the caller).
 */
export async function readCappedText(response: Response, limit: number): Promise<string> {
  if (Number(response.headers.get("content-length")) > limit) {
    response.body?.cancel().catch(() => undefined);
    throw new ReplyTooLarge(limit);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      throw new ReplyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
