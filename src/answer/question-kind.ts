import { NAME_WITH_DIGIT } from "../corpus/index.js";
import { CONSEQUENCE, tokenize } from "../retrieval/index.js";

/**
 * What a question asks for. An answer that holds that kind of thing (a figure, a year, a
 * name...) is preferred; one that lacks it is weak evidence that the reports do not answer.
 */
export type AskedKind = "money" | "duration" | "quantity" | "share" | "date" | "organisation" | "law" | "place" | "contact" | "yesno" | "reason" | "consequence" | "other";

/**
 * "le numéro de Terre d'Asile", "the number for the shelter", "a number I can call", "un numéro à
 * appeler": a number to call. French tells it from "le nombre de migrants"; a law's number is
 * not one. A pattern over padded tokens, shared by the asked kind and the asked details.
 */
export const NUMBER_TO_CALL = String.raw`(numero|num) (de|d|du|des)(?! (la |l )?(loi|decret|texte|article|ordonnance) )|number (for|to call)|number (i|we|you|one|they|people) (can|could|should|may) (call|ring|phone)|(numero|num) (a|pour) (appeler|joindre|contacter)`;

/** "combien" as typed: in full or texted ("cb", "cmb", "cbien"). */
const COMBIEN = "combien|cb|cmb|cbien";
/** A fine or penalty, which the reports give (unlike a price). */
export const FINE_WORDS = "amende|amendes|penalite|penalites|penalty|penalties|fine|fines|sanction|sanctions";
/** "how much do they charge", "how much dem dey charge", "combien ils font payer": what someone pays, asked before the verb (not "pays", a country in French). */
const HOW_MUCH_TO_PAY = String.raw`(how much|${COMBIEN})( \w+){0,3} (charge|charges|charged|charging|pay|paid|paying|payer|facture|facturent)`;
/** A wage or a rent: an amount of money when its level is asked (not an income: "ceux qui ont perdu leur revenu, combien ?" counts people). */
const EARNINGS = "salaire|salaires|paie|paye|loyer|loyers|salary|salaries|wage|wages|pay|rent|rents";
/**
 * "quel est le salaire moyen ?", "le loyer c combien ?", "what is the average wage?", "combien ils
 * gagnent ?": what someone earns or pays for housing; not "ceux qui ne paient pas le loyer,
 * combien sont-ils ?", which counts people.
 */
const HOW_MUCH_EARNED = String.raw`(quel|quelle) (est )?(le |la )?(${EARNINGS})|what (is|are) the( average| monthly| daily| usual)? (${EARNINGS})|(${EARNINGS}) (moyen|moyens|journalier|journaliers|mensuel|mensuels)|(average|monthly|daily) (${EARNINGS})|(${EARNINGS})( (c est|c|cest|est|is|it is|coute|coutent|cost|costs))? (${COMBIEN}|how much)(?! (sont|ils|elles|de|d|of|are|were|people|migrants)\b)|(how much|${COMBIEN})( \w+){0,3} (gagne|gagnes|gagnent|gagner|touche|touchent|toucher|earn|earns|earned|earning)`;
/** "how much is the fine", "l'amende pour dépassement, c'est combien par jour ?": an amount of money, in either order. */
const HOW_MUCH_OF_A_FINE = String.raw`(how much|${COMBIEN})( \w+){0,4} (${FINE_WORDS})|(${FINE_WORDS})( \w+){0,12} (how much|${COMBIEN})`;

/**
 * An address as a noun ("the address of", "which address", "web address"), not the verb ("do
 * the SDGs address the vulnerability of migrant workers?", "to address the needs").
 */
const ADDRESS_ASKED = String.raw`(the|an|their|dem|his|her|your|ur|its|which|what|email|e mail|web|website|street|postal|home|office|full) address|address (of|for)|addresses`;
/**
 * Contact details asked ("contact details", "how can I contact them?", "leur contact ?"), not a
 * person ("the contact lied"), contact kept ("lost contact with their parents") nor people
 * known ("trouver des contacts pour continuer la route").
 */
const CONTACT_ASKED = String.raw`contact (details|detail|number|numbers|info|infos|information|person|them|him|her|the|dem|it|you|us|me)|(how|where) (to|can i|do i|can we|can one|could i) contact|(their|leur|son|sa|dem) contact`;

// A price, fee or cost: the reports rarely give one. A fine or penalty is not a price ("combien
// coûte l'amende ?" asks the overstay fine, which they give), nor is what overstaying costs
// ("what is the fee if i overstay", "le tarif si je dépasse mon visa", "what do they charge once
// my visa has expired"): that is the fine.
const PRICE_WORDS = ["prix", "cout", "coute", "coutent", "couter", "tarif", "tarifs", "frais", "cost", "costs", "price", "prices", "fee", "fees", "charge", "charges"];
/**
 * Words that only name the kind of thing asked, an amount of money ("le tarif", "the fee"): a
 * sentence giving the amount answers them without using the word.
 */
export const MONEY_WORDS: ReadonlySet<string> = new Set([...PRICE_WORDS, "montant", "amount"]);
/**
 * A price, a cost, a fee or an amount, named: the money words but "charge", which also names care
 * or a duty ("prise en charge", "in charge of"); "how much do they charge" is read by HOW_MUCH_TO_PAY.
 */
const PRICE_WORD = [...MONEY_WORDS].filter((word) => !word.startsWith("charge")).join("|");
/**
 * A price named first ("le prix du passeport ?"); with a French inversion after it ("Le coût de
 * la vie est-il plus élevé ici ?", "Le coût des transports a-t-il augmenté ?") it is the subject
 * of a yes-or-no question instead.
 */
const PRICE_NAMED_FIRST = new RegExp(String.raw`^ ((le|la|les|l|the) )?(${PRICE_WORD}) `);
/**
 * A price asked: named first ("le prix du passeport ?", "les frais de dossier ?"), after "what"
 * or "c'est quoi" ("what are the fees for a residence card?"), or with "combien" ("ça coûte
 * combien ?"). Not one a question only speaks of: "Is the cost of living in Bamako reasonable?",
 * "Do brokers charge fees?" ask yes or no, "the trade-off between safety and price" asks what
 * it is; read as asking an amount, they were declined for lacking one.
 */
const PRICE_ASKED = new RegExp(String.raw`${PRICE_NAMED_FIRST.source}| (quel|quelle|quels|quelles|what|which|c est quoi|c koi|c quoi|cest quoi)( (est|sont|etait|is|are|was|were))?( (le|la|les|l|the))? (${PRICE_WORD}) | (${PRICE_WORD})( \w+){0,4} (${COMBIEN}|how much) | (${COMBIEN}|how much)( \w+){0,4} (${PRICE_WORD}) `);

// Patterns over the question's tokens (lowercase, accent-free) joined by single spaces, padded
// with a space each side. The first three, and a price asked (PRICE_ASKED), are specific
// wherever they stand; among the others the cue nearest the start of the question says what it
// asks ("why ... when" asks why).
const SPECIFIC: Array<[AskedKind, RegExp]> = [
  // "their number", "dem number", "leur numéro": a number that belongs to someone is a phone number.
  ["contact", new RegExp(String.raw` (telephone|tel|numero de tel\w*|numero vert|phone|phone number|${CONTACT_ASKED}|contacter|joindre|email|mail|adresse|${ADDRESS_ASKED}|whatsapp|(their|dem|dia|his|her|your|ur|leur|son|sa|ton|votre) (number|numero|num)|${NUMBER_TO_CALL}) `)],
  ["money", new RegExp(String.raw` ((how much|${COMBIEN})( (d|de|en|in|of))? (money|cash|argent|fric|dinars|francs|fcfa|cfa|euros|dollars)|(${COMBIEN}) (je|on|il|ils|elle|faut il|faut) (dois |doit |va |vais )?(payer|paye|payes|paie|debourser)|(payer|paye|payes|paie|debourser|pay|paid) (${COMBIEN}|how much)|(je|j|on|tu|il|ils|elle|elles|nous|vous) (dois|doit|devons|devez|doivent) (payer |paye )?(${COMBIEN})|${HOW_MUCH_OF_A_FINE}|${HOW_MUCH_TO_PAY}|${HOW_MUCH_EARNED}|(quelle est|quel est|what is|what are|c est combien|c koi|c est quoi) (l |la |le |the )?(${FINE_WORDS})) `)],
  ["duration", new RegExp(String.raw` ((${COMBIEN}) de temps|how long|duree|(${COMBIEN}) (de|d) (jours|mois|annees|ans|semaines)|how many (days|weeks|months|years)|pendant (${COMBIEN})|for how long|jusqu a quand|until when|how long till|how long until) `)],
];
/**
 * "share" as a part of a whole: "what share of", "the share of"; not the verb ("can we share
 * it?", "mali share grain to poor families?"). "part" stays a cue wherever it stands: kept to
 * "quelle part", "la part des" (not "part of the report", "take part"), report English facts
 * fell 0.89 -> 0.88 and fresh-report French 0.84 -> 0.83, though report French rose 0.85 -> 0.86.
 * Nor is an exchange rate a share ("is the exchange rate favourable?"; no set moved).
 */
const SHARE_ASKED = String.raw`(what|which|the|a|that|this) share|share of|part`;
// "which", "what are the (main)", "quels sont les (principaux)": then the noun says what is asked.
const WHICH = String.raw`(quel|quelle|quels|quelles|which|what)( (sont|est|are|is))?( (les|la|le|l|the))?( \w+)?`;
const GENERAL: Array<[AskedKind, RegExp]> = [
  // "que se passe-t-il quand ils restent bloqués ?", "what happens if I don't pay?": a consequence, not a date.
  ["consequence", CONSEQUENCE],
  // The count's cue is "combien" or "cb" only: read in "cmb" too, "et en 2007 ya eu cmb ?" got
  // 2006's figure from a passage that cites a work of 2007 (fresh tuning dialogues); an amount of
  // money or a length of time asked in "cmb" is read as such (above).
  ["quantity", new RegExp(String.raw` (combien|cb|how many|how much|nombre|number of|pourcentage|percentage|percent|pourcent|proportion|${SHARE_ASKED}|taux|(?<!exchange )rate|estimate|estimation|chiffre|figure|figures|statistique|statistiques|statistics) `)],
  ["date", / (quand|when|quelle annee|quelles annees|what year|what years|which year|which years|en quelle annee|depuis quand|since when|date|dates|a quelle date|on what date|quelle periode|quelles periodes|what period|which period|a quelle epoque) /],
  // "de la part de qui ?", "par qui ?": by whom.
  ["organisation", new RegExp(String.raw`^ (qui|who) | (par qui|by whom|qui (est|sont|peut|peuvent|s occupe|soccupe|gere|aide|aident|a cree|finance|organise|coordonne|dirige|compose)|c est qui|who (is|are|can|helps|runs|manages|funds|created)|a qui|aupres de qui|to whom|${WHICH} (organisation|organisations|organization|organizations|organisme|organismes|association|associations|ong|ngo|ngos|org|institution|institutions|structure|structures|ministere|ministry|agence|agency|service|body|bodies|authority|autorite)) `)],
  ["law", new RegExp(String.raw` (${WHICH}|(koi|quoi|c est quoi)( (les|la|le|l))?) (loi|lois|law|laws|decret|decrets|decree|decrees|texte|textes|text|texts|article|ordonnance|ordinance|code|convention|conventions|protocole|protocol|cadre juridique|legal framework|legislation) `)],
  // Pidgin asks where as "which side" ("which side dem dey stay?").
  // "on va nous déplacer ailleurs, vers où ?", "d'où ?": where, asked at the end.
  ["place", new RegExp(String.raw`^ (ou|where) | (vers|par|d) ou $| (which side|c est ou|${WHICH} (nationalite|nationalites|nationality|nationalities)|ou (se|est|sont|trouver|aller|vont|vivent|habitent|dormir|loger)|where (do|does|is|are|can|were)|${WHICH} (pays|country|countries|ville|villes|city|cities|region|regions|quartier|quartiers|neighbourhood|neighbourhoods|neighborhood|neighborhoods|coin|coins|zone|zones|area|areas|district|districts|endroit|endroits)|dans quels pays|in which (country|city|region)) `)],
  // "what makes ...", Pidgin "wetin make ...": why.
  ["reason", / (pourquoi|pk|pq|why|pour quelle raison|what (caused|causes|makes)|wetin make|raison|raisons|reason|reasons) /],
  ["yesno", /^ (est ce|peut on|puis je|ai je|suis je|dois je|faut il|y a t il|can|could|is|are|do|does|did|may|must|should|will|has|have|am i) | (est ce que|est ce ke|c est vrai|c vrai|cest vrai|is it true|is there|are there|j ai le droit|jai le droit|ai je le droit|je peux|jpeux|on peut|il faut|est il possible|is it possible|possible de|am i allowed|can i|do i need|dois je|je dois|ou pas|or not) /],
];
/** A count asked as a part of a whole ("cb de pourcent", "what share", "quelle proportion"): a share. */
const SHARE_CUE = new RegExp(String.raw` (pourcentage|pourcentages|percentage|percentages|percent|pourcent|pourcents|proportion|proportions|${SHARE_ASKED}|taux|(?<!exchange )rate) `);
// French inversion ("Le Mali a-t-il ratifié", "risquent-ils") asks yes or no.
const FRENCH_INVERSION = /\p{L}-(t-)?(il|elle|ils|elles|on)\b/u;

/** "de la part de", "de leur part": by someone, not a share of something. */
const ON_THE_PART_OF = / de (la|ma|ta|sa|notre|votre|leur) part( (de|d|du|des))? /g;
/**
 * "pour travailler quand on est étranger, il faut quoi ?": "quand" before a subject, inside the
 * question, says in which case ("lorsque"), not when; at its start, or after "depuis", "c'est",
 * "est-ce", it asks when.
 */
const WHEN_CLAUSE = /(?<!^| depuis| est| c est| ce) quand (?=(on|je|j|tu|il|ils|elle|elles|nous|vous) )/g;

/**
 * "When migrants are detained in Bamako, how often are the police involved?", "what does a
 * residence card change when you look for work?": "when" before its subject says in which case,
 * as French "lorsque", while another word of the question asks; "when was it adopted?" asks when.
 */
const WHEN_SUBJECT = / when (?!(was|were|is|are|did|does|do|will|would|has|have|had|can|could|should|exactly|precisely|and|or)\b)(?=\w)/g;
/** Another word that asks, beside a "when" before its subject. */
const OTHER_ASKING = / (what|how|which|who|where|why|wetin|whether) /;

export function askedKind(question: string): AskedKind {
  const padded = ` ${tokenize(question).join(" ")} `.replace(ON_THE_PART_OF, " par ").replace(WHEN_CLAUSE, " lorsque ");
  const inWhichCase = padded.replace(WHEN_SUBJECT, " lorsque ");
  return kindOf(inWhichCase !== padded && OTHER_ASKING.test(inWhichCase) ? inWhichCase : padded, question);
}

function kindOf(padded: string, question: string): AskedKind {
  for (const [kind, pattern] of SPECIFIC) if (pattern.test(padded)) return kind;
  if (PRICE_ASKED.test(padded) && !(PRICE_NAMED_FIRST.test(padded) && FRENCH_INVERSION.test(question.toLowerCase()))) return "money";
  let best: { kind: AskedKind; at: number } | undefined;
  for (const [kind, pattern] of GENERAL) {
    const at = padded.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { kind, at };
  }
  if (best?.kind === "quantity" && (SHARE_CUE.test(padded) || question.includes("%"))) return "share";
  if (best) return best.kind;
  if (question.includes("%")) return "share";
  return FRENCH_INVERSION.test(question.toLowerCase()) ? "yesno" : "other";
}

/** A year asked about on its own, not as an end of a range ("le plan 2020-2024"). */
const YEAR = /(?<![\d–-]\s?)\b(1[89]\d\d|20\d\d)\b(?!\s?[–-]\s?\d)/g;

/** The years a question asks about ("en 2016", "in 2012"). */
export function yearsAsked(question: string): string[] {
  return question.match(YEAR) ?? [];
}

/** A clause that ends with a question mark and says something ("cb ont perdu leurs revenus ?"); "??" is one. */
const ASKING_CLAUSE = /[^?]*\p{L}[^?]*\?/gu;

/** A message asks two things or more, each with its own question mark ("combien ... ? c'est surtout qui ?"). */
export function asksSeveral(message: string): boolean {
  return (message.match(ASKING_CLAUSE) ?? []).length >= 2;
}

const PRICE = new RegExp(` (${[...PRICE_WORDS, "loyer", "rent"].join("|")}) `);
const FINE = new RegExp(` (${FINE_WORDS}) `);
// Staying past one's visa in other words: its expiry, its length, the irregular stay it makes.
const OVERSTAY = / (overstay|overstays|overstaying|overstayed|depasse|depasser|depassement|expire|expires|expired|expiry|perime|too long|trop longtemps|plus longtemps|irregular|irregularly|irregulier|irreguliere|undocumented|sans papier|sans papiers) /;

/** A text speaks of what something costs (not of a fine): a question asking it, or a sentence or bank question saying it. */
export function speaksOfPrice(text: string): boolean {
  return namesPrice(` ${tokenize(text).join(" ")} `);
}

/**
 * The question asks what something costs (not what a fine is, nor what overstaying costs); a
 * follow-up ("et ça coûte combien ?") is read with the messages it leans on, `before`: after a
 * question on the fine or on overstaying, it asks the fine.
 */
export function asksPrice(question: string, before?: string): boolean {
  const padded = ` ${tokenize(question).join(" ")} `;
  const context = before === undefined ? "" : ` ${tokenize(before).join(" ")} `;
  return namesPrice(padded) && !OVERSTAY.test(padded) && !FINE.test(context) && !OVERSTAY.test(context);
}

function namesPrice(padded: string): boolean {
  const said = padded.replace(IN_CHARGE, " ");
  return PRICE.test(said) && !FINE.test(said);
}
/** "in charge of", "prise en charge", "charged with": who is responsible, or care given, not a price. */
const IN_CHARGE = / (in|en) charge | charged with /g;

/** Kinds of answer a quote can plainly hold or lack (a figure, a date, a name...). */
export const TELLING_KINDS: ReadonlySet<AskedKind> = new Set(["money", "duration", "quantity", "share", "date", "organisation", "law", "place", "contact"]);

/** A name with a number in it ("COVID-19", or a word of letters and digits: "4Mi", "G5"): it counts nothing. */
const NAME_WITH_NUMBER = new RegExp(String.raw`\b\p{L}+-\d+\b|${NAME_WITH_DIGIT.source}`, "gu");
// Not "most": "the assistance respondents requested the most" gives no count (a share is read by SHARE).
const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|half|third|thirds|quarter|quarters|majority|minority|few|several)\b/i;
/** "total numbers remain unknown", "no estimates are available": that nobody knows how many answers "how many". */
const UNKNOWN_FIGURE = /\b(unknown|not known|no (reliable |official )?(estimates?|data|figures?|statistics))\b/i;
const CURRENCY = /\b(dinars?|fcfa|cfa|francs?|euros?|eur|dollars?|usd|xof|tnd)\b|\$|€/i;
// A decade too: "since the early 2000s" says when.
const YEARS = /\b(1[89]\d\d|20\d\d)s?\b/g;
const YEAR_OR_MONTH = new RegExp(`${YEARS.source}|\\b(january|february|march|april|june|july|august|september|october|november|december)\\b`, "i");
/** A time of year says when too: "returning to their villages at the time of the rainy season", "after the harvest". */
const SEASON = /\b(rainy season|dry season|lean season|harvest|harvests|ramadan|winter|summer)\b/i;
// May the month, not "migrants may not leave": with a day, or after a word that places it in time.
const MAY = /\b(in|of|since|until|by|from|to|early|late|mid|end of|between|and)[\s-]+May\b|\bMay\s+\d|\d\s+May\b/;
// A length of time, not an age ("a 6-year-old child", "aged 30 years old"); or the dates it ran between ("a curfew (March 26-May 9)").
const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
const DATE_RANGE = String.raw`\b(${MONTH}) \d{1,2}\s*[-–]\s*(${MONTH}) \d{1,2}\b|\b\d{1,2} (${MONTH})\s*[-–]\s*\d{1,2} (${MONTH})\b`;
/** A day of a month ("on 19 March 2021", "Ordinance of 25 September 2000", "March 26"): it says when, not how many. */
const DAY_OF_MONTH = new RegExp(String.raw`\b\d{1,2}(st|nd|rd|th)? (${MONTH})\b|\b(${MONTH}) \d{1,2}\b(?!,\d)`, "g");
const PERIOD_OF_UNITS = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)[\s-]+(day|days|week|weeks|month|months|year|years)\b(?![\s-]+old)|\b(daily|weekly|monthly|yearly|annual)\b/i;
const PERIOD = new RegExp(String.raw`${PERIOD_OF_UNITS.source}|${DATE_RANGE}`, "i");
const ORGANISATION = /\b[A-Z]{2,}[a-z]?\b|\b(Association|Organisation|Organization|Ministry|Minister|Agency|Office|Directorate|Delegation|Centre|Center|Council|Committee|Commission|Fund|Union|Institute|Observatory|Red Cross|Red Crescent|Government|authorities|NGOs?|municipality|town hall|police|gendarmes?|gendarmerie|military|army|security forces|gangs?|criminals?|thugs|smugglers?|traffickers?|employers?|landlords?|host communit(y|ies))\b/;
// A law named (a capital, a number), not "the law in force": "quel texte de loi ...?" asks which one.
const LAW = /\b(Law|Laws|Decree|Ordinance|Order|Act|Article|Articles|Code|Convention|Conventions|Protocol|Protocols|Constitution|Charter|Policy)\b|\b(law|laws|decree|ordinance|article)s? (n[o°]\.?\s*)?\d|\bNo\.\s*\d|n°\s*\d/;
// A part of a whole: a percentage, "47/100", "half", "the majority".
const SHARE = /%|\bper ?cent\b|\b\d+\s?\/\s?\d+\b|\b(half|halves|third|thirds|quarter|quarters|majority|minority|most|one in)\b/i;
const CONTACT = /(\+?\d[\d .-]{7,}\d|@[\w-]+\.\w|https?:\/\/|www\.)/;

/**
 * Whether a text (a sentence of the reports) holds the kind of thing asked; `places` says
 * whether it names a place. Kinds with no telling form (yes/no, why, other) always hold.
 */
export function holdsKind(kind: AskedKind, text: string, places: boolean): boolean {
  switch (kind) {
    case "money":
      return /\d/.test(text) && CURRENCY.test(text);
    case "duration":
      return PERIOD.test(text);
    case "quantity":
      // A year says when, not how many: "activities since 2015" gives no count; nor does a name
      // with a number in it ("COVID-19", "4Mi").
      return /\d/.test(text.replace(YEARS, "").replace(DAY_OF_MONTH, "").replace(NAME_WITH_NUMBER, "")) || NUMBER_WORDS.test(text) || UNKNOWN_FIGURE.test(text);
    case "share":
      return SHARE.test(text);
    case "date":
      return YEAR_OR_MONTH.test(text) || MAY.test(text) || SEASON.test(text);
    case "organisation":
      return ORGANISATION.test(text);
    case "law":
      return LAW.test(text);
    case "place":
      return places;
    case "contact":
      return CONTACT.test(text);
    default:
      return true;
  }
}
