/**
 * Regenerates samples/vinh-linh.xlsx, the sample district workbook (see
 * src/local/sample.ts for what it holds and why), with exceljs: cells keep
 * their types (a count typed as text stays text), headers are bold and
 * frozen, targets are formatted as percentages.
 * Run: npm run sample
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleWorkbook } from "../src/local/sample";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS } from "../src/core/schema";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_PATH = join(root, "samples", "vinh-linh.xlsx");

export async function writeSample(path = SAMPLE_PATH): Promise<string> {
  const data = sampleWorkbook();
  const book = new ExcelJS.Workbook();
  book.creator = "Báo cáo CCHC (mẫu)";
  book.created = new Date(Date.UTC(2023, 2, 20));
  book.modified = book.created;
  const add = (name: string, rows: unknown[][], widths: number[]) => {
    const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    for (const r of rows) sheet.addRow(r as ExcelJS.CellValue[]);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
    sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F0FE" } };
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    return sheet;
  };
  add(SHEET_UNITS, data.units, [12, 36, 12, 36, 11]);
  const targets = add(SHEET_TARGETS, data.targets, [26, 8, 10, 60]);
  targets.getColumn(3).eachCell((cell, row) => {
    if (row > 1) cell.numFmt = String(targets.getCell(row, 1).value) === "overdue_dossiers" ? "0" : "0%";
  });
  add(SHEET_SUBMISSIONS, data.submissions, [11, 12, ...Array(22).fill(11), 60]);
  mkdirSync(dirname(path), { recursive: true });
  await book.xlsx.writeFile(path);
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`wrote ${await writeSample()}`);
}
