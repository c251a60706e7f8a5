import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runBuildCorpus } from "../../src/cli/build-corpus.js";
import { CatalogueSchema, ManifestSchema } from "../../src/corpus/schema.js";

// One report (the CARIM profile, which shares no paragraph with the others) described by a
// catalogue of our own, away from the sources, with the team's translation of its passages.
const REPORT = "carim-mali-2010";
const TITLE = "A title only this catalogue gives";

let dir: string;
let sources: string;
let catalogue: string;
let out: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relais-build-corpus-"));
  [sources, catalogue, out] = [join(dir, "reports"), join(dir, "my-catalogue.json"), join(dir, "out")];
  const entry = CatalogueSchema.parse(JSON.parse(readFileSync("corpus/sources/catalogue.json", "utf8"))).reports.find((r) => r.id === REPORT)!;
  file = entry.file;
  mkdirSync(sources);
  copyFileSync(join("corpus/sources", file), join(sources, file));
  writeFileSync(catalogue, JSON.stringify({ reports: [{ ...entry, title: TITLE }] }));
  mkdirSync(join(out, "translations"), { recursive: true });
  const translated = readFileSync("corpus/translations/fr.jsonl", "utf8").split("\n").filter((line) => line.includes(`"passageId":"${REPORT}:`));
  writeFileSync(join(out, "translations", "fr.jsonl"), translated.join("\n") + "\n");
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(process.stderr, "write").mockImplementation(() => true); // the progress lines
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const build = () => runBuildCorpus(["--sources", sources, "--catalogue", catalogue, "--out", out]);

describe("npm run build:corpus -- --catalogue FILE", () => {
  it("takes the reports' facts from that file, and the reports it lists from --sources", async () => {
    expect(await build()).toBe(0);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")));
    expect(manifest.reports.map((r) => [r.id, r.file, r.title])).toEqual([[REPORT, file, TITLE]]);
  });

  it("names that file when a report in --sources is not in it", async () => {
    copyFileSync("corpus/sources/000_3e93581f45fe7822.txt", join(sources, "000_3e93581f45fe7822.txt"));
    await expect(build()).rejects.toThrow(`000_3e93581f45fe7822.txt in ${sources} is not in ${catalogue}: add an entry`);
  });

  it("names that file and the report when a report it lists is not in --sources", async () => {
    rmSync(join(sources, file));
    await expect(build()).rejects.toThrow(`${join(sources, file)} is listed in ${catalogue} but missing`);
  });

  it("names that file when it is not a catalogue", async () => {
    writeFileSync(catalogue, JSON.stringify({ reports: [{ file }] }));
    await expect(build()).rejects.toThrow(new RegExp(`^${catalogue} is not in the expected shape at reports\\.0\\.id`));
  });
});
