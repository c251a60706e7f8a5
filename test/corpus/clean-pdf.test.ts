import { describe, expect, it } from "vitest";
import { cleanPdfText } from "../../src/corpus/clean-pdf.js";

const texts = (raw: string, kind?: string) =>
  cleanPdfText(raw)
    .filter((b) => !kind || b.kind === kind)
    .map((b) => b.text);

describe("cleanPdfText", () => {
  it("re-flows lines broken mid-sentence and joins words hyphenated at line ends", () => {
    const raw = "IOM views the concept as ana-\nlytically useful for identifying\nmigration-\nrelated aspects of crises.\n\nIt is analytically sound; the migration-related work goes on.";
    expect(texts(raw, "body")[0]).toBe("IOM views the concept as analytically useful for identifying migration-related aspects of crises.");
  });

  it("takes footnotes out of the body as blocks of their own, with their number", () => {
    const raw = [
      "Tunisia is visa-free for many.1 Many overstay, with",
      "mounting fines.2 As reported by a",
      "",
      "1 Individuals coming from these countries of origin have the right to reside in Tunisia on a tourist visa valid during 90 days.",
      "",
      "2 The penalty for overstaying a tourist visa is 20 Tunisian Dinars per week (cf. REACH, 2018).",
      "",
      "majority of interviewed migrants, this system is a barrier.",
    ].join("\n");
    const blocks = cleanPdfText(raw);
    expect(blocks.filter((b) => b.kind === "body").map((b) => b.text)).toEqual([
      "Tunisia is visa-free for many. Many overstay, with mounting fines. As reported by a majority of interviewed migrants, this system is a barrier.",
    ]);
    expect(blocks.filter((b) => b.kind === "footnote").map((b) => [b.footnote, b.text.slice(0, 20)])).toEqual([
      [1, "Individuals coming f"],
      [2, "The penalty for over"],
    ]);
  });

  it("takes out a footnote the extraction printed after its successor, and drops its marker in the body", () => {
    const raw = [
      "Help expelled Malians in their return and",
      "socio-economic reintegration.2 ",
      "",
      "1 A first note on the law.",
      "",
      "3 Following border tensions, refugees came to Mali.",
      "",
      "2 A campaign was launched by the government in 2008 and 2009.",
      "",
      "4 A note on transit.",
    ].join("\n");
    const blocks = cleanPdfText(raw);
    expect(texts(raw, "body")).toEqual(["Help expelled Malians in their return and socio-economic reintegration."]);
    expect(blocks.filter((b) => b.kind === "footnote").map((b) => b.footnote)).toEqual([1, 3, 2, 4]);
  });

  it("does not mistake contents entries or sentences starting with a figure for footnotes", () => {
    const raw = "Contents\n3 Acknowledgements\n6 Glossary\n\n29 respondents interviewed in Bamako said so.\n\n1 The term is used to differentiate this group from others.\n2 https://www.tamsstn.org";
    const blocks = cleanPdfText(raw);
    expect(blocks.filter((b) => b.kind === "footnote").map((b) => b.footnote)).toEqual([1, 2]);
    expect(texts(raw, "body").join(" ")).toContain("29 respondents interviewed in Bamako said so.");
  });

  it("runs a line cut after a word that cannot end a sentence on into the next, even one opening on a name", () => {
    const raw = "MAURITANIA: 54,259 Malian refugees; entering through the Fassala and\n\nNéré transit centres; mostly in Mbéra refugee camp";
    expect(texts(raw, "body")).toEqual(["MAURITANIA: 54,259 Malian refugees; entering through the Fassala and Néré transit centres; mostly in Mbéra refugee camp"]);
  });

  it("drops running headers, footers and page numbers", () => {
    const raw = "The city grows fast and\n\nUrban Mixed Migration – Bamako case study8\n\n12\n\nattracts people from the region.";
    expect(texts(raw)).toEqual(["The city grows fast and attracts people from the region."]);
  });

  it("mends ligatures the extraction split with a space", () => {
    expect(texts("CARIM Migration Profi le: a signifi cant, Co-fi nanced study.")[0]).toBe("CARIM Migration Profile: a significant, Co-financed study.");
  });

  it("keeps headings as a section path over the paragraphs that follow", () => {
    const raw = [
      "4. Migration policy landscape",
      "",
      "National and local policies",
      "While Tunisia carries out a policy of visa-free access",
      "to its territory for nationals from most West African",
      "countries, it also generates involuntary immobility.",
      "",
      "5. Tunis, migration and opportunities",
      "",
      "Drivers are many.",
    ].join("\n");
    const blocks = cleanPdfText(raw);
    expect(blocks.filter((b) => b.kind === "body").map((b) => [b.section, b.text.slice(0, 12)])).toEqual([
      [["4. Migration policy landscape", "National and local policies"], "While Tunisi"],
      [["5. Tunis, migration and opportunities"], "Drivers are "],
    ]);
  });

  it("drops a footnote marker glued to an acronym ('As a member of ECOWAS3,'), keeping an acronym's own figures", () => {
    const raw = [
      "As a member of ECOWAS3, Mali accepts free circulation, and the G5 Sahel and COVID-19 stay as they are.",
      "",
      "3 The Economic Community of West African States.",
    ].join("\n");
    expect(texts(raw, "body")[0]).toBe("As a member of ECOWAS, Mali accepts free circulation, and the G5 Sahel and COVID-19 stay as they are.");
  });

  it("drops a footnote marker glued after brackets closing on a figure ('34% (94/276)29 of respondents'), keeping the figures", () => {
    const raw = "In Tunis, 34% (94/276)1 of respondents lost their homes, under a curfew (March 26-May 9)2 and more.\n\n1 MMC 4Mi COVID-19 data.\n2 A decree of the government.";
    expect(texts(raw, "body")).toEqual(["In Tunis, 34% (94/276) of respondents lost their homes, under a curfew (March 26-May 9) and more."]);
  });

  it("drops a footnote marker glued after a closing quote and its comma, or after a count in thousands ending a sentence", () => {
    const raw = "They come “to work in the north,”1 with some moving on. The total reached 175,412.2\n\n1 Key informant, Bamako.\n2 UNHCR data.";
    expect(texts(raw, "body")).toEqual(["They come “to work in the north,” with some moving on. The total reached 175,412."]);
  });

  it("drops a footnote marker glued after a year and a comma ('July and August 2020,27 49% ...')", () => {
    const raw = ["Looking at figures from July and August 2020,27 49% (94/180) reported a loss of income.", "", "27 MMC (2020) 4Mi snapshot."].join("\n");
    expect(texts(raw, "body")[0]).toBe("Looking at figures from July and August 2020, 49% (94/180) reported a loss of income.");
  });

  it("drops a footnote marker glued to a number written in thousands ('3,59935 Malian refugees' is 3,599), keeping whole figures", () => {
    const raw = ["CÔTE D'IVOIRE: 3,59935 Malian refugees; 12,500 more are expected by 2014.", "", "35 UNHCR, Mali situation update, 2013."].join("\n");
    expect(texts(raw, "body")[0]).toBe("CÔTE D'IVOIRE: 3,599 Malian refugees; 12,500 more are expected by 2014.");
  });

  it("gives a footnote cut by a page break its rest, not the body text around it", () => {
    const raw = [
      "Therefore, most respondents described their movement to Greater Tunis in terms of transit.",
      "Longer-term settlement intentions were rarer among",
      "",
      "2 International Labour Organisation (2016). Protection des droits des travailleurs migrants : vers la révision des lois et",
      "",
      "réglementations tunisiennes.",
      "",
      "respondents. Indeed, key informants still considered their stay transitory.",
    ].join("\n");
    expect(texts(raw, "body")).toEqual(["Therefore, most respondents described their movement to Greater Tunis in terms of transit. Longer-term settlement intentions were rarer among respondents. Indeed, key informants still considered their stay transitory."]);
    expect(texts(raw, "footnote")[0]).toMatch(/des lois et réglementations tunisiennes\.$/);
  });

  it("gives an open footnote the short tail of its reference, and leaves a footnote ending on a link closed", () => {
    const raw = [
      "Most returnees were men.",
      "",
      "1 Boubakri, H. (2015). Migration et asile en Tunisie. Revue Européenne des Migrations",
      "",
      "Internationales 31 (3/4), p. 17-39.",
      "",
      "2 See www.maliensdelexterieur.gov.ml/cgi-bin/index.pl",
      "",
      "emigration; sensitise the local population to the risks of irregular emigration.",
    ].join("\n");
    expect(texts(raw, "footnote")).toEqual([
      "Boubakri, H. (2015). Migration et asile en Tunisie. Revue Européenne des Migrations Internationales 31 (3/4), p. 17-39.",
      "See www.maliensdelexterieur.gov.ml/cgi-bin/index.pl",
    ]);
  });

  it("gives an open footnote the text that closes the bracket it left open, whatever its case", () => {
    const raw = [
      "Most emigration is to Africa.",
      "",
      "1 We cite for instance Mali's active role in the ECOWAS as most emigration from Mali is to Africa (Côte d'Ivoire, Ghana,",
      "",
      "Senegal, etc.) as well as Mali's cooperation with the EU.",
    ].join("\n");
    expect(texts(raw, "footnote")).toEqual(["We cite for instance Mali's active role in the ECOWAS as most emigration from Mali is to Africa (Côte d'Ivoire, Ghana, Senegal, etc.) as well as Mali's cooperation with the EU."]);
    expect(texts(raw, "body")).toEqual(["Most emigration is to Africa."]);
  });

  it("splits a heading and its subheading printed straight above their paragraph", () => {
    const raw = [
      "Many young people are potential migrants.",
      "",
      "6. Bamako, migration and risks",
      "Safety and security in Bamako",
      "In general key informants and migrant respondents ",
      "did not speak of major security concerns in Bamako. ",
    ].join("\n");
    const body = cleanPdfText(raw).filter((b) => b.kind === "body");
    expect(body.at(-1)).toEqual({ kind: "body", text: "In general key informants and migrant respondents did not speak of major security concerns in Bamako.", section: ["6. Bamako, migration and risks", "Safety and security in Bamako"] });
  });

  it("splits a heading as long as the text's lines from the paragraph under it when that opens a sentence, not a list of titles", () => {
    const raw = [
      "Solidarity was a positive development and a work in progress for the city.",
      "",
      "A perceived increase in discrimination and xenophobia",
      "While instances of solidarity were indeed observed during",
      "the pandemic and experienced by respondents, many faced",
      "discrimination in access to health care in the city.",
      "",
      "Mali",
      "The Demographic-Economic Framework of Migration",
      "The Legal Framework of Migration",
    ].join("\n");
    const blocks = cleanPdfText(raw);
    expect(blocks.find((b) => b.text.startsWith("While"))?.section).toEqual(["A perceived increase in discrimination and xenophobia"]);
    expect(blocks.some((b) => b.text === "The Legal Framework of Migration" && b.kind === "heading")).toBe(false);
  });

  it("gives a heading the last words the layout put on a line of their own, but not a link under it", () => {
    const raw = [
      "3. Internal Migration Trends: Increased urbanization",
      "",
      "and food insecurity",
      "",
      "Before the conflict, Malians migrated internally mainly to live closer to their families.",
      "",
      "For more information visit: Mixedmigration.org",
      "",
      "http://www.mixedmigration.org/",
    ].join("\n");
    const blocks = cleanPdfText(raw);
    expect(blocks.find((b) => b.kind === "body")?.section).toEqual(["3. Internal Migration Trends: Increased urbanization and food insecurity"]);
    expect(texts(raw, "body")).toContain("http://www.mixedmigration.org/");
  });

  it("drops a footnote marker glued to a heading's last word in capitals", () => {
    const raw = [
      "THE CHALLENGE OF REINTEGRATING MALIANS FROM LIBYA19",
      "",
      "Most returnees were men, and many had lost everything on the way.",
      "",
      "19 IOM, Returnees from Libya: the forgotten crisis, 2012.",
    ].join("\n");
    expect(cleanPdfText(raw).find((b) => b.kind === "body")?.section).toEqual(["THE CHALLENGE OF REINTEGRATING MALIANS FROM LIBYA"]);
  });

  it("turns runs of figure rows into one readable table block", () => {
    const raw = "Bamako 7,216 62,414\n\nGao Unknown 25,977\n\nKayes 127 2,739\n\nThe crisis displaced many people.";
    expect(texts(raw, "table")).toEqual(["Bamako 7,216 62,414; Gao Unknown 25,977; Kayes 127 2,739"]);
  });
});
