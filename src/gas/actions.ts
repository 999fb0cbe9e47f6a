/**
 * The add-on's actions on the active spreadsheet: set-up, validation,
 * highlighting, selecting a finding's cell. Each reads a sheet once and
 * writes in batches; each action that writes holds the document lock.
 */
import { INDICATORS } from "../core/catalogue";
import {
  parsePeriod,
  periodId,
  periodKey,
  periodLabel,
  periodWords,
  previousPeriod,
  quartersOf,
  reportingPeriodOfDay,
  type Period,
} from "../core/period";
import { STATUSES } from "../core/approval";
import {
  FIGURE_COLUMNS,
  mapColumns,
  UNITS_SHEET,
  SHEET_SUBMISSIONS,
  SHEET_TARGETS,
  SHEET_UNITS,
  SUBMISSION_COLUMNS,
  TARGET_COLUMNS,
  UNIT_COLUMNS,
  SchemaError,
  type ColumnDef,
} from "../core/schema";
import { DEFAULT_BASIS, DEFAULT_TARGETS } from "../core/targets";
import { cellCount, shortfallRanges, validationView, targetText, type ValidationView } from "../core/view";
import { evaluateWithComparisons, periodsIn, readWorkbook, toJson, type Evaluation, type Workbook } from "../core/workbook";
import { levelWords, type LevelWords, type PeriodRule, type ReportSettings } from "../core/settings";
import { resyncProtections } from "./approval";
import { withDocumentLock } from "./lock";
import { blockingOn, type ProtectionState, readProtections } from "./protections";
import { runsOf } from "../core/protections";
import { callerOf } from "./roles";
import { createOwnedSheet, ownedSheet } from "./owned";
import { allOrNothing } from "./undo";
import { checkSetupUnits, MERGED_ON, type SetupUnit } from "../core/setup";
import { getSettings, hasSettings, saveLevelUndoable } from "./settings";
import { activeSpreadsheet, openWorkbook, sheetsByName, spreadsheetDay, type OpenedWorkbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The add-on's own results sheet, rewritten by each highlight. */
export const RESULTS_SHEET = "Kết quả CCHC";
export const RESULTS_PROPERTY = "cchc.resultsSheetId";
/** Our conditional-format rules on `Số liệu` carry this formula (always TRUE) so that we can tell them from the user's. */
export const MARK_FORMULA = '=N("Báo cáo CCHC: chưa đạt mục tiêu")=0';
const MISS_BACKGROUND = "#f4c7c3";
const MISS_FONT = "#a50e0e";
const MET_BACKGROUND = "#d9ead3";
const HEADER_BACKGROUND = "#e8f0fe";

/** The period of today (in the spreadsheet's time zone) under the settings' rule. */
export function currentPeriod(rule: PeriodRule = getSettings().periodRule, now: Date = new Date()): Period {
  return reportingPeriodOfDay(...spreadsheetDay(now), rule);
}

/** A period chosen by the user; a span (6 tháng, 9 tháng, năm) only where `span` allows it (it has no rows of its own). */
export function readPeriod(text: unknown, span = false): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`Kỳ báo cáo "${String(text ?? "")}" không đọc được; hãy chọn dạng 2023-Q1 (hoặc 2026-H1, 2026-9M, 2026-Y).`);
  if (p.span && !span) {
    throw new Error(
      `${periodLabel(p)} gồm nhiều quý; việc này làm theo từng quý: hãy chọn một quý (ví dụ ${periodId(quartersOf(p).pop()!)}). Kiểm tra số liệu và tạo báo cáo dùng được cho ${periodWords(p)}.`,
    );
  }
  return p;
}

export function evaluateActive(
  periodText: unknown,
  span = false,
): { opened: OpenedWorkbook; wb: Workbook; ev: Evaluation; settings: ReportSettings } {
  const period = readPeriod(periodText, span);
  const settings = getSettings();
  const opened = openWorkbook(undefined, settings.periodRule);
  const wb = readWorkbook(opened.values);
  return { opened, wb, ev: evaluateWithComparisons(wb, period, settings.periodRule), settings };
}

// ---------------------------------------------------------------- sidebar start

export interface SidebarState {
  currentPeriod: string;
  periods: string[];
  /** A message when the sheets are not ready (set-up needed), else "". */
  notice: string;
  /** False until someone saves the settings: set-up then asks for the level first. */
  settingsSaved: boolean;
  settings: ReportSettings;
  /** The caller may run the reviewers' actions (the sidebar hides them otherwise; the server checks anyway). */
  reviewer: boolean;
}

export function sidebarState(): SidebarState {
  const settings = getSettings();
  const current = currentPeriod(settings.periodRule);
  const found = new Map<string, Period>();
  const add = (p: Period) => found.set(periodId(p), p);
  add(current);
  let notice = "";
  try {
    const opened = openWorkbook(undefined, settings.periodRule);
    for (const p of periodsIn(readWorkbook(opened.values))) {
      add(p);
      // The spans that hold this quarter and whose last quarter has begun (SPEC "Six-month, nine-month and annual reports").
      for (const q of [2, 3, 4] as const)
        if (q >= p.quarter && periodKey({ ...p, quarter: q }) <= periodKey(current)) add({ year: p.year, quarter: q, span: true });
    }
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    notice = e.message;
  }
  // Newest first, each span just above its last quarter.
  const periods = [...found.values()]
    .sort((a, b) => periodKey(b) * 2 + (b.span ? 1 : 0) - periodKey(a) * 2 - (a.span ? 1 : 0))
    .map(periodId);
  const reviewer = callerOf(activeSpreadsheet(), settings).reviewer;
  return { currentPeriod: periodId(current), periods, notice, settingsSaved: hasSettings(), settings, reviewer };
}

// ---------------------------------------------------------------- validation

/** "Kiểm tra số liệu": SPEC validation for the period. Writes nothing. */
export function validatePeriod(periodText: unknown): ValidationView {
  const { ev, settings } = evaluateActive(periodText, true);
  return validationView(ev, settings);
}

/** SPEC's JSON for a period: district and unit indicators, findings, missing units. */
export function periodResults(periodText: unknown): ReturnType<typeof toJson> {
  const { ev, settings } = evaluateActive(periodText, true);
  return toJson(ev, settings);
}

/** A click on a finding: select its cell. */
export function selectCell(sheetName: string, a1: string): void {
  const ss = activeSpreadsheet();
  const sheet = sheetsByName(ss)(sheetName);
  if (!sheet) throw new Error(`Không tìm thấy trang "${sheetName}".`);
  ss.setActiveSheet(sheet);
  ss.setActiveRange(sheet.getRange(a1));
}

// ---------------------------------------------------------------- highlight

export interface HighlightResult {
  period: string;
  markedCells: number;
  missedIndicators: number;
  resultsSheet: string;
  message: string;
  view: ValidationView;
}

function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  return !!condition && condition.getCriteriaValues().some((v) => String(v) === MARK_FORMULA);
}

/**
 * "Tô sáng chỉ tiêu chưa đạt": marks each unit × indicator below target with
 * one add-on-owned conditional-format rule on `Số liệu` (replacing only our
 * previous rule) and rewrites the add-on's results sheet.
 *
 * All or nothing (SPEC): everything that can refuse is checked before the
 * first write (the results sheet is ours or absent, no protection blocks the
 * user); the results sheet is written first and the marks last, in one call;
 * when a write fails, what was replaced is put back and the marks of the
 * previous run stay.
 */
export function highlightPeriod(periodText: unknown): HighlightResult {
  return withDocumentLock(() => {
    const { opened, wb, ev, settings } = evaluateActive(periodText);
    const words = levelWords(settings);
    const sheet = opened.sheets.submissions;
    const ranges = shortfallRanges(ev, wb.submissionColumns);
    const cells = cellCount(ranges);

    // Checks: nothing is written until every one passes.
    const owned = ownedSheet(opened.spreadsheet, RESULTS_SHEET, RESULTS_PROPERTY);
    const protections = readProtections(opened.spreadsheet);
    assertEditable(sheet, `tô sáng trên trang "${SHEET_SUBMISSIONS}"`, protections);
    if (owned) assertEditable(owned, `ghi trang "${RESULTS_SHEET}"`, protections);
    const content = resultsContent(ev, words);
    const userRules = sheet.getConditionalFormatRules().filter((r) => !isOurRule(r));
    const ours: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
    if (ranges.length) {
      ours.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(MARK_FORMULA)
          .setBackground(MISS_BACKGROUND)
          .setFontColor(MISS_FONT)
          .setRanges(sheet.getRangeList(ranges).getRanges())
          .build(),
      );
    }

    allOrNothing(
      (undo) => {
        const results = owned ?? createOwnedSheet(opened.spreadsheet, RESULTS_SHEET, RESULTS_PROPERTY, undo);
        if (owned) undo.push(restorer(owned));
        writeResults(results, content);
        sheet.setConditionalFormatRules([...ours, ...userRules]);
        // A new results sheet is the add-on's: reviewers only (SPEC "Who may change what").
        if (!owned) resyncProtections(undo);
      },
      (reason) => `Chưa tô sáng được: ${reason} Các ô đã tô và trang "${RESULTS_SHEET}" của lần trước được giữ nguyên.`,
    );

    // The sheet opens on the period's rows, not its oldest ones (one call: the range becomes the active cell).
    if (ev.units.length) sheet.getRange(Math.min(...ev.units.map((u) => u.row)), 1).activate();
    const missed = INDICATORS.filter((d) => ev.district.indicators[d.code].met === false).length;
    const view = validationView(ev, settings);
    return {
      period: periodId(ev.period),
      markedCells: cells,
      missedIndicators: missed,
      resultsSheet: RESULTS_SHEET,
      message:
        `Đã tô sáng ${cells} ô chưa đạt mục tiêu trên trang "${SHEET_SUBMISSIONS}" và ghi kết quả ${periodWords(ev.period)} ` +
        `vào trang "${RESULTS_SHEET}" (toàn ${words.noun}: ${missed} chỉ tiêu chưa đạt).`,
      view,
    };
  });
}

/**
 * Refuses, before any write, when a protection (not a warning) keeps the user
 * from changing the sheet: one read of every protection (Sheets API), not a
 * call per protection.
 */
export function assertEditable(sheet: Sheet, what: string, state: ProtectionState = readProtections(sheet.getParent())): void {
  const blocking = blockingOn(state, sheet.getSheetId());
  if (blocking.length) {
    const where = blocking.map((p) => `"${p.description || "không có mô tả"}"`).join(", ");
    throw new Error(
      `Không ${what} được: trang "${sheet.getName()}" có vùng được bảo vệ mà bạn không có quyền sửa (${where}). ` +
        "Hãy nhờ chủ sở hữu bảng tính chạy thao tác này hoặc cấp quyền; chưa có gì bị thay đổi.",
    );
  }
}

/** Reads what the results sheet shows now and returns the step that puts it back. */
function restorer(sheet: Sheet): () => void {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const frozen = sheet.getFrozenRows();
  if (rows === 0 || columns === 0) {
    return () => {
      sheet.clear();
      sheet.setFrozenRows(frozen);
    };
  }
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const backgrounds = range.getBackgrounds();
  const weights = range.getFontWeights() as GoogleAppsScript.Spreadsheet.FontWeight[][];
  return () => {
    sheet.clear();
    sheet.getRange(1, 1, rows, columns).setNumberFormats(formats).setValues(values).setBackgrounds(backgrounds).setFontWeights(weights);
    sheet.setFrozenRows(frozen);
  };
}

interface ResultsContent {
  rows: unknown[][];
  formats: string[][];
  backgrounds: (string | null)[][];
  weights: GoogleAppsScript.Spreadsheet.FontWeight[][];
}

function resultsContent(ev: Evaluation, words: LevelWords): ResultsContent {
  const header = ["Mã đơn vị", "Tên đơn vị", ...INDICATORS.map((d) => d.name), "Số lỗi", "Số cảnh báo"];
  const width = header.length;
  const title = [
    `Kết quả chỉ tiêu CCHC ${periodWords(ev.period)}. Trang do tiện ích Báo cáo CCHC tạo: mỗi lần "Tô sáng chỉ tiêu chưa đạt" sẽ ghi lại.`,
  ];
  const rows: unknown[][] = [
    [...title, ...Array(width - 1).fill("")],
    header,
    ["", "Mục tiêu", ...INDICATORS.map((d) => targetText(d.code, ev.district.indicators[d.code].target)), "", ""],
    [words.totalCode, words.whole, ...INDICATORS.map((d) => ev.district.indicators[d.code].value ?? ""), "", ""],
    ...ev.units.map((u) => [u.unit, u.name, ...INDICATORS.map((d) => u.indicators[d.code].value ?? ""), u.errors, u.warnings]),
  ];
  const formats = rows.map((_, r) => ["@", "@", ...INDICATORS.map((d) => (r >= 3 ? (d.unit === "rate" ? "0.0%" : "0") : "@")), "0", "0"]);
  const backgrounds = rows.map((_, r) => {
    if (r === 1) return Array(width).fill(HEADER_BACKGROUND);
    if (r < 3) return Array(width).fill(null);
    const results = r === 3 ? ev.district.indicators : ev.units[r - 4]!.indicators;
    return ["", "", ...INDICATORS.map((d) => results[d.code].met), "", ""].map((met) =>
      met === false ? MISS_BACKGROUND : met === true ? MET_BACKGROUND : null,
    );
  });
  const weights = rows.map((_, r) => Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(r <= 1 || r === 3 ? "bold" : "normal"));
  return { rows, formats, backgrounds, weights };
}

function writeResults(sheet: Sheet, c: ResultsContent): void {
  sheet.clear();
  const maxRows = sheet.getMaxRows();
  if (c.rows.length > maxRows) sheet.insertRowsAfter(maxRows, c.rows.length - maxRows);
  const range = sheet.getRange(1, 1, c.rows.length, c.rows[0]!.length);
  range.setNumberFormats(c.formats).setValues(c.rows).setBackgrounds(c.backgrounds).setFontWeights(c.weights);
  sheet.setFrozenRows(2);
}

// ---------------------------------------------------------------- set-up

export interface SetupResult {
  created: string[];
  skipped: string[];
  message: string;
}

interface SheetPlan {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  /** `units`: the rows set-up takes from the national list (Đơn vị only). */
  readonly prepare: (sheet: Sheet, col: (key: string) => number, find: (name: string) => Sheet | null, units: readonly SetupUnit[]) => void;
}

/** SPEC's unit kinds, at every level, and "Huyện" for the five old island districts that became đặc khu. */
const UNIT_KINDS = ["Xã", "Phường", "Đặc khu", "Thị trấn", "Sở, ban, ngành", "Phòng ban", "Trung tâm PVHCC", "Huyện"] as const;

const COUNT_HELP = "Nhập số không âm: số hồ sơ là số nguyên; vốn tính bằng triệu đồng.";

function periodChoices(): string[] {
  const now = currentPeriod();
  const out: string[] = [];
  let p: Period = { year: now.year, quarter: 4 };
  for (let i = 0; i < 8; i++, p = previousPeriod(p)) out.push(periodId(p));
  return out.reverse();
}

const PLANS: readonly SheetPlan[] = [
  {
    name: SHEET_UNITS,
    columns: UNIT_COLUMNS,
    prepare(sheet, col, _find, units) {
      const rows = sheet.getMaxRows() - 1;
      sheet.getRange(2, col("kind"), rows, 1).setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...UNIT_KINDS], true)
          .setAllowInvalid(false)
          .build(),
      );
      // A blank tick box shows unticked though blank means active: set-up ticks them, and the header says so
      // ("When the input is blank the cell is rendered as an unchecked checkbox":
      // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireCheckbox(Object)).
      const active = sheet.getRange(2, col("active"), rows, 1);
      active.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      active.setValues(Array.from({ length: rows }, () => [true]));
      sheet
        .getRange(1, col("active"))
        .setNote(
          "Đánh dấu: đơn vị đang hoạt động, phải nộp số liệu. Ô trống cũng được tính là đang hoạt động. Bỏ đánh dấu khi đơn vị ngừng hoạt động.",
        );
      if (units.length) writeListedUnits(sheet, col, units);
    },
  },
  {
    name: SHEET_TARGETS,
    columns: TARGET_COLUMNS,
    prepare(sheet, col) {
      const rows = sheet.getMaxRows() - 1;
      sheet.getRange(2, col("indicator"), rows, 1).setDataValidation(
        SpreadsheetApp.newDataValidation()
          // Every spelling the add-on reads (code, Vietnamese name, function name): a list that rejects
          // other input must hold them all, or Sheets refuses what README says is accepted.
          .requireValueInList([...INDICATORS.map((d) => d.code), ...INDICATORS.map((d) => d.name), ...INDICATORS.map((d) => d.fn)], true)
          .setAllowInvalid(false)
          .build(),
      );
      sheet.getRange(2, col("target"), rows, 1).setNumberFormat("0%");
      const defaults = INDICATORS.filter((d) => DEFAULT_TARGETS[d.code] !== undefined);
      const values = defaults.map((d) => {
        const values: Record<string, unknown> = { indicator: d.code, target: DEFAULT_TARGETS[d.code]!, basis: DEFAULT_BASIS };
        return TARGET_COLUMNS.map((c) => values[c.key] ?? "");
      });
      const formats = defaults.map((d) =>
        TARGET_COLUMNS.map((c) => (c.key === "target" ? (d.unit === "rate" ? "0%" : "0") : c.key === "year" ? "0" : "@")),
      );
      sheet.getRange(2, 1, values.length, TARGET_COLUMNS.length).setNumberFormats(formats).setValues(values);
    },
  },
  {
    name: SHEET_SUBMISSIONS,
    columns: SUBMISSION_COLUMNS,
    prepare(sheet, col, find) {
      submissionValidations(sheet, col, 2, sheet.getMaxRows() - 1, find);
      sheet.getRange(2, col("explanation"), sheet.getMaxRows() - 1, 1).setWrap(true);
    },
  },
];

/**
 * The data validations set-up gives rows of `Số liệu` (period, unit, every
 * count column, status), for `numRows` rows from `firstRow`: set-up's, and
 * the ones put back on a submitted row when its lock (submitLock) is lifted.
 * `col` gives a key's 1-based column, 0 when the sheet has none.
 */
export function submissionValidations(
  sheet: Sheet,
  col: (key: string) => number,
  firstRow: number,
  numRows: number,
  find: (name: string) => Sheet | null,
  /** Also the period column's text format (set-up; not when putting validations back on a row). */
  formats = true,
): void {
  if (numRows <= 0) return;
  if (col("period") > 0) {
    const period = sheet.getRange(firstRow, col("period"), numRows, 1);
    if (formats) period.setNumberFormat("@");
    period.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(periodChoices(), true)
        .setAllowInvalid(true)
        .setHelpText("Kỳ báo cáo dạng 2023-Q1 (cũng đọc được Quý I/2023, Q1/2023).")
        .build(),
    );
  }
  const units = find(SHEET_UNITS);
  const codeColumn = units ? unitCodeColumn(units) : null;
  if (units && codeColumn && col("unit") > 0) {
    sheet.getRange(firstRow, col("unit"), numRows, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInRange(units.getRange(2, codeColumn, Math.max(1, units.getMaxRows() - 1), 1), true)
        .setAllowInvalid(false)
        .setHelpText("Chọn mã đơn vị trong trang Đơn vị.")
        .build(),
    );
  }
  // Every count and amount column of the schema, wherever it is (one call per run of adjacent columns).
  const nonNegative = SpreadsheetApp.newDataValidation()
    .requireNumberGreaterThanOrEqualTo(0)
    .setAllowInvalid(false)
    .setHelpText(COUNT_HELP)
    .build();
  for (const [first, width] of runs(FIGURE_COLUMNS.map((c) => col(c.key)).filter((c) => c > 0))) {
    sheet.getRange(firstRow, first, numRows, width).setDataValidation(nonNegative);
  }
  if (col("status") > 0) {
    sheet.getRange(firstRow, col("status"), numRows, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...STATUSES], true)
        .setAllowInvalid(false)
        .setHelpText("Trạng thái do tiện ích ghi khi nộp, trả lại, duyệt; ô trống là Đang nhập.")
        .build(),
    );
  }
}

/** The column of `Mã đơn vị` in the units sheet, found by its header (clerks move columns); null when absent. */
function unitCodeColumn(units: Sheet): number | null {
  const rows = Math.min(10, Math.max(1, units.getLastRow()));
  const width = Math.max(1, units.getLastColumn());
  try {
    const c = mapColumns(UNITS_SHEET, units.getRange(1, 1, rows, width).getValues()).columns.code;
    return c === undefined ? null : c + 1;
  } catch (e) {
    if (e instanceof SchemaError) return null;
    throw e;
  }
}

/** "94 đơn vị đang hoạt động và 300 đơn vị cũ (không hoạt động, đã sáp nhập từ 01/07/2025)". */
export function unitCounts(units: readonly SetupUnit[]): string {
  const old = units.filter((u) => !u.active).length;
  return `${units.length - old} đơn vị đang hoạt động` + (old ? ` và ${old} đơn vị cũ (không hoạt động, đã sáp nhập từ 01/07/2025)` : "");
}

/** The list's rows, in one batch: codes as text (Sheets reads "00004" as 4 otherwise), old units' date in the spreadsheet's zone. */
function writeListedUnits(sheet: Sheet, col: (key: string) => number, units: readonly SetupUnit[]): void {
  // A Date is an instant; Sheets shows it in the spreadsheet's time zone: take midnight there.
  const [y, m, d] = MERGED_ON;
  const utc = Date.UTC(y, m, d);
  const z = /([+-])(\d\d)(\d\d)/.exec(Utilities.formatDate(new Date(utc), sheet.getParent().getSpreadsheetTimeZone(), "Z"));
  const on = new Date(utc - (z ? (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60000 : 0));
  const width = UNIT_COLUMNS.length;
  const cells = units.map((u) => {
    const row: unknown[] = Array(width).fill("");
    const put = (key: string, v: unknown) => (row[col(key) - 1] = v);
    put("code", u.code);
    put("name", u.name);
    put("kind", u.kind);
    put("active", u.active);
    put("successors", u.successors);
    put("merged_on", u.successors ? on : "");
    return row;
  });
  const formats = units.map(() =>
    UNIT_COLUMNS.map((c) => (c.key === "merged_on" ? "dd/mm/yyyy" : c.key === "active" ? "0.###############" : "@")),
  );
  sheet.getRange(2, 1, units.length, width).setNumberFormats(formats).setValues(cells);
}

/** Rows a sheet made by set-up has at least (Sheets' new sheets have 1,000). */
const MIN_ROWS = 100;

/** Column numbers as runs of adjacent columns: [first, width]. */
export function runs(columns: readonly number[]): [number, number][] {
  return runsOf([...columns].sort((a, b) => a - b));
}

/**
 * "Thiết lập bảng tính": creates the SPEC sheets that are missing; never
 * changes a sheet that exists. The level and name chosen first (on a new
 * sheet) are saved with the level's defaults.
 */
export function setupSheets(level?: unknown, name?: unknown, listed?: unknown): SetupResult {
  // The national list's rows for the province or commune the sidebar (or the command line) found (src/gas/setup.ts).
  const units = listed === undefined || listed === null ? [] : checkSetupUnits(listed);
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const created: string[] = [];
    const skipped: string[] = [];
    allOrNothing(
      (undo) => {
        if (level !== undefined && level !== null && level !== "") undo.push(saveLevelUndoable(level, name));
        let find = sheetsByName(ss);
        for (const plan of PLANS) {
          // SPEC: set-up never changes a sheet that exists, even an empty or only formatted one.
          const existing = find(plan.name);
          if (existing) {
            skipped.push(existing.getName());
            continue;
          }
          const sheet = ss.insertSheet(plan.name, ss.getSheets().length);
          undo.push(() => ss.deleteSheet(sheet));
          const headers = plan.columns.map((c) => c.header);
          const width = sheet.getMaxColumns();
          if (width < headers.length) sheet.insertColumnsAfter(width, headers.length - width);
          const height = sheet.getMaxRows();
          const want = Math.max(MIN_ROWS, plan.name === SHEET_UNITS ? units.length + MIN_ROWS : 0);
          if (height < want) sheet.insertRowsAfter(height, want - height);
          sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight("bold").setBackground(HEADER_BACKGROUND).setWrap(true);
          sheet.setFrozenRows(1);
          sheet.setColumnWidths(1, headers.length, 130);
          const col = (key: string) => plan.columns.findIndex((c) => c.key === key) + 1;
          find = sheetsByName(ss);
          plan.prepare(sheet, col, find, units);
          created.push(plan.name);
        }
        // What set-up made is the reviewers' (SPEC "Who may change what"): Đơn vị, Chỉ tiêu, the header row.
        if (created.length) resyncProtections(undo);
      },
      (reason) => `Chưa thiết lập được: ${reason} Các trang vừa tạo đã được xóa; các trang đã có không bị thay đổi.`,
    );
    const left = skipped.map((n) => `"${n}"`).join(", ");
    const message = created.length
      ? `Đã tạo trang ${created.map((n) => `"${n}"`).join(", ")}.` +
        (skipped.length ? ` Giữ nguyên trang đã có: ${left} (tiện ích không sửa trang đã có, kể cả trang trống).` : "")
      : `Các trang ${left} đã có; tiện ích không thay đổi gì (nếu một trang còn trống, hãy xóa hoặc đổi tên nó rồi chạy lại để tiện ích tạo mới).`;
    const listedNote = !units.length
      ? ""
      : created.includes(SHEET_UNITS)
        ? ` Trang "${SHEET_UNITS}" có ${unitCounts(units)}.`
        : ` Trang "${SHEET_UNITS}" đã có nên không thêm đơn vị nào.`;
    return { created, skipped, message: message + listedNote };
  });
}
