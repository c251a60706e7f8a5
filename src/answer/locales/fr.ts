import type { AnswerPhrases } from "./phrases.js";

export const fr: AnswerPhrases = {
  extractIntro: "Voici ce que disent les rapports :",
  quoteMarks: ["« ", " »"],
  unreviewedTranslation: "(traduction automatique, pas encore relue)",
  noAnswer: "Les rapports que je connais ne répondent pas à cette question. Je préfère ne rien inventer.",
  askWhat: "Que voulez-vous savoir ? Posez votre question : je la lirai avec ce que vous venez de dire.",
  notSaid: "Les rapports ne disent pas cela précisément. Ce qu'ils disent de plus proche :",
  help: "Pour demander de l'aide : {where}.",
  helpIn: "à {place}, {names}",
  helpSeparator: " ; ",
  or: " ou ",
  operatorContact: "contact vérifié",
  mayHaveChanged: "Attention : cette information date de {years} et a pu changer depuis.",
  footnote: "note",
  sources: "Sources :",
  and: "et",
};
