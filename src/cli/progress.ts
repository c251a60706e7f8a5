import cliProgress from "cli-progress";

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; on a pipe or in CI, one plain line per step so logs stay readable.
 */
export function startProgress(title: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    let done = 0;
    return {
      tick: (label) => process.stderr.write(`${title}: ${++done}/${total} ${label}\n`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return {
    tick: (label) => bar.increment(1, { label }),
    stop: () => bar.stop(),
  };
}
