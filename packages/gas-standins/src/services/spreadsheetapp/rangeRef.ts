/**
 * Where a range is, apart from the Range class: conditional-format rules,
 * validations and protections keep and take ranges through this module, so
 * that they need not import FakeRange (which creates validations and
 * protections). FakeRange extends RangeRef; `instanceof RangeRef` tells a
 * stand-in range from anything else.
 */
import { gas, isDate } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import type { FakeSheet } from "./fakeSheet";

type Range = GoogleAppsScript.Spreadsheet.Range;

/** A rectangle on a sheet, kept by coordinates. */
export interface RuleRange {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** The coordinates of a Range (see FakeRange). */
export abstract class RangeRef {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {}

  _ruleRange(): RuleRange {
    return { sheet: this._sheet, row: this._row, column: this._col, numRows: this._nr, numColumns: this._nc };
  }
}

/** A range argument of setRanges/setRange/setUnprotectedRanges, kept by coordinates. */
export function toRuleRange(rt: Runtime, r: unknown): RuleRange {
  if (!(r instanceof RangeRef))
    throw rt.exception(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
    );
  return r._ruleRange();
}

export function fromRuleRange(rr: RuleRange): Range {
  return gas<Range>(rr.sheet._range(rr.row, rr.column, rr.numRows, rr.numColumns));
}

/** Shifts a span [start, start+size) for an insert of `count` lines before `at`. */
function spanInsert(start: number, size: number, at: number, count: number): [number, number] {
  if (start >= at) return [start + count, size];
  if (start + size - 1 >= at) return [start, size + count];
  return [start, size];
}

/** Shifts a span for deleting lines [at, at+count); size 0 means the span is gone. */
function spanDelete(start: number, size: number, at: number, count: number): [number, number] {
  const end = start + size - 1;
  const delEnd = at + count - 1;
  if (end < at) return [start, size];
  if (start > delEnd) return [start - count, size];
  const overlap = Math.min(end, delEnd) - Math.max(start, at) + 1;
  return [Math.min(start, at), size - overlap];
}

/** Moves a range of `sheet` after rows/columns are inserted or deleted there; null when it is gone. */
export function shiftRuleRange(
  rr: RuleRange,
  sheet: FakeSheet,
  dimension: "rows" | "columns",
  kind: "insert" | "delete",
  at: number,
  count: number,
): RuleRange | null {
  if (rr.sheet !== sheet) return rr;
  const [start, size] = dimension === "rows" ? [rr.row, rr.numRows] : [rr.column, rr.numColumns];
  const [s2, n2] = kind === "insert" ? spanInsert(start, size, at, count) : spanDelete(start, size, at, count);
  if (n2 <= 0) return null;
  return dimension === "rows" ? { ...rr, row: s2, numRows: n2 } : { ...rr, column: s2, numColumns: n2 };
}

/** A criteria value as Apps Script hands it out: dates and arrays copied into the script's realm. */
export function copyValue(rt: Runtime, v: unknown): unknown {
  if (isDate(v)) return rt.date(v.getTime());
  if (Array.isArray(v)) return rt.list(v);
  return v;
}
