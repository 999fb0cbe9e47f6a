/** Sheet: owns its cells (sparse), dimensions, frozen panes, rules and row/column settings. */
import { parseA1 } from "../../support/a1";
import { CellGrid, CONTENT_KEYS, FORMAT_KEYS, LineMetaList, normalizeColor } from "../../support/cells";
import type { Cell, CellKey } from "../../support/cells";
import { ProtectionType } from "../../support/enums";
import { formatDisplay, isDateFormat } from "../../support/format";
import { serialToMs } from "../../support/locale";
import { assignValue } from "../../support/values";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import { guardSheet } from "./protectionGuard";
import { FakeConditionalFormatRule } from "./fakeConditionalFormatRule";
import { FakeProtection } from "./fakeProtection";
import { BOUNDED, FakeRange } from "./fakeRange";
import type { Boundedness } from "./fakeRange";
import { FakeRangeList } from "./fakeRangeList";
import type { FakeSpreadsheet } from "./fakeSpreadsheet";
import { shiftRuleRange } from "./rangeRef";
import type { RuleRange } from "./rangeRef";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export type SheetApi = Pick<
  Sheet,
  | "activate"
  | "appendRow"
  | "autoResizeColumn"
  | "autoResizeColumns"
  | "clear"
  | "clearConditionalFormatRules"
  | "clearContents"
  | "clearFormats"
  | "clearNotes"
  | "deleteColumn"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "getActiveCell"
  | "getActiveRange"
  | "getColumnWidth"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getFrozenColumns"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getRangeList"
  | "getRowHeight"
  | "getSheetId"
  | "getSheetName"
  | "getSheetValues"
  | "getTabColor"
  | "hideColumn"
  | "hideColumns"
  | "hideRow"
  | "hideRows"
  | "hideSheet"
  | "insertColumnAfter"
  | "insertColumnBefore"
  | "insertColumns"
  | "insertColumnsAfter"
  | "insertColumnsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertRows"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "isColumnHiddenByUser"
  | "isRowHiddenByUser"
  | "isSheetHidden"
  | "protect"
  | "setActiveRange"
  | "setActiveSelection"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setConditionalFormatRules"
  | "setFrozenColumns"
  | "setFrozenRows"
  | "setName"
  | "setRowHeight"
  | "setRowHeights"
  | "setTabColor"
  | "showColumns"
  | "showRows"
  | "showSheet"
  | "unhideColumn"
  | "unhideRow"
>;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export class FakeSheet implements SheetApi {
  _grid = new CellGrid();
  _rowMeta = new LineMetaList();
  _colMeta = new LineMetaList();
  _frozenRows = 0;
  _frozenColumns = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _rules: FakeConditionalFormatRule[] = [];
  /** Current selection on this sheet (row, column, rows, columns). */
  _selection: [number, number, number, number] = [1, 1, 1, 1];
  _deleted = false;

  constructor(
    readonly _ss: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
    public _maxRows = DEFAULT_ROWS,
    public _maxColumns = DEFAULT_COLUMNS,
  ) {}

  get _rt() {
    return this._ss._rt;
  }

  private get _self(): Sheet {
    return gas<Sheet>(this);
  }

  // ------------------------------------------------------------ internals

  /** A range after Google's argument and bounds checks. */
  _range(row: number, column: number, numRows = 1, numColumns = 1, bounded: Boundedness = BOUNDED): FakeRange {
    const rt = this._rt;
    if (row < 1) throw rt.exception("The starting row of the range is too small.");
    if (column < 1) throw rt.exception("The starting column of the range is too small.");
    if (numRows < 1) throw rt.exception("The number of rows in the range must be at least 1.");
    if (numColumns < 1) throw rt.exception("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > this._maxRows || column + numColumns - 1 > this._maxColumns) {
      throw rt.exception("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this, Math.trunc(row), Math.trunc(column), Math.trunc(numRows), Math.trunc(numColumns), bounded);
  }

  /** A1 notation on this sheet ("B2:D5", "A:A", "2:2", "A2:B"); a sheet prefix is resolved in the spreadsheet. */
  _rangeA1(a1: string): FakeRange {
    const ref = parseA1(String(a1));
    if (!ref) throw this._rt.exception("Range not found");
    let sheet: FakeSheet = this;
    if (ref.sheetName !== null && ref.sheetName !== this._name) {
      const other = this._ss._sheetByName(ref.sheetName);
      if (!other) throw this._rt.exception("Range not found");
      sheet = other;
    }
    const startRow = ref.startRow ?? 1;
    const endRow = ref.endRow ?? sheet._maxRows;
    const startCol = ref.startColumn ?? 1;
    const endCol = ref.endColumn ?? sheet._maxColumns;
    const bounded: Boundedness = { startRow: ref.startRow !== null, endRow: ref.endRow !== null, columns: ref.startColumn !== null };
    return sheet._range(startRow, startCol, endRow - startRow + 1, endCol - startCol + 1, bounded);
  }

  /** The value as getValue returns it ("" blank, Date for date-formatted numbers). */
  _read(r: number, c: number): unknown {
    const cell = this._grid.get(r, c);
    if (!cell || cell.v === undefined) return "";
    if (typeof cell.v === "number" && isDateFormat(cell.fmt)) return this._rt.date(serialToMs(cell.v, this._ss._timeZone));
    return cell.v;
  }

  _display(r: number, c: number): string {
    const cell = this._grid.get(r, c);
    return formatDisplay(cell?.v, cell?.fmt, this._ss._localeInfo());
  }

  /** Stores a value written by setValue(s): strings are interpreted as typed input (see locale.parseEntered). */
  _write(r: number, c: number, value: unknown): void {
    const cell = this._grid.ensure(r, c);
    delete cell.f;
    this._assign(cell, value, true);
    if (cell.f !== undefined) this._evaluate(cell, r, c);
    this._grid.prune(r, c);
  }

  /** Sets a cell's value from a JS value; `typed` strings may become numbers, dates or formulas. */
  _assign(cell: Cell, value: unknown, typed: boolean): void {
    assignValue(cell, value, typed, this._ss._timeZone, this._ss._localeInfo());
  }

  _writeFormula(r: number, c: number, formula: string): void {
    const text = String(formula ?? "");
    if (!text.startsWith("=")) {
      this._write(r, c, text);
      return;
    }
    const cell = this._grid.ensure(r, c);
    cell.f = text;
    delete cell.v;
    this._evaluate(cell, r, c);
    this._grid.prune(r, c);
  }

  /** A formula's value comes from the environment's evaluateFormula hook, if any. */
  _evaluate(cell: Cell, r: number, c: number): void {
    const hook = this._rt.settings.evaluateFormula;
    if (!hook || cell.f === undefined) return;
    const formula = cell.f;
    const ss = this._ss;
    const context = {
      sheet: this._name,
      row: r,
      column: c,
      valueAt: (sheet: string, row: number, column: number) => ss._sheetByName(sheet)?._read(row, column) ?? "",
      extentOf: (sheet: string) => {
        const s = ss._sheetByName(sheet);
        return s ? { rows: s._lastRow(), columns: s._lastColumn() } : { rows: 0, columns: 0 };
      },
    };
    const result = this._rt._outside(() => hook(formula, context));
    if (result !== undefined) this._assign(cell, result, false);
  }

  _lastRow(): number {
    return this._grid.lastRow();
  }

  _lastColumn(): number {
    return this._grid.lastColumn();
  }

  /** Moves rule and protection ranges after rows/columns are inserted or deleted. */
  _shift(dimension: "rows" | "columns", kind: "insert" | "delete", at: number, count: number): void {
    const move = (rr: RuleRange): RuleRange | null => shiftRuleRange(rr, this, dimension, kind, at, count);
    this._rules = this._rules
      .map((rule) => rule._withRanges(rule._ranges.map(move).filter((x): x is RuleRange => x !== null)))
      .filter((rule) => rule._ranges.length > 0);
    for (const p of this._ss._protections) p._shift(this, move);
  }

  _checkRows(position: number, count: number): void {
    if (position < 1 || count < 1 || position + count - 1 > this._maxRows) throw this._rt.exception("Those rows are out of bounds.");
  }

  _checkColumns(position: number, count: number): void {
    if (position < 1 || count < 1 || position + count - 1 > this._maxColumns) throw this._rt.exception("Those columns are out of bounds.");
  }

  _insertRows(before: number, count: number): void {
    if (before < 1 || before > this._maxRows + 1 || count < 1) throw this._rt.exception("Those rows are out of bounds.");
    this._grid.insertRows(before, count);
    this._rowMeta.insert(before, count);
    this._maxRows += count;
    this._shift("rows", "insert", before, count);
  }

  _insertColumns(before: number, count: number): void {
    if (before < 1 || before > this._maxColumns + 1 || count < 1) throw this._rt.exception("Those columns are out of bounds.");
    this._grid.insertColumns(before, count);
    this._colMeta.insert(before, count);
    this._maxColumns += count;
    this._shift("columns", "insert", before, count);
  }

  /** Copies cells, sizes and rules from another sheet (insertSheet with a template). */
  _copyFrom(template: FakeSheet): void {
    this._grid = template._grid.clone();
    this._rowMeta = template._rowMeta.clone();
    this._colMeta = template._colMeta.clone();
    this._maxRows = template._maxRows;
    this._maxColumns = template._maxColumns;
    this._frozenRows = template._frozenRows;
    this._frozenColumns = template._frozenColumns;
    this._tabColor = template._tabColor;
    this._rules = template._rules.map((r) => r._withRanges(r._ranges.map((rr) => (rr.sheet === template ? { ...rr, sheet: this } : rr))));
  }

  // ------------------------------------------------------------- identity

  getName(): string {
    return this._name;
  }

  getSheetName(): string {
    return this._name;
  }

  setName(name: string): Sheet {
    const n = String(name);
    if (n !== this._name) {
      const other = this._ss._sheetByName(n);
      if (other && other !== this) throw this._rt.exception(`A sheet with the name "${n}" already exists. Please enter another name.`);
      this._name = n;
    }
    return this._self;
  }

  getSheetId(): number {
    return this._id;
  }

  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }

  getParent(): Spreadsheet {
    return gas<Spreadsheet>(this._ss);
  }

  activate(): Sheet {
    this._ss._activate(this);
    return this._self;
  }

  // ---------------------------------------------------------------- ranges

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === "string" && column === undefined) return gas<Range>(this._rangeA1(a));
    const args = [a, column, numRows ?? 1, numColumns ?? 1];
    if (args.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
      const given = [a, column, numRows, numColumns].filter((x) => x !== undefined);
      const types = given.map((x) =>
        typeof x === "number" ? "number" : typeof x === "string" ? "String" : x === null ? "null" : "Object",
      );
      throw this._rt.exception(`The parameters (${types.join(",")}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    return gas<Range>(this._range(a as number, column!, numRows ?? 1, numColumns ?? 1));
  }

  /** Ranges of this sheet in A1 notation; a bad reference throws "Range not found". */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations))
      throw this._rt.exception("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    return gas(
      new FakeRangeList(
        this._rt,
        a1Notations.map((a1) => this._rangeA1(a1)),
      ),
    );
  }

  getDataRange(): Range {
    return gas<Range>(this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn())));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    const rows = numRows === -1 ? this._lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this._lastColumn() - startColumn + 1 : numColumns;
    return this._range(startRow, startColumn, rows, cols).getValues();
  }

  getLastRow(): number {
    return this._lastRow();
  }

  getLastColumn(): number {
    return this._lastColumn();
  }

  getMaxRows(): number {
    return this._maxRows;
  }

  getMaxColumns(): number {
    return this._maxColumns;
  }

  /** Writes after the last row with content, growing the sheet if needed. */
  appendRow(rowContents: any[]): Sheet {
    if (!Array.isArray(rowContents))
      throw this._rt.exception(
        "The parameters (" + typeof rowContents + ") don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    const row = this._lastRow() + 1;
    if (row > this._maxRows) this._insertRows(this._maxRows + 1, row - this._maxRows);
    if (rowContents.length > this._maxColumns) this._insertColumns(this._maxColumns + 1, rowContents.length - this._maxColumns);
    rowContents.forEach((v, i) => this._write(row, i + 1, v));
    return this._self;
  }

  // ------------------------------------------------------------- selection

  getActiveRange(): Range | null {
    const [r, c, nr, nc] = this._selection;
    const rows = Math.max(1, Math.min(nr, this._maxRows - r + 1));
    const cols = Math.max(1, Math.min(nc, this._maxColumns - c + 1));
    return gas<Range>(this._range(Math.min(r, this._maxRows), Math.min(c, this._maxColumns), rows, cols));
  }

  getActiveCell(): Range {
    const [r, c] = this._selection;
    return gas<Range>(this._range(Math.min(r, this._maxRows), Math.min(c, this._maxColumns)));
  }

  setActiveRange(range: Range): Range {
    const fr = this._ss._asRange(range);
    if (fr._sheet !== this) throw this._rt.exception("The range must be on the active sheet.");
    this._ss._select(fr);
    return range;
  }

  setActiveSelection(range: Range | string): Range {
    const fr = typeof range === "string" ? this._rangeA1(range) : this._ss._asRange(range);
    this._ss._select(fr);
    return gas<Range>(fr);
  }

  // ---------------------------------------------------------- rows/columns

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertRows(afterPosition + 1, howMany);
    return this._self;
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertRows(beforePosition, howMany);
    return this._self;
  }

  insertRowAfter(afterPosition: number): Sheet {
    this._insertRows(afterPosition + 1, 1);
    return this._self;
  }

  insertRowBefore(beforePosition: number): Sheet {
    this._insertRows(beforePosition, 1);
    return this._self;
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this._insertRows(rowIndex, numRows ?? 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertColumns(afterPosition + 1, howMany);
    return this._self;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertColumns(beforePosition, howMany);
    return this._self;
  }

  insertColumnAfter(afterPosition: number): Sheet {
    this._insertColumns(afterPosition + 1, 1);
    return this._self;
  }

  insertColumnBefore(beforePosition: number): Sheet {
    this._insertColumns(beforePosition, 1);
    return this._self;
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    this._insertColumns(columnIndex, numColumns ?? 1);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this._checkRows(rowPosition, howMany);
    if (howMany >= this._maxRows) throw this._rt.exception("You can't delete all the rows on the sheet.");
    if (this._maxRows - howMany < this._frozenRows + 1 && this._frozenRows > 0) {
      throw this._rt.exception("Sorry, it is not possible to delete all non-frozen rows.");
    }
    this._grid.deleteRows(rowPosition, howMany);
    this._rowMeta.delete(rowPosition, howMany);
    this._maxRows -= howMany;
    this._shift("rows", "delete", rowPosition, howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this._self;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this._checkColumns(columnPosition, howMany);
    if (howMany >= this._maxColumns) throw this._rt.exception("You can't delete all the columns on the sheet.");
    if (this._maxColumns - howMany < this._frozenColumns + 1 && this._frozenColumns > 0) {
      throw this._rt.exception("Sorry, it is not possible to delete all non-frozen columns.");
    }
    this._grid.deleteColumns(columnPosition, howMany);
    this._colMeta.delete(columnPosition, howMany);
    this._maxColumns -= howMany;
    this._shift("columns", "delete", columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this._self;
  }

  getColumnWidth(columnPosition: number): number {
    return this._colMeta.get(columnPosition)?.size ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._checkColumns(columnPosition, 1);
    this._colMeta.ensure(columnPosition).size = width;
    return this._self;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this._checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._colMeta.ensure(c).size = width;
    return this._self;
  }

  /** Fits columns to their longest display value (about 7 px per character, at least the default). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this._checkColumns(startColumn, numColumns);
    const last = this._lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= last; r++) {
        for (const line of this._display(r, c).split("\n")) longest = Math.max(longest, line.length);
      }
      this._colMeta.ensure(c).size = Math.max(DEFAULT_COLUMN_WIDTH, longest * 7 + 10);
    }
    return this._self;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    this.autoResizeColumns(columnPosition, 1);
    return this._self;
  }

  getRowHeight(rowPosition: number): number {
    return this._rowMeta.get(rowPosition)?.size ?? DEFAULT_ROW_HEIGHT;
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    this._checkRows(rowPosition, 1);
    this._rowMeta.ensure(rowPosition).size = height;
    return this._self;
  }

  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    this._checkRows(startRow, numRows);
    for (let r = startRow; r < startRow + numRows; r++) this._rowMeta.ensure(r).size = height;
    return this._self;
  }

  hideRows(rowIndex: number, numRows?: number): void {
    this._checkRows(rowIndex, numRows ?? 1);
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this._rowMeta.ensure(r).hidden = true;
  }

  showRows(rowIndex: number, numRows?: number): void {
    this._checkRows(rowIndex, numRows ?? 1);
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) {
      const m = this._rowMeta.get(r);
      if (m) delete m.hidden;
    }
  }

  hideRow(row: Range): void {
    const fr = this._ss._asRange(row);
    this.hideRows(fr._row, fr._nr);
  }

  unhideRow(row: Range): void {
    const fr = this._ss._asRange(row);
    this.showRows(fr._row, fr._nr);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this._rowMeta.get(rowPosition)?.hidden === true;
  }

  hideColumns(columnIndex: number, numColumns?: number): void {
    this._checkColumns(columnIndex, numColumns ?? 1);
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this._colMeta.ensure(c).hidden = true;
  }

  showColumns(columnIndex: number, numColumns?: number): void {
    this._checkColumns(columnIndex, numColumns ?? 1);
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) {
      const m = this._colMeta.get(c);
      if (m) delete m.hidden;
    }
  }

  hideColumn(column: Range): void {
    const fr = this._ss._asRange(column);
    this.hideColumns(fr._col, fr._nc);
  }

  unhideColumn(column: Range): void {
    const fr = this._ss._asRange(column);
    this.showColumns(fr._col, fr._nc);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._colMeta.get(columnPosition)?.hidden === true;
  }

  // ---------------------------------------------------------------- frozen

  getFrozenRows(): number {
    return this._frozenRows;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this._maxRows) throw this._rt.exception("Sorry, it is not possible to freeze that many rows.");
    this._frozenRows = rows;
  }

  getFrozenColumns(): number {
    return this._frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this._maxColumns) throw this._rt.exception("Sorry, it is not possible to freeze that many columns.");
    this._frozenColumns = columns;
  }

  // ------------------------------------------------------------ visibility

  hideSheet(): Sheet {
    const visible = this._ss._sheets.filter((s) => !s._hidden && s !== this);
    if (visible.length === 0) throw this._rt.exception("You can't hide all the sheets in a document.");
    this._hidden = true;
    if (this._ss._active === this) this._ss._active = visible[0]!;
    return this._self;
  }

  showSheet(): Sheet {
    this._hidden = false;
    return this._self;
  }

  isSheetHidden(): boolean {
    return this._hidden;
  }

  getTabColor(): string | null {
    return this._tabColor;
  }

  setTabColor(color: string | null): Sheet {
    this._tabColor = normalizeColor(color);
    return this._self;
  }

  // ---------------------------------------------------------------- clears

  clear(options?: { formatOnly?: boolean | undefined; contentsOnly?: boolean | undefined }): Sheet {
    const keys: CellKey[] = [];
    if (!options?.formatOnly || options.contentsOnly) keys.push(...CONTENT_KEYS);
    if (!options?.contentsOnly || options.formatOnly) keys.push(...FORMAT_KEYS);
    this._grid.clearKeys(1, 1, this._maxRows, this._maxColumns, keys);
    return this._self;
  }

  clearContents(): Sheet {
    this._grid.clearKeys(1, 1, this._maxRows, this._maxColumns, CONTENT_KEYS);
    return this._self;
  }

  clearFormats(): Sheet {
    this._grid.clearKeys(1, 1, this._maxRows, this._maxColumns, FORMAT_KEYS);
    return this._self;
  }

  clearNotes(): Sheet {
    this._grid.clearKeys(1, 1, this._maxRows, this._maxColumns, ["note"]);
    return this._self;
  }

  // ----------------------------------------------------- conditional rules

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._rt.list(this._rules.map((r) => gas<ConditionalFormatRule>(r._withRanges(r._ranges))));
  }

  /** Replaces all rules of the sheet (Apps Script semantics). */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules))
      throw this._rt.exception(
        "The parameters (" + typeof rules + ") don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    const list = rules.map((r) => {
      if (!(r instanceof FakeConditionalFormatRule)) {
        throw this._rt.exception(
          "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
        );
      }
      return r._withRanges(r._ranges);
    });
    this._rules = list;
  }

  clearConditionalFormatRules(): void {
    this._rules = [];
  }

  // ------------------------------------------------------------ protection

  /** The sheet's protection (an existing one is returned again). */
  protect(): Protection {
    const existing = this._ss._protections.find((p) => p._sheet === this && p._type === "SHEET");
    return gas<Protection>(existing ?? this._ss._addProtection(new FakeProtection(this, "SHEET", null)));
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Protection[] {
    const t = String(type ?? ProtectionType.RANGE);
    return this._rt.list(this._ss._protections.filter((p) => p._sheet === this && p._type === t).map((p) => gas<Protection>(p)));
  }
}

instrument(FakeSheet, "Sheet", "SpreadsheetApp", { check: guardSheet });

export type _SheetOnlyApi = Assert<OnlyApi<FakeSheet, SheetApi>>;
