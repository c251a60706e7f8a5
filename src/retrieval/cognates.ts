/**
 * The English a French word most likely shares its root with, by the regular correspondences of
 * their endings ("mobilité" / mobility, "xénophobie" / xenophobia, "psychologique" /
 * psychological, "indicateurs" / indicators, "sexuelle" / sexual, "projet" / project). Only a
 * candidate: the caller keeps one that the reports' English uses. Read from a word as typed,
 * lowercase and accent-free; plurals are left to the English stemmer.
 */
const ENDINGS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/aute$/, ["ity"]], // communauté
  [/ite$/, ["ity"]], // mobilité, capacité, vulnérabilité
  [/ie$/, ["ia", "y"]], // xénophobie, stratégie
  [/ique$/, ["ical", "ic", "ics"]], // psychologique, publique, statistique
  [/eur$/, ["or"]], // indicateur, acteur, secteur
  [/aire$/, ["ary"]], // temporaire, volontaire
  [/([iu])el(le)?$/, ["$1al"]], // officiel, sexuelle
  [/if$|ive$/, ["ive"]], // administratif, collective
  [/isme$/, ["ism"]], // racisme, terrorisme
  [/iste$/, ["ist"]], // raciste
  [/eux$|euse$/, ["ous"]], // dangereux
  [/et$/, ["ect"]], // projet, sujet
  [/e$/, [""]], // pacte, catastrophe (kept as is too)
];

/** Singular of a French plural as typed ("mobilites", "sexuelles", "dangereux" stays). */
function singular(word: string): string {
  return /[^s]s$/.test(word) && word.length > 4 ? word.slice(0, -1) : word;
}

/** English spellings a French word may share its root with, most likely first (none for a short word). */
export function englishCognates(word: string): string[] {
  const base = singular(word);
  if (base.length < 5) return [];
  const out: string[] = [];
  for (const [ending, replacements] of ENDINGS) {
    if (!ending.test(base)) continue;
    for (const replacement of replacements) out.push(base.replace(ending, replacement));
  }
  return out;
}
