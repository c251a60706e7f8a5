import { type Block, isNumberedHeading, looksLikeHeading, tidyInline } from "./block.js";

/**
 * Turns text extracted from a PDF into blocks: re-flows lines broken mid-sentence, joins words
 * hyphenated at line ends, drops page furniture, pulls footnotes out as blocks of their own,
 * keeps headings as section paths and table rows readable.
 */
export function cleanPdfText(raw: string): Block[] {
  const lines = raw.split(/\r?\n/);
  const vocabulary = buildVocabulary(raw);
  const groups = groupLines(lines);
  const footnoteNumbers = new Set(groups.flatMap((g) => (g.footnote ? [g.footnote] : [])));
  const texts = groups.map((g) => ({
    ...g,
    text: stripFootnoteMarkers(joinLines(g.lines, vocabulary), g.footnote ? new Set() : footnoteNumbers),
  }));
  return assignSections(mergeTables(mergeBrokenParagraphs(texts)));
}

interface LineGroup {
  lines: string[];
  footnote?: number;
}

interface TextGroup extends LineGroup {
  text: string;
}

// Lines that are page furniture wherever they stand: page numbers, running headers and footers.
const FURNITURE = [
  /^page \d+$/i,
  /^\d{1,3}$/,
  /^Urban Mixed Migration – .* case stud(y|ies) ?\d*$/,
  /^CARIM Migration Profile: Mali$/,
  /^\d* ?CARIM - Consortium for Applied Research on International Migration \(www\.carim\.org\) ?\d*$/,
  /^(I|II|III|IV)\. .{10,90}$/, // part titles repeated as page footers in the IOM crisis report
];

function isFurniture(line: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(line));
}

function normaliseLine(line: string): string {
  return (
    line
      .replace(/\s+/g, " ")
      .trim()
      // Ligatures the extraction split with a space: "Profi le", "Co-fi nanced".
      .replace(/(?<=[\p{L}-])(fi|fl|ffi) (?=\p{Ll})/gu, "$1")
  );
}

/**
 * Splits lines into paragraphs and footnotes. A footnote starts with its number; numbers rise
 * through a report, so only the next few numbers count, which keeps table cells and sentences
 * that happen to start with a number in the body; and the one number the extraction put after
 * its successor (CARIM's note 12, printed after note 13), when the note before it was seen.
 */
function groupLines(rawLines: string[]): LineGroup[] {
  const groups: LineGroup[] = [];
  let current: LineGroup | undefined;
  let lastFootnote = 0;
  const seen = new Set<number>();
  const opensNote = (number: number, text: string) =>
    ((number > lastFootnote && number <= lastFootnote + 4) || (number === lastFootnote - 1 && seen.has(number - 1) && !seen.has(number))) && opensFootnote(text);
  const close = () => {
    if (current && current.lines.length) groups.push(current);
    current = undefined;
  };
  for (const rawLine of rawLines) {
    const line = normaliseLine(rawLine);
    if (line === "") {
      close();
      continue;
    }
    if (isFurniture(line)) continue;
    const note = /^(\d{1,2}) (\S.*)$/.exec(line);
    const number = note ? Number(note[1]) : 0;
    if (note && opensNote(number, note[2]!)) {
      close();
      current = { lines: [note[2]!], footnote: number };
      lastFootnote = Math.max(lastFootnote, number);
      seen.add(number);
      continue;
    }
    // A bullet, or a line the extractor indented (it marks a new text box), opens a paragraph.
    if (line.startsWith("•") || /^ \S/.test(rawLine)) close();
    current ??= { lines: [] };
    current.lines.push(line.replace(/^•\s*/, "• "));
  }
  close();
  const width = typicalLineLength(groups);
  return groups.flatMap((group) => splitLeadingHeading(group, width));
}

function typicalLineLength(groups: LineGroup[]): number {
  const lengths = groups.flatMap((g) => g.lines.map((l) => l.length)).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

/**
 * Words that open a sentence rather than carry one on ("While instances of solidarity ...", "Key
 * informants ..."): after a line as long as the text's lines that looks like a heading, they say
 * the heading ended ("A perceived increase in discrimination and xenophobia" / "While ...").
 */
const OPENS_A_SENTENCE = /^(While|The|In|According|Key|Although|Since|Many|As|Despite|Based|Most|Several|Among|This|These|When|Overall|Furthermore|However|Moreover|A|An|For|Between|Looking|With|Regarding|There|Refugees|Respondents|Data|Loss)\s/;
/** Words a heading or a sentence cannot end on ("Trends of", "entering through the Fassala and"): what ends on one runs on. */
const RUNS_ON_WORDS = "of|to|and|the|in|for|from|on|with|at";
/** A heading ending on one of them, in any case. */
const HEADING_ENDS_OPEN = new RegExp(String.raw`\b(${RUNS_ON_WORDS})$`, "i");
/** A sentence ending on one of them or on an article. */
const SENTENCE_ENDS_OPEN = new RegExp(String.raw`\b(${RUNS_ON_WORDS}|a|an)$`);
/** A line above a paragraph ending on one of them, an article or "or", in any case: it is no heading of its own. */
const LINE_ENDS_OPEN = new RegExp(String.raw`\b(${RUNS_ON_WORDS}|a|an|or)$`, "i");
/** A line shorter than this share of the text's typical line is short: a heading's, not a paragraph's. */
const SHORT_LINE_SHARE = 0.85;

/**
 * A heading printed straight above its paragraph arrives glued to it: a short first line with
 * no closing mark, followed by a line that opens a sentence; so may a heading and its subheading.
 */
function splitLeadingHeading(group: LineGroup, width: number): LineGroup[] {
  const [first, second] = group.lines;
  if (group.footnote || first === undefined || second === undefined) return [group];
  const short = first.length < SHORT_LINE_SHARE * width;
  const paragraphAfter = OPENS_A_SENTENCE.test(second) && second.length >= SHORT_LINE_SHARE * width && !LINE_ENDS_OPEN.test(first);
  if ((short || paragraphAfter) && looksLikeHeading(first) && /^\p{Lu}/u.test(second)) {
    // A subheading may follow the heading ("6. Bamako, migration and risks" / "Safety and security in Bamako" / "In general ...").
    return [{ lines: [first] }, ...splitLeadingHeading({ lines: group.lines.slice(1) }, width)];
  }
  return [group];
}

/**
 * A footnote opens with a capital, a quote or a link, and says something: a contents entry
 * ("3 Acknowledgements") is short and has no closing mark.
 */
function opensFootnote(text: string): boolean {
  if (/^(https?:|www\.)/.test(text)) return true;
  if (/^\p{Ll}/u.test(text)) return false;
  return /[.!?)”"]$/.test(text) || /https?:|www\./.test(text) || text.split(" ").length >= 6;
}

/** The report's own words, leaving out the halves of words hyphenated at a line end. */
function buildVocabulary(raw: string): Set<string> {
  const whole = raw.replace(/\p{L}+-[ \t]*\r?\n[ \t]*\p{Ll}+/gu, " ");
  return new Set(whole.toLowerCase().match(/\p{L}+/gu) ?? []);
}

/** Joins a paragraph's lines, mending words hyphenated at a line end. */
function joinLines(lines: string[], vocabulary: Set<string>): string {
  let text = lines[0] ?? "";
  for (const line of lines.slice(1)) {
    const hyphenated = /(\p{L}+)-$/u.exec(text);
    const next = /^(\p{Ll}+)/u.exec(line);
    if (hyphenated && next) {
      text = keepHyphen(hyphenated[1]!, next[1]!, vocabulary) ? text + line : text.slice(0, -1) + line;
    } else {
      text += " " + line;
    }
  }
  return tidyInline(text);
}

/** "migration-related" keeps its hyphen; "ana-lytically" does not. */
function keepHyphen(left: string, right: string, vocabulary: Set<string>): boolean {
  if (vocabulary.has((left + right).toLowerCase())) return false;
  return left.length >= 3 && right.length >= 3 && vocabulary.has(left.toLowerCase()) && vocabulary.has(right);
}

/** Removes superscript note numbers the extraction glued to words: "high.22 As" -> "high. As", "countries,”7 with" -> "countries,” with". */
function stripFootnoteMarkers(text: string, numbers: Set<number>): string {
  // A number is dropped only when the report has a footnote of that number (or lists none).
  const dropKnown = (marker: string) => (numbers.size === 0 || numbers.has(Number(marker)) ? "" : marker);
  return (
    text
      .replace(/(?<=\p{Ll}[.,;:)”’"]{0,2})(\d{1,2})(?=[\s,.;:)]|$)/gu, dropKnown)
      // After a year or an acronym that ends a sentence or a clause: "on 3 September 2014.16 The", "UNHCR.36 An", "July and August 2020,27 49%".
      .replace(/(?<=(?:\b(?:19|20)\d\d|\p{Lu})\.)(\d{1,2})(?=\s+\p{Lu})|(?<=\b(?:19|20)\d\d,)(\d{1,2})(?=\s)/gu, dropKnown)
      // Glued to a word in capitals, an acronym or a heading's last word: "As a member of ECOWAS3,", "(CIGEM)15;", "MALIANS FROM LIBYA19".
      .replace(/(?<=\b\p{Lu}{3,}\)?)(\d{1,2})(?=[\s,.;:)]|$)/gu, dropKnown)
      // After brackets closing on a figure: "34% (94/276)29 of respondents", "a curfew (March 26-May 9)29 and".
      .replace(/(?<=\d\))(\d{1,2})(?=[\s,.;:]|$)/gu, dropKnown)
      // After a number written in thousands that ends a sentence: "bringing the overall number at 175,412.44" (no decimals in such counts).
      .replace(/(?<=\b\d{1,3}(?:,\d{3})+\.)(\d{1,2})(?=\s*$|\s+\p{Lu})/gu, dropKnown)
      // Glued to a number written in thousands, whose last group cannot be longer than three digits: "3,59935 Malian refugees" is 3,599 and note 35.
      .replace(/(?<=\b\d{1,3}(?:,\d{3})*,\d{3})(\d{1,2})(?=\s)/gu, dropKnown)
  );
}

/**
 * A paragraph cut by a page break or by footnotes continues in the next body group; a footnote
 * left open ("... vers la révision et l'harmonisation des lois et") continues in the lowercase
 * group right after it, which is not body text.
 */
function mergeBrokenParagraphs(groups: TextGroup[]): TextGroup[] {
  const out: TextGroup[] = [];
  let lastBody: TextGroup | undefined;
  // The last paragraph before a heading-like group: what a lowercase group after a caption continues.
  let openBeforeCaption: TextGroup | undefined;
  for (const group of groups) {
    const previous = out.at(-1);
    if (group.footnote) {
      out.push({ ...group });
      continue;
    }
    if (previous?.footnote && footnoteLeftOpen(previous.text) && continuesFootnote(previous.text, group.text)) {
      previous.text = `${previous.text} ${group.text}`;
      continue;
    }
    const continues = lastBody !== undefined && runsOn(lastBody.text, group.text);
    if (continues && lastBody) {
      joinTo(lastBody, group.text);
      continue;
    }
    // A figure's caption or a heading printed inside a paragraph ("... risks are primarily" /
    // "Figure 5: Protection incidents by perpetrator" / "psychological and economic, ..."): the
    // paragraph goes on after it, the caption stays where it is.
    if (lastBody && openBeforeCaption && looksLikeHeading(lastBody.text) && /^\p{Ll}/u.test(group.text) && runsOn(openBeforeCaption.text, group.text)) {
      joinTo(openBeforeCaption, group.text);
      continue;
    }
    openBeforeCaption = lastBody && !looksLikeHeading(lastBody.text) && lastBody.text.split(" ").length >= PARAGRAPH_WORDS ? lastBody : openBeforeCaption;
    lastBody = { ...group };
    out.push(lastBody);
  }
  return out;
}

function joinTo(paragraph: TextGroup, text: string): void {
  paragraph.text = paragraph.text.endsWith("-") && /^\p{Ll}/u.test(text) ? paragraph.text.slice(0, -1) + text : `${paragraph.text} ${text}`;
}

/** How many words of a heading may fall on a line of their own. */
const HEADING_TAIL_WORDS = 4;

/** A paragraph a caption may cut says this much at least ("May 2010" on a cover is a label). */
const PARAGRAPH_WORDS = 8;

/** How long the tail of a reference cut by a page break may be ("Internationales 31 (3/4), p. 17-39."). */
const REFERENCE_TAIL_WORDS = 8;

/**
 * The rest of an open footnote: text running on in lowercase, the short tail of a reference
 * (figures, a final stop), or text closing the bracket it left open ("(Côte d'Ivoire, Ghana," /
 * "Senegal, etc.) as well as ...").
 */
function continuesFootnote(footnote: string, text: string): boolean {
  if (/^\p{Ll}/u.test(text)) return true;
  if (text.split(" ").length <= REFERENCE_TAIL_WORDS && /\d/.test(text) && text.endsWith(".")) return true;
  return opened(footnote, "(", ")") && opened(text, ")", "(");
}

/** A footnote cut mid-sentence: it ends on a word in lowercase or a comma, not on a link ("See www.maliensdelexterieur.gov.ml/..."). */
function footnoteLeftOpen(text: string): boolean {
  return /[\p{Ll},;]$/u.test(text) && !/(https?:\/\/|www\.)\S+$/.test(text);
}

/**
 * Whether the next group continues the previous one: a word hyphenated across the break, a
 * colon announcing what follows, or a sentence (or a heading ending on "of", "to"...) left open.
 */
function runsOn(previous: string, next: string): boolean {
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return true;
  // "Both surveys (4Mi core survey and 4Mi COVID-19" / "survey) follow ...": a bracket left open.
  if (opened(previous, "(", ")") && /^\p{Ll}/u.test(next)) return true;
  // A heading's last words on a line of their own ("3. Internal Migration Trends: Increased urbanization" / "and food insecurity").
  if (looksLikeHeading(previous)) return /^\p{Ll}/u.test(next) && (HEADING_ENDS_OPEN.test(previous) || (next.split(" ").length <= HEADING_TAIL_WORDS && !/[.!?;:,]$/.test(next) && !/^(https?:|www\.)/.test(next)));
  if (previous.endsWith(":")) return true;
  // "entering through the Fassala and" / "Néré transit centres; ...": a line cut after a word that cannot end a sentence runs on, whatever the case of the next.
  if (SENTENCE_ENDS_OPEN.test(previous)) return true;
  return !/[.!?;”"’)]$/.test(previous) && (/^\p{Ll}/u.test(next) || /,$/.test(previous));
}

/** More brackets opened than closed in a text. */
function opened(text: string, open: string, close: string): boolean {
  return text.split(open).length > text.split(close).length;
}

/** Table rows and chart labels: short, mostly figures, no sentence. */
function isTableRow(text: string): boolean {
  const words = text.split(" ");
  if (words.length > 12 || /[.!?]$/.test(text)) return false;
  const figures = words.filter((w) => /\d/.test(w) && /^[\d.,%()/:+–-]+$/.test(w)).length;
  const alphabetic = words.filter((w) => /\p{L}/u.test(w)).length;
  return figures > 0 && (alphabetic / words.length < 0.75 || words.length <= 4);
}

function isTableLabel(text: string): boolean {
  const words = text.split(" ");
  return words.length <= 3 && !/[.!?]$/.test(text) && !(words.length > 1 && text === text.toUpperCase());
}

/** Runs of row-like groups (at least two rows) become one table block, rows joined by "; ". */
function mergeTables(groups: TextGroup[]): Array<TextGroup & { table?: boolean }> {
  const out: Array<TextGroup & { table?: boolean }> = [];
  let i = 0;
  while (i < groups.length) {
    let j = i;
    let rows = 0;
    while (j < groups.length && !groups[j]!.footnote && (isTableRow(groups[j]!.text) || isTableLabel(groups[j]!.text))) {
      if (isTableRow(groups[j]!.text)) rows++;
      j++;
    }
    if (rows >= 2 && j - i >= 3) {
      out.push({ lines: [], text: groups.slice(i, j).map((g) => g.text).join("; "), table: true });
      i = j;
    } else {
      out.push(groups[i]!);
      i++;
    }
  }
  return out;
}

function assignSections(groups: Array<TextGroup & { table?: boolean }>): Block[] {
  const blocks: Block[] = [];
  let section: string[] = [];
  for (const group of groups) {
    if (group.footnote) {
      blocks.push({ kind: "footnote", text: group.text, section, footnote: group.footnote });
    } else if (group.table) {
      blocks.push({ kind: "table", text: group.text, section });
    } else if (looksLikeHeading(group.text)) {
      const previous = blocks.at(-1);
      // A heading the layout split over two lines arrives as two heading groups.
      if (previous?.kind === "heading" && continuesHeading(previous.text, group.text)) {
        previous.text = `${previous.text} ${group.text}`;
        section = [...section.slice(0, -1), previous.text];
        previous.section = section;
        continue;
      }
      section = isChapterHeading(group.text) || section.length === 0 ? [group.text] : [section[0]!, group.text];
      blocks.push({ kind: "heading", text: group.text, section });
    } else {
      blocks.push({ kind: "body", text: group.text, section });
    }
  }
  return blocks;
}

/** Headings that open a chapter rather than a subsection. */
function isChapterHeading(text: string): boolean {
  return (
    isNumberedHeading(text) ||
    (/\p{Lu}{2}/u.test(text) && text === text.toUpperCase()) ||
    /^(key findings|introduction|methodology|conclusions?|recommendations|annex|about|foreword|glossary|contents|acknowledgements)\b/i.test(text)
  );
}

function continuesHeading(previous: string, next: string): boolean {
  if (isNumberedHeading(next)) return false;
  const bothCapitals = previous === previous.toUpperCase() && next === next.toUpperCase();
  return bothCapitals || /^\p{Ll}/u.test(next) || HEADING_ENDS_OPEN.test(previous);
}
