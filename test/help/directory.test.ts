import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { foldForMatch, loadCorpus } from "../../src/corpus/index.js";
import { HelpDirectory, HelpDirectoryError, needsIn } from "../../src/help/index.js";

const corpus = loadCorpus();
const FIXTURE = "test/fixtures/help-directory.json";

describe("the bundled help directory", () => {
  const directory = HelpDirectory.load(corpus);
  const bundled = directory.entries.filter((e) => e.source.kind === "report");

  it("names only organisations the reports name, each tied to the report's words", () => {
    expect(bundled.length).toBeGreaterThanOrEqual(10);
    for (const e of bundled) {
      if (e.source.kind !== "report") continue;
      expect(foldForMatch(e.source.passage.text)).toContain(foldForMatch(e.source.quote));
    }
  });

  it("spells each organisation's name as a report does (each language's part of it, the acronym aside)", () => {
    // The reports' whole text: a name may be spelled out only in a glossary ("TAMSS Tunisian Association for Management and Social Stability").
    const reports = foldForMatch(corpus.manifest.reports.map((r) => readFileSync(join("corpus", r.cleanedFile), "utf8")).join("\n"));
    for (const e of bundled) {
      const parts = e.name.replace(/\s*\([^)]*\)\s*$/, "").split(/ [–-] /);
      for (const part of parts) expect(reports, e.name).toContain(foldForMatch(part));
    }
  });

  it("invents no contact detail: no phone, address or hours, and only a web address a report prints", () => {
    const reports = corpus.manifest.reports.map((r) => readFileSync(join("corpus", r.cleanedFile), "utf8")).join("\n");
    for (const e of bundled) {
      expect([e.phone, e.address, e.hours]).toEqual([undefined, undefined, undefined]);
      if (e.url) expect(reports).toContain(e.url.replace(/^https?:\/\//, ""));
    }
  });

  it("finds the places in a city first, then its country's", () => {
    const tunis = directory.find({ places: ["tunis"], needs: [] }, 10);
    expect(tunis.map((e) => e.city ?? e.country)).toEqual(expect.arrayContaining(["Tunis", "Tunisia"]));
    expect(tunis.every((e) => e.country === "Tunisia")).toBe(true);
    expect(tunis[0]!.city).toBe("Tunis");
  });

  it("puts a place that helps with something else only (work) after those the reports do not narrow, for a roof", () => {
    const work = directory.find({ places: ["tunis"], needs: ["work"] }, 3);
    const roof = directory.find({ places: ["tunis"], needs: ["shelter"] }, 3);
    expect(work[0]!.helpsWith).toContain("work");
    expect(roof[0]!.helpsWith).toEqual([]);
    expect(roof.map((e) => e.name)).toContain(work[0]!.name);
  });
});

describe("an operator's directory (HELP_DIRECTORY)", () => {
  const directory = HelpDirectory.load(corpus, FIXTURE);

  it("comes first, with its contacts", () => {
    const [first] = directory.find({ places: ["tunis"], needs: ["legal"] }, 3);
    expect(first).toMatchObject({ name: "Example Legal Aid Desk (test entry)", phone: "+216 70 000 000", source: { kind: "operator" } });
  });

  it("is matched on what the person needs", () => {
    expect(needsIn("la police m'a pris mon passeport, je dors dehors")).toEqual(["documents", "shelter", "protection"]);
    // French "son" is "his" or "her", not a child.
    expect(needsIn("ils gardent son passeport")).toEqual(["documents"]);
    expect(needsIn("my son is sick")).toEqual(["health", "children"]);
    const [first] = directory.find({ places: ["bamako"], needs: ["shelter"] }, 3);
    expect(first!.name).toBe("Example Shelter Bamako (test entry)");
  });

  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const withEntries = (edit: (entries: Array<Record<string, unknown>>) => void) => {
    dir = mkdtempSync(join(tmpdir(), "relais-help-"));
    const file = JSON.parse(readFileSync(FIXTURE, "utf8"));
    edit(file.entries);
    const path = join(dir, "directory.json");
    writeFileSync(path, JSON.stringify(file));
    return path;
  };

  it("stops, naming the file, the entry and the field at fault", () => {
    const path = withEntries((entries) => (entries[1]!.phone = "call us"));
    expect(() => HelpDirectory.load(corpus, path)).toThrow(HelpDirectoryError);
    expect(() => HelpDirectory.load(corpus, path)).toThrow(new RegExp(`${path}: entry 2 \\("Example Shelter Bamako \\(test entry\\)"\\), field phone: a phone number`));
  });

  it("refuses a need it does not know, and a file that is not JSON or not there", () => {
    const path = withEntries((entries) => (entries[0]!.helpsWith = ["legal", "magic"]));
    expect(() => HelpDirectory.load(corpus, path)).toThrow(/entry 1 .*field helpsWith\.1/);
    writeFileSync(path, "{oops");
    expect(() => HelpDirectory.load(corpus, path)).toThrow(/is not valid JSON/);
    expect(() => HelpDirectory.load(corpus, join(dir!, "missing.json"))).toThrow(/missing\.json is missing/);
  });
});
