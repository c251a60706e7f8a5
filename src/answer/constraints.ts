import { type Corpus, type Passage, REPORT_LANGUAGE } from "../corpus/index.js";
import { isDemonym, lawYearsIn, type Lexicon, type TermSource, tokenize } from "../retrieval/index.js";
import { mentions, type PassageWindow, type PassageWindows, type TermSets, type WeighedConcept } from "./evidence.js";
import type { ScoredWindow } from "./selection.js";
import { type AskedKind, yearsAsked } from "./question-kind.js";

/** What the hard rules read: the reports' years, and where each passage is. */
export interface ConstraintContext {
  corpus: Corpus;
  passageWindows: PassageWindows;
  /** English index terms of the nationalities the lexicon knows ("malian", "ivorian"): see nationalityWords. */
  nationalityTerms: ReadonlySet<string>;
  /** The same nationalities as words, singular and plural ("malian", "malians"), each with its index terms (nationalityTermsByWord): a window names a people by them, not by its country's name. */
  nationalityTermsByWord: ReadonlyMap<string, readonly string[]>;
  /** English index terms of place names. */
  placeTerms: ReadonlySet<string>;
  terms: TermSource;
}

/** The passages an answer would quote from; for a window, also what the window itself says. */
export interface AnswerSource {
  passages: Passage[];
  quoted?: TermSets;
}

export function windowSource(w: ScoredWindow): AnswerSource {
  return { passages: [w.passage], quoted: w.window.terms };
}

/**
 * A passage speaks of a year when it or its headings name it, or its report is of that year and
 * it names no other ("as of 9 May"): "485 billion CFA in 2018", in a report of 2020, gives no
 * figure for 2020. Of a year after the reports (`afterReports`), only when it foresees it.
 */
function speaksOfYear(passage: Passage, year: string, afterReports: boolean, context: ConstraintContext): boolean {
  if (afterReports) return foresees(passage, year);
  if (passage.text.replace(CITED_WORK, " ").includes(year) || passage.section.some((h) => h.includes(year))) return true;
  return String(context.corpus.reportById.get(passage.docId)?.year) === year && !NAMED_YEAR.test(passage.text);
}
const NAMED_YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/;
/** A work cited by its authors and year ("(Merabet and Gendreau, 2007)", "Camilli & Paynter (2020)"): its year is when it was written, not what the passage speaks of. */
const CITED_WORK = /\(?\b\p{Lu}[\p{L}-]+(?:(?: and | et | & )\p{Lu}[\p{L}-]+| et al\.)?,? \(?(?:19|20)\d\d[a-z]?\)/gu;

/** A passage looks ahead to a year after the reports when it names the year alone ("by 2024"), not as the end of a plan's period ("2020–2024"). */
function foresees(passage: Passage, year: string): boolean {
  return yearsAsked(passage.text).includes(year);
}

function latestReportYear(context: ConstraintContext): number {
  return Math.max(...context.corpus.manifest.reports.map((r) => r.year));
}

/**
 * The reports cannot know a year after the latest of them, unless they look ahead to it ("over
 * 60% of the total population by 2024"): such a year is then bound like any other, a passage
 * must foresee it (see foresees).
 */
export function yearAfterReports(question: string, context: ConstraintContext): "period-after-reports" | undefined {
  const latest = latestReportYear(context);
  const foreseen = (year: string) => context.corpus.passages.some((p) => foresees(p, year));
  return yearsAsked(question).some((year) => Number(year) > latest && !foreseen(year)) ? "period-after-reports" : undefined;
}

/**
 * What an answer must meet whatever the scores: speak of every place, and every year, the
 * question is about (never answer about Tunis when asked about Bamako, nor with 2013 figures
 * when asked about 2016). A passage speaks of a place when its headings or its report's title
 * name it; a window of it when it names it itself too. A place named elsewhere in the passage
 * does not do: "Malians are exempted from a visa for Algeria, Morocco..." is no answer, in
 * the passage's next sentence, to what Morocco asks of Guineans (measured on the tuning
 * questions: French citations 0.78 -> 0.79, abstention 0.91 -> 0.92). A card is judged on its
 * passages as a whole (see speaksOfYear for years). The asker's description of themselves is
 * not what they ask about, so its places do not count. A town's country speaks for the town
 * when nothing of the town's own is asked (countrySpeaksForTown): Mali's penalty for an
 * irregular stay answers what undocumented migrants risk in Bamako (report French facts 0.80 ->
 * 0.81, abstention 0.90 -> 0.91; dialogues report French facts 0.62 -> 0.66).
 */
export function unmetConstraint(constraints: Constraints, answer: AnswerSource, context: ConstraintContext): "place-not-covered" | "period-not-covered" | undefined {
  if (constraints.places.length > 0) {
    // Where each passage (or the window quoted of it) is: read only when a place is asked, as most questions ask none.
    const scopes = answer.passages.map((p) => {
      const { whole, headings, scope } = context.passageWindows.of(p);
      // A window is read under its passage's headings: under "The challenge of reintegrating Malians from Libya", it speaks of Libya.
      return { said: answer.quoted ?? whole, scope: answer.quoted ? context.passageWindows.scopeOfWindow(p, answer.quoted) : scope, headings };
    });
    // A town's country speaks for it when nothing of the town's own is asked: Mali's law on irregular stay holds in Bamako.
    const countryTerms = (w: WeighedConcept) => (constraints.countrySpeaksForTown ? context.passageWindows.countryTermsOf(w.concept.source) : []);
    const names = (terms: readonly string[], s: { said: TermSets; scope: TermSets }) => terms.length > 0 && terms.every((t) => s.said[REPORT_LANGUAGE]?.has(t) || s.scope[REPORT_LANGUAGE]?.has(t));
    const covered = (w: WeighedConcept) => {
      const country = countryTerms(w);
      return scopes.some((s) => mentions(w, s.said) > 0 || mentions(w, s.scope) > 0 || mentions(w, s.headings) > 0 || names(country, s));
    };
    for (const alternatives of constraints.places) {
      if (!alternatives.some(covered)) return "place-not-covered";
    }
  }
  const latest = constraints.years.length ? latestReportYear(context) : 0;
  for (const year of constraints.years) {
    const afterReports = Number(year) > latest;
    if (!answer.passages.some((p) => speaksOfYear(p, year, afterReports, context))) return "period-not-covered";
  }
  return undefined;
}

/** A list of four or more names ("Benin, Burkina Faso, Cabo Verde, ..., Mali, Mauritania, Niger and Senegal"). */
const LIST_OF_NAMES = /(?:\p{Lu}[\p{L}’'.-]*(?: [\p{L}’'.-]+){0,2}, ){3,}(?:and |et )?\p{Lu}[\p{L}’'.-]*(?: [\p{L}’'.-]+){0,2}/gu;

/**
 * A window that names a place asked about only as one of a list, and outside it a place not
 * asked about ("... the right to reside in Tunisia on a tourist visa valid during 90 days:
 * Benin, ..., Mali, ..."), speaks of that other place: it does not answer how long one may stay
 * in Mali. When the place outside the list is asked too, the list is the answer ("do Nigeriens
 * need a visa for Tunisia?"). Measured: no tuning set moved; fresh report French citations
 * 0.68 -> 0.69, abstention 0.84 -> 0.85.
 */
export function placeAskedOnlyListed(constraints: Constraints, window: Pick<PassageWindow, "texts" | "terms">, context: ConstraintContext): boolean {
  if (constraints.places.length === 0) return false;
  const text = window.texts[REPORT_LANGUAGE] ?? "";
  const unlisted = text.replace(LIST_OF_NAMES, " ");
  if (unlisted === text) return false;
  const says = (terms: TermSets) => constraints.places.every((alternatives) => alternatives.some((w) => mentions(w, terms) > 0));
  const terms = { [REPORT_LANGUAGE]: context.terms.termsOf(unlisted, REPORT_LANGUAGE) };
  if (says(terms) || !says({ [REPORT_LANGUAGE]: window.terms[REPORT_LANGUAGE] })) return false;
  const asked = new Set(constraints.places.flat().flatMap((w) => [...w.concept.terms[REPORT_LANGUAGE].keys()]));
  return [...terms[REPORT_LANGUAGE]].some((t) => context.placeTerms.has(t) && !asked.has(t));
}

/**
 * A window that speaks of other nationals than those asked about ("Malians are exempted from a
 * visa..." asked whether Ivorians are) does not answer, unless it names the asked ones too. A
 * window naming no nationality ("ECOWAS citizens", "migrants") may, and so may one naming only
 * countries: "labour shortages in the cocoa and coffee plantations in the Ivory Coast and Ghana"
 * says where Malians go. A people and its country share an index term ("ghana"), so both the
 * peoples a window names and the asked ones it names too are read from its words: "Malians ...
 * in the Ivory Coast" does not name Ivorians.
 */
export function speaksOfOtherNationals(constraints: Constraints, window: Pick<PassageWindow, "texts" | "terms">, context: ConstraintContext): boolean {
  if (constraints.nationals.length === 0) return false; // most questions: nothing to read in the window
  const peoples = tokenize(window.texts[REPORT_LANGUAGE] ?? "").flatMap((word) => context.nationalityTermsByWord.get(word) ?? []);
  if (peoples.length === 0) return false;
  const named = { [REPORT_LANGUAGE]: new Set(peoples) };
  return constraints.nationals.some((w) => mentions(w, named) === 0);
}

/**
 * The places the asker's story tells ("je suis arrivé en Tunisie, ... est-ce que je risque la
 * prison ?"), when the question names none of its own: they bind nothing (a story's place is not
 * what is asked), but a window whose passage is placed elsewhere (a report or heading about
 * Mali, for someone in Tunisia) is set aside whenever another can answer. A town counts for its
 * country ("à Bamako" is in Mali). Returns the test of a passage, read once per question. Measured: no tuning set moved; report French citations 0.81
 * -> 0.82, real-people report English 0.77 -> 0.81. Without the town's country (a Mali report
 * set aside for someone in Bamako), real-people tune French facts fell 0.55 -> 0.45.
 */
export function placedElsewhere(constraints: Constraints, context: ConstraintContext): (passage: Passage) => boolean {
  if (constraints.told.length === 0) return () => false;
  // Read once for the question; each passage judged once, however many of its windows are scored.
  const countries = new Set(
    constraints.told.flatMap((w) =>
      w.concept.source.split(" ").flatMap((word) => {
        const country = context.passageWindows.countryOf(word);
        return country ? [...context.terms.termsOf(country, REPORT_LANGUAGE)] : [];
      }),
    ),
  );
  const judged = new Map<string, boolean>();
  return (passage) => {
    let elsewhere = judged.get(passage.id);
    if (elsewhere === undefined) {
      const scope = context.passageWindows.of(passage).scope[REPORT_LANGUAGE] ?? new Set<string>();
      // A passage whose scope names no place is placed nowhere in particular, so never elsewhere.
      const placed = [...scope].some((t) => context.placeTerms.has(t));
      elsewhere = placed && !constraints.told.some((w) => mentions(w, { [REPORT_LANGUAGE]: scope }) > 0) && ![...countries].some((t) => scope.has(t));
      judged.set(passage.id, elsewhere);
    }
    return elsewhere;
  };
}

/** Kinds of answer that are a town's own: its counts and shares, its dates, the places and organisations in it, their contacts (Mali's are not Bamako's). */
const TOWN_FIGURES: ReadonlySet<AskedKind> = new Set(["quantity", "share", "date", "place", "organisation", "contact"]);

/** The places and years a question binds its answer to, read once and checked against each candidate answer. */
export interface Constraints {
  /** The places the asker's story tells when the question names none (see placedElsewhere). */
  told: WeighedConcept[];
  /** The nationals the question asks about ("les Ivoiriens", "Guinean nationals"), not the asker's own. */
  nationals: WeighedConcept[];
  /** Each entry: places of which the answer must speak of one ("vers l'Algérie ou l'Europe"); most hold one place. */
  places: WeighedConcept[][];
  years: string[];
  /** Whether a town asked about is spoken for by its country (nothing of the town's own is asked): see unmetConstraint. */
  countrySpeaksForTown: boolean;
}

/**
 * `leanedOn`: for a follow-up, the messages it leans on, whose places it keeps ("la loi
 * tunisienne ..." then "ça peut aller jusqu'à combien d'années de prison ?" is about Tunisia).
 */
export function readConstraints(question: string, weighed: WeighedConcept[], nationalityTerms: ReadonlySet<string>, kind: AskedKind, leanedOn?: string): Constraints {
  const words = tokenize(question);
  const tokens = ` ${words.join(" ")} `;
  const said = leanedOn === undefined ? tokens : ` ${tokenize(leanedOn).join(" ")}${tokens}`;
  // A place asked about binds; so does a people naming a state ("la loi tunisienne"), asked about
  // or said in the messages a follow-up leans on.
  const asks = (w: WeighedConcept) => w.concept.focus >= 1 || leanedOn !== undefined;
  const namesItsState = (w: WeighedConcept) => asks(w) && namesAPeople(w.concept.source) && namesAState(said, w.concept.source) && [...w.concept.terms.en.keys()].some((t) => nationalityTerms.has(t));
  const binding = weighed.filter((w) => (w.concept.place && w.concept.focus >= 1 && (!namesAPeople(w.concept.source) || namesAState(said, w.concept.source))) || namesItsState(w));
  const at = (w: WeighedConcept) => words.findIndex((t) => w.concept.source.split(" ").includes(t));
  const compared = binding.map((w) => ({ w, at: at(w) })).filter(({ at }) => at < 0 || !COMPARED.test(` ${words.slice(Math.max(0, at - 2), at).join(" ")} `));
  // "où dormir à Bamako quand on a été expulsé d'Algérie ?": where the asker was sent from binds nothing beside the place asked.
  const sentFrom = ({ at }: { at: number }) => at >= 0 && SENT_FROM.test(` ${words.slice(Math.max(0, at - 4), at).join(" ")} `);
  const notSentFrom = compared.filter((p) => !sentFrom(p));
  const asked = notSentFrom.length ? notSentFrom : compared;
  asked.sort((a, b) => a.at - b.at);
  const places: WeighedConcept[][] = [];
  asked.forEach(({ w, at }, i) => {
    const before = asked[i - 1];
    const joined = before && before.at >= 0 && at > before.at && OR_JOINED.test(` ${words.slice(before.at + 1, at).join(" ")} `);
    if (joined) places.at(-1)!.push(w);
    else places.push([w]);
  });
  const nationals = weighed.filter(
    (w) => w.concept.focus >= 1 && namesAPeople(w.concept.source) && !namesAState(tokens, w.concept.source) && [...w.concept.terms.en.keys()].some((t) => nationalityTerms.has(t)),
  );
  const told = places.length === 0 ? weighed.filter((w) => w.concept.place && w.concept.focus < 1 && !namesAPeople(w.concept.source)) : [];
  return { places, nationals, years: questionYears(question, weighed), told, countrySpeaksForTown: !TOWN_FIGURES.has(kind) };
}

/**
 * The nationalities the lexicon knows, as English words: the English of its French demonyms
 * ("ivoiriens" -> "ivorian"), leaving out peoples of a whole region ("European"), who may be of
 * any nationality.
 */
export function nationalityWords(lexicon: Lexicon): string[] {
  const words = new Set<string>();
  for (const [form, english] of lexicon.french) {
    if (!isDemonym(form)) continue;
    for (const word of english) if (isDemonym(word) && !REGIONAL_PEOPLES.has(word)) words.add(word);
  }
  return [...words];
}
/** Each nationality word, singular and plural ("malian", "malians"), with its English index terms: read once, when the answerer opens. */
export function nationalityTermsByWord(lexicon: Lexicon, terms: TermSource): Map<string, string[]> {
  const forms = nationalityWords(lexicon).flatMap((word) => [word, `${word}s`]);
  return new Map(forms.map((form) => [form, [...terms.termsOf(form, REPORT_LANGUAGE)]]));
}
const REGIONAL_PEOPLES = new Set(["african", "africans", "european", "europeans", "asian", "asians", "arab", "arabs", "sahelian", "sahelians"]);

/** A place the asker compares with ("comme en Algérie", "like in Libya") is not what they ask about. */
const COMPARED = / (comme|like|unlike|contrairement)( (en|au|aux|a|l|le|la|les|in|the))? $/;
/** A place someone was sent or came back from ("expulsé d'Algérie", "deported from Angola", "rentré du Niger"). */
const SENT_FROM = / (expulse|expulses|expulsee|expulsees|refoule|refoules|refoulee|refoulees|renvoye|renvoyes|renvoyee|chasse|chasses|chassee|rentre|rentres|rentree|revenu|revenus|revenue|deported|expelled|returned|sent back|kicked out|came back|come back|back) (de|d|du|des|depuis|from)( (la|le|l|les|the))? $/;
/** Places joined by "ou"/"or" ("vers l'Algérie ou l'Europe"): the answer may speak of either. */
const OR_JOINED = /^ (ou|or)( (en|au|aux|a|l|le|la|les|in|to|the|vers))* $/;

/**
 * The years the question asks about: a year told in the asker's story ("ma famille a fui
 * Tombouctou en 2012, ...") says when it happened to them, not which year's figures they want,
 * just as the story's places bind nothing.
 */
function questionYears(question: string, weighed: WeighedConcept[]): string[] {
  // "D'après Docquier et al. (2009), ...": the year of a work the question cites names the work, not the period asked; so does the year of a law ("the 2004 law").
  const naming = lawYearsIn(question);
  return yearsAsked(question.replace(CITED_WORK, " ")).filter((year) => !naming.includes(year) && !weighed.some((w) => w.concept.focus < 1 && w.concept.source.split(" ").includes(year)));
}

/**
 * A people ("les ivoiriens", "Senegalese") says who asks or who is asked about, not where: a
 * passage on "West African countries" may answer it without naming the country, so it weighs
 * in the scores but is no hard constraint.
 */
function namesAPeople(source: string): boolean {
  return source.split(" ").every(isDemonym);
}

/**
 * "la nationalité française", "la nationalité ivoirienne": a nationality names the state that grants
 * it, not a people; so do a state's laws, government and police ("la loi tunisienne", "the
 * Malian authorities"). (A passport or a visa does not: "a Nigerian passport" says who holds it.)
 */
const GRANTED_BY_A_STATE = [
  "nationalite|citoyennete|nationality|citizenship",
  "loi|lois|law|laws|legislation|constitution|code|decret|decree",
  "gouvernement|government|etat|state|autorites|authorities|administration|police|justice|tribunal|tribunaux|courts",
].join("|");

/** The demonym qualifies a nationality or a state's institution in the question (its tokens, space-padded): it names the state. */
function namesAState(tokens: string, demonym: string): boolean {
  return new RegExp(` (${GRANTED_BY_A_STATE}) ${demonym} | ${demonym} (${GRANTED_BY_A_STATE}) `).test(tokens);
}
