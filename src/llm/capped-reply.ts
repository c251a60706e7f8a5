/** An endpoint's reply passed the size the caller reads. */
export class ReplyTooLarge extends Error {
  override name = "ReplyTooLarge";
  constructor(readonly limit: number) {
    super(`the reply is larger than ${limit} bytes`);
  }
}

/**
 * A reply's body, refused once it passes `limit` bytes: never read whole into memory, whatever
 * length it announces. The rest is cancelled without waiting (a stalled sender must not hold
 * the caller).
 */
export async function readCappedBytes(response: Response, limit: number): Promise<Buffer> {
  if (Number(response.headers.get("content-length")) > limit) {
    response.body?.cancel().catch(() => undefined);
    throw new ReplyTooLarge(limit);
  }
  if (!response.body) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

/** A reply's body as text, with readCappedBytes's cap. */
export async function readCappedText(response: Response, limit: number): Promise<string> {
  return (await readCappedBytes(response, limit)).toString("utf8");
}
