import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The bot's black-box tests run the build (dist/), as operators do.
    globalSetup: ["test/global-setup.ts"],
    // No test downloads a model: the hub is off even where a network exists.
    env: { RELAIS_OFFLINE: "1" },
    testTimeout: 30_000,
    // Tests spawn the CLI and load the committed index: two workers fit a 2-core machine.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
