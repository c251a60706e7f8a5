import type { AnswerPhrases } from "./phrases.js";

export const en: AnswerPhrases = {
  extractIntro: "Here is what the reports say:",
  quoteMarks: ["“", "”"],
  unreviewedTranslation: "(machine translation, not yet reviewed)",
  noAnswer: "The reports I know do not answer this question, and I would rather not guess.",
  askWhat: "What would you like to know? Ask your question: I will read it with what you just said.",
  notSaid: "The reports do not say that precisely. The closest they come:",
  help: "To ask for help: {where}.",
  helpIn: "in {place}, {names}",
  helpSeparator: "; ",
  or: " or ",
  operatorContact: "checked contact",
  mayHaveChanged: "Note: this dates from {years} and may have changed since.",
  footnote: "note",
  sources: "Sources:",
  and: "and",
};
