import { type Need, needsIn } from "../help/index.js";
import { onlyGreets, POLITE_WORDS, tokenize } from "../retrieval/index.js";

/**
 * What a message is, before it is treated as a question: a greeting or thanks (answered as a
 * person would), a request for help or a message about danger or harm (the help directory
 * first), a request to talk to a person, or a question.
 */
export type Intent =
  | { kind: "greeting" }
  | { kind: "thanks" }
  | { kind: "help"; needs: Need[]; harm: boolean; danger: boolean }
  | { kind: "person" }
  | { kind: "question" };

// Accent-free tokens, as people type them. A greeting or thanks is recognised only when the
// message holds nothing else (a few polite or filler words at most).
const THANKS = new Set("merci mrc mci thanks thank thx ty you beaucoup bcp infiniment much lot a so very cool super parfait ok okay dacc daccord d accord".split(" "));
/** A message longer than this asks something of its own beside what the bot does. */
const ABOUT_THE_BOT_WORDS = 8;
// Asking what the bot is or does ("hello, what can you do?", "tu sers a quoi ?"): answered as a greeting is, with what it can do.
const ABOUT_THE_BOT = / (what can you do|what do you do|who are you|what are you|what is this bot|how does this work|how do you work|tu fais quoi|tu sers a quoi|vous faites quoi|vous servez a quoi|t es qui|tu es qui|qui es tu|vous etes qui|c est quoi ce bot|comment ca marche|comment tu marches) /;

// A request for help, said outright, also typed without the apostrophe ("qui peut maider", "besoin daide").
// "à qui je peux parler ?", "who can I talk to?": asking for someone who can help, not for a chat.
const HELP = / (aide|aidez|aider|maider|maidez|daide|aidez moi|aide moi|au secours|secours|sos|help|help me|need help|besoin d aide|besoin d un aide|urgent|urgence|emergency|assistance|a qui parler|a qui je peux parler|a qui je pourrais parler|a qui m adresser|who can i talk to|who can i speak to|who do i talk to|someone to talk to) /;
// Someone keeping a person's passport or papers ("la patronne garde mon passeport", Pidgin "my
// boss dey hold my passport"): a sign of exploitation, harm like the rest.
const KEEPING = "garde|gardent|a garde|retient|retiennent|a retenu|bloque|keep|keeps|kept|keeping|hold|holds|held|holding";
// Also those of someone the person speaks for ("ils gardent son passeport", "they keep her passport").
const OWN_PAPERS = "mon passeport|mes papiers|ma carte|mes documents|my passport|my papers|my documents|my id|son passeport|ses papiers|leur passeport|leurs papiers|her passport|his passport|their passport|her papers|his papers|their papers|our passports|nos passeports|nos papiers";
// Not the person keeping their own ("je garde mon passeport sur moi ?").
const PAPERS_KEPT = `(?<!\\b(?:je|j|i|we|nous) )(?:${KEEPING}) (?:${OWN_PAPERS})`;
// Wages withheld ("mon patron me paie pas depuis 2 mois"): exploitation at work, harm like the rest.
// Said of someone not paying the person ("me paie pas"), not of the person not paying ("si je paye pas l'amende").
const WAGES_WITHHELD = "me paie pas|me paye pas|me paient pas|me payent pas|nous paie pas|nous paye pas|nous paient pas|nous payent pas|me paie plus|me paye plus|nous paie plus|nous paye plus|m a pas paye|m a pas payee|ma pas paye|ma pas payee|pas ete paye|pas ete payee|pas ete payes|salaire impaye|salaires impayes|salaire pas paye|refuse de me payer|veut pas me payer|not paid me|haven t been paid|have not been paid|wasn t paid|was not paid|unpaid wages|unpaid salary|not paying me|doesn t pay me|don t pay me|dont pay me|won t pay me|didn t pay me|refuses to pay me|no pay me|no dey pay me|never pay me|does not pay me|do not pay me|did not pay me|will not pay me";
// A person sold or forced to work ("ma sœur a été vendue à Bamako", "they forced us to work"): trafficking, not a sale of things ("j'ai vendu ma moto").
const TRAFFICKED = "ete vendu|ete vendue|ete vendus|ete vendues|m a vendu|m a vendue|m ont vendu|m ont vendue|l a vendue|l ont vendue|nous ont vendus|was sold|were sold|sold me|sold her|sold him|sold us|sold my (?:sister|brother|daughter|son|wife|child)|force a travailler|forcee a travailler|forces a travailler|forcees a travailler|oblige a travailler|obligee a travailler|forced to work|forced me|forced us|forced her|me font travailler|la font travailler|le font travailler|nous font travailler|les font travailler|make me work|make her work|make him work|make us work|makes me work|makes her work|made me work|made her work|made us work";
// Harm done by someone, papers kept or wages withheld: protection is needed (harmNeeds).
const DONE_BY_OTHERS = [
  "vole|volee|agresse|agressee|frappe|frappee|frappent|frapper|battu|battue|viol|viole|violee|violence|menace|menacee|arrete|arretee|detenu|detenue|prison|confisque|pris mon",
  "robbed|beaten|attacked|raped|threatened|arrested|detained|jail|took my|taken my|collect my|collected my|seize my|seized my|confiscated my",
  // Said as in Pidgin or plain English, done to the person: "dem rob me", "they beat us", "they stole my phone".
  "rob me|rob us|beat me|beat us|beat my|hit me|hit my|attack me|attack us|raped me|threaten me|stole my|abandoned me|abandoned us|abandon us|left us in the desert",
  PAPERS_KEPT,
  WAGES_WITHHELD,
  TRAFFICKED,
].join("|");
// Harm said in the plural, done to "us" ("les policiers nous ont frappés et pris notre argent",
// "they took our phones"): the person's own when they speak of themselves; said of others it is
// a question ("combien de migrants ont été arrêtés ?").
const DONE_TO_US = / (voles|volees|agresses|agressees|frappes|frappees|battus|battues|violes|violees|menaces|menacees|arretes|arretees|detenus|detenues|pris notre|pris nos|took our|taken our|took all our|confiscated our|seized our|collect our|collect all our|collected our) /;
// Counting or asking how common harm is ("how many migrants were beaten?", "c'est courant ?"):
// a question about what the reports say, unless the person speaks of themselves.
const HOW_COMMON = / (how many|how much|how often|what percentage|what share|what proportion|is it common|is it normal|combien|cb|quel pourcentage|quelle proportion|quelle part|c est courant|c est normal|est ce courant|est ce normal) /;
// A child alone, a word between at most ("des enfants migrants seuls", "children travelling alone").
const CHILD_ALONE = String.raw`(enfant|enfants|mineurs|child|children|kids)( \w+)? (seul|seule|seuls|seules|alone|non accompagnes|non accompagnees|unaccompanied)`;
// Harm done, or a child alone, whoever it is said of: what makes the directory come before
// anything the reports say.
const HARM = new RegExp(` (${DONE_BY_OTHERS}|voler|racket|rackette|depouille|agression|frappee|violences|menacee|menaces|arrestation|detention|emprisonne|enferme|enfermee|confisquee|pris ma|pris mes|pris nos|prend mon|stolen|mineur|mineure|minor|${CHILD_ALONE}) `);
// A plight (alone, sick, stranded, lost): harm when it is the person's own ("je suis bloqué",
// "j'ai perdu mon passeport"); said of others ("combien de migrants ont perdu leur travail ?")
// it is a question about what the reports say.
// Dead or missing too, said of someone of the person's own ("mon frère est mort dans le désert", "my brother is missing").
const PLIGHT = / (seul|seule|seuls|seules|abandonne|abandonnee|abandonnes|malade|malades|blesse|blessee|blesses|bloque|bloquee|bloques|bloquees|coince|coincee|coinces|coincees|sans argent|plus d argent|plus rien(?! (compris|vu|su|entendu|dit|fait|lu))|nothing left|have nothing|perdu|perdue|perdus|mort|morte|morts|decede|decedee|disparu|disparue|disparus|alone|sick|injured|stranded|stuck|no money|lost|died|dead|missing) /;
// "on est bloqués", "on a plus d'argent": "on" for "we" (not "on dit", "on peut").
const WE = / on (est|etait|sont|a|avait|n a|n est) /;
/** Needs a person cannot wait on: a roof, food, care. */
const BASIC_NEEDS: ReadonlySet<Need> = new Set(["shelter", "food", "health"]);
/** How close before the plight the person must be named: "je suis une femme seule", "mon fils est malade". */
const PLIGHT_REACH = 4;

/**
 * A plight said of the person or someone of theirs, just before it ("je suis bloqué", "i dey
 * stuck", "on est bloqués", "mon fils est malade"); not one said of others in a message where
 * the person speaks of themselves elsewhere ("I work for an NGO. What share of migrants lost
 * their jobs?").
 */
function ownPlight(tokens: readonly string[]): boolean {
  const padded = (from: number, to: number) => ` ${tokens.slice(Math.max(0, from), to).join(" ")} `;
  // A plight (of up to three words) starting at token i, said of the person just before it.
  return tokens.some((_, i) => PLIGHT.test(padded(i, i + 3)) && !PLIGHT.test(padded(i + 1, i + 3)) && speaksOfSelf(padded(i - PLIGHT_REACH, i)));
}

/** The person speaks of themselves or of their own, "we" included (tokens joined, space-padded). */
function speaksOfSelf(padded: string): boolean {
  return FIRST_PERSON.test(padded) || WE.test(padded);
}
// In danger right now.
const IMMEDIATE = / (en danger|danger de mort|on me frappe|ils me frappent|je vais mourir|il va me tuer|on va me tuer|tout de suite|maintenant|right now|in danger|help me now|going to kill|they are beating|immediately) /;
// Asking how to reach someone: a phone number, an address.
const CONTACT = / (numero|numeros|telephone|tel|phone|contact|contacts|adresse|address|joindre|appeler|call|email|mail|whatsapp) /;
// Asking for a human.
const PERSON = / (parler a quelqu un|parler avec quelqu un|parler a une personne|parler a un humain|un humain|une vraie personne|un agent|un conseiller|talk to a person|talk to someone|speak to someone|speak to a person|a human|real person|an agent) /;

export function readIntent(text: string): Intent {
  const tokens = tokenize(text);
  const padded = ` ${tokens.join(" ")} `;
  if (tokens.length > 0 && tokens.length <= 6) {
    if (onlyGreets(tokens)) return { kind: "greeting" };
    if (tokens.every((t) => THANKS.has(t) || POLITE_WORDS.has(t)) && tokens.some((t) => THANKS.has(t))) return { kind: "thanks" };
  }
  if (PERSON.test(padded)) return { kind: "person" };
  if (tokens.length <= ABOUT_THE_BOT_WORDS && ABOUT_THE_BOT.test(padded)) return { kind: "greeting" };
  const self = speaksOfSelf(padded);
  const harm = (HARM.test(padded) && (self || !HOW_COMMON.test(padded))) || ownPlight(tokens) || (DONE_TO_US.test(padded) && self);
  const needs = needsIn(text);
  // "où je peux dormir ce soir ?": a basic need of the person's own is a request for help.
  const ownBasicNeed = needs.some((n) => BASIC_NEEDS.has(n)) && self;
  if (harm || ownBasicNeed || HELP.test(padded) || CONTACT.test(padded)) return { kind: "help", needs: harmNeeds(padded, needs, harm), harm, danger: IMMEDIATE.test(padded) };
  return { kind: "question" };
}

const PROTECTION = new RegExp(` (${DONE_BY_OTHERS}) `);

/** Harm means protection, whatever else it needs; a child alone, children. */
function harmNeeds(padded: string, needs: Need[], harm: boolean): Need[] {
  const out = new Set(needs);
  if (harm && (PROTECTION.test(padded) || DONE_TO_US.test(padded))) out.add("protection");
  if (/ (mineur|mineure|minor|je suis seul|i am alone|enfant seul) /.test(padded)) out.add("children");
  if (/ (passeport|papiers|passport|papers|documents) /.test(padded)) out.add("documents");
  return [...out];
}

// The person speaking of themselves: "je", "j'", "moi", "mon passeport", "I", "my", "me".
const FIRST_PERSON = / (je|j|jai|jsuis|chui|moi|me|m|mon|ma|mes|nous|notre|nos|on m|i|im|me|my|mine|we|our|us) /;

/** The message speaks of the person themselves, not only of what the reports say. */
export function aboutThePerson(text: string): boolean {
  return FIRST_PERSON.test(` ${tokenize(text).join(" ")} `);
}
