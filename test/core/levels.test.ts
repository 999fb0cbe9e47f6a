/**
 * Since 1 July 2025: provinces and communes, across the mergers. Level words,
 * settings defaults, units merged and split, who is expected in which
 * period, comparisons, and the two period rules at their boundaries.
 */
import { describe, expect, it } from "vitest";
import { reportingPeriod } from "../../src/core/functions";
import { periodBounds, reportingPeriodOfDay } from "../../src/core/period";
import { buildReport, reportText } from "../../src/core/report";
import { applyLevel, levelWords, loadSettings, parseSettings, settingsFor } from "../../src/core/settings";
import { evaluate, evaluateWithComparisons, readWorkbook, toJson } from "../../src/core/workbook";
import { goodRow, submissionRows, type SubmissionInput } from "../fixtures";
import { UNIT_COLUMNS } from "../../src/core/schema";

const Q2_2026 = { year: 2026, quarter: 2 } as const;

/** Units with optional successors and merger dates, in `Đơn vị`'s layout. */
function units(list: { code: string; name?: string; active?: boolean; successors?: string; on?: unknown }[]): unknown[][] {
  return [
    UNIT_COLUMNS.map((c) => c.header),
    ...list.map((u) => {
      const v: Record<string, unknown> = {
        code: u.code,
        name: u.name ?? `Xã ${u.code}`,
        kind: "Xã",
        editors: "",
        active: u.active ?? true,
        successors: u.successors ?? "",
        merged_on: u.on ?? "",
      };
      return UNIT_COLUMNS.map((c) => v[c.key]);
    }),
  ];
}

/** A row whose online payment is paid / fee. */
const pay = (unit: string, period: string, paid: number, fee: number): SubmissionInput =>
  goodRow(unit, period, { paid_online: paid, fee_dossiers: fee });

/**
 * Old communes A, B (merged into N on 01/07/2025) and S (split between N and M);
 * N and M are the new communes.
 */
const mergerUnits = units([
  { code: "A", active: false, successors: "N", on: "01/07/2025" },
  { code: "B", active: false, successors: "N", on: new Date(2025, 6, 1) },
  { code: "S", active: false, successors: "N, M", on: "01/07/2025" },
  { code: "N" },
  { code: "M" },
]);

function mergerBook(rows: SubmissionInput[]) {
  return readWorkbook({ units: mergerUnits, targets: null, submissions: submissionRows(rows) });
}

describe("level words", () => {
  it("a province report says 'tỉnh' and never 'huyện'", () => {
    const wb = mergerBook([pay("N", "2026-Q2", 10, 50), pay("M", "2026-Q2", 5, 50), pay("N", "2025-Q2", 1, 10)]);
    const s = settingsFor("tỉnh", "Quảng Trị");
    const text = reportText(
      buildReport({ evaluation: evaluateWithComparisons(wb, Q2_2026), settings: s, today: { year: 2026, month: 6, day: 20 } }),
    );
    expect(text).toMatch(/ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ/);
    expect(text).toContain("Ủy ban nhân dân tỉnh Quảng Trị báo cáo");
    expect(text).toContain("từ ngày 15/03/2026 đến ngày 14/06/2026");
    expect(text).toContain("Toàn tỉnh tiếp nhận");
    expect(text).toContain("Quảng Trị, ngày 20 tháng 6 năm 2026");
    expect(text).not.toMatch(/huyện/i);
  });
  it("a commune's words and defaults", () => {
    const s = settingsFor("xã", "Vĩnh Linh");
    expect(levelWords(s)).toMatchObject({
      whole: "Toàn xã",
      body: "xã Vĩnh Linh",
      committee: "Ủy ban nhân dân xã Vĩnh Linh",
      totalCode: "XÃ",
    });
    expect(s.issuingBody).toBe("ỦY BAN NHÂN DÂN XÃ VĨNH LINH");
    expect(s.recipients.join(" ")).not.toMatch(/huyện/i);
  });
  it("choosing a level fills the defaults and keeps what the user typed", () => {
    const typed = { ...settingsFor("huyện", "Vĩnh Linh"), signerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", signerName: "Lê Văn Bình" };
    const s = applyLevel(typed, "tỉnh", "Quảng Trị");
    expect(s).toMatchObject({ level: "tỉnh", name: "Quảng Trị", issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", place: "Quảng Trị" });
    expect(s.signerTitle).toBe(typed.signerTitle);
    expect(s.signerName).toBe("Lê Văn Bình");
    expect(s.recipients).toEqual(settingsFor("tỉnh", "Quảng Trị").recipients);
  });
  it("settings saved before levels existed read as a district's", () => {
    const old = JSON.stringify({
      ...settingsFor("huyện", "Gio Linh"),
      level: undefined,
      name: undefined,
      periodRule: undefined,
      district: "Gio Linh",
    });
    expect(loadSettings(old)).toMatchObject({ level: "huyện", name: "Gio Linh", periodRule: "15-14" });
  });
  it("a name typed with its level word is stored without it (no 'TỈNH TỈNH QUẢNG TRỊ')", () => {
    expect(parseSettings({ ...settingsFor("tỉnh", "Quảng Trị"), name: "Tỉnh Quảng Trị" }).name).toBe("Quảng Trị");
    expect(parseSettings({ ...settingsFor("xã", "Vĩnh Linh"), name: "xã Vĩnh Linh" }).name).toBe("Vĩnh Linh");
    expect(parseSettings({ ...settingsFor("huyện", "Xã Đoài"), name: "Xã Đoài" }).name).toBe("Xã Đoài");
  });
  it("settings of the wrong shape (a settings file) get Vietnamese messages, not zod's English", () => {
    const base = settingsFor("tỉnh", "Quảng Trị");
    expect(() => parseSettings({ ...base, recipients: "Sở Nội vụ" })).toThrow("Nơi nhận phải là danh sách các dòng.");
    expect(() => parseSettings({ ...base, signerName: 5 })).toThrow("Họ tên người ký phải là chữ.");
    expect(() => parseSettings(7)).toThrow(/^Thông tin báo cáo phải là một đối tượng/);
  });
  it("limits are checked in Vietnamese, including the 9 KB of a document property", () => {
    expect(() => parseSettings({ ...settingsFor("tỉnh", "Quảng Trị"), level: "quận" })).toThrow("Cấp báo cáo phải là tỉnh, xã hoặc huyện.");
    // 30 lines of 200 characters, each of three bytes in UTF-8: 18 KB.
    const long = Array.from({ length: 30 }, () => "ỗ".repeat(200));
    expect(() => parseSettings({ ...settingsFor("tỉnh", "Quảng Trị"), recipients: long })).toThrow(/quá giới hạn 9 KB/);
  });
});

describe("mergers and splits", () => {
  const rows = [
    // 2025-Q2: the old communes.
    pay("A", "2025-Q2", 3, 30),
    pay("B", "2025-Q2", 7, 20),
    pay("S", "2025-Q2", 9, 10),
    // 2026-Q1 and 2026-Q2: the new ones.
    pay("N", "2026-Q1", 12, 60),
    pay("M", "2026-Q1", 5, 25),
    pay("N", "2026-Q2", 20, 80),
    pay("M", "2026-Q2", 8, 40),
  ];
  const wb = mergerBook(rows);
  const ev = evaluateWithComparisons(wb, Q2_2026);

  it("a successor's year-ago value is its old units' Σ/Σ", () => {
    const n = ev.comparison!.units.get("N")!;
    expect(n.split).toBe(true); // S, split between N and M, existed a year ago
    const justMerged = readWorkbook({
      units: units([
        { code: "A", active: false, successors: "N", on: "01/07/2025" },
        { code: "B", active: false, successors: "N", on: "01/07/2025" },
        { code: "N" },
      ]),
      targets: null,
      submissions: submissionRows([pay("A", "2025-Q2", 3, 30), pay("B", "2025-Q2", 7, 20), pay("N", "2026-Q2", 20, 80)]),
    });
    const merged = evaluateWithComparisons(justMerged, Q2_2026);
    expect(merged.comparison!.units.get("N")!.yearAgo.online_payment_rate).toBe((3 + 7) / (30 + 20));
    expect(merged.comparison!.units.get("N")!.split).toBe(false);
    expect(toJson(merged).units[0]!.indicators.online_payment_rate.year_ago).toBe(0.2);
  });
  it("a unit formed by a split has no comparison, and the report says so", () => {
    const m = ev.comparison!.units.get("M")!;
    expect(m.split).toBe(true);
    expect(m.yearAgo.online_payment_rate).toBeNull();
    expect(toJson(ev).units.find((u) => u.unit === "M")).toMatchObject({ comparison_note: "không so sánh được do chia tách" });
    const text = reportText(
      buildReport({ evaluation: ev, settings: settingsFor("tỉnh", "Quảng Trị"), today: { year: 2026, month: 6, day: 20 } }),
    );
    expect(text).toContain("Không so sánh được do chia tách");
  });
  it("the previous quarter of a new unit is its own", () => {
    expect(ev.comparison!.units.get("M")!.previous.online_payment_rate).toBe(5 / 25);
  });
  it("the total compares with every unit of the earlier period", () => {
    expect(ev.comparison!.total.yearAgo.online_payment_rate).toBe((3 + 7 + 9) / (30 + 20 + 10));
    expect(ev.comparison!.total.previous.online_payment_rate).toBe((12 + 5) / (60 + 25));
  });
  it("who is expected: old units until the merger, new ones from the period that contains it", () => {
    expect(evaluate(wb, { year: 2025, quarter: 2 }).missing_units).toEqual([]); // A, B, S inactive; N, M not formed yet
    const all = readWorkbook({
      units: units([{ code: "A", successors: "N", on: "01/07/2025" }, { code: "N" }]),
      targets: null,
      submissions: submissionRows([pay("A", "2025-Q2", 1, 2)]),
    });
    expect(evaluate(all, { year: 2025, quarter: 2 }).missing_units).toEqual([]); // N not formed: 2025-Q2 ends 14/06/2025
    expect(evaluate(all, { year: 2025, quarter: 3 }).missing_units).toEqual(["N"]); // A merged away in 2025-Q3 (15/06–14/09)
  });
  it("a row of a unit in a period after its merger is an error and is not counted", () => {
    const late = mergerBook([...rows, pay("A", "2026-Q2", 1, 1)]);
    const e = evaluate(late, Q2_2026);
    const f = e.findings.find((x) => x.rule === "merged_away")!;
    expect(f).toMatchObject({ severity: "error", unit: "A", sheet: "Số liệu" });
    expect(f.message).toContain("đã sáp nhập vào N từ ngày 01/07/2025");
    expect(e.units.map((u) => u.unit)).toEqual(["N", "M"]);
  });
  it("unknown successors, mergers without a date, a unit merged into itself and cycles are findings on Đơn vị", () => {
    const bad = readWorkbook({
      units: units([
        { code: "A", successors: "ZZ", on: "01/07/2025" },
        { code: "B", successors: "N" },
        { code: "C", successors: "C", on: "01/07/2025" },
        { code: "D", successors: "E", on: "01/07/2025" },
        { code: "E", successors: "D", on: "01/07/2025" },
        { code: "N" },
      ]),
      targets: null,
      submissions: submissionRows([goodRow("N", "2026-Q2")]),
    });
    const found = bad.sheetFindings.map((f) => [f.rule, f.unit, f.sheet]);
    expect(found).toContainEqual(["unknown_successor", "A", "Đơn vị"]);
    expect(found).toContainEqual(["merger_without_date", "B", "Đơn vị"]);
    expect(found).toContainEqual(["merger_cycle", "C", "Đơn vị"]);
    expect(
      found
        .filter((f) => f[0] === "merger_cycle")
        .map((f) => f[1])
        .sort(),
    ).toEqual(["C", "D", "E"]);
    expect(bad.sheetFindings.find((f) => f.rule === "unknown_successor")!.cell).toMatch(/^F\d+$/);
  });
});

describe("period rules at their boundaries", () => {
  it("15-14: 14 March is Q1, 15 March is Q2, 15 December is next year's Q1", () => {
    expect(reportingPeriodOfDay(2023, 3, 14)).toEqual({ year: 2023, quarter: 1 });
    expect(reportingPeriodOfDay(2023, 3, 15)).toEqual({ year: 2023, quarter: 2 });
    expect(reportingPeriodOfDay(2022, 12, 15)).toEqual({ year: 2023, quarter: 1 });
    expect(periodBounds({ year: 2026, quarter: 2 })).toEqual({ start: [2026, 3, 15], end: [2026, 6, 14] });
  });
  it("calendar: 31 March is Q1, 1 April is Q2", () => {
    expect(reportingPeriodOfDay(2023, 3, 31, "calendar")).toEqual({ year: 2023, quarter: 1 });
    expect(reportingPeriodOfDay(2023, 4, 1, "calendar")).toEqual({ year: 2023, quarter: 2 });
    expect(reportingPeriodOfDay(2022, 12, 31, "calendar")).toEqual({ year: 2022, quarter: 4 });
    expect(periodBounds({ year: 2024, quarter: 1 }, "calendar")).toEqual({ start: [2024, 1, 1], end: [2024, 3, 31] });
  });
  it("REPORTING_PERIOD reads the day in the spreadsheet's time zone, whatever the script's", () => {
    // 15/03/2023 00:00 in Hà Nội is 14/03/2023 17:00 UTC: a script running in UTC must still say Q2.
    const midnightHanoi = new Date(Date.UTC(2023, 2, 14, 17, 0, 0));
    const hanoiDay = (d: Date) => {
      const t = new Date(d.getTime() + 7 * 3600 * 1000);
      return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()] as [number, number, number];
    };
    expect(reportingPeriod(midnightHanoi, undefined, hanoiDay)).toBe("2023-Q2");
    expect(reportingPeriod(midnightHanoi, "15-14", (d) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()])).toBe("2023-Q1");
    expect(reportingPeriod(new Date(Date.UTC(2023, 2, 31, 17)), "calendar", hanoiDay)).toBe("2023-Q2");
    expect(() => reportingPeriod("14/03/2023", "quý âm lịch")).toThrow(/Cách tính kỳ "quý âm lịch" không hợp lệ/);
    expect(() => reportingPeriod(new Date(Date.UTC(1850, 0, 1)))).toThrow(/ngoài các năm 1900–9999/);
  });
  it("the JSON's bounds follow the rule", () => {
    const wb = mergerBook([pay("N", "2026-Q2", 1, 2)]);
    expect(toJson(evaluate(wb, Q2_2026), settingsFor("tỉnh", "Quảng Trị"))).toMatchObject({
      period_start: "2026-03-15",
      period_end: "2026-06-14",
    });
    expect(toJson(evaluate(wb, Q2_2026, "calendar"), { ...settingsFor("tỉnh", "Quảng Trị"), periodRule: "calendar" })).toMatchObject({
      period_start: "2026-04-01",
      period_end: "2026-06-30",
    });
  });
});
