import { beforeAll, describe, expect, it } from "vitest";
import { Answerer, renderPlainText, toContract } from "../../src/answer/index.js";
import { extractText } from "../../src/answer/wording.js";
import type { Citation } from "../../src/answer/citation.js";
import { readsAsFrench } from "../../src/eval/answer-eval.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let answerer: Answerer;
beforeAll(async () => {
  answerer = Answerer.create(await PassageRetriever.open());
});

describe("answers for French readers", () => {
  it("quotes the French translation of the reports' sentences, keeping their English words in the citation", async () => {
    const answer = await answerer.ask("Combien de Maliens vivent à l'étranger ?");
    expect(answer).toMatchObject({ lang: "fr", kind: "extract", abstained: false });
    expect(answer.text).toMatch(/^Voici ce que disent les rapports :/);
    expect(readsAsFrench(answer.text)).toBe(true);
    for (const c of answer.citations) {
      expect(c.translations.fr!.reviewed).toBe(true);
      expect(answer.text).toContain(`« ${c.translations.fr!.text} » [${c.marker}]`);
      expect(answer.passages.find((p) => p.passage.id === c.passageId)!.passage.text.replace(/\s+/g, " ")).toContain(c.quote);
    }
  });

  it("gives NGO staff at a terminal the report's English under each French quote", async () => {
    const answer = await answerer.ask("Combien de Maliens vivent à l'étranger ?");
    const shown = renderPlainText(answer);
    for (const c of answer.citations) expect(shown).toContain(`“${c.quote}”`);
  });

  it("adds quoteFr to the contract's citations, beside the report's quote", async () => {
    const contract = toContract(await answerer.ask("Combien de Maliens vivent à l'étranger ?"));
    for (const c of contract.citations) {
      expect(Object.keys(c).slice(-2)).toEqual(["quote", "quoteFr"]);
      expect((c as { quoteFr?: string }).quoteFr).toMatch(/\p{L}/u);
    }
  });

  it("answers an English question with the reports' own words", async () => {
    const answer = await answerer.ask("How many Malians live abroad?");
    expect(answer.text).toMatch(/^Here is what the reports say:/);
    for (const c of answer.citations) expect(answer.text).toContain(`“${c.quote}” [${c.marker}]`);
  });

  it("says beside a quote when its translation is an unreviewed machine draft", () => {
    const citation = (reviewed: boolean): Citation => ({
      marker: 1, passageId: "p", docId: "d", title: "T", publisher: "P", year: 2020, quote: "The penalty is 20 Tunisian Dinars per week.", sentences: { from: 0, to: 1 },
      translations: { fr: { text: "La pénalité est de 20 dinars tunisiens par semaine.", reviewed } },
    });
    expect(extractText([citation(false)], "fr")).toContain("« La pénalité est de 20 dinars tunisiens par semaine. » [1] (traduction automatique, pas encore relue)");
    expect(extractText([citation(true)], "fr")).not.toContain("traduction automatique");
  });
});
