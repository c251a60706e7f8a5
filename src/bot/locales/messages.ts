import type { Need } from "../../help/index.js";

/** Every sentence the bot writes itself, per language (HTML allowed where noted). */
export interface BotMessages {
  /** /start, HTML. */
  welcome: string;
  /** /help, HTML: example questions; `{bot}` is the bot's username. */
  help: string;
  /** /about, HTML: what is kept about users, for how long, and how to wipe it. */
  about: string;
  /** /forget done. */
  forgotten: string;
  /** A greeting, answered as a person would: what the bot does and two example questions, HTML. */
  greeting: string;
  /** Thanks, answered briefly. */
  thanks: string;
  /** Before the places to ask for help, HTML; `{place}` names the place when one is known. */
  helpIntro: string;
  helpIntroIn: string;
  /** When the directory knows nobody in the place named, HTML; `{place}`. */
  helpNobodyIn: string;
  /** Said first to a person in immediate danger, HTML. */
  immediateDanger: string;
  /** Asking for a human: the bot is a program; who can be reached, HTML. */
  person: string;
  /** When no entry gives a phone, an address or a link. */
  noContactDetails: string;
  /** What a place helps with, one word or two each. */
  needs: Record<Need, string>;
  /** A directory entry's source: a report (`{title}`, `{publisher}`, `{year}`), or the operator. */
  fromReport: string;
  fromOperator: string;
  /** Places as this language names them, where the English name differs ("Tunisia" -> "Tunisie"). */
  placeNames: Record<string, string>;
  /** "Hours", "Languages" labels in a directory entry. */
  hours: string;
  languages: string;
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
  alreadyVoted: string;
  sourcesExpired: string;
  onlyText: string;
  /** The 🔊 button of an answer. */
  listenButton: string;
  /** Before answering a voice note: what was heard, {text}. */
  voiceUnderstood: string;
  /** A voice note past the duration or size the bot transcribes. */
  voiceTooLong: string;
  askWithWords: string;
  unknownCommand: string;
  /** Over the message limit: told once, with when to try again. */
  slowDown: string;
  /** Over the button or inline limits. */
  slowDownShort: string;
  somethingWentWrong: string;
  inlineHint: string;
  commands: Array<{ command: string; description: string }>;
}

/** Said to a message in neither French nor English: one short reply in both, with an example each. */
export const OTHER_LANGUAGE_REPLY =
  "Je lis le français et l'anglais. Exemple : <i>Où trouver de l'aide à Bamako ?</i>\n" + "I read French and English. Example: <i>Where can I get help in Tunis?</i>";

/** Said when the bot is added to a group, in both languages. */
export const GROUP_HELLO =
  "Bonjour ! Je réponds aux questions sur les droits des migrants, avec la source et l'année de chaque fait. Mentionnez-moi : <i>@{bot} votre question</i>.\n" +
  "Hello! I answer questions about migrants' rights, citing the source and year of each fact. Mention me: <i>@{bot} your question</i>.";
