import { beforeAll, describe, expect, it } from "vitest";
import { LanguageIdentifier } from "../../src/retrieval/language.js";
import { loadLexicon } from "../../src/retrieval/lexicon.js";

let identifier: LanguageIdentifier;
beforeAll(async () => {
  identifier = await LanguageIdentifier.load(loadLexicon());
});

describe("language identification on short informal text", () => {
  it.each([
    ["jai depassé mon visa en tunisie combien je paye", "fr"],
    ["amende tunisie", "fr"],
    ["cedeao visa mali", "fr"],
    ["aide moi stp", "fr"],
    ["ou trouver de laide a bamako", "fr"],
    ["je suis sans papier", "fr"],
    // French as texted, with few whole words: "bcp", "ds", "ke", "jsuis" are French.
    ["ya bcp detrangers a bamako?", "fr"],
    ["jsuis ds la rue a tunis", "fr"],
    ["c koi TAMSS a tunis", "fr"],
    ["Quelle est l'amende pour dépassement de visa en Tunisie ?", "fr"],
    ["What is the fine for overstaying a visa in Tunisia?", "en"],
    ["where can i get help in bamako", "en"],
    ["fine tunisia how much", "en"],
    ["do i need visa for mali", "en"],
    ["help me please", "en"],
    // West African Pidgin is answered in English.
    ["wetin be tokten?", "en"],
    ["abeg wetin be ponam", "en"],
  ])("%j is %s", (text, lang) => {
    expect(identifier.identify(text, lang === "fr" ? "en" : "fr").lang).toBe(lang);
  });

  it.each(["ok", "👍", "?", "Bamako", "ECOWAS"])("falls back to the user's language for %j", (text) => {
    expect(identifier.identify(text, "en")).toEqual({ lang: "en", by: "fallback" });
    expect(identifier.identify(text, "fr")).toEqual({ lang: "fr", by: "fallback" });
  });

  it("still works from marker words when the model cannot be loaded", () => {
    const bare = LanguageIdentifier.withoutModel();
    expect(bare.identify("combien je paye pour le visa", "en").lang).toBe("fr");
    expect(bare.identify("how much is the fine", "fr").lang).toBe("en");
  });
});
