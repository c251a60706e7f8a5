/** Every sentence the bot writes itself, per language (HTML allowed where noted). */
export interface BotMessages {
  /** /start, HTML. */
  welcome: string;
  /** /help, HTML: example questions. */
  help: string;
  /** /about, HTML: what is kept about users and how to wipe it. */
  about: string;
  sourcesTitle: string;
  /** Before the report's own English words, under a translated quote in the sources. */
  originalWords: string;
  /** Beside a translated quote in the sources: whose translation it is. */
  translatedQuote: string;
  /** Beside a machine translation no person has read yet. */
  unreviewedTranslation: string;
  licence: string;
  chooseLanguage: string;
  languageSet: string;
  sourcesButton: string;
  usefulButton: string;
  notUsefulButton: string;
  thanksForFeedback: string;
  sourcesExpired: string;
  onlyText: string;
  askWithWords: string;
  unknownCommand: string;
  slowDown: string;
  tooLong: string;
  somethingWentWrong: string;
  inlineHint: string;
  commands: Array<{ command: string; description: string }>;
}
