/**
 * The custom functions of SPEC, as pure functions of the values Sheets
 * passes: a single value, or a 2-D array for a range or an array literal.
 *
 * Rows are units. A range of several columns is summed across its columns row
 * by row; a single value is used on every row; ranges of different heights
 * are an error. A single-value call returns a single value and throws a
 * Vietnamese Error for bad input; a range call returns one value per row and
 * puts "#LỖI: ..." text in a bad row's cell while the other rows compute.
 */
import { BLANK as BLANK_CELL, cellProblem, isBlank, readNumber, type NumberKind } from "./cells";
import { FORMULA_MISSING, valueKindOf, type IndicatorDef } from "./catalogue";
import { meets, shortfall, type Direction } from "./indicators";
import { dayOfCell, localDay, periodId, readPeriodRule, reportingPeriodOfDay, vnDay, type Day, type PeriodRule } from "./period";
import { allRows, figureAt, readRows, readSubmissions } from "./read";
import { checkRules, failureMessage } from "./rules";
import { describeValue, formatDate, formatNumber, isDate } from "./text";

/** A blank result cell. */
export const BLANK = "";
export type Cell = number | string | boolean;
export type Result = Cell | Cell[][];

/** A problem with one row's input; its message is Vietnamese and names the value. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** An argument: a single value used on every row (height null), or rows of cells. */
interface Arg {
  readonly rows: readonly unknown[] | null;
  readonly single: unknown;
  readonly height: number | null;
}

function asArg(value: unknown): Arg {
  if (!Array.isArray(value)) return { rows: null, single: value, height: null };
  if (value.length === 1) {
    const only = value[0];
    if (!Array.isArray(only)) return { rows: null, single: only, height: null };
    if (only.length === 1) return { rows: null, single: only[0], height: null };
  }
  return { rows: value, single: undefined, height: value.length };
}

/** The common height of the range arguments, or null when every argument is a single value. */
function commonHeight(args: readonly Arg[], names: readonly string[]): number | null {
  let height: number | null = null;
  let first = "";
  for (let i = 0; i < args.length; i++) {
    const h = args[i]!.height;
    if (h === null) continue;
    if (height === null) {
      height = h;
      first = names[i]!;
    } else if (h !== height) {
      throw new InputError(
        `Các vùng có số dòng khác nhau: ${first} có ${height} dòng, ${names[i]} có ${h} dòng. Hãy chọn các vùng cao bằng nhau.`,
      );
    }
  }
  return height;
}

/** Row r of an argument: an array of cells, or a single value. */
function rowOf(arg: Arg, r: number): unknown {
  return arg.rows === null ? arg.single : arg.rows[r];
}

/**
 * Runs `compute` once per row. A call whose inputs span one row returns its
 * value or throws; a range call returns a one-column array with "#LỖI" text in bad rows.
 */
function rowWise(values: readonly unknown[], names: readonly string[], compute: (args: readonly Arg[], r: number) => Cell): Result {
  const args = values.map(asArg);
  const height = commonHeight(args, names);
  // One row (single values, or one unit's cells such as H2:I2 or {J2, M2}) is a single-value call.
  if (height === null || height === 1) return compute(args, 0);
  const out: Cell[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    try {
      out[r] = [compute(args, r)];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out[r] = [`#LỖI: ${e.message}`];
    }
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cellValue(v: unknown, kind: NumberKind, term: string): number {
  const x = readNumber(v, kind);
  if (x < 0 && x !== BLANK_CELL) throw new InputError(`${capitalize(term)} ${cellProblem(v, x).reason}`);
  return x;
}

/**
 * The sum of one row of an argument under the formulas' missing-value
 * strategy (FORMULA_MISSING: blank cells add nothing; an all-blank side is
 * null). Throws InputError naming the term for a bad cell. Allocates nothing.
 */
function sideSum(row: unknown, kind: NumberKind, term: string): number | null {
  let total = 0;
  let present = 0;
  if (Array.isArray(row)) {
    for (let i = 0; i < row.length; i++) {
      const x = cellValue(row[i], kind, term);
      if (x === BLANK_CELL) continue;
      total += x;
      present++;
    }
  } else {
    const x = cellValue(row, kind, term);
    if (x !== BLANK_CELL) {
      total = x;
      present = 1;
    }
  }
  if (total > 1e15) throw new InputError(`${capitalize(term)} có tổng ${formatNumber(total)} lớn quá 10^15, không cộng được chính xác`);
  return present === 0 && FORMULA_MISSING !== "neverSkip" ? null : total;
}

export function rateRow(def: IndicatorDef, numRow: unknown, denRow: unknown): Cell {
  const [numTerm, denTerm] = def.terms;
  const kind = valueKindOf(def);
  const num = sideSum(numRow, kind, `${numTerm} (tử số)`);
  const den = sideSum(denRow, kind, `${denTerm} (mẫu số)`);
  if (den === null || den === 0) return BLANK; // both blank, or nothing to divide by
  const n = num ?? 0; // a blank numerator against a real denominator counts as 0, as in Sheets
  if (n > den * (1 + 1e-12)) {
    throw new InputError(
      `${capitalize(numTerm)} (${formatNumber(n, 6)}) lớn hơn ${denTerm} (${formatNumber(den, 6)}), tỷ lệ không thể vượt 100%`,
    );
  }
  return n / den;
}

const RATE_NAMES = ["tử số", "mẫu số"];

/** NAME(numerator, denominator) for a rate indicator. */
export function rate(def: IndicatorDef, numerator: unknown, denominator: unknown): Result {
  if (def.unit !== "rate") throw new Error(`${def.code} is not a rate`);
  return rowWise([numerator, denominator], RATE_NAMES, (a, r) => rateRow(def, rowOf(a[0]!, r), rowOf(a[1]!, r)));
}

/** NAME(first, [second…]) for a count indicator: the row-wise sum of its arguments (the first is required). */
export function count(def: IndicatorDef, ...given: unknown[]): Result {
  if (def.unit !== "count") throw new Error(`${def.code} is not a count`);
  const values = given.filter((v, i) => i === 0 || v !== undefined);
  const names = (def.args ?? []).map((a) => a.term);
  const kind = valueKindOf(def);
  return rowWise(values, names, (a, r) => {
    let total: number | null = null;
    for (let i = 0; i < a.length; i++) {
      const s = sideSum(rowOf(a[i]!, r), kind, names[i] ?? def.terms[0]);
      if (s !== null) total = (total ?? 0) + s;
    }
    return total ?? BLANK;
  });
}

/** The custom function of a catalogue entry, as Sheets calls it. */
export function indicatorFunction(def: IndicatorDef): (...args: unknown[]) => Result {
  return def.unit === "rate" ? (num, den) => rate(def, num, den) : (...args) => count(def, ...args);
}

function readDirection(direction: unknown): Direction {
  let d = direction;
  if (Array.isArray(d)) {
    const flat = (d as unknown[]).flat();
    if (flat.length !== 1) throw new InputError('Chiều so sánh phải là một giá trị: ">=" hoặc "<="');
    d = flat[0];
  }
  if (d === undefined || isBlank(d)) return ">=";
  const t = String(d).trim();
  if (t === ">=" || t === "≥" || t === "=>") return ">=";
  if (t === "<=" || t === "≤" || t === "=<") return "<=";
  throw new InputError(`Chiều so sánh ${describeValue(d)} không hợp lệ; dùng ">=" (càng cao càng tốt) hoặc "<=" (càng thấp càng tốt)`);
}

const PERCENT = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/;

/** A value or target cell: a non-negative number, digits as text, or a percentage text such as "30%". */
function measureCell(v: unknown, term: string): number {
  if (typeof v === "string") {
    const m = PERCENT.exec(v);
    if (m) return Number(m[1]!.replace(",", ".")) / 100;
  }
  return cellValue(v, "amount", term);
}

/** The sum of a row of values or targets; null when blank. */
function measure(row: unknown, term: string): number | null {
  if (!Array.isArray(row)) {
    const x = measureCell(row, term);
    return x === BLANK_CELL ? null : x;
  }
  let total = 0;
  let present = 0;
  for (let i = 0; i < row.length; i++) {
    const x = measureCell(row[i], term);
    if (x === BLANK_CELL) continue;
    total += x;
    present++;
  }
  return present ? total : null;
}

const COMPARE_NAMES = ["giá trị", "mục tiêu"];

function compare<T extends Cell>(
  value: unknown,
  target: unknown,
  direction: unknown,
  judge: (v: number, t: number, d: Direction) => T,
): Result {
  const dir = readDirection(direction);
  return rowWise([value, target], COMPARE_NAMES, (a, r) => {
    const v = measure(rowOf(a[0]!, r), "giá trị");
    const t = measure(rowOf(a[1]!, r), "mục tiêu");
    if (v === null || t === null) return BLANK;
    return judge(v, t, dir);
  });
}

/** (value, target, [direction]): how far from the target, 0 when met. */
export function shortfallOf(value: unknown, target: unknown, direction?: unknown): Result {
  return compare(value, target, direction, shortfall);
}

/** (value, target, [direction]): TRUE/FALSE when the value meets the target. */
export function meetsTarget(value: unknown, target: unknown, direction?: unknown): Result {
  return compare(value, target, direction, meets);
}

export { localDay };

function periodOfCell(v: unknown, rule: PeriodRule, dayOf: (d: Date) => Day): Cell {
  if (isBlank(v)) return BLANK;
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new InputError("Ngày không hợp lệ");
    const [y, m, d] = dayOf(v);
    if (y < 1900 || y > 9999) throw new InputError(`Ngày ${formatDate(v)} nằm ngoài các năm 1900–9999`);
    return periodId(reportingPeriodOfDay(y, m, d, rule));
  }
  const day = dayOfCell(v);
  if (typeof day !== "string") {
    if (day[0] < 1900 || day[0] > 9999) throw new InputError(`Ngày ${vnDay(day)} nằm ngoài các năm 1900–9999`);
    return periodId(reportingPeriodOfDay(day[0], day[1], day[2], rule));
  }
  throw new InputError(day || `${capitalize(describeValue(v))} không phải là ngày (hãy nhập ngày, ví dụ 14/03/2023)`);
}

/**
 * (date, [rule]): "2023-Q1" under the rule ("15-14", the default, or
 * "calendar"); a range gives one period per cell. `dayOf` reads a Date's day
 * (in Sheets: in the spreadsheet's time zone).
 */
export function reportingPeriod(date: unknown, rule?: unknown, dayOf: (d: Date) => Day = localDay): Result {
  const r0 = Array.isArray(rule) ? (rule as unknown[]).flat()[0] : rule;
  const parsed = readPeriodRule(r0);
  if (!parsed) throw new InputError(`Cách tính kỳ ${describeValue(r0)} không hợp lệ; dùng "15-14" (mặc định) hoặc "calendar"`);
  if (!Array.isArray(date)) return periodOfCell(date, parsed, dayOf);
  const rows = (date as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  if (rows.length === 1 && rows[0]!.length === 1) return periodOfCell(rows[0]![0], parsed, dayOf);
  return rows.map((r) =>
    r.map((v) => {
      try {
        return periodOfCell(v, parsed, dayOf);
      } catch (e) {
        if (e instanceof InputError) return `#LỖI: ${e.message}`;
        throw e;
      }
    }),
  );
}

/**
 * (header, rows): "OK" or the row's findings joined by
 * "; ", per row. The rows are read by the same routine as the sheet
 * (readSubmissions) and checked by the same rule table.
 */
export function validateSubmission(header: unknown, rows: unknown): Result {
  const headerRow = Array.isArray(header) ? (Array.isArray(header[0]) ? (header[0] as unknown[]) : (header as unknown[])) : [header];
  const data: unknown[][] = Array.isArray(rows) ? (rows as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[rows]];
  const results: Cell[][] = data.map(() => [BLANK]);
  const usable: unknown[][] = [headerRow];
  const at: number[] = [];
  data.forEach((row, index) => {
    if (row.every((v) => isBlank(v))) return;
    if (row.length !== headerRow.length) {
      const message = `Dòng có ${row.length} cột nhưng dòng tiêu đề có ${headerRow.length} cột; hãy chọn hai vùng rộng bằng nhau`;
      if (data.length === 1) throw new InputError(message);
      results[index] = [`#LỖI: ${message}`];
      return;
    }
    usable.push(row);
    at.push(index);
  });
  const table = readSubmissions(usable);
  const block = readRows(table, allRows(table));
  const messages: string[][] = at.map(() => []);
  for (const issue of block.issues) messages[issue.row]!.push(issue.message);
  const seen = new Map<string, number>();
  for (let r = 0; r < table.length; r++) {
    const own = messages[r]!;
    const get = (f: number) => figureAt(block, f, r);
    for (const f of checkRules(get)) own.push(f.rule.severity === "warning" ? `Cảnh báo: ${failureMessage(f)}` : failureMessage(f));
    const unit = block.unit[r]!;
    if (unit) {
      const row = usable[r + 1]!;
      const p = table.period[r]! >= 0 ? String(table.period[r]) : String(row[table.sheet.map.columns.period!] ?? "").trim();
      const key = `${unit}|${p}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) own.unshift(`Đơn vị ${unit} đã có số liệu cùng kỳ ở dòng thứ ${earlier + 1} của vùng`);
      else seen.set(key, at[r]!);
    }
    results[at[r]!] = [own.length ? own.join("; ") : "OK"];
  }
  return results.length === 1 ? results[0]![0]! : results;
}
