import type { GoldQuestion } from "./gold.js";

/** Source file name -> report id, to place dev questions (which name a file) under their report. */
export type ReportOfFile = ReadonlyMap<string, string>;

/** The report a question is about: its own `report`, else the report of its first support quote. */
export function reportOf(question: GoldQuestion, reportOfFile: ReportOfFile): string {
  return question.report ?? reportOfFile.get(question.support[0]?.file ?? "") ?? "(none)";
}

/** Outcomes grouped by a key, groups sorted by name, then "all". */
export function groupedBy<T extends { question: GoldQuestion }>(outcomes: T[], key: (q: GoldQuestion) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const o of outcomes) groups.set(key(o.question), [...(groups.get(key(o.question)) ?? []), o]);
  return [...[...groups].sort(([a], [b]) => a.localeCompare(b)), ["all", outcomes]];
}

export const byLanguage = <T extends { question: GoldQuestion }>(outcomes: T[]): Array<[string, T[]]> => [
  ["fr", outcomes.filter((o) => o.question.lang === "fr")],
  ["en", outcomes.filter((o) => o.question.lang === "en")],
  ["all", outcomes],
];
