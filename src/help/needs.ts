import { tokenize } from "../retrieval/index.js";

/** What a place of help helps with: the directory's `helpsWith` values. */
export const NEEDS = ["legal", "documents", "shelter", "food", "health", "return", "asylum", "protection", "children", "work"] as const;
export type Need = (typeof NEEDS)[number];

// Words (accent-free, as people type them) that say a need, in French and English. Phrases are
// matched on the message's tokens joined by spaces.
const NEED_WORDS: Record<Need, string[]> = {
  legal: ["avocat", "avocats", "juridique", "juriste", "justice", "tribunal", "juge", "plainte", "porter plainte", "lawyer", "legal", "court", "judge", "complaint"],
  documents: ["passeport", "passport", "papiers", "papier", "documents", "document", "carte de sejour", "titre de sejour", "carte d identite", "visa", "regulariser", "regularisation", "papers", "id card", "residence permit"],
  shelter: ["dormir", "dors", "dort", "dormons", "dorment", "sleeping", "slept", "logement", "loger", "hebergement", "heberger", "abri", "dehors", "rue", "toit", "sleep", "shelter", "housing", "homeless", "street", "accommodation", "roof"],
  food: ["manger", "nourriture", "faim", "repas", "food", "hungry", "eat", "meal"],
  health: ["malade", "maladie", "sante", "hopital", "medecin", "docteur", "soins", "blesse", "blessure", "enceinte", "accoucher", "medicaments", "sick", "ill", "health", "hospital", "doctor", "injured", "wounded", "pregnant", "medicine"],
  return: ["rentrer", "retour", "retourner", "rapatrier", "rapatriement", "repartir chez", "go home", "return", "go back", "repatriation"],
  asylum: ["asile", "refugie", "refugies", "hcr", "unhcr", "demandeur d asile", "asylum", "refugee", "refugees"],
  protection: ["violence", "violences", "frappe", "frapper", "battu", "battue", "agresse", "agression", "viol", "viole", "violee", "menace", "menaces", "danger", "police", "policier", "policiers", "gendarme", "gendarmes", "vole", "volee", "racket", "traite", "exploite", "exploitation", "beaten", "attacked", "raped", "rape", "threatened", "robbed", "stolen", "trafficked", "trafficking", "abuse", "abused"],
  // English "son" only with a possessive: French "son" is "his" or "her" ("son passeport").
  children: ["enfant", "enfants", "mineur", "mineure", "bebe", "fils", "fille", "orphelin", "child", "children", "minor", "baby", "my son", "our son", "his son", "her son", "their son", "daughter", "unaccompanied"],
  work: ["travail", "travailler", "emploi", "boulot", "patron", "salaire", "job", "work", "employer", "salary", "wage"],
};

/** The needs a message speaks of, in a stable order. */
export function needsIn(text: string): Need[] {
  const padded = ` ${tokenize(text).join(" ")} `;
  return NEEDS.filter((need) => NEED_WORDS[need].some((word) => padded.includes(` ${word} `)));
}
