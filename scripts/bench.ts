/**
 * npm run bench: custom functions of the built dist/Code.js over 10,000-row
 * ranges, and the core's validation + indicators over 100,000 submission
 * rows. Prints timings, rows per second and the size of dist/Code.js.
 * Budgets: Code.js ≤ 150 KB; every custom function over 10,000 rows well under 1 s.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { performance } from "node:perf_hooks";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import { evaluate, readWorkbook } from "../src/core/workbook";

const root = join(import.meta.dirname, "..");
const codePath = join(root, "dist", "Code.js");
const code = readFileSync(codePath, "utf8");

function time<T>(fn: () => T, repeat = 5): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

const loadMs = time(() => vm.runInContext(code, vm.createContext({})), 5).ms;
const ctx = vm.createContext({});
vm.runInContext(code, ctx);
const g = ctx as Record<string, (...a: unknown[]) => unknown>;

const N = 10_000;
const col = (f: (i: number) => unknown) => Array.from({ length: N }, (_, i) => [f(i)]);
const den = col((i) => 100 + (i % 50));
const num = col((i) => i % 100);
const two = Array.from({ length: N }, (_, i) => [i % 40, i % 50]);
const dates = Array.from({ length: N }, (_, i) => [vm.runInContext(`new Date(2023, 0, ${1 + (i % 365)})`, ctx)]);
const header = [SUBMISSION_COLUMNS.map((c) => c.header)];
const subRow = (i: number) => SUBMISSION_COLUMNS.map((c) => {
  const v: Record<string, unknown> = {
    period: "2023-Q1", unit: `U${i}`, received_total: 120, received_online: 30, received_direct: 80, received_carried: 10,
    online_service_dossiers: 60, resolved_total: 100, resolved_early: 20, resolved_ontime: 75, resolved_late: 5,
    pending_total: 20, pending_within: 18, pending_overdue: 2, apologies: 4, digitized: 90, fee_dossiers: 50, paid_online: 5,
    investment_plan: 1000, investment_disbursed: 450, documents_issued: 200, documents_signed: 180, work_records: 40,
    work_records_electronic: 30, explanation: "",
  };
  return v[c.key] ?? "";
});
const subRows = Array.from({ length: N }, (_, i) => subRow(i));

const cases: [string, unknown[]][] = [
  ["ONLINE_RATE", [num, den]],
  ["ONLINE_ORIGIN_RATE", [num, two.map(([a, b]) => [a! + 100, b])]],
  ["ONLINE_PAYMENT_RATE", [num, den]],
  ["DIGITIZATION_RATE", [num, den]],
  ["ONTIME_RATE", [two, den]],
  ["APOLOGY_RATE", [num, den]],
  ["DISBURSEMENT_RATE", [num, den]],
  ["DIGITAL_SIGNATURE_RATE", [num, den]],
  ["E_RECORDS_RATE", [num, den]],
  ["OVERDUE_COUNT", [num, den]],
  ["SHORTFALL", [col((i) => (i % 100) / 100), 0.3]],
  ["MEETS_TARGET", [col((i) => (i % 100) / 100), 0.3]],
  ["REPORTING_PERIOD", [dates]],
  ["VALIDATE_SUBMISSION", [header, subRows]],
];

const size = statSync(codePath).size;
console.log(`dist/Code.js: ${(size / 1024).toFixed(1)} KB (budget 150 KB); load in a fresh V8 context: ${loadMs.toFixed(1)} ms`);
console.log(`\nCustom functions over ${N.toLocaleString("en")}-row ranges (best of 5):`);
console.log("function".padEnd(24) + "ms".padStart(9) + "rows/s".padStart(14));
for (const [name, args] of cases) {
  const { ms, result } = time(() => g[name]!(...args));
  if (!Array.isArray(result) || result.length !== N) throw new Error(`${name} returned ${String(result).slice(0, 80)}`);
  console.log(name.padEnd(24) + ms.toFixed(1).padStart(9) + Math.round((N / ms) * 1000).toLocaleString("en").padStart(14));
}

const M = 100_000;
const units = [["Mã đơn vị", "Tên đơn vị", "Loại", "Email nhập liệu", "Hoạt động"], ...Array.from({ length: M }, (_, i) => [`U${i}`, `Đơn vị ${i}`, "Xã", "", true])];
// One row in ten carries a text in a count cell, so that findings are many (10,000).
const submissions = [header[0]!, ...Array.from({ length: M }, (_, i) => {
  const r = subRow(i);
  if (i % 10 === 0) r[3] = "x";
  return r;
})];
const heapBefore = process.memoryUsage().heapUsed;
const read = time(() => readWorkbook({ units, targets: null, submissions }), 3);
const ev = time(() => evaluate(read.result, { year: 2023, quarter: 1 }), 3);
const heapAfter = process.memoryUsage().heapUsed;
console.log(`\nCore over ${M.toLocaleString("en")} submission rows (best of 3):`);
console.log(`  read + validate cells (zod): ${read.ms.toFixed(0)} ms, ${Math.round((M / read.ms) * 1000).toLocaleString("en")} rows/s`);
console.log(`  evaluate (rules + indicators): ${ev.ms.toFixed(0)} ms, ${Math.round((M / ev.ms) * 1000).toLocaleString("en")} rows/s`);
console.log(`  findings: ${ev.result.findings.length}, units evaluated: ${ev.result.units.length}, heap growth ≈ ${((heapAfter - heapBefore) / 1048576).toFixed(0)} MB`);

// Service calls per action, from the stand-ins' counters: the same for 20 units as for 2,000.
const { districtAddon } = await import("../test/helpers/addon");
console.log("\nService calls per action (second run; the first also creates the results sheet):");
console.log("action".padEnd(20) + "units".padStart(7) + "SpreadsheetApp".padStart(16) + "DocumentApp".padStart(13) + "other".padStart(8) + "ms".padStart(9));
for (const action of ["validatePeriod", "highlightPeriod", "generateReport"]) {
  for (const n of [20, 2000]) {
    const addon = districtAddon(n);
    addon.call(action, "2023-Q1");
    addon.env.resetCounts();
    addon.docCalls.clear();
    const t0 = performance.now();
    addon.call(action, "2023-Q1");
    const ms = performance.now() - t0;
    const sheets = addon.env.count("SpreadsheetApp");
    const other = addon.env.count() - sheets;
    console.log(action.padEnd(20) + String(n).padStart(7) + String(sheets).padStart(16) + String(addon.docCount()).padStart(13) + String(other).padStart(8) + ms.toFixed(0).padStart(9));
    addon.dispose();
  }
}
