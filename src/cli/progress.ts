import cliProgress from "cli-progress";

export interface Progress {
  /** One more step done. */
  tick(label: string): void;
  /** `done` steps of the total done. */
  update(done: number, label: string): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; on a pipe or in CI, a plain line per quarter so logs stay short.
 */
export function startProgress(title: string, total: number): Progress {
  let done = 0;
  if (!process.stderr.isTTY) {
    let lastQuarter = -1;
    const update = (value: number, label: string) => {
      done = value;
      const quarter = Math.floor((4 * done) / total);
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      process.stderr.write(`${title}: ${done}/${total} ${label}\n`);
    };
    return { tick: (label) => update(done + 1, label), update, stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return {
    tick: (label) => bar.increment(1, { label }),
    update: (value, label) => bar.update(value, { label }),
    stop: () => bar.stop(),
  };
}
