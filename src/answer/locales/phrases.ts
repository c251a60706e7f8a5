/** Every sentence the answer stage writes itself, per language. */
export interface AnswerPhrases {
  /** Opens an answer made of the reports' own words. */
  extractIntro: string;
  /** Said when nothing retrieved supports an answer. */
  noAnswer: string;
  /** Points to help; `{bamako}` and `{tunis}` are lists of organisations. */
  help: string;
  /** A fact dated `{year}` (or `{years}`) that may have changed: fines, laws. */
  mayHaveChanged: string;
  /** "note 22" in a citation. */
  footnote: string;
  /** Label before the list of sources, with its colon as the language sets it. */
  sources: string;
}
