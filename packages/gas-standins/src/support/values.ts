/** A value written to a cell (setValue, appendRow...) as Sheets stores it: dates as serials with a date format, strings read as if typed. */
import type { Cell } from "./cells";
import { dateToSerial, parseEntered, wallClock } from "./locale";
import type { LocaleInfo } from "./locale";
import { isAutomaticFormat, isDateFormat } from "./format";
import { isDate } from "./runtime";

/** Sets a cell's value from a JS value; `typed` strings may become numbers, dates or formulas. */
export function assignValue(cell: Cell, value: unknown, typed: boolean, timeZone: string, loc: LocaleInfo): void {
  if (value === null || value === undefined || value === "") {
    delete cell.v;
    return;
  }
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) {
      cell.v = "#VALUE!";
      return;
    }
    cell.v = dateToSerial(ms, timeZone);
    if (!isDateFormat(cell.fmt)) {
      const w = wallClock(ms, timeZone);
      cell.fmt = w.hour || w.minute || w.second ? loc.dateTimeFormat : loc.dateFormat;
    }
    return;
  }
  if (typeof value === "number") {
    cell.v = Number.isFinite(value) ? value : "#NUM!";
    return;
  }
  if (typeof value === "boolean") {
    cell.v = value;
    return;
  }
  const text = typeof value === "string" ? value : String(value);
  if (!typed || cell.fmt === "@") {
    cell.v = text;
    return;
  }
  const entered = parseEntered(text, loc);
  if (entered.kind === "blank") delete cell.v;
  else if (entered.kind === "formula") {
    cell.f = entered.formula;
    delete cell.v;
  } else {
    cell.v = entered.value;
    if (entered.format && isAutomaticFormat(cell.fmt)) cell.fmt = entered.format;
  }
}
