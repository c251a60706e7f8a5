/**
 * Laws by their year. People name a law by its year ("the 2004 immigration law", "la loi de
 * 2004"); the reports often by its number alone ("Article 17 of Law No. 04-058 ... provides
 * that foreigners may not exercise any paid professional activities"), dating it elsewhere
 * ("Law No. 04-058 of 25 November 2004 on ..."). Read from the corpus once, so that a law asked
 * by its year finds the passages that cite it by number.
 */

/** A law, decree or ordinance the reports date: its number and its year. */
const DATED_LAW = /\b(?:Law|Loi|Decree|Décret|Ordinance|Ordonnance|Order)s?\s+(?:No\.?\s*|n°\s*)?(\d{2,4}-\d{2,4})(?:\/[A-Z-]+)?\s+(?:of|du)\s+(?:\d{1,2}\s+\p{L}+\s+)?((?:19|20)\d\d)\b/gu;

/**
 * "la loi de 2004", "the 2004 immigration law", "the 1951 Convention": a year naming a text
 * (a law, a decree, a convention...), not a period an answer must speak of.
 */
export const LAW_OF_A_YEAR =
  /\b(loi|lois|law|laws|d[ée]cret|decree|ordonnance|ordinance|convention|protocole|protocol|code|accord|agreement)s? (de |du |of |n[o°]\.? ?)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)(?: [\p{L}-]+){0,2} (?:law|laws|convention|protocol|decree|ordinance|act|agreement)\b/giu;

/** The years a question names a law by ("the 2004 law" -> 2004). */
export function lawYearsIn(question: string): string[] {
  return [...question.matchAll(LAW_OF_A_YEAR)].map((m) => (m[3] ?? m[4])!);
}

/**
 * Year -> the distinctive part of the numbers of the laws the passages date to it ("2004" ->
 * "058" of "04-058"): the part after the hyphen, as the part before repeats the year.
 */
export function lawNumbersByYear(texts: Iterable<string>): Map<string, string[]> {
  const byYear = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const [, number, year] of text.matchAll(DATED_LAW)) {
      const numbers = byYear.get(year!) ?? new Set<string>();
      numbers.add(number!.split("-")[1]!);
      byYear.set(year!, numbers);
    }
  }
  return new Map([...byYear].map(([year, numbers]) => [year, [...numbers]]));
}
