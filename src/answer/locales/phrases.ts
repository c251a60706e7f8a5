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
  /** Said to a message that asks nothing ("je suis camerounais à Tunis") when the reports say nothing of it. */
  askWhat: string;
  /** Said when the reports speak of the topic but not of the detail asked; the nearest fact follows. */
  notSaid: string;
  /** Points to help; `{where}` is the places, each `helpIn` (`{place}`, `{names}`), joined by `helpSeparator`. */
  help: string;
  helpIn: string;
  helpSeparator: string;
  /** "or" between names. */
  or: string;
  /** Beside an operator's entry, in place of a report. */
  operatorContact: string;
  /** A fact dated `{years}` that may have changed: fines, laws. */
  mayHaveChanged: string;
  /** "note 22" in a citation. */
  footnote: string;
  /** Label before the list of sources, with its colon as the language sets it. */
  sources: string;
  /** "and" in a list of years. */
  and: string;
}
