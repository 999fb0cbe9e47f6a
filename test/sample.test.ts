/**
 * The committed sample workbooks are what scripts/make-sample.ts writes from
 * their generators (src/local/samples/vinh-linh.ts, src/local/samples/quang-tri.ts), and
 * the province sample holds what SPEC "Samples" promises: the 78 new units,
 * the departments and the centre; the old communes with their successors and
 * the merger date; the split; the quarters; every validation rule holding but
 * the findings made on purpose; one unit missing in 2026-Q2.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx } from "@cchc/gas-standins";
import { sampleWorkbook, SAMPLE_UNITS, type SampleWorkbook } from "../src/local/samples/vinh-linh";
import {
  CENTRE,
  DEPARTMENTS,
  FINDINGS,
  MISSING_UNIT,
  OLD_CODE_SUFFIX,
  QT_CURRENT,
  QT_FIRST,
  QT_PERIODS,
  quangTriWorkbook,
  UNITS_DATA,
} from "../src/local/samples/quang-tri";
import { INDICATORS } from "../src/core/catalogue";
import { HT_MISSING, HT_PERIOD, provinceWorkbook } from "../src/local/samples/province";
import { setUpNew } from "../src/local/workbook/new";
import { startAddon } from "../src/local/runtime";
import { settingsFor } from "../src/core/settings";
import type { ValidationView } from "../src/core/view";
import { periodBounds, parsePeriod } from "../src/core/period";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS, SUBMISSION_COLUMNS, UNIT_COLUMNS, type SubmissionKey } from "../src/core/schema";
import { readFileSync } from "node:fs";

const SAMPLES = join(__dirname, "..", "samples");

/** A Date cell as its calendar day: the generator writes UTC midnight, a loaded sheet gives midnight in its time zone. */
function days(rows: unknown[][], timeZone: string): unknown[][] {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return rows.map((r) => r.map((v) => (v instanceof Date ? `day ${fmt.format(v)}` : v)));
}

async function expectCommitted(file: string, expected: SampleWorkbook): Promise<void> {
  const book = await loadXlsx(join(SAMPLES, file));
  const read = (name: string) => days(book.getSheetByName(name)!.getDataRange().getValues(), book.getSpreadsheetTimeZone());
  expect(book.getSheets().map((s) => s.getName())).toEqual([SHEET_UNITS, SHEET_TARGETS, SHEET_SUBMISSIONS]);
  expect(read(SHEET_UNITS)).toEqual(days(expected.units, "UTC"));
  expect(read(SHEET_TARGETS)).toEqual(expected.targets);
  expect(read(SHEET_SUBMISSIONS)).toEqual(expected.submissions);
}

describe("the committed sample workbooks", () => {
  it("vinh-linh.xlsx matches its generator (run npm run sample after changing src/local/samples/vinh-linh.ts)", async () => {
    await expectCommitted("vinh-linh.xlsx", sampleWorkbook());
  });
  it("quang-tri-2026.xlsx matches its generator (run npm run sample after changing src/local/samples/quang-tri.ts)", async () => {
    await expectCommitted("quang-tri-2026.xlsx", quangTriWorkbook());
  });
  it("ha-tinh-2026.xlsx matches its generator (run npm run sample after changing src/local/samples/province.ts or set-up)", async () => {
    await expectCommitted("ha-tinh-2026.xlsx", provinceWorkbook());
  });
  it("the district is of the size of Vĩnh Linh with two quarters", () => {
    expect(SAMPLE_UNITS).toHaveLength(25);
    const periods = new Set(
      sampleWorkbook()
        .submissions.slice(1)
        .map((r) => r[0]),
    );
    expect([...periods]).toEqual(["2022-Q4", "2023-Q1", "Quý I/2023"]);
  });
});

// ---------------------------------------------------------------------------
// The province sample's design, read back from the arrays the workbook is written from.

const wb = quangTriWorkbook();
const source = JSON.parse(readFileSync(UNITS_DATA, "utf8")) as {
  units: { code: string; name: string; kind: string; merged_from: { code: string; name: string; whole: boolean }[] }[];
};

interface UnitRow {
  code: string;
  name: string;
  kind: string;
  active: boolean;
  successors: string[];
  mergedOn: Date | "";
}
const unitHeader = wb.units[0] as string[];
const ucol = (key: string) => unitHeader.indexOf(UNIT_COLUMNS.find((c) => c.key === key)!.header);
const units: UnitRow[] = wb.units.slice(1).map((r) => ({
  code: String(r[ucol("code")]),
  name: String(r[ucol("name")]),
  kind: String(r[ucol("kind")]),
  active: r[ucol("active")] === true,
  successors: String(r[ucol("successors")])
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  mergedOn: r[ucol("merged_on")] as Date | "",
}));
const unitByCode = new Map(units.map((u) => [u.code, u]));

type Row = Record<SubmissionKey, unknown>;
const rows: Row[] = wb.submissions.slice(1).map((r) => Object.fromEntries(SUBMISSION_COLUMNS.map((c, i) => [c.key, r[i]])) as Row);
const rowsOf = (period: string) => rows.filter((r) => r.period === period);
const num = (v: unknown) => (typeof v === "number" ? v : Number.NaN);
const sum = (r: Row, keys: SubmissionKey[]) => keys.reduce((a, k) => a + num(r[k]), 0);
const RECEIVED: SubmissionKey[] = ["received_online", "received_direct", "received_carried"];
const RESOLVED: SubmissionKey[] = ["resolved_early", "resolved_ontime", "resolved_late"];
const PENDING: SubmissionKey[] = ["pending_within", "pending_overdue"];

const L = (...k: SubmissionKey[]) => k;
/** SPEC's validation rules, restated: [id, left, "=" or "≤", right]; a rule over an unreadable or blank cell is not checked. */
const RULES: [string, SubmissionKey[], "=" | "≤", SubmissionKey[]][] = [
  ["received_total", L("received_total"), "=", RECEIVED],
  ["resolved_total", L("resolved_total"), "=", RESOLVED],
  ["pending_total", L("pending_total"), "=", PENDING],
  ["received_balance", RECEIVED, "=", [...RESOLVED, ...PENDING]],
  ["online_le_service", L("received_online"), "≤", L("online_service_dossiers")],
  ["paid_le_fee", L("paid_online"), "≤", L("fee_dossiers")],
  ["digitized_le_received", L("digitized"), "≤", L("received_online", "received_direct")],
  ["signed_le_issued", L("documents_signed"), "≤", L("documents_issued")],
  ["e_records_le_records", L("work_records_electronic"), "≤", L("work_records")],
  ["full_online_le_online", L("received_online_full"), "≤", L("received_online")],
  ["results_digitized_le_resolved", L("results_digitized"), "≤", RESOLVED],
  ["satisfied_le_ratings", L("ratings_satisfied"), "≤", L("ratings")],
  ["apologies_gt_overdue", L("apologies"), "≤", L("resolved_late", "pending_overdue")],
  ["disbursed_gt_plan", L("investment_disbursed"), "≤", L("investment_plan")],
];

/** The rules a row breaks (cell errors as not_a_number); a unit code outside `known` is unknown_unit. */
function brokenRules(r: Row, known: ReadonlySet<string> | ReadonlyMap<string, unknown> = unitByCode): string[] {
  const broken: string[] = [];
  if (!known.has(String(r.unit))) broken.push("unknown_unit");
  for (const c of SUBMISSION_COLUMNS) {
    if (c.kind !== "count" && c.kind !== "amount") continue;
    const v = r[c.key];
    if (v === "" && !c.required) continue;
    if (typeof v !== "number" || v < 0 || (c.kind === "count" && !Number.isInteger(v))) broken.push("not_a_number");
  }
  for (const [id, left, op, right] of RULES) {
    if (![...left, ...right].every((k) => typeof r[k] === "number")) continue;
    const a = sum(r, left);
    const b = sum(r, right);
    if (op === "=" ? a !== b : a > b) broken.push(id);
  }
  return [...new Set(broken)];
}

/** SPEC "Đơn vị": a unit with successors is expected in periods that end before its date; a successor from the period containing it. */
function expectedIn(period: string): Set<string> {
  const p = parsePeriod(period)!;
  const { end } = periodBounds(p, "15-14");
  const key = (d: number[]) => d[0]! * 10000 + d[1]! * 100 + d[2]!;
  const dayOf = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const successorFrom = new Map<string, Date>();
  for (const u of units) for (const s of u.successors) successorFrom.set(s, u.mergedOn as Date);
  const out = new Set<string>();
  for (const u of units) {
    if (u.successors.length) {
      if (key(end) < key(dayOf(u.mergedOn as Date))) out.add(u.code);
      continue;
    }
    const from = successorFrom.get(u.code);
    if (from && key(end) < key(dayOf(from))) continue;
    if (u.active) out.add(u.code);
  }
  return out;
}

describe("the province sample (samples/quang-tri-2026.xlsx)", () => {
  it("has the 78 new units of the data, the departments and the centre, all active", () => {
    const active = units.filter((u) => u.active);
    expect(active).toHaveLength(78 + DEPARTMENTS.length + 1);
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(14);
    for (const s of source.units)
      expect(unitByCode.get(s.code)).toMatchObject({ name: s.name, kind: s.kind, active: true, successors: [] });
    expect(active.filter((u) => u.kind === "Sở, ban, ngành").map((u) => u.name)).toContain("Sở Nội vụ");
    expect(unitByCode.get(CENTRE.code)).toMatchObject({ name: "Trung tâm Phục vụ hành chính công tỉnh", kind: "Trung tâm PVHCC" });
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
  });

  it("has every old unit, inactive, merged into successors in the sheet from 01/07/2025; a kept code is marked", () => {
    const old = units.filter((u) => !u.active);
    const sourceOld = new Set(source.units.flatMap((s) => s.merged_from.map((o) => o.code)));
    expect(old).toHaveLength(sourceOld.size);
    expect(old.length).toBe(265);
    for (const u of old) {
      expect(u.successors.length).toBeGreaterThan(0);
      for (const s of u.successors) expect(unitByCode.get(s)?.active).toBe(true);
      expect(u.mergedOn).toEqual(new Date(Date.UTC(2025, 6, 1)));
    }
    expect(unitByCode.get(`19363${OLD_CODE_SUFFIX}`)).toMatchObject({ name: "Thị trấn Hồ Xá", kind: "Thị trấn", successors: ["19363"] });
    expect(unitByCode.get("19363")!.name).toBe("Xã Vĩnh Linh");
    expect(old.filter((u) => u.code.endsWith(OLD_CODE_SUFFIX))).toHaveLength(77);
  });

  it("splits the old units the data splits: Xã Quảng Tiến between Xã Trung Thuần and Xã Nam Ba Đồn", () => {
    // The data (Resolution 1680/NQ-UBTVQH15) has one old unit divided among several new ones.
    const split = units.filter((u) => u.successors.length > 1);
    expect(split.map((u) => [u.code, u.name, u.successors])).toEqual([["19039", "Xã Quảng Tiến", ["19030", "19075"]]]);
  });

  it("has 2025-Q1 and 2025-Q2 for the old units and the departments, 2025-Q3 to 2026-Q3 for every active unit", () => {
    expect([...new Set(rows.map((r) => r.period))]).toEqual([QT_FIRST, ...QT_PERIODS]);
    const counts = Object.fromEntries([QT_FIRST, ...QT_PERIODS].map((p) => [p, rowsOf(p).length]));
    expect(counts).toEqual({
      "2025-Q1": 265 + 16,
      "2025-Q2": 265 + 16,
      "2025-Q3": 94,
      "2025-Q4": 94,
      "2026-Q1": 94,
      "2026-Q2": 94,
      "2026-Q3": 94,
    });
    // What 2025-Q1 leaves pending is what 2025-Q2 carries in, unit by unit.
    for (const r of rowsOf(QT_FIRST)) {
      const next = rowsOf("2025-Q2").find((x) => x.unit === r.unit)!;
      expect(sum(r, ["pending_within", "pending_overdue"]), String(r.unit)).toBe(Number(next.received_carried));
    }
    for (const p of [QT_FIRST, ...QT_PERIODS]) {
      const expected = expectedIn(p);
      const got = new Set(rowsOf(p).map((r) => String(r.unit)));
      const missing = [...expected].filter((c) => !got.has(c));
      const unexpected = [...got].filter((c) => !expected.has(c));
      expect({ p, missing, unexpected }).toEqual({
        p,
        missing: p === QT_CURRENT ? [MISSING_UNIT] : [],
        unexpected: p === QT_CURRENT ? ["SGTVT"] : [],
      });
    }
  });

  it("keeps every validation rule but the findings made on purpose in 2026-Q2", () => {
    const broken = rows.flatMap((r) => brokenRules(r).map((rule) => `${r.period} ${r.unit} ${rule}`));
    expect(broken.sort()).toEqual(FINDINGS.map((f) => `${QT_CURRENT} ${f.unit} ${f.rule}`).sort());
    expect(FINDINGS.filter((f) => f.severity === "error").length).toBeGreaterThanOrEqual(3);
    expect(FINDINGS.some((f) => f.rule === "disbursed_gt_plan")).toBe(true);
  });

  it("has varied, plausible figures: no two units alike, sizes by kind, rates rising", () => {
    for (const p of QT_PERIODS) {
      const figures = rowsOf(p).map((r) =>
        JSON.stringify(SUBMISSION_COLUMNS.filter((c) => c.kind === "count" || c.kind === "amount").map((c) => r[c.key])),
      );
      expect(new Set(figures).size).toBe(figures.length);
    }
    const received = (r: Row) => sum(r, ["received_online", "received_direct"]);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const q = rowsOf(QT_CURRENT);
    const ofKind = (kind: string) => q.filter((r) => unitByCode.get(String(r.unit))?.kind === kind);
    expect(median(ofKind("Phường").map(received))).toBeGreaterThan(2 * median(ofKind("Xã").map(received)));
    expect(received(q.find((r) => r.unit === "19588") ?? q.find((r) => r.unit === "19489")!)).toBeLessThan(
      median(ofKind("Xã").map(received)),
    );
    const centre = received(q.find((r) => r.unit === CENTRE.code)!);
    expect(q.every((r) => r.unit === CENTRE.code || received(r) < centre)).toBe(true);
    const share = (rs: Row[], num_: SubmissionKey, den: SubmissionKey[]) =>
      rs.reduce((a, r) => a + num(r[num_]), 0) / rs.reduce((a, r) => a + sum(r, den), 0);
    expect(share(ofKind("Sở, ban, ngành"), "received_online", ["received_online", "received_direct"])).toBeGreaterThan(
      share(ofKind("Xã"), "received_online", ["received_online", "received_direct"]),
    );
    for (const [n, d] of [
      ["received_online", ["received_online", "received_direct"]],
      ["digitized", ["received_online", "received_direct"]],
      ["results_digitized", RESOLVED],
    ] as [SubmissionKey, SubmissionKey[]][]) {
      const byQuarter = QT_PERIODS.map((p) => share(rowsOf(p), n, d));
      for (let i = 1; i < byQuarter.length; i++) expect(byQuarter[i]).toBeGreaterThan(byQuarter[i - 1]!);
    }
  });

  it("compares 2026-Q2 sensibly with the old communes' 2025-Q2 across the merger", () => {
    const received = (rs: Row[]) => rs.reduce((a, r) => a + sum(r, ["received_online", "received_direct"]), 0);
    const isOld = (r: Row) => !unitByCode.get(String(r.unit))!.active;
    const isNew = (r: Row) => source.units.some((s) => s.code === r.unit);
    const before = received(rowsOf("2025-Q2").filter(isOld));
    const after = received(rowsOf("2026-Q2").filter(isNew));
    expect(after / before).toBeGreaterThan(0.9);
    expect(after / before).toBeLessThan(1.3);
    // Xã Vĩnh Linh against Thị trấn Hồ Xá, Xã Vĩnh Chấp and Xã Vĩnh Long.
    const vl = received(rowsOf("2026-Q2").filter((r) => r.unit === "19363"));
    const olds = received(rowsOf("2025-Q2").filter((r) => ["19363-CU", "19375", "19387"].includes(String(r.unit))));
    expect(vl / olds).toBeGreaterThan(0.85);
    expect(vl / olds).toBeLessThan(1.35);
  });

  it("leaves one unit without a 2026-Q2 row, explains a few shortfalls and sets 2026 targets with their basis", () => {
    expect(rowsOf(QT_CURRENT).some((r) => r.unit === MISSING_UNIT)).toBe(false);
    expect(rowsOf("2026-Q3").some((r) => r.unit === MISSING_UNIT)).toBe(true);
    expect(rowsOf(QT_CURRENT).filter((r) => r.explanation !== "").length).toBeGreaterThanOrEqual(4);
    expect(rowsOf(QT_CURRENT).every((r) => typeof r.period === "string")).toBe(true);
    const targets2026 = wb.targets.slice(1).filter((t) => t[1] === 2026);
    expect(targets2026.map((t) => t[0])).toEqual(INDICATORS.map((d) => d.code));
    for (const t of targets2026) expect(String(t[3])).toMatch(/2026.*\(mẫu\)/);
    const target = (code: string) => targets2026.find((t) => t[0] === code)![2];
    expect(target("online_payment_rate")).toBeGreaterThanOrEqual(0.5);
    expect(target("ontime_rate")).toBe(1);
    expect(target("overdue_dossiers")).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// The district sample's design (samples/vinh-linh.xlsx, read back by the first test above from the same arrays).

describe("the district sample (samples/vinh-linh.xlsx)", () => {
  const district = sampleWorkbook();
  const known = new Set(SAMPLE_UNITS.map((u) => u.code));
  /** Its rows with the period as an id ("Quý I/2023" is 2023-Q1) and a count typed as text digits as the number SPEC reads. */
  const drows: Row[] = district.submissions.slice(1).map((r) => {
    const row = Object.fromEntries(
      SUBMISSION_COLUMNS.map((c, i) => [c.key, typeof r[i] === "string" && /^\d+$/.test(r[i] as string) ? Number(r[i]) : r[i]]),
    ) as Row;
    const p = parsePeriod(String(row.period))!;
    return { ...row, period: `${p.year}-Q${p.quarter}` };
  });
  const periodRows = (period: string) => drows.filter((r) => r.period === period);
  const FORM06 = SUBMISSION_COLUMNS.filter((c) => "form06" in c).map((c) => c.key);
  const totals = (period: string, keys: SubmissionKey[]) => keys.map((k) => periodRows(period).reduce((a, r) => a + num(r[k]), 0));

  it("has varied figures: no two units of a quarter report the same form 06 figures", () => {
    expect(FORM06).toHaveLength(11);
    for (const p of ["2022-Q4", "2023-Q1"]) {
      const tuples = periodRows(p).map((r) => JSON.stringify(FORM06.map((k) => r[k])));
      const alike = tuples.filter((t, i) => tuples.indexOf(t) !== i);
      expect({ p, alike }).toEqual({ p, alike: [] });
      expect(tuples.length).toBe(p === "2023-Q1" ? 24 : 25);
    }
  });

  it("adds up to the source's district figures: 5.254 received, 221 online, 59/1.000 paid online, 15 + 8 overdue, 9 apologies", () => {
    expect(totals("2023-Q1", FORM06)).toEqual([5254, 221, 4779, 254, 4822, 1444, 3363, 15, 432, 424, 8]);
    expect(totals("2023-Q1", ["fee_dossiers", "paid_online", "apologies"])).toEqual([1000, 59, 9]);
    expect(totals("2022-Q4", ["received_online", "received_direct", "fee_dossiers", "paid_online", "apologies"])).toEqual([
      180, 4620, 950, 39, 12,
    ]);
    expect(totals("2022-Q4", ["resolved_late", "pending_overdue"]).reduce((a, b) => a + b)).toBe(30);
  });

  it("sizes units plausibly: the district town Hồ Xá receives the most, the mountain communes the least", () => {
    const received = (r: Row) => sum(r, ["received_online", "received_direct"]);
    for (const p of ["2022-Q4", "2023-Q1"]) {
      const byReceived = periodRows(p)
        .sort((a, b) => received(b) - received(a))
        .map((r) => String(r.unit));
      expect(byReceived[0]).toBe("HOXA");
      expect(byReceived.slice(-3)).toEqual(expect.arrayContaining(["VINHHA", "VINHKHE"]));
    }
  });

  it("keeps every validation rule but the findings made on purpose in 2023-Q1", () => {
    const broken = drows.flatMap((r) => brokenRules(r, known).map((rule) => `${r.period} ${r.unit} ${rule}`));
    expect(broken.sort()).toEqual(
      [
        "2023-Q1 HOXA signed_le_issued",
        "2023-Q1 VINHTU e_records_le_records",
        "2023-Q1 VINHHA not_a_number",
        "2023-Q1 VINHKHE disbursed_gt_plan",
      ].sort(),
    );
  });
});

describe("the second province sample (samples/ha-tinh-2026.xlsx), set up by the add-on", () => {
  const wb = provinceWorkbook();
  it("its Đơn vị is what Thiết lập bảng tính writes for Hà Tĩnh, and its Chỉ tiêu begins with set-up's rows", () => {
    const { addon } = setUpNew("tỉnh", "Hà Tĩnh");
    try {
      const zone = addon.env.spreadsheet.getSpreadsheetTimeZone();
      // Dates of the add-on's realm as this realm's (days() tells dates by instanceof).
      const host = (v: unknown) => (Object.prototype.toString.call(v) === "[object Date]" ? new Date((v as Date).getTime()) : v);
      const written = addon.env
        .values(SHEET_UNITS)
        .filter((r, i) => i === 0 || r[0] !== "")
        .map((r) => r.map(host));
      expect(days(wb.units, "UTC")).toEqual(days(written, zone));
      const targets = addon.env.values(SHEET_TARGETS).filter((r) => r[0] !== "");
      expect(wb.targets.slice(0, targets.length)).toEqual(targets);
    } finally {
      addon.dispose();
    }
    expect(wb.units.slice(1).filter((r) => r[4] === true)).toHaveLength(69 + 16);
  });
  it("one quarter of figures, every active unit but one, no error: the generator's rules hold here too", () => {
    const periods = new Set(wb.submissions.slice(1).map((r) => r[0]));
    expect([...periods]).toEqual([HT_PERIOD]);
    const a = startAddon({
      sheets: { [SHEET_UNITS]: wb.units, [SHEET_TARGETS]: wb.targets, [SHEET_SUBMISSIONS]: wb.submissions },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Hà Tĩnh")) },
    });
    try {
      const v = a.call<ValidationView>("validatePeriod", HT_PERIOD);
      expect(v.errorCount).toBe(0);
      expect(v.missing).toEqual([{ code: HT_MISSING, name: "Xã Sơn Kim 2" }]);
      expect([v.submitted, v.expected]).toEqual([84, 85]);
      // Not a copy of Quảng Trị: its own figures, some indicators met and some not.
      const met = v.indicators.map((i) => i.met);
      expect(met).toContain(true);
      expect(met).toContain(false);
    } finally {
      a.dispose();
    }
  });
});
