/**
 * Workbooks for the benchmark, written with exceljs's streaming writer: a
 * number of units, each with one row per quarter, figures varied per row and
 * consistent (every rule holds) except one row in fifty, which carries a text
 * in a count cell or a wrong total. Columns come from the schema.
 */
import ExcelJS from "exceljs";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS, SUBMISSION_COLUMNS, TARGET_COLUMNS, UNIT_COLUMNS } from "../src/core/schema";
import { INDICATORS } from "../src/core/catalogue";
import { periodId, previousPeriod, type Period } from "../src/core/period";

/** One consistent submission row for unit i in quarter q, as values by key. */
export function benchRow(i: number, q: number): Record<string, number | string> {
  const k = (i * 7 + q * 13) % 97;
  const online = 20 + k,
    direct = 60 + ((k * 3) % 50),
    carried = 5 + (k % 9);
  const received = online + direct + carried;
  const within = 10 + (k % 7),
    overdue = k % 4;
  const resolved = received - within - overdue;
  const late = k % 5,
    early = Math.floor(resolved * 0.3),
    ontime = resolved - early - late;
  const issued = 100 + k,
    records = 30 + (k % 20),
    ratings = 40 + k;
  const row: Record<string, number | string> = {
    received_total: received,
    received_online: online,
    received_direct: direct,
    received_carried: carried,
    online_service_dossiers: online + 10,
    resolved_total: resolved,
    resolved_early: early,
    resolved_ontime: ontime,
    resolved_late: late,
    pending_total: within + overdue,
    pending_within: within,
    pending_overdue: overdue,
    apologies: Math.min(late + overdue, k % 3),
    digitized: Math.floor((online + direct) * 0.7),
    fee_dossiers: 30 + (k % 40),
    paid_online: 5 + (k % 20),
    investment_plan: 1000 + k * 10,
    investment_disbursed: 300 + k * 5,
    documents_issued: issued,
    documents_signed: issued - (k % 30),
    work_records: records,
    work_records_electronic: records - (k % 10),
    received_online_full: Math.floor(online / 2),
    results_digitized: Math.floor(resolved * 0.6),
    ratings,
    ratings_satisfied: ratings - (k % 8),
    explanation: k % 10 === 0 ? "Đường truyền gián đoạn" : "",
  };
  if ((i + q) % 50 === 0) row["paid_online"] = "chưa thống kê";
  if ((i + q) % 50 === 25) row["received_total"] = received + 2;
  return row;
}

/** The quarters ending at `last`, oldest first. */
export function quarters(last: Period, n: number): Period[] {
  const out: Period[] = [];
  for (let p = last, k = 0; k < n; k++, p = previousPeriod(p)) out.unshift(p);
  return out;
}

export async function writeBenchWorkbook(path: string, units: number, periods: readonly Period[]): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const u = book.addWorksheet(SHEET_UNITS);
  u.addRow(UNIT_COLUMNS.map((c) => c.header)).commit();
  const code = (i: number) => `DV${String(i + 1).padStart(5, "0")}`;
  for (let i = 0; i < units; i++) {
    const values: Record<string, unknown> = { code: code(i), name: `Xã Thử ${i + 1}`, kind: "Xã", editors: "", active: true };
    u.addRow(UNIT_COLUMNS.map((c) => values[c.key] ?? "")).commit();
  }
  u.commit();
  const t = book.addWorksheet(SHEET_TARGETS);
  t.addRow(TARGET_COLUMNS.map((c) => c.header)).commit();
  for (const d of INDICATORS) {
    const values: Record<string, unknown> = { indicator: d.code, year: "", target: d.unit === "rate" ? 0.8 : 0, basis: "Mục tiêu thử" };
    t.addRow(TARGET_COLUMNS.map((c) => values[c.key] ?? "")).commit();
  }
  t.commit();
  const s = book.addWorksheet(SHEET_SUBMISSIONS);
  s.addRow(SUBMISSION_COLUMNS.map((c) => c.header)).commit();
  let rows = 0;
  periods.forEach((p, q) => {
    for (let i = 0; i < units; i++) {
      const values = { ...benchRow(i, q), period: periodId(p), unit: code(i) };
      s.addRow(SUBMISSION_COLUMNS.map((c) => (values as Record<string, unknown>)[c.key] ?? "")).commit();
      rows++;
    }
  });
  s.commit();
  await book.commit();
  return rows;
}
