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
    "/lang changes the language, /sources lists the reports, /about explains what I keep, /forget erases it.\n" +
    "In any chat, type <code>@{bot} your question</code> to share an answer.",
  about:
    "Relais answers from five public reports; it invents nothing and says when the reports do not answer. Facts date from 2010 to 2021 and may have changed.\n\n" +
    "<b>What I keep</b>: your language choice (tied to your Telegram user number, not your name) and the count of 👍/👎 per kind of answer. Never the text of your messages nor your name.\n" +
    "<b>For 10 minutes at most, in memory only</b>: your last question and the city it named, to understand a question that follows (\"and if I leave without paying?\"). Never on disk nor in logs.\n" +
    "<b>To erase it all</b>: send /forget.\n" +
    "<b>Voice messages</b>: when this service is on, they are sent to the transcription service chosen by the team running the bot, then forgotten; neither the sound nor the text is kept.\n\n" +
    "<b>Translations</b>: the reports are in English. French answers are the Relais team's translation; the full sources also give the report's own English words.",
  forgotten: "Done: I no longer keep anything about you.",
  greeting:
    "Hello! I answer questions about migrants' rights in Mali and Tunisia, citing the source and year of each fact, and I say where to ask for help.\n\n" +
    "For example:\n• <i>I overstayed my visa in Tunisia, how much do I pay?</i>\n• <i>Where can I get help in Bamako?</i>",
  thanks: "You're welcome. Take care!",
  helpIntro: "Here is where to ask for help:",
  helpIntroIn: "Here is where to ask for help ({place}):",
  helpNobodyIn: "The reports name no organisation for {place}. Here are those they name elsewhere:",
  immediateDanger:
    "⚠️ <b>If you are in danger right now</b>: move away if you can, go to a public place and ask the people around you or your country's emergency services for help.",
  person: "I am a program, not a person. To talk to someone, here are the organisations I know:",
  noContactDetails: "The reports give no phone number or address for these organisations.",
  needs: {
    legal: "legal aid",
    documents: "documents",
    shelter: "shelter",
    food: "food",
    health: "health",
    return: "return",
    asylum: "asylum and refugee status",
    protection: "protection from violence",
    children: "children",
    work: "work",
  },
  fromReport: "Source: {title}, {publisher}, {year}",
  fromOperator: "Contact checked by the organisation that runs this bot",
  placeNames: { Ivoire: "Côte d'Ivoire" },
  hours: "Hours",
  languages: "Languages",
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
  alreadyVoted: "You have already given your opinion on this answer.",
  sourcesExpired: "These sources are no longer available: please ask again.",
  onlyText: "I only read written messages. Type your question in a few words.",
  listenButton: "🔊 Listen",
  voiceUnderstood: "I understood: “{text}”",
  voiceTooLong: "This voice message is too long for me. Ask your question in under 2 minutes, or type it.",
  askWithWords: "Type your question in words, for example: <i>Where can I find help in Tunis?</i>",
  unknownCommand: "I don't know this command. /help shows what I can do.",
  slowDown: "You are sending many messages. Wait a minute, then ask your question again.",
  slowDownShort: "Too many requests: try again in a minute.",
  somethingWentWrong: "Sorry, I could not answer. Please try again in a moment.",
  inlineHint: "Type a question to share a cited answer",
  commands: [
    { command: "start", description: "Introduction" },
    { command: "help", description: "Example questions" },
    { command: "lang", description: "Change language" },
    { command: "sources", description: "The reports I use" },
    { command: "about", description: "Privacy and limits" },
    { command: "forget", description: "Erase what I keep about you" },
  ],
};
