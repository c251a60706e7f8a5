import { type Corpus, type Language, type Passage, passageOrder, sentenceKey } from "../corpus/index.js";
import { asksNothing, type Retrieval, type RetrievedPassage, type TermSource, tokenize } from "../retrieval/index.js";
import { type AbstentionFeatures, type AbstentionModel, answerProbability } from "./abstention.js";
import type { AnswerKind } from "./answer.js";
import { candidateCard, type CardChoice, definedTopic, factsToShow } from "./card-choice.js";
import { type Citation, citeSentences, rangeHolding, type SentenceRange, widenCitation } from "./citation.js";
import { coverageOf, type PassageWindows, unknownShare, type WeighedConcept, weighConcepts } from "./evidence.js";
import type { HelpDirectory } from "../help/index.js";
import type { FactCard, FactCards } from "./fact-cards.js";
import { type AskedKind, askedKind, asksPrice, asksSeveral, speaksOfPrice, TELLING_KINDS } from "./question-kind.js";
import { bankSimilarityIn, coverageInPassage, introducingFirst, type Quote, quotesToShow, type ScoredWindow, scoreWindows } from "./selection.js";
import type { WindowModel } from "./window-ranking.js";
import { datedWarning, declineText, extractText, helpLine, notSaidText, withMarker } from "./wording.js";
import { detailNotSaid, detailsAsked } from "./asked-detail.js";
import { type Constraints, placeAskedOnlyListed, placedElsewhere, readConstraints, speaksOfOtherNationals, unmetConstraint, windowSource, yearAfterReports } from "./constraints.js";


/** Why an answer was given or declined: for evaluation and the logs, never shown to users. */
export interface Evidence {
  asked: AskedKind;
  features: AbstentionFeatures;
  /** The abstention model's probability that the reports answer. */
  probability?: number;
  /** Set when declined: which rule or the model. */
  declined?: "nothing-retrieved" | "place-not-covered" | "nationals-not-covered" | "period-not-covered" | "period-after-reports" | "model" | "detail-not-said" | "follow-up-unknown" | "figure-not-said";
}

export interface AnswerDraft {
  kind: AnswerKind;
  cardId?: string;
  abstained: boolean;
  text: string;
  citations: Citation[];
  evidence?: Evidence;
}

export interface ComposeContext {
  corpus: Corpus;
  cards: FactCards;
  terms: TermSource;
  /** English index terms of place names. */
  placeTerms: ReadonlySet<string>;
  /** English index terms of nationalities ("malian", "ivorian"). */
  nationalityTerms: ReadonlySet<string>;
  /** The same as words, singular and plural ("malian", "malians"), each with its index terms. */
  nationalityTermsByWord: ReadonlyMap<string, readonly string[]>;
  /** Index terms of the passages' sentences, computed once. */
  passageWindows: PassageWindows;
  /** Ranks the windows; without it (while fitting it) by coverage. */
  windowModel?: WindowModel;
  /** Decides answer or decline; without it (while fitting it) only the hard rules decline. */
  abstention?: AbstentionModel;
  /** Where to ask for help, named when the reports do not answer and on cards about help. */
  help: HelpDirectory;
  /** The bank's questions of each sentence (by sentenceKey): what a sentence is known to answer. */
  bankQuestions: ReadonlyMap<string, readonly string[]>;
}

/**
 * A card giving the kind of thing asked (an amount, a date...) answers in place of a window that
 * does not give it when it says at least this share of what the window says: "je suis sans
 * papiers à Tunis, je dois payer combien pour partir ?" gets the weekly fine rather than a
 * sentence on leaving that names no amount (and then a decline for lacking one). Set a priori,
 * not tuned: no tuning set moved at 0.6 or 0.8; with it, real-people report French facts 0.47
 * -> 0.50 and abstention 0.78 -> 0.81 (with the card preference in card-choice.ts).
 */
const CARD_KIND_SHARE = 0.8;

/**
 * When a figure is asked (how many, how much, how long) and only the card gives one, the window
 * would be declined for lacking it (figure-not-said): the card answers if it says at least half
 * of what the window says. "j'ai dépassé les 90 jours en Tunisie, c'est combien la pénalité ?"
 * put the 90-day sentence first (the story's "90 jours") and was declined beside the weekly
 * fine's card. Set a priori at one half (measured 2026-12-08, npm run eval -- --set all: third
 * dialogues report French facts 0.63 -> 0.65, no other set moved; at 0.65 nothing moved); the
 * bank's questions each left out: French declines 558 -> 557.
 */
const CARD_FIGURE_SHARE = 0.5;

/**
 * Kinds of answer that are a figure: "how many", "how much", "how long" asked of what would be
 * shown with no number of that kind in it cannot be answered by it, however close its words
 * (the abstention model only weighs this). Declined plainly: a nearest fact without the figure
 * would not help. Measured (npm run eval -- --set all): of the answers given with the figure
 * missing, every one was to a question the reports do not answer; shares, dates, names answered
 * that way were sometimes right and are left to the model.
 */
const FIGURE_KINDS: ReadonlySet<AskedKind> = new Set(["quantity", "money", "duration"]);

/** Places of help named in one line, per city. */
const HELP_LINE_ENTRIES = 2;

/**
 * The offline answerer. It weighs the question's concepts, scores every sentence and pair of
 * the retrieved passages, then declines (a place or period no passage speaks of; or the
 * abstention model), or answers with a fact card when the card says the question at least as
 * well as the best sentence, or with the reports' best sentences, in the answer's language.
 */
export function composeAnswer(message: Message, lang: Language, retrieval: Retrieval, context: ComposeContext, k: number): AnswerDraft {
  const { weighed, asked, constraints, scored: all } = rankWindows(message, retrieval, context, k);
  // A follow-up is judged as the question it makes with the messages before, at full weight.
  const whole = retrieval.wholeConcepts ? weighConcepts(retrieval.wholeConcepts, retrieval.searched, context.terms) : undefined;
  // "et ça coûte combien ?" after a question on the fine asks the fine, not a price.
  const price = asksPrice(retrieval.askedPart, message.leanedOn);
  const reading: QuestionReading = { retrieval, weighed, whole, asked, price, context };
  if (all.length === 0) return decline(lang, retrieval, context, message, { asked, features: abstentionFeatures(reading, undefined), declined: "nothing-retrieved" });
  // "et à Sousse ?": a follow-up whose own words the reports never use asks of something they do not speak of.
  if (message.leanedOn && followUpUnknown(message.question, weighed)) return decline(lang, retrieval, context, message, { asked, features: abstentionFeatures(reading, all[0]), declined: "follow-up-unknown" });
  // A year in the story ("je suis arrivé en 2022, ...") says when it happened to the asker, not which year's facts are wanted.
  const afterReports = yearAfterReports(retrieval.askedPart, context);
  if (afterReports) return decline(lang, retrieval, context, message, { asked, features: abstentionFeatures(reading, all[0]), declined: afterReports });
  // Only windows that speak of the places and years asked about, and of no other nationals than those asked about, may answer.
  const allowed = all.filter((w) => !unmetConstraint(constraints, windowSource(w), context) && !speaksOfOtherNationals(constraints, w.window, context) && !placeAskedOnlyListed(constraints, w.window, context));
  // ...and, while another can answer, none placed elsewhere than where the asker's story is.
  const elsewhere = placedElsewhere(constraints, context);
  const here = allowed.filter((w) => !elsewhere(w.passage));
  // "et les mineurs ?": a window among the best few that says the precise detail asked comes first.
  const details = detailsAsked(retrieval.askedPart);
  const scored = sayingFirst(here.length ? here : allowed, details, context);
  const best = scored[0];
  if (!best) return decline(lang, retrieval, context, message, { asked, features: abstentionFeatures(reading, all[0]), declined: unmetConstraint(constraints, windowSource(all[0]!), context) ?? "nationals-not-covered" });
  // "c'est quoi la CEDEAO ?": a question of definition, which a card may define, or the sentence bringing the name in answers (below).
  const defined = definedTopic(retrieval);
  const candidate = candidateCard(retrieval, weighed, asked, context.cards, context.terms, defined);
  const card = candidate && cardAnswers(candidate, best, { asked, details, constraints }, context) ? candidate : undefined;
  const evidence: Evidence = { asked, features: abstentionFeatures(reading, best, card) };
  if (context.abstention) {
    evidence.probability = answerProbability(context.abstention, evidence.features);
    if (evidence.probability < context.abstention.threshold) return decline(lang, retrieval, context, message, { ...evidence, declined: "model" });
  }
  if (FIGURE_KINDS.has(asked) && !(card ? card.holdsKind : best.holdsKind)) return decline(lang, retrieval, context, message, { ...evidence, declined: "figure-not-said" });
  // "what is PONAM?": whether the reports answer is judged on the best window; the one that brings the name in is shown, as it says what the name stands for.
  const shown = defined ? introducingFirst(scored, defined.source) : scored;
  const narrower = card?.narrower && cardMeets(card.narrower, constraints, context) ? card.narrower : undefined;
  const draft = card ? answerFromCard(card.card, lang, retrieval, weighed, message.leanedOn === undefined ? asked : askedKind(retrieval.askedPart), context, narrower) : answerFromQuotes(quotesToShow(shown, retrieval.bank[0], asksSeveral(message.question)), lang, context);
  // The answer must say what was asked: a ceiling, an exemption, a phone number... that neither
  // its sentences nor the bank questions pointing to them speak of is declined, and the nearest
  // fact shown as related information.
  const missing = detailNotSaid(details, draft.citations.flatMap((c) => saidAround(c, context)));
  if (missing) return relatedOnly(lang, draft.citations, retrieval, context, { ...evidence, declined: "detail-not-said" });
  return { ...draft, evidence };
}

/**
 * Whether the card answers rather than the best window: it meets the same constraints; holds the
 * kind of thing asked whenever the window does; says the question at least as well as the window
 * (or nearly, CARD_KIND_SHARE, when only the card holds the kind asked) and the precise details
 * asked ("and for those under 18?") whenever the window does. A figure asked that only the card
 * gives needs less of the question (CARD_FIGURE_SHARE), the window being declined for lacking it,
 * but the details asked said by the card itself.
 */
function cardAnswers(candidate: CardChoice, best: ScoredWindow, question: { asked: AskedKind; details: readonly string[]; constraints: Constraints }, context: ComposeContext): boolean {
  const { asked, details, constraints } = question;
  if (!cardMeets(candidate.card, constraints, context)) return false;
  if (best.holdsKind && !candidate.holdsKind) return false;
  const onlyCardHolds = candidate.holdsKind && !best.holdsKind;
  const cardSaysDetails = details.length === 0 || cardSays(candidate.card, details, context);
  if (FIGURE_KINDS.has(asked) && onlyCardHolds && cardSaysDetails && candidate.coverage >= CARD_FIGURE_SHARE * best.coverage) return true;
  const saysEnough = candidate.coverage >= best.coverage || (TELLING_KINDS.has(asked) && onlyCardHolds && candidate.coverage >= CARD_KIND_SHARE * best.coverage);
  return saysEnough && (cardSaysDetails || !windowSays(best, details, context));
}

/** Whether the passages a card's facts quote speak of the places, years and nationals asked, as a window's must. */
function cardMeets(card: FactCard, constraints: Constraints, context: ComposeContext): boolean {
  return !unmetConstraint(constraints, { passages: card.facts.map((f) => f.passage) }, context);
}

/**
 * How many of the best windows are looked through for one of the best one's passage, or of a
 * passage next to it in its report, that says the precise detail asked ("et les mineurs ?"
 * after care in Bamako: the sentence on under-18s, next to the share who could get care, which
 * was declined as not saying it). Measured (npm run eval -- --set all): at 10, fresh tune and
 * fresh report English citations 0.70 -> 0.71 and 0.72 -> 0.73; at 5, the first only; nothing
 * lost at either.
 */
const DETAIL_WINDOWS = 10;

/**
 * The windows, best first, with the best of the first DETAIL_WINDOWS that says the details
 * asked moved to the front when the best does not: one of the best one's passage, or of the
 * passage just before or after it, which a section often runs on into ("et parmi les femmes ?"
 * after the share who lost their job in Tunis: the sentence on women keeping theirs opens the
 * next passage). Passages further off seldom speak of what a follow-up leans on (tried:
 * dialogue-report French abstention 0.95 -> 0.93). The neighbours, measured (2026-12-07, npm run
 * eval -- --set all): no set moved; the model's path report French citations 0.82 -> 0.83; the
 * bank's questions each left out, French 4,797 -> 4,798 cited, English 5,124 -> 5,126.
 */
function sayingFirst(windows: ScoredWindow[], details: readonly string[], context: ComposeContext): ScoredWindow[] {
  if (details.length === 0 || windows.length === 0 || windowSays(windows[0]!, details, context)) return windows;
  const best = windows[0]!;
  const saying = windows.slice(1, DETAIL_WINDOWS).find((w) => sameOrNextPassage(w.passage, best.passage) && windowSays(w, details, context));
  return saying ? [saying, ...windows.filter((w) => w !== saying)] : windows;
}

/** Two passages of one report, the same or next to each other. */
function sameOrNextPassage(a: Passage, b: Passage): boolean {
  return a.docId === b.docId && Math.abs(passageOrder(a.id) - passageOrder(b.id)) <= 1;
}

/** Whether a window, or the sentences a card quotes, say the precise details asked (asked-detail.ts), by their words or their bank questions. */
function windowSays(w: ScoredWindow, details: readonly string[], context: ComposeContext): boolean {
  return detailNotSaid(details, saidIn(w.passage.id, w.window.range, context)) === undefined;
}

function cardSays(card: FactCard, details: readonly string[], context: ComposeContext): boolean {
  return detailNotSaid(details, quotedRanges(card, context).flatMap(({ passageId, range }) => saidIn(passageId, range, context))) === undefined;
}

/** A message to answer and, for a follow-up read with the messages before, those messages. */
export interface Message {
  question: string;
  leanedOn?: string | undefined;
}

/**
 * The question read (concepts weighed, kind asked) and every window of the top `k` passages
 * scored, best first. A follow-up that does not say what it asks for ("And in Niger?", "et les
 * femmes ?") asks for what the message before it did (a number, a date...). Tried for
 * follow-ups: preferring the passages the answer to the message before cited, or windows
 * saying the follow-up's own topic (dialogue tune facts 0.73 -> 0.71 or lower at every
 * weight); not kept.
 */
export function rankWindows({ question, leanedOn }: Message, retrieval: Retrieval, context: ComposeContext, k: number) {
  const weighed = weighConcepts(retrieval.concepts, retrieval.searched, context.terms);
  // What kind of answer is wanted is read from the clauses that ask: a story's "le loyer est trop cher" asks no price.
  const asked = leanedOn === undefined ? askedKind(retrieval.askedPart) : followUpKind(retrieval.askedPart, leanedOn);
  const top = passagesRead(retrieval, k);
  // The places, years and nationals it binds the answer to, read once: the years also weigh in the ranking.
  const constraints = readConstraints(question, weighed, context.nationalityTerms, asked, leanedOn);
  const scored = scoreWindows(top, { weighed, kind: asked, years: constraints.years, bank: retrieval.bank }, context, context.windowModel);
  return { weighed, asked, top, constraints, scored };
}

/**
 * How deep among the retrieved passages the closest bank question's passage is looked for. From
 * the cards' depth (10), used until then, to 15: tune English facts 0.83 -> 0.84, fresh
 * tune English 0.73 -> 0.74, real-people report English 0.43 -> 0.50, fresh report French 0.77 ->
 * 0.78; no set lost; 25 and 40 gained nothing more on the tuning sets.
 */
export const BANK_PASSAGE_DEPTH = 15;

/**
 * The passages an answer is read from: the `k` best retrieved, and the passage of the bank
 * question closest to the question when it ranks lower among those retrieved (a footnote giving
 * the estimate of how many migrants live in Tunisia, found by the words of a few passages more).
 * Measured (npm run eval): report English citations 0.85 -> 0.86; fresh report English facts
 * 0.60 -> 0.63, real-people report French facts 0.60 -> 0.63, first dialogues report English
 * 0.87 -> 0.90; tune English abstention 0.95 -> 0.94 (one question). That passage is looked for
 * among the BANK_PASSAGE_DEPTH best retrieved.
 */
export function passagesRead(retrieval: Retrieval, k: number): RetrievedPassage[] {
  const top = retrieval.passages.slice(0, k);
  const closest = retrieval.bank[0];
  if (!closest || top.some((p) => p.passage.id === closest.passageId)) return top;
  const pinned = retrieval.passages.find((p) => p.passage.id === closest.passageId);
  return pinned ? [...top, pinned] : top;
}

/**
 * What a follow-up asks for, read with the messages it leans on: one that does not say ("And in
 * Niger?") asks what the message before did; "how much is it?" after a question on a fine asks
 * an amount of money, not any number. "What happens after that?" asks what follows, not how long
 * after "how long can I stay?": a consequence is asked in its own right.
 */
function followUpKind(askedPart: string, leanedOn: string): AskedKind {
  const own = askedKind(askedPart);
  if (own === "other") return askedKind(leanedOn);
  return own === "quantity" && askedKind(`${leanedOn} ${askedPart}`) === "money" ? "money" : own;
}

/** A question as the answer stage has read it. */
interface QuestionReading {
  retrieval: Retrieval;
  weighed: WeighedConcept[];
  /** For a follow-up: its concepts and those of the messages it leans on, all at full weight. */
  whole: WeighedConcept[] | undefined;
  /** It asks what something costs (not a fine), read with the messages a follow-up leans on. */
  price: boolean;
  asked: AskedKind;
  context: ComposeContext;
}

/**
 * The abstention model's features, measured on what would be shown: the card when one answers,
 * else the best window; for a follow-up, against the question it makes with the messages
 * before, all at full weight, as the bank reads it (with the earlier words at half weight, as
 * the passages' indexes take them, a follow-up's coverage fell below that of a question asked
 * whole, which the model was fitted on: tune dialogues English abstention 0.94 -> 0.96, fresh
 * tune dialogues French 0.89 -> 0.91; nothing else moved). Tried: coverage over the asked part only when a story or an earlier
 * message is read with it (real-people and dialogue tuning sets up in English, unseen splits
 * not: report French abstention 0.90 -> 0.89); not kept.
 */
function abstentionFeatures(reading: QuestionReading, best: ScoredWindow | undefined, card?: CardChoice): AbstentionFeatures {
  const { retrieval, asked, context } = reading;
  const weighed = reading.whole ?? reading.weighed;
  const known = weighed.filter((w) => !w.unknown).length;
  const holds = card ? card.holdsKind : best?.holdsKind;
  const shownCoverage = card ? card.coverage : best ? (reading.whole ? coverageInPassage(reading.whole, best.window.terms, best.context) : best.coverage) : 0;
  return {
    bestWindow: best ? 1 / (1 + Math.exp(-best.score)) : 0,
    coverage: shownCoverage,
    strictCoverage: shownCoverage * (1 - unknownShare(weighed)),
    passageCoverage: card ? card.coverage : best ? coverageOf(weighed, best.context) : 0,
    kindMissing: TELLING_KINDS.has(asked) && !holds ? 1 : 0,
    unknownShare: unknownShare(weighed),
    knownConcepts: Math.log1p(known),
    asksContactOrPrice: asked === "contact" || (reading.price && !showsAskedPrice(retrieval, best, card, context)) ? 1 : 0,
    bankBest: retrieval.bank[0]?.similarity ?? 0,
    bankShown: card ? cardBankSimilarity(card.card, retrieval, context) : (best?.features.bankSimilarity ?? 0),
  };
}

/** What a citation's sentences say, in every language, and the bank questions that point to them. */
function saidAround(citation: Citation, context: ComposeContext): string[] {
  return saidIn(citation.passageId, citation.sentences, context);
}

/**
 * A follow-up says something of its own, and the reports use none of it. Its own concepts are
 * those at full weight (the earlier messages' words weigh less), but for the earlier messages'
 * places, which keep their weight.
 */
function followUpUnknown(question: string, weighed: WeighedConcept[]): boolean {
  const words = new Set(tokenize(question));
  const own = weighed.filter((w) => w.concept.focus >= 1 && (!w.concept.place || w.concept.source.split(" ").every((word) => words.has(word))));
  return own.length > 0 && own.every((w) => w.unknown);
}

/** What sentences `range` of a passage say, in every language, and the bank questions that point to them. */
function saidIn(passageId: string, range: SentenceRange, context: ComposeContext): string[] {
  const sentences = context.corpus.sentences.get(passageId) ?? [];
  const texts: string[] = [];
  for (let i = range.from; i < range.to; i++) {
    const sentence = sentences[i];
    if (sentence) texts.push(sentence.text, ...Object.values(sentence.translations).map((t) => t.text));
    texts.push(...(context.bankQuestions.get(sentenceKey(passageId, i)) ?? []));
  }
  return texts;
}

/**
 * The reports seldom give a price, so a question asking one counts against answering, unless
 * one of its closest bank matches is a sentence that says what something costs (by its words or
 * its bank questions) and is part of what would be shown: "how much do they charge per week"
 * comes close to the weekly overstay penalty's bank questions ("ça coûte combien par semaine ?"),
 * while "combien coûte un passeport" comes closest to sentences on passports, not to the nearby
 * one on what a removal costs.
 */
const PRICE_BANK_MATCHES = 2;

function showsAskedPrice(retrieval: Retrieval, best: ScoredWindow | undefined, card: CardChoice | undefined, context: ComposeContext): boolean {
  const shown = card ? quotedRanges(card.card, context) : best ? [{ passageId: best.passage.id, range: best.window.range }] : [];
  return retrieval.bank.slice(0, PRICE_BANK_MATCHES).some(
    (match) =>
      shown.some(({ passageId, range }) => passageId === match.passageId && match.sentence >= range.from && match.sentence < range.to) &&
      saidIn(match.passageId, { from: match.sentence, to: match.sentence + 1 }, context).some(speaksOfPrice),
  );
}

/** A plain "the reports do not say that", then the nearest fact they give, cited as related information, then where to ask. */
function relatedOnly(lang: Language, citations: Citation[], retrieval: Retrieval, context: ComposeContext, evidence: Evidence): AnswerDraft {
  const text = [notSaidText(lang, citations), helpLine(lang, context.help.forLine(retrieval.places, HELP_LINE_ENTRIES))].join("\n\n");
  return { kind: "abstain", abstained: true, text, citations, evidence };
}

/** A message that only told something ("je suis camerounais à Tunis"), not read with others, is asked what the person wants to know. */
function decline(lang: Language, retrieval: Retrieval, context: ComposeContext, message: Message, evidence: Evidence): AnswerDraft {
  const askedNothing = message.leanedOn === undefined && asksNothing(message.question);
  return { kind: "abstain", abstained: true, text: declineText(lang, context.help.forLine(retrieval.places, HELP_LINE_ENTRIES), askedNothing), citations: [], evidence };
}

function answerFromQuotes(quotes: Quote[], lang: Language, context: ComposeContext): AnswerDraft {
  const citations = quotes.map((q, i) => citeSentences(context.corpus, q.passage, i + 1, q.range));
  return { kind: "extract", abstained: false, text: extractText(citations, lang), citations };
}

/**
 * `asked`: what the message itself asks for (a follow-up's own kind, not the one it takes from the
 * message before), which leads. `narrower`: a card the question meets more closely, whose facts
 * not already quoted follow.
 */
function answerFromCard(card: FactCard, lang: Language, retrieval: Retrieval, weighed: WeighedConcept[], asked: AskedKind, context: ComposeContext, narrower?: FactCard): AnswerDraft {
  const own = factsToShow(card, retrieval.concepts, weighed, context.terms, asked);
  const quoted = new Set(own.map((f) => f.quote));
  const shown = [...own, ...(narrower?.facts.filter((f) => !quoted.has(f.quote)) ?? [])];
  const citations: Citation[] = [];
  const sentences = shown.map((fact) => {
    let index = citations.findIndex((c) => c.passageId === fact.passage.id);
    if (index < 0) {
      const range = rangeHolding(context.corpus.sentences.get(fact.passage.id) ?? [], fact.quote);
      if (!range) throw new Error(`card ${card.id}: its quote is not in passage ${fact.passage.id}`); // the loader checked it
      citations.push(citeSentences(context.corpus, fact.passage, citations.length + 1, range));
      index = citations.length - 1;
    } else {
      citations[index] = widenCitation(context.corpus, citations[index]!, fact.passage, fact.quote);
    }
    return withMarker(fact.text[lang], citations[index]!.marker);
  });
  const parts = [sentences.join(" ")];
  if (card.dated || narrower?.dated) parts.push(datedWarning(lang, citations));
  if (card.help) parts.push(helpLine(lang, context.help.forLine(retrieval.places, HELP_LINE_ENTRIES)));
  return { kind: "card", cardId: card.id, abstained: false, text: parts.join("\n\n"), citations };
}

/** The closest bank question pointing to a sentence a card quotes. */
function cardBankSimilarity(card: FactCard, retrieval: Retrieval, context: ComposeContext): number {
  return Math.max(0, ...quotedRanges(card, context).map(({ passageId, range }) => bankSimilarityIn(retrieval.bank, passageId, range)));
}

/** The sentences each of a card's facts quotes. */
function quotedRanges(card: FactCard, context: ComposeContext): Array<{ passageId: string; range: SentenceRange }> {
  return card.facts.flatMap((fact) => {
    const range = rangeHolding(context.corpus.sentences.get(fact.passage.id) ?? [], fact.quote);
    return range ? [{ passageId: fact.passage.id, range }] : [];
  });
}
