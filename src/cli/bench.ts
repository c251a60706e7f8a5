/**
 * npm run bench [-- --reps N] [--cold-runs N] [--throughput-seconds N] [--load-updates N] [--load-chats N] [--gold FILE] [--out FILE]
 * Measures on this machine: cold starts of ask and of the bot as processes, through tsx and from
 * the build (the script runs npm run build first); in one process: cold start, per-stage latency
 * (median and p95 over the dev questions repeated), sustained answers per second, peak RSS, index
 * build time, a load run through the real bot against a faulty stand-in Bot API, and fault runs.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Answerer } from "../answer/index.js";
import { loadCorpus } from "../corpus/index.js";
import { formatMarkdownTable, formatTable, median, percentile, readGold } from "../eval/index.js";
import { buildIndex, DEFAULT_MODEL_ID, loadLexicon, PassageRetriever, resolveModel, type RetrieverKind } from "../retrieval/index.js";
import { fromPackageRoot } from "../package-root.js";
import { existingFile, isEntryPoint, printHelp, readCommandLine, runCommand, UsageError, wholeNumber } from "./args.js";

const MB = 1024 * 1024;
const peakRssMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

export const BENCH = {
  usage: "npm run bench --",
  summary: [
    "Measures speed and memory on this machine: cold starts of ask and the bot as processes, through tsx and from dist/;",
    "in one process: cold start, latency per stage, answers per second,",
    "peak RSS, index build time, a load run through the real bot against a faulty stand-in Bot API, and fault runs;",
    "prints the tables and writes them, with the machine's description, to --out.",
  ].join("\n"),
  flags: {
    gold: { type: "string", value: "FILE", description: "the questions timed (JSON lines, gold format)", default: fromPackageRoot("test", "fixtures", "gold-dev.jsonl") },
    reps: { type: "string", value: "N", description: "times each question is asked per latency measure", default: "10" },
    "cold-runs": { type: "string", value: "N", description: "times each process cold start is measured (0: none; needs dist/: npm run build)", default: "3" },
    "throughput-seconds": { type: "string", value: "N", description: "how long answers per second are counted", default: "5" },
    "load-updates": { type: "string", value: "N", description: "updates sent through the bot in the load run", default: "5000" },
    "load-chats": { type: "string", value: "N", description: "chats those updates come from", default: "500" },
    out: { type: "string", value: "FILE", description: "where the Markdown report is written (its folder must exist)", default: fromPackageRoot("docs", "BENCH.md") },
  },
} as const;

export async function runBench(argv: string[]): Promise<number> {
  const line = readCommandLine(BENCH, argv);
  if (line.help) return printHelp(BENCH);
  const { values } = line;
  const reps = wholeNumber(values.reps, "--reps");
  const coldRuns = wholeNumber(values["cold-runs"], "--cold-runs", 0);
  const throughputSeconds = wholeNumber(values["throughput-seconds"], "--throughput-seconds");
  const loadUpdates = wholeNumber(values["load-updates"], "--load-updates");
  const loadChats = wholeNumber(values["load-chats"], "--load-chats");
  // Said now rather than after a minute and a half of measuring.
  if (!existsSync(dirname(values.out))) throw new UsageError(`--out: there is no folder ${dirname(values.out)} to write ${values.out} in`);
  const questions = readGold(existingFile(values.gold, "--gold")).map((q) => q.question);
  const benchStarted = performance.now();
  const rows: string[][] = [];
  const add = (measure: string, value: string, target = "") => rows.push([measure, value, target]);
  const ms = (x: number) => `${x.toFixed(2)} ms`;

  // Cold start: what the bot does before its first answer, lexical (the default) then dense.
  let t = performance.now();
  const lexicalOnly = await PassageRetriever.open();
  const answerer = Answerer.create(lexicalOnly);
  await answerer.ask("warm-up");
  add("cold start, lexical (corpus, translation, both indexes, language model, cards, models)", ms(performance.now() - t), "<= 1000 ms");

  // Per-stage latency, over the dev questions repeated.
  const time = async (fn: (q: string) => unknown): Promise<number[]> => {
    const out: number[] = [];
    for (let r = 0; r < reps; r++) {
      for (const q of questions) {
        const s = performance.now();
        await fn(q);
        out.push(performance.now() - s);
      }
    }
    return out;
  };
  const stage = (name: string, samples: number[], target = "") => add(name, `p50 ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))}`, target);
  stage("language identification", await time((q) => lexicalOnly.identifyLanguage(q, "fr")));
  stage("retrieval, lexical", await time((q) => lexicalOnly.retrieve(q, { retriever: "lexical" })));
  stage("answer (retrieval + composition), lexical, both languages (the default)", await time((q) => answerer.ask(q)), "p50 <= 5 ms, p95 <= 20 ms");

  // Sustained answers per second, one after another in this process.
  let answered = 0;
  const until = performance.now() + throughputSeconds * 1000;
  while (performance.now() < until) await answerer.ask(questions[answered++ % questions.length]!);
  add("sustained answers per second (one process, lexical)", (answered / throughputSeconds).toFixed(0), ">= 100");
  add("peak RSS so far, no neural model loaded", `${peakRssMb().toFixed(0)} MB`, "<= 200 MB");

  // Cold starts of whole processes, to the answer: what tsx costs against the build
  // (after the RSS above: the bench's own modules are loaded here).
  if (coldRuns > 0) {
    for (const start of await (await import("../bench/index.js")).measureColdStarts(coldRuns)) {
      const what = start.program === "ask" ? `cold start to the answer printed, ${start.command}` : `cold start to the first answer sent, the bot, ${start.command}`;
      const target = start.program === "ask" && start.command.startsWith("node") ? "< 1000 ms" : "";
      add(what, `median ${ms(median(start.samples))} of ${start.samples.length} (${ms(Math.min(...start.samples))} to ${ms(Math.max(...start.samples))})`, target);
    }
  }

  // The dense path: the project's own model, when it can be found.
  t = performance.now();
  const withDense = await PassageRetriever.open({ dense: true, allowHub: false });
  add(`cold start, with the dense model (${withDense.embeddingModel ?? "none found"})`, ms(performance.now() - t));
  const kinds: RetrieverKind[] = withDense.available.filter((k) => k !== "lexical");
  for (const kind of kinds) stage(`retrieval, ${kind}`, await time((q) => withDense.retrieve(q, { retriever: kind })));
  const denseAnswerer = Answerer.create(withDense);
  for (const kind of kinds) stage(`answer, ${kind}`, await time((q) => denseAnswerer.ask(q, { retriever: kind })));

  // Index build time.
  const corpus = loadCorpus();
  const lexicon = loadLexicon();
  const scratch = mkdtempSync(join(tmpdir(), "relais-bench-index-"));
  try {
    t = performance.now();
    await buildIndex({ corpus, lexicon, outDir: join(scratch, "lexical") });
    add("index build, lexical", ms(performance.now() - t));
    const model = resolveModel({ id: DEFAULT_MODEL_ID, allowHub: false }).model;
    if (model) {
      t = performance.now();
      await buildIndex({ corpus, lexicon, outDir: join(scratch, "dense"), model });
      add(`index build, lexical + dense (${model.id}, ${corpus.passages.length} passages)`, ms(performance.now() - t));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  // Load run through the real bot, with faults.
  const load = await (await import("../bench/index.js")).runLoad(answerer, {
    updates: loadUpdates,
    chats: loadChats,
    questions,
    faults: { tooManyRequests: 0.01, serverErrors: 0.01, slow: 0.05, slowMs: 200, retryAfterSeconds: 1 },
    timeoutMs: 240_000,
  });
  add(
    `load run: ${load.updates} updates from ${load.chats} chats, faults injected (${load.injected.tooManyRequests} × 429, ${load.injected.serverErrors} × 5xx, ${load.injected.slow} × slow)`,
    `${load.answered}/${load.updates} answered once in ${load.seconds.toFixed(1)} s (${load.updatesPerSecond.toFixed(0)}/s); ${load.duplicated} duplicated, ${load.chatsOutOfOrder} chats out of order`,
  );
  add("peak RSS at the end (dense model, load run)", `${peakRssMb().toFixed(0)} MB`);

  // Spoken answers (optional packages): the time to make one, and the memory once the engine is loaded.
  const { createSpeechSynthesizer, speakableText } = await import("../voice/index.js");
  const { synthesizer, reason } = await createSpeechSynthesizer();
  if (synthesizer) {
    const spoken = speakableText((await answerer.ask("Quelle est l'amende pour dépassement de visa en Tunisie ?")).text, "fr");
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await synthesizer.speak(spoken, "fr");
      samples.push(performance.now() - s);
    }
    stage(`spoken answer (${spoken.length} characters, French, eSpeak NG + MP3)`, samples, "p50 < 2000 ms");
    add("peak RSS with the speech engine loaded", `${peakRssMb().toFixed(0)} MB`);
  } else {
    add("spoken answer", `off: ${reason}`);
  }

  const { runFaults, runBotFaults } = await import("../bench/index.js");
  const faults = [...(await runFaults()), ...(await runBotFaults(answerer, lexicalOnly))];
  const header = ["measure", "value", "target"];
  const faultHeader = ["fault", "still answering", "what the person or the operator sees"];
  const faultRows = faults.map((f) => [f.fault, f.serving ? "yes" : "no", f.message.replace(/\/tmp\/relais-fault-\w+\//g, "")]);
  console.log(formatTable(header, rows));
  console.log();
  console.log(formatTable(faultHeader, faultRows));

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
  const command = `npm run bench -- --reps ${reps} --cold-runs ${coldRuns} --load-updates ${loadUpdates} --load-chats ${loadChats}`;
  writeFileSync(
    values.out,
    `# Benchmarks\n\nMeasured by \`${command}\` on ${machine}, ${new Date().toISOString().slice(0, 10)}. ` +
      `Latency is in-process (no Telegram round trip), over the ${questions.length} dev questions repeated ${reps} times; ` +
      `all figures come from one run.\n\n${formatMarkdownTable(header, rows)}\n\n## Fault runs\n\n${formatMarkdownTable(faultHeader, faultRows)}\n`,
  );
  console.log(`\nWrote ${values.out}; the bench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s.`);
  return 0;
}

// The runner's and ORT's handles would otherwise keep the process alive.
if (isEntryPoint(import.meta.url)) runCommand("bench", () => runBench(process.argv.slice(2)), { exitWhenDone: true });
