/**
 * How a message is read before its words become concepts (query.ts): which clauses ask and which
 * tell the asker's story or who they are, what its words mean as typed ("je risque quoi ?",
 * "mon visa est fini"), and how a follow-up takes the words of the message it leans on.
 */
import { asks, CONSEQUENCE, isTopicWord, leadingGreeting, leansOnWhatCameBefore, NAME_FORM_WORDS, onlyGreets, pointsBackByPronoun, topicChangeIn } from "./leaning.js";
import type { Language } from "./language.js";
import { isDemonym, isPlaceWord, tokenize } from "./lexicon.js";
import type { QueryContext } from "./query-context.js";
import { spellOut } from "./spelling.js";

/**
 * How much the words of the asker's description of themselves count ("je suis pharmacien
 * guinéen, ..."), against the words of the question itself.
 */
const SELF_DESCRIPTION_WEIGHT = 0.4;
/**
 * How much the story's words count when the question leans on it ("... they say the fine grows
 * every week until we pay. Is that true?", "... c'est dangereux là-bas ?"): they are its topic,
 * as an earlier message is a follow-up's. Measured on the real-people tuning set at
 * 0.5, 0.7 and 1: 0.7 best in French, English the same from 0.5. The place it names last binds
 * the answer when the question points at a place ("there"); tried: all its places whenever the
 * question leans on it (French facts 0.55 -> 0.53, tune French 0.81 -> 0.80), not kept.
 */
const STORY_TOPIC_WEIGHT = 0.7;
const RISK_VERB = new Set(["risque", "risques", "risquons", "risquez", "risquent", "risk"]);
const SUBJECTS = new Set(["je", "j", "tu", "on", "il", "elle", "ils", "elles", "nous", "vous", "i", "we", "you", "they", "he", "she"]);
/** Subjects of a Pidgin "go" of the future, as spelled out ("dem" they, "e" it). */
const PIDGIN_SUBJECTS = new Set(["i", "we", "you", "they", "he", "she", "it"]);
/** Words after which "go" is the verb of going ("i go back", "we go to Tunis", "dem go there"). */
const GOING_WHERE = new Set(["to", "back", "home", "there", "for", "out", "away", "abroad", "inside", "outside", "up", "down", "across", "through", "into"]);
/**
 * "mon visa est fini", "mes 90 jours sont terminés", "my visa don finish": a permit or a stay that
 * has run out, which the reports call overstaying. Only just after the permit or the stay (within
 * PERMIT_REACH tokens): "fini" alone ("le plan est fini ?") is not about a visa.
 */
const FINISHED = new Set(["fini", "finie", "finis", "finies", "termine", "terminee", "termines", "terminees", "finish", "finished", "ended", "over"]);
const PERMIT_OR_STAY = new Set(["visa", "visas", "sejour", "carte", "titre", "permis", "papiers", "jours", "mois", "days", "months"]);
const PERMIT_REACH = 3;
/**
 * A clause's words as they are meant. "je risque quoi ?", "what do I risk?": the verb asks what
 * sanction follows (a fine, prison) and is read as "sanction" (the noun "les risques" stays a
 * topic; measured 2026-12-06 against dropping the verb: tune French facts 0.81 -> 0.82,
 * abstention 0.92 -> 0.93, nothing else moved). A visa "fini" is one that has expired. The unit
 * a length of time is asked in ("how many weeks") is dropped (TIME_UNITS below).
 */
function asMeant(tokens: readonly string[]): string[] {
  return tokens.flatMap((t, i) => {
    if (RISK_VERB.has(t) && SUBJECTS.has(tokens[i - 1] ?? "")) return ["sanction"];
    if (FINISHED.has(t) && tokens.slice(Math.max(0, i - PERMIT_REACH), i).some((w) => PERMIT_OR_STAY.has(w))) return ["expire"];
    if (TIME_UNITS.has(t) && COUNTED.test(tokens.slice(Math.max(0, i - 2), i).join(" "))) return [];
    if (ASKING_PAIRS.get(tokens[i - 1] ?? "")?.has(t)) return [];
    // Pidgin "how much i go pay?", "wetin dem go do?": "go" before a verb says what will happen, as "will".
    if (t === "go" && PIDGIN_SUBJECTS.has(tokens[i - 1] ?? "") && i + 1 < tokens.length && !GOING_WHERE.has(tokens[i + 1]!)) return [];
    // Pidgin "which side dangerous pass?", "which work dey pay pass?": the most.
    if (t === "pass" && i === tokens.length - 1 && i > 0) return ["most"];
    if (spellsOut(tokens, i)) return [];
    if (t === "part" && fromSomeone(tokens, i)) return [];
    if (namesTheReports(tokens, i)) return [];
    // "ya eu", "il y a eu", "j'ai eu": French "had", not the EU.
    if (t === "eu" && AVOIR.has(tokens[i - 1] ?? "")) return [];

    return [t];
  });
}
/**
 * "according to the report", "in the Bamako case study", "selon le rapport", "d'après cette
 * étude": the asker names the reports themselves, which are the source of every answer, not a
 * topic ("study" would bring in students and schools). A noun for a report counts so after a
 * determiner, with at most two names between ("the MMC Bamako study").
 */
function namesTheReports(tokens: readonly string[], at: number): boolean {
  const t = tokens[at]!;
  // "according to the report" (not "according to PONAM", which the passages say too).
  if (t === "according" && tokens[at + 1] === "to") return tokens.slice(at + 2, at + 6).some((_, i) => namesTheReports(tokens, at + 2 + i));
  if (t === "case" && tokens[at + 1] === "study") return namesTheReports(tokens, at + 1);
  // "the talibés described in the case study", "les chiffres cités dans le rapport": how the reports speak of it.
  if (TELLING_PARTICIPLES.has(t) && IN_OR_BY.has(tokens[at + 1] ?? "")) return tokens.slice(at + 2, at + 7).some((_, i) => namesTheReports(tokens, at + 2 + i));
  if (!REPORT_NOUNS.has(t)) return false;
  const start = t === "study" && tokens[at - 1] === "case" ? at - 1 : at;
  const before = tokens.slice(Math.max(0, start - 3), start);
  return before.some((w) => REPORT_DETERMINERS.has(w)) && !before.some((w) => POSSESSIVES.has(w));
}
const REPORT_NOUNS = new Set(["report", "reports", "study", "rapport", "rapports", "etude", "profile", "profil"]);
const TELLING_PARTICIPLES = new Set("described mentioned cited discussed listed named quoted reported given decrits decrites decrit mentionnes mentionnees mentionne cites citees cite donnes donnees donne".split(" "));
const IN_OR_BY = new Set(["in", "by", "dans", "par"]);
const REPORT_DETERMINERS = new Set(["the", "this", "that", "these", "le", "la", "l", "ce", "cette", "ces"]);
/** "my studies", "mes études": the asker's own, a topic. */
const POSSESSIVES = new Set(["my", "your", "his", "her", "their", "mes", "mon", "ma", "ses", "son", "sa", "leurs", "leur"]);
/** Forms of French "avoir" (as typed) before its participle "eu". */
const AVOIR = new Set("ya a ai as ont avons avez avait avais avaient aurait auraient ait aient avoir aura auront j".split(" "));
/** "de la part de qui ?", "de leur part": by someone, not a share ("part") of something. */
const BY_WHOM_BEFORE = new Set(["la", "ma", "ta", "sa", "notre", "votre", "leur"]);
const BY_WHOM_AFTER = new Set(["de", "d", "du", "des"]);
function fromSomeone(tokens: readonly string[], at: number): boolean {
  return BY_WHOM_BEFORE.has(tokens[at - 1] ?? "") && tokens[at - 2] === "de" && (at === tokens.length - 1 || BY_WHOM_AFTER.has(tokens[at + 1] ?? ""));
}
/** "what does PONAM stand for?", "what does 'expulsé' mean?": asking what a name or word says, as French "veut dire". */
const SPELLS_OUT = new Set(["stand", "stands", "mean", "means"]);
/** "full name", "nom complet": a name's long form. */
const FULL_NAME: ReadonlyMap<string, string> = new Map([["full", "name"], ["nom", "complet"]]);
/**
 * Asking what a name says, not what it is about: "MGI stands for what?", "the full name of
 * PONAM", "le sigle CIGEM signifie quoi", "à quoi correspond l'acronyme ANPE ?". The reports never
 * speak of acronyms or full names: as topics these words only kept the sentence that spells the
 * name out from answering.
 */
function spellsOut(tokens: readonly string[], at: number): boolean {
  const t = tokens[at]!;
  if (NAME_FORM_WORDS.has(t)) return true;
  const second = FULL_NAME.get(t);
  if ((second !== undefined && second === tokens[at + 1]) || FULL_NAME.get(tokens[at - 1] ?? "") === t) return true;
  // "à quoi correspond le sigle ..."
  if (t === "correspond" || t === "correspondent") return tokens[at - 1] === "quoi";
  if (!SPELLS_OUT.has(t)) return false;
  // "stands for", or a last word after "does" ("what does it mean"); not "the means to live".
  return (t.startsWith("stand") && tokens[at + 1] === "for") || ((tokens[at + 1] === "for" || at === tokens.length - 1) && tokens.slice(0, at).includes("does"));
}
/**
 * Questions whose second word is part of asking, not a topic: Pidgin "which side" asks where,
 * "wetin make" (spelled out "what make") and English "what makes" ask why.
 */
const ASKING_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["which", new Set(["side"])],
  ["what", new Set(["make", "makes"])],
]);
/**
 * "how many weeks can I stay?", "combien de mois ...": the unit a length of time is asked in is
 * part of asking it (the question asks a duration), not a topic the answer must name: the
 * reports say "90 days".
 */
const TIME_UNITS = new Set("day days week weeks month months year years jour jours semaine semaines mois an ans annee annees".split(" "));
const COUNTED = /(^|\s)(how many|combien de|combien d|combien)$/;
/** A question pointing at a place told in its story ("there", "là-bas", "over there"). */
const THERE = / (there|la bas|labas) /;
/**
 * "... in Bamako, I sell food at the market. Who usually attacks migrants here?": the place the
 * asker is, named in the story, weighs as a topic of the story the question leans on; it does
 * not bind the answer as a place asked does ("malian living in paris, can i vote from here?"
 * asks about voting from abroad, not about Paris).
 */
const HERE = / (here|ici) /;
/** "depuis le Sénégal", "from Niger": a place someone comes from. */
const FROM = new Set(["depuis", "from", "de", "du", "d"]);
const ARTICLES = new Set(["le", "la", "l", "les", "the"]);

function cameFrom(tokens: readonly string[], at: number): boolean {
  const before = ARTICLES.has(tokens[at - 1] ?? "") ? tokens[at - 2] : tokens[at - 1];
  return FROM.has(before ?? "");
}

// A clause in which the asker says who they are or what they have ("je suis guinéen", "I have a card").
const SELF_DESCRIPTION = /^(je suis|je vis|j habite|j ai|je travaille|je m appelle|je viens|nous sommes|on est|moi|mon|ma|mes|i am|i m|im|am|i be|i dey|i live|i have|i ve|i work|i come|i wan|i want|we are|my)\b/;
/** Saying who one is or where one lives ("je suis camerounais", "j'habite à Tunis", "i dey tunis"), not what happened. */
const IDENTITY = /^(je suis|jsuis|je vis|j habite|je viens|nous sommes|on est|moi|i am|i m|im|i be|i dey|i live|i come|we are)\b/;
/** Whether a clause opens as `pattern` says, read as spelled out or as typed (Pidgin "i dey tunis" is spelled out "i are tunis"). */
function saysAsTypedOrMeant(pattern: RegExp, clause: { text: string; tokens: readonly string[] }): boolean {
  return pattern.test(clause.tokens.join(" ")) || pattern.test(tokenize(clause.text).join(" "));
}

/** "je suis étudiant ivoirien à Tunis je dois payer ?": a new "je" (or "I") this many words into a self-description starts the clause that asks. */
const SELF_DESCRIPTION_WORDS = 3;
const NEW_SUBJECT = /\s(je|j['’]|i)\s/gi;

/** A clause of self-description typed without a comma before the question, split where a new subject starts. */
function splitAtNewSubject(clause: string): string[] {
  if (!SELF_DESCRIPTION.test(tokenize(clause).join(" "))) return [clause];
  for (const match of clause.matchAll(NEW_SUBJECT)) {
    if (tokenize(clause.slice(0, match.index)).length >= SELF_DESCRIPTION_WORDS) return [clause.slice(0, match.index), clause.slice(match.index)];
  }
  return [clause];
}

/** "ou je peux dormir a bamako je suis refoulé d algerie": who the asker is, typed straight after the question without a comma. */
const SELF_AFTER = /\s(je suis|jsuis|chui|i am|i['’]m|im)\s/gi;

/** A question typed without a comma before the asker's description of themselves, split where the description starts. */
function splitBeforeSelfDescription(clause: string): string[] {
  for (const match of clause.matchAll(SELF_AFTER)) {
    const before = tokenize(clause.slice(0, match.index));
    // A whole question before it, with a topic of its own: not "est-ce que je suis obligé de payer".
    if (before.length >= SELF_DESCRIPTION_WORDS && asks(before) && before.some(isTopicWord)) return [clause.slice(0, match.index), clause.slice(match.index)];
  }
  return [clause];
}

/** "what % of the foreigners ...", "cb de % ?": a percent sign after no figure asks for a percentage (tokens drop the sign). */
const SIGN_ASKED = /(?<!\d\s?)%/g;
const PERCENTAGE: Record<Language, string> = { fr: " pourcentage ", en: " percentage " };
/** A message this long may tell a story before it asks; a clause of the story says this much at least ("En Tunisie," does not). */
const STORY_MESSAGE_TOKENS = 15;
const STORY_CLAUSE_TOKENS = 4;
/** A condition ("et s'ils n'arrivent pas à payer l'amende, ...", "if I leave without paying, ...") is what is asked about, not a story. */
const CONDITION = /^((et|and|mais|but|what|so) )?(si|s il|s ils|if|even if|meme si)\b/;

/** A message's tokens, each with its weight. */
export interface Reading {
  tokens: string[];
  focus: number[];
}

/** "how much", "how many", "how long" (and "combien", into which "cb", "cmb" are already spelled out): a question of an amount, a number or a length of time. */
const MUCH = new Set(["much", "many", "long"]);
const IF = new Set(["if", "si"]);
/**
 * "how much do I pay if I want to go home?": a condition after the question of an amount is the
 * asker's situation, not what is asked; the index of its "if", or -1.
 */
function trailingCondition(tokens: readonly string[]): number {
  const asks = tokens.findIndex((t, i) => t === "combien" || (t === "how" && MUCH.has(tokens[i + 1] ?? "")));
  return asks < 0 ? -1 : tokens.findIndex((t, i) => i > asks && IF.has(t));
}

/** A message read: its tokens and their weights, and the clauses that ask, as written. */
export interface MessageReading extends Reading {
  askedPart: string;
}

/**
 * The question's tokens, SMS spellings and glued elisions spelled out, with the weight of each:
 * the asker's description of themselves (before or after the clause that asks), or in a long
 * message a clause of the story before the clause that asks, counts less than the question itself,
 * unless the question leans on it ("is it true?"), which makes the story its topic.
 */
function readQuestion(typed: string, lang: Language, context: QueryContext): MessageReading {
  const reading = readMessage(typed, lang, context);
  // "mon visa a expiré il y a 3 mois, je dois combien ?": how long ago something happened to the
  // asker is theirs, never what the reports are searched for (a count they are in for, "depuis
  // 10 ans", may be a threshold the law sets, and stays).
  const { tokens, focus } = reading;
  const kept = tokens.map((t, i) => focus[i]! >= 1 || !(isCount(t) && (tokens.slice(Math.max(0, i - 3), i).join(" ") === "il y a" || tokens[i + 2] === "ago")));
  return { ...reading, tokens: tokens.filter((_, i) => kept[i]), focus: focus.filter((_, i) => kept[i]) };
}

/** A number written in digits that is not a year. */
function isCount(token: string): boolean {
  return /^\d+$/.test(token) && !YEAR_TOKEN.test(token);
}

function readMessage(typed: string, lang: Language, context: QueryContext): MessageReading {
  const question = typed.replace(SIGN_ASKED, PERCENTAGE[lang]);
  // Each clause with whether it ends on a question mark.
  const clauses = (question.match(/[^,.;:!?\n]+[,.;:!?\n]*/g) ?? [])
    .flatMap(splitAtNewSubject)
    .flatMap(splitBeforeSelfDescription)
    .map((clause) => ({ text: clause, tokens: tokenize(clause).flatMap((token) => spellOut(token, lang, context)), questionMark: clause.includes("?") }))
    .filter((c) => c.tokens.length > 0);
  for (const clause of clauses) clause.tokens = asMeant(clause.tokens);
  // "rien à voir, ...", "by the way, ...": a change of topic says nothing of what is asked.
  const change = clauses[0] ? topicChangeIn(clauses[0].tokens) : 0;
  if (change > 0) {
    clauses[0]!.tokens.splice(0, change);
    if (clauses[0]!.tokens.length === 0) clauses.shift();
  }
  // "Good evening. ...", "bonjour à tous, ...": a greeting says nothing of what is asked, nor
  // one run into what follows ("salut je suis guinéen à Bamako, ...").
  const notGreeting = clauses.filter((c) => !onlyGreets(c.tokens));
  if (notGreeting.length > 0) clauses.splice(0, clauses.length, ...notGreeting);
  if (clauses[0]) clauses[0].tokens.splice(0, leadingGreeting(clauses[0].tokens));
  const asking = clauses.map((c) => c.questionMark || asks(c.tokens));
  const lastAsking = asking.lastIndexOf(true);
  const tokens: string[] = [];
  const focus: number[] = [];
  const askingClauses: string[] = [];
  const whoIs: boolean[] = [];
  const long = clauses.reduce((n, c) => n + c.tokens.length, 0) >= STORY_MESSAGE_TOKENS;
  // A message that asks nothing ("je suis camerounais à Tunis, mon visa a fini depuis 2 mois"):
  // who the asker is weighs as their description; what happened to them is what they want to know about.
  const identity = clauses.map((c) => saysAsTypedOrMeant(IDENTITY, c));
  const allIdentity = identity.every(Boolean);
  clauses.forEach((clause, i) => {
    // Before the clause that asks: the asker's description of themselves, or in a long message
    // a clause of the story ("a gao les passeurs font ce qu'ils veulent, ...").
    const before = i < lastAsking && !asking[i];
    const said = clause.tokens.join(" ");
    // The asker's description of themselves, before or after the clause that asks ("mali allow
    // dual citizenship? i wan keep my ghana own"); a message that asks nowhere is all question.
    const describesSelf = saysAsTypedOrMeant(SELF_DESCRIPTION, clause);
    const self = (before && long && clause.tokens.length >= STORY_CLAUSE_TOKENS && !CONDITION.test(said)) || (lastAsking >= 0 && !asking[i] && describesSelf) || (lastAsking < 0 && identity[i]! && !allIdentity);
    const condition = self ? -1 : trailingCondition(clause.tokens);
    clause.tokens.forEach((token, k) => {
      tokens.push(token);
      focus.push(self ? SELF_DESCRIPTION_WEIGHT : condition >= 0 && k >= condition ? STORY_TOPIC_WEIGHT : 1);
      whoIs.push(self && identity[i]!); // said in a clause saying who the asker is
    });
    if (!self) askingClauses.push(clause.text);
  });
  const asked = tokens.filter((_, i) => focus[i] === 1);
  if (asked.length === tokens.length && change === 0) return { tokens, focus, askedPart: question };
  const askedPart = askingClauses.join("").trim();
  const topics = asked.filter((t) => isTopicWord(t) && !isPlaceWord(t, context.lexicon)).length;
  // "... in Bamako. Did many lose income there?": the place the story named last, not one come from, is the one asked about.
  const storyPlace = () => tokens.findLastIndex((t, i) => focus[i]! < 1 && isPlaceWord(t, context.lexicon) && !cameFrom(tokens, i));
  const askedText = ` ${asked.join(" ")} `;
  if (!leansOnWhatCameBefore(asked, topics) && !CONSEQUENCE.test(askedText)) {
    const here = HERE.test(askedText) ? storyPlace() : -1;
    return { tokens, focus: focus.map((f, i) => (i === here ? STORY_TOPIC_WEIGHT : f)), askedPart };
  }
  const there = THERE.test(askedText) ? storyPlace() : -1;
  // Who the asker is stays a description ("je suis camerounaise", "i'm from Cameroon"): what
  // happened to them is the topic; the fine they ask about is not the Cameroonians'.
  const origin = (i: number) => whoIs[i]! && (isDemonym(tokens[i]!) || (isPlaceWord(tokens[i]!, context.lexicon) && cameFrom(tokens, i)));
  return { tokens, focus: focus.map((f, i) => (i === there ? 1 : f < 1 && !origin(i) ? STORY_TOPIC_WEIGHT : f)), askedPart };
}

/**
 * How much the words of the message a follow-up leans on count: they supply its topic, the
 * follow-up says what is asked. Places and years keep their full weight unless the follow-up
 * names its own ("et à Tunis ?", "and in 2013?"), which then replace them, as its months replace
 * the months before ("et en février ?" after "en janvier 2013"); a place the message
 * before named too replaces nothing ("what did Mali lose?" after a question on Malians in Libya).
 * The passages' indexes take them at this weight; the question bank takes them whole
 * (BANK_PREVIOUS_WEIGHT in search.ts).
 */
export const PREVIOUS_WEIGHT = 0.5;
/** The same when the follow-up is a pronoun and a question word ("ils vivent où ?"): the pronoun is the topic before. */
const PRONOUN_PREVIOUS_WEIGHT = 1;
/** A year as typed ("2013"). */
const YEAR_TOKEN = /^(1[89]|20)\d\d$/;
/** Months as typed, accent-free ("may" left out: far more often the verb). */
const MONTHS: ReadonlySet<string> = new Set([
  ...["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"],
  ...["january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"],
]);

/** The previous message's tokens, at PREVIOUS_WEIGHT (places and years as said above), then the follow-up's. */
function withPrevious(followUp: Reading, previous: Reading, context: QueryContext, previousWeight: number): Reading {
  const isPlace = (t: string) => isPlaceWord(t, context.lexicon);
  const isYear = (t: string) => YEAR_TOKEN.test(t);
  // A place the message before already named (or its people: "Mali" after "Malians") is no new place.
  const termOf = (t: string) => context.analyzers.en.term(t) ?? t;
  const said = new Set(previous.tokens.map(termOf));
  const isMonth = (t: string) => MONTHS.has(t);
  const replaces = { place: followUp.tokens.some((t) => isPlace(t) && !said.has(termOf(t))), year: followUp.tokens.some(isYear), month: followUp.tokens.some(isMonth) };
  const reading: Reading = { tokens: [], focus: [] };
  previous.tokens.forEach((token, i) => {
    const place = isPlace(token);
    const year = isYear(token);
    const month = isMonth(token);
    if ((place && replaces.place) || (year && replaces.year) || (month && replaces.month)) return;
    reading.tokens.push(token);
    reading.focus.push(place || year ? previous.focus[i]! : previous.focus[i]! * previousWeight);
  });
  return { tokens: [...reading.tokens, ...followUp.tokens], focus: [...reading.focus, ...followUp.focus] };
}

/**
 * What a message asks, read: its tokens with their weights and the clauses that ask; a follow-up
 * with the message it leans on (`previous`, whose words weigh `previousWeight`). "ils vivent où ?"
 * after "les talibés c'est qui ?": a pronoun with at most one topic of its own stands for the
 * topic before, whole.
 */
export function readAsked(question: string, lang: Language, context: QueryContext, previous?: string, previousWeight = PREVIOUS_WEIGHT): MessageReading {
  const own = readQuestion(question, lang, context);
  if (previous === undefined) return own;
  const standsFor = own.tokens.filter(isTopicWord).length <= 1 && pointsBackByPronoun(question);
  const merged = withPrevious(own, readQuestion(previous, lang, context), context, standsFor ? Math.max(previousWeight, PRONOUN_PREVIOUS_WEIGHT) : previousWeight);
  return { ...merged, askedPart: own.askedPart };
}
