import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 30000,
    pool: "forks",
    // expect.poll waits for a page or a server; 1 s (vitest's default) is too short on a busy 2-core CI machine.
    expect: { poll: { timeout: 10000 } },
    // The JSON report is what .ci/run reads for its "N passed, N failed" line.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
