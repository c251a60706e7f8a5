import { type Answer, locate, shownQuote } from "../answer/index.js";
import { REPORT_LANGUAGE, type Report } from "../corpus/index.js";
import type { BotMessages } from "./locales/index.js";

/** Telegram's limit for one message. */
export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** "[1] MMC, 2020": short enough for the first message. */
function shortSource(answer: Answer, i: number): string {
  const c = answer.citations[i]!;
  const publisher = /\(([^)]+)\)/.exec(c.publisher)?.[1] ?? c.publisher;
  return `[${c.marker}] ${escapeHtml(publisher)}, ${c.year}`;
}

/** The first message: the answer and one short line per source. */
export function answerHtml(answer: Answer): string {
  const body = escapeHtml(answer.text);
  if (answer.citations.length === 0) return body;
  return `${body}\n\n<i>${answer.citations.map((_, i) => shortSource(answer, i)).join(" · ")}</i>`;
}

/**
 * Behind the "sources" button: every citation with title, publisher, year, section and the
 * report's words; in a translated language, the translation first and the report's English under it.
 */
export function sourcesHtml(answer: Pick<Answer, "lang" | "citations">, messages: BotMessages): string {
  return answer.citations
    .map((c) => {
      const where = locate(c, answer.lang);
      const head = `<b>[${c.marker}]</b> ${escapeHtml(c.title)}, ${escapeHtml(c.publisher)}, <b>${c.year}</b>${where ? ` — ${escapeHtml(where)}` : ""}`;
      const translated = answer.lang === REPORT_LANGUAGE ? undefined : c.translations[answer.lang];
      if (!translated) return `${head}\n<blockquote>${escapeHtml(shownQuote(c.quote))}</blockquote>`;
      const label = translated.reviewed ? messages.translatedQuote : messages.unreviewedTranslation;
      return `${head}\n<i>${label}</i>\n<blockquote>${escapeHtml(shownQuote(translated.text))}</blockquote>\n<i>${messages.originalWords}</i>\n<blockquote>${escapeHtml(shownQuote(c.quote))}</blockquote>`;
    })
    .join("\n\n");
}

export function reportsHtml(reports: Report[], messages: BotMessages): string {
  const lines = reports.map((r) => `• <b>${escapeHtml(r.title)}</b>, ${escapeHtml(r.publisher)}, ${r.year} (${messages.licence}: ${escapeHtml(r.licence)})`);
  return `<b>${messages.sourcesTitle}</b>\n${lines.join("\n")}`;
}

/**
 * Cuts HTML text into messages under Telegram's limit at paragraph, then line, then word
 * boundaries, never inside a tag or an entity, and closes and reopens tags across a cut.
 */
export function splitMessage(html: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let rest = html;
  while (rest.length > limit) {
    const window = rest.slice(0, limit - 64); // room to close and reopen tags
    let cut = Math.max(window.lastIndexOf("\n\n"), window.lastIndexOf("\n"));
    if (cut < limit / 2) cut = window.lastIndexOf(" ");
    if (cut < limit / 2) cut = window.length;
    cut = safeCut(rest, cut);
    const head = rest.slice(0, cut);
    const open = openTags(head);
    parts.push(head.trimEnd() + open.map((t) => `</${t}>`).reverse().join(""));
    rest = open.map((t) => `<${t}>`).join("") + rest.slice(cut).trimStart();
  }
  if (rest.trim()) parts.push(rest);
  return parts;
}

/** Moves a cut back out of a tag (<...>) or an entity (&...;). */
function safeCut(text: string, cut: number): number {
  const lt = text.lastIndexOf("<", cut - 1);
  if (lt > text.lastIndexOf(">", cut - 1)) cut = lt;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp >= 0 && amp > text.lastIndexOf(";", cut - 1) && cut - amp < 10) cut = amp;
  return cut;
}

function openTags(html: string): string[] {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (match[1]) stack.pop();
    else stack.push(match[2]!);
  }
  return stack;
}
