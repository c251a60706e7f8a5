import { z } from "zod";
import { DataFileError, readJsonFile } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";
import { type Corpus, foldForMatch, type Passage } from "../corpus/index.js";
import type { Language } from "../retrieval/index.js";

export const FACT_CARDS_PATH = fromPackageRoot("src", "answer", "fact-cards.json");

const Bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) });

const FactSchema = z.object({
  text: Bilingual,
  quote: z.string().min(10),
  /** Always shown when the card answers (the rest only when they speak to the question). */
  core: z.boolean().optional(),
  /** Shown when the question meets these groups too (like the card's own `when`). */
  when: z.array(z.array(z.string().min(1)).min(1)).optional(),
});

const FactCardSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  when: z.array(z.array(z.string().min(1)).min(1)).min(1),
  /** A question of definition naming one of these and nothing else ("c'est quoi la CEDEAO ?") meets the card too. */
  defines: z.array(z.string().min(1)).optional(),
  facts: z.array(FactSchema).min(1),
  dated: z.boolean(),
  counts: z.boolean(),
  help: z.boolean(),
});

const FactCardsFileSchema = z.object({
  about: z.string().optional(),
  cards: z.array(FactCardSchema).min(1),
});

/** A support quote and the passage that holds it. */
export interface CardSupport {
  quote: string;
  passage: Passage;
}

/** One claim of a card, in both languages, and the words of the report that prove it. */
export interface Fact extends CardSupport {
  text: Record<Language, string>;
  core: boolean;
  when: string[][];
}

export interface FactCard {
  id: string;
  when: string[][];
  defines: string[];
  facts: Fact[];
  dated: boolean;
  counts: boolean;
  help: boolean;
}

export interface FactCards {
  cards: FactCard[];
}

/** What to do about a broken cards file. */
const CARDS_FIX = "Fix src/answer/fact-cards.json (git diff shows what changed; git checkout restores it).";

/** A card whose quote the corpus does not hold: the card would cite nothing. */
export class FactCardError extends DataFileError {
  override name = "FactCardError";
}

/** Loads the cards and ties each quote to the passage that holds it. */
export function loadFactCards(corpus: Corpus, path: URL | string = FACT_CARDS_PATH): FactCards {
  const file = readJsonFile(path, FactCardsFileSchema, CARDS_FIX);
  const folded = corpus.passages.map((p) => ({ passage: p, text: foldForMatch(p.text) }));
  const locate = (where: string, quote: string): CardSupport => {
    const needle = foldForMatch(quote);
    const hit = folded.find((f) => f.text.includes(needle));
    if (!hit) throw new FactCardError(`${where}: no passage of the corpus holds the quote "${quote}". Fix the quote in src/answer/fact-cards.json.`);
    return { quote, passage: hit.passage };
  };
  return {
    cards: file.cards.map((card) => ({
      ...card,
      defines: card.defines ?? [],
      facts: card.facts.map((fact) => ({ ...locate(`card ${card.id}`, fact.quote), text: fact.text, core: fact.core ?? false, when: fact.when ?? [] })),
    })),
  };
}
