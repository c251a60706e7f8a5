import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FactCardError, FACT_CARDS_PATH, loadFactCards } from "../../src/answer/fact-cards.js";
import { foldForMatch, loadCorpus } from "../../src/corpus/index.js";

const corpus = loadCorpus();

describe("fact cards", () => {
  const cards = loadFactCards(corpus);

  it("tie every fact to a passage of the corpus that holds its quote word for word", () => {
    for (const card of cards.cards) {
      for (const fact of card.facts) expect(foldForMatch(fact.passage.text), `${card.id}: ${fact.quote}`).toContain(foldForMatch(fact.quote));
    }
  });

  it("cover what people ask most, in French and English", () => {
    const ids = cards.cards.map((c) => c.id);
    for (const id of ["tunisia-overstay-fine", "tunisia-visa-free-90-days", "tunisia-leave-with-unpaid-fines", "tunisia-covid-freeze-of-penalties", "ecowas-free-movement", "mali-refugee-conventions", "help-in-bamako", "help-in-tunis", "work-in-mali", "health-in-bamako"]) {
      expect(ids).toContain(id);
    }
    for (const card of cards.cards) for (const fact of card.facts) expect(fact.text.fr).not.toBe(fact.text.en);
  });

  it("refuses a card whose quote is not in the corpus, naming the file to fix", () => {
    const dir = mkdtempSync(join(tmpdir(), "relais-cards-"));
    try {
      const file = JSON.parse(readFileSync(FACT_CARDS_PATH, "utf8"));
      file.cards[0].facts[0].quote = "The penalty is 200 Tunisian Dinars per day";
      writeFileSync(join(dir, "cards.json"), JSON.stringify(file));
      expect(() => loadFactCards(corpus, join(dir, "cards.json"))).toThrow(FactCardError);
      expect(() => loadFactCards(corpus, join(dir, "cards.json"))).toThrow(/fact-cards\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
