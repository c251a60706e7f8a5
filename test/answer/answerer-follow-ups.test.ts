import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/index.js";
import { PassageRetriever } from "../../src/retrieval/index.js";

let retriever: PassageRetriever;
beforeAll(async () => {
  retriever = await PassageRetriever.open();
});

describe("what a follow-up asks for", () => {
  it("asks for what the message before asked when it does not say (a number after 'how many')", async () => {
    const answerer = Answerer.create(retriever);
    const asksForSomething = (scored: Awaited<ReturnType<Answerer["rankWindows"]>>["scored"]) => scored.some((w) => w.features.kindHeld + w.features.kindMissing > 0);
    const alone = await answerer.rankWindows("And in Niger?");
    const followUp = await answerer.rankWindows("And in Niger?", { previous: ["How many Malian refugees were in Mauritania in 2013?"] });
    expect(asksForSomething(alone.scored)).toBe(false);
    expect(asksForSomething(followUp.scored)).toBe(true);
  });
});

describe("what a follow-up retrieves", () => {
  it("is read with the message it leans on, as the eval measures it: the topic comes from before", async () => {
    const answerer = Answerer.create(retriever);
    const previous = ["How many Malian migrants came back from Libya after the 2011 crisis?"];
    const aboutLibya = (r: Awaited<ReturnType<Answerer["read"]>>) => r.retrieval.passages.slice(0, 5).filter((p) => /Libya/.test(p.passage.text)).length;
    const followUp = await answerer.read("And how many were women?", { previous });
    expect(followUp.leanedOn).toBe(previous[0]);
    expect(aboutLibya(followUp)).toBeGreaterThan(aboutLibya(await answerer.read("And how many were women?")));
  });
});

describe("a follow-up naming a place the message before named too", () => {
  it("keeps the other places of the message before: Mali after Malians in Libya is still about Libya", async () => {
    const answerer = Answerer.create(retriever);
    const answer = await answerer.ask("and what did mali lose because of that conflict?", { previous: ["how many malians came back from libya after the war there"] });
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/remittances/);
  });
});

describe("a follow-up that is a pronoun and a question word ('ils vivent où ?')", () => {
  it("asks about the topic before as a whole: the talibés, not anyone who lives somewhere", async () => {
    const answer = await Answerer.create(retriever).ask("ils vivent ou ?", { previous: ["les talibes c'est qui ?"] });
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/talibés/);
  });
});

/** The answer to a message (read with the one before it, if any), which must not be a decline. */
async function answerTo(message: string, previous?: string) {
  const answer = await Answerer.create(retriever).ask(message, previous ? { previous: [previous] } : {});
  expect(answer.abstained).toBe(false);
  return answer;
}

describe("a follow-up saying much of its own, yet pointing back ('it', 'elle')", () => {
  it.each([
    ["How much does it add each week for someone without valid papers?", "Does Tunisia fine people who overstay their visa?"],
    ["Elle ajoute combien chaque semaine pour une personne qui n'a plus de papiers valables ?", "Est-ce que la Tunisie met une amende quand on dépasse son visa ?"],
  ])("%j, declined alone, is read with the message before and gets the weekly fine", async (followUp, previous) => {
    const answerer = Answerer.create(retriever);
    expect((await answerer.ask(followUp)).abstained).toBe(true);
    const answer = await answerTo(followUp, previous);
    expect(answer.readWithPrevious).toBe(true);
    expect(answer.text).toMatch(/20 (Tunisian dinars|dinars tunisiens)/);
  });

  it("'lequel' picks one of what the message before listed: the axis of the migration policy on foreigners coming to Mali", async () => {
    const answer = await answerTo("lequel parle des immigres qui arrivent au mali ?", "c koi les axes de la politique nationale de migration du mali ?");
    expect(answer.readWithPrevious).toBe(true);
    expect(answer.text).toMatch(/Axe 8/);
  });

  it("a question that answers alone is not merged with the message before", async () => {
    const answer = await answerTo("What does Mali's 2004 immigration law say about foreigners?", "Does Tunisia fine people who overstay their visa?");
    expect(answer.readWithPrevious).toBe(false);
    expect(answer.text).toMatch(/04-058/);
  });
});

describe("a follow-up asking how long, after a question on the visa", () => {
  it("gets the 90 days of the tourist visa, not a story of someone's stay that gives an age", async () => {
    const answer = await answerTo("et je peux rester combien de temps ?", "bonjour, je suis guineen et je veux aller en tunisie, il faut un visa ?");
    expect(answer.text).toMatch(/90 jours/);
  });
});

describe("a follow-up asking a precise detail", () => {
  it("gets the sentence of the same passage that says it, not a decline for the one beside it that does not ('et les mineurs ?')", async () => {
    const answer = await answerTo("et les mineurs ?", "les migrants a bamako ont acces aux soins pendant le covid ?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/moins de 18 ans doivent être accompagnées/);
  });

  it("gets it from the passage the section runs on into: women keeping their jobs, after the share of those in Tunis who lost theirs", async () => {
    const answer = await answerTo("Et parmi les femmes ?", "Quelle part des personnes interrogées à Tunis a perdu son emploi entre avril et juin 2020 ?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/les femmes interrogées semblaient plus susceptibles de garder leur emploi/);
  });
});

describe("a follow-up naming only what the reports never speak of", () => {
  it.each([
    ["et a djerba ?", "les migrants a tunis ont perdu leur travail pendant le covid ?"],
    ["and in sfax?", "did migrants in tunis lose their jobs during covid?"],
  ])("%j is declined, not answered about the place asked before", async (followUp, previous) => {
    const answer = await Answerer.create(retriever).ask(followUp, { previous: [previous] });
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
  });

  it("a place the reports know is answered as before ('et a bamako ?')", async () => {
    await answerTo("et a bamako ?", "les migrants a tunis ont perdu leur travail pendant le covid ?");
  });
});

describe("a follow-up asking a precise detail (a group: children under 18)", () => {
  it.each([
    ["and for children under 18?", "can migrants in bamako see a doctor if they have covid symptoms?"],
    ["et pour les moins de 18 ans ?", "un migrant a bamako peut voir un medecin s'il a des symptomes du covid ?"],
  ])("%j is answered by the sentence on minors, not by the card on health care, which says nothing of them", async (followUp, previous) => {
    const answer = await answerTo(followUp, previous);
    expect(answer.citations.map((c) => c.quote).join(" ")).toMatch(/under the age of 18 need to be accompanied/);
  });
});

describe("an amount asked after a question on the overstay fine, or with the asker's situation first", () => {
  it.each([
    ["how much is it?", "if i stay in tunisia after my visa ends, do i pay a fine?"],
    ["c'est combien par jour ?", "ya une penalite si on depasse le visa en tunisie ?"],
    // a price the reports seldom give? No: after the fine, the fine.
    ["et ça coûte combien ?", "ya une amende si je reste trop longtemps en tunisie ?"],
  ])("%j after %j gets the weekly penalty, not any number nor a decline", async (followUp, previous) => {
    expect((await answerTo(followUp, previous)).text).toMatch(/20 (Tunisian )?dinars/i);
  });

  it("'je suis sans papiers a tunis, je dois payer combien pour partir ?' gets the weekly fine, not a sentence on leaving without the amount", async () => {
    expect((await answerTo("je suis sans papiers a tunis, je dois payer combien pour partir ?")).text).toMatch(/20 dinars tunisiens par semaine/);
  });
});

describe("a question of what follows, sent after a question on the overstay fine", () => {
  it.each([
    ["what happens if i don't pay?", "how much is the fine for overstay in tunisia"],
    ["if i no pay, wetin go happen?", "how much be the fine for overstay for tunisia"],
  ])("%j after %j is read with it: the fine blocks leaving until it is paid", async (followUp, previous) => {
    const answer = await answerTo(followUp, previous);
    expect(answer.readWithPrevious).toBe(true);
    expect(answer.text).toMatch(/Migrants may not leave/);
  });
});

describe("a follow-up pointing back in words, with topics of its own, that alone finds an answer elsewhere", () => {
  it("is read with the message before when that reading is likelier to answer: 'it' is the CREDD asked about", async () => {
    const answer = await answerTo("Does it mention migrants coming into Mali from abroad?", "What does Mali's CREDD say about migration?");
    expect(answer.readWithPrevious).toBe(true);
    expect(answer.text).toMatch(/CREDD/);
  });
});

describe("a question of what follows, sent after a question on how long one may stay", () => {
  it("asks what follows, not how long: the 90 days that answered the first are not given again as its answer", async () => {
    const answer = await Answerer.create(retriever).ask("what happens after that?", { previous: ["how long can malians stay in tunisia?"] });
    expect(answer.evidence?.asked).toBe("consequence");
    expect(answer.text).not.toMatch(/90 days/);
  });
});

describe("a question sent after a message that only told the asker's situation", () => {
  it("is read with that message, as one telling a story then asking: the fine after 'my visa ran out in Tunis'", async () => {
    const answer = await answerTo("je dois payer combien en tout ?", "slt, je suis camerounais a tunis, mon visa a fini depuis 2 mois");
    expect(answer.readWithPrevious).toBe(true);
    expect(answer.text).toMatch(/20 dinars tunisiens par semaine/);
  });

  it("is read alone after a message that asked, or when it changes the subject", async () => {
    // Read alone, it asks an amount of money no passage gives for it: declined.
    const alone = await Answerer.create(retriever).ask("je dois payer combien en tout ?", { previous: ["les migrants peuvent travailler en tunisie ?"] });
    expect(alone.readWithPrevious).toBe(false);
    expect(alone.abstained).toBe(true);
    expect((await answerTo("autre chose, c'est quoi la CEDEAO ?", "je suis camerounais a tunis, mon visa a fini")).readWithPrevious).toBe(false);
  });
});

describe("a follow-up typing 'c'est' without its apostrophe", () => {
  it("leans as 'c'est' does: the rent asked after a question on Bamako is not Tunis's", async () => {
    const answer = await Answerer.create(retriever).ask("cest cher le loyer ?", { previous: ["a bamako les migrants vivent dans quels quartiers"] });
    expect(answer.readWithPrevious).toBe(true);
    expect(answer.text).not.toMatch(/Dar Fadhal|Tunis/);
  });
});

describe("a follow-up naming another month ('et en fevrier ?')", () => {
  it("asks that month instead of the one before: February's count of displaced people, not January's", async () => {
    const answer = await answerTo("et en fevrier ?", "combien de deplaces au mali en janvier 2013 ?");
    expect(answer.citations.map((c) => c.quote).join(" ")).toMatch(/260,665/);
  });
});

describe("a follow-up on a people the reports name but give no figure for", () => {
  it("declines the share of Sudanese refugees rather than quoting the shares of the other nationalities", async () => {
    const answer = await Answerer.create(retriever).ask("Et les Soudanais, ils représentent quelle part ?", { previous: ["Quelles sont les nationalités principales des réfugiés enregistrés en Tunisie ?"] });
    expect(answer.abstained).toBe(true);
  });
});

describe("a follow-up on being caught by the police ('et si la police m'attrape ?')", () => {
  it("is about arrest and detention, not catching COVID-19", async () => {
    const answer = await answerTo("et si la police m attrape ?", "les migrants sans papiers a bamako ils risquent quoi ?");
    expect(answer.text).toMatch(/détention/);
    expect(answer.text).not.toMatch(/COVID/);
  });
});

describe("a follow-up answered by the same card", () => {
  it("leads with the fact it asks for, then the card's other facts", async () => {
    const answerer = Answerer.create(retriever);
    const first = await answerer.ask("how much is the fine in tunisia when my visa runs out");
    const followUp = await answerer.ask("and if i leave without paying?", { previous: ["how much is the fine in tunisia when my visa runs out"] });
    expect(first.text).toMatch(/^[^.]*20 Tunisian dinars/);
    expect(followUp.kind).toBe("card");
    expect(followUp.text).toMatch(/^[^.]*may not leave/);
    expect(followUp.text).toMatch(/20 Tunisian dinars/);
  });

  it("leads with the amount when a message asks how much, though its other words are closer to another fact", async () => {
    const answer = await Answerer.create(retriever).ask("combien je dois payer je suis ivoirien a tunis mon visa a expiré");
    expect(answer.kind).toBe("card");
    expect(answer.text).toMatch(/^[^.]*20 dinars tunisiens par semaine/);
  });
});
