import { beforeAll, describe, expect, it } from "vitest";
import { loadFactCards } from "../../src/answer/fact-cards.js";
import { cleanModelText, contentShare, factsOf, SUPPORTED_SHARE, verifySentence } from "../../src/answer/verify.js";
import type { Corpus, Passage } from "../../src/corpus/index.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let retriever: PassageRetriever;
let corpus: Corpus;
const passage = (id: string): Passage => corpus.passageById.get(id)!;
beforeAll(async () => {
  retriever = await PassageRetriever.open();
  corpus = retriever.corpus;
});

describe("cleanModelText", () => {
  it.each([
    ["an SGR colour", "\u001b[31mred\u001b[0m", "red"],
    ["a screen clear and cursor move", "\u001b[2J\u001b[10;20Hhere", "here"],
    ["a window title (OSC, BEL)", "\u001b]0;owned\u0007text", "text"],
    ["a hyperlink (OSC, ST)", "\u001b]8;;http://x.test\u001b\\link\u001b]8;;\u001b\\", "link"],
    ["an 8-bit CSI", "a\u009b1mb", "ab"],
    ["C0 controls", "a\u0000b\u0007c\u0008d\u007f", "abcd"],
    ["C1 controls", "a\u0085b\u0090c", "a bc"],
    ["bidirectional overrides and marks", "\u202eabc\u202c \u2066d\u2069\u200f", "abc d"],
    ["tabs and carriage returns, as spaces", "a\tb\r\nc", "a b \nc"],
    ["nothing in plain text", "En 2010, 1 013 760 Maliens vivaient à l’étranger. « Oui »", "En 2010, 1 013 760 Maliens vivaient à l’étranger. « Oui »"],
  ])("removes %s", (_name, text, clean) => {
    expect(cleanModelText(text)).toBe(clean);
  });
});

describe("factsOf", () => {
  const shown = (text: string, lang: "en" | "fr") => factsOf(text, lang).map((f) => [...f.numbers, ...f.words.map((w) => w.join(" "))].join("|"));
  it.each([
    ["Send 200 euros by Western Union to Mr X to fix your papers.", "en", ["200", "western union", "mr x"]],
    ["Western Union is not in the reports.", "en", ["western union|union"]],
    ["In Tunisia, the fine is 20 dinars per week.", "en", ["20", "tunisia"]],
    ["In 2010, 1,013,760 Malians lived abroad.", "en", ["2010", "1013760", "malians"]],
    ["En 2010, 1 013 760 Maliens vivaient à l'étranger.", "fr", ["2010", "1013760", "maliens"]],
    ["ECOWAS nationals may stay three months.", "en", ["3|three|trois", "ecowas"]],
    ["The law dates from 3 February 1962.", "en", ["3", "1962", "february|fevrier"]],
    ["Loi du 3 février 1962, modifiée en mars.", "fr", ["3", "1962", "february|fevrier", "march|mars"]],
    ["People may march. But Mali keeps its rules.", "en", ["mali"]],
  ] as const)("%s", (text, lang, facts) => {
    expect(shown(text, lang)).toEqual(facts);
  });
});

describe("verifySentence", () => {
  const MALIANS = "iom-mali-crisis-2013:007";
  const TUNISIA_FINE = "mmc-tunis-bamako-2020:090";
  const verify = (text: string, lang: "en" | "fr", ids: string[], citations = [1]) => verifySentence({ text, citations }, lang, ids.map(passage), corpus, retriever);

  it("keeps a faithful sentence and quotes the passage sentence that holds its facts", () => {
    expect(verify("In 2009, Malians abroad sent home USD 405 million.", "en", [MALIANS])).toEqual({ supported: true, text: "In 2009, Malians abroad sent home USD 405 million.", support: [{ number: 1, range: { from: 1, to: 2 } }] });
  });

  it("reads a French sentence against the French translation", () => {
    const verdict = verify("Entre 2002 et 2008, 434 Maliens sont rentrés d'Asie.", "fr", [MALIANS]);
    expect(verdict).toMatchObject({ supported: true, support: [{ number: 1, range: { from: 4, to: 5 } }] });
  });

  it("quotes a sentence per cited passage, and leaves out a cited passage that says nothing of it", () => {
    const verdict = verify("In 2010, 1,013,760 Malians were living abroad.", "en", [TUNISIA_FINE, MALIANS], [1, 2]);
    expect(verdict).toEqual({ supported: true, text: "In 2010, 1,013,760 Malians were living abroad.", support: [{ number: 2, range: { from: 0, to: 1 } }] });
  });

  it.each([
    ["a passage that was not retrieved", "In 2010, 1,013,760 Malians lived abroad.", "en", [2], "not-retrieved"],
    ["no citation", "In 2010, 1,013,760 Malians lived abroad.", "en", [], "not-retrieved"],
    ["nothing but control characters", "\u001b[31m\u0007 \u202e", "en", [1], "empty"],
    ["the other language", "In 2010, 1,013,760 Malians lived abroad.", "fr", [1], "wrong-language"],
    ["a number the passage does not hold", "In 2010, 1,113,760 Malians lived abroad.", "en", [1], "unsupported-fact"],
    ["a year the passage does not hold", "In 2012, 1,013,760 Malians lived abroad.", "en", [1], "unsupported-fact"],
    ["a name the passage does not hold", "In 2010, 1,013,760 Malians lived in Italy.", "en", [1], "unsupported-fact"],
    ["an instruction with an amount", "Send 200 euros by Western Union to Mr X to fix your papers.", "en", [1], "unsupported-fact"],
    ["an instruction with no fact", "You should pay a smuggler to cross the desert quickly.", "en", [1], "unsupported-words"],
    ["words the passage does not say", "Malians abroad are mostly doctors and engineers earning high salaries.", "en", [1], "unsupported-words"],
  ] as const)("drops a sentence citing %s", (_name, text, lang, citations, reason) => {
    expect(verify(text, lang, [MALIANS], [...citations])).toEqual({ supported: false, reason });
  });

  it("needs most content words of a sentence in its passage: the threshold, measured on the fact cards", () => {
    const facts = loadFactCards(corpus).cards.flatMap((c) => c.facts);
    const texts = facts.flatMap((f) => (["en", "fr"] as const).map((lang) => ({ text: f.text[lang], lang, passage: f.passage })));
    const own = texts.map((t) => contentShare(t.text, t.lang, [t.passage], corpus, retriever));
    expect(own.filter((s) => s >= SUPPORTED_SHARE).length / own.length).toBeGreaterThanOrEqual(0.9);
    const body = corpus.passages.filter((p) => p.kind === "body");
    const elsewhere = texts.flatMap((t, i) => [1, 2, 3].map((k) => body[(i * 37 + k * 101) % body.length]!).filter((p) => p.docId !== t.passage.docId).map((p) => contentShare(t.text, t.lang, [p], corpus, retriever)));
    expect(Math.max(...elsewhere)).toBeLessThan(SUPPORTED_SHARE);
  });
});
