import { describe, expect, it } from "vitest";
import { detailNotSaid, detailsAsked } from "../../src/answer/asked-detail.js";

describe("the precise detail a question asks for", () => {
  it.each([
    ["ya un plafond pour la penalite en tunisie ?", ["ceiling", "penalty"]],
    ["les etudiants sont exoneres des penalites ?", ["exemption", "students", "penalty"]],
    ["les gosses paient aussi l'amende a sfax ?", ["children", "penalty"]],
    ["and for those under 18?", ["children"]],
    ["What is the phone number of the IOM office in Bamako?", ["phone"]],
    ["jveux le num de la croix rouge a gao", ["phone"]],
    ["le numero du decret sur le sejour ?", []],
    ["What is the fine for overstaying a visa in Tunisia?", []],
    ["combien de gens sont morts pendant la guerre au nord ?", ["deaths"]],
    ["how many migrants died on the road to algeria?", ["deaths"]],
    ["c'est quoi les demarches pour une carte de sejour au senegal ?", ["procedure"]],
    ["how do I apply for asylum in Mali?", ["procedure"]],
    ["pour le fonds d'aide je dois remplir quel formulaire ?", ["procedure"]],
    ["et les femmes enceintes ?", ["women", "pregnant"]],
    ["are old people and the disabled helped in the camps?", ["elderly", "disabled"]],
    ["les enfants migrants peuvent aller a l ecole en tunisie ?", ["children", "school"]],
    ["can refugee kids go to school in bamako?", ["children", "school"]],
    ["les soins c gratuit pour les migrants ?", ["free"]],
    ["is the voluntary return free of charge?", ["free"]],
    ["ECOWAS free movement", []],
    ["what penalties does the law provide for offenders?", ["penalty"]],
    ["les policiers qui rackettent sont sanctionnes ?", ["penalty"]],
    ["is it fine to stay in bamako?", []],
    ["le couvre feu c etait a quelle heure ?", ["hours"]],
  ])("%j asks for %j", (question, details) => {
    expect(detailsAsked(question)).toEqual(details);
  });

  it("reads the detail in the part of a long message that asks, not in the story before it", () => {
    expect(detailsAsked("un gars me propose un contrat de travail en tunisie et il avance le billet, je rembourse en travaillant la bas, c risqué ?")).toEqual([]);
    expect(detailsAsked("le plafond, il existe ?")).toEqual(["ceiling"]);
  });

  it("finds a detail said in any of the texts, in either language, or none", () => {
    expect(detailNotSaid(["exemption"], ["ECOWAS-country nationals are exempted from visa requirements."])).toBeUndefined();
    expect(detailNotSaid(["exemption"], ["Les ressortissants de la CEDEAO sont exemptés de visa."])).toBeUndefined();
    expect(detailNotSaid(["ceiling"], ["The penalty is 20 Tunisian Dinars per week."])).toBe("ceiling");
    // A group asked about must be the one the sentence speaks of, in whatever words.
    expect(detailNotSaid(["children"], ["Half of them were under 18."])).toBeUndefined();
    expect(detailNotSaid(["children"], ["The penalty is 20 Tunisian Dinars per week."])).toBe("children");
    // Deaths asked are not answered by the number of people displaced.
    expect(detailNotSaid(["deaths"], ["As of January 2013, 228,920 persons had been internally displaced."])).toBe("deaths");
    expect(detailNotSaid(["deaths"], ["witnessing migrant death (2%)"])).toBeUndefined();
    // How to apply is not answered by who grants the status.
    expect(detailNotSaid(["procedure"], ["Refugee status is granted by the National Commission for Refugees."])).toBe("procedure");
    expect(detailNotSaid(["procedure"], ["Asylum applications are submitted to the National Commission."])).toBeUndefined();
    // A penalty asked is not answered by the law's adoption.
    expect(detailNotSaid(["penalty"], ["A law was adopted in 2018 to eliminate every form of racial discrimination."])).toBe("penalty");
    expect(detailNotSaid(["penalty"], ["Irregular stay is punished with a prison sentence and a fine."])).toBeUndefined();
    // The hours of a curfew are not its dates.
    expect(detailNotSaid(["hours"], ["a curfew (March 26-May 9)"])).toBe("hours");
    // Free care is not answered by who must join the health insurance scheme; "visa gratuit" is a visa-free policy.
    expect(detailNotSaid(["free"], ["Workers and their families must be affiliated to the scheme."])).toBe("free");
    expect(detailNotSaid(["free"], ["needy persons may receive free care in certain hospitals"])).toBeUndefined();
    expect(detailNotSaid(["free"], ["Tunisia has a visa-free entry policy."])).toBeUndefined();
  });
});
