import { z } from "zod";

/** One source report as described by hand in `corpus/sources/catalogue.json`. */
const CatalogueEntrySchema = z.object({
  file: z.string().min(1),
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are lowercase slugs"),
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  language: z.enum(["en", "fr"]),
  licence: z.string().min(1),
  url: z.string().url().optional(),
  /** The countries and cities the report is about: a passage of it speaks of them even when it does not name them. */
  places: z.array(z.string().min(1)).min(1),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

export const CatalogueSchema = z.object({
  about: z.string().optional(),
  reports: z.array(CatalogueEntrySchema).min(1),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** A report in the built corpus: the catalogue facts plus what the build derived. */
const ReportSchema = CatalogueEntrySchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  cleanedFile: z.string().min(1),
  passageCount: z.number().int().nonnegative(),
});
export type Report = z.infer<typeof ReportSchema>;

export const ManifestSchema = z.object({
  schemaVersion: z.literal(1),
  /** sha256 over passages.jsonl: the index records it to detect a stale index. */
  passagesSha256: z.string().regex(/^[0-9a-f]{64}$/),
  reports: z.array(ReportSchema).min(1),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** `reference`: bibliography and source lists, kept for completeness but never quoted as an answer. */
const PassageKindSchema = z.enum(["body", "key_finding", "footnote", "table", "reference"]);
export type PassageKind = z.infer<typeof PassageKindSchema>;

export const PassageSchema = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  /** Other reports that print the same words (the MMC Tunis+Bamako report repeats the Bamako one). */
  alsoIn: z.array(z.string()),
  section: z.array(z.string()),
  footnote: z.number().int().positive().optional(),
  kind: PassageKindSchema,
  text: z.string().min(1),
  /** Character offsets into the report's cleaned text: cleaned.slice(start, end) === text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type Passage = z.infer<typeof PassageSchema>;

/** A passage's id: its report's id and its place in the report, from 1 ("mmc-tunis-bamako-2020:045"). */
export function passageId(docId: string, order: number): string {
  return `${docId}:${String(order).padStart(3, "0")}`;
}

/** A passage's place in its report, read from its id (passageId). */
export function passageOrder(id: string): number {
  return Number(id.slice(id.lastIndexOf(":") + 1));
}
