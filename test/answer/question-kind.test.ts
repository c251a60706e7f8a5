import { describe, expect, it } from "vitest";
import { askedKind, asksPrice, asksSeveral, holdsKind, yearsAsked } from "../../src/answer/question-kind.js";

describe("what a question asks for", () => {
  it.each([
    ["Et que se passe-t-il quand ils restent bloqués ?", "consequence"],
    // A price named is asked when it comes first, after "what" or with "combien"; a question that
    // only speaks of one asks yes or no.
    ["le prix du passeport ?", "money"],
    ["c'est quoi le tarif pour le visa ?", "money"],
    ["what are the fees for a residence card?", "money"],
    ["ça coûte combien le passeport ?", "money"],
    ["is the cost of living high in tunis?", "yesno"],
    ["do smugglers charge high fees?", "yesno"],
    // A price named first, then a French inversion: it is the subject of a yes-or-no question.
    ["Le coût de la vie à Bamako est-il plus bas qu'à Tunis ?", "yesno"],
    ["Le prix des loyers a-t-il baissé pendant le covid ?", "yesno"],
    // A price word is a whole word: not the "fee" of "coffee", nor the "prices" of "caprices".
    ["the coffee harvest in ivory coast, how much did it grow?", "quantity"],
    ["les caprices du climat, combien de deplaces ?", "quantity"],
    // "when" before its subject says in which case while another word asks; alone, it asks when.
    ["when migrants get detained in bamako, how often is it the police?", "other"],
    ["what changes when you have a residence card?", "other"],
    ["when was the ponam adopted?", "date"],
    ["when the law was adopted?", "date"],
    // "share" as a verb asks no share.
    ["mali share food with poor families during covid?", "other"],
    ["what share of the migrants lost their job?", "share"],
    // "address" and "contact" ask a contact detail as nouns, not as verbs nor people.
    ["What is the web address of the mixed migration centre?", "contact"],
    ["how can i contact terre d'asile?", "contact"],
    ["leur contact ?", "contact"],
    ["does the plan address the needs of foreign workers?", "yesno"],
    ["what did the contact lie about?", "other"],
    ["ou on trouve des contacts pour continuer la route ?", "place"],
    // A wage or a rent asked is an amount of money, which a sentence holds only with its currency.
    ["c quoi le salaire moyen d un migrant a bamako ?", "money"],
    ["le loyer c combien a tunis ?", "money"],
    ["what is the average wage for a migrant in tunis?", "money"],
    ["how much do migrants earn in tunis?", "money"],
    ["les migrants ont un salaire ?", "other"],
    ["les migrants qui ont perdu leur revenu, combien ?", "quantity"],
    ["what happens when my visa expires?", "consequence"],
    ["pr demander l asile on depose la demande a qui ?", "organisation"],
    ["which office i go pay am? wetin be their number?", "contact"],
    ["c quoi leur numero ?", "contact"],
    ["what number of migrants came back?", "quantity"],
    ["vous avez le numero de la croix rouge a gao ?", "contact"],
    ["what's the number for the shelter in sfax", "contact"],
    ["is there a number i can call for help in tunis?", "contact"],
    ["ya un numero a appeler pour de l aide ?", "contact"],
    ["what is the number of people i can call a community?", "quantity"],
    ["le nombre de migrants a gao ?", "quantity"],
    ["To whom should an application be sent?", "organisation"],
    ["Which national authority registers the applications?", "organisation"],
    ["Quelles sont les principales nationalités des personnes enregistrées ?", "place"],
    ["what are the main countries of origin", "place"],
    ["dans quel coin c est plus sur pour louer ?", "place"],
    ["which area is risky at night?", "place"],
    ["which side dem dey stay for tunis?", "place"],
    ["on dit qu'on va nous envoyer ailleurs, vers ou ?", "place"],
    ["les gens qui arrivent ici viennent d'ou ?", "place"],
    ["wetin make people comot from gao?", "reason"],
    ["what makes young men leave the north?", "reason"],
    ["Quelle période couvre ce plan ?", "date"],
    ["Between which dates did the curfew run?", "date"],
    ["c pr quelles annees ce plan", "date"],
    ["Quel texte de loi encadre le séjour des étrangers ?", "law"],
    ["c koi la loi sur l asile", "law"],
    ["What is the fine for overstaying?", "money"],
    ["how much cash do they give each person who comes back", "money"],
    ["ils donnent cb d argent par mois aux deplaces ?", "money"],
    ["what percent of the workers are women?", "share"],
    ["cb de pourcent des etrangers vivent a bamako ?", "share"],
    ["quelle proportion des deplaces sont des enfants", "share"],
    ["Who runs the shelter?", "organisation"],
    ["ils subissent des violences de la part de qui ?", "organisation"],
    ["detenus par qui ?", "organisation"],
    ["quelle part des migrants travaille ?", "share"],
    ["what is the role of the ministry", "other"],
    ["depuis quand il est bloque ?", "date"],
    ["c'est quand qu'on peut partir ?", "date"],
  ])("%j asks for %s", (question, kind) => {
    expect(askedKind(question)).toBe(kind);
  });

  it("reads 'quand' before a subject inside the question as in which case, not when", () => {
    expect(askedKind("pour travailler au mali quand on est etranger il faut quoi comme papier")).not.toBe("date");
    expect(askedKind("quand on part du mali, on paye ?")).toBe("date");
  });

  it("holds a law when it names one, not when it speaks of 'the relevant law'", () => {
    expect(holdsKind("law", "Law 04-058 of 25 November 2004 on entry, stay and establishment of foreign nationals in Mali.", true)).toBe(true);
    expect(holdsKind("law", "Stays are governed by article 2 of the decree.", true)).toBe(true);
    expect(holdsKind("law", "There is no legislation on the rights of foreigners.", true)).toBe(false);
    expect(holdsKind("law", "Thus, entry, stay and residence conditions are governed by the relevant law.", true)).toBe(false);
    expect(holdsKind("law", "the law no 98-040 on refugee status", true)).toBe(true);
  });

  it("holds a count when it gives a number or says nobody knows it, not a day of the month", () => {
    expect(holdsKind("quantity", "At the time of writing, total numbers of refugees and migrants remain unknown.", true)).toBe(true);
    expect(holdsKind("quantity", "No estimates are available for those passing through.", true)).toBe(true);
    expect(holdsKind("quantity", "An additional 40,000 people have been displaced.", true)).toBe(true);
    expect(holdsKind("quantity", "Ordinance of 25 September 2000: creation of the General Delegation of Malians abroad.", true)).toBe(false);
    expect(holdsKind("quantity", "The centre was officially opened on 19 March 2021.", true)).toBe(false);
    expect(holdsKind("quantity", "A curfew ran from March 26 in the capital.", true)).toBe(false);
  });

  it("reads a law's number as no contact", () => {
    expect(askedKind("c koi le numero de la loi sur la traite ?")).not.toBe("contact");
  });

  it("reads the years a question asks about, not the ends of a range", () => {
    expect(yearsAsked("cb de deplaces en 2016 ?")).toEqual(["2016"]);
    expect(yearsAsked("what does the 2020-2024 plan cover?")).toEqual([]);
    expect(yearsAsked("How many people were displaced?")).toEqual([]);
  });

  it("tells a price (which the reports seldom give) from a fine (which they do)", () => {
    expect(asksPrice("combien coute un passeport malien")).toBe(true);
    expect(asksPrice("what is the fee to renew a residence card")).toBe(true);
    expect(asksPrice("combien coûte l'amende pour dépassement de visa en Tunisie ?")).toBe(false);
    expect(asksPrice("how much is the overstay penalty")).toBe(false);
    // What overstaying costs is the fine, whatever the word for it.
    expect(asksPrice("what's the fee when you overstay in tunisia")).toBe(false);
    expect(asksPrice("le tarif c combien quand on depasse son visa")).toBe(false);
    // ...its expiry, its length or the irregular stay it makes, as well.
    expect(asksPrice("what do they charge once your visa is expired")).toBe(false);
    expect(asksPrice("c koi le tarif quand on reste trop longtemps")).toBe(false);
    expect(asksPrice("combien coute un sejour sans papiers a sfax")).toBe(false);
    // Who is in charge, or care given ("prise en charge"), is no price.
    expect(asksPrice("Which ministry is in charge of Malians abroad?")).toBe(false);
    expect(asksPrice("qui prend en charge les migrants expulses ?")).toBe(false);
    expect(asksPrice("how much do they charge for a residence card?")).toBe(true);
  });

  it("reads 'how much' of a fine as an amount of money, whichever comes first", () => {
    expect(askedKind("how much is the fine if i overstay in tunisia?")).toBe("money");
    expect(askedKind("ya une penalite si on depasse le visa en tunisie ? c'est combien par jour ?")).toBe("money");
    expect(askedKind("how many migrants live in tunis?")).toBe("quantity");
    expect(askedKind("les migrants qui ne peuvent pas payer le loyer, combien sont-ils ?")).toBe("quantity");
    // "je dois payer combien ?", "i pay how much?": the amount to pay, as "combien je dois payer ?".
    expect(askedKind("si je veux rentrer au pays je dois payer combien ?")).toBe("money");
    // As texted, and with the debt first: "je paye cmb ?", "je dois combien ?".
    expect(askedKind("je suis sans papier en tunisie depuis 1 an, si je veux partir je paye cmb ?")).toBe("money");
    expect(askedKind("mon visa est expire depuis 2 mois, je dois combien ?")).toBe("money");
    // "how much" before the verb of paying: "how much do they charge", Pidgin "how much dem dey charge".
    expect(askedKind("abeg how much dem dey charge for tunis if visa don expire")).toBe("money");
    expect(askedKind("how much will they charge me per week?")).toBe("money");
    expect(askedKind("l argent envoye par les maliens ca fait cb du pib du pays")).not.toBe("money");
    expect(askedKind("cb de temps ca prend pour avoir la carte ?")).toBe("duration");
    expect(askedKind("apres combien d'annees ?")).toBe("duration");
  });

  it("reads a follow-up's price with the message it leans on: after the fine, 'ça coûte combien ?' asks the fine", () => {
    expect(asksPrice("et ca coute combien ?", "ya une amende si je reste trop longtemps en tunisie ?")).toBe(false);
    expect(asksPrice("and how much does it cost?", "what happens if my visa expires in tunisia?")).toBe(false);
    expect(asksPrice("et ca coute combien ?", "il faut un passeport pour aller au mali ?")).toBe(true);
  });
});

describe("whether a sentence holds the kind of thing asked", () => {
  it("counts the actors who do something as an answer to 'who', not only organisations: police, gangs, landlords", () => {
    expect(holdsKind("organisation", "Criminal gangs were reported by almost half of respondents, followed by local host communities.", false)).toBe(true);
    expect(holdsKind("organisation", "Security forces/police/military were said to have been involved in most incidents of physical abuse.", false)).toBe(true);
    expect(holdsKind("organisation", "Many respondents said they had to move every few months.", false)).toBe(false);
  });

  it("counts a figure as a quantity, not a year alone: 'since 2015' says when, not how many", () => {
    expect(holdsKind("quantity", "The High Council has carried out many activities since 2015.", false)).toBe(false);
    expect(holdsKind("quantity", "In 2010, 1,013,760 Malians lived abroad.", false)).toBe(true);
    expect(holdsKind("quantity", "Half of them were women.", false)).toBe(true);
  });

  it("reads an amount of money by its currency's name, not by a word that begins like one ('Europe', 'France')", () => {
    expect(holdsKind("money", "The penalty is 20 Tunisian Dinars per week.", false)).toBe(true);
    expect(holdsKind("money", "Remittances totalled USD 405 million in 2009.", false)).toBe(true);
    expect(holdsKind("money", "Formal remittances totalled 485 billion CFA in 2018.", false)).toBe(true);
    expect(holdsKind("money", "In 2009, 36% of them lived in France and 12% elsewhere in Europe.", false)).toBe(false);
  });

  it("does not read 'the most' as a count ('the type of assistance respondents requested the most' says how many none)", () => {
    expect(holdsKind("quantity", "Support in accessing legal documentation is the type of assistance that respondents requested the most.", false)).toBe(false);
    expect(holdsKind("share", "Most respondents arrived by air.", false)).toBe(true);
  });

  it("reads a time of year as saying when ('at the time of the rainy season', 'after the harvest')", () => {
    expect(holdsKind("date", "After the harvest these young internal migrants come to Bamako, returning to their villages at the time of the rainy season.", false)).toBe(true);
    expect(holdsKind("date", "These young internal migrants come to Bamako to find paid work.", false)).toBe(false);
  });

  it("reads a name with a number in it ('COVID-19', '4Mi') as a name, not a count", () => {
    expect(holdsKind("quantity", "As a result of COVID-19 restrictions, refugees and migrants had to abandon their homes.", false)).toBe(false);
    expect(holdsKind("quantity", "According to 4Mi data, respondents reported extortion.", false)).toBe(false);
    expect(holdsKind("quantity", "According to 4Mi COVID-19 data, 34% (94/276) of respondents reported the loss of their homes.", false)).toBe(true);
  });

  it("counts only a part of a whole as a share: a head count does not say what percentage", () => {
    expect(holdsKind("share", "In 2010, the foreign population of Mali was estimated at 162,677 people.", false)).toBe(false);
    expect(holdsKind("share", "The largest concentration of foreigners was found in Bamako (27.9%).", false)).toBe(true);
    expect(holdsKind("share", "Criminal gangs were reported by almost half of respondents (47/100).", false)).toBe(true);
    expect(holdsKind("share", "The majority resided in African countries.", false)).toBe(true);
  });

  it("counts May as a date only as the month: 'migrants may not leave' gives no date", () => {
    expect(holdsKind("date", "Migrants may not leave until such fines are paid.", false)).toBe(false);
    expect(holdsKind("date", "The borders were closed in May and reopened later.", false)).toBe(true);
  });

  it("counts a length of time as a duration, not an age: 'a 6-year-old child' says how old, not how long", () => {
    expect(holdsKind("duration", "A 30-year-old Guinean woman, accompanied by a 6-year-old child, arrived in 2014.", false)).toBe(false);
    expect(holdsKind("duration", "They may reside in Tunisia on a tourist visa valid during 90 days.", false)).toBe(true);
  });

  it("counts the dates something ran between as how long it lasted ('a curfew (March 26-May 9)')", () => {
    expect(holdsKind("duration", "The Government took decisions including a curfew (March 26-May 9) and the closure of land and air borders.", false)).toBe(true);
    expect(holdsKind("duration", "Bamako had 88% of confirmed cases as of 9 May.", false)).toBe(false);
  });
});

describe("how many things a message asks", () => {
  it("tells a message asking two things, each with its question mark, from one asking once", () => {
    expect(asksSeveral("cb de refugies a tunis ? ils viennent d'ou ?")).toBe(true);
    expect(asksSeveral("how many lost their jobs? and who mostly?")).toBe(true);
    expect(asksSeveral("c koi la penalite ??")).toBe(false);
    expect(asksSeveral("je suis a tunis depuis 2 ans, je paye combien ?")).toBe(false);
  });
});
