/**
 * Reading the three sheets of the active spreadsheet: each once, with
 * getDataRange().getValues(). The only place that turns sheets into the
 * core's WorkbookValues.
 */
import { findSheetName, SchemaError, SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS } from "../core/schema";
import type { Day } from "../core/period";
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

export function openWorkbook(ss: Spreadsheet = activeSpreadsheet()): OpenedWorkbook {
  const find = sheetsByName(ss);
  const units = required(find, SHEET_UNITS);
  const submissions = required(find, SHEET_SUBMISSIONS);
  const targets = find(SHEET_TARGETS);
  return {
    spreadsheet: ss,
    sheets: { units, targets, submissions },
    values: {
      units: units.getDataRange().getValues(),
      targets: targets ? targets.getDataRange().getValues() : null,
      submissions: submissions.getDataRange().getValues(),
      dayOf: spreadsheetDay,
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
export function spreadsheetDays(): (date: Date) => Day {
  let zone: string | null = null;
  try {
    zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch {
    // no spreadsheet here (a bare runtime): the runtime's own fields
  }
  return (date) => {
    if (zone) {
      const [y, m, d] = Utilities.formatDate(date, zone, "yyyy-MM-dd").split("-").map(Number);
      if (y && m && d) return [y, m, d];
    }
    return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  };
}
