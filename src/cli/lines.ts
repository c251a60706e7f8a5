/** One input line: its number (from 1) and its text, or its size when it passed the cap. */
export type InputLine = { number: number; text: string } | { number: number; tooLongBytes: number };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The lines of a stream, one for every "\n" (a "\r\n" ending counts once; a lone "\r" stays
 * inside its line), blank lines included, so that outputs line up with inputs. A line longer
 * than `maxBytes` is not kept in memory: it is reported by its size only.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<InputLine> {
  let number = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let seenBytes = false;
  const finish = (): InputLine => {
    number++;
    if (size > maxBytes) return { number, tooLongBytes: size };
    let line = Buffer.concat(parts);
    if (line.at(-1) === CARRIAGE_RETURN) line = line.subarray(0, -1);
    return { number, text: line.toString("utf8") };
  };
  for await (const chunk of input) {
    let buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE)) {
      keep(buffer.subarray(0, end));
      yield finish();
      parts = [];
      size = 0;
      seenBytes = false;
      buffer = buffer.subarray(end + 1);
    }
    keep(buffer);
  }
  if (seenBytes) yield finish();

  function keep(bytes: Buffer): void {
    if (bytes.length === 0) return;
    seenBytes = true;
    size += bytes.length;
    if (size <= maxBytes) parts.push(bytes);
    else parts = []; // over the cap: only the size is counted from now on
  }
}
