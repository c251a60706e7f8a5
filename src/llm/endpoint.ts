import type { z } from "zod";
import { readCappedText, ReplyTooLarge } from "./capped-reply.js";

/** An OpenAI-compatible endpoint (chat, transcription): where it is, its key, the bound of one call. */
export interface Endpoint {
  /** The API root, ending in /v1 for most servers. */
  baseUrl: string;
  apiKey?: string | undefined;
  /** Bound of one call, reply included. */
  timeoutMs: number;
}

/** The call failed, timed out or was answered out of shape; the message says which, never what was sent. */
export class EndpointError extends Error {
  override name = "EndpointError";
}

/**
 * POSTs `body` to `path` under the endpoint's root and returns its JSON reply, checked against
 * `schema` (`shape` says what was expected), bounded in time and in size (`maxBytes`, never
 * read whole into memory).
 */
export async function postForJson<T>(endpoint: Endpoint, path: string, request: { body: NonNullable<RequestInit["body"]>; headers?: Record<string, string> }, maxBytes: number, schema: z.ZodType<T>, shape: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, endpoint.baseUrl.replace(/\/?$/, "/")), {
      method: "POST",
      headers: { ...request.headers, ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: request.body,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (error) {
    throw new EndpointError(isTimeout(error) ? "timed out" : `could not reach ${endpoint.baseUrl} (${(error as Error).message})`);
  }
  if (!response.ok) {
    release(response.body);
    throw new EndpointError(`the endpoint answered HTTP ${response.status}`);
  }
  let text: string;
  try {
    text = await readCappedText(response, maxBytes);
  } catch (error) {
    throw new EndpointError(error instanceof ReplyTooLarge ? error.message : isTimeout(error) ? "timed out" : "the reply could not be read");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EndpointError("the reply was not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new EndpointError(`the reply did not have the expected shape ${shape}`);
  return parsed.data;
}

/**
 * Frees the connection from a body left unread. Not awaited: cancelling one branch of a tee'd
 * body settles only when the other branch is cancelled too (msw tees every reply, mswjs/interceptors#712).
 */
function release(body: { cancel(): Promise<void> } | null): void {
  body?.cancel().catch(() => undefined);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}
