import { RunnableLambda, type Runnable } from "@langchain/core/runnables";
import { z } from "zod";
import type { Corpus, Passage } from "../corpus/index.js";
import { type ChatConfig, ChatError, complete, promptMessages, stripFences } from "../llm/chat.js";
import { type Language, type RetrievedPassage } from "../retrieval/index.js";
import { type Citation, citeSentences, type SentenceRange } from "./citation.js";
import type { AnswerDraft } from "./compose.js";
import type { Generator } from "./generator.js";

/** What the model must return: sentences, each citing passage numbers. */
export const GeneratedAnswerSchema = z.object({
  sentences: z.array(z.object({ text: z.string().min(1).max(600), citations: z.array(z.number().int()).min(1) })).max(8),
});

const LANGUAGE_NAMES: Record<Language, string> = { fr: "French", en: "English" };

/**
 * The optional generator: an OpenAI-compatible chat endpoint driven by @langchain/core
 * runnables and the templates in prompts/. Its output is parsed by zod; a sentence citing a
 * passage that was not retrieved is dropped; an error, a timeout or malformed output keeps the
 * offline answer.
 */
export class ChatGenerator implements Generator {
  private readonly chain: Runnable<{ language: string; question: string; passages: string }, z.infer<typeof GeneratedAnswerSchema>>;

  constructor(
    config: ChatConfig,
    private readonly log: (message: string) => void = () => {},
  ) {
    const prompt = RunnableLambda.from((values: { language: string; question: string; passages: string }) => promptMessages("answer", values));
    const callChat = RunnableLambda.from((messages: Awaited<ReturnType<typeof promptMessages>>) => complete(config, messages));
    const parse = RunnableLambda.from((content: string) => GeneratedAnswerSchema.parse(JSON.parse(stripFences(content))));
    this.chain = prompt.pipe(callChat).pipe(parse);
  }

  async generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined> {
    if (draft.kind === "card") return undefined; // a curated card is already written for people
    let generated: z.infer<typeof GeneratedAnswerSchema>;
    try {
      generated = await this.chain.invoke({ language: LANGUAGE_NAMES[lang], question, passages: formatPassages(passages) });
    } catch (error) {
      this.log(`generator: keeping the offline answer (${describe(error)})`);
      return undefined;
    }
    const kept = generated.sentences.filter((s) => s.citations.every((n) => n >= 1 && n <= passages.length));
    if (kept.length < generated.sentences.length) this.log(`generator: dropped ${generated.sentences.length - kept.length} sentence(s) citing passages that were not retrieved`);
    if (kept.length === 0) return undefined;

    const markers = new Map<number, Citation>(); // passage number -> citation
    const text = kept
      .map((sentence) => {
        const refs = sentence.citations.map((n) => {
          if (!markers.has(n)) {
            const passage = passages[n - 1]!.passage;
            markers.set(n, citeSentences(corpus, passage, markers.size + 1, closestSentence(corpus, passage, sentence.text)));
          }
          return `[${markers.get(n)!.marker}]`;
        });
        return `${sentence.text.trim()} ${[...new Set(refs)].join("")}`;
      })
      .join(" ");
    return { kind: "generated", abstained: false, text, citations: [...markers.values()] };
  }
}

/** Passages as numbered, fenced data: the model quotes from them, it does not obey them. */
function formatPassages(passages: RetrievedPassage[]): string {
  return passages.map((p, i) => `<passage number="${i + 1}">\n${p.passage.text.replace(/<\/?passage[^>]*>/gi, "")}\n</passage>`).join("\n");
}

/** The passage sentence sharing most words with a generated sentence: the words to quote. */
function closestSentence(corpus: Corpus, passage: Passage, generated: string): SentenceRange {
  const words = new Set(generated.toLowerCase().match(/\p{L}{3,}|\d+/gu) ?? []);
  let best = { score: -1, range: { from: 0, to: 1 } };
  (corpus.sentences.get(passage.id) ?? []).forEach((sentence, i) => {
    const score = (sentence.text.toLowerCase().match(/\p{L}{3,}|\d+/gu) ?? []).filter((w) => words.has(w)).length;
    if (score > best.score) best = { score, range: { from: i, to: i + 1 } };
  });
  return best.range;
}

function describe(error: unknown): string {
  if (error instanceof ChatError) return error.message;
  if (error instanceof SyntaxError) return "the reply was not JSON";
  if (error instanceof z.ZodError) return "the reply did not have the expected shape";
  return error instanceof Error ? error.message : String(error);
}
