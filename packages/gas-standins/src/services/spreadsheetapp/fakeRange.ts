/** Range: a rectangle of a sheet, addressed by coordinates (like Apps Script's Range). */
import { formatA1 } from "../../support/a1";
import { CONTENT_KEYS, FORMAT_KEYS, hasContent, normalizeColor, put } from "../../support/cells";
import type { Cell, CellKey } from "../../support/cells";
import { DataValidationCriteria, WrapStrategy } from "../../support/enums";
import { DEFAULT_NUMBER_FORMAT } from "../../support/format";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import { guardRange } from "./protectionGuard";
import { FakeDataValidation } from "./fakeDataValidation";
import { FakeProtection } from "./fakeProtection";
import type { FakeSheet } from "./fakeSheet";
import { RangeRef } from "./rangeRef";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type WrapStrategyT = GoogleAppsScript.Spreadsheet.WrapStrategy;

export type RangeApi = Pick<
  Range,
  | "activate"
  | "check"
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "clearFormat"
  | "clearNote"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getCell"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFontColor"
  | "getFontColors"
  | "getFontFamily"
  | "getFontSize"
  | "getFontStyle"
  | "getFontWeight"
  | "getFontWeights"
  | "getFormula"
  | "getFormulas"
  | "getGridId"
  | "getHeight"
  | "getHorizontalAlignment"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getRowIndex"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "getVerticalAlignment"
  | "getWidth"
  | "getWrap"
  | "getWrapStrategy"
  | "getWraps"
  | "insertCheckboxes"
  | "isBlank"
  | "isChecked"
  | "isEndColumnBounded"
  | "isEndRowBounded"
  | "isStartColumnBounded"
  | "isStartRowBounded"
  | "offset"
  | "protect"
  | "removeCheckboxes"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setDataValidations"
  | "setFontColor"
  | "setFontColors"
  | "setFontFamily"
  | "setFontSize"
  | "setFontStyle"
  | "setFontWeight"
  | "setFontWeights"
  | "setFormula"
  | "setFormulas"
  | "setHorizontalAlignment"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues"
  | "setVerticalAlignment"
  | "setWrap"
  | "setWrapStrategy"
  | "setWraps"
  | "uncheck"
>;

/** How a range was written: "A:A" has unbounded rows, "2:2" unbounded columns. */
export interface Boundedness {
  readonly startRow: boolean;
  readonly endRow: boolean;
  readonly columns: boolean;
}

export const BOUNDED: Boundedness = { startRow: true, endRow: true, columns: true };

const DEFAULTS = {
  background: "#ffffff",
  fontColor: "#000000",
  fontFamily: "Arial",
  fontSize: 10,
  horizontal: "general",
  vertical: "bottom",
} as const;

/** "String", "number[]"... as Apps Script names argument types in signature errors. */
function describeArg(x: unknown): string {
  const one = (v: unknown): string => {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "string") return "String";
    if (typeof v === "number") return "number";
    if (typeof v === "boolean") return "Boolean";
    if (Array.isArray(v)) return "Object[]";
    return "Object";
  };
  if (Array.isArray(x)) {
    const kinds = new Set(x.map((v) => (Array.isArray(v) ? `${one(v[0])}[]` : one(v))));
    return kinds.size === 1 ? `${[...kinds][0]}[]` : "Object[]";
  }
  return one(x);
}

export class FakeRange extends RangeRef implements RangeApi {
  constructor(
    sheet: FakeSheet,
    row: number,
    col: number,
    nr: number,
    nc: number,
    readonly _bounded: Boundedness = BOUNDED,
  ) {
    super(sheet, row, col, nr, nc);
  }

  get _rt() {
    return this._sheet._rt;
  }

  private get _self(): Range {
    return gas<Range>(this);
  }

  // ------------------------------------------------------------ internals

  /** Throws Google's errors unless `data` is an array of rows matching this range's shape. */
  _checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw this._rt.exception(
        `The parameters (${describeArg(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this._nr) {
      throw this._rt.exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._nc) {
        throw this._rt.exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`,
        );
      }
    }
  }

  /** A fresh grid of f(cell) over the range. */
  _map<T>(f: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    const g = this._sheet._grid;
    const out: T[][] = new Array(this._nr);
    for (let i = 0; i < this._nr; i++) {
      const row: T[] = new Array(this._nc);
      for (let j = 0; j < this._nc; j++) row[j] = f(g.get(this._row + i, this._col + j), this._row + i, this._col + j);
      out[i] = row;
    }
    return this._rt.grid(out);
  }

  _first<T>(f: (cell: Cell | undefined, r: number, c: number) => T): T {
    return f(this._sheet._grid.get(this._row, this._col), this._row, this._col);
  }

  /** Applies `f` to every cell (created as needed), pruning emptied ones. */
  _each(f: (cell: Cell, r: number, c: number) => void): void {
    const g = this._sheet._grid;
    for (let r = this._row; r < this._row + this._nr; r++) {
      for (let c = this._col; c < this._col + this._nc; c++) {
        f(g.ensure(r, c), r, c);
        g.prune(r, c);
      }
    }
  }

  /** Applies `f(cell, data[i][j])` after checking the shape. */
  _eachWith<T>(data: unknown, method: string, f: (cell: Cell, value: T, r: number, c: number) => void): void {
    this._checkShape(data, method);
    const rows = data as T[][];
    this._each((cell, r, c) => f(cell, rows[r - this._row]![c - this._col]!, r, c));
  }

  _clearKeys(keys: readonly CellKey[]): void {
    this._sheet._grid.clearKeys(this._row, this._col, this._nr, this._nc, keys);
  }

  _dataValidation(rule: unknown): FakeDataValidation | undefined {
    if (rule === null || rule === undefined) return undefined;
    if (!(rule instanceof FakeDataValidation)) {
      throw this._rt.exception(
        `The parameters (${describeArg(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`,
      );
    }
    return rule;
  }

  // -------------------------------------------------------------- geometry

  getA1Notation(): string {
    return formatA1({
      row: this._row,
      column: this._col,
      numRows: this._nr,
      numColumns: this._nc,
      startRowBounded: this._bounded.startRow,
      endRowBounded: this._bounded.endRow,
      columnsBounded: this._bounded.columns,
    });
  }

  getRow(): number {
    return this._row;
  }

  getRowIndex(): number {
    return this._row;
  }

  getColumn(): number {
    return this._col;
  }

  getNumRows(): number {
    return this._nr;
  }

  getNumColumns(): number {
    return this._nc;
  }

  getHeight(): number {
    return this._nr;
  }

  getWidth(): number {
    return this._nc;
  }

  getLastRow(): number {
    return this._row + this._nr - 1;
  }

  getLastColumn(): number {
    return this._col + this._nc - 1;
  }

  getSheet(): Sheet {
    return gas<Sheet>(this._sheet);
  }

  getGridId(): number {
    return this._sheet._id;
  }

  isStartRowBounded(): boolean {
    return this._bounded.startRow;
  }

  isEndRowBounded(): boolean {
    return this._bounded.endRow;
  }

  isStartColumnBounded(): boolean {
    return this._bounded.columns;
  }

  isEndColumnBounded(): boolean {
    return this._bounded.columns;
  }

  /** The cell at (row, column) relative to this range, 1-based. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) {
      throw this._rt.exception("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return gas<Range>(this._sheet._range(this._row + row - 1, this._col + column - 1, 1, 1));
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return gas<Range>(this._sheet._range(this._row + rowOffset, this._col + columnOffset, numRows ?? this._nr, numColumns ?? this._nc));
  }

  activate(): Range {
    this._sheet._ss._select(this);
    return this._self;
  }

  isBlank(): boolean {
    let blank = true;
    this._sheet._grid.forEach(this._row, this._col, this._nr, this._nc, (cell) => {
      if (hasContent(cell)) blank = false;
    });
    return blank;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return gas(this._sheet._ss._addProtection(new FakeProtection(this._sheet, "RANGE", this)));
  }

  // ---------------------------------------------------------------- values

  getValue(): any {
    return this._first((_c, r, c) => this._sheet._read(r, c));
  }

  getValues(): any[][] {
    return this._map((_c, r, c) => this._sheet._read(r, c));
  }

  setValue(value: any): Range {
    this._each((_cell, r, c) => this._sheet._write(r, c, value));
    return this._self;
  }

  setValues(values: any[][]): Range {
    this._checkShape(values, "setValues");
    for (let i = 0; i < this._nr; i++) {
      const row = values[i]!;
      for (let j = 0; j < this._nc; j++) this._sheet._write(this._row + i, this._col + j, row[j]);
    }
    return this._self;
  }

  getDisplayValue(): string {
    return this._first((_c, r, c) => this._sheet._display(r, c));
  }

  getDisplayValues(): string[][] {
    return this._map((_c, r, c) => this._sheet._display(r, c));
  }

  getFormula(): string {
    return this._first((cell) => cell?.f ?? "");
  }

  getFormulas(): string[][] {
    return this._map((cell) => cell?.f ?? "");
  }

  /** Sets the same formula text in every cell (relative references are not adjusted). */
  setFormula(formula: string): Range {
    this._each((_cell, r, c) => this._sheet._writeFormula(r, c, formula));
    return this._self;
  }

  setFormulas(formulas: string[][]): Range {
    this._checkShape(formulas, "setFormulas");
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) this._sheet._writeFormula(this._row + i, this._col + j, formulas[i]![j]!);
    }
    return this._self;
  }

  // ---------------------------------------------------------------- clears

  clear(options?: {
    commentsOnly?: boolean | undefined;
    contentsOnly?: boolean | undefined;
    formatOnly?: boolean | undefined;
    validationsOnly?: boolean | undefined;
    skipFilteredRows?: boolean | undefined;
  }): Range {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const keys: CellKey[] = [];
    if (!any || o.contentsOnly) keys.push(...CONTENT_KEYS);
    if (!any || o.formatOnly) keys.push(...FORMAT_KEYS);
    if (o.commentsOnly) keys.push("note");
    if (o.validationsOnly) keys.push("dv");
    this._clearKeys(keys);
    return this._self;
  }

  clearContent(): Range {
    this._clearKeys(CONTENT_KEYS);
    return this._self;
  }

  clearFormat(): Range {
    this._clearKeys(FORMAT_KEYS);
    return this._self;
  }

  clearNote(): Range {
    this._clearKeys(["note"]);
    return this._self;
  }

  clearDataValidations(): Range {
    this._clearKeys(["dv"]);
    return this._self;
  }

  // ---------------------------------------------------------------- formats

  getBackground(): string {
    return this._first((cell) => cell?.bg ?? DEFAULTS.background);
  }

  getBackgrounds(): string[][] {
    return this._map((cell) => cell?.bg ?? DEFAULTS.background);
  }

  setBackground(color: string | null): Range {
    const bg = normalizeColor(color);
    this._each((cell) => put(cell, "bg", bg === null || bg === DEFAULTS.background ? undefined : bg));
    return this._self;
  }

  setBackgrounds(color: Array<Array<string | null>>): Range {
    this._eachWith<string | null>(color, "setBackgrounds", (cell, v) => {
      const bg = normalizeColor(v);
      put(cell, "bg", bg === null || bg === DEFAULTS.background ? undefined : bg);
    });
    return this._self;
  }

  getFontColor(): string {
    return this._first((cell) => cell?.fc ?? DEFAULTS.fontColor);
  }

  getFontColors(): string[][] {
    return this._map((cell) => cell?.fc ?? DEFAULTS.fontColor);
  }

  setFontColor(color: string | null): Range {
    const fc = normalizeColor(color);
    this._each((cell) => put(cell, "fc", fc === null || fc === DEFAULTS.fontColor ? undefined : fc));
    return this._self;
  }

  setFontColors(colors: any[][]): Range {
    this._eachWith<string | null>(colors, "setFontColors", (cell, v) => {
      const fc = normalizeColor(v);
      put(cell, "fc", fc === null || fc === DEFAULTS.fontColor ? undefined : fc);
    });
    return this._self;
  }

  getFontWeight(): FontWeight {
    return this._first((cell) => (cell?.bold ? "bold" : "normal"));
  }

  getFontWeights(): FontWeight[][] {
    return this._map((cell) => (cell?.bold ? "bold" : "normal"));
  }

  setFontWeight(fontWeight: FontWeight | null): Range {
    this._each((cell) => put(cell, "bold", fontWeight === "bold" ? true : undefined));
    return this._self;
  }

  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): Range {
    this._eachWith<FontWeight | null>(fontWeights, "setFontWeights", (cell, v) => put(cell, "bold", v === "bold" ? true : undefined));
    return this._self;
  }

  getFontStyle(): FontStyle {
    return this._first((cell) => (cell?.italic ? "italic" : "normal"));
  }

  setFontStyle(fontStyle: FontStyle | null): Range {
    this._each((cell) => put(cell, "italic", fontStyle === "italic" ? true : undefined));
    return this._self;
  }

  getFontSize(): number {
    return this._first((cell) => cell?.size ?? DEFAULTS.fontSize);
  }

  setFontSize(size: number): Range {
    this._each((cell) => put(cell, "size", size === DEFAULTS.fontSize ? undefined : size));
    return this._self;
  }

  getFontFamily(): string {
    return this._first((cell) => cell?.family ?? DEFAULTS.fontFamily);
  }

  setFontFamily(fontFamily: string | null): Range {
    this._each((cell) => put(cell, "family", fontFamily ?? undefined));
    return this._self;
  }

  getHorizontalAlignment(): string {
    return this._first((cell) => cell?.ha ?? DEFAULTS.horizontal);
  }

  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): Range {
    this._each((cell) => put(cell, "ha", alignment === null || alignment === "normal" ? undefined : alignment));
    return this._self;
  }

  getVerticalAlignment(): string {
    return this._first((cell) => cell?.va ?? DEFAULTS.vertical);
  }

  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): Range {
    this._each((cell) => put(cell, "va", alignment === null || alignment === "bottom" ? undefined : alignment));
    return this._self;
  }

  getWrap(): boolean {
    return this._first((cell) => cell?.wrap === "WRAP");
  }

  getWraps(): boolean[][] {
    return this._map((cell) => cell?.wrap === "WRAP");
  }

  setWrap(isWrapEnabled: boolean): Range {
    this._each((cell) => put(cell, "wrap", isWrapEnabled ? "WRAP" : undefined));
    return this._self;
  }

  setWraps(isWrapEnabled: boolean[][]): Range {
    this._eachWith<boolean>(isWrapEnabled, "setWraps", (cell, v) => put(cell, "wrap", v ? "WRAP" : undefined));
    return this._self;
  }

  getWrapStrategy(): WrapStrategyT {
    return this._first((cell) => (WrapStrategy as unknown as Record<string, WrapStrategyT>)[cell?.wrap ?? "OVERFLOW"]!);
  }

  setWrapStrategy(strategy: WrapStrategyT): Range {
    const name = String(strategy);
    this._each((cell) => put(cell, "wrap", name === "OVERFLOW" ? undefined : name));
    return this._self;
  }

  getNumberFormat(): string {
    return this._first((cell) => cell?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormats(): string[][] {
    return this._map((cell) => cell?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(numberFormat: string): Range {
    const fmt = numberFormat === DEFAULT_NUMBER_FORMAT || numberFormat === "" ? undefined : String(numberFormat);
    this._each((cell) => put(cell, "fmt", fmt));
    return this._self;
  }

  setNumberFormats(numberFormats: string[][]): Range {
    this._eachWith<string>(numberFormats, "setNumberFormats", (cell, v) =>
      put(cell, "fmt", v === DEFAULT_NUMBER_FORMAT || v === "" || v === null ? undefined : String(v)),
    );
    return this._self;
  }

  // ----------------------------------------------------------------- notes

  getNote(): string {
    return this._first((cell) => cell?.note ?? "");
  }

  getNotes(): string[][] {
    return this._map((cell) => cell?.note ?? "");
  }

  setNote(note: string | null): Range {
    this._each((cell) => put(cell, "note", note === null || note === "" ? undefined : String(note)));
    return this._self;
  }

  setNotes(notes: Array<Array<string | null>>): Range {
    this._eachWith<string | null>(notes, "setNotes", (cell, v) => put(cell, "note", v === null || v === "" ? undefined : String(v)));
    return this._self;
  }

  // ------------------------------------------------------- data validation

  getDataValidation(): DataValidation | null {
    return this._first((cell) => (cell?.dv ? gas<DataValidation>(cell.dv) : null));
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    return this._map((cell) => (cell?.dv ? gas<DataValidation>(cell.dv) : null));
  }

  setDataValidation(rule: DataValidation | null): Range {
    const dv = this._dataValidation(rule);
    this._each((cell) => put(cell, "dv", dv));
    return this._self;
  }

  setDataValidations(rules: Array<Array<DataValidation | null>>): Range {
    this._checkShape(rules, "setDataValidations");
    const dvs = rules.map((row) => row.map((r) => this._dataValidation(r)));
    this._each((cell, r, c) => put(cell, "dv", dvs[r - this._row]![c - this._col]));
    return this._self;
  }

  // ------------------------------------------------------------ checkboxes

  /** Checkbox validation on every cell; every cell's value becomes the unchecked value (false). */
  insertCheckboxes(checkedValue?: any, uncheckedValue?: any): Range {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const dv = new FakeDataValidation(this._rt, DataValidationCriteria.CHECKBOX, args, true, "");
    const unchecked = args.length === 2 ? uncheckedValue : args.length === 1 ? "" : false;
    this._each((cell, r, c) => {
      cell.dv = dv;
      this._sheet._write(r, c, unchecked);
    });
    return this._self;
  }

  /** Removes checkbox validation; a cell holding its checked or unchecked value is cleared. */
  removeCheckboxes(): Range {
    this._each((cell) => {
      if (!cell.dv?._isCheckbox()) return;
      const [on, off] = cell.dv._checkboxValues();
      if (cell.f === undefined && (cell.v === on || cell.v === off || (off === "" && cell.v === undefined))) delete cell.v;
      delete cell.dv;
    });
    return this._self;
  }

  check(): Range {
    this._each((cell, r, c) => {
      if (cell.dv?._isCheckbox()) this._sheet._write(r, c, cell.dv._checkboxValues()[0]);
    });
    return this._self;
  }

  uncheck(): Range {
    this._each((cell, r, c) => {
      if (cell.dv?._isCheckbox()) this._sheet._write(r, c, cell.dv._checkboxValues()[1]);
    });
    return this._self;
  }

  /** true if all cells are checked, false if all unchecked, null if mixed or not all checkboxes. */
  isChecked(): boolean | null {
    let checked = 0;
    let unchecked = 0;
    const total = this._nr * this._nc;
    for (let r = this._row; r < this._row + this._nr; r++) {
      for (let c = this._col; c < this._col + this._nc; c++) {
        const cell = this._sheet._grid.get(r, c);
        if (!cell?.dv?._isCheckbox()) return null;
        const [on] = cell.dv._checkboxValues();
        if (cell.v === on) checked++;
        else unchecked++;
      }
    }
    return checked === total ? true : unchecked === total ? false : null;
  }
}

instrument(FakeRange, "Range", "SpreadsheetApp", { check: guardRange });

export type _RangeOnlyApi = Assert<OnlyApi<FakeRange, RangeApi>>;
