import { describe, expect, it } from "vitest";
import { answerBankQuestions, drawBankQuestions } from "../../src/cli/eval-bank.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

const retriever = await PassageRetriever.open();
const lines = retriever.corpus.bank!.lines;

describe("npm run eval:bank", () => {
  it("draws about the sample asked, the same questions for the same seed and others for another", () => {
    const draw = drawBankQuestions(lines, 300, 11);
    expect(draw.length).toBeGreaterThan(200);
    expect(draw.length).toBeLessThan(400);
    expect(drawBankQuestions(lines, 300, 11)).toEqual(draw);
    expect(drawBankQuestions(lines, 300, 12)).not.toEqual(draw);
  });

  it("scores whether the answer cites the sentence the question was written for, with the question left out of the bank", async () => {
    const line = lines.find((l) => l.passageId.startsWith("mmc-tunis-bamako-2020") && l.questions.length > 0 && /20 (Tunisian )?Dinars/i.test(retriever.corpus.sentences.get(l.passageId)?.[l.sentence]?.text ?? ""))!;
    const q = line.questions.find((x) => x.lang === "fr" && x.register === "formal")!;
    const [outcome] = await answerBankQuestions([{ passageId: line.passageId, sentence: line.sentence, lang: q.lang, register: q.register, text: q.text }], retriever);
    expect(outcome).toMatchObject({ cited: true, declined: false });
    const [elsewhere] = await answerBankQuestions([{ passageId: line.passageId, sentence: line.sentence, lang: "en", register: "formal", text: "Who won the football match yesterday?" }], retriever);
    expect(elsewhere!.cited).toBe(false);
  });
});
