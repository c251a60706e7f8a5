import { describe, expect, it } from "vitest";
import { MAX_SPOKEN_CHARS, speakableText } from "../../src/voice/index.js";

// Answers as `npm run ask` prints them and as the bot shows them (with its short source line).
const TUNISIA_FINE_FR = `En Tunisie, la pénalité pour séjour irrégulier ou pour dépassement du visa touristique est de 20 dinars tunisiens par semaine ; le rapport MMC de 2020 tient ce chiffre d'une source REACH de 2018 [1].

Attention : cette information date de 2020 et a pu changer depuis.

Pour demander de l'aide : à Tunis, TAMSS (MMC, 2020) ou Terre d’Asile Tunisie (MMC, 2020).

Sources :
[1] Urban Mixed Migration – Tunis and Bamako case studies, Mixed Migration Centre (MMC), 2020 — 4. Migration policy landscape, note 22
    “The penalty for residing irregularly in-country or overstaying a tourist visa is 20 Tunisian Dinars per week (cf. REACH, 2018).”`;

const REMITTANCES_EN = `Here is what the reports say:

“One of the four specific objectives of PONAM is “to mobilise and enhance the contributions of the diaspora,” an aim echoed in the CREDD, which points out that “close to 4 million Malians live abroad.” Government numbers put formal remittances totals at 485 billion CFA (euro 739,378,000 at today’s rate) in 2018.” [1][2]

Note: this dates from 2010–2020 and may have changed since.

[1] MMC, 2020 · [2] CARIM, 2010`;

const RISKS_FR = `Voici ce que disent les rapports :

« • Selon le plus grand nombre de personnes interrogées (57 %), il a eu lieu en Libye. » [1] (traduction automatique, pas encore relue)
« Viennent ensuite les violences physiques (16 %), la détention (11 %), le vol (8 %) et l’enlèvement (1 %). » [2] (traduction automatique, pas encore relue)
📍 Plus d’informations : https://www.mixedmigration.org/resource/tunis ✅`;

describe("speakableText", () => {
  it("reads a French answer without its markers, attributions and source list", () => {
    expect(speakableText(TUNISIA_FINE_FR, "fr")).toBe(
      "En Tunisie, la pénalité pour séjour irrégulier ou pour dépassement du visa touristique est de 20 dinars tunisiens par semaine ; " +
        "le rapport MMC de 2020 tient ce chiffre d'une source REACH de 2018. " +
        "Attention : cette information date de 2020 et a pu changer depuis. " +
        "Pour demander de l'aide : à Tunis, TAMSS ou Terre d'Asile Tunisie.",
    );
  });

  it("reads an English extract without quote marks, the bot's source line, or digit grouping", () => {
    expect(speakableText(REMITTANCES_EN, "en")).toBe(
      "Here is what the reports say: One of the four specific objectives of PONAM is to mobilise and enhance the contributions of the diaspora, " +
        "an aim echoed in the CREDD, which points out that close to 4 million Malians live abroad. " +
        "Government numbers put formal remittances totals at 485 billion CFA francs (euro 739378000 at today's rate) in 2018. " +
        "Note: this dates from 2010 to 2020 and may have changed since.",
    );
  });

  it("says percentages in words, the translation note once, and no bullets, emoji or links", () => {
    expect(speakableText(RISKS_FR, "fr")).toBe(
      "Voici ce que disent les rapports : Selon le plus grand nombre de personnes interrogées (57 pour cent), il a eu lieu en Libye. " +
        "(traduction automatique, pas encore relue). " +
        "Viennent ensuite les violences physiques (16 pour cent), la détention (11 pour cent), le vol (8 pour cent) et l'enlèvement (1 pour cent). " +
        "Plus d'informations :",
    );
  });

  it.each(([
    ["fr", "L'amende est de 20 TND par semaine.", "L'amende est de 20 dinars tunisiens par semaine."],
    ["en", "The fine is 20 TND a week.", "The fine is 20 Tunisian dinars a week."],
    ["fr", "Il faut payer 1 TND, puis 45 DT.", "Il faut payer 1 dinar tunisien, puis 45 dinars tunisiens."],
    ["fr", "Une amende de 200 000 à 500 000 FCFA.", "Une amende de 200000 à 500000 francs CFA."],
    ["en", "A fine of 200,000 to 500,000 FCFA.", "A fine of 200000 to 500000 CFA francs."],
    ["fr", "Un total de 485 milliards FCFA.", "Un total de 485 milliards de francs CFA."],
    ["fr", "Entre 20 mille FCFA et 1 234,5 DT.", "Entre 20 mille francs CFA et 1234,5 dinars tunisiens."],
    ["en", "More than USD 1 million, or $20 each.", "More than 1 million US dollars, or 20 US dollars each."],
    ["fr", "Le visa coûte 60 € ou 60 EUR.", "Le visa coûte 60 euros ou 60 euros."],
    ["fr", "Soit 1\u202F013\u00A0760 personnes (1,013,760).", "Soit 1013760 personnes (1013760)."],
    ["fr", "Un taux de 3,5 % et 1,234 kg.", "Un taux de 3,5 pour cent et 1,234 kg."],
    ["fr", "Il y avait 200,000 personnes.", "Il y avait 200000 personnes."],
    ["en", "About 1,234 people, 57% of them, in 2018.", "About 1234 people, 57 percent of them, in 2018."],
    ["en", "Sexual assault/harassment was reported.", "Sexual assault or harassment was reported."],
    ["fr", "Appelez le +216 71 234 567 ou écrivez à aide@example.org.", "Appelez le +216, 71, 234, 567 ou écrivez à."],
    ["en", "Ask 👉 **here** — 🇹🇳 #help", "Ask here — help."],
  ] as const).map(([lang, text, spoken]) => ({ lang, text, spoken })))("$lang: $text", ({ lang, text, spoken }) => {
    expect(speakableText(text, lang)).toBe(spoken);
  });

  it("keeps what eSpeak cannot mistake for phoneme input: no square brackets left", () => {
    expect(speakableText("Voir [[a]] et [note] [3, 4].", "fr")).toBe("Voir a et note.");
  });

  it("cuts a long answer at a sentence, well under a minute of speech, and says the rest is written", () => {
    const sentence = "Les migrants qui dépassent la durée de leur visa en Tunisie paient une amende chaque semaine [1]. ";
    const spoken = speakableText(sentence.repeat(20), "fr");
    expect(spoken.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(spoken).toMatch(/semaine\. La suite est dans le message écrit\.$/);
    expect(speakableText("Migrants who overstay pay a fine every week in Tunisia [1]. ".repeat(20), "en")).toMatch(/Tunisia\. The rest is in the written message\.$/);
  });

  it("cuts at a word when no sentence ends in reach", () => {
    const spoken = speakableText(`${"mot ".repeat(400)}fin`, "fr");
    expect(spoken.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(spoken).toMatch(/^(mot )+mot\. La suite est dans le message écrit\.$/);
  });

  it("has nothing to say for an answer that is only sources", () => {
    expect(speakableText("Sources:\n[1] MMC, 2020", "en")).toBe("");
  });
});
