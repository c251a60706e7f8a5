import { type Block, tidyInline } from "./block.js";

/**
 * Turns a report converted to Markdown into blocks: `#` headings give the section path,
 * `<sup>n</sup>` lines are footnotes, `|` rows are tables, and inline markup is removed.
 */
export function cleanMarkdownText(raw: string): Block[] {
  const blocks: Block[] = [];
  let section: string[] = [];
  let paragraph: string[] = [];
  let table: string[] = [];
  const flush = () => {
    const text = tidyInline(stripInlineMarkup(paragraph.join(" ")));
    if (text) blocks.push({ kind: "body", text, section });
    paragraph = [];
    const rows = table.map((row) => tidyInline(stripInlineMarkup(row))).filter(Boolean);
    if (rows.length) blocks.push({ kind: "table", text: rows.join("; "), section });
    table = [];
  };
  for (const rawLine of raw.split(/\r?\n/)) {
    const line = rawLine.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const footnote = /^<sup>(\d+)<\/sup>\s*(.*)$/.exec(line);
    if (line === "" || /^(-{3,}|\*{3,}|PAGE \d+)$/.test(line) || /^!\[/.test(line)) {
      flush();
    } else if (heading) {
      flush();
      const text = tidyInline(stripInlineMarkup(heading[2]!));
      if (!text) continue;
      const depth = Math.min(heading[1]!.length, 3);
      section = [...section.slice(0, depth - 1), text];
      blocks.push({ kind: "heading", text, section });
    } else if (footnote) {
      flush();
      const text = tidyInline(stripInlineMarkup(footnote[2]!));
      if (text) blocks.push({ kind: "footnote", text, section, footnote: Number(footnote[1]) });
    } else if (line.startsWith("|")) {
      if (paragraph.length) flush();
      if (!/^\|[\s:|-]+\|?$/.test(line)) table.push(tableRow(line));
    } else {
      if (table.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function tableRow(line: string): string {
  return line
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(" | ");
}

function stripInlineMarkup(text: string): string {
  return text
    .replace(/<sup>\d+<\/sup>/g, "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=[\s).,;:]|$)/g, "$1$2")
    .replace(/\\([*_#|\\[\]()-])/g, "$1")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .replace(/^[-*] /, "• ");
}
