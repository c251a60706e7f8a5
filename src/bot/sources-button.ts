import { type Citation, citeSentences } from "../answer/index.js";
import { type Corpus, LANGUAGES, type Language } from "../corpus/index.js";

/**
 * The sources button carries what any replica needs to show the sources again, after a restart
 * too: the answer's language and, per citation, which sentences of which passage it quoted.
 * Nothing is kept on the server. `src:<language><corpus tag><5 characters per citation>`.
 */
const PREFIX = "src:";
/** Telegram's limit on callback data. */
const MAX_CALLBACK_BYTES = 64;
/** Ties a button to the corpus it was made from: after a rebuild, old buttons say "expired". */
const CORPUS_TAG_CHARS = 3;
/** One citation in 30 bits, 5 base64url characters: passage, first sentence, sentence count, marker. */
const CITATION_CHARS = 5;
const PASSAGE_BITS = 12;
const FIRST_SENTENCE_BITS = 7;
const COUNT_BITS = 5;
const MARKER_BITS = 6;
/** The most citations one button holds: answers cite two or three. */
export const MAX_BUTTON_CITATIONS = Math.floor((MAX_CALLBACK_BYTES - PREFIX.length - 1 - CORPUS_TAG_CHARS) / CITATION_CHARS);

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Matches the callback data of a sources button. */
export const SOURCES_DATA = new RegExp(`^${PREFIX}([0-9])([\\w-]{${CORPUS_TAG_CHARS}})((?:[\\w-]{${CITATION_CHARS}})+)$`);

const ordinals = new WeakMap<Corpus, Map<string, number>>();
function ordinalOf(corpus: Corpus, passageId: string): number | undefined {
  let byId = ordinals.get(corpus);
  if (!byId) ordinals.set(corpus, (byId = new Map(corpus.passages.map((p, i) => [p.id, i]))));
  return byId.get(passageId);
}

function corpusTag(corpus: Corpus): string {
  return Buffer.from(corpus.manifest.passagesSha256.slice(0, 6), "hex").toString("base64url").slice(0, CORPUS_TAG_CHARS);
}

function encode(value: number, chars: number): string {
  let out = "";
  for (let i = 0; i < chars; i++) out = DIGITS[(value >>> (6 * i)) & 63] + out;
  return out;
}

function decode(text: string): number {
  return [...text].reduce((value, char) => value * 64 + DIGITS.indexOf(char), 0);
}

const fits = (value: number, bits: number) => Number.isInteger(value) && value >= 0 && value < 2 ** bits;

/** The button's data for these citations, or undefined when they cannot be carried (then no button). */
export function sourcesData(corpus: Corpus, lang: Language, citations: readonly Citation[]): string | undefined {
  if (citations.length === 0 || citations.length > MAX_BUTTON_CITATIONS) return undefined;
  let body = "";
  for (const c of citations) {
    const passage = ordinalOf(corpus, c.passageId);
    const { from, to } = c.sentences;
    if (passage === undefined || !fits(passage, PASSAGE_BITS) || !fits(from, FIRST_SENTENCE_BITS) || !fits(to - from - 1, COUNT_BITS) || !fits(c.marker - 1, MARKER_BITS)) return undefined;
    const packed = ((passage * 2 ** FIRST_SENTENCE_BITS + from) * 2 ** COUNT_BITS + (to - from - 1)) * 2 ** MARKER_BITS + (c.marker - 1);
    body += encode(packed, CITATION_CHARS);
  }
  return `${PREFIX}${LANGUAGES.indexOf(lang)}${corpusTag(corpus)}${body}`;
}

/** The citations a button's data names, quoted again from the corpus; undefined when it is stale or not the bot's. */
export function readSourcesData(corpus: Corpus, data: string): { lang: Language; citations: Citation[] } | undefined {
  const m = SOURCES_DATA.exec(data);
  if (!m || m[2] !== corpusTag(corpus)) return undefined;
  const lang = LANGUAGES[Number(m[1])];
  if (!lang) return undefined;
  const citations: Citation[] = [];
  for (let i = 0; i < m[3]!.length; i += CITATION_CHARS) {
    let packed = decode(m[3]!.slice(i, i + CITATION_CHARS));
    const marker = (packed % 2 ** MARKER_BITS) + 1;
    packed = Math.floor(packed / 2 ** MARKER_BITS);
    const count = (packed % 2 ** COUNT_BITS) + 1;
    packed = Math.floor(packed / 2 ** COUNT_BITS);
    const from = packed % 2 ** FIRST_SENTENCE_BITS;
    const passage = corpus.passages[Math.floor(packed / 2 ** FIRST_SENTENCE_BITS)];
    const sentences = passage && corpus.sentences.get(passage.id);
    if (!passage || !sentences || from + count > sentences.length) return undefined;
    citations.push(citeSentences(corpus, passage, marker, { from, to: from + count }));
  }
  return { lang, citations };
}
