/** Every sentence the answer stage writes itself, per language. */
export interface AnswerPhrases {
  /** Opens an answer made of the reports' own sentences. */
  extractIntro: string;
  /** Opening and closing quotation marks of the language. */
  quoteMarks: [string, string];
  /** Beside a translated quote no person has read yet. */
  unreviewedTranslation: string;
  /** Said when nothing retrieved supports an answer. */
  noAnswer: string;
  /** Points to help; `{bamako}` and `{tunis}` are lists of organisations. */
  help: string;
  /** A fact dated `{years}` that may have changed: fines, laws. */
  mayHaveChanged: string;
  /** "note 22" in a citation. */
  footnote: string;
  /** Label before the list of sources, with its colon as the language sets it. */
  sources: string;
  /** "and" in a list of years. */
  and: string;
}
