import { z } from "zod";
import { type ChatConfig, complete, promptMessages, stripFences } from "../llm/index.js";
import { type BankLine, BankQuestionSchema, checkQuestionBank, sentenceKey } from "./question-bank.js";
import type { Corpus } from "./load.js";
import type { Passage } from "./schema.js";

const DraftSchema = z.object({ questions: z.array(BankQuestionSchema).max(12), none: z.string().min(3).optional() });

/**
 * A machine draft of one sentence's bank line, through the optional chat endpoint. It is marked
 * unreviewed until a person has read it, and refused, with the reason, when it fails the checks
 * of the team's bank (languages and registers, numbers the sentence does not say).
 */
export async function draftBankLine(config: ChatConfig, corpus: Corpus, passage: Passage, sentence: number): Promise<BankLine> {
  const sentences = corpus.sentences.get(passage.id) ?? [];
  const text = sentences[sentence]?.text;
  if (!text) throw new Error(`passage ${passage.id} has no sentence ${sentence}`);
  const messages = await promptMessages("bank", {
    section: passage.section.join(" > ") || "no heading",
    // Fenced as data: the model writes questions about them, it does not obey them.
    passage: sentences.map((s) => s.text.replace(/<\/?sentence[^>]*>/gi, "")).join(" "),
    sentence: text.replace(/<\/?sentence[^>]*>/gi, ""),
  });
  let draft: z.infer<typeof DraftSchema>;
  try {
    draft = DraftSchema.parse(JSON.parse(stripFences(await complete(config, messages))));
  } catch {
    throw new Error("the model's reply was not the JSON asked for");
  }
  const line: BankLine = { passageId: passage.id, sentence, questions: draft.questions, ...(draft.questions.length === 0 && draft.none ? { none: draft.none } : {}), reviewed: false };
  // The line alone against the corpus: only its own problems count (the others are missing lines).
  const own = `${sentenceKey(passage.id, sentence)}:`;
  const problem = checkQuestionBank(corpus, [line]).find((p) => p.startsWith(own));
  if (problem) throw new Error(problem.slice(own.length).trim());
  return line;
}
