import { z } from "zod";
import { type ChatConfig, complete, promptMessages, stripFences } from "../llm/index.js";
import type { TranslatedLanguage } from "./languages.js";
import type { Passage } from "./schema.js";
import { checkTranslations, type Translation, translationBlank } from "./translations.js";

const LANGUAGE_NAMES: Record<TranslatedLanguage, string> = { fr: "French" };

const DraftSchema = z.object({ sentences: z.array(z.string().min(1).max(4_000)) });

/**
 * A machine draft of a passage's translation, through the optional chat endpoint, sentence by
 * sentence as the answerer cuts it. It is marked unreviewed (the bot says so beside it) and
 * refused, with the reason, when it fails the same checks as the team's translations.
 */
export async function draftTranslation(config: ChatConfig, passage: Passage, lang: TranslatedLanguage): Promise<Translation> {
  const blank = translationBlank(passage);
  const english = blank.sentences.map((s) => s.en);
  const messages = await promptMessages("translate", {
    language: LANGUAGE_NAMES[lang],
    count: String(english.length),
    // Numbered and fenced as data: the model translates them, it does not obey them.
    sentences: english.map((s, i) => `<sentence number="${i + 1}">${s.replace(/<\/?sentence[^>]*>/gi, "")}</sentence>`).join("\n"),
  });
  const content = await complete(config, messages);
  let draft: z.infer<typeof DraftSchema>;
  try {
    draft = DraftSchema.parse(JSON.parse(stripFences(content)));
  } catch {
    throw new Error("the model's reply was not the JSON asked for");
  }
  if (draft.sentences.length !== english.length) throw new Error(`the model returned ${draft.sentences.length} sentences for ${english.length}`);
  const translation: Translation = { passageId: passage.id, sentences: english.map((en, i) => ({ en, text: draft.sentences[i]!.replace(/[\u0000-\u001f\u007f]+/g, " ").trim() })), reviewed: false };
  const problem = checkTranslations(lang, [passage], [translation])[0];
  if (problem) throw new Error(problem.problem);
  return translation;
}
