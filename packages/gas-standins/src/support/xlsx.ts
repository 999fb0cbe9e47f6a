/**
 * .xlsx ⇄ FakeSpreadsheet with exceljs, for the command line and for tests.
 *
 * Kept: sheet names and order, values (numbers, text, booleans; dates as
 * date-formatted serials so getValue gives a Date; formulas with their cached
 * result; error cells such as #N/A as the text "#N/A"; rich text as plain
 * text; hyperlinks as their text), number formats, backgrounds (solid RGB
 * fills), bold/italic/font colour, alignment and wrap, notes, frozen rows and
 * columns, hidden sheets, rows and columns, column widths, tab colours, the
 * active sheet. Not kept: data validation, conditional formats, protections,
 * merges, borders, theme colours, charts, images.
 *
 * Formulas. A formula cell's value is the result the file saved with it
 * (`<v>`), read from exceljs's `cell.result`: exceljs's `cell.value` drops a
 * result of 0, false or "" (it copies only truthy fields), so a saved 0 would
 * otherwise look like no result at all. A saved empty `<v></v>` (a formula
 * that gives "") is a blank. A formula saved without any `<v>` (written by a
 * tool that did not compute it) has no value we could honestly give: Google
 * Sheets recomputes formulas on import, and we have no formula engine, so
 * such a cell keeps its formula and stays blank (getValue gives "", as for a
 * formula whose result was never computed) rather than a made-up 0 or an
 * error the file does not hold; `formulasWithoutValue(spreadsheet)` lists
 * these cells so that a caller can say which figures it could not read.
 *
 * Size. Before exceljs reads anything, `surveyXlsx` (xlsx-guard.ts) checks the
 * zip's declared sizes and each worksheet's last row and column against the
 * limits (options `maxRows`, `maxColumns`, `maxExpandedBytes`; by default
 * 200,000 rows, 1,000 columns, 500 MB) and throws XlsxTooLargeError past one,
 * in a fraction of the time exceljs would spend walking such a sheet.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import type { Cell } from "./cells";
import { DEFAULT_XLSX_LIMITS, surveyXlsx, XlsxFormatError, type SheetSurvey, type XlsxLimits } from "./xlsx-guard";
import { isAutomaticFormat, isDateFormat } from "./format";
import { DAY_MS, SERIAL_EPOCH } from "./locale";
import { Runtime } from "./runtime";
import type { FakeSheet } from "../services/spreadsheetapp/fakeSheet";
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from "../services/spreadsheetapp/fakeSheet";
import { FakeSpreadsheet } from "../services/spreadsheetapp/fakeSpreadsheet";
import type { SpreadsheetInit } from "../services/spreadsheetapp/fakeSpreadsheet";

export { DEFAULT_XLSX_LIMITS, XlsxFormatError, XlsxTooLargeError } from "./xlsx-guard";
export type { XlsxLimits } from "./xlsx-guard";

const ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!", "#ERROR!", "#SPILL!", "#CALC!"]);

/** Excel's 1-based pixel ↔ character widths (Calibri 11: ~7 px per character plus padding). */
const pxToChars = (px: number) => Math.max(0, (px - 5) / 7);
const charsToPx = (chars: number) => Math.round(chars * 7 + 5);

function argbToHex(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (typeof argb !== "string" || !/^[0-9a-fA-F]{6,8}$/.test(argb)) return undefined;
  return "#" + argb.slice(-6).toLowerCase();
}

const hexToArgb = (hex: string) => "FF" + hex.slice(1).toUpperCase();

function dateToSerialUtc(d: Date): number {
  return (d.getTime() - SERIAL_EPOCH) / DAY_MS;
}

/**
 * A plain value of exceljs (cell value or formula result) → stored value.
 * An object of a kind exceljs does not make gives no value, never its
 * "[object Object]".
 */
function plain(v: unknown): Cell["v"] {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v === "" ? undefined : v;
  if (v instanceof Date) return dateToSerialUtc(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("") || undefined;
    // A hyperlink's text: a string, rich text, or the number or date a formula gave.
    if ("text" in o) return plain(o.text);
    if ("result" in o) return plain(o.result);
  }
  return undefined;
}

/** A formula cell that the file saved without a value (see the file comment). */
export interface FormulaWithoutValue {
  sheet: string;
  /** A1 notation. */
  cell: string;
  /** With its "=". */
  formula: string;
}

const withoutValue = new WeakMap<FakeSpreadsheet, readonly FormulaWithoutValue[]>();

/**
 * The formula cells of a loaded workbook that were saved without a value:
 * they hold their formula and no value. Empty for a spreadsheet not made by
 * loadXlsx.
 */
export function formulasWithoutValue(
  spreadsheet: FakeSpreadsheet | GoogleAppsScript.Spreadsheet.Spreadsheet,
): readonly FormulaWithoutValue[] {
  return withoutValue.get(spreadsheet as FakeSpreadsheet) ?? [];
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note || undefined;
  const text = (note.texts ?? []).map((t) => t.text).join("");
  return text || undefined;
}

/** What loadSheet needs to tell a formula saved without a value from one saved with an empty one. */
interface SheetContext {
  name: string;
  survey: SheetSurvey | undefined;
  withoutValue: FormulaWithoutValue[];
}

function loadCell(target: Cell, cell: ExcelJS.Cell, context: SheetContext): void {
  const value = cell.value;
  const isFormula = cell.type === ExcelJS.ValueType.Formula;
  // cell.result, not value.result: exceljs leaves a result of 0, false or "" out of cell.value.
  const raw: unknown = isFormula ? (cell.result as unknown) : value;
  if (isFormula) {
    const f = cell.formula;
    if (f) target.f = "=" + f;
    // No result: either an empty saved value (a formula that gives "") or none saved at all.
    if (raw === undefined && f && !context.survey?.emptyFormulaValues.has(cell.address)) {
      context.withoutValue.push({ sheet: context.name, cell: cell.address, formula: "=" + f });
    }
  }
  const v = plain(raw);
  if (v !== undefined) target.v = v;
  const fmt = cell.numFmt;
  if (fmt && !isAutomaticFormat(fmt)) target.fmt = fmt;
  if (raw instanceof Date && !isDateFormat(target.fmt))
    target.fmt = raw.getUTCHours() || raw.getUTCMinutes() || raw.getUTCSeconds() ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd";
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const bg = argbToHex(fill.fgColor);
    if (bg && bg !== "#ffffff") target.bg = bg;
  }
  const font = cell.font;
  if (font) {
    if (font.bold) target.bold = true;
    if (font.italic) target.italic = true;
    const fc = argbToHex(font.color);
    if (fc && fc !== "#000000") target.fc = fc;
    if (typeof font.size === "number" && font.size !== 11 && font.size !== 10) target.size = font.size;
  }
  const al = cell.alignment;
  if (al) {
    if (al.horizontal === "left" || al.horizontal === "center" || al.horizontal === "right") target.ha = al.horizontal;
    if (al.vertical === "top" || al.vertical === "middle") target.va = al.vertical;
    if (al.wrapText) target.wrap = "WRAP";
  }
  const note = noteText(cell.note);
  if (note !== undefined) target.note = note;
}

function toBuffer(data: Buffer | ArrayBuffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The document's id, name (default: the file's name), locale and time zone;
 * the size limits (default DEFAULT_XLSX_LIMITS).
 */
export type LoadXlsxOptions = Omit<SpreadsheetInit, "firstSheet"> & Partial<XlsxLimits>;

/**
 * Reads an .xlsx (a path or its bytes) into a spreadsheet. Throws
 * XlsxFormatError when the data is not an .xlsx workbook, and its subclass
 * XlsxTooLargeError, before exceljs reads anything, when a worksheet or the
 * expanded archive is past a limit.
 */
export async function loadXlsx(
  source: string | Buffer | ArrayBuffer | Uint8Array,
  options: LoadXlsxOptions = {},
): Promise<FakeSpreadsheet> {
  const label = typeof source === "string" ? source : "the data";
  let bytes: Buffer;
  if (typeof source === "string") {
    try {
      bytes = await readFile(source);
    } catch (e) {
      throw new XlsxFormatError(`Cannot read ${source}: ${(e as Error).message}`);
    }
  } else bytes = toBuffer(source);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new XlsxFormatError(`${label} is not an .xlsx workbook (not a zip archive).`);
  }
  const { maxRows, maxColumns, maxExpandedBytes, ...init } = options;
  const limits: XlsxLimits = {
    maxRows: maxRows ?? DEFAULT_XLSX_LIMITS.maxRows,
    maxColumns: maxColumns ?? DEFAULT_XLSX_LIMITS.maxColumns,
    maxExpandedBytes: maxExpandedBytes ?? DEFAULT_XLSX_LIMITS.maxExpandedBytes,
  };
  const survey = surveyXlsx(bytes, limits, label);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxFormatError(`${label} is not a readable .xlsx workbook: ${(e as Error).message}`);
  }
  // A zip that is not a workbook (a .docx, an .ods, any archive) loads as a book without sheets.
  if (wb.worksheets.length === 0) throw new XlsxFormatError(`${label} is not an .xlsx workbook (no worksheet in it).`);
  const name = init.name ?? (typeof source === "string" ? basename(source, extname(source)) : undefined);
  const ss = new FakeSpreadsheet({ ...init, name, firstSheet: null }, new Runtime());
  const surveyed = new Map(survey.sheets.map((s) => [s.name, s]));
  const without: FormulaWithoutValue[] = [];
  for (const ws of wb.worksheets) {
    const rows = Math.max(DEFAULT_ROWS, ws.rowCount);
    const columns = ws.columnCount;
    const sheet = ss._newSheet(ws.name, ss._sheets.length, rows, Math.max(DEFAULT_COLUMNS, columns));
    loadSheet(sheet, ws, columns, { name: ws.name, survey: surveyed.get(ws.name), withoutValue: without });
  }
  withoutValue.set(ss, without);
  if (ss._sheets.length === 0) ss._newSheet(ss._defaultSheetName(), 0);
  const activeTab = wb.views?.[0]?.activeTab;
  const active = (activeTab !== undefined ? ss._sheets[activeTab] : undefined) ?? ss._sheets.find((s) => !s._hidden) ?? ss._sheets[0]!;
  ss._active = active._hidden ? (ss._sheets.find((s) => !s._hidden) ?? active) : active;
  return ss;
}

/** `columns`: ws.columnCount, which exceljs recounts over every row at each call. */
function loadSheet(sheet: FakeSheet, ws: ExcelJS.Worksheet, columns: number, context: SheetContext): void {
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) sheet._rowMeta.ensure(r).hidden = true;
    if (row.height && Math.abs(row.height - 15) > 0.01) sheet._rowMeta.ensure(r).size = Math.round((row.height * 4) / 3);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const target = sheet._grid.ensure(r, c);
      loadCell(target, cell, context);
      sheet._grid.prune(r, c);
    });
  });
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    if (col.hidden) sheet._colMeta.ensure(c).hidden = true;
    if (typeof col.width === "number") sheet._colMeta.ensure(c).size = charsToPx(col.width);
  }
  const view = ws.views?.[0];
  if (view && view.state === "frozen") {
    sheet._frozenRows = Math.max(0, Math.trunc(Number(view.ySplit ?? 0)));
    sheet._frozenColumns = Math.max(0, Math.trunc(Number(view.xSplit ?? 0)));
  }
  sheet._hidden = ws.state === "hidden" || ws.state === "veryHidden";
  const tab = argbToHex(ws.properties?.tabColor);
  if (tab) sheet._tabColor = tab;
}

/** An exceljs value for a stored cell. */
function excelValue(cell: Cell): ExcelJS.CellValue {
  const v = cell.v;
  let value: ExcelJS.CellValue;
  if (v === undefined) value = null;
  else if (typeof v === "string" && ERRORS.has(v)) value = { error: v as ExcelJS.CellErrorValue["error"] };
  else value = v; // dates stay serials: the cell's date format makes them dates again on load
  if (cell.f !== undefined) {
    const result = value === null ? undefined : (value as ExcelJS.CellFormulaValue["result"]);
    return { formula: cell.f.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
  }
  return value;
}

/** Writes a spreadsheet as .xlsx bytes (see the file comment for what is kept). */
export async function saveXlsx(spreadsheet: FakeSpreadsheet | GoogleAppsScript.Spreadsheet.Spreadsheet): Promise<Buffer> {
  if (!(spreadsheet instanceof FakeSpreadsheet)) throw new TypeError("saveXlsx needs a stand-in spreadsheet (FakeSpreadsheet).");
  const ss = spreadsheet;
  const wb = new ExcelJS.Workbook();
  wb.creator = "CCHC stand-ins";
  for (const sheet of ss._sheets) {
    const ws = wb.addWorksheet(sheet._name, {
      state: sheet._hidden ? "hidden" : "visible",
      properties: sheet._tabColor ? { tabColor: { argb: hexToArgb(sheet._tabColor) } } : {},
      views:
        sheet._frozenRows || sheet._frozenColumns ? [{ state: "frozen", xSplit: sheet._frozenColumns, ySplit: sheet._frozenRows }] : [],
    });
    sheet._grid.rows.forEach((row, ri) => {
      if (!row) return;
      row.forEach((cell, ci) => {
        if (!cell) return;
        const xc = ws.getCell(ri + 1, ci + 1);
        xc.value = excelValue(cell);
        if (cell.fmt !== undefined) xc.numFmt = cell.fmt;
        if (cell.bg) xc.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(cell.bg) } };
        if (cell.bold || cell.italic || cell.fc || cell.size) {
          xc.font = {
            ...(cell.bold ? { bold: true } : {}),
            ...(cell.italic ? { italic: true } : {}),
            ...(cell.fc ? { color: { argb: hexToArgb(cell.fc) } } : {}),
            ...(cell.size ? { size: cell.size } : {}),
          };
        }
        if (cell.ha || cell.va || cell.wrap === "WRAP") {
          xc.alignment = {
            ...(cell.ha ? { horizontal: cell.ha as ExcelJS.Alignment["horizontal"] } : {}),
            ...(cell.va ? { vertical: cell.va as ExcelJS.Alignment["vertical"] } : {}),
            ...(cell.wrap === "WRAP" ? { wrapText: true } : {}),
          };
        }
        if (cell.note) xc.note = cell.note;
      });
    });
    sheet._colMeta.items.forEach((m, i) => {
      if (!m) return;
      const col = ws.getColumn(i + 1);
      if (m.size !== undefined) col.width = pxToChars(m.size);
      if (m.hidden) col.hidden = true;
    });
    sheet._rowMeta.items.forEach((m, i) => {
      if (!m) return;
      const row = ws.getRow(i + 1);
      if (m.size !== undefined) row.height = (m.size * 3) / 4;
      if (m.hidden) row.hidden = true;
    });
  }
  const activeTab = ss._active ? Math.max(0, ss._sheets.indexOf(ss._active)) : 0;
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: "visible" }];
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
