/**
 * THE reading path: one routine finds any sheet's header row and columns
 * (openSheet), and the submissions are read once into columns
 * (readSubmissions): one typed array per figure, one entry per row, so that
 * 100,000 rows cost a few flat arrays rather than 100,000 objects. The
 * sheet actions, the command line and the submission-checking custom function all read through here.
 */
import { a1 } from "./a1";
import { BLANK, cellProblem, DOT_GROUPED, isBlank, isErrorValue, readNumber } from "./cells";
import { type Day, localDay, type PeriodCell, type PeriodRule, periodKey, readPeriodCell } from "./period";
import {
  FIGURE_COLUMNS,
  headerOf,
  mapColumns,
  SUBMISSIONS_SHEET,
  type ColumnMap,
  type FigureKey,
  type SheetDef,
  type SubmissionKey,
} from "./schema";
import { describeValue, formatNumber, isBlankRow, isDate } from "./text";

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
  /** Row of the block (not of the sheet). */
  readonly row: number;
  readonly key: SubmissionKey;
  readonly rule: string;
  readonly message: string;
}

/** Marks an unreadable figure in RowBlock.fields (readable values are ≥ 0, blanks NaN). */
export const UNREADABLE = -1;

/**
 * `Số liệu` after a first, cheap pass over every row: where each row is, its
 * period and its unit. The figures are read per period (readRows), so that a
 * report on one quarter of a 100,000-row sheet reads that quarter's cells only.
 */
export interface SubmissionTable {
  readonly sheet: OpenedSheet<SubmissionKey>;
  readonly values: Values;
  readonly length: number;
  /** 0-based index into the values of each row. */
  readonly index: Int32Array;
  /** periodKey of each row, or -1 when blank or unreadable. */
  readonly period: Int32Array;
  /** Rows whose `Kỳ báo cáo` held a date or a month: what it was read as, or why it could not be. */
  readonly periodNotes: ReadonlyMap<number, PeriodCell>;
  /** The rows of each period key (-1: rows whose period cannot be read), in sheet order. */
  readonly byPeriod: ReadonlyMap<number, readonly number[]>;
}

/** Some rows of the table with every cell read and checked once. */
export interface RowBlock {
  /** Rows of the table, in sheet order. */
  readonly rows: Int32Array;
  readonly length: number;
  /** 1-based sheet row of each block row. */
  readonly sheetRow: Int32Array;
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
  /** Cell problems, in row order, then column order. */
  readonly issues: readonly CellIssue[];
}

/** Unit codes are compared trimmed and upper-cased. */
export function unitCode(v: unknown): string {
  return String(v ?? "")
    .trim()
    .toUpperCase();
}

function textOf(v: unknown): string {
  return isBlank(v) ? "" : isDate(v) ? describeValue(v) : String(v).trim();
}

/**
 * The first pass over `Số liệu` (its values as getValues gives them, header
 * included): rows, periods and units. Throws SchemaError when a required column is missing.
 */
export function readSubmissions(values: Values, dayOf: (d: Date) => Day = localDay, rule: PeriodRule = "15-14"): SubmissionTable {
  const sheet = openSheet(SUBMISSIONS_SHEET, values);
  const periodCol = sheet.map.columns.period!;
  const unitCol = sheet.map.columns.unit!;
  const first = sheet.map.headerRow + 1;
  const size = Math.max(0, values.length - first);
  const index = new Int32Array(size);
  const period = new Int32Array(size);
  const byPeriod = new Map<number, number[]>();
  // Periods repeat, mostly row after row: each distinct cell value is parsed once.
  const periods = new Map<unknown, number>();
  // What a cell that holds a date or a month, not a period, was read as (or why not), by the cell's value.
  const notes = new Map<unknown, PeriodCell>();
  const periodNotes = new Map<number, PeriodCell>();
  let lastValue: unknown = null;
  let lastKey = -1;
  let lastList: number[] = [];
  let n = 0;
  for (let i = first; i < values.length; i++) {
    const cells = values[i]!;
    const pv = cells[periodCol];
    // A row is a data row unless every cell is blank (period and unit are looked at first: they are rarely blank).
    if (isBlank(pv) && isBlank(cells[unitCol]) && isBlankRow(cells)) continue;
    if (n === 0 || pv !== lastValue) {
      let pk = periods.get(pv);
      if (pk === undefined) {
        const read = isBlank(pv) ? null : readPeriodCell(pv, dayOf, rule);
        pk = read?.period ? periodKey(read.period) : -1;
        periods.set(pv, pk);
        if (read && (read.note || read.problem)) notes.set(pv, read);
      }
      lastValue = pv;
      lastKey = pk;
      let list = byPeriod.get(pk);
      if (!list) byPeriod.set(pk, (list = []));
      lastList = list;
    }
    index[n] = i;
    period[n] = lastKey;
    const note = notes.size ? notes.get(pv) : undefined;
    if (note) periodNotes.set(n, note);
    lastList.push(n);
    n++;
  }
  return { sheet, values, length: n, index: index.subarray(0, n), period: period.subarray(0, n), byPeriod, periodNotes };
}

const ORDER = new Map<string, number>(SUBMISSIONS_SHEET.columns.map((c, i) => [c.key, i]));
const order = (key: string) => ORDER.get(key) ?? 0;

/** The rows of one period and the rows whose period cannot be read, in sheet order. */
export function periodRows(table: SubmissionTable, key: number): number[] {
  const own = table.byPeriod.get(key) ?? [];
  const unreadable = table.byPeriod.get(-1);
  return unreadable ? [...own, ...unreadable].sort((a, b) => a - b) : [...own];
}

/** Every row of the table. */
export function allRows(table: SubmissionTable): number[] {
  return Array.from({ length: table.length }, (_, r) => r);
}

/** Reads and checks every cell of some rows of the table (in sheet order), once. */
export function readRows(table: SubmissionTable, picked: readonly number[]): RowBlock {
  const n = picked.length;
  const { sheet, values } = table;
  const cols = sheet.map.columns;
  const figureCols = FIGURE_COLUMNS.map((c) => ({ key: c.key, kind: c.kind, required: c.required, col: cols[c.key] }));
  const fields = figureCols.map(() => new Float64Array(n).fill(NaN));
  const sheetRow = new Int32Array(n);
  const entered = new Uint8Array(n);
  const explanation: string[] = new Array<string>(n);
  const unit: string[] = new Array<string>(n);
  const issues: CellIssue[] = [];
  const explanationCol = cols.explanation;
  const issue = (row: number, key: SubmissionKey, rule: string, message: string) =>
    issues.push({ row, key, rule, message: `"${sheet.header(key)}" ${message}` });

  for (let k = 0; k < n; k++) {
    const r = picked[k]!;
    const cells = values[table.index[r]!]!;
    sheetRow[k] = table.index[r]! + 1;
    const rowIssues = issues.length;
    const periodNote = table.periodNotes.get(r);
    if (table.period[r] === -1) {
      const pv = cells[cols.period!];
      issue(
        k,
        "period",
        "bad_period",
        isBlank(pv) ? "chưa nhập" : (periodNote?.problem ?? `không đọc được (${describeValue(pv)}); hãy ghi dạng 2023-Q1 hoặc Quý I/2023`),
      );
    } else if (periodNote?.note) issue(k, "period", "period_from_date", periodNote.note);
    const uv = cells[cols.unit!];
    const code = isBlank(uv) || isErrorValue(uv) || (typeof uv !== "string" && typeof uv !== "number") ? "" : unitCode(uv);
    unit[k] = code;
    if (!code) issue(k, "unit", "unknown_unit", isBlank(uv) ? "chưa nhập" : `không phải mã đơn vị (${describeValue(uv)})`);
    let any = false;
    for (let f = 0; f < figureCols.length; f++) {
      const fc = figureCols[f]!;
      if (fc.col === undefined) continue;
      const v = cells[fc.col];
      const x = readNumber(v, fc.kind);
      if (x >= 0) {
        fields[f]![k] = x;
        any = true;
        if (typeof v === "string" && DOT_GROUPED.test(v))
          issue(
            k,
            fc.key,
            "number_from_text",
            `ghi số dạng chữ ("${v.trim()}"), được đọc là ${formatNumber(x, 0)}; hãy nhập số (không gõ dấu chấm)`,
          );
      } else if (x !== BLANK) {
        fields[f]![k] = UNREADABLE;
        any = true;
        const p = cellProblem(v, x);
        issue(k, fc.key, p.rule, p.reason);
      }
    }
    const note = explanationCol === undefined ? "" : textOf(cells[explanationCol]);
    explanation[k] = note;
    entered[k] = any || note !== "" ? 1 : 0;
    if (entered[k]) {
      // Blank required figures are errors only in a row the unit has started to fill.
      for (let f = 0; f < figureCols.length; f++) {
        const fc = figureCols[f]!;
        if (fc.required && Number.isNaN(fields[f]![k]!)) issue(k, fc.key, "count_blank", "chưa nhập");
      }
      if (issues.length - rowIssues > 1) {
        const mine = issues.splice(rowIssues).sort((a, b) => order(a.key) - order(b.key));
        for (const m of mine) issues.push(m);
      }
    }
  }
  return { rows: Int32Array.from(picked), length: n, sheetRow, unit, entered, fields, explanation, issues };
}

/** A figure of a block row: its value, or NaN when blank or unreadable. */
export function figureAt(block: RowBlock, figure: number, row: number): number {
  const v = block.fields[figure]![row]!;
  return v >= 0 ? v : NaN;
}

export type { FigureKey };
