// Every command answers --help and refuses a bad command line before it loads or writes
// anything: the heavy ones (bench, build:model, build:index, eval) are only asked that here.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { type CommandSpec, type FlagSpec, UsageError } from "../../src/cli/args.js";

// The one command run as a process (package.json's way), started first so that it runs while
// this process imports the commands.
const evalProcess = promisify(execFile)("node_modules/.bin/tsx", ["src/cli/eval.ts", "--k", "abc"]).then(
  () => undefined,
  (error: { code: number; stdout: string; stderr: string }) => error,
);
const [{ ADD_QUESTIONS, runAddQuestions }, { ASK, runAsk }, { BENCH, runBench }, { BUILD_CORPUS, runBuildCorpus }, { BUILD_INDEX, runBuildIndex }, { BUILD_MODEL, runBuildModel }, { CHECK_BANK, runCheckBank }, { CHECK_GOLD, runCheckGold }, { DRAFT_BANK, runDraftBank }, { CHECK_TRANSLATIONS, runCheckTranslations }, { EVAL, runEval }, { EVAL_BANK, runEvalBank }, { LEXICON_GAPS, runLexiconGaps }, { runTrainAnswers, TRAIN_ANSWERS }, { runTranslate, TRANSLATE }, { runWebhookSet, WEBHOOK_SET }] =
  await Promise.all([
    import("../../src/cli/add-questions.js"),
    import("../../src/cli/ask-command.js"),
    import("../../src/cli/bench.js"),
    import("../../src/cli/build-corpus.js"),
    import("../../src/cli/build-index.js"),
    import("../../src/cli/build-model.js"),
    import("../../src/cli/check-bank.js"),
    import("../../src/cli/check-gold.js"),
    import("../../src/cli/draft-bank.js"),
    import("../../src/cli/check-translations.js"),
    import("../../src/cli/eval.js"),
    import("../../src/cli/eval-bank.js"),
    import("../../src/cli/lexicon-gaps.js"),
    import("../../src/cli/train-answers.js"),
    import("../../src/cli/translate.js"),
    import("../../src/cli/webhook-set.js"),
  ]);

/** Written to by the bad command lines below: it must stay empty. */
const scratch = mkdtempSync(join(tmpdir(), "relais-command-lines-"));
const untouched = join(scratch, "untouched");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Command {
  name: string;
  spec: CommandSpec<Record<string, FlagSpec>>;
  run: (argv: string[]) => Promise<number | void>;
  /** A command line with one mistake, and the one-line message it must give. */
  bad: [string[], string];
}

const consoleIo = { stdin: Readable.from([]), out: (line: string) => console.log(line), err: (line: string) => console.error(line) };

const COMMANDS: Command[] = [
  { name: "add:questions", spec: ADD_QUESTIONS, run: runAddQuestions, bad: [[join(scratch, "new.jsonl")], `there is no file ${join(scratch, "new.jsonl")}`] },
  { name: "ask", spec: ASK, run: (argv) => runAsk(argv, consoleIo), bad: [["--lang", "de", "visa mali"], "--lang must be one of fr, en (got de)"] },
  { name: "bench", spec: BENCH, run: runBench, bad: [["--out", join(untouched, "BENCH.md"), "--load-chats", "0"], "--load-chats takes a whole number of at least 1 (got 0)"] },
  { name: "build:corpus", spec: BUILD_CORPUS, run: runBuildCorpus, bad: [["--out", untouched, "--catalogue", join(scratch, "catalogue.json")], `--catalogue: there is no file ${join(scratch, "catalogue.json")}`] },
  { name: "build:index", spec: BUILD_INDEX, run: runBuildIndex, bad: [["--out", untouched, "--corpus", join(scratch, "corpus")], `--corpus: there is no folder ${join(scratch, "corpus")}`] },
  { name: "build:model", spec: BUILD_MODEL, run: runBuildModel, bad: [["--out", untouched, "--general-words", "many"], "--general-words takes a whole number of at least 1 (got many)"] },
  { name: "check:bank", spec: CHECK_BANK, run: runCheckBank, bad: [["--file", join(scratch, "bank.jsonl")], `--file: there is no file ${join(scratch, "bank.jsonl")}`] },
  { name: "check:gold", spec: CHECK_GOLD, run: runCheckGold, bad: [["--strict", "test/fixtures/gold-dev.jsonl"], "unknown flag --strict (see --help)"] },
  { name: "draft:bank", spec: DRAFT_BANK, run: (argv) => runDraftBank(argv, {}), bad: [["--missing", "--corpus", untouched], `--corpus: there is no folder ${untouched}`] },
  { name: "check:translations", spec: CHECK_TRANSLATIONS, run: runCheckTranslations, bad: [["--lang", "en"], "--lang must be one of fr (got en)"] },
  { name: "eval", spec: EVAL, run: runEval, bad: [["--k", "abc"], "--k takes a whole number of at least 1 (got abc)"] },
  { name: "eval:bank", spec: EVAL_BANK, run: runEvalBank, bad: [["--sample", "0"], "--sample takes a whole number of at least 1 (got 0)"] },
  { name: "lexicon:gaps", spec: LEXICON_GAPS, run: runLexiconGaps, bad: [["--lang", "de"], "--lang must be one of fr, en (got de)"] },
  { name: "train:answers", spec: TRAIN_ANSWERS, run: runTrainAnswers, bad: [["--folds", "3"], "unknown flag --folds (see --help)"] },
  { name: "translate", spec: TRANSLATE, run: (argv) => runTranslate(argv, {}), bad: [["--missing", "--corpus", untouched], `--corpus: there is no folder ${untouched}`] },
  { name: "webhook:set", spec: WEBHOOK_SET, run: (argv) => runWebhookSet(argv, {}), bad: [["--url", "https://relais.example/hook"], "unknown flag --url (see --help)"] },
];

afterEach(() => vi.restoreAllMocks());

/** Runs a command in this process: its exit code (a usage error is 2) and what it printed. */
async function run(command: Command, argv: string[]) {
  const stdout = vi.spyOn(console, "log").mockImplementation(() => {});
  const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
  let code: number;
  let mistake: string | undefined;
  try {
    code = (await command.run(argv)) ?? 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    code = 2;
    mistake = error.message;
  }
  const printed = (spy: typeof stdout) => spy.mock.calls.map((call) => call.join(" ")).join("\n");
  return { code, mistake, stdout: printed(stdout), stderr: printed(stderr) };
}

describe.each(COMMANDS)("npm run $name", (command) => {
  it("explains itself and every flag, with its default, on --help", async () => {
    const { code, stdout } = await run(command, ["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^usage: npm run ${command.name} -- \\[flags\\]`));
    for (const [name, flag] of Object.entries(command.spec.flags)) {
      const line = stdout.split(`  --${name}`)[1]?.split("\n  --")[0] ?? "";
      expect(line, `--${name}`).toContain(flag.description);
      if (typeof flag.default === "string") expect(line, `--${name}`).toMatch(/\(default [^)]+\)/);
    }
  });

  it("refuses a bad command line in one line naming the flag, before loading or writing anything", async () => {
    const [argv, message] = command.bad;
    const { code, mistake, stdout, stderr } = await run(command, argv);
    expect({ code, mistake }).toEqual({ code: 2, mistake: message });
    expect(stdout + stderr).toBe("");
    expect(existsSync(untouched)).toBe(false);
  });
});

describe("npm run eval -- --k abc, as a process", () => {
  it("exits 2 with the one line on stderr", async () => {
    expect(await evalProcess).toMatchObject({ code: 2, stdout: "", stderr: "eval: --k takes a whole number of at least 1 (got abc)\n" });
  });
});
