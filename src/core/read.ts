/**
 * THE reading path: one routine finds any sheet's header row and columns
 * (openSheet), and the submissions are read once into columns
 * (readSubmissions): one typed array per figure, one entry per row, so that
 * 100,000 rows cost a few flat arrays rather than 100,000 objects. The
 * sheet actions, the command line and the submission-checking custom function all read through here.
 */
import { a1 } from "./a1";
import { BLANK, cellProblem, isBlank, isErrorValue, readNumber } from "./cells";
import { parsePeriod, periodKey } from "./period";
import {
  FIGURE_COLUMNS, headerOf, mapColumns, SUBMISSIONS_SHEET, type ColumnMap, type FigureKey, type SheetDef, type SubmissionKey,
} from "./schema";
import { describeValue, isBlankRow, isDate } from "./text";

export type Values = readonly (readonly unknown[])[];

/** A sheet whose columns have been found. */
export interface OpenedSheet<K extends string> {
  readonly def: SheetDef<K>;
  readonly map: ColumnMap<K>;
  /** A1 cell of a field in a row (0-based index into the values), or null when the column is absent. */
  cell(rowIndex: number, key: string): string | null;
  /** The header of a field ("Nhận trực tuyến"). */
  header(key: string): string;
  /** 0-based indices of the data rows (below the header, not blank). */
  dataRows(values: Values): number[];
}

/** Finds a sheet's header row and columns (throws SchemaError naming the sheet and what is missing). */
export function openSheet<K extends string>(def: SheetDef<K>, values: Values): OpenedSheet<K> {
  const map = mapColumns(def, values);
  return {
    def,
    map,
    cell(rowIndex, key) {
      const c = map.columns[key as K];
      return c === undefined ? null : a1(rowIndex + 1, c + 1);
    },
    header: (key) => headerOf(def, key),
    dataRows(v) {
      const out: number[] = [];
      for (let i = map.headerRow + 1; i < v.length; i++) if (!isBlankRow(v[i]!)) out.push(i);
      return out;
    },
  };
}

/** A problem with one cell of a submission row. */
export interface CellIssue {
  /** Row of the table (not of the sheet). */
  readonly row: number;
  readonly key: SubmissionKey;
  readonly rule: string;
  readonly message: string;
}

/** Marks an unreadable figure in SubmissionTable.fields (readable values are ≥ 0, blanks NaN). */
export const UNREADABLE = -1;

export interface SubmissionTable {
  readonly sheet: OpenedSheet<SubmissionKey>;
  readonly length: number;
  /** 1-based sheet row of each table row. */
  readonly sheetRow: Int32Array;
  /** periodKey of each row, or -1 when blank or unreadable. */
  readonly period: Int32Array;
  /** Unit code (trimmed, upper case), or "" when blank or unreadable. */
  readonly unit: readonly string[];
  /**
   * 0 for a row prepared in advance with only its period and unit (every
   * figure blank): the unit has not submitted yet, it is not 13 blank-cell errors.
   */
  readonly entered: Uint8Array;
  /** One column per FIGURE_KEYS entry: the value (≥ 0), NaN when blank, UNREADABLE when the cell has a problem. */
  readonly fields: readonly Float64Array[];
  readonly explanation: readonly string[];
  /** Cell problems, in row order. */
  readonly issues: readonly CellIssue[];
}

/** Unit codes are compared trimmed and upper-cased. */
export function unitCode(v: unknown): string {
  return String(v ?? "").trim().toUpperCase();
}

function textOf(v: unknown): string {
  return isBlank(v) ? "" : isDate(v) ? describeValue(v) : String(v).trim();
}

/**
 * Reads `Số liệu` (its values as getValues gives them, header included) into
 * columns, checking every cell once. Throws SchemaError when a required column is missing.
 */
export function readSubmissions(values: Values): SubmissionTable {
  const sheet = openSheet(SUBMISSIONS_SHEET, values);
  const rows = sheet.dataRows(values);
  const n = rows.length;
  const cols = sheet.map.columns;
  const figureCols = FIGURE_COLUMNS.map((c) => ({ key: c.key, kind: c.kind, required: c.required, col: cols[c.key] }));
  const fields = figureCols.map(() => new Float64Array(n).fill(NaN));
  const sheetRow = new Int32Array(n);
  const period = new Int32Array(n);
  const entered = new Uint8Array(n);
  const unit: string[] = new Array<string>(n);
  const explanation: string[] = new Array<string>(n);
  const issues: CellIssue[] = [];
  const periodCol = cols.period!;
  const unitCol = cols.unit!;
  const explanationCol = cols.explanation;
  const periods = new Map<unknown, number>();
  const units = new Map<unknown, string>();
  const issue = (row: number, key: SubmissionKey, rule: string, message: string) =>
    issues.push({ row, key, rule, message: `"${sheet.header(key)}" ${message}` });

  for (let r = 0; r < n; r++) {
    const cells = values[rows[r]!]!;
    sheetRow[r] = rows[r]! + 1;
    const rowIssues = issues.length;

    let any = false;
    for (let f = 0; f < figureCols.length; f++) {
      const fc = figureCols[f]!;
      if (fc.col === undefined) continue;
      const v = cells[fc.col];
      const x = readNumber(v, fc.kind);
      if (x >= 0) {
        fields[f]![r] = x;
        any = true;
      } else if (x !== BLANK) {
        fields[f]![r] = UNREADABLE;
        any = true;
        const p = cellProblem(v, x);
        issue(r, fc.key, p.rule, p.reason);
      }
    }
    const note = explanationCol === undefined ? "" : textOf(cells[explanationCol]);
    explanation[r] = note;
    entered[r] = any || note !== "" ? 1 : 0;
    if (entered[r]) {
      // Blank required figures are errors only in a row the unit has started to fill.
      for (let f = 0; f < figureCols.length; f++) {
        const fc = figureCols[f]!;
        if (fc.required && fields[f]![r] !== fields[f]![r]) issue(r, fc.key, "count_blank", "chưa nhập");
      }
    }

    const pv = cells[periodCol];
    let pk = periods.get(pv);
    if (pk === undefined) {
      const p = isBlank(pv) ? null : parsePeriod(pv);
      pk = p ? periodKey(p) : -1;
      periods.set(pv, pk);
    }
    period[r] = pk;
    if (pk === -1) {
      issue(r, "period", "bad_period", isBlank(pv) ? "chưa nhập" : `không đọc được (${describeValue(pv)}); hãy ghi dạng 2023-Q1 hoặc Quý I/2023`);
    }

    const uv = cells[unitCol];
    let code = units.get(uv);
    if (code === undefined) {
      code = isBlank(uv) || isErrorValue(uv) || (typeof uv !== "string" && typeof uv !== "number") ? "" : unitCode(uv);
      units.set(uv, code);
    }
    unit[r] = code;
    if (!code) issue(r, "unit", "unknown_unit", isBlank(uv) ? "chưa nhập" : `không phải mã đơn vị (${describeValue(uv)})`);

    // Keep the issues of a row in column order of the sheet's reading (period and unit first).
    if (issues.length - rowIssues > 1) {
      const mine = issues.splice(rowIssues).sort((a, b) => order(a.key) - order(b.key));
      for (const m of mine) issues.push(m);
    }
  }
  return { sheet, length: n, sheetRow, period, unit, entered, fields, explanation, issues };
}

const ORDER = new Map<string, number>(SUBMISSIONS_SHEET.columns.map((c, i) => [c.key, i]));
const order = (key: string) => ORDER.get(key) ?? 0;

/** A figure of a table row: its value, or NaN when blank or unreadable. */
export function figureAt(table: SubmissionTable, figure: number, row: number): number {
  const v = table.fields[figure]![row]!;
  return v >= 0 ? v : NaN;
}

export type { FigureKey };
