import { describe, expect, it } from "vitest";
import { cellCount, gapText, shortfallRanges, targetText, validationView, valueText } from "../../src/core/view";
import { evaluate, readWorkbook } from "../../src/core/workbook";
import { goodRow, workbook } from "../fixtures";

const Q1 = { year: 2023, quarter: 1 } as const;

describe("what the sidebar shows", () => {
  it("formats values and targets in vi-VN style", () => {
    expect(valueText("online_payment_rate", 0.059)).toBe("5,9%");
    expect(valueText("overdue_dossiers", 1234)).toBe("1.234");
    expect(valueText("ontime_rate", null)).toBe("");
    expect(targetText("online_payment_rate", 0.3)).toBe("≥ 30%");
    expect(targetText("overdue_dossiers", 0)).toBe("≤ 0");
    expect(
      gapText("online_payment_rate", { value: 0.059, numerator: 59, denominator: 1000, target: 0.3, met: false, shortfall: 0.241 }),
    ).toBe("còn thiếu 24,1 điểm %");
    expect(gapText("overdue_dossiers", { value: 23, numerator: 23, denominator: null, target: 0, met: false, shortfall: 23 })).toBe(
      "vượt 23 hồ sơ",
    );
  });
  it("groups findings by unit, units with errors first, errors before warnings", () => {
    const ev = evaluate(
      readWorkbook(
        workbook(["A", "B", "C"], [goodRow("A", "2023-Q1", { apologies: 9 }), goodRow("B", "2023-Q1", { apologies: 9, paid_online: -1 })]),
      ),
      Q1,
    );
    const view = validationView(ev);
    expect(view.groups.map((g) => [g.unit, g.errors, g.warnings])).toEqual([
      ["B", 1, 1],
      ["A", 0, 1],
      ["C", 0, 1],
    ]);
    expect(view.groups[0]!.findings.map((f) => f.severityText)).toEqual(["Lỗi", "Cảnh báo"]);
    expect(view.missing).toEqual([{ code: "C", name: "Xã C" }]);
    expect([view.submitted, view.expected]).toEqual([2, 3]);
  });
});

describe("cells to mark", () => {
  it("are the numerator cells of each unit × indicator below target, merged down a column", () => {
    const rows = ["A", "B", "C", "D"].map((u, i) => goodRow(u, "2023-Q1", i === 2 ? { paid_online: 20 } : {}));
    const wb = readWorkbook(workbook(["A", "B", "C", "D"], rows));
    const ev = evaluate(wb, Q1);
    const ranges = shortfallRanges(ev, wb.submissionColumns);
    // online payment 5/50 misses 30% for A, B, D (rows 2, 3, 5), not for C (20/50 = 40%).
    expect(ranges).toContain("R2:R3");
    expect(ranges).toContain("R5");
    expect(cellCount(["R2:R3", "R5", "K2:K5"])).toBe(7);
  });
});
