import type { Language } from "../corpus/index.js";
import type { HelpEntry } from "../help/index.js";
import { escapeHtml } from "./format.js";
import type { BotMessages } from "./locales/index.js";

/** One place to ask for help, each way to reach it on its own line (Telegram makes phone numbers tappable). */
export function helpEntryHtml(entry: HelpEntry, messages: BotMessages, lang: Language): string {
  const country = messages.placeNames[entry.country] ?? entry.country;
  const where = entry.city ? `${entry.city}, ${country}` : country;
  const lines = [`<b>${escapeHtml(entry.name)}</b> — ${escapeHtml(where)}`];
  if (entry.helpsWith.length) lines.push(entry.helpsWith.map((n) => messages.needs[n]).join(", "));
  if (entry.description) lines.push(escapeHtml(entry.description[lang]));
  if (entry.phone) lines.push(`📞 ${escapeHtml(entry.phone)}`);
  if (entry.address) lines.push(`📍 ${escapeHtml(entry.address)}`);
  // French puts a space before a colon, English does not.
  const colon = lang === "fr" ? " : " : ": ";
  if (entry.hours) lines.push(`🕒 ${messages.hours}${colon}${escapeHtml(entry.hours)}`);
  if (entry.languages.length) lines.push(`🗣 ${messages.languages}${colon}${escapeHtml(entry.languages.join(", "))}`);
  if (entry.url && /^https?:\/\//.test(entry.url)) lines.push(`🔗 <a href="${escapeHtml(entry.url)}">${escapeHtml(entry.url)}</a>`);
  const source =
    entry.source.kind === "operator"
      ? messages.fromOperator
      : messages.fromReport.replace("{title}", entry.source.title).replace("{publisher}", entry.source.publisher).replace("{year}", String(entry.source.year));
  lines.push(`<i>${escapeHtml(source)}</i>`);
  return lines.join("\n");
}

/** Whether an entry gives a way to reach it. */
export function reachable(entry: HelpEntry): boolean {
  return Boolean(entry.phone || entry.address || entry.url);
}

/** A place word as people read it in their language ("tunisia" -> "Tunisie"), else from the directory's own spelling. */
export function placeName(place: string, entries: readonly HelpEntry[], messages: BotMessages): string {
  let name = place.charAt(0).toUpperCase() + place.slice(1);
  for (const e of entries) {
    if (e.city?.toLowerCase() === place) name = e.city;
    else if (e.country.toLowerCase() === place) name = e.country;
  }
  return messages.placeNames[name] ?? name;
}
