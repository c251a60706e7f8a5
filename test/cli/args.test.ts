import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { existingFile, existingFolder, helpText, isEntryPoint, oneOf, readCommandLine, runCommand, UsageError, wholeNumber } from "../../src/cli/args.js";
import { fromPackageRoot } from "../../src/package-root.js";

const EXAMPLE = {
  usage: "npm run example --",
  summary: "Does an example thing.",
  positionals: "FILE",
  flags: {
    k: { type: "string", value: "N", description: "how many", default: "5" },
    lang: { type: "string", value: "fr|en", description: "which language" },
    out: { type: "string", value: "DIR", description: "where to write", default: fromPackageRoot("corpus") },
    json: { type: "boolean", description: "as JSON", default: false },
  },
} as const;

const NO_POSITIONALS = { usage: "npm run plain --", summary: "Takes flags only.", flags: { k: { type: "string", value: "N", description: "how many" } } } as const;

/** The usage error a command line gives, or undefined when it reads. */
function mistake(argv: string[], spec: Parameters<typeof readCommandLine>[0] = EXAMPLE): string | undefined {
  try {
    readCommandLine(spec, argv);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
}

describe("readCommandLine", () => {
  it("reads flags with their defaults, and positionals", () => {
    expect(readCommandLine(EXAMPLE, ["--lang", "fr", "a.txt"])).toEqual({ help: false, values: { k: "5", lang: "fr", out: fromPackageRoot("corpus"), json: false, help: false }, positionals: ["a.txt"] });
  });

  it("answers --help and -h whatever else is given", () => {
    expect(readCommandLine(EXAMPLE, ["--k", "abc", "--help"])).toEqual({ help: true });
    expect(readCommandLine(EXAMPLE, ["-h"])).toEqual({ help: true });
  });

  it.each([
    [["--colour"], "unknown flag --colour (see --help)"],
    [["-x"], "unknown flag -x (see --help)"],
    [["--k"], "--k needs a value: --k N (see --help)"],
    [["--k="], "--k needs a value: --k N (see --help)"],
    [["--k", "-3"], '--k needs a value; one starting with "-" is written --k=-… (see --help)'],
    [["--json=yes"], "--json takes no value (see --help)"],
  ])("refuses %j in one line naming the flag", (argv, message) => {
    expect(mistake(argv)).toBe(message);
  });

  it("refuses arguments a command does not take", () => {
    expect(mistake(["stray"], NO_POSITIONALS)).toBe("unexpected argument stray: this command takes flags only (see --help)");
  });
});

describe("helpText", () => {
  const help = helpText(EXAMPLE);

  it("shows the usage, the summary and every flag with its meaning and default", () => {
    expect(help.split("\n").slice(0, 3)).toEqual(["usage: npm run example -- [flags] FILE", "", "Does an example thing."]);
    expect(help).toMatch(/--k N +how many \(default 5\)/);
    expect(help).toMatch(/--lang fr\|en +which language\n/);
    expect(help).toMatch(/--json +as JSON\n/);
    expect(help).toMatch(/--help +this text$/);
  });

  it("shows a default inside the package from the package's root, where npm runs commands", () => {
    expect(help).toMatch(/--out DIR +where to write \(default corpus\)/);
  });

  it("puts the meaning of a long flag on the next line, keeping the columns", () => {
    const long = helpText({ usage: "x", summary: "y", flags: { retriever: { type: "string", value: "lexical|dense|hybrid|all", description: "how passages are found" } } });
    expect(long).toContain(`  --retriever lexical|dense|hybrid|all\n${" ".repeat(27)}how passages are found`);
  });
});

describe("value checks", () => {
  it("takes whole numbers from the minimum up, naming the flag otherwise", () => {
    expect(wholeNumber("7", "--k")).toBe(7);
    expect(wholeNumber("0", "--skip", 0)).toBe(0);
    for (const bad of ["abc", "1.5", "-2", "0", "1e3", ""]) expect(() => wholeNumber(bad, "--k")).toThrow(`--k takes a whole number of at least 1 (got ${bad})`);
  });

  it("takes one of the choices, listing them otherwise", () => {
    expect(oneOf("dense", ["lexical", "dense"], "--retriever")).toBe("dense");
    expect(() => oneOf("magic", ["lexical", "dense"], "--retriever")).toThrow(new UsageError("--retriever must be one of lexical, dense (got magic)"));
  });

  const dir = mkdtempSync(join(tmpdir(), "relais-args-"));
  const file = join(dir, "questions.jsonl");
  writeFileSync(file, "");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names the flag and the path of a file or folder that is not there", () => {
    expect(existingFile(file, "--gold")).toBe(file);
    expect(existingFolder(dir, "--corpus")).toBe(dir);
    expect(() => existingFile(join(dir, "nope.jsonl"), "--gold")).toThrow(`--gold: there is no file ${join(dir, "nope.jsonl")}`);
    expect(() => existingFile(dir, "--gold")).toThrow(`--gold: ${dir} is a folder, not a file`);
    expect(() => existingFile(join(dir, "nope.jsonl"))).toThrow(new UsageError(`there is no file ${join(dir, "nope.jsonl")}`));
    expect(() => existingFolder(file, "--corpus")).toThrow(`--corpus: ${file} is a file, not a folder`);
    expect(() => existingFolder(join(dir, "nope"), "--corpus")).toThrow(`--corpus: there is no folder ${join(dir, "nope")}`);
  });
});

describe("isEntryPoint", () => {
  it("is true only for the script node was started with", () => {
    expect(isEntryPoint(pathToFileURL(process.argv[1]!).href)).toBe(true);
    expect(isEntryPoint(pathToFileURL(fromPackageRoot("src", "cli", "eval.ts")).href)).toBe(false);
  });
});

describe("runCommand", () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
    vi.restoreAllMocks();
  });

  /** Runs a main through runCommand: the exit code it sets and what it printed on stderr. */
  async function run(main: () => Promise<number | void>) {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    process.exitCode = undefined;
    runCommand("example", main);
    await new Promise((resolve) => setImmediate(resolve));
    return { code: process.exitCode, stderr: errors.mock.calls.map((call) => call.join(" ")) };
  }

  it("exits 2 on a usage mistake, 1 on any other error, with the command's name and the message", async () => {
    expect(await run(async () => { throw new UsageError("--k takes a whole number of at least 1 (got abc)"); })).toEqual({ code: 2, stderr: ["example: --k takes a whole number of at least 1 (got abc)"] });
    expect(await run(async () => { throw new Error("corpus/manifest.json is missing"); })).toEqual({ code: 1, stderr: ["example: corpus/manifest.json is missing"] });
  });

  it("exits with the code main returns", async () => {
    expect(await run(async () => 1)).toEqual({ code: 1, stderr: [] });
    expect(await run(async () => {})).toEqual({ code: undefined, stderr: [] });
  });
});
