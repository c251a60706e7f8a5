import { RunnableLambda, type Runnable } from "@langchain/core/runnables";
import { z } from "zod";
import { type Corpus, REPORT_LANGUAGE } from "../corpus/index.js";
import { type ChatConfig, ChatError, complete, promptMessages, stripFences } from "../llm/index.js";
import type { Language, RetrievedPassage } from "../retrieval/index.js";
import { type Citation, citeSentences } from "./citation.js";
import type { AnswerDraft } from "./compose.js";
import type { Generator } from "./generator.js";
import { cleanModelText, type DropReason, type SentenceReader, verifySentence } from "./verify.js";
import { datedWarning, extractText } from "./wording.js";

/** What the model must return: sentences, each citing passage numbers. */
export const GeneratedAnswerSchema = z.object({
  sentences: z.array(z.object({ text: z.string().min(1).max(600), citations: z.array(z.number().int()).min(1) })).max(8),
});

const LANGUAGE_NAMES: Record<Language, string> = { fr: "French", en: "English" };

/**
 * Below this share of the model's sentences verified, the offline answer stands: a reply that
 * is mostly unsupported is not trusted for the rest, and what is left of it would not answer.
 * With no sentence left, the same.
 */
export const MIN_KEPT_SHARE = 0.5;

const DROP_REASONS: Record<DropReason, string> = {
  "not-retrieved": "citing passages that were not retrieved",
  empty: "with no words",
  "wrong-language": "in another language than the answer's",
  "unsupported-fact": "stating a number, date or name the cited passages do not",
  "unsupported-words": "whose words the cited passages do not say",
};

/**
 * The optional generator: an OpenAI-compatible chat endpoint driven by @langchain/core
 * runnables and the templates in prompts/. Its output is cleaned of control characters,
 * parsed by zod, then verified sentence by sentence (src/answer/verify.ts): a sentence is
 * shown only when its cited passages, which were retrieved, say what it says, in the answer's
 * language, each citation quoting the sentence that supports it. An error, a timeout,
 * malformed output or too few supported sentences keeps the offline answer.
 */
export class ChatGenerator implements Generator {
  private readonly chain: Runnable<{ language: string; question: string; passages: string }, z.infer<typeof GeneratedAnswerSchema>>;

  /** `reader` reads text for verification as retrieval reads it: the retriever's analysers and language identification. */
  constructor(
    config: ChatConfig,
    private readonly log: (message: string) => void,
    private readonly reader: SentenceReader,
  ) {
    const prompt = RunnableLambda.from((values: { language: string; question: string; passages: string }) => promptMessages("answer", values));
    const callChat = RunnableLambda.from((messages: Awaited<ReturnType<typeof promptMessages>>) => complete(config, messages));
    // Control characters go before anything else reads the reply; JSON escapes (\u001b) are cleaned again per sentence.
    const parse = RunnableLambda.from((content: string) => GeneratedAnswerSchema.parse(JSON.parse(stripFences(cleanModelText(content)))));
    this.chain = prompt.pipe(callChat).pipe(parse);
  }

  async generate(question: string, lang: Language, passages: RetrievedPassage[], draft: AnswerDraft, corpus: Corpus): Promise<AnswerDraft | undefined> {
    if (draft.kind === "card") return undefined; // a curated card is already written for people
    let generated: z.infer<typeof GeneratedAnswerSchema>;
    try {
      generated = await this.chain.invoke({ language: LANGUAGE_NAMES[lang], question, passages: formatPassages(passages, lang, corpus) });
    } catch (error) {
      this.log(`generator: keeping the offline answer (${describe(error)})`);
      return undefined;
    }
    const { reader } = this;
    const retrieved = passages.map((p) => p.passage);
    const verdicts = generated.sentences.map((sentence) => verifySentence(sentence, lang, retrieved, corpus, reader));
    const kept = verdicts.flatMap((v) => (v.supported ? [v] : []));
    const total = generated.sentences.length;
    if (kept.length < total) this.log(`generator: dropped ${total - kept.length} sentence(s) of ${total} (${droppedReasons(verdicts)})`);
    if (kept.length === 0 || kept.length < MIN_KEPT_SHARE * total) {
      if (total > 0) this.log(`generator: keeping the offline answer (${kept.length} of ${total} sentence(s) supported)`);
      return undefined;
    }

    const citations = new Map<string, Citation>(); // passage and sentences quoted -> citation
    const sentences = kept.map((sentence) => {
      const markers = sentence.support.map(({ number, range }) => {
        const passage = passages[number - 1]!.passage;
        const key = `${passage.id} ${range.from}-${range.to}`;
        if (!citations.has(key)) citations.set(key, citeSentences(corpus, passage, citations.size + 1, range));
        return `[${citations.get(key)!.marker}]`;
      });
      return `${sentence.text} ${[...new Set(markers)].join("")}`;
    });
    const cited = [...citations.values()];
    const parts = [sentences.join(" ")];
    if (quotesDatedFact(cited)) parts.push(datedWarning(lang, cited));
    return { kind: "generated", abstained: false, text: parts.join("\n\n"), citations: cited };
  }
}

/**
 * Whether citations quote a fact that ages (a fine, a law, a permit), by the very rule an
 * extract follows: wording.ts adds its warning to an extract of these citations exactly then.
 */
function quotesDatedFact(citations: Citation[]): boolean {
  return citations.length > 0 && extractText(citations, REPORT_LANGUAGE).endsWith(`\n\n${datedWarning(REPORT_LANGUAGE, citations)}`);
}

function droppedReasons(verdicts: ReturnType<typeof verifySentence>[]): string {
  const counts = new Map<DropReason, number>();
  for (const v of verdicts) if (!v.supported) counts.set(v.reason, (counts.get(v.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${DROP_REASONS[reason]}`).join("; ");
}

/** Text that could close or open a fence of the prompt. */
const FENCE_TAG = /<\/?(?:passage|translation)\b[^>]*>/gi;

/**
 * Passages as numbered, fenced data: the model quotes from them, it does not obey them. For an
 * answer in a translated language, each carries its aligned translation, the words the
 * verification compares the answer with.
 */
function formatPassages(passages: RetrievedPassage[], lang: Language, corpus: Corpus): string {
  return passages
    .map((p, i) => {
      const translation = lang === REPORT_LANGUAGE ? undefined : corpus.translations.get(lang)?.get(p.passage.id);
      const translated = translation ? `\n<translation lang="${lang}">\n${translation.sentences.map((s) => s.text).join(" ").replace(FENCE_TAG, "")}\n</translation>` : "";
      return `<passage number="${i + 1}">\n${p.passage.text.replace(FENCE_TAG, "")}${translated}\n</passage>`;
    })
    .join("\n");
}

function describe(error: unknown): string {
  if (error instanceof ChatError) return error.message;
  if (error instanceof SyntaxError) return "the reply was not JSON";
  if (error instanceof z.ZodError) return "the reply did not have the expected shape";
  return error instanceof Error ? error.message : String(error);
}
