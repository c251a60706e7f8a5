import { describe, expect, it } from "vitest";
import { PassageRetriever } from "../../src/retrieval/index.js";

const retriever = await PassageRetriever.open();
const focusOf = async (question: string) => Object.fromEntries((await retriever.retrieve(question)).concepts.map((c) => [c.source, c.focus]));

describe("what the asker says of themselves, before the question", () => {
  it("weighs less than the question, also when only a question mark says which clause asks", async () => {
    const focus = await focusOf("je suis malienne mariee a un tunisien, mes enfants auront la nationalite tunisienne ?");
    expect(focus["malienne"]).toBeLessThan(1);
    expect(focus["nationalite"]).toBe(1);
  });

  it("weighs less when typed straight after the question without a comma ('... a bamako je suis refoulé d'algerie')", async () => {
    const focus = await focusOf("ou je peux dormir a bamako je suis refoule d algerie");
    expect(focus["dormir"]).toBe(1);
    expect(focus["algerie"]).toBeLessThan(1);
    // Not a "je suis" inside the question itself.
    expect((await focusOf("est ce que je suis oblige de payer"))["oblige"]).toBe(1);
  });

  it("weighs less after a greeting typed into the same clause ('salut je suis ...'), which is no topic either", async () => {
    const focus = await focusOf("salut je suis ivoirien a tunis, je peux louer une maison ?");
    expect(focus["ivoirien"]).toBeLessThan(1);
    expect(focus["salut"]).toBeUndefined();
    expect(focus["louer"]).toBe(1);
    // "good" opens no greeting of its own.
    expect((await focusOf("good jobs for migrants in bamako?"))["good"]).toBe(1);
  });

  it("keeps who the asker is (their nationality, where they come from) a description when the question leans on their story", async () => {
    const focus = await focusOf("je suis camerounaise a tunis, mon visa a expiré, je dois combien ?");
    expect(focus["camerounaise"]).toBeLessThan(focus["visa"]!);
    expect(focus["tunis"]).toBe(focus["visa"]);
    const english = await focusOf("im from cameroon living in tunis, my visa expired, how much do i pay?");
    expect(english["cameroon"]).toBeLessThan(english["visa"]!);
    expect(english["tunis"]).toBe(english["visa"]);
  });

  it("leaves out how long ago something happened to the asker, but not how long they have been somewhere", async () => {
    const focus = await focusOf("mon visa a expiré il y a 3 mois en tunisie, je dois combien ?");
    expect(focus["3"]).toBeUndefined();
    expect(focus["visa"]).toBeGreaterThan(0);
    expect((await focusOf("my visa ran out 5 weeks ago, how much do i owe?"))["5"]).toBeUndefined();
    expect((await focusOf("je vis au mali depuis 10 ans, je peux avoir la nationalite ?"))["10"]).toBeGreaterThan(0);
  });

  it("is told apart from the question by how a clause opens: 'qui', 'where' inside a clause are relative, not asking", async () => {
    const focus = await focusOf("je suis venue au mali avec une amie qui a un passeport guineen. combien de temps on peut rester sans visa ?");
    expect(focus["amie"]).toBeLessThan(1);
    expect(focus["rester"]).toBe(1);
  });

  it("weighs a condition after a question of an amount as the asker's situation ('how much ... if i wan go home?')", async () => {
    const focus = await focusOf("i dey tunis 6 months, visa don expire, how much i go pay if i wan go home?");
    expect(focus["pay"]).toBe(1);
    expect(focus["go home"]).toBeLessThan(1);
    // A consequence asked ("what happens if ...") keeps its condition: it is what is asked.
    expect((await focusOf("what happens if i leave tunisia without paying the fine?"))["fine"]).toBeGreaterThan(0.5);
  });

  it("weighs less after the question too", async () => {
    const focus = await focusOf("can i keep my old nationality if i become malian? i have a guinean passport");
    expect(focus["guinean passport"]).toBeLessThan(1);
    expect(focus["nationality"]).toBe(1);
  });

  it("is the question itself when nothing asks and the message says only who the asker is", async () => {
    expect((await focusOf("je suis malienne, je vis a tunis"))["malienne"]).toBe(1);
  });

  it("weighs less than what happened to the asker, or what they do, when nothing asks", async () => {
    const focus = await focusOf("je suis malienne et je cherche du travail a tunis");
    expect(focus["malienne"]).toBeLessThan(1);
    expect(focus["travail"]).toBe(1);
  });
});

describe("a story before the question, in a long message", () => {
  it("weighs less than the question, its places too, whoever the story is about", async () => {
    const focus = await focusOf("les passeurs de niamey demandent beaucoup d argent pour traverser le desert, est-ce que le travail dans les mines est dangereux au mali ?");
    expect(focus["niamey"]).toBeLessThan(1);
    expect(focus["dangereux"]).toBe(1);
    expect(focus["mali"]).toBe(1);
  });

  it("leaves a short opening clause part of the question ('En Tunisie, ...')", async () => {
    const focus = await focusOf("En Tunisie, quelle est l'amende pour dépassement de visa ?");
    expect(focus["tunisie"]).toBe(1);
  });

  it("leaves a condition part of the question: it is what is asked about", async () => {
    const focus = await focusOf("et s'ils n'arrivent pas à payer l'amende en tunisie, que se passe-t-il pour eux ?");
    expect(focus["amende"]).toBe(1);
    const english = await focusOf("if i leave tunisia without paying the overstay fine first, what will happen to me ?");
    expect(english["fine"]).toBe(1);
  });
});

describe("a percent sign asked", () => {
  it("reads '%' after no figure as asking for a percentage, in either language", async () => {
    expect(Object.keys(await focusOf("what % of the foreigners in mali live in bamako?"))).toContain("percentage");
    expect(Object.keys(await focusOf("le secteur informel c cb de % du travail ?"))).toContain("pourcentage");
    expect(Object.keys(await focusOf("is it 27 % or 30 %?"))).not.toContain("percentage");
  });
});

describe("French phrases of asking", () => {
  it("reads 'eu' after a form of 'avoir' ('ya eu', 'il y a eu') as French 'had', not the EU", async () => {
    expect(Object.keys(await focusOf("pk ya eu autant de deplaces en 2012 ?"))).not.toContain("eu");
    expect(Object.keys(await focusOf("what does the EU fund in mali?"))).toContain("eu");
  });

  it("reads 'c qui', 'c'est qui' as asking wherever it stands: the clause is the question, not a story before it", async () => {
    const focus = await focusOf("a bamako c qui qui fait les controles, la police ou les douaniers eux memes ?");
    expect(focus["controles"]).toBe(1);
  });

  it("reads 'de la part de' as by someone, not a share ('part') of something", async () => {
    expect(Object.keys(await focusOf("ils subissent du racisme de la part de qui ?"))).not.toContain("part");
    expect(Object.keys(await focusOf("quelle part des migrants travaille ?"))).toContain("part");
  });
});

describe("the reports named as the source", () => {
  it("is no topic: 'according to the report', 'the Bamako case study', 'selon le rapport', 'd'après l'étude'", async () => {
    expect(Object.keys(await focusOf("According to the report, how many foreign migrants live in Mali?"))).not.toEqual(expect.arrayContaining(["according"]));
    expect(Object.keys(await focusOf("According to the report, how many foreign migrants live in Mali?"))).not.toContain("report");
    expect(Object.keys(await focusOf("what does the MMC Bamako case study recommend for returnees?"))).not.toEqual(expect.arrayContaining(["case", "study"]));
    expect(Object.keys(await focusOf("selon le rapport, combien de migrants vivent au mali ?"))).not.toContain("rapport");
    expect(Object.keys(await focusOf("d'apres l'etude, les migrants a bamako sont en securite ?"))).not.toContain("etude");
  });

  it("takes with them how they speak of it: 'described in the case study', 'cités dans le rapport'", async () => {
    expect(Object.keys(await focusOf("Who are the talibés described in the Bamako case study?"))).not.toContain("described");
    expect(Object.keys(await focusOf("les chiffres cites dans le rapport sont de quelle annee ?"))).not.toContain("cites");
    // Not as said of something else than the reports.
    expect(Object.keys(await focusOf("which rights are described in the 2004 law?"))).toContain("described");
  });

  it("stays a topic as the asker's own studies, or a source the passages name ('according to PONAM')", async () => {
    expect(Object.keys(await focusOf("je veux continuer mes etudes a tunis"))).toContain("etudes");
    expect(Object.keys(await focusOf("According to PONAM, how many Malians were returned?"))).toContain("according");
  });
});

describe("asking what a name stands for", () => {
  it.each(["MGI stands for what?", "what is the full name of PONAM", "le sigle CIGEM signifie quoi", "a quoi correspond l'acronyme CREDD ?", "que signifie l'abreviation AME ?"])(
    "%j asks about the name alone: the words for an acronym or a full name are no topic",
    async (question) => {
      const concepts = Object.keys(await focusOf(question));
      expect(concepts).toHaveLength(1);
      expect(concepts[0]).toMatch(/^(mgi|ponam|cigem|credd|ame)$/);
    },
  );

  it("keeps 'means' and 'name' where they are no part of asking", async () => {
    expect(Object.keys(await focusOf("what means do migrants have to send money home?"))).toContain("means");
    expect(Object.keys(await focusOf("which name did the new policy get?"))).toContain("name");
  });
});

describe("French words the lexicon does not list", () => {
  it("searches the English cognate the reports use ('vulnérabilité': vulnerability), not the French word alone", async () => {
    const analyzed = await retriever.retrieve("quelles sont les vulnérabilités des migrants ?");
    const concept = analyzed.concepts.find((c) => c.source === "vulnerabilites")!;
    expect([...concept.terms.en.keys()]).toEqual([...retriever.termsOf("vulnerability", "en")]);
  });
});

describe("Pidgin grammar words", () => {
  it("are read as the English words they stand for, not as topics ('fit' can, 'e' it, 'don' have)", async () => {
    const concepts = Object.keys(await focusOf("if e don happen, wetin fit help person for tunis?"));
    expect(concepts.join(" ")).not.toMatch(/\b(fit|e|don)\b/);
    expect(concepts.join(" ")).toMatch(/help/);
  });

  it("reads 'go' before a verb as the future ('how much i go pay?'), and keeps the going ('i go back to mali')", async () => {
    expect(Object.keys(await focusOf("my visa don expire for tunis, how much i go pay?"))).not.toContain("go");
    expect(Object.keys(await focusOf("if i go back to mali, who go help me?")).join(" ")).toMatch(/\bgo\b/);
  });

  it("reads 'which side' as asking where, not as a topic", async () => {
    const concepts = Object.keys(await focusOf("which side ivorians dey stay for tunis?"));
    expect(concepts).not.toContain("side");
    expect(concepts).toContain("ivorians");
  });

  it("reads Pidgin words as the English they stand for: 'oga' an employer, 'kpai' to die, 'pipo' people, 'moni' money", async () => {
    const concepts = Object.keys(await focusOf("my oga no give me moni, and my broda kpai. how many pipo dey suffer like dis?")).join(" ");
    expect(concepts).toMatch(/employer/);
    expect(concepts).toMatch(/\bdie\b/);
    expect(concepts).toMatch(/money/);
    expect(concepts).not.toMatch(/\b(oga|kpai|pipo|moni|broda)\b/);
  });

  it("reads 'pass' closing a question as 'the most' ('which side dangerous pass?'), not as passing through", async () => {
    expect(Object.keys(await focusOf("which neighbourhood for tunis dangerous pass?"))).not.toContain("pass");
    expect(Object.keys(await focusOf("do migrants pass through gao?"))).toContain("pass");
  });

  it("reads 'what makes' and 'wetin make' as asking why, not as a topic", async () => {
    for (const message of ["what makes migrants choose tunis?", "wetin make migrants choose tunis?"]) {
      const concepts = Object.keys(await focusOf(message));
      expect(concepts.join(" ")).not.toMatch(/\bmake/);
      expect(concepts.join(" ")).toMatch(/tunis/);
    }
  });
});

describe("the part of a message that asks", () => {
  it("leaves out the story told before it, as written", async () => {
    const message = "je suis a bamako depuis deux mois avec ma femme, le loyer est trop cher pour nous. quelles associations aident les migrants a trouver un logement ?";
    const { askedPart } = await retriever.retrieve(message);
    expect(askedPart).toBe("quelles associations aident les migrants a trouver un logement ?");
  });

  it("is the whole message when it tells no story", async () => {
    const message = "C'est combien, l'amende pour dépassement de visa en Tunisie ?";
    expect((await retriever.retrieve(message)).askedPart).toBe(message);
  });
});

describe("a change of topic said first ('rien à voir', 'by the way')", () => {
  it("says nothing of what is asked: its words are no concepts and the question is what follows", async () => {
    const { concepts, askedPart } = await retriever.retrieve("Rien à voir : c'est quoi le DTM ?");
    expect(concepts.map((c) => c.source).join(" ")).not.toMatch(/rien|voir/);
    expect(askedPart).toBe("c'est quoi le DTM ?");
  });

  it.each(["On a separate point, who runs the DTM?", "Separately: who runs the DTM?", "autre chose, qui gere le DTM ?"])("%j: the marker is no concept", async (message) => {
    const { concepts } = await retriever.retrieve(message);
    expect(concepts.map((c) => c.source).join(" ")).not.toMatch(/separate|point|autre|chose/);
  });
});

describe("a number glued to its unit, as texted ('1an', '3mois')", () => {
  it("is read as the number and the unit, not as a word the reports do not know", async () => {
    const { concepts } = await retriever.retrieve("je suis a tunis depuis 1an, je peux encore regulariser ?");
    const sources = concepts.map((c) => c.source).join(" ");
    expect(sources).not.toMatch(/1an/);
    expect(sources).toMatch(/\ban\b/);
  });
});

describe("SMS spellings", () => {
  it("are spelled out, so that they are no topics ('koman', 'jpe', 'tjs')", async () => {
    const concepts = Object.keys(await focusOf("koman jpe avoir la carte de sejour, c tjs possible a tunis ?"));
    expect(concepts.join(" ")).not.toMatch(/\b(koman|jpe|tjs)\b/);
  });
});

describe("words two languages spell alike", () => {
  it("reads English 'an' as an article, and French 'an' as a year", async () => {
    expect(Object.keys(await focusOf("what is the fee for an irregular stay in tunisia"))).not.toContain("an");
    expect(Object.keys(await focusOf("il y a un an la police m'a arrêté à sfax"))).toContain("an");
  });
});

describe("everyday English words", () => {
  const termsOf = async (question: string) => (await retriever.retrieve(question)).concepts.flatMap((c) => [...c.terms.en.keys()]);

  it("reads 'without papers' as an irregular stay, and 'papers' alone as documents", async () => {
    expect(await termsOf("can they punish me for living in mali without papers")).toContain([...retriever.termsOf("irregular", "en")][0]);
    expect(await termsOf("which papers do i need for a work permit")).toContain([...retriever.termsOf("documents", "en")][0]);
  });

  it("reads American spellings as the reports' British ones, which they also use: 'program' finds 'programme', 'labor' finds 'labour'", async () => {
    expect(await termsOf("is there a government program for returnees")).toContain([...retriever.termsOf("programme", "en")][0]);
    expect(await termsOf("which organization helps with labor rights")).toEqual(expect.arrayContaining([...retriever.termsOf("organisation labour", "en")]));
  });

  it("reads who attacks people as the reports' perpetrators of violence and abuse", async () => {
    expect(await termsOf("who attacks migrants in bamako")).toEqual(expect.arrayContaining([...retriever.termsOf("perpetrated abuse", "en")]));
  });

  it("reads an adjective's comparative and superlative as the adjective: 'the riskiest country' asks what is risky", async () => {
    expect(await termsOf("which country was the riskiest on the journey")).toContain([...retriever.termsOf("risky", "en")][0]);
    expect(await termsOf("which neighbourhood is cheaper")).toContain([...retriever.termsOf("cheap", "en")][0]);
  });

  it("reads an irregular verb's past forms as the verb: 'sought', 'fought', 'brought' are 'seek', 'fight', 'bring'", async () => {
    expect(await termsOf("they fought and sought asylum, who brought them")).toEqual(expect.arrayContaining([...retriever.termsOf("fight seek bring", "en")]));
  });

  it("reads wanting ('want', 'wanna') and what is left of \"I've\", \"I'll\" as no topic, as French 'veux' is none", async () => {
    const concepts = Object.keys(await focusOf("I've been in Mali for a year and I'll stay, I wanna know: do my kids want a residence card?"));
    expect(concepts.join(" ")).not.toMatch(/\b(want|wanna|ve|ll)\b/);
    expect(concepts.join(" ")).toMatch(/residence card|residence/);
  });
});

describe("a follow-up naming a place in French", () => {
  const placesOf = async (question: string, previous: string) => (await retriever.retrieve(question, { previous })).concepts.filter((c) => c.place).map((c) => c.source);

  it("replaces the place asked before, as an English name does: 'et en Tunisie ?' after a question on Mali is about Tunisia", async () => {
    expect(await placesOf("et en tunisie ?", "les migrants ont droit a la sante au mali ?")).toEqual(["tunisie"]);
    expect(await placesOf("et en guinée ?", "combien de maliens vivent au senegal ?")).toEqual(["guinee"]);
  });

  it("keeps it when the follow-up names a people, not a place ('et les Algériens ?')", async () => {
    expect(await placesOf("et les algeriens ?", "combien de migrants vivent a tunis ?")).toContain("tunis");
  });
});
