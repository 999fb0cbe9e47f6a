import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../src/core/catalogue";
import { settingsFor } from "../../src/core/settings";
import { evaluate, readWorkbook, toJson } from "../../src/core/workbook";
import { mapColumns, SchemaError, SUBMISSIONS_SHEET, SUBMISSION_COLUMNS, type ColumnDef, type SubmissionKey } from "../../src/core/schema";
import { goodRow, submissionRows, targetRows, unitRows, workbook, SUBMISSION_HEADERS } from "../fixtures";

const Q1 = { year: 2023, quarter: 1 } as const;

function run(rows: ReturnType<typeof goodRow>[], units = ["A", "B"], targets: unknown[][] | null = null) {
  return evaluate(readWorkbook(workbook(units, rows, targets)), Q1);
}

describe("columns by header", () => {
  it("finds moved, re-cased, re-spaced and unaccented headers, and leaves extra columns alone", () => {
    const keys = SUBMISSION_COLUMNS.map((c) => c.key).reverse();
    const header = keys.map((k) =>
      SUBMISSION_COLUMNS.find((c) => c.key === k)!
        .header.toUpperCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, ""),
    );
    header.splice(3, 0, "Ghi chú riêng của xã");
    const map = mapColumns(SUBMISSIONS_SHEET, [header]);
    expect(map.columns.period).toBe(header.length - 1);
    expect(map.columns.review_note).toBe(0);
    expect(map.columns.explanation).toBe(2);
    expect(Object.keys(map.columns)).toHaveLength(SUBMISSION_COLUMNS.length);
  });
  it("finds the header below a title row", () => {
    const map = mapColumns(SUBMISSIONS_SHEET, [["Số liệu CCHC quý I"], [], SUBMISSION_HEADERS]);
    expect(map.headerRow).toBe(2);
  });
  it("a missing required column is one clear error naming the sheet and the header", () => {
    const header = SUBMISSION_HEADERS.filter((h) => h !== "Nhận trực tuyến");
    expect(() => mapColumns(SUBMISSIONS_SHEET, [header])).toThrowError(new SchemaError('Trang "Số liệu" thiếu cột "Nhận trực tuyến".'));
    const two = SUBMISSION_HEADERS.filter((h) => h !== "Nhận trực tuyến" && h !== "Kỳ báo cáo");
    expect(() => mapColumns(SUBMISSIONS_SHEET, [two])).toThrowError('Trang "Số liệu" thiếu các cột "Kỳ báo cáo", "Nhận trực tuyến".');
  });
  it("optional columns may be absent", () => {
    const keys = SUBMISSION_COLUMNS.filter((c) => c.required).map((c) => c.key);
    const ev = evaluate(
      readWorkbook({ units: unitRows([{ code: "A" }]), targets: null, submissions: submissionRows([goodRow("A")], keys) }),
      Q1,
    );
    expect(ev.findings).toEqual([]);
    expect(ev.district.indicators.disbursement_rate.value).toBeNull();
  });
  it("a duplicated header is refused", () => {
    expect(() => mapColumns(SUBMISSIONS_SHEET, [[...SUBMISSION_HEADERS, "nhận trực tuyến"]])).toThrow(/hai cột "Nhận trực tuyến"/);
  });
});

describe("validation rules", () => {
  const finding = (rows: ReturnType<typeof goodRow>[], rule: string) => run(rows).findings.filter((f) => f.rule === rule);

  it("a consistent sheet has no findings", () => {
    expect(run([goodRow("A"), goodRow("B")]).findings).toEqual([]);
  });
  it("unknown unit code", () => {
    expect(finding([goodRow("A"), goodRow("B"), goodRow("ZZ")], "unknown_unit")).toEqual([
      {
        severity: "error",
        rule: "unknown_unit",
        sheet: "Số liệu",
        cell: "B4",
        unit: "ZZ",
        message: 'Mã đơn vị ZZ không có trong trang "Đơn vị"',
      },
    ]);
  });
  it("unit codes match trimmed and case-insensitively", () => {
    expect(run([goodRow(" a "), goodRow("b")]).findings).toEqual([]);
  });
  it("unreadable period", () => {
    const f = finding([goodRow("A"), goodRow("B", "Quý 5/2023")], "bad_period");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: "A3", unit: "B", severity: "error" });
    expect(f[0]!.message).toContain("Quý 5/2023");
  });
  it("other formats of the period are the same period", () => {
    expect(run([goodRow("A", "Quý I/2023"), goodRow("B", "Q1/2023")]).findings).toEqual([]);
  });
  it("the same unit twice in one period", () => {
    const f = finding([goodRow("A"), goodRow("B"), goodRow("A", "Quý I/2023")], "duplicate_row");
    expect(f).toEqual([expect.objectContaining({ cell: "B4", unit: "A", severity: "error" })]);
    expect(f[0]!.message).toContain("dòng 2");
  });
  it("counts: negative, fractional, text, error values, blank required", () => {
    const ev = run([
      goodRow("A", "2023-Q1", {
        received_online: -1,
        received_direct: 2.5,
        received_carried: "mười",
        online_service_dossiers: "#N/A",
        paid_online: "",
      }),
      goodRow("B"),
    ]);
    const byRule = Object.fromEntries(ev.findings.map((f) => [f.rule, f]));
    expect(byRule["negative"]).toMatchObject({ cell: "D2", message: '"Nhận trực tuyến" là số âm (-1)' });
    expect(byRule["not_whole"]).toMatchObject({ cell: "E2", message: '"Nhận trực tiếp, bưu chính" không phải số nguyên (2,5)' });
    expect(byRule["not_a_number"]).toMatchObject({ cell: "F2", message: '"Từ kỳ trước chuyển sang" không phải là số ("mười")' });
    expect(byRule["error_value"]).toMatchObject({ cell: "G2", message: '"Hồ sơ của TTHC có DVC trực tuyến" chứa giá trị lỗi #N/A' });
    expect(byRule["count_blank"]).toMatchObject({ cell: "R2", message: '"Hồ sơ thanh toán trực tuyến" chưa nhập' });
  });
  it("digits as text read as numbers", () => {
    expect(run([goodRow("A", "2023-Q1", { received_online: "30", online_service_dossiers: " 60 " }), goodRow("B")]).findings).toEqual([]);
  });
  it("totals (3), (7), (11) must equal their parts where given", () => {
    const ev = run([
      goodRow("A", "2023-Q1", { received_total: 121, resolved_total: 99, pending_total: 21 }),
      goodRow("B", "2023-Q1", { received_total: "", resolved_total: "", pending_total: "" }),
    ]);
    expect(ev.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["received_total", "C2"],
      ["resolved_total", "H2"],
      ["pending_total", "L2"],
    ]);
    expect(ev.findings[0]!.message).toBe("Tổng số hồ sơ nhận (3) là 121, khác (4)+(5)+(6) = 120");
  });
  it("received = resolved + pending", () => {
    const f = finding([goodRow("A", "2023-Q1", { pending_within: 17, pending_total: 19 }), goodRow("B")], "received_balance");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe("Số hồ sơ nhận (4)+(5)+(6) = 120 khác số đã và đang giải quyết (8)+(9)+(10)+(12)+(13) = 119");
  });
  it.each([
    ["online_le_service", { online_service_dossiers: 29 }, "D2"],
    ["paid_le_fee", { paid_online: 51 }, "R2"],
    ["digitized_le_received", { digitized: 111 }, "P2"],
    ["signed_le_issued", { documents_signed: 201 }, "V2"],
    ["e_records_le_records", { work_records_electronic: 41 }, "X2"],
  ] as const)("%s", (rule, over, cell) => {
    const ev = run([goodRow("A", "2023-Q1", over), goodRow("B")]);
    expect(ev.findings).toEqual([expect.objectContaining({ rule, cell, severity: "error", unit: "A" })]);
  });
  it("warnings: apologies above overdue, disbursed above plan", () => {
    const ev = run([goodRow("A", "2023-Q1", { apologies: 8 }), goodRow("B", "2023-Q1", { investment_disbursed: 1200 })]);
    expect(ev.findings).toEqual([
      expect.objectContaining({ rule: "apologies_gt_overdue", severity: "warning", cell: "O2", unit: "A" }),
      expect.objectContaining({ rule: "disbursed_gt_plan", severity: "warning", cell: "T3", unit: "B" }),
    ]);
    expect(ev.findings[0]!.message).toBe("Số phiếu xin lỗi đã gửi (8) lớn hơn số hồ sơ trễ hạn (10)+(13) = 7");
    expect(ev.findings[1]!.message).toBe("Vốn đã giải ngân (1.200 triệu đồng) lớn hơn Kế hoạch vốn đầu tư công (1.000 triệu đồng)");
  });
  it("an active unit with no row is missing; an inactive one is not expected", () => {
    const wb = {
      units: unitRows([{ code: "A" }, { code: "B" }, { code: "C", active: false }]),
      targets: null,
      submissions: submissionRows([goodRow("A")]),
    };
    const ev = evaluate(readWorkbook(wb), Q1);
    expect(ev.missing_units).toEqual(["B"]);
    expect(ev.findings).toEqual([expect.objectContaining({ rule: "missing_submission", severity: "warning", cell: null, unit: "B" })]);
  });
  it("a row prepared with only its period and unit is a unit that has not submitted yet", () => {
    const ev = run([goodRow("A"), { period: "2023-Q1", unit: "B" }]);
    expect(ev.missing_units).toEqual(["B"]);
    expect(ev.findings.map((f) => f.rule)).toEqual(["missing_submission"]);
  });
  it("headers may carry their form 06 column number", () => {
    const header = SUBMISSION_COLUMNS.map((c: ColumnDef) => (c.form06 ? `${c.header} ${c.form06}` : c.header));
    expect(Object.keys(mapColumns(SUBMISSIONS_SHEET, [header]).columns)).toHaveLength(SUBMISSION_COLUMNS.length);
  });
  it("a count carrying binary noise from a formula is that whole number", () => {
    expect(run([goodRow("A", "2023-Q1", { received_online: 30.000000000000004 }), goodRow("B")]).findings).toEqual([]);
  });
  it("errors come before warnings", () => {
    const ev = run([goodRow("A", "2023-Q1", { apologies: 8 }), goodRow("B", "2023-Q1", { paid_online: -2 })]);
    expect(ev.findings.map((f) => f.severity)).toEqual(["error", "warning"]);
  });
  it("rows of other periods are not checked, blank rows are skipped", () => {
    const ev = run([goodRow("A"), goodRow("B"), goodRow("A", "2022-Q4", { paid_online: -5 }), {}]);
    expect(ev.findings).toEqual([]);
  });
  it("validation never changes the values it reads", () => {
    const wb = workbook(["A", "B"], [goodRow("A", "2023-Q1", { received_online: "abc" }), goodRow("B")]);
    const before = JSON.stringify(wb);
    evaluate(readWorkbook(wb), Q1);
    expect(JSON.stringify(wb)).toBe(before);
  });
  it("duplicate unit codes in Đơn vị", () => {
    const wb = { units: unitRows([{ code: "A" }, { code: "a" }]), targets: null, submissions: submissionRows([goodRow("A")]) };
    expect(evaluate(readWorkbook(wb), Q1).findings).toEqual([
      expect.objectContaining({ rule: "duplicate_unit", sheet: "Đơn vị", cell: "A3" }),
    ]);
  });
});

describe("targets", () => {
  const base = [goodRow("A"), goodRow("B")];
  it("built-in defaults apply without a Chỉ tiêu sheet", () => {
    const ev = run(base);
    expect(ev.district.indicators.online_payment_rate.target).toBe(0.3);
    expect(ev.district.indicators.ontime_rate.target).toBe(1);
    expect(ev.district.indicators.apology_rate.target).toBe(1);
    expect(ev.district.indicators.overdue_dossiers.target).toBe(0);
    expect(ev.district.indicators.digitization_rate).toMatchObject({ target: null, met: null, shortfall: null });
  });
  it("the period's year wins, then the row without a year", () => {
    const t = targetRows([
      ["digitization_rate", "", 0.5],
      ["digitization_rate", 2023, 0.8],
      ["digitization_rate", 2022, 0.4],
      ["online_payment_rate", "", "45%"],
    ]);
    const ev = run(base, ["A", "B"], t);
    expect(ev.district.indicators.digitization_rate.target).toBe(0.8);
    expect(ev.district.indicators.online_payment_rate.target).toBe(0.45);
    const ev22 = evaluate(readWorkbook(workbook(["A", "B"], [goodRow("A", "2024-Q1"), goodRow("B", "2024-Q1")], t)), {
      year: 2024,
      quarter: 1,
    });
    expect(ev22.district.indicators.digitization_rate.target).toBe(0.5);
  });
  it("an indicator may be named by its Vietnamese name or its function in Chỉ tiêu", () => {
    const t = targetRows([
      ["Tỷ lệ số hóa hồ sơ", "", 0.6],
      ["ONTIME_RATE", "", 0.95],
    ]);
    const ev = run(base, ["A", "B"], t);
    expect(ev.findings).toEqual([]);
    expect(ev.district.indicators.digitization_rate.target).toBe(0.6);
    expect(ev.district.indicators.ontime_rate.target).toBe(0.95);
  });
  it("bad target rows are findings and are not used", () => {
    const t = targetRows([
      ["online_payment_rate", "", 30],
      ["no_such", "", 0.5],
      ["ontime_rate", 2023, 0.9],
      ["ontime_rate", 2023, 0.95],
    ]);
    const ev = run(base, ["A", "B"], t);
    expect(ev.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["bad_target", "Chỉ tiêu", "C2"],
      ["unknown_indicator", "Chỉ tiêu", "A3"],
      ["duplicate_target", "Chỉ tiêu", "A5"],
    ]);
    expect(ev.district.indicators.online_payment_rate.target).toBe(0.3);
    expect(ev.district.indicators.ontime_rate.target).toBe(0.9);
  });
});

describe("indicators", () => {
  it("district figure is Σ numerators / Σ denominators, never an average of rates", () => {
    const ev = run([
      goodRow("A", "2023-Q1", { fee_dossiers: 10, paid_online: 5 }),
      goodRow("B", "2023-Q1", { fee_dossiers: 90, paid_online: 0 }),
    ]);
    expect(ev.district.indicators.online_payment_rate).toEqual({
      value: 0.05,
      numerator: 5,
      denominator: 100,
      target: 0.3,
      met: false,
      shortfall: 0.25,
    });
    expect(ev.units[0]!.indicators.online_payment_rate.value).toBe(0.5);
  });
  it("overdue count is (10)+(13), judged against ≤ 0", () => {
    const ev = run([goodRow("A"), goodRow("B")]);
    expect(ev.district.indicators.overdue_dossiers).toEqual({
      value: 14,
      numerator: 14,
      denominator: null,
      target: 0,
      met: false,
      shortfall: 14,
    });
  });
  it("a blank optional pair leaves the indicator out for that unit", () => {
    const ev = run([goodRow("A", "2023-Q1", { investment_plan: "", investment_disbursed: "" }), goodRow("B")]);
    expect(ev.units[0]!.indicators.disbursement_rate.value).toBeNull();
    expect(ev.district.indicators.disbursement_rate).toMatchObject({ value: 0.45, numerator: 450, denominator: 1000 });
  });
  it("a unit whose figures fail a rule is left out of the indicators that use them, and listed as excluded", () => {
    const ev = run([
      goodRow("A", "2023-Q1", { paid_online: 25, fee_dossiers: 20 }),
      goodRow("B", "2023-Q1", { paid_online: 10, fee_dossiers: 100 }),
    ]);
    expect(ev.findings.map((f) => f.rule)).toEqual(["paid_le_fee"]);
    expect(ev.findings[0]!.values).toEqual({ left: 25, operator: "<=", right: 20 });
    // Never a rate above 100%: A has no value, the total is B's alone.
    expect(ev.units[0]!.indicators.online_payment_rate.value).toBeNull();
    expect(ev.units[0]!.excluded.has("online_payment_rate")).toBe(true);
    expect(ev.district.indicators.online_payment_rate).toMatchObject({ numerator: 10, denominator: 100 });
    expect(ev.excludedUnits.online_payment_rate).toEqual(["A"]);
    // Its other indicators still count.
    expect(ev.units[0]!.indicators.ontime_rate.value).toBe(0.95);
    expect(ev.excludedUnits.ontime_rate).toEqual([]);
    expect(ev.units[0]!.errors).toBe(1);
  });
  it("(3) ≠ (4)+(5)+(6) takes the unit out of every indicator that uses (4), (5) or (6)", () => {
    const ev = run([goodRow("A", "2023-Q1", { received_total: 121 }), goodRow("B")]);
    const out = Object.entries(ev.excludedUnits)
      .filter(([, units]) => units.includes("A"))
      .map(([code]) => code)
      .sort();
    expect(out).toEqual(["digitization_rate", "full_online_rate", "online_origin_rate", "online_submission_rate"]);
  });
  it("a warning does not leave a unit out", () => {
    const ev = run([goodRow("A", "2023-Q1", { investment_disbursed: 1200 }), goodRow("B")]);
    expect(ev.findings.map((f) => [f.rule, f.severity])).toEqual([["disbursed_gt_plan", "warning"]]);
    expect(ev.district.indicators.disbursement_rate).toMatchObject({ numerator: 1650, denominator: 2000 });
  });
  it("a zero denominator gives no value", () => {
    const ev = run([
      goodRow("A", "2023-Q1", { fee_dossiers: 0, paid_online: 0 }),
      goodRow("B", "2023-Q1", { fee_dossiers: 0, paid_online: 0 }),
    ]);
    expect(ev.district.indicators.online_payment_rate).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      met: null,
      shortfall: null,
    });
  });
  it("the JSON has SPEC's shape", () => {
    const json = toJson(run([goodRow("A"), goodRow("B", "2023-Q1", { paid_online: "x" })]), settingsFor("tỉnh", "Quảng Trị"));
    expect(Object.keys(json)).toEqual([
      "period",
      "period_start",
      "period_end",
      "body",
      "total",
      "district",
      "units",
      "findings",
      "missing_units",
    ]);
    expect(json).toMatchObject({ period_start: "2022-12-15", period_end: "2023-03-14", body: { level: "tỉnh", name: "Quảng Trị" } });
    expect(json.period).toBe("2023-Q1");
    expect(json.district).toEqual(json.total);
    expect(Object.keys(json.total.indicators)).toEqual(INDICATORS.map((d) => d.code));
    expect(Object.keys(json.total.indicators.ontime_rate)).toEqual([
      "value",
      "numerator",
      "denominator",
      "target",
      "met",
      "shortfall",
      "previous",
      "year_ago",
      "excluded_units",
    ]);
    expect(json.total.indicators.online_payment_rate.excluded_units).toEqual(["B"]);
    expect(json.units[0]).toEqual({ unit: "A", name: "Xã A", indicators: expect.any(Object) });
    expect(Object.keys(json.findings[0]!)).toEqual(["severity", "rule", "sheet", "cell", "unit", "message"]);
    // B's unreadable payment figure leaves it out of the payment roll-up only.
    expect(json.district.indicators.online_payment_rate).toMatchObject({ numerator: 5, denominator: 50 });
    expect(json.district.indicators.ontime_rate).toMatchObject({ numerator: 190, denominator: 200 });
  });
});

export type { SubmissionKey };
