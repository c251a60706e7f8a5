import type { Block } from "./block.js";

export interface PlacedBlock extends Block {
  /** Offsets of the block's text in the cleaned document. */
  start: number;
  end: number;
}

export interface CleanedDocument {
  text: string;
  blocks: PlacedBlock[];
}

/**
 * Writes a report's blocks as one cleaned document: headings and paragraphs in reading order,
 * then the footnotes under "Notes", each after its number, so every passage is one contiguous span.
 */
export function layOut(blocks: Block[]): CleanedDocument {
  const placed: PlacedBlock[] = [];
  let text = "";
  const append = (block: Block, prefix = "") => {
    if (text) text += "\n\n";
    text += prefix;
    const start = text.length;
    text += block.text;
    placed.push({ ...block, start, end: text.length });
  };
  for (const block of blocks) if (block.kind !== "footnote") append(block);
  const footnotes = blocks.filter((b) => b.kind === "footnote");
  if (footnotes.length) {
    append({ kind: "heading", text: "Notes", section: ["Notes"] });
    for (const note of footnotes) append(note, `${note.footnote} `);
  }
  return { text: `${text}\n`, blocks: placed };
}
