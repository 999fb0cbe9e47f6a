/**
 * One measured run in its own process, for the benchmark (scripts/bench.ts).
 * At exit it prints one line on stderr, `@bench {...}`: wall time of the
 * measured part (ms), memory in use after a full collection with the result
 * still held (heapMB, with --expose-gc), and peak RSS of the whole process
 * (process.resourceUsage().maxRSS, MB).
 *
 *   load <xlsx>      load the workbook into the stand-ins, nothing else
 *   cli <args…>      the command line (npm run report), from start to exit
 *   values <rows>    make <rows> submission rows in memory, nothing else
 *   plain <rows>     the same rows, then a hand-written loop: indicators and sum rules
 *   core <rows>      the same rows, then the core: readWorkbook + evaluate
 */
import { writeSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [mode, ...rest] = process.argv.slice(2);
const held: unknown[] = [];
let ms = 0;
const t0 = performance.now();
process.on("exit", () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapMB = process.memoryUsage().heapUsed / 1048576;
  const out = {
    ms: ms || performance.now() - t0,
    heapMB: gc ? heapMB : null,
    rssMB: process.resourceUsage().maxRSS / 1024,
    held: held.length,
  };
  writeSync(2, `\n@bench ${JSON.stringify(out)}\n`);
});

if (mode === "load") {
  const { loadXlsx } = await import("@cchc/gas-standins");
  held.push(await loadXlsx(rest[0]!));
} else if (mode === "cli") {
  process.argv = [process.argv[0]!, "cli", ...rest];
  await import("../src/local/cli/report");
} else if (mode === "values" || mode === "plain" || mode === "core") {
  const { benchValues, plainLoop } = await import("./bench-core");
  const n = Number(rest[0]);
  const values = benchValues(n);
  held.push(values);
  const { evaluate, readWorkbook } = await import("../src/core/workbook");
  const run = (): unknown => {
    if (mode === "plain") return plainLoop(values.submissions, "2026-Q2");
    if (mode === "core") {
      const wb = readWorkbook(values);
      return [wb, evaluate(wb, { year: 2026, quarter: 2 })];
    }
    return null;
  };
  // Steady state for both sides: three warm-up runs, then the best of ten, each after a full
  // collection so that neither side pays for the other's garbage.
  for (let i = 0; i < 3; i++) run();
  ms = Infinity;
  let result: unknown = null;
  for (let i = 0; i < 10; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - start);
  }
  held.push(result);
} else {
  throw new Error(`unknown mode ${mode}`);
}
