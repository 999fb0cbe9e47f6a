import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  parsePeriod,
  periodId,
  periodLabel,
  previousPeriod,
  reportingPeriodOf,
  reportingPeriodOfDay,
  periodBounds,
} from "../../src/core/period";

describe("parsePeriod", () => {
  it("reads the formats SPEC lists", () => {
    for (const text of [
      "2023-Q1",
      "2023-q1",
      " 2023 - Q1 ",
      "Quý I/2023",
      "quý i/2023",
      "Quy I/2023",
      "Q1/2023",
      "Quý 1/2023",
      "Quý I năm 2023",
      "QUÝ I - 2023",
      "Quí I/2023",
      "Q1 2023",
      "2023 Q1",
      "2023/Q1",
      "Q1 năm 2023",
    ]) {
      expect(parsePeriod(text), text).toEqual({ year: 2023, quarter: 1 });
    }
    expect(parsePeriod("Quý IV/2022")).toEqual({ year: 2022, quarter: 4 });
    expect(parsePeriod("Quý III/2023")).toEqual({ year: 2023, quarter: 3 });
    expect(parsePeriod("Q2/2024")).toEqual({ year: 2024, quarter: 2 });
  });
  it("refuses what is not a period", () => {
    for (const v of ["2023-Q5", "Quý V/2023", "2023", "", "Q1", 2023, null, new Date(), "Quý I/23"]) {
      expect(parsePeriod(v), String(v)).toBeNull();
    }
  });
  it("round-trips the canonical id", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
        const p = { year, quarter: q as 1 | 2 | 3 | 4 };
        expect(parsePeriod(periodId(p))).toEqual(p);
      }),
    );
  });
  it("labels in Vietnamese", () => {
    expect(periodLabel({ year: 2023, quarter: 1 })).toBe("Quý I năm 2023");
    expect(previousPeriod({ year: 2023, quarter: 1 })).toEqual({ year: 2022, quarter: 4 });
    expect(previousPeriod({ year: 2023, quarter: 3 })).toEqual({ year: 2023, quarter: 2 });
  });
});

describe("15th-to-14th rule", () => {
  it("matches SPEC's examples", () => {
    expect(periodId(reportingPeriodOf(new Date(2023, 2, 14)))).toBe("2023-Q1");
    expect(periodId(reportingPeriodOf(new Date(2023, 2, 15)))).toBe("2023-Q2");
    expect(periodId(reportingPeriodOf(new Date(2022, 11, 15)))).toBe("2023-Q1");
    expect(periodId(reportingPeriodOf(new Date(2022, 11, 14)))).toBe("2022-Q4");
    expect(periodId(reportingPeriodOf(new Date(2023, 0, 1)))).toBe("2023-Q1");
    expect(periodId(reportingPeriodOf(new Date(2023, 5, 14)))).toBe("2023-Q2");
    expect(periodId(reportingPeriodOf(new Date(2023, 5, 15)))).toBe("2023-Q3");
    expect(periodId(reportingPeriodOf(new Date(2023, 8, 15)))).toBe("2023-Q4");
  });
  it("every day falls within its period's bounds", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), (d) => {
        const y = d.getFullYear(),
          m = d.getMonth() + 1,
          day = d.getDate();
        const p = reportingPeriodOfDay(y, m, day);
        const { start, end } = periodBounds(p);
        const key = (t: [number, number, number]) => t[0] * 10000 + t[1] * 100 + t[2];
        const k = y * 10000 + m * 100 + day;
        expect(k).toBeGreaterThanOrEqual(key(start));
        expect(k).toBeLessThanOrEqual(key(end));
      }),
    );
  });
});
