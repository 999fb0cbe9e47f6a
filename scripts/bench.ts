/**
 * npm run bench: every figure README quotes, measured in one run, each
 * against a plain baseline on the same data (ratios, not absolute times:
 * the machines are shared and noisy), memory as heap in use after a full
 * collection and as peak RSS of a whole process.
 *
 *   1. dist/Code.js: size and load time; custom functions over 10,000-row ranges.
 *   2. The core over 100,000 submission rows against a hand-written loop over
 *      the same arrays (aim: at most 2× its time).
 *   3. The command line on a 100,000-row workbook against loading that
 *      workbook alone (aim: at most 2× the time, 1,6× the peak RSS).
 *   4. The report with its .docx for 3,000 units against its load alone (aim: at most 3×).
 *   5. A second report in the same process against the first.
 *   6. Service calls per action, at 20 and at 2,000 units; "Chuẩn bị kỳ báo
 *      cáo" at 200 and 3,000 units with the sheet shared with every clerk.
 *   7. The size guard on a workbook with one far cell.
 *   8. Set-up from the national unit list for the largest province: time
 *      against set-up without the list's rows, service calls, dist/ sizes.
 *   9. The annual report (2025-Y, four quarters summed) against the report of
 *      its last quarter on the same workbook, 3,000 units; and the service
 *      calls of the province sample's span reports against its quarter's.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { performance } from "node:perf_hooks";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import { INDICATORS } from "../src/core/catalogue";
import { benchRow, quarters, writeBenchWorkbook } from "./bench-workbook";

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
const subRows = Array.from({ length: N }, (_, i) => {
  const v: Record<string, unknown> = { ...benchRow(i, 0), period: "2023-Q1", unit: `U${i}` };
  return SUBMISSION_COLUMNS.map((c) => v[c.key] ?? "");
});

// Every indicator's custom function from the catalogue: a two-column numerator (summed by row) under a larger denominator.
const cases: [string, unknown[]][] = [
  ...INDICATORS.map((d): [string, unknown[]] => [d.fn, d.unit === "rate" ? [two, den] : [num, den]]),
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
  console.log(
    name.padEnd(24) +
      ms.toFixed(1).padStart(9) +
      Math.round((N / ms) * 1000)
        .toLocaleString("en")
        .padStart(14),
  );
}

interface ChildResult {
  ms: number;
  heapMB: number | null;
  rssMB: number;
}

/** Runs scripts/bench-child.ts in its own process; best time and highest RSS of `repeat` runs. */
function child(args: string[], repeat = 3, gc = false): ChildResult {
  let best: ChildResult | null = null;
  for (let i = 0; i < repeat; i++) {
    const r = spawnSync(
      process.execPath,
      [...(gc ? ["--expose-gc"] : []), "--import", "tsx", join(root, "scripts/bench-child.ts"), ...args],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const line = r.stderr.split("\n").find((l) => l.startsWith("@bench "));
    if (r.status !== 0 || !line) throw new Error(`bench child ${args.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
    const got = JSON.parse(line.slice(7)) as ChildResult;
    best = best === null ? got : { ms: Math.min(best.ms, got.ms), heapMB: got.heapMB, rssMB: Math.max(best.rssMB, got.rssMB) };
  }
  return best!;
}

const mb = (x: number | null) => (x === null ? "—" : `${x.toFixed(0)} MB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

// 2. Core against a hand-written loop.
const ROWS = 100_000;
console.log(
  `\nCore over ${ROWS.toLocaleString("en")} submission rows (4,000 units × 25 quarters), one quarter evaluated; 3 warm-up runs, then the best of 10, each after a collection:`,
);
const values = child(["values", String(ROWS)], 1, true);
const plain = child(["plain", String(ROWS)], 1, true);
const core = child(["core", String(ROWS)], 1, true);
console.log("run".padEnd(34) + "ms".padStart(9) + "heap after GC".padStart(15) + "peak RSS".padStart(11));
console.log("rows in memory only".padEnd(34) + "".padStart(9) + mb(values.heapMB).padStart(15) + mb(values.rssMB).padStart(11));
console.log(
  "plain loop over the same arrays".padEnd(34) +
    plain.ms.toFixed(1).padStart(9) +
    mb(plain.heapMB).padStart(15) +
    mb(plain.rssMB).padStart(11),
);
console.log(
  "core: readWorkbook + evaluate".padEnd(34) + core.ms.toFixed(1).padStart(9) + mb(core.heapMB).padStart(15) + mb(core.rssMB).padStart(11),
);
console.log(
  `  core / plain time: ${ratio(core.ms, plain.ms)} (aim ≤ 2×); heap held by the core's tables and results: ${mb((core.heapMB ?? 0) - (values.heapMB ?? 0))}`,
);

// 3 and 4. The command line against loading the workbook alone.
const dir = join(root, "test-results", "bench");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const big = join(dir, "units-4000-quarters-25.xlsx");
const report = join(dir, "units-3000-quarters-2.xlsx");
await writeBenchWorkbook(big, 4000, quarters({ year: 2026, quarter: 2 }, 25));
await writeBenchWorkbook(report, 3000, quarters({ year: 2026, quarter: 2 }, 2));
console.log(
  "\nCommand line (npm run report: load, validate, report, .docx, JSON) against loading the workbook alone; best of 3, each its own process:",
);
console.log(
  "workbook".padEnd(34) +
    "load ms".padStart(9) +
    "cli ms".padStart(9) +
    "time".padStart(8) +
    "load RSS".padStart(10) +
    "cli RSS".padStart(10) +
    "RSS".padStart(8),
);
for (const [label, path, aim] of [
  ["100,000 rows (4,000 × 25 quarters)", big, "≤ 2× time, ≤ 1,6× RSS"],
  ["3,000 units (report of 3,000 rows)", report, "≤ 3× time"],
] as const) {
  const load = child(["load", path]);
  const cli = child([
    "cli",
    path,
    "--period",
    "2026-Q2",
    "--level",
    "tỉnh",
    "--name",
    "Thử",
    "--out",
    join(dir, "report.docx"),
    "--json",
    join(dir, "result.json"),
  ]);
  console.log(
    label.padEnd(34) +
      load.ms.toFixed(0).padStart(9) +
      cli.ms.toFixed(0).padStart(9) +
      ratio(cli.ms, load.ms).padStart(8) +
      mb(load.rssMB).padStart(10) +
      mb(cli.rssMB).padStart(10) +
      ratio(cli.rssMB, load.rssMB).padStart(8) +
      `   aim ${aim}`,
  );
}

// 5. A second report in the same process costs what the first did.
{
  const { loadXlsx } = await import("@cchc/gas-standins");
  const { startAddon } = await import("../src/local/runtime");
  const { settingsFor } = await import("../src/core/settings");
  const addon = startAddon({
    spreadsheet: await loadXlsx(report),
    documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Thử")) },
  });
  const times: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < 3; i++) {
    addon.env.resetCounts();
    const t0 = performance.now();
    addon.call("generateReport", "2026-Q2");
    times.push(performance.now() - t0);
    calls.push(addon.docCount());
  }
  console.log(
    `\nReport of 3,000 units three times in one process: ${times.map((t) => t.toFixed(0)).join(", ")} ms (third / first ${ratio(times[2]!, times[0]!)}); DocumentApp calls ${calls.join(", ")}`,
  );
  addon.dispose();
}

// 6. Service calls per action, from the stand-ins' counters: the same for 20 units as for 2,000.
const { districtAddon } = await import("../test/helpers/addon");
console.log("\nService calls per action (second run; the first also creates the results sheet):");
console.log(
  "action".padEnd(20) +
    "units".padStart(7) +
    "SpreadsheetApp".padStart(16) +
    "DocumentApp".padStart(13) +
    "other".padStart(8) +
    "ms".padStart(9),
);
for (const action of ["validatePeriod", "highlightPeriod", "generateReport"]) {
  for (const n of [20, 2000]) {
    const addon = districtAddon(n);
    addon.call(action, "2023-Q1");
    addon.env.resetCounts();
    const t0 = performance.now();
    addon.call(action, "2023-Q1");
    const ms = performance.now() - t0;
    const sheets = addon.env.count("SpreadsheetApp");
    const docs = addon.docCount();
    const other = addon.env.count() - sheets - docs;
    console.log(
      action.padEnd(20) +
        String(n).padStart(7) +
        String(sheets).padStart(16) +
        String(docs).padStart(13) +
        String(other).padStart(8) +
        ms.toFixed(0).padStart(9),
    );
    addon.dispose();
  }
}

// 6b. "Chuẩn bị kỳ báo cáo" with the sheet shared with every clerk (Range.protect() would start with all of them):
// every protection in one Sheets API batch; the protections stay bounded by the units, not the quarters.
{
  const { startAddon } = await import("../src/local/runtime");
  const { settingsFor } = await import("../src/core/settings");
  const { goodRow, submissionRows, unitRows } = await import("../test/fixtures");
  const OWNER = "owner@tinh.example.vn";
  const prepare = (n: number) => {
    const codes = Array.from({ length: n }, (_, i) => `DV${String(i + 1).padStart(4, "0")}`);
    const clerks = codes.map((c) => `${c.toLowerCase()}@xa.example.vn`);
    const units = unitRows(codes.map((code) => ({ code }))).map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], clerks[i - 1], r[4]]));
    // Half the units have typed their row already; prepare adds the other half.
    const addon = startAddon({
      ownerEmail: OWNER,
      userEmail: OWNER,
      editors: clerks,
      sheets: { "Đơn vị": units, "Số liệu": submissionRows(codes.filter((_, i) => i % 2 === 0).map((c) => goodRow(c, "2026-Q2"))) },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Thử")) },
    });
    const run = (period: string) => {
      addon.env.resetCounts();
      const t0 = performance.now();
      addon.call("preparePeriod", period);
      const ms = performance.now() - t0;
      const protections = addon.env.document
        .getSheets()
        .reduce(
          (k, s) =>
            k +
            s.getProtections(addon.env.globals.SpreadsheetApp.ProtectionType.RANGE).length +
            s.getProtections(addon.env.globals.SpreadsheetApp.ProtectionType.SHEET).length,
          0,
        );
      return {
        total: addon.env.count(),
        protectionCalls: [...addon.env.callsOf("SpreadsheetApp")]
          .filter(([k]) => k.startsWith("Protection."))
          .reduce((k, [, v]) => k + v, 0),
        batches: addon.env.count("Spreadsheets.batchUpdate"),
        gets: addon.env.count("Spreadsheets.get"),
        protections,
        ms,
      };
    };
    const first = run("2026-Q2");
    const again = run("2026-Q2");
    const next = run("2026-Q3");
    addon.env.resetCounts();
    addon.call("highlightPeriod", "2026-Q3");
    const highlight = addon.env.count();
    addon.dispose();
    return { first, again, next, highlight };
  };
  console.log("\nChuẩn bị kỳ báo cáo, the sheet shared with every clerk (calls counted by the stand-ins):");
  console.log(
    "units".padEnd(7) +
      "run".padEnd(22) +
      "calls".padStart(7) +
      "Protection.*".padStart(14) +
      "batchUpdate".padStart(13) +
      "get".padStart(5) +
      "protections".padStart(13) +
      "ms".padStart(8),
  );
  for (const n of [200, 3000]) {
    const r = prepare(n);
    for (const [label, x] of [
      ["first (2026-Q2)", r.first],
      ["again (nothing new)", r.again],
      ["next quarter (Q3)", r.next],
    ] as const) {
      console.log(
        String(n).padEnd(7) +
          label.padEnd(22) +
          String(x.total).padStart(7) +
          String(x.protectionCalls).padStart(14) +
          String(x.batches).padStart(13) +
          String(x.gets).padStart(5) +
          String(x.protections).padStart(13) +
          x.ms.toFixed(0).padStart(8),
      );
    }
    console.log(`${String(n).padEnd(7)}highlightPeriod after it: ${r.highlight} calls`);
  }
}

// 7. The size guard: a small workbook with one cell at XFD1048576 is refused before exceljs walks it.
{
  const { default: JSZip } = await import("jszip");
  const { loadXlsx, XlsxTooLargeError } = await import("@cchc/gas-standins");
  const sample = join(root, "samples", "vinh-linh.xlsx");
  const zip = await JSZip.loadAsync(readFileSync(sample));
  const part = "xl/worksheets/sheet3.xml";
  const xml = await zip.file(part)!.async("string");
  zip.file(part, xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
  const far = join(dir, "far-cell.xlsx");
  writeFileSync(far, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const best = async (fn: () => Promise<unknown>) => {
    let ms = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await fn();
      ms = Math.min(ms, performance.now() - t0);
    }
    return ms;
  };
  const refused = await best(async () => {
    try {
      await loadXlsx(far);
      throw new Error("the far-cell workbook was not refused");
    } catch (e) {
      if (!(e instanceof XlsxTooLargeError)) throw e;
    }
  });
  const plain = await best(() => loadXlsx(sample));
  console.log(
    `\nSize guard: ${(statSync(far).size / 1024).toFixed(1)} KB workbook with one cell at XFD1048576 refused in ${refused.toFixed(1)} ms ` +
      `(loading the same sample without it: ${plain.toFixed(1)} ms; ${ratio(refused, plain)}); best of 5.`,
  );
}

// 8. Set-up from the national unit list for the largest province (Hồ Chí Minh City) through the bundle on
// the stand-ins, against set-up of the same three sheets without the list's rows (the plain baseline).
{
  const { startAddon } = await import("../src/local/runtime");
  const { fromList, parseUnitList } = await import("../src/core/setup");
  const listed = parseUnitList(readFileSync(join(root, "dist", "units.html"), "utf8"));
  const largest = [...listed.provinces].sort((a, b) => b.units.length - a.units.length)[0]!;
  const run = (withList: boolean) => {
    const a = startAddon();
    try {
      a.env.resetCounts();
      const t0 = performance.now();
      let rows = 0;
      if (withList) {
        const { list } = a.call<{ list: string }>("setupList");
        const answer = fromList(parseUnitList(list), "tỉnh", largest.name);
        if (!answer.ok) throw new Error(answer.message);
        rows = answer.units.length;
        a.call("setupSheets", "tỉnh", answer.name, JSON.parse(JSON.stringify(answer.units)));
      } else a.call("setupSheets", "tỉnh", largest.name.replace(/^Thành phố /, ""));
      const ms = performance.now() - t0;
      const byService = ["SpreadsheetApp", "HtmlService", "Utilities", "PropertiesService", "LockService", "Session"]
        .map((k) => `${k} ${a.env.count(k)}`)
        .join(", ");
      return {
        ms,
        rows,
        calls: [...a.env.calls.values()].reduce((n, c) => n + c, 0),
        byService,
        setValues: a.env.calls.get("Range.setValues") ?? 0,
      };
    } finally {
      a.dispose();
    }
  };
  const best = (withList: boolean) => {
    let r = run(withList);
    for (let i = 0; i < 4; i++) {
      const x = run(withList);
      if (x.ms < r.ms) r = x;
    }
    return r;
  };
  const plain = best(false);
  const full = best(true);
  const parse = time(() => parseUnitList(readFileSync(join(root, "dist", "units.html"), "utf8")), 5).ms;
  console.log(
    `\nSet-up from the national list, ${largest.name} (${largest.units.length} units; best of 5, through the bundle on the stand-ins):`,
  );
  console.log(
    `  ${full.rows} rows of Đơn vị in ${full.ms.toFixed(0)} ms against ${plain.ms.toFixed(0)} ms for the same sheets without them (${ratio(full.ms, plain.ms)}); ` +
      `parsing the list alone ${parse.toFixed(1)} ms`,
  );
  console.log(
    `  service calls: ${full.calls} with the list (${full.byService}; Range.setValues ${full.setValues}), ${plain.calls} without`,
  );
  const sizes = ["Code.js", "sidebar.html", "units.html"].map((f) => `${f} ${(statSync(join(root, "dist", f)).size / 1024).toFixed(1)} KB`);
  console.log(`  dist/: ${sizes.join(", ")} (only Code.js is loaded on every custom-function call)`);
}
// 9. A span: the annual report sums four quarters; against the report of its last quarter on the same workbook,
// each its own process (the quarter's evaluation runs once per quarter, plus the year before's for the comparison).
{
  const year = join(dir, "units-3000-quarters-2025.xlsx");
  await writeBenchWorkbook(year, 3000, quarters({ year: 2025, quarter: 4 }, 4));
  const run = (period: string) =>
    child([
      "cli",
      year,
      "--period",
      period,
      "--level",
      "tỉnh",
      "--name",
      "Thử",
      "--out",
      join(dir, `${period}.docx`),
      "--json",
      join(dir, `${period}.json`),
    ]);
  const load = child(["load", year]);
  const q4 = run("2025-Q4");
  const y = run("2025-Y");
  console.log(
    "\nThe annual report (2025-Y) against its last quarter's (2025-Q4), 3,000 units × 4 quarters; best of 3, each its own process:",
  );
  console.log(
    `  load ${load.ms.toFixed(0)} ms; 2025-Q4 ${q4.ms.toFixed(0)} ms (${ratio(q4.ms, load.ms)} the load); ` +
      `2025-Y ${y.ms.toFixed(0)} ms (${ratio(y.ms, load.ms)} the load, ${ratio(y.ms, q4.ms)} the quarter's); ` +
      `peak RSS ${mb(q4.rssMB)} / ${mb(y.rssMB)} (${ratio(y.rssMB, q4.rssMB)})`,
  );
  const { startAddon } = await import("../src/local/runtime");
  const { settingsFor } = await import("../src/core/settings");
  const { quangTriWorkbook } = await import("../src/local/samples/quang-tri");
  const qt = quangTriWorkbook();
  const calls: string[] = [];
  for (const period of ["2026-Q2", "2026-H1", "2025-Y"]) {
    const a = startAddon({
      sheets: { "Đơn vị": qt.units, "Chỉ tiêu": qt.targets, "Số liệu": qt.submissions },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Quảng Trị")) },
      today: new Date("2026-06-10T09:00:00+07:00"),
    });
    a.env.resetCounts();
    const t0 = performance.now();
    a.call("generateReport", period);
    const ms = performance.now() - t0;
    calls.push(
      `${period}: ${a.env.count("SpreadsheetApp")} SpreadsheetApp, ${a.docCount()} DocumentApp, ${a.env.count()} in all, ${ms.toFixed(0)} ms`,
    );
    a.dispose();
  }
  console.log(`  the province sample's report, service calls: ${calls.join("; ")}`);
}
rmSync(dir, { recursive: true, force: true });
