import { tokenize } from "../retrieval/index.js";
import { FINE_WORDS, NUMBER_TO_CALL } from "./question-kind.js";

/**
 * Precise details a question can ask for that a nearby fact often does not give: a ceiling, a
 * minimum, an exemption, a deadline, an age, a phone number, a refund, a reduction, deaths, care
 * or a service given free, a penalty, the hours of something, how to apply (the steps, not who
 * decides), schooling, or the group it applies to (children, students, women, pregnant women,
 * the elderly, the disabled).
 * Asked about a fine, "is there a ceiling?" is not answered by the weekly amount, nor "do
 * children pay it too?" by a sentence that never speaks of children. Measured when the groups
 * were added: the tune questions and dialogues each gained one right decline (npm run eval --
 * --set tune, --set dialogue-tune), nothing else moved; deaths and how to apply (2026-12-06):
 * tune abstention 0.91 / 0.94 -> 0.92 / 0.95, nothing else moved; free of charge (2026-12-07):
 * nothing moved ("les cours de francais sont gratuits a tunis ?" got a sentence on distrust of
 * online data); a penalty: fresh report English abstention 0.83 -> 0.84, nothing else moved
 * ("are landlords punished for evicting migrants?" got the abuses landlords commit). "fine" alone
 * is left out of the words: "is it fine to ..." asks no penalty; hours: nothing moved ("le couvre
 * feu c'était à quelle heure ?" got the curfew's dates as its hours). Tried and left out: food
 * (a need among others, "can i find help, food and a place to sleep?", is answered by where
 * help is found: real-people tune English abstention 1.00 -> 0.96). Each detail is known by the
 * same words in the question and in what would answer it (accent-free, French and English); the
 * reports or the bank questions of a quoted sentence must say one of them.
 */
/** A fine's words but "fine" alone ("is it fine to ...?" asks no penalty), and the other ways of saying a penalty. */
const PENALTY_WORDS = [
  ...FINE_WORDS.split("|").filter((word) => word !== "fine"),
  ...["sanctionne", "sanctionnes", "peine", "peines", "penalise", "penalised", "penalize", "penalized", "punish", "punished", "punishment", "punishments", "puni", "punis", "punie", "punies", "fined"],
].join("|");
const DETAILS: ReadonlyArray<{ detail: string; words: RegExp }> = [
  { detail: "ceiling", words: / (plafond|plafonne|plafonnee|plafonnes|plafonnees|plafonner|maximum|maximale|maximal|max|ceiling|ceilings|cap|capped|upper limit) / },
  { detail: "minimum", words: / (minimum|minimale|minimal|au moins|at least) / },
  { detail: "exemption", words: / (exonere|exoneres|exoneree|exonerees|exonerer|exoneration|exempte|exemptes|exemptee|exemptees|exempter|exemption|exemptions|exempt|exempted|dispense|dispenses|dispensee|dispensees|waive|waived|waiver) / },
  { detail: "deadline", words: / (delai|delais|deadline|deadlines|date limite|time limit) / },
  { detail: "age", words: / (age|ages|aged|how old|quel age|years old) / },
  { detail: "phone", words: new RegExp(` (telephone|tel|phone|phones|whatsapp|email|e mail|numero de telephone|numero vert|hotline|${NUMBER_TO_CALL}) `) },
  { detail: "refund", words: / (rembourse|remboursee|rembourses|remboursement|rembourser|refund|refunds|refunded|reimburse|reimbursed) / },
  { detail: "children", words: / (enfant|enfants|gosse|gosses|mineur|mineurs|mineure|mineures|child|children|kid|kids|minor|minors|pikin|pikins|moins de 18|under 18|under the age of 18) / },
  { detail: "school", words: / (ecole|ecoles|scolaire|scolaires|scolarite|scolarise|scolarises|scolarisee|scolarisees|school|schools|schooling|pupil|pupils|education) / },
  { detail: "students", words: / (etudiant|etudiants|etudiante|etudiantes|eleve|eleves|student|students|pupil|pupils) / },
  { detail: "women", words: / (femme|femmes|fille|filles|woman|women|female|females|girl|girls) / },
  { detail: "pregnant", words: / (enceinte|enceintes|grossesse|grossesses|pregnant|pregnancy|pregnancies) / },
  { detail: "elderly", words: / (personne agee|personnes agees|vieux|vieille|vieilles|elderly|old people|older people|older persons) / },
  { detail: "disabled", words: / (handicap|handicaps|handicape|handicapes|handicapee|handicapees|disabled|disability|disabilities) / },
  { detail: "deaths", words: / (mort|morts|morte|mortes|tue|tues|tuee|tuees|deces|decede|decedes|decedee|mourir|meurent|mouru|killed|kill|killing|killings|died|die|dies|dying|dead|death|deaths|fatalities|fatality) / },
  { detail: "procedure", words: / (demarche|demarches|procedure|procedures|apply|applies|applying|application|applications|dossier|dossiers|steps|formalites|formalities|formulaire|formulaires|remplir|fill in|fill out|application form) / },
  { detail: "free", words: / (gratuit|gratuits|gratuite|gratuites|gratuitement|free of charge|for free|free care|free treatment|free healthcare|free health care|free medical|free school|free schooling|free education|visa free) / },
  { detail: "penalty", words: new RegExp(` (${PENALTY_WORDS}) `) },
  { detail: "hours", words: / (heure|heures|hour|hours|o clock|horaire|horaires|what time) / },
  { detail: "reduction", words: / (reduction|reductions|reduire|reduite|reduit|remise|discount|discounts|reduced|reduce) / },
];

function padded(text: string): string {
  return ` ${tokenize(text).join(" ")} `;
}

/** A message longer than this many words may tell a story before it asks. */
const STORY_WORDS = 12;

/**
 * The part of a message that asks: all of a short one; of a longer one in several clauses, its
 * last clause with a question mark (else its last clause): "je rembourse en travaillant là-bas,
 * c'est risqué ?" asks about the risk, not about a refund.
 */
function askingPart(message: string): string {
  const clauses = message.split(/(?<=[,.;:!?\n])/).filter((c) => tokenize(c).length > 0);
  if (clauses.length < 2 || tokenize(message).length <= STORY_WORDS) return message;
  return clauses.findLast((c) => c.includes("?")) ?? clauses.at(-1)!;
}

/** The precise details a question asks for (see DETAILS), in the part of it that asks. */
export function detailsAsked(question: string): string[] {
  const q = padded(askingPart(question));
  return DETAILS.filter((d) => d.words.test(q)).map((d) => d.detail);
}

/** The first detail asked that none of the texts says (the quoted sentences, their translations and bank questions). */
export function detailNotSaid(asked: readonly string[], texts: readonly string[]): string | undefined {
  if (asked.length === 0) return undefined;
  const said = texts.map(padded);
  return asked.find((detail) => {
    const words = DETAILS.find((d) => d.detail === detail)!.words;
    return !said.some((t) => words.test(t));
  });
}
