import { createHash } from "node:crypto";
import type { Block } from "./block.js";
import { chunkReport, type PassageSpan } from "./chunk.js";
import { cleanMarkdownText } from "./clean-markdown.js";
import { cleanPdfText } from "./clean-pdf.js";
import { findRepeats } from "./dedupe.js";
import { layOut, type CleanedDocument } from "./layout.js";
import { type CatalogueEntry, type Manifest, type Passage, passageId } from "./schema.js";
import { overlapRatio, shingles } from "./text.js";

export interface SourceReport {
  entry: CatalogueEntry;
  raw: string;
}

export interface CorpusBuild {
  manifest: Manifest;
  cleaned: Array<{ file: string; text: string }>;
  passages: Passage[];
  /** passages.jsonl exactly as written, so its hash and its bytes cannot drift apart. */
  passagesJsonl: string;
}

/** Share of 5-grams above which two finished passages count as the same words. */
const PASSAGE_DUPLICATE_THRESHOLD = 0.9;

export type BuildStep = "clean" | "dedupe" | "chunk";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Markdown conversions carry `#` headings; PDF extractions do not. */
function isMarkdown(raw: string): boolean {
  return (raw.match(/^#{1,6} \S/gm)?.length ?? 0) >= 3;
}

function cleanReport(raw: string): Block[] {
  return isMarkdown(raw) ? cleanMarkdownText(raw) : cleanPdfText(raw);
}

/** reports -> cleaned documents -> de-duplicated passages. Pure: same input, same bytes. */
export function buildCorpus(sources: SourceReport[], onStep: (step: BuildStep, report: string) => void = () => {}): CorpusBuild {
  const documents = sources.map((source) => {
    onStep("clean", source.entry.id);
    return layOut(cleanReport(source.raw));
  });

  onStep("dedupe", "all");
  const repeats = findRepeats(
    documents.flatMap((doc, d) =>
      doc.blocks.flatMap((block, b) => (block.kind === "heading" ? [] : [{ key: `${d}/${b}`, text: block.text }])),
    ),
  );
  const skipped = documents.map((_, d) => new Set([...repeats.keys()].filter((k) => k.startsWith(`${d}/`)).map(blockIndex)));

  const spans = documents.map((doc, d) => {
    onStep("chunk", sources[d]!.entry.id);
    return chunkReport(doc.text, doc.blocks, skipped[d]!);
  });
  const passages = assemblePassages(sources, documents, spans, repeats);

  const passagesJsonl = passages.map((p) => JSON.stringify(p)).join("\n") + "\n";
  const manifest: Manifest = {
    schemaVersion: 1,
    passagesSha256: sha256(passagesJsonl),
    reports: sources.map((source) => ({
      ...source.entry,
      sha256: sha256(source.raw),
      cleanedFile: cleanedFileName(source.entry),
      passageCount: passages.filter((p) => p.docId === source.entry.id).length,
    })),
  };
  return {
    manifest,
    cleaned: sources.map((source, d) => ({ file: cleanedFileName(source.entry), text: documents[d]!.text })),
    passages,
    passagesJsonl,
  };
}

function cleanedFileName(entry: CatalogueEntry): string {
  return `cleaned/${entry.id}.txt`;
}

function blockIndex(key: string): number {
  return Number(key.split("/")[1]);
}

function assemblePassages(
  sources: SourceReport[],
  documents: CleanedDocument[],
  spans: PassageSpan[][],
  repeats: Map<string, string>,
): Passage[] {
  // Which other reports repeat each block: original "d/b" -> ids of reports that repeat it.
  const repeatedIn = new Map<string, Set<string>>();
  for (const [copy, original] of repeats) {
    const copyDoc = sources[Number(copy.split("/")[0])]!.entry.id;
    const set = repeatedIn.get(original) ?? new Set<string>();
    set.add(copyDoc);
    repeatedIn.set(original, set);
  }

  const kept: Array<Omit<Passage, "id">> = [];
  const keptGrams: Array<Set<string>> = [];
  spans.forEach((reportSpans, d) => {
    const docId = sources[d]!.entry.id;
    for (const span of reportSpans) {
      const text = documents[d]!.text.slice(span.start, span.end);
      const alsoIn = new Set<string>();
      for (const b of span.blocks) for (const id of repeatedIn.get(`${d}/${b}`) ?? []) if (id !== docId) alsoIn.add(id);
      const grams = shingles(text);
      const twin = findTwin(grams, keptGrams);
      if (twin !== undefined) {
        // The same words were already kept (cut at other boundaries): record the report, keep one copy.
        const original = kept[twin]!;
        if (original.docId !== docId) original.alsoIn = [...new Set([...original.alsoIn, docId])].sort();
        continue;
      }
      kept.push({
        docId,
        alsoIn: [...alsoIn].sort(),
        section: span.section,
        ...(span.footnote ? { footnote: span.footnote } : {}),
        kind: span.kind,
        text,
        start: span.start,
        end: span.end,
      });
      keptGrams.push(grams);
    }
  });

  const counters = new Map<string, number>();
  return kept.map((p) => {
    const n = (counters.get(p.docId) ?? 0) + 1;
    counters.set(p.docId, n);
    return { id: passageId(p.docId, n), ...p };
  });
}

function findTwin(grams: Set<string>, kept: Array<Set<string>>): number | undefined {
  const twin = kept.findIndex((other) => overlapRatio(grams, other) > PASSAGE_DUPLICATE_THRESHOLD);
  return twin === -1 ? undefined : twin;
}
