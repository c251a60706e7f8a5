import { describe, expect, it } from "vitest";
import { readIntent } from "../../src/bot/intents.js";

describe("what a message is, before it is read as a question", () => {
  it.each([
    "la police m'a pris mon passeport",
    "je suis femme de menage a tunis et la patronne garde mon passeport, c'est legal ?",
    "my boss keeps my passport and does not pay me",
    "bjr jsuis ivoirienne a tunis, mon patron me paie pas depuis 2 mois, je fais koi ?",
    "my employer in bamako won't pay me for three months of work",
    "i work for tunis but my oga no pay me for 2 months",
    "police collect my passport for tunis, wetin i go do?",
    "my boss dey hold my passport for tunis, wetin i fit do",
    "mon employeur a retenu mes papiers depuis mon arrivee a bamako",
    "dem rob me for road to gao, who i go call",
    "ma soeur a ete vendue a bamako pour travailler dans un bar",
    "they forced us to work without pay in tunis",
    "ma soeur est partie a bamako pour un travail, maintenant ils la font travailler dans un bar et gardent son passeport",
    "they make my cousin work in a bar in tunis and keep his passport",
    "les policiers nous ont frappés et pris notre argent",
    "they took our phones at the checkpoint",
    "je suis menacée par mon propriétaire",
    "police beat my husband yesterday",
    "dem collect all our money for checkpoint",
    "the smuggler abandoned us in the desert",
  ])("%j asks for protection first", (message) => {
    const intent = readIntent(message);
    expect(intent.kind).toBe("help");
    expect(intent.kind === "help" && intent.needs).toContain("protection");
  });

  it.each(["je garde mon passeport sur moi quand je sors a tunis ?", "should i keep my passport with me in bamako?"])("%j, the person keeping their own papers, is a question", (message) => {
    expect(readIntent(message).kind).toBe("question");
  });

  it.each(["combien de migrants ont ete arretes a tunis ?", "les migrants frappes par la police a bamako, c est courant ?", "je n ai plus rien compris a la loi sur l asile", "how many migrants were beaten by police in bamako?", "what percentage of migrants were robbed in tunis?"])("%j, said of others or no plight, is a question", (message) => {
    expect(readIntent(message).kind).toBe("question");
  });

  it.each(["jai faim ca fait 2 jours", "je veux rentrer chez moi au cameroun mais j ai plus rien"])("%j, a need or plight of the person's own as typed, asks for help first", (message) => {
    expect(readIntent(message).kind).toBe("help");
  });

  it("reads selling things as a question, not trafficking", () => {
    expect(readIntent("jai vendu ma moto pour payer le voyage, c'est combien la route jusqu'a agadez ?").kind).toBe("question");
  });

  it.each(["et si je paye pas du tout ?", "what if i do not pay the fine before i leave?", "les penalites impayees s'accumulent ?"])("%j, the person not paying a fine, is a question, not wages withheld", (message) => {
    expect(readIntent(message).kind).toBe("question");
  });

  it.each(["je suis bloque a agadez sans argent", "i am stuck in gao with my kids", "on est bloques a la frontiere avec les enfants", "un mineur seul dort a la gare de bamako, qui peut l'aider ?", "mon fils est malade a bamako", "mon frere est mort dans le desert, a qui je peux parler", "my brother is missing since he left agadez", "des enfants migrants seuls dorment a la gare, qui s'en occupe ?"])("%j, a plight of the person's own or a child alone, asks for help first", (message) => {
    const intent = readIntent(message);
    expect(intent.kind === "help" && intent.harm).toBe(true);
  });

  it.each(["ou je peux dormir a bamako ce soir ?", "where can we eat in tunis, we have nothing", "je dors a la gare routiere de bamako depuis 3 jours"])("%j, a basic need of the person's own, asks for help first", (message) => {
    const intent = readIntent(message);
    expect(intent.kind).toBe("help");
  });

  it.each(["je veux rentrer chez moi, qui peut maider ?", "jai besoin daide a bamako"])("%j asks for help, typed without the apostrophe", (message) => {
    expect(readIntent(message).kind).toBe("help");
  });

  it.each(["hello, what can you do?", "slt tu sers a quoi ?", "t es qui toi ?"])("%j asks what the bot does: it is greeted", (message) => {
    expect(readIntent(message).kind).toBe("greeting");
  });

  it.each([
    "combien coute l'amende en tunisie ?",
    "where do I keep my documents when I travel to Mali?",
    "qui garde mes enfants quand je travaille a tunis ?",
    "combien de migrants ont perdu leur travail a tunis pendant le covid ?",
    "how many migrants were stuck at the borders in 2020?",
    "combien de migrants sont morts dans le desert ?",
    "can i take my children to tunisia without a visa?",
    "my papers don expire for bamako, police fit arrest me?",
    "les migrants peuvent ils aller a l hopital a tunis ?",
    "Hi, I work for an NGO in Tunis. What share of migrants surveyed in Greater Tunis lost their jobs because of COVID?",
  ])("%j is a question", (message) => {
    expect(readIntent(message).kind).toBe("question");
  });
});
