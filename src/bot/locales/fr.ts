import type { BotMessages } from "./messages.js";

export const fr: BotMessages = {
  welcome:
    "Bonjour ! Je réponds à vos questions sur les droits des migrants, la libre circulation CEDEAO, les amendes pour dépassement de visa en Tunisie et où trouver de l'aide.\n\n" +
    "Mes réponses viennent de cinq rapports publics (MMC, OIM, CARIM, 2010 à 2021) et citent toujours leur source et son année.\n\n" +
    "Écrivez votre question, par exemple : <i>J'ai dépassé mon visa en Tunisie, combien je paie ?</i>\n\n" +
    "🔒 Je ne garde ni vos messages ni votre nom. /about pour en savoir plus.",
  help:
    "Posez une question en français ou en anglais. Exemples :\n" +
    "• Quelle est l'amende pour dépassement de visa en Tunisie ?\n" +
    "• Combien de jours un Ivoirien peut rester en Tunisie sans visa ?\n" +
    "• Quels droits donne la libre circulation CEDEAO ?\n" +
    "• Où trouver de l'aide à Bamako ?\n\n" +
    "/lang change la langue, /sources liste les rapports, /about explique ce que je garde, /forget efface tout.\n" +
    "Dans n'importe quelle discussion, tapez <code>@{bot} votre question</code> pour partager une réponse.",
  about:
    "Relais répond à partir de cinq rapports publics ; il n'invente rien et dit quand les rapports ne répondent pas. Les faits datent de 2010 à 2021 et ont pu changer.\n\n" +
    "<b>Ce que je garde</b> : votre choix de langue (lié à votre numéro d'utilisateur Telegram, pas à votre nom) et le nombre de 👍/👎 par type de réponse. Jamais le texte de vos messages ni votre nom.\n" +
    "<b>Pendant 10 minutes au plus, en mémoire seulement</b> : votre dernière question et la ville nommée, pour comprendre une question qui suit (« et si je pars sans payer ? »). Jamais sur disque ni dans les journaux.\n" +
    "<b>Pour tout effacer</b> : envoyez /forget.\n" +
    "<b>Messages vocaux</b> : quand ce service est activé, ils sont envoyés au service de transcription choisi par l'équipe qui fait tourner le bot, puis oubliés ; ni le son ni le texte ne sont gardés.\n\n" +
    "<b>Traductions</b> : les rapports sont en anglais. Le texte français des réponses est la traduction de l'équipe Relais ; les sources complètes donnent aussi les mots anglais du rapport.",
  forgotten: "C'est fait : je n'ai plus rien gardé sur vous.",
  greeting:
    "Bonjour ! Je réponds aux questions sur les droits des migrants au Mali et en Tunisie, avec la source et l'année de chaque fait, et je dis où demander de l'aide.\n\n" +
    "Par exemple :\n• <i>J'ai dépassé mon visa en Tunisie, combien je paie ?</i>\n• <i>Où trouver de l'aide à Bamako ?</i>",
  thanks: "Avec plaisir. Bon courage !",
  helpIntro: "Voici où demander de l'aide :",
  helpIntroIn: "Voici où demander de l'aide ({place}) :",
  helpNobodyIn: "Les rapports ne nomment pas d'organisation pour {place}. Voici celles qu'ils nomment ailleurs :",
  immediateDanger:
    "⚠️ <b>Si vous êtes en danger tout de suite</b> : éloignez-vous si vous le pouvez, allez dans un lieu public et demandez de l'aide aux personnes autour de vous ou aux secours de votre pays.",
  person:
    "Je suis un programme, pas une personne. Pour parler à quelqu'un, voici les organisations que je connais :",
  noContactDetails: "Les rapports ne donnent ni téléphone ni adresse pour ces organisations.",
  needs: {
    legal: "aide juridique",
    documents: "papiers",
    shelter: "hébergement",
    food: "nourriture",
    health: "santé",
    return: "retour",
    asylum: "asile et statut de réfugié",
    protection: "protection contre la violence",
    children: "enfants",
    work: "travail",
  },
  fromReport: "Source : {title}, {publisher}, {year}",
  fromOperator: "Contact vérifié par l'organisation qui fait fonctionner ce bot",
  placeNames: { Tunisia: "Tunisie", Algeria: "Algérie", Morocco: "Maroc", Libya: "Libye", Senegal: "Sénégal", Guinea: "Guinée", Mauritania: "Mauritanie", Ivoire: "Côte d'Ivoire", Cameroon: "Cameroun" },
  hours: "Horaires",
  languages: "Langues",
  sourcesTitle: "Les rapports utilisés",
  originalWords: "Le texte original du rapport (en anglais) :",
  translatedQuote: "Traduction de l'équipe Relais :",
  unreviewedTranslation: "Traduction automatique, pas encore relue :",
  licence: "licence",
  chooseLanguage: "Choisissez la langue de mes réponses :",
  languageSet: "C'est noté : je vous répondrai en français.",
  sourcesButton: "📄 Sources complètes",
  usefulButton: "👍 Utile",
  notUsefulButton: "👎 Pas utile",
  thanksForFeedback: "Merci pour votre avis !",
  alreadyVoted: "Vous avez déjà donné votre avis sur cette réponse.",
  sourcesExpired: "Ces sources ne sont plus disponibles : posez la question à nouveau.",
  onlyText: "Je ne lis que les messages écrits. Écrivez votre question en quelques mots.",
  listenButton: "🔊 Écouter",
  voiceUnderstood: "J'ai compris : « {text} »",
  voiceTooLong: "Ce message vocal est trop long pour moi. Posez votre question en moins de 2 minutes, ou écrivez-la.",
  askWithWords: "Écrivez votre question avec des mots, par exemple : <i>Où trouver de l'aide à Tunis ?</i>",
  unknownCommand: "Je ne connais pas cette commande. /help montre ce que je sais faire.",
  slowDown: "Vous envoyez beaucoup de messages. Attendez une minute, puis reposez votre question.",
  slowDownShort: "Trop de demandes : réessayez dans une minute.",
  somethingWentWrong: "Désolé, je n'ai pas pu répondre. Réessayez dans un moment.",
  inlineHint: "Tapez une question pour partager une réponse sourcée",
  commands: [
    { command: "start", description: "Présentation" },
    { command: "help", description: "Exemples de questions" },
    { command: "lang", description: "Changer de langue" },
    { command: "sources", description: "Les rapports utilisés" },
    { command: "about", description: "Confidentialité et limites" },
    { command: "forget", description: "Effacer ce que je garde sur vous" },
  ],
};
