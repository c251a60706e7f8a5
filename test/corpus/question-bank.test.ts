import { describe, expect, it } from "vitest";
import { type BankLine, checkQuestionBank, loadCorpus } from "../../src/corpus/index.js";

const corpus = loadCorpus();
const bank = corpus.bank!;

describe("the committed question bank (npm run check:bank)", () => {
  it("passes every check, with a line for every sentence and thousands of questions", () => {
    expect(checkQuestionBank(corpus, bank.lines)).toEqual([]);
    expect(bank.lines.reduce((n, l) => n + l.questions.length, 0)).toBeGreaterThanOrEqual(6_000);
  });

  it("asks the Tunisia fine's sentence for its weekly amount, in French and in English", () => {
    const fine = bank.lines.find((l) => corpus.sentences.get(l.passageId)?.[l.sentence]?.text.includes("20 Tunisian Dinars per week"))!;
    expect(fine.questions.some((q) => q.lang === "fr" && q.register === "informal")).toBe(true);
    expect(fine.questions.some((q) => q.lang === "en")).toBe(true);
  });
});

describe("the bank checks", () => {
  const fineLine = bank.lines.find((l) => corpus.sentences.get(l.passageId)?.[l.sentence]?.text.includes("20 Tunisian Dinars per week"))!;
  const withLine = (edit: (line: BankLine) => void) =>
    bank.lines.map((l) => {
      if (l !== fineLine) return l;
      const copy = structuredClone(l);
      edit(copy);
      return copy;
    });
  const at = `${fineLine.passageId}#${fineLine.sentence}`;

  it("names a question that carries a number its sentence does not say", () => {
    const problems = checkQuestionBank(corpus, withLine((l) => l.questions.push({ lang: "fr", register: "informal", text: "c 35 dinars par semaine en tunisie ?" })));
    expect(problems).toEqual([`${at}: "c 35 dinars par semaine en tunisie ?" says 35, which the sentence and its headings do not`]);
  });

  it("reads a name with a digit that the passage uses ('4Mi') as a name, not a figure; one the passage never uses still counts", () => {
    const line = bank.lines.find((l) => corpus.passageById.get(l.passageId)?.text.includes("4Mi") && !/\d/.test(corpus.sentences.get(l.passageId)?.[l.sentence]?.text ?? "0") && l.questions.length > 0)!;
    const asked = { lang: "fr" as const, register: "informal" as const, text: "les donnees 4Mi disent koi la dessus ?" };
    const edited = bank.lines.map((l) => (l === line ? { ...l, questions: [...l.questions, asked] } : l));
    expect(checkQuestionBank(corpus, edited)).toEqual([]);
    const elsewhere = bank.lines.find((l) => {
      const passage = corpus.passageById.get(l.passageId)!;
      const sentence = corpus.sentences.get(l.passageId)?.[l.sentence];
      return l.questions.length > 0 && !passage.text.includes("4") && !passage.section.join(" ").includes("4") && !(sentence?.translations.fr?.text ?? "").includes("4");
    })!;
    const flagged = bank.lines.map((l) => (l === elsewhere ? { ...l, questions: [...l.questions, asked] } : l));
    expect(checkQuestionBank(corpus, flagged)).toEqual([`${elsewhere.passageId}#${elsewhere.sentence}: "${asked.text}" says 4, which the sentence and its headings do not`]);
  });

  it("names a sentence without enough informal French questions", () => {
    const problems = checkQuestionBank(corpus, withLine((l) => (l.questions = l.questions.filter((q) => !(q.lang === "fr" && q.register === "informal")))));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${at}: needs at least 3 fr questions \\(2 informal\\); has \\d \\(0 informal\\)$`))]);
  });

  it("names a question asked twice, even written otherwise", () => {
    const first = fineLine.questions[0]!;
    const problems = checkQuestionBank(corpus, withLine((l) => l.questions.push({ ...first, text: first.text.toUpperCase() + " ?" })));
    expect(problems).toEqual([`${at}: "${first.text.toUpperCase()} ?" is already a question of ${at}`]);
  });

  it("names a figure sentence left with no questions and no reason", () => {
    const problems = checkQuestionBank(corpus, withLine((l) => (l.questions = [])));
    expect(problems).toEqual([`${at}: a sentence with a figure or of 12 words or more needs questions or a "none" reason`]);
  });

  it("names missing sentences and points to the drafting command", () => {
    const problems = checkQuestionBank(corpus, bank.lines.filter((l) => l !== fineLine));
    expect(problems).toEqual([`1 sentences have no line (first: ${at}); \`npm run draft:bank -- --missing\` drafts them`]);
  });
});
