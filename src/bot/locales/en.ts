import type { BotMessages } from "./messages.js";

export const en: BotMessages = {
  welcome:
    "Hello! I answer questions about migrants' rights, ECOWAS free movement, Tunisia visa-overstay fines and where to find help.\n\n" +
    "My answers come from five public reports (MMC, IOM, CARIM, 2010 to 2021) and always cite their source and its year.\n\n" +
    "Type your question, for example: <i>I overstayed my visa in Tunisia, how much do I pay?</i>\n\n" +
    "🔒 I keep neither your messages nor your name. /about tells more.",
  help:
    "Ask in English or French. Examples:\n" +
    "• What is the fine for overstaying a visa in Tunisia?\n" +
    "• How many days can an Ivorian stay in Tunisia without a visa?\n" +
    "• Do ECOWAS citizens need a visa for Mali?\n" +
    "• Where can I find help in Bamako?\n\n" +
    "/lang changes the language, /sources lists the reports, /about explains what I keep.\n" +
    "In any chat, type <code>@{bot} your question</code> to share an answer.",
  about:
    "Relais answers from five public reports; it invents nothing and says when the reports do not answer. Facts date from 2010 to 2021 and may have changed.\n\n" +
    "<b>What I keep</b>: your language choice (tied to your Telegram user number, not your name) and the count of 👍/👎 per kind of answer. Never the text of your messages nor your name.\n" +
    "<b>To erase it</b>: send /forget.\n\n" +
    "<b>Translations</b>: the reports are in English. French answers are the Relais team's translation; the full sources also give the report's own English words.",
  sourcesTitle: "The reports I use",
  originalWords: "The report's own words:",
  translatedQuote: "Relais team's translation:",
  unreviewedTranslation: "Machine translation, not yet reviewed:",
  licence: "licence",
  chooseLanguage: "Choose the language of my answers:",
  languageSet: "Done: I will answer in English.",
  sourcesButton: "📄 Full sources",
  usefulButton: "👍 Useful",
  notUsefulButton: "👎 Not useful",
  thanksForFeedback: "Thank you for your feedback!",
  sourcesExpired: "These sources are no longer available: please ask again.",
  onlyText: "I only read written messages. Type your question in a few words.",
  askWithWords: "Type your question in words, for example: <i>Where can I find help in Tunis?</i>",
  unknownCommand: "I don't know that command. /help shows what I can do.",
  slowDown: "You are sending many messages. Wait a minute, then ask again.",
  tooLong: "Your message is very long: I only read the beginning.",
  somethingWentWrong: "Sorry, I could not answer. Please try again in a moment.",
  inlineHint: "Type a question to share a cited answer",
  commands: [
    { command: "start", description: "What this bot does" },
    { command: "help", description: "Example questions" },
    { command: "lang", description: "Change language" },
    { command: "sources", description: "The reports used" },
    { command: "about", description: "Privacy and limits" },
  ],
};
