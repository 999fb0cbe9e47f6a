/**
 * Issue 18, "a clerk's quarter without surprises": each item a test that
 * failed before it was fixed. Reading what clerks type (1–3), the report as
 * printed (4–7), the sidebar and the preview (8–12).
 */
import { describe, expect, it } from "vitest";
import { evaluate, noRowsMessage, readWorkbook } from "../src/core/workbook";
import { goodRow, submissionRows, unitRows } from "./fixtures";
import type { WorkbookValues } from "../src/core/workbook";
import { quangTriWorkbook } from "../src/local/samples/quang-tri";
import { startAddon, type LocalAddon } from "../src/local/runtime";
import { settingsFor } from "../src/core/settings";
import { disposeAfterEach } from "./helpers/addon";

const Q1 = { year: 2023, quarter: 1 } as const;
const book = (rows: ReturnType<typeof goodRow>[], rule?: "15-14" | "calendar"): WorkbookValues => ({
  units: unitRows([{ code: "A" }, { code: "B" }, { code: "C" }]),
  targets: null,
  submissions: submissionRows(rows),
  ...(rule ? { periodRule: rule } : {}),
});

describe("1. a Kỳ báo cáo cell holding a date or a month", () => {
  it("a date cell, a typed date and a month in words are read as the period that contains them, each with a warning on its cell", () => {
    const wb = readWorkbook(book([goodRow("A", new Date(2023, 2, 10) as never), goodRow("B", "10/03/2023"), goodRow("C", "Tháng 2/2023")]));
    const ev = evaluate(wb, Q1);
    expect(ev.units.map((u) => u.unit)).toEqual(["A", "B", "C"]);
    const notes = ev.findings.filter((f) => f.rule === "period_from_date");
    expect(notes.map((f) => [f.cell, f.severity])).toEqual([
      ["A2", "warning"],
      ["A3", "warning"],
      ["A4", "warning"],
    ]);
    expect(notes[0]!.message).toBe(
      '"Kỳ báo cáo" ghi ngày 10/03/2023, không phải kỳ báo cáo: được đọc là quý I năm 2023 (2023-Q1); hãy ghi dạng 2023-Q1',
    );
    expect(notes[2]!.message).toContain("ghi tháng 2/2023");
  });
  it("a month two quarters share under the 15-14 rule is refused on its cell, and the report never says nobody submitted", () => {
    const wb = readWorkbook(book([goodRow("A", "Tháng 3/2023"), goodRow("B", "tháng 03 năm 2023")]));
    const ev = evaluate(wb, Q1);
    expect(ev.units).toEqual([]);
    const bad = wb.submissions.byPeriod.get(-1) ?? [];
    expect(bad).toHaveLength(2);
    const message = noRowsMessage(wb, Q1);
    expect(message).not.toContain("chưa có đơn vị nào nộp");
    expect(message).toContain('2 dòng có ô "Kỳ báo cáo" không đọc được (Số liệu!A2, Số liệu!A3)');
    // Under the calendar rule March is quý I only.
    expect(evaluate(readWorkbook(book([goodRow("A", "Tháng 3/2023")], "calendar")), Q1).units.map((u) => u.unit)).toEqual(["A"]);
  });
  it("the refusal names the two quarters the month belongs to", async () => {
    const { readSubmissions, readRows } = await import("../src/core/read");
    const t = readSubmissions(submissionRows([goodRow("A", "Tháng 3/2023")]));
    const rows = readRows(t, t.byPeriod.get(-1)!);
    expect(rows.issues.find((i) => i.key === "period")!.message).toBe(
      '"Kỳ báo cáo" ghi tháng 3/2023: theo quy tắc 15-14, ngày 1–14/3 thuộc quý I năm 2023, từ ngày 15/3 thuộc quý II năm 2023; hãy ghi kỳ báo cáo, ví dụ 2023-Q1',
    );
  });
});

describe("2. counts typed as text in Vietnamese style", () => {
  it('"1.200" and "12.345" in a count are read, each with a warning; the unit keeps its figures', () => {
    const ev = evaluate(readWorkbook(book([goodRow("A", "2023-Q1", { documents_issued: "1.200", work_records: "12.345" })])), Q1);
    const a = ev.units.find((u) => u.unit === "A")!;
    expect([a.figure("documents_issued"), a.figure("work_records")]).toEqual([1200, 12345]);
    const warned = ev.findings.filter((f) => f.rule === "number_from_text");
    expect(warned.map((f) => [f.cell, f.severity])).toEqual([
      ["U2", "warning"],
      ["W2", "warning"],
    ]);
    expect(warned[0]!.message).toBe('"Văn bản đi" ghi số dạng chữ ("1.200"), được đọc là 1.200; hãy nhập số (không gõ dấu chấm)');
    expect(ev.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
  it('what is ambiguous stays refused: "500,5" and "1.2" in a count, "1.200" in an amount (triệu đồng)', () => {
    const ev = evaluate(
      readWorkbook(
        book([
          goodRow("A", "2023-Q1", { received_carried: "500,5" }),
          goodRow("B", "2023-Q1", { received_carried: "1.2" }),
          goodRow("C", "2023-Q1", { investment_plan: "1.200" }),
        ]),
      ),
      Q1,
    );
    expect(ev.findings.filter((f) => f.rule === "not_a_number").map((f) => f.cell)).toEqual(["F2", "F3", "S4"]);
    expect(ev.findings.some((f) => f.rule === "number_from_text")).toBe(false);
  });
});

// ------------------------------------------------------------------ the report

const track = disposeAfterEach();
const QT = quangTriWorkbook();
function province(today = new Date("2026-06-10T09:00:00+07:00")): LocalAddon {
  return track(
    startAddon({
      sheets: { "Đơn vị": QT.units, "Chỉ tiêu": QT.targets, "Số liệu": QT.submissions },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Quảng Trị")) },
      today,
    }),
  );
}
const docText = (a: LocalAddon) => JSON.stringify(a.documents.at(-1)).replace(/\\"/g, '"');

describe("5. a report for a quarter that has not begun", () => {
  it("2026-Q3 on 10/06/2026 is refused with its dates; nothing is written", () => {
    const a = province();
    expect(() => a.call("generateReport", "2026-Q3")).toThrow(
      "Kỳ quý III năm 2026 (15/06/2026–14/09/2026) chưa bắt đầu: hôm nay là 10/06/2026. Hãy chọn một kỳ đã bắt đầu; không tạo báo cáo.",
    );
    expect(a.documents).toHaveLength(0);
    a.call("generateReport", "2026-Q2");
    expect(a.documents).toHaveLength(1);
  });
});

describe("6. approval in the report", () => {
  it("before any row is approved the report says so in one sentence", () => {
    const a = province();
    a.call("generateReport", "2026-Q2");
    expect(docText(a)).toContain("Số liệu chưa được duyệt.");
    expect(docText(a)).not.toContain("đơn vị chưa được duyệt:");
  });
});

describe("7. words for units follow the period's units", () => {
  it("2025-Q2 (the old communes) names xã, phường, thị trấn; 2026-Q2 names xã, phường, đặc khu", () => {
    const a = province();
    a.call("generateReport", "2025-Q2");
    const before = docText(a);
    expect(before).toContain(
      "trên cơ sở số liệu do các xã, phường, thị trấn, các sở, ban, ngành và Trung tâm Phục vụ hành chính công tỉnh cập nhật",
    );
    expect(before).not.toMatch(/số liệu do [^"]*đặc khu/);
    a.call("generateReport", "2026-Q2");
    expect(docText(a)).toContain(
      "số liệu do các xã, phường, đặc khu, các sở, ban, ngành và Trung tâm Phục vụ hành chính công tỉnh cập nhật",
    );
  });
});

describe("4. Decree 30's masthead", () => {
  type Para = { kind: string; alignment?: string; inlines: { runs: { text: string; bold: boolean; underline: boolean }[] }[] };
  const cellParas = (a: LocalAddon, c: number): Para[] => {
    const doc = a.documents.at(-1) as unknown as { blocks: { kind: string; rows?: { cells: { blocks: Para[] }[] }[] }[] };
    const table = doc.blocks.find((b) => b.kind === "table")!;
    return table.rows![0]!.cells[c]!.blocks.filter((b) => b.kind === "paragraph");
  };
  const text = (p: Para) => p.inlines.flatMap((i) => i.runs.map((r) => r.text)).join("");
  const isRule = (p: Para) =>
    /^\u00a0+$/.test(text(p)) && p.inlines.every((i) => i.runs.every((r) => r.underline)) && p.alignment === "CENTER";
  it("the body's name breaks as ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ, with a short centered rule under it; the motto has its rule", () => {
    const a = province();
    a.call("generateReport", "2026-Q2");
    const left = cellParas(a, 0);
    expect(left.map(text).slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]);
    expect(isRule(left[2]!)).toBe(true);
    // 1/3 to 1/2 of the name's line: about 2 no-break spaces of 6 pt a capital of 12 pt.
    expect(text(left[2]!).length).toBeGreaterThan("TỈNH QUẢNG TRỊ".length * 1.5);
    expect(text(left[2]!).length).toBeLessThan("TỈNH QUẢNG TRỊ".length * 3);
    expect(text(left[3]!)).toMatch(/^Số: +\/BC-UBND$/);
    const right = cellParas(a, 1);
    expect(right.map(text).slice(0, 2)).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(isRule(right[2]!)).toBe(true);
    expect(text(right[3]!)).toBe("Quảng Trị, ngày 10 tháng 6 năm 2026");
  });
  it("the HTML view gives single spacing the font's line height (no capital's diacritic drawn across the line above)", async () => {
    const { renderHtml } = await import("../src/local/render/document-html");
    const a = province();
    a.call("generateReport", "2026-Q2");
    const html = renderHtml(a.documents.at(-1)!);
    const lh = [...html.matchAll(/line-height:([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...lh)).toBeGreaterThanOrEqual(1.15);
    expect(html).not.toContain("line-through");
    // docs/report-page1-libreoffice.png: the .docx rendered by LibreOffice (soffice --convert-to pdf, pdftoppm).
  });
});

describe("11. after highlighting, the sheet opens on the period's rows", () => {
  it("the active cell is the first row of the period highlighted, not row 1 of the oldest quarter", () => {
    const a = province();
    a.call("highlightPeriod", "2026-Q2");
    const sheet = a.env.document.getActiveSheet();
    expect(sheet.getName()).toBe("Số liệu");
    const row = sheet.getActiveRange()!.getRow();
    const firstOfPeriod = QT.submissions.findIndex((r) => r[0] === "2026-Q2") + 1;
    expect(row).toBe(firstOfPeriod);
    expect(row).toBeGreaterThan(500);
  });
});

describe("12. the preview computes formulas: the add-on's own custom functions (from the bundle), arithmetic and SUM", () => {
  it("both separators; what it cannot compute says so in the cell", async () => {
    const { formulaEngine, CANNOT, toParserSyntax } = await import("../src/local/preview/formulas");
    const { entryPoints } = await import("../src/entrypoints");
    const names = entryPoints()
      .filter((e) => e.kind === "custom")
      .map((e) => e.name);
    let running: LocalAddon | null = null;
    const custom = (name: string) =>
      running ? (running.context as Record<string, ((...a: unknown[]) => unknown) | undefined>)[name] : undefined;
    const a = track(
      startAddon({
        sheets: {
          S: [
            ["online", "service", "x"],
            [30, 60, ""],
            [10, 40, ""],
          ],
        },
        evaluateFormula: formulaEngine(custom, names),
      }),
    );
    running = a;
    const sheet = a.env.sheet("S");
    const put = (a1: string, f: string) => {
      sheet.getRange(a1).setFormula(f);
      return sheet.getRange(a1).getValue();
    };
    expect(toParserSyntax("=ROUND(1,5; 0)")).toBe("ROUND(1.5, 0)");
    expect(toParserSyntax('=IF(A1>0,"a;b",2)')).toBe('IF(A1>0,"a;b",2)');
    // One rate per row: the cell shows the first row's (30/60); Sheets spills the rest below.
    expect(put("C2", "=ONLINE_RATE(A2:A3; B2:B3)")).toBeCloseTo(0.5);
    expect(put("C3", "=ONLINE_RATE(A3, B3)")).toBeCloseTo(0.25);
    expect(put("D2", "=SUM(A2:A3)")).toBe(40);
    expect(put("D3", "=A2*2+B3")).toBe(100);
    expect(put("D4", "=ROUND(1,5;0)")).toBe(2);
    expect(put("D5", "=A2/0")).toBe("#DIV/0!");
    expect(put("D6", '=IMPORTRANGE("x";"A1")')).toBe(`${CANNOT}: hàm IMPORTRANGE chỉ có trong Google Trang tính`);
    expect(put("D7", "=SUM(A2:")).toBe(`${CANNOT} (=SUM(A2:)`);
  });
});
