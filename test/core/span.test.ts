/**
 * Six-month, nine-month and annual reports (SPEC "Six-month, nine-month and
 * annual reports"), in the domain core: the period words readers type, the
 * dates, and the span's figures as sums of its quarters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../src/core/catalogue";
import {
  parsePeriod,
  periodBounds,
  periodId,
  periodLabel,
  periodText,
  periodWords,
  quartersOf,
  readPeriodCell,
  samePeriod,
  yearAgo,
  type Period,
} from "../../src/core/period";
import { evaluate, evaluateWithComparisons, readWorkbook, toJson, type Evaluation } from "../../src/core/workbook";
import { goodRow, submissionRows, unitRows, type SubmissionInput } from "../fixtures";

const H1 = { year: 2026, quarter: 2, span: true } as const;
const M9 = { year: 2026, quarter: 3, span: true } as const;
const Y = { year: 2026, quarter: 4, span: true } as const;

describe("the spans' words, codes and dates", () => {
  it("reads every way readers write the six months, the nine months and the year", () => {
    const cases: [string, Period][] = [
      ["2026-H1", H1],
      ["2026-h1", H1],
      [" 2026 - H1 ", H1],
      ["2026/H1", H1],
      ["H1/2026", H1],
      ["H1 2026", H1],
      ["2026-6M", H1],
      ["6T/2026", H1],
      ["6 tháng đầu năm 2026", H1],
      ["6 Tháng Đầu Năm 2026", H1],
      ["6 tháng năm 2026", H1],
      ["6 tháng 2026", H1],
      ["Sáu tháng đầu năm 2026", H1],
      ["6 thang dau nam 2026", H1],
      ["2026-9M", M9],
      ["9T/2026", M9],
      ["9 tháng năm 2026", M9],
      ["9 tháng đầu năm 2026", M9],
      ["9 tháng 2026", M9],
      ["Chín tháng năm 2026", M9],
      ["2026-Y", Y],
      ["2026 y", Y],
      ["Năm 2026", Y],
      ["năm 2026", Y],
      ["NĂM 2026", Y],
      ["Cả năm 2026", Y],
      ["nam 2026", Y],
    ];
    for (const [text, p] of cases) expect(parsePeriod(text), text).toEqual(p);
  });
  it("refuses spans SPEC does not have, and leaves the quarters as they were", () => {
    for (const v of ["2026-H2", "6 tháng cuối năm 2026", "3 tháng 2026", "2026-Q5", "Năm 26", "năm", "2026"])
      expect(parsePeriod(v), v).toBeNull();
    expect(parsePeriod("Quý II/2026")).toEqual({ year: 2026, quarter: 2 });
    expect(parsePeriod("Tháng 6/2026")).toBeNull();
  });
  it("codes, words and labels, and each round-trips", () => {
    expect([H1, M9, Y].map(periodId)).toEqual(["2026-H1", "2026-9M", "2026-Y"]);
    expect([H1, M9, Y].map(periodWords)).toEqual(["6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026"]);
    expect([H1, M9, Y].map(periodLabel)).toEqual(["6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026"]);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 2, max: 4 }), (year, q) => {
        const p: Period = { year, quarter: q as 2 | 3 | 4, span: true };
        expect(parsePeriod(periodId(p))).toEqual(p);
        expect(parsePeriod(periodWords(p))).toEqual(p);
      }),
    );
  });
  it("runs from the first quarter's start to the last quarter's end under either rule", () => {
    expect(periodBounds(H1, "15-14")).toEqual({ start: [2025, 12, 15], end: [2026, 6, 14] });
    expect(periodBounds(M9, "15-14")).toEqual({ start: [2025, 12, 15], end: [2026, 9, 14] });
    expect(periodBounds(Y, "15-14")).toEqual({ start: [2025, 12, 15], end: [2026, 12, 14] });
    expect(periodBounds(H1, "calendar")).toEqual({ start: [2026, 1, 1], end: [2026, 6, 30] });
    expect(periodBounds(Y, "calendar")).toEqual({ start: [2026, 1, 1], end: [2026, 12, 31] });
    expect(periodText("2026-H1")).toBe("6 tháng đầu năm 2026 (15/12/2025–14/06/2026)");
    expect(periodText("2025-Y", "calendar")).toBe("năm 2025 (01/01–31/12/2025)");
    // Every span's bounds are its first quarter's start and its last quarter's end.
    for (const rule of ["15-14", "calendar"] as const)
      for (const p of [H1, M9, Y]) {
        const qs = quartersOf(p);
        expect(periodBounds(p, rule)).toEqual({ start: periodBounds(qs[0]!, rule).start, end: periodBounds(qs.at(-1)!, rule).end });
      }
  });
  it("its quarters, the same span a year before, and a span is not its last quarter", () => {
    expect(quartersOf(M9).map(periodId)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(quartersOf({ year: 2026, quarter: 3 }).map(periodId)).toEqual(["2026-Q3"]);
    expect(periodId(yearAgo(H1))).toBe("2025-H1");
    expect(samePeriod(H1, { year: 2026, quarter: 2 })).toBe(false);
    expect(samePeriod(H1, { ...H1 })).toBe(true);
  });
  it("a row's Kỳ báo cáo holding a span is refused on its cell: a span has no rows of its own", () => {
    const read = readPeriodCell("6 tháng đầu năm 2026", () => [2026, 1, 1]);
    expect(read.period).toBeNull();
    expect(read.problem).toBe(
      "ghi 6 tháng đầu năm 2026: mỗi dòng là số liệu của một quý, báo cáo 6 tháng đầu năm 2026 tự cộng các quý; hãy ghi quý, ví dụ 2026-Q1",
    );
    const wb = readWorkbook({ units: unitRows([{ code: "A" }]), targets: null, submissions: submissionRows([goodRow("A", "2026-Y")]) });
    const ev = evaluate(wb, Y);
    expect(ev.units).toEqual([]);
    expect(ev.findings.find((f) => f.rule === "bad_period")?.cell).toBe("A2");
  });
});

// ---------------------------------------------------------------------------- figures

const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];

/** A row every rule holds on, drawn: the balance (4)+(5)+(6) = (8)+…+(13) and every bound; optional pairs blank or filled. */
const consistentRow = fc
  .record({
    online: fc.integer({ min: 0, max: 400 }),
    direct: fc.integer({ min: 0, max: 400 }),
    carried: fc.integer({ min: 0, max: 50 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    share: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
    optional: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ online, direct, carried, cuts, share, optional }): SubmissionInput => {
    const total = online + direct + carried;
    const points = cuts.map((c) => Math.floor(c * total)).sort((a, b) => a - b);
    const [early, ontime, late, within, overdue] = [
      points[0]!,
      points[1]! - points[0]!,
      points[2]! - points[1]!,
      points[3]! - points[2]!,
      total - points[3]!,
    ];
    const part = (i: number, of: number) => Math.floor(share[i]! * of);
    const fee = part(0, online + direct);
    const plan = 100 + part(1, 5000);
    const issued = part(2, 300);
    const records = part(3, 200);
    const ratings = part(4, early + ontime + late);
    return {
      received_total: total,
      received_online: online,
      received_direct: direct,
      received_carried: carried,
      online_service_dossiers: online + part(5, direct),
      resolved_total: early + ontime + late,
      resolved_early: early,
      resolved_ontime: ontime,
      resolved_late: late,
      pending_total: within + overdue,
      pending_within: within,
      pending_overdue: overdue,
      apologies: part(6, late + overdue),
      digitized: part(7, online + direct),
      fee_dossiers: fee,
      paid_online: part(8, fee),
      investment_plan: optional[0] ? plan : "",
      investment_disbursed: optional[0] ? part(9, plan) : "",
      documents_issued: optional[1] ? issued : "",
      documents_signed: optional[1] ? part(10, issued) : "",
      work_records: optional[2] ? records : "",
      work_records_electronic: optional[2] ? part(11, records) : "",
      ratings: optional[3] ? ratings : "",
      ratings_satisfied: optional[3] ? Math.floor(ratings / 2) : "",
    };
  });

/** Up to 6 units, each with a row (or none) in each quarter of 2026. */
const sheet = fc.array(fc.array(fc.option(consistentRow, { nil: null }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 });

function book(units: (SubmissionInput | null)[][], broken: readonly [number, number][] = []) {
  const codes = units.map((_, i) => `U${i + 1}`);
  const rows: SubmissionInput[] = [];
  units.forEach((quarters, u) =>
    quarters.forEach((r, q) => {
      if (!r) return;
      // A broken row: (3) ≠ (4)+(5)+(6), an error that takes the unit out of the indicators using (4), (5), (6).
      const bad = broken.some(([bu, bq]) => bu === u && bq === q);
      rows.push({ ...r, period: QUARTERS[q], unit: codes[u], ...(bad ? { received_total: Number(r.received_total) + 1 } : {}) });
    }),
  );
  return readWorkbook({ units: unitRows(codes.map((code) => ({ code }))), targets: null, submissions: submissionRows(rows) });
}

/** Σ numerators and Σ denominators of an indicator over the units of an evaluation that count for it. */
function sums(ev: Evaluation, code: (typeof INDICATORS)[number]["code"], units?: ReadonlySet<string>) {
  let num = 0;
  let den = 0;
  for (const u of ev.units) {
    const r = u.indicators[code];
    if (r.numerator === null || (units && !units.has(u.unit))) continue;
    num += r.numerator;
    den += r.denominator ?? 0;
  }
  return { num, den };
}

describe("a span's figures are the sums of its quarters", () => {
  it("with no unit left out: the total's Σ numerators and Σ denominators are the sums of the quarters' totals, for every span and indicator", () => {
    fc.assert(
      fc.property(sheet, (units) => {
        const wb = book(units);
        for (const span of [H1, M9, Y]) {
          const ev = evaluate(wb, span);
          const quarters = quartersOf(span).map((q) => evaluate(wb, q));
          expect(ev.findings.filter((f) => f.severity === "error")).toEqual([]);
          for (const d of INDICATORS) {
            const t = ev.district.indicators[d.code];
            const num = quarters.reduce((a, q) => a + (q.district.indicators[d.code].numerator ?? 0), 0);
            const den = quarters.reduce((a, q) => a + (q.district.indicators[d.code].denominator ?? 0), 0);
            const counted = quarters.some((q) => q.district.indicators[d.code].numerator !== null);
            expect(t.numerator, `${periodId(span)} ${d.code}`).toBe(counted ? num : null);
            if (d.unit === "rate") expect(t.denominator).toBe(counted ? den : null);
            expect(ev.excludedUnits[d.code]).toEqual([]);
            // Each unit's figures are the sums of its own quarters too.
            for (const u of ev.units) {
              const own = quarters.flatMap((q) => q.units.filter((x) => x.unit === u.unit));
              const mine = own.filter((x) => x.indicators[d.code].numerator !== null);
              expect(u.indicators[d.code].numerator).toBe(
                mine.length ? mine.reduce((a, x) => a + x.indicators[d.code].numerator!, 0) : null,
              );
            }
          }
          // Form 06 figures: sums of the quarters' cells.
          for (const u of ev.units) {
            const own = quarters.flatMap((q) => q.units.filter((x) => x.unit === u.unit));
            expect(u.figure("received_online")).toBe(own.reduce((a, x) => a + x.figure("received_online")!, 0));
          }
          // A unit missing a quarter is named incomplete with that quarter; a unit with no row at all, missing.
          const qs = quartersOf(span);
          const expectIncomplete = units
            .map((quarters, i) => ({ unit: `U${i + 1}`, quarters: qs.filter((_, q) => !quarters[q]).map(periodId) }))
            .filter((x) => x.quarters.length > 0 && x.quarters.length < qs.length);
          expect(ev.incomplete!.map((x) => ({ unit: x.unit, quarters: x.quarters }))).toEqual(expectIncomplete);
          expect(ev.missing_units).toEqual(units.map((q, i) => (qs.every((_, k) => !q[k]) ? `U${i + 1}` : "")).filter(Boolean));
          expect(ev.findings.filter((f) => f.rule === "incomplete_span").map((f) => f.unit)).toEqual(expectIncomplete.map((x) => x.unit));
        }
      }),
      { numRuns: 60 },
    );
  });
  it("a quarter's error takes the unit out of the span's indicators using the field: the total is the sum over the others", () => {
    fc.assert(
      fc.property(
        sheet.filter((u) => u.some((q) => q.some(Boolean))),
        fc.nat(),
        (units, pick) => {
          const filled = units.flatMap((q, u) => q.map((r, k) => [u, k, r] as const)).filter(([, , r]) => r);
          const [bu, bq] = filled[pick % filled.length]!;
          const wb = book(units, [[bu, bq]]);
          const ev = evaluate(wb, Y);
          const quarters = quartersOf(Y).map((q) => evaluate(wb, q));
          const out = `U${bu + 1}`;
          for (const d of INDICATORS) {
            const usesReceived = [...d.numerator, ...d.denominator].some((k) =>
              ["received_online", "received_direct", "received_carried"].includes(k),
            );
            expect(ev.excludedUnits[d.code], d.code).toEqual(usesReceived ? [out] : []);
            const others = new Set(ev.units.map((u) => u.unit).filter((c) => !usesReceived || c !== out));
            const want = quarters.reduce(
              (a, q) => {
                const s = sums(q, d.code, others);
                return { num: a.num + s.num, den: a.den + s.den };
              },
              { num: 0, den: 0 },
            );
            const t = ev.district.indicators[d.code];
            if (t.numerator !== null) expect(t.numerator).toBe(want.num);
            if (t.numerator !== null && d.unit === "rate") expect(t.denominator).toBe(want.den);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
  it("compares with the same span a year before only; the JSON gives the span's code, dates and incomplete units", () => {
    const rows = [
      goodRow("A", "2025-Q1"),
      goodRow("A", "2025-Q2", { paid_online: 10 }),
      goodRow("A", "2026-Q1", { paid_online: 20 }),
      goodRow("B", "2026-Q1"),
      goodRow("B", "2026-Q2"),
    ];
    const wb = readWorkbook({ units: unitRows([{ code: "A" }, { code: "B" }]), targets: null, submissions: submissionRows(rows) });
    const ev = evaluateWithComparisons(wb, H1);
    expect(ev.comparison!.previous).toBeNull();
    expect(periodId(ev.comparison!.yearAgo)).toBe("2025-H1");
    expect(ev.comparison!.total.yearAgo.online_payment_rate).toBeCloseTo(15 / 100);
    expect(ev.comparison!.total.previous.online_payment_rate).toBeNull();
    const json = toJson(ev, { level: "xã", name: "X", periodRule: "15-14" });
    expect([json.period, json.period_start, json.period_end]).toEqual(["2026-H1", "2025-12-15", "2026-06-14"]);
    expect(json.total.indicators.online_payment_rate).toMatchObject({ numerator: 20 + 5 + 5, denominator: 150, previous: null });
    expect(json.units.find((u) => u.unit === "A")!.indicators.online_payment_rate.year_ago).toBeCloseTo(15 / 100);
    expect(json.incomplete_units).toEqual([{ unit: "A", quarters: ["2026-Q2"], lacking: ["A"] }]);
    expect(json.findings.find((f) => f.rule === "incomplete_span")!.message).toBe(
      "Xã A (A) chưa đủ số liệu 6 tháng đầu năm 2026: thiếu quý II năm 2026",
    );
    // A quarter's JSON has no such field: its shape is SPEC's as before.
    expect("incomplete_units" in toJson(evaluate(wb, { year: 2026, quarter: 1 }))).toBe(false);
  });
});

describe("a span's findings about who has not submitted", () => {
  it("one warning per unit for the span: incomplete with its quarters, or not submitted at all; no quarter's warning again", () => {
    const rows = [goodRow("A", "2026-Q1"), goodRow("B", "2026-Q1"), goodRow("B", "2026-Q2")];
    const wb = readWorkbook({
      units: unitRows([{ code: "A" }, { code: "B" }, { code: "C" }]),
      targets: null,
      submissions: submissionRows(rows),
    });
    const ev = evaluate(wb, H1);
    expect(ev.findings.map((f) => [f.rule, f.unit, f.message])).toEqual([
      ["incomplete_span", "A", "Xã A (A) chưa đủ số liệu 6 tháng đầu năm 2026: thiếu quý II năm 2026"],
      ["missing_submission", "C", "Xã C (C) chưa nộp số liệu 6 tháng đầu năm 2026"],
    ]);
    expect(ev.missing_units).toEqual(["C"]);
    // Each quarter on its own still says who has not submitted it.
    expect(
      evaluate(wb, { year: 2026, quarter: 2 })
        .findings.filter((f) => f.rule === "missing_submission")
        .map((f) => f.unit),
    ).toEqual(["A", "C"]);
  });
});

describe("a span across a merger, unit by unit", () => {
  // OLD1 and OLD2 merged into NEW on 01/07/2026; SPL split between NEW and OTHER the same day.
  const units = [
    ["Mã đơn vị", "Tên đơn vị", "Loại", "Email nhập liệu", "Hoạt động", "Sáp nhập vào", "Từ ngày"],
    ["NEW", "Xã Mới", "Xã", "", true, "", ""],
    ["OTHER", "Xã Khác", "Xã", "", true, "", ""],
    ["OLD1", "Xã Cũ Một", "Xã", "", false, "NEW", "01/07/2026"],
    ["OLD2", "Xã Cũ Hai", "Xã", "", false, "NEW", "01/07/2026"],
    ["SPL", "Xã Chia", "Xã", "", false, "NEW, OTHER", "01/07/2026"],
  ];
  const rows = [
    goodRow("OLD1", "2026-Q1"),
    goodRow("OLD1", "2026-Q2", { explanation: "thiếu máy quét" }),
    goodRow("OLD2", "2026-Q2", { paid_online: 10 }),
    goodRow("SPL", "2026-Q1", { paid_online: 40 }),
    goodRow("SPL", "2026-Q2", { paid_online: 40 }),
    goodRow("NEW", "2026-Q3", { explanation: "đã bổ sung" }),
    goodRow("NEW", "2026-Q4"),
    goodRow("OTHER", "2026-Q3"),
    goodRow("OTHER", "2026-Q4"),
  ];
  const wb = readWorkbook({ units, targets: null, submissions: submissionRows(rows) });
  const ev = evaluate(wb, Y);

  it("the units of the year's end carry their predecessors' quarters; a split unit is in the total only", () => {
    expect(ev.units.map((u) => u.unit)).toEqual(["NEW", "OTHER"]);
    const pay = (code: string) => ev.units.find((u) => u.unit === code)!.indicators.online_payment_rate;
    // NEW: OLD1 Q1 + Q2 (5 + 5), OLD2 Q2 (10), its own Q3 + Q4 (5 + 5), over 5 × 50 fee dossiers.
    expect([pay("NEW").numerator, pay("NEW").denominator]).toEqual([30, 250]);
    expect([pay("OTHER").numerator, pay("OTHER").denominator]).toEqual([10, 100]);
    expect([ev.district.indicators.online_payment_rate.numerator, ev.district.indicators.online_payment_rate.denominator]).toEqual([
      120, 450,
    ]);
    expect([...ev.splitFrom!.entries()]).toEqual([
      ["NEW", ["SPL"]],
      ["OTHER", ["SPL"]],
    ]);
    expect(ev.units.find((u) => u.unit === "NEW")!.figure("received_online")).toBe(5 * 30);
  });
  it("a predecessor's missing quarter makes its successor incomplete, naming it; explanations keep their quarter", () => {
    expect(ev.incomplete).toEqual([{ unit: "NEW", quarters: ["2026-Q1"], lacking: ["OLD2"] }]);
    expect(ev.findings.find((f) => f.rule === "incomplete_span")!.message).toBe(
      "Xã Mới (NEW) chưa đủ số liệu năm 2026: thiếu quý I năm 2026 (chưa nộp: Xã Cũ Hai)",
    );
    expect(ev.units.find((u) => u.unit === "NEW")!.explanation).toBe(
      "Quý II năm 2026 (Xã Cũ Một): thiếu máy quét; Quý III năm 2026: đã bổ sung",
    );
  });
  it("the six months before the merger are the old units'", () => {
    const h1 = evaluate(wb, H1);
    expect(h1.units.map((u) => u.unit)).toEqual(["OLD1", "OLD2", "SPL"]);
    expect(h1.incomplete).toEqual([{ unit: "OLD2", quarters: ["2026-Q1"], lacking: ["OLD2"] }]);
  });
});
