/**
 * Reading the three sheets of the active spreadsheet: each once, with
 * getDataRange().getValues(). The only place that turns sheets into the
 * core's WorkbookValues.
 */
import { findSheetName, SchemaError, SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS } from "../core/schema";
import type { Day, PeriodRule } from "../core/period";
import { formatNumber } from "../core/text";
import type { WorkbookValues } from "../core/workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface OpenedWorkbook {
  readonly spreadsheet: Spreadsheet;
  readonly values: WorkbookValues;
  readonly sheets: { readonly units: Sheet; readonly targets: Sheet | null; readonly submissions: Sheet };
}

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error("Không mở được bảng tính hiện tại.");
  return ss;
}

/** Sheets by name, ignoring case, spacing and diacritics (one getSheets call, one getName per sheet). */
export function sheetsByName(ss: Spreadsheet): (wanted: string) => Sheet | null {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  return (wanted) => {
    const name = findSheetName(names, wanted);
    return name === undefined ? null : sheets[names.indexOf(name)]!;
  };
}

function required(find: (n: string) => Sheet | null, name: string): Sheet {
  const sheet = find(name);
  if (!sheet) {
    throw new SchemaError(
      `Không tìm thấy trang "${name}". Hãy chạy "Thiết lập bảng tính" trong menu Báo cáo CCHC, hoặc đổi tên trang cho đúng.`,
    );
  }
  return sheet;
}

/** SPEC's limits of a sheet the add-on reads (the command line refuses the same from the .xlsx's own dimensions). */
export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 1_000;

/**
 * The sheet's values, after checking its used size (two cheap calls) so that
 * a stray cell far away (XFD1048576) is refused with a message instead of
 * reading millions of blank cells.
 */
function valuesOf(sheet: Sheet): unknown[][] {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows > MAX_ROWS || columns > MAX_COLUMNS) {
    const n = (x: number) => formatNumber(x, 0);
    throw new SchemaError(
      `Trang "${sheet.getName()}" dùng đến dòng ${n(rows)}, cột ${n(columns)}: quá giới hạn ${n(MAX_ROWS)} dòng, ${n(MAX_COLUMNS)} cột. ` +
        "Hãy xóa các dòng, cột thừa ở cuối trang (có thể có một ô bị gõ nhầm ở rất xa) rồi thử lại.",
    );
  }
  return sheet.getDataRange().getValues();
}

export function openWorkbook(ss: Spreadsheet = activeSpreadsheet(), periodRule?: PeriodRule): OpenedWorkbook {
  const find = sheetsByName(ss);
  const units = required(find, SHEET_UNITS);
  const submissions = required(find, SHEET_SUBMISSIONS);
  const targets = find(SHEET_TARGETS);
  return {
    spreadsheet: ss,
    sheets: { units, targets, submissions },
    values: {
      units: valuesOf(units),
      targets: targets ? valuesOf(targets) : null,
      submissions: valuesOf(submissions),
      dayOf: spreadsheetDays(ss),
      ...(periodRule ? { periodRule } : {}),
    },
  };
}

/**
 * A Date's calendar day as the spreadsheet shows it, in the spreadsheet's own
 * time zone whatever the script's (a custom function may run where there is
 * no spreadsheet: then the runtime's own fields).
 */
export function spreadsheetDay(date: Date): Day {
  return spreadsheetDays()(date);
}

/**
 * The same, with the spreadsheet's time zone read once (a custom function
 * over a range of dates asks for one per cell).
 */
export function spreadsheetDays(ss?: Spreadsheet): (date: Date) => Day {
  let zone: string | null | undefined;
  // One Utilities call per distinct instant: a sheet's dates repeat (every old unit's "Từ ngày" is 01/07/2025).
  const seen = new Map<number, Day>();
  return (date) => {
    const known = seen.get(date.getTime());
    if (known) return known;
    if (zone === undefined) {
      try {
        zone = (ss ?? SpreadsheetApp.getActiveSpreadsheet()).getSpreadsheetTimeZone();
      } catch {
        zone = null; // no spreadsheet here (a bare runtime): the runtime's own fields
      }
    }
    let day: Day = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
    if (zone) {
      const [y, m, d] = Utilities.formatDate(date, zone, "yyyy-MM-dd").split("-").map(Number);
      if (y && m && d) day = [y, m, d];
    }
    seen.set(date.getTime(), day);
    return day;
  };
}
