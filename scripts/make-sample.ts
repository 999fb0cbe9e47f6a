/**
 * Regenerates the sample workbooks with exceljs: samples/vinh-linh.xlsx, the
 * sample district (src/local/samples/vinh-linh.ts), and samples/quang-tri-2026.xlsx, the
 * sample province (src/local/samples/quang-tri.ts; see there for what each
 * holds and why), and samples/ha-tinh-2026.xlsx, the second province, set up
 * by the add-on itself from the national unit list (src/local/samples/province.ts). Cells keep their types (a count typed as text stays text,
 * a merger date is a date shown dd/mm/yyyy), headers are bold and frozen,
 * targets are formatted as percentages.
 * Run: npm run sample
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleWorkbook, type SampleWorkbook } from "../src/local/samples/vinh-linh";
import { quangTriWorkbook } from "../src/local/samples/quang-tri";
import { provinceWorkbook } from "../src/local/samples/province";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS, SUBMISSION_COLUMNS, UNIT_COLUMNS } from "../src/core/schema";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_PATH = join(root, "samples", "vinh-linh.xlsx");
export const PROVINCE_SAMPLE_PATH = join(root, "samples", "quang-tri-2026.xlsx");
export const SECOND_PROVINCE_PATH = join(root, "samples", "ha-tinh-2026.xlsx");

/** Column widths of `Đơn vị` by key; an extra column (a note) is wide. */
const UNIT_WIDTHS: Record<string, number> = { code: 12, name: 36, kind: 16, editors: 36, active: 11, successors: 16, merged_on: 12 };

async function writeWorkbook(data: SampleWorkbook, path: string, created: Date): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.creator = "Báo cáo CCHC (mẫu)";
  book.created = created;
  book.modified = created;
  const add = (name: string, rows: unknown[][], widths: number[]) => {
    const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    for (const r of rows) sheet.addRow(r as ExcelJS.CellValue[]);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
    sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F0FE" } };
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    return sheet;
  };
  const unitHeader = data.units[0] as string[];
  const units = add(
    SHEET_UNITS,
    data.units,
    unitHeader.map((h) => UNIT_WIDTHS[UNIT_COLUMNS.find((c) => c.header === h)?.key ?? ""] ?? 60),
  );
  const dateColumn = unitHeader.indexOf(UNIT_COLUMNS.find((c) => c.key === "merged_on")!.header) + 1;
  units.getColumn(dateColumn).eachCell((cell, row) => {
    if (row > 1 && cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy";
  });
  const targets = add(SHEET_TARGETS, data.targets, [26, 8, 10, 60]);
  targets.getColumn(3).eachCell((cell, row) => {
    if (row > 1) cell.numFmt = String(targets.getCell(row, 1).value) === "overdue_dossiers" ? "0" : "0%";
  });
  add(
    SHEET_SUBMISSIONS,
    data.submissions,
    SUBMISSION_COLUMNS.map((c) => (c.key === "explanation" ? 60 : c.key === "unit" ? 12 : 11)),
  );
  mkdirSync(dirname(path), { recursive: true });
  await book.xlsx.writeFile(path);
  return path;
}

/** samples/vinh-linh.xlsx (or `path`). */
export function writeSample(path = SAMPLE_PATH): Promise<string> {
  return writeWorkbook(sampleWorkbook(), path, new Date(Date.UTC(2023, 2, 20)));
}

/** samples/quang-tri-2026.xlsx (or `path`). */
export function writeProvinceSample(path = PROVINCE_SAMPLE_PATH): Promise<string> {
  return writeWorkbook(quangTriWorkbook(), path, new Date(Date.UTC(2026, 5, 10)));
}

/** samples/ha-tinh-2026.xlsx (or `path`): set up by the bundled add-on from the national list (needs dist/, npm run build). */
export function writeSecondProvinceSample(path = SECOND_PROVINCE_PATH): Promise<string> {
  return writeWorkbook(provinceWorkbook(), path, new Date(Date.UTC(2026, 5, 10)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`wrote ${await writeSample()}`);
  console.log(`wrote ${await writeProvinceSample()}`);
  console.log(`wrote ${await writeSecondProvinceSample()}`);
}
