import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AnswerKind } from "../answer/index.js";
import { hashedId } from "./hashed-id.js";
import type { KeyedStorage, StorageFactory } from "./keyed-storage.js";

const KIND_LETTER: Record<AnswerKind, string> = { card: "c", extract: "e", abstain: "a", generated: "g" };
const LETTER_KIND = Object.fromEntries(Object.entries(KIND_LETTER).map(([k, l]) => [l, k])) as Record<string, AnswerKind>;

/** fb:<answer id>:<kind letter><0|1>:<signature>, well under Telegram's 64 bytes. */
export const FEEDBACK_DATA = /^fb:([\w-]{8}):([ceag])([01]):([\w-]{10})$/;

/**
 * The 👍/👎 buttons of an answer carry its id, its kind and a signature, so that only data the
 * bot issued is counted (a forged "generated was useful" is refused), on any replica.
 */
export class FeedbackSigner {
  constructor(private readonly secret: string) {}

  /** A new answer's id. */
  answerId(): string {
    return randomBytes(6).toString("base64url");
  }

  data(answerId: string, kind: AnswerKind, useful: boolean): string {
    const body = `fb:${answerId}:${KIND_LETTER[kind]}${useful ? 1 : 0}`;
    return `${body}:${this.sign(body)}`;
  }

  /** The vote the data carries, or undefined when the bot did not issue it. */
  read(data: string): { answerId: string; kind: AnswerKind; useful: boolean } | undefined {
    const m = FEEDBACK_DATA.exec(data);
    if (!m) return undefined;
    const body = `fb:${m[1]}:${m[2]}${m[3]}`;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(m[4]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return { answerId: m[1]!, kind: LETTER_KIND[m[2]!]!, useful: m[3] === "1" };
  }

  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(body).digest("base64url").slice(0, 10);
  }
}

/** Who voted on which answer, so each person votes once per answer; a keyed hash of the user, a week at most. */
export interface VoteBook {
  /** Records the vote; false when this person already voted on this answer. */
  first(answerId: string, userId: number): Promise<boolean>;
}

export const VOTE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const CAPACITY = 200_000;

export class VoteClaims implements VoteBook {
  private readonly votes: KeyedStorage<never>;

  constructor(
    storage: StorageFactory,
    private readonly secret: string,
  ) {
    this.votes = storage<never>("vote", VOTE_TTL_MS, CAPACITY);
  }

  first(answerId: string, userId: number): Promise<boolean> {
    return this.votes.claim(`${answerId}:${hashedId(this.secret, "user", userId)}`);
  }
}
