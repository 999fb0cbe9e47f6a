/**
 * Six-month, nine-month and annual reports through the built add-on on the
 * stand-ins and the command line (SPEC "Six-month, nine-month and annual
 * reports"): the merger year 2025-Y on the province sample, the report worded
 * for the span, the sidebar's list, and the actions that work by quarter.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../src/core/catalogue";
import { settingsFor } from "../src/core/settings";
import { readWorkbook, type toJson } from "../src/core/workbook";
import { startAddon, type LocalAddon } from "../src/local/runtime";
import { quangTriWorkbook } from "../src/local/samples/quang-tri";
import { goodRow, submissionRows, unitRows } from "./fixtures";
import { disposeAfterEach, snapshot } from "./helpers/addon";

type Json = ReturnType<typeof toJson> & { incomplete_units?: { unit: string; quarters: string[]; lacking: string[] }[] };

const track = disposeAfterEach();
const QT = quangTriWorkbook();
const OWNER = "vanphong@quangtri.example.vn";
function province(today = new Date("2026-06-10T09:00:00+07:00")): LocalAddon {
  return track(
    startAddon({
      sheets: { "Đơn vị": QT.units, "Chỉ tiêu": QT.targets, "Số liệu": QT.submissions },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Quảng Trị")) },
      ownerEmail: OWNER,
      userEmail: OWNER,
      today,
    }),
  );
}
const docText = (a: LocalAddon) => JSON.stringify(a.documents.at(-1)).replace(/\\"/g, '"');
const wb = readWorkbook({ units: QT.units, targets: QT.targets, submissions: QT.submissions });
const Q2025 = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];

describe("2025-Y across the 1 July 2025 merger, on the province sample", () => {
  const a = province();
  const year = a.call<Json>("periodResults", "2025-Y");
  const quarters = Q2025.map((q) => a.call<Json>("periodResults", q));
  const unit = (j: Json, code: string) => j.units.find((u) => u.unit === code);
  const num = (j: Json, code: string, ind: (typeof INDICATORS)[number]["code"]) => unit(j, code)?.indicators[ind].numerator ?? 0;
  const den = (j: Json, code: string, ind: (typeof INDICATORS)[number]["code"]) => unit(j, code)?.indicators[ind].denominator ?? 0;

  it("the year's dates, and every unit of the year's end is there and complete", () => {
    expect([year.period, year.period_start, year.period_end]).toEqual(["2025-Y", "2024-12-15", "2025-12-14"]);
    expect(year.units.map((u) => u.unit).sort()).toEqual(quarters[3]!.units.map((u) => u.unit).sort());
    expect(year.units).toHaveLength(94);
    expect(year.missing_units).toEqual([]);
    expect(year.incomplete_units).toEqual([]);
    // The old communes submitted 2025-Q1 and Q2; none of them is a unit of the year.
    expect(quarters[0]!.units).toHaveLength(265 + 16);
    const old = new Set(wb.units.filter((u) => u.successors.length).map((u) => u.code));
    expect(year.units.filter((u) => old.has(u.unit))).toEqual([]);
  });
  it("the province's total is the sum of the four quarters': old units for Q1–Q2, their successors for Q3–Q4", () => {
    for (const q of quarters) for (const d of INDICATORS) expect(q.total.indicators[d.code].excluded_units).toEqual([]);
    for (const d of INDICATORS) {
      const t = year.total.indicators[d.code];
      expect(t.numerator, d.code).toBe(quarters.reduce((s, q) => s + (q.total.indicators[d.code].numerator ?? 0), 0));
      if (d.unit === "rate") {
        expect(t.denominator, d.code).toBe(quarters.reduce((s, q) => s + (q.total.indicators[d.code].denominator ?? 0), 0));
        expect(t.value).toBeCloseTo(t.numerator! / t.denominator!, 12);
      }
    }
  });
  it("a unit formed by a whole merger carries its predecessors' quarters before 1 July and its own after", () => {
    const whole = wb.units.find((u) => {
      const preds = wb.predecessors.get(u.code) ?? [];
      return preds.length > 1 && preds.every((p) => p.successors.length === 1);
    })!;
    const preds = wb.predecessors.get(whole.code)!.map((p) => p.code);
    for (const d of INDICATORS.filter((x) => x.unit === "rate")) {
      const before = [0, 1].reduce((s, i) => s + preds.reduce((t, p) => t + num(quarters[i]!, p, d.code), 0), 0);
      const after = [2, 3].reduce((s, i) => s + num(quarters[i]!, whole.code, d.code), 0);
      expect(num(year, whole.code, d.code), `${whole.name} ${d.code}`).toBe(before + after);
      const denBefore = [0, 1].reduce((s, i) => s + preds.reduce((t, p) => t + den(quarters[i]!, p, d.code), 0), 0);
      expect(den(year, whole.code, d.code)).toBe(denBefore + den(quarters[2]!, whole.code, d.code) + den(quarters[3]!, whole.code, d.code));
    }
    expect(unit(year, whole.code)).not.toHaveProperty("comparison_note");
  });
  it("a unit split between two successors counts in the total only; the successors say so", () => {
    const split = wb.units.find((u) => u.successors.length > 1)!;
    expect(split.name).toBe("Xã Quảng Tiến");
    for (const s of split.successors) {
      const whole = (wb.predecessors.get(s) ?? []).filter((p) => p.successors.length === 1).map((p) => p.code);
      const before = [0, 1].reduce((t, i) => t + whole.reduce((x, p) => x + num(quarters[i]!, p, "online_submission_rate"), 0), 0);
      const after = num(quarters[2]!, s, "online_submission_rate") + num(quarters[3]!, s, "online_submission_rate");
      expect(num(year, s, "online_submission_rate")).toBe(before + after);
      expect(unit(year, s)!.comparison_note).toBe("không so sánh được do chia tách");
    }
    // Its quarters are in the province's total (the total equals the sum of the quarters, checked above, and they include it).
    expect(num(quarters[0]!, split.code, "online_submission_rate")).toBeGreaterThan(0);
  });
  it("2026-H1 compares with 2025-H1: the old communes' first half mapped to their successors, the total over every unit", () => {
    const h1 = a.call<Json>("periodResults", "2026-H1");
    const before = a.call<Json>("periodResults", "2025-H1");
    expect([h1.period_start, h1.period_end]).toEqual(["2025-12-15", "2026-06-14"]);
    for (const d of INDICATORS) {
      expect(h1.total.indicators[d.code].previous).toBeNull();
      expect(h1.total.indicators[d.code].year_ago, d.code).toBe(before.total.indicators[d.code].value);
    }
    const whole = wb.units.find(
      (u) => (wb.predecessors.get(u.code) ?? []).length > 1 && wb.predecessors.get(u.code)!.every((p) => p.successors.length === 1),
    )!;
    const preds = wb.predecessors.get(whole.code)!.map((p) => p.code);
    const n = preds.reduce((s, p) => s + num(before, p, "online_payment_rate"), 0);
    const dd = preds.reduce((s, p) => s + den(before, p, "online_payment_rate"), 0);
    expect(unit(h1, whole.code)!.indicators.online_payment_rate.year_ago).toBeCloseTo(n / dd, 12);
    // The unit that has not submitted 2026-Q2 is incomplete, named with its quarter, not missing.
    expect(h1.missing_units).toEqual([]);
    expect(h1.incomplete_units).toEqual([{ unit: "19588", quarters: ["2026-Q2"], lacking: ["19588"] }]);
  });
});

describe("the report of a span", () => {
  it("2025-Y: titled and worded for the year, no previous quarter, the quarters side by side for what misses its target", () => {
    const a = province();
    const r = a.call<{ period: string; name: string }>("generateReport", "năm 2025");
    expect(r.period).toBe("2025-Y");
    expect(r.name).toBe("Báo cáo tình hình thực hiện công tác CCHC năm 2025 - tỉnh Quảng Trị");
    const text = docText(a);
    expect(text).toContain("Tình hình thực hiện công tác cải cách hành chính năm 2025");
    expect(text).toContain("(CCHC) năm 2025 (từ ngày 15/12/2024 đến ngày 14/12/2025)");
    expect(text).toContain("Có 94/94 đơn vị đã cập nhật số liệu năm 2025.");
    expect(text).toContain(
      "Số liệu riêng của Xã Trung Thuần, Xã Nam Ba Đồn chưa gồm các quý trước sáp nhập của đơn vị bị chia tách (Xã Quảng Tiến)",
    );
    expect(text).toContain('"Cùng kỳ (năm 2024)"');
    expect(text).not.toContain("Quý trước");
    expect(text).toContain("Bảng 4. Các chỉ tiêu chưa đạt qua từng quý năm 2025");
    const at = text.indexOf("Bảng 4.");
    const header = ["Quý I năm 2025", "Quý II năm 2025", "Quý III năm 2025", "Quý IV năm 2025", "Năm 2025", "Mục tiêu"].map((h) =>
      text.indexOf(`"${h}"`, at),
    );
    expect(
      header.every((i, k) => i > at && (k === 0 || i > header[k - 1]!)),
      "Bảng 4's header: the quarters, the year, the target",
    ).toBe(true);
    expect(text).toContain("IV. NHIỆM VỤ TRỌNG TÂM NĂM 2026");
    expect(text).toContain(
      "Trên đây là báo cáo tình hình thực hiện công tác cải cách hành chính năm 2025 của Ủy ban nhân dân tỉnh Quảng Trị./.",
    );
    // Each row of Bảng 4 is an indicator Bảng 1 marks "Chưa đạt", with the year's value Bảng 1 shows.
    const doc = a.documents.at(-1)!;
    const tables = JSON.stringify(doc);
    const missed = INDICATORS.filter((d) => a.call<Json>("periodResults", "2025-Y").total.indicators[d.code].met === false);
    expect(missed.length).toBeGreaterThan(0);
    for (const d of missed) expect(tables).toContain(`"${d.name}"`);
  });
  it("2026-H1: the six months, the same six months a year before, and what comes next", () => {
    const a = province();
    a.call("generateReport", "2026-H1");
    const text = docText(a);
    expect(text).toContain("Tình hình thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026");
    expect(text).toContain('"Cùng kỳ (6 tháng đầu năm 2025)"');
    expect(text).toContain("IV. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026");
    expect(text).toMatch(
      /Có 93\/94 đơn vị đã cập nhật đủ số liệu 6 tháng đầu năm 2026.[^"]*Còn 1 đơn vị chưa đủ số liệu các quý: [^"]*\(19588\) chưa đủ số liệu 6 tháng đầu năm 2026: thiếu quý II năm 2026/,
    );
  });
  it("a span whose last quarter has not begun is refused with its dates; nothing is written", () => {
    const a = province();
    expect(() => a.call("generateReport", "2026-9M")).toThrow(
      "Kỳ quý III năm 2026 (15/06/2026–14/09/2026), quý cuối của 9 tháng năm 2026, chưa bắt đầu: hôm nay là 10/06/2026. Hãy chọn một kỳ đã bắt đầu; không tạo báo cáo.",
    );
    expect(a.documents).toHaveLength(0);
  });
  it("names the units not approved once, with the quarters they are not approved in", () => {
    const units = unitRows([{ code: "A" }, { code: "B" }]).map((r, i) =>
      i === 0 ? r : Object.assign([...r], { 3: `clerk.${r[0]}@xa.example.vn` }),
    );
    const a = track(
      startAddon({
        ownerEmail: OWNER,
        userEmail: OWNER,
        sheets: {
          "Đơn vị": units,
          "Số liệu": submissionRows([goodRow("A", "2026-Q1"), goodRow("B", "2026-Q1"), goodRow("A", "2026-Q2"), goodRow("B", "2026-Q2")]),
        },
        documentProperties: { "cchc.settings": JSON.stringify(settingsFor("xã", "Cam Lộ")) },
        today: new Date("2026-06-10T09:00:00+07:00"),
      }),
    );
    a.call("preparePeriod", "2026-Q2");
    a.call("submitUnit", "2026-Q2", "A");
    a.call("approveUnit", "2026-Q2", "A");
    a.call("generateReport", "2026-H1");
    expect(docText(a)).toContain(
      "Báo cáo này lập khi số liệu của 2 đơn vị chưa được duyệt: Xã A (quý I năm 2026), Xã B (quý I năm 2026, quý II năm 2026).",
    );
  });
});

describe("where a span is offered and where it is refused", () => {
  it("the sidebar lists the spans whose last quarter has begun, each just above that quarter", () => {
    const a = province();
    const s = a.call<{ periods: string[]; currentPeriod: string }>("sidebarState");
    expect(s.currentPeriod).toBe("2026-Q2");
    expect(s.periods).toEqual([
      "2026-Q3",
      "2026-H1",
      "2026-Q2",
      "2026-Q1",
      "2025-Y",
      "2025-Q4",
      "2025-9M",
      "2025-Q3",
      "2025-H1",
      "2025-Q2",
      "2025-Q1",
    ]);
  });
  it("Kiểm tra số liệu works on a span: every quarter's findings, compared with the year before only", () => {
    const a = province();
    const v = a.call<{
      period: string;
      previousPeriod: string;
      yearAgoPeriod: string;
      errorCount: number;
      groups: { findings: { rule: string; cell: string | null }[] }[];
    }>("validatePeriod", "2026-H1");
    expect([v.period, v.previousPeriod, v.yearAgoPeriod]).toEqual(["2026-H1", "", "2025-H1"]);
    const q2 = a.call<{ errorCount: number }>("validatePeriod", "2026-Q2");
    const q1 = a.call<{ errorCount: number }>("validatePeriod", "2026-Q1");
    expect(v.errorCount).toBe(q1.errorCount + q2.errorCount);
    expect(v.groups.flatMap((g) => g.findings).some((f) => f.rule === "incomplete_span")).toBe(true);
    // The unit without 2026-Q2 is listed with what it lacks, and not counted as submitted.
    const view = v as unknown as { missing: { code: string; note?: string }[]; submitted: number; expected: number };
    expect(view.missing).toEqual([{ code: "19588", name: "Xã Tà Rụt", note: "thiếu quý II năm 2026" }]);
    expect([view.submitted, view.expected]).toEqual([93, 94]);
  });
  it("highlighting, preparing, submitting and approving work by quarter: a span is refused and nothing changes", () => {
    const a = province();
    const before = snapshot(a);
    for (const [fn, ...args] of [
      ["highlightPeriod", "2026-H1"],
      ["preparePeriod", "6 tháng đầu năm 2026"],
      ["approvalState", "2026-Y"],
      ["submitUnit", "2026-H1", "19333"],
      ["approveUnit", "2025-Y", "19333"],
    ] as const) {
      expect(() => a.call(fn, ...args), fn).toThrow(/gồm nhiều quý; việc này làm theo từng quý: hãy chọn một quý \(ví dụ 20\d\d-Q[2-4]\)/);
    }
    expect(snapshot(a)).toEqual(before);
    expect(a.documents).toHaveLength(0);
  });
});

describe("the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-span-"));
  const cli = (...args: string[]) => {
    const r = spawnSync(
      "npx",
      ["tsx", "src/local/cli/report.ts", "samples/quang-tri-2026.xlsx", "--level", "tỉnh", "--name", "Quảng Trị", ...args],
      {
        cwd: join(__dirname, ".."),
        encoding: "utf8",
      },
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
  };
  it("--period takes the span's code or its words, and writes the span's JSON and report", () => {
    const json = join(dir, "h1.json");
    const r = cli("--period", "6 tháng đầu năm 2026", "--json", json, "--out", join(dir, "h1.docx"));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("6 tháng đầu năm 2026 (15/12/2025–14/06/2026): 93 đơn vị đã nộp đủ, 1 chưa đủ các quý, 0 chưa nộp;");
    const j = JSON.parse(readFileSync(json, "utf8")) as Json;
    expect([j.period, j.period_start, j.period_end]).toEqual(["2026-H1", "2025-12-15", "2026-06-14"]);
    const cal = join(dir, "y.json");
    expect(cli("--period", "2025-Y", "--period-rule", "calendar", "--json", cal, "--out", join(dir, "y.docx")).status).toBe(0);
    const y = JSON.parse(readFileSync(cal, "utf8")) as Json;
    expect([y.period, y.period_start, y.period_end]).toEqual(["2025-Y", "2025-01-01", "2025-12-31"]);
  });
  it("a period it cannot read exits 2 with one Vietnamese line naming the forms", () => {
    const r = cli("--period", "6 tháng cuối năm 2026", "--out", join(dir, "x.docx"));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('Kỳ báo cáo "6 tháng cuối năm 2026" không đọc được; hãy ghi dạng 2023-Q1, 2026-H1, 2026-9M hoặc 2026-Y.');
  });
});
