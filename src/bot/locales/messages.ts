/** Every sentence the bot writes itself, per language (HTML allowed where noted). */
export interface BotMessages {
  /** /start, HTML. */
  welcome: string;
  /** /help, HTML: example questions. */
  help: string;
  /** /about, HTML: what is kept about users and how to wipe it. */
  about: string;
  sourcesTitle: string;
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
