import { z } from "zod";
import { DataFileError, displayPath, readDataText } from "../data-file.js";
import { fromPackageRoot } from "../package-root.js";
import { type Corpus, foldForMatch, type Language, type Passage } from "../corpus/index.js";
import { tokenize } from "../retrieval/index.js";
import { type Need, NEEDS } from "./needs.js";

export const BUNDLED_DIRECTORY_PATH = fromPackageRoot("src", "help", "directory.json");

const Nullable = (schema: z.ZodString) => schema.nullish().transform((v) => v ?? undefined);

/** An entry as an operator writes it (HELP_DIRECTORY): names kept stable so deployments' files keep working. */
const OperatorEntrySchema = z.object({
  name: z.string().trim().min(2),
  country: z.string().trim().min(2),
  city: Nullable(z.string().trim().min(2)),
  // Empty: general help, as when a report says only that it assisted migrants.
  helpsWith: z.array(z.enum(NEEDS)),
  phone: Nullable(z.string().trim().regex(/^\+?[\d ().-]{6,24}$/, "a phone number: digits, spaces, + ( ) . -")),
  address: Nullable(z.string().trim().min(3).max(300)),
  hours: Nullable(z.string().trim().min(2).max(200)),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, "a language code such as fr, en, ar, bm")).default([]),
  url: Nullable(z.string().url()),
  source: z.literal("operator"),
});
const OperatorFileSchema = z.object({ entries: z.array(z.unknown()) });

/** An entry of the bundled directory: what a report says, proved by its words. */
const BundledEntrySchema = OperatorEntrySchema.omit({ source: true }).extend({
  description: z.object({ fr: z.string().min(1), en: z.string().min(1) }),
  source: z.object({ report: z.string().min(1), quote: z.string().min(8) }),
});
const BundledFileSchema = z.object({ about: z.string().optional(), entries: z.array(BundledEntrySchema) });

/** A place to ask for help, and where the information comes from. */
export interface HelpEntry {
  name: string;
  country: string;
  city?: string | undefined;
  helpsWith: Need[];
  phone?: string | undefined;
  address?: string | undefined;
  hours?: string | undefined;
  languages: string[];
  url?: string | undefined;
  /** What the report says it does (bundled entries). */
  description?: Record<Language, string>;
  source: { kind: "operator" } | { kind: "report"; passage: Passage; title: string; publisher: string; year: number; quote: string };
}

/** A directory file that cannot be used; the message names the file, the entry and the field. */
export class HelpDirectoryError extends DataFileError {
  override name = "HelpDirectoryError";
}

/**
 * Where to ask for help: the organisations the reports name (each tied to the words that prove
 * it), and an operator's own verified contacts, which come first.
 */
export class HelpDirectory {
  private constructor(readonly entries: HelpEntry[]) {}

  static load(corpus: Corpus, operatorFile?: string, bundledFile: URL | string = BUNDLED_DIRECTORY_PATH): HelpDirectory {
    const operator = operatorFile ? readOperatorFile(operatorFile) : [];
    return new HelpDirectory([...operator, ...readBundledFile(bundledFile, corpus)]);
  }

  /**
   * The entries for a person: in the places they name (a city's entries, then their
   * country's), those that help with what they need first; operator entries before the
   * reports'. With no place named, entries of every place.
   */
  find(query: { places: readonly string[]; needs: readonly Need[]; text?: string }, limit: number): HelpEntry[] {
    const asked = query.text ? ` ${tokenize(query.text).join(" ")} ` : "";
    const places = new Set(query.places.map((p) => p.toLowerCase()));
    const countries = new Set(this.entries.filter((e) => e.city && places.has(e.city.toLowerCase())).map((e) => e.country.toLowerCase()));
    for (const e of this.entries) if (places.has(e.country.toLowerCase())) countries.add(e.country.toLowerCase());
    const scored = this.entries.flatMap((entry) => {
      const inCity = entry.city !== undefined && places.has(entry.city.toLowerCase());
      const inCountry = countries.has(entry.country.toLowerCase()) && (entry.city === undefined || places.has(entry.country.toLowerCase()) || inCity);
      // An organisation the person names ("le numéro de Terre d'Asile") comes first, wherever it is.
      const named = asked !== "" && namesOf(entry).some((n) => asked.includes(` ${n} `));
      if (places.size > 0 && !inCity && !inCountry && !named) return [];
      const meets = query.needs.filter((n) => entry.helpsWith.includes(n)).length;
      // One that helps with something else only (TAMSS, work, for a roof) comes after those the reports do not narrow.
      const elsewhere = query.needs.length > 0 && entry.helpsWith.length > 0 && meets === 0;
      const score = (named ? 10_000 : 0) + (entry.source.kind === "operator" ? 1000 : 0) + meets * 100 + (elsewhere ? 0 : 20) + (inCity ? 10 : 0);
      return [{ entry, score }];
    });
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => s.entry);
  }

  /**
   * A few places of help in a city, to name in one line: `perCity` of the city the question
   * names (or of its country's best-known city), else of each of the cities with the most
   * entries (Tunis and Bamako for the reports).
   */
  forLine(places: readonly string[], perCity: number): HelpEntry[] {
    const inCities = places.length ? this.find({ places, needs: [] }, this.entries.length).filter((e) => e.city) : [];
    // A place the directory knows nothing of (Spain) gets the cities it knows best.
    const named = inCities.length > 0;
    const counts = new Map<string, number>();
    for (const e of named ? inCities : this.entries) if (e.city) counts.set(e.city, (counts.get(e.city) ?? 0) + 1);
    const cities = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, named ? 1 : DEFAULT_HELP_CITIES);
    return cities.flatMap(([city]) => this.find({ places: [city], needs: [] }, this.entries.length).filter((e) => e.city === city).slice(0, perCity));
  }
}

/** Entries of the cities the directory knows best, for a help line when no place is named. */
export const DEFAULT_HELP_CITIES = 2;

/** How a person may name an entry: its acronym, or its name without the acronym. */
function namesOf(entry: HelpEntry): string[] {
  const acronym = /\(([A-Z][\w-]{1,12})\)\s*$/.exec(entry.name)?.[1];
  const name = tokenize(entry.name.replace(/\([^)]*\)\s*$/, "").split(/ [–-] /)[0]!).join(" ");
  return [...(acronym ? [tokenize(acronym).join(" ")] : []), name].filter((n) => n.length >= 3);
}

function readJson(path: string, fix: string): unknown {
  const text = readDataText(path, fix);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HelpDirectoryError(`${path} is not valid JSON (${(error as Error).message}). ${fix}`);
  }
}

const OPERATOR_FIX = "Fix it (see the help directory section of the README and test/fixtures/help-directory.json), or unset HELP_DIRECTORY.";

function readOperatorFile(path: string): HelpEntry[] {
  const file = OperatorFileSchema.safeParse(readJson(path, OPERATOR_FIX));
  if (!file.success) throw new HelpDirectoryError(`${path}: expected {"entries": [...]}. ${OPERATOR_FIX}`);
  return file.data.entries.map((raw, i) => {
    const parsed = OperatorEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const name = typeof (raw as { name?: unknown })?.name === "string" ? ` ("${(raw as { name: string }).name}")` : "";
      throw new HelpDirectoryError(`${path}: entry ${i + 1}${name}, field ${issue.path.join(".") || "(the entry)"}: ${issue.message}. ${OPERATOR_FIX}`);
    }
    const { source: _operator, ...entry } = parsed.data;
    return { ...entry, source: { kind: "operator" } };
  });
}

function readBundledFile(path: URL | string, corpus: Corpus): HelpEntry[] {
  const where = displayPath(path);
  const fix = "Restore it with `git checkout -- src/help/directory.json`.";
  const file = BundledFileSchema.safeParse(readJson(where, fix));
  if (!file.success) {
    const issue = file.error.issues[0]!;
    throw new HelpDirectoryError(`${where}: ${issue.path.join(".")}: ${issue.message}. ${fix}`);
  }
  const folded = corpus.passages.map((p) => ({ passage: p, text: foldForMatch(p.text) }));
  return file.data.entries.map((entry, i) => {
    const report = corpus.reportById.get(entry.source.report);
    const needle = foldForMatch(entry.source.quote);
    const hit = folded.find((f) => (f.passage.docId === entry.source.report || f.passage.alsoIn.includes(entry.source.report)) && f.text.includes(needle));
    if (!report || !hit) throw new HelpDirectoryError(`${where}: entry ${i + 1} ("${entry.name}"): no passage of ${entry.source.report} holds its quote. ${fix}`);
    const { source, ...rest } = entry;
    return { ...rest, source: { kind: "report", passage: hit.passage, title: report.title, publisher: report.publisher, year: report.year, quote: source.quote } };
  });
}
