/**
 * Whether a cell's content satisfies its data validation, and a user's edit
 * of a cell (what typing into the grid does, which a script cannot do).
 *
 * Sheets enforces a validation on what users type: `setAllowInvalid(false)`
 * makes it "reject the input entirely", `true` (the default) shows a warning
 * and keeps the input, marked invalid
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)).
 * A script's writes (setValue, setValues...) are never rejected: the value is
 * stored, and the cell is marked invalid if it fails (`invalidCells`). Blank
 * cells always pass; a checkbox's blank cell is unchecked ("When the input is
 * blank the cell is rendered as an unchecked checkbox":
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireCheckbox(Object)).
 * Custom formulas are not evaluated (no formula engine): they pass.
 */
import { columnToLetters, parseA1 } from "../../support/a1";
import type { Cell } from "../../support/cells";
import { formatDisplay, isDateFormat } from "../../support/format";
import { dateToSerial } from "../../support/locale";
import { isDate } from "../../support/runtime";
import type { FakeDataValidation } from "./fakeDataValidation";
import type { FakeSheet } from "./fakeSheet";
import type { FakeSpreadsheet } from "./fakeSpreadsheet";
import { currentUser, hasProtectedCell, PROTECTED } from "./protectionGuard";
import { RangeRef } from "./rangeRef";

type Content = Pick<Cell, "v" | "fmt"> | undefined;

function isBlank(c: Content): boolean {
  return c === undefined || c.v === undefined || c.v === "";
}

/** A criteria date as a day serial of the spreadsheet; null for what cannot be compared (relative dates). */
function daySerial(sheet: FakeSheet, x: unknown): number | null {
  if (isDate(x)) return Math.floor(dateToSerial(x.getTime(), sheet._ss._timeZone));
  return typeof x === "number" ? Math.floor(x) : null;
}

function numberCheck(kind: string, v: number, a: number, b: number): boolean {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  switch (kind) {
    case "BETWEEN":
      return v >= lo && v <= hi;
    case "NOT_BETWEEN":
      return v < lo || v > hi;
    case "EQUAL_TO":
      return v === a;
    case "NOT_EQUAL_TO":
      return v !== a;
    case "GREATER_THAN":
    case "AFTER":
      return v > a;
    case "GREATER_THAN_OR_EQUAL_TO":
    case "ON_OR_AFTER":
      return v >= a;
    case "LESS_THAN":
    case "BEFORE":
      return v < a;
    case "LESS_THAN_OR_EQUAL_TO":
    case "ON_OR_BEFORE":
      return v <= a;
    default:
      return true;
  }
}

/** Whether the content passes the validation (blank content always does). */
export function satisfies(sheet: FakeSheet, dv: FakeDataValidation, c: Content): boolean {
  if (isBlank(c)) return true;
  const v = c!.v!;
  const values = dv._values;
  const criteria = String(dv._criteria);
  const text = () => formatDisplay(v, c!.fmt, sheet._ss._localeInfo());
  if (criteria === "CHECKBOX") {
    const [on, off] = dv._checkboxValues();
    return v === on || v === off;
  }
  if (criteria.startsWith("NUMBER_")) {
    const [a, b] = values as number[];
    return typeof v === "number" && typeof a === "number" && numberCheck(criteria.slice(7), v, a, typeof b === "number" ? b : a);
  }
  if (criteria.startsWith("DATE_")) {
    const isDay = typeof v === "number" && isDateFormat(c!.fmt);
    if (criteria === "DATE_IS_VALID_DATE") return isDay;
    const a = daySerial(sheet, values[0]);
    const b = values.length > 1 ? daySerial(sheet, values[1]) : a;
    if (a === null || b === null) return true; // a relative date: not evaluated
    return isDay && numberCheck(criteria.slice(5), Math.floor(v as number), a, b);
  }
  switch (criteria) {
    case "TEXT_CONTAINS":
      return text()
        .toLowerCase()
        .includes(String(values[0] ?? "").toLowerCase());
    case "TEXT_DOES_NOT_CONTAIN":
      return !text()
        .toLowerCase()
        .includes(String(values[0] ?? "").toLowerCase());
    case "TEXT_EQUAL_TO":
      return text() === String(values[0] ?? "");
    case "TEXT_IS_VALID_EMAIL":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text());
    case "TEXT_IS_VALID_URL":
      return /^(https?:\/\/|ftp:\/\/)?[\w-]+(\.[\w-]+)+(:\d+)?([/?#]\S*)?$/i.test(text());
    case "VALUE_IN_LIST":
      return (Array.isArray(values[0]) ? (values[0] as unknown[]) : []).map(String).includes(text());
    case "VALUE_IN_RANGE": {
      const r = values[0];
      if (!(r instanceof RangeRef)) return true;
      const s = r._sheet;
      const t = text();
      for (let row = r._row; row < r._row + r._nr; row++) {
        for (let col = r._col; col < r._col + r._nc; col++) if (s._display(row, col) === t) return true;
      }
      return false;
    }
    case "CUSTOM_FORMULA": {
      // No formula engine: a constant formula is evaluated (=FALSE rejects every value, as in Sheets); any other passes.
      const f = String(values[0] ?? "")
        .replace(/\s+/g, "")
        .toUpperCase();
      return f !== "=FALSE" && f !== "=FALSE()";
    }
    default:
      return true;
  }
}

/** A1 notations of the cells of a sheet whose content fails their validation: what Sheets marks invalid. */
export function invalidCells(sheet: FakeSheet): string[] {
  const out: string[] = [];
  const rows = sheet._lastRow();
  const columns = sheet._lastColumn();
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet._grid.get(r, c);
      if (cell?.dv && !satisfies(sheet, cell.dv, cell)) out.push(`${columnToLetters(c)}${r}`);
    }
  }
  return out;
}

/** What a user's edit of a cell gave: kept (and whether it is marked invalid), or refused with Sheets' message. */
export type UserEditResult =
  | { ok: true; cell: string; invalid: boolean }
  | { ok: false; cell: string; reason: "protected" | "validation"; message: string; helpText: string };

/**
 * Sheets' message when an input is rejected, in the user's language (the
 * help text of the validation, when it has one, is shown with it).
 */
function rejectedMessage(ss: FakeSpreadsheet, a1: string): string {
  return ss._rt.settings.userLocale.toLowerCase().startsWith("vi")
    ? `Dữ liệu bạn đã nhập vào ô ${a1} vi phạm các quy tắc xác thực dữ liệu được đặt trên ô này.`
    : `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}

/**
 * The current user types `value` into one cell (as in the grid: a string is
 * read as typed, "=..." is a formula). Refused, the cell unchanged, when a
 * protection leaves the user out, or when the value fails a validation that
 * rejects invalid input; otherwise stored, marked invalid if it fails one that
 * allows it. Not a script's call: nothing is counted.
 */
export function userEdit(ss: FakeSpreadsheet, sheetName: string, a1: string, value: unknown): UserEditResult {
  const sheet = ss._sheetByName(sheetName);
  if (!sheet) throw new Error(`userEdit: no sheet named "${sheetName}".`);
  const ref = parseA1(a1);
  if (!ref || ref.startRow === null || ref.startColumn === null || ref.endRow !== ref.startRow || ref.endColumn !== ref.startColumn) {
    throw new Error(`userEdit: "${a1}" is not one cell.`);
  }
  const row = ref.startRow;
  const col = ref.startColumn;
  const cellName = `${columnToLetters(col)}${row}`;
  if (row > sheet._maxRows || col > sheet._maxColumns) throw new Error(`userEdit: ${cellName} is outside the sheet.`);
  if (hasProtectedCell(sheet, { row, column: col, numRows: 1, numColumns: 1 }, currentUser(ss))) {
    return { ok: false, cell: cellName, reason: "protected", message: PROTECTED, helpText: "" };
  }
  const current = sheet._grid.get(row, col);
  const dv = current?.dv;
  let invalid = false;
  if (dv) {
    // The input as the cell would hold it, tried on a scratch cell.
    const scratch: Cell = current.fmt === undefined ? {} : { fmt: current.fmt };
    sheet._assign(scratch, value, true);
    if (scratch.f !== undefined) sheet._evaluate(scratch, row, col);
    invalid = !satisfies(sheet, dv, scratch);
    if (invalid && !dv._allowInvalid) {
      return { ok: false, cell: cellName, reason: "validation", message: rejectedMessage(ss, cellName), helpText: dv._helpText };
    }
  }
  sheet._write(row, col, value);
  return { ok: true, cell: cellName, invalid };
}
