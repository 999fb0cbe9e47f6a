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
import { readNumber, isBlank, type NumberKind } from "./cells";
import { INDICATORS, meets, shortfall, type Direction, type IndicatorDef } from "./indicators";
import { parsePeriod, periodId, reportingPeriodOf, reportingPeriodOfDay } from "./period";
import { parseRow, unitCode } from "./rows";
import { mapColumns, SUBMISSIONS_SHEET, FIGURE_COLUMNS } from "./schema";
import { describeValue, formatNumber, isDate } from "./text";
import { crossFieldProblems } from "./validation";
import type { Figures } from "./indicators";

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

/** An argument seen as rows of cells; `height` null when it is a single value used on every row. */
interface Arg {
  readonly rows: readonly (readonly unknown[])[];
  readonly height: number | null;
}

function asArg(value: unknown): Arg {
  if (!Array.isArray(value)) return { rows: [[value]], height: null };
  const rows: unknown[][] = value.map((r: unknown) => (Array.isArray(r) ? r : [r]));
  if (rows.length === 1 && rows[0]!.length === 1) return { rows, height: null };
  return { rows, height: rows.length };
}

/** The common height of the range arguments, or null when every argument is a single value. */
function commonHeight(args: readonly Arg[], names: readonly string[]): number | null {
  let height: number | null = null;
  let first = "";
  args.forEach((a, i) => {
    if (a.height === null) return;
    if (height === null) {
      height = a.height;
      first = names[i]!;
    } else if (a.height !== height) {
      throw new InputError(
        `Các vùng có số dòng khác nhau: ${first} có ${height} dòng, ${names[i]} có ${a.height} dòng. Hãy chọn các vùng cao bằng nhau.`,
      );
    }
  });
  return height;
}

function rowOf(arg: Arg, r: number): readonly unknown[] {
  return arg.height === null ? arg.rows[0]! : arg.rows[r]!;
}

/**
 * Runs `compute` once per row. A call whose inputs span one row returns its
 * value or throws; a range call returns a one-column array with "#LỖI" text in bad rows.
 */
function rowWise(values: readonly unknown[], names: readonly string[], compute: (row: (i: number) => readonly unknown[]) => Cell): Result {
  const args = values.map(asArg);
  const height = commonHeight(args, names);
  // One row (single values, or one unit's cells such as H2:I2 or {J2, M2}) is a single-value call.
  if (height === null || height === 1) return compute((i) => rowOf(args[i]!, 0));
  const out: Cell[][] = [];
  for (let r = 0; r < height; r++) {
    try {
      out.push([compute((i) => rowOf(args[i]!, r))]);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.push([`#LỖI: ${e.message}`]);
    }
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The sum of a row's cells (blank cells add nothing), or null when every cell is blank. */
function sideSum(cells: readonly unknown[], kind: NumberKind, term: string): number | null {
  let total = 0;
  let any = false;
  for (const v of cells) {
    const r = readNumber(v, kind);
    if (r.kind === "blank") continue;
    if (r.kind === "bad") throw new InputError(`${capitalize(term)} ${r.reason}`);
    total += r.value;
    any = true;
  }
  return any ? total : null;
}

export function rateRow(def: IndicatorDef, numCells: readonly unknown[], denCells: readonly unknown[]): Cell {
  const [numTerm, denTerm] = def.terms;
  const num = sideSum(numCells, def.valueKind, `${numTerm} (tử số)`);
  const den = sideSum(denCells, def.valueKind, `${denTerm} (mẫu số)`);
  if (den === null || den === 0) return BLANK; // both blank, or nothing to divide by
  const n = num ?? 0; // a blank numerator against a real denominator counts as 0, as in Sheets
  if (n > den * (1 + 1e-12)) {
    throw new InputError(
      `${capitalize(numTerm)} (${formatNumber(n, 6)}) lớn hơn ${denTerm} (${formatNumber(den, 6)}), tỷ lệ không thể vượt 100%`,
    );
  }
  return n / den;
}

/** NAME(numerator, denominator) for a rate indicator. */
export function rate(def: IndicatorDef, numerator: unknown, denominator: unknown): Result {
  if (def.unit !== "rate") throw new Error(`${def.code} is not a rate`);
  return rowWise([numerator, denominator], ["tử số", "mẫu số"], (row) => rateRow(def, row(0), row(1)));
}

const OVERDUE = INDICATORS.find((d) => d.code === "overdue_dossiers")!;

/** OVERDUE_COUNT(late, [overdue_pending]): row-wise sum. */
export function overdueCount(late: unknown, overduePending?: unknown): Result {
  const values = overduePending === undefined ? [late] : [late, overduePending];
  const names = ["số hồ sơ giải quyết quá hạn", "số hồ sơ đang giải quyết quá hạn"];
  return rowWise(values, names, (row) => {
    let total: number | null = null;
    values.forEach((_, i) => {
      const s = sideSum(row(i), OVERDUE.valueKind, names[i]!);
      if (s !== null) total = (total ?? 0) + s;
    });
    return total ?? BLANK;
  });
}

function readDirection(direction: unknown): Direction {
  let d = direction;
  if (Array.isArray(d)) {
    const flat = (d as unknown[]).flat();
    if (flat.length !== 1) throw new InputError("Chiều so sánh phải là một giá trị: \">=\" hoặc \"<=\"");
    d = flat[0];
  }
  if (d === undefined || isBlank(d)) return ">=";
  const t = String(d).trim();
  if (t === ">=" || t === "≥" || t === "=>") return ">=";
  if (t === "<=" || t === "≤" || t === "=<") return "<=";
  throw new InputError(`Chiều so sánh ${describeValue(d)} không hợp lệ; dùng ">=" (càng cao càng tốt) hoặc "<=" (càng thấp càng tốt)`);
}

/** A value or target cell: a non-negative number, digits as text, or a percentage text such as "30%". */
function measure(cells: readonly unknown[], term: string): number | null {
  const percents = cells.map((v) => {
    if (typeof v !== "string") return v;
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(v);
    return m ? Number(m[1]!.replace(",", ".")) / 100 : v;
  });
  return sideSum(percents, "amount", term);
}

function compare<T extends Cell>(value: unknown, target: unknown, direction: unknown, judge: (v: number, t: number, d: Direction) => T): Result {
  const dir = readDirection(direction);
  return rowWise([value, target], ["giá trị", "mục tiêu"], (row) => {
    const v = measure(row(0), "giá trị");
    const t = measure(row(1), "mục tiêu");
    if (v === null || t === null) return BLANK;
    return judge(v, t, dir);
  });
}

/** SHORTFALL(value, target, [direction]): how far from the target, 0 when met. */
export function shortfallOf(value: unknown, target: unknown, direction?: unknown): Result {
  return compare(value, target, direction, shortfall);
}

/** MEETS_TARGET(value, target, [direction]): TRUE/FALSE. */
export function meetsTarget(value: unknown, target: unknown, direction?: unknown): Result {
  return compare(value, target, direction, meets);
}

const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Date serials below this (18/05/1927) are not report dates: a number such as 2023 is a year typed by mistake. */
const SERIAL_MIN = 10000;

function periodOfCell(v: unknown): Cell {
  if (isBlank(v)) return BLANK;
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new InputError("Ngày không hợp lệ");
    return periodId(reportingPeriodOf(v));
  }
  if (typeof v === "number" && Number.isFinite(v) && v < SERIAL_MIN) {
    throw new InputError(`Số ${String(v).replace(".", ",")} không phải là ngày (hãy nhập ngày đầy đủ, ví dụ 14/03/2023)`);
  }
  if (typeof v === "number" && Number.isFinite(v)) {
    const d = new Date(SHEETS_EPOCH_UTC + Math.floor(v) * 86400000);
    return periodId(reportingPeriodOfDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  if (typeof v === "string") {
    const t = v.trim();
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
    if (y && m && d) {
      const year = Number(y), month = Number(m), day = Number(d);
      const probe = new Date(Date.UTC(year, month - 1, day));
      if (probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
        return periodId(reportingPeriodOfDay(year, month, day));
      }
    }
  }
  throw new InputError(`${capitalize(describeValue(v))} không phải là ngày (hãy nhập ngày, ví dụ 14/03/2023)`);
}

/** REPORTING_PERIOD(date): "2023-Q1" under the 15th-to-14th rule; a range gives one period per cell. */
export function reportingPeriod(date: unknown): Result {
  if (!Array.isArray(date)) return periodOfCell(date);
  const rows = (date as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  if (rows.length === 1 && rows[0]!.length === 1) return periodOfCell(rows[0]![0]);
  return rows.map((r) =>
    r.map((v) => {
      try {
        return periodOfCell(v);
      } catch (e) {
        if (e instanceof InputError) return `#LỖI: ${e.message}`;
        throw e;
      }
    }),
  );
}

/** The findings of one submission row as Vietnamese messages; [] when it is fine. */
export function rowMessages(raw: Record<string, unknown>): string[] {
  const parsed = parseRow("submission", raw);
  const figures: Figures = {};
  for (const c of FIGURE_COLUMNS) {
    const v = parsed.data[c.key];
    if (typeof v === "number") figures[c.key] = v;
  }
  const header = (key: string) => SUBMISSIONS_SHEET.columns.find((c) => c.key === key)?.header ?? key;
  const out = parsed.issues.map((i) => `"${header(i.key)}" ${i.message}`);
  for (const p of crossFieldProblems(figures)) out.push(p.severity === "warning" ? `Cảnh báo: ${p.message}` : p.message);
  return out;
}

/** VALIDATE_SUBMISSION(header, rows): "OK" or the row's findings joined by "; ", per row. */
export function validateSubmission(header: unknown, rows: unknown): Result {
  const headerRow = Array.isArray(header) ? (Array.isArray(header[0]) ? (header[0] as unknown[]) : (header as unknown[])) : [header];
  const map = mapColumns(SUBMISSIONS_SHEET, [headerRow]);
  const data: unknown[][] = Array.isArray(rows) ? (rows as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[rows]];
  const seen = new Map<string, number>();
  const results: Cell[][] = data.map((row, index) => {
    if (row.every((v) => isBlank(v))) return [BLANK];
    if (row.length !== headerRow.length) {
      const message = `Dòng có ${row.length} cột nhưng dòng tiêu đề có ${headerRow.length} cột; hãy chọn hai vùng rộng bằng nhau`;
      if (data.length === 1) throw new InputError(message);
      return [`#LỖI: ${message}`];
    }
    const raw: Record<string, unknown> = {};
    for (const key in map.columns) raw[key] = row[map.columns[key as keyof typeof map.columns]!] ?? "";
    const messages = rowMessages(raw);
    const unit = isBlank(raw["unit"]) ? "" : unitCode(raw["unit"]);
    const period = parsePeriod(raw["period"]);
    const key = `${unit}|${period ? periodId(period) : String(raw["period"] ?? "").trim()}`;
    if (unit) {
      const earlier = seen.get(key);
      if (earlier !== undefined) messages.unshift(`Đơn vị ${unit} đã có số liệu cùng kỳ ở dòng thứ ${earlier + 1} của vùng`);
      else seen.set(key, index);
    }
    return [messages.length ? messages.join("; ") : "OK"];
  });
  return results.length === 1 ? results[0]![0]! : results;
}
