/** Spreadsheet: the document (sheets, selection, locale, protections, named ranges, document properties, its lock). */
import { FakeUser } from "../session/fakeUser";
import { splitSheetName } from "../../support/a1";
import { ProtectionType } from "../../support/enums";
import { isValidTimeZone, localeInfo } from "../../support/locale";
import type { LocaleInfo } from "../../support/locale";
import { type Assert, type OnlyApi, Runtime, gas, instrument } from "../../support/runtime";
import { guardSpreadsheet } from "./protectionGuard";
import type { LockState } from "../../support/runtime";
import type { FakeProtection } from "./fakeProtection";
import { FakeRange } from "./fakeRange";
import { FakeSheet } from "./fakeSheet";
import type { RuleRange } from "./rangeRef";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export type SpreadsheetApi = Pick<
  Spreadsheet,
  | "appendRow"
  | "deleteSheet"
  | "getActiveCell"
  | "getActiveRange"
  | "getActiveSheet"
  | "getDataRange"
  | "getId"
  | "getLastColumn"
  | "getLastRow"
  | "getName"
  | "getNumSheets"
  | "getOwner"
  | "getProtections"
  | "getRange"
  | "getRangeByName"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "insertSheet"
  | "moveActiveSheet"
  | "removeNamedRange"
  | "rename"
  | "setActiveRange"
  | "setActiveSelection"
  | "setActiveSheet"
  | "setNamedRange"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast"
>;

export interface SpreadsheetInit {
  /** Document id (default: a fixed 44-character id). */
  id?: string;
  /** Document name (default "Untitled spreadsheet"). */
  name?: string;
  /** Spreadsheet locale (default "vi_VN"). */
  locale?: string;
  /** Spreadsheet time zone (default "Asia/Ho_Chi_Minh"). */
  timeZone?: string;
  /** Name of the first sheet (default: the locale's "Sheet1", e.g. "Trang tính1"); null: no sheet yet (loaders). */
  firstSheet?: string | null;
}

const DEFAULT_SPREADSHEET_ID = "1StandInSpreadsheet0000000000000000000000000";

/** Sheet ids after the first (0): deterministic, large, distinct, like Sheets' gids. */
function nextSheetId(seq: number): number {
  return (seq * 1_103_515_245 + 12345) % 2_147_483_647;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export class FakeSpreadsheet implements SpreadsheetApi {
  _rt: Runtime;
  _id: string;
  _name: string;
  _locale: string;
  _timeZone: string;
  _sheets: FakeSheet[] = [];
  _active: FakeSheet | null = null;
  _protections: FakeProtection[] = [];
  /** The owner's email (the environment sets it); null: no owner (a file in a shared drive), nobody edits past a protection as owner. */
  _owner: string | null = null;
  /** Google Groups the stand-ins know: group email → its members (a protection or the sharing may name a group). */
  readonly _groups = new Map<string, Set<string>>();
  private _protectionSeq = 0;
  /** Users the spreadsheet is shared with as editors, besides its owner (see protectionGuard.ts). */
  readonly _editors = new Set<string>();
  _namedRanges = new Map<string, RuleRange>();
  /** Document properties belong to the document, shared by all executions. */
  readonly _documentProperties = new Map<string, string>();
  /** The document lock, shared by all executions. */
  readonly _documentLock: LockState = { holder: null, until: 0 };
  private _sheetSeq = 0;

  constructor(init: SpreadsheetInit = {}, rt: Runtime = new Runtime()) {
    this._rt = rt;
    rt.documentLocks.add(this._documentLock);
    this._id = init.id ?? DEFAULT_SPREADSHEET_ID;
    this._name = init.name ?? "Untitled spreadsheet";
    this._locale = init.locale ?? "vi_VN";
    this._timeZone = init.timeZone ?? "Asia/Ho_Chi_Minh";
    if (init.firstSheet !== null) this._newSheet(init.firstSheet ?? this._defaultSheetName(), 0);
  }

  // ------------------------------------------------------------ internals

  /** Moves the document to another runtime (the environment's), keeping its data. */
  _adopt(rt: Runtime): void {
    this._rt.documentLocks.delete(this._documentLock);
    this._rt = rt;
    rt.documentLocks.add(this._documentLock);
  }

  _localeInfo(): LocaleInfo {
    return localeInfo(this._locale);
  }

  _sheetByName(name: string): FakeSheet | null {
    return this._sheets.find((s) => sameName(s._name, name)) ?? null;
  }

  _defaultSheetName(): string {
    const base = this._localeInfo().newSheetName;
    for (let n = 1; ; n++) if (!this._sheetByName(`${base}${n}`)) return `${base}${n}`;
  }

  /** Adds a sheet at a 0-based position (default: after the active sheet) and activates it. */
  _newSheet(name: string, index?: number, maxRows?: number, maxColumns?: number): FakeSheet {
    if (this._sheetByName(name)) throw this._rt.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const id = this._sheetSeq === 0 ? 0 : nextSheetId(this._sheetSeq);
    this._sheetSeq++;
    const sheet = new FakeSheet(this, name, id, maxRows, maxColumns);
    const at = index ?? (this._active ? this._sheets.indexOf(this._active) + 1 : this._sheets.length);
    this._sheets.splice(Math.max(0, Math.min(at, this._sheets.length)), 0, sheet);
    this._active = sheet;
    return sheet;
  }

  _activeSheet(): FakeSheet {
    if (this._active && !this._active._deleted) return this._active;
    this._active = this._sheets.find((s) => !s._hidden) ?? this._sheets[0]!;
    return this._active;
  }

  _activate(sheet: FakeSheet): void {
    if (sheet._ss !== this || sheet._deleted) throw this._rt.exception("The sheet is not in this spreadsheet.");
    this._active = sheet;
  }

  _select(range: FakeRange): void {
    this._activate(range._sheet);
    range._sheet._selection = [range._row, range._col, range._nr, range._nc];
  }

  _asRange(x: unknown): FakeRange {
    if (!(x instanceof FakeRange))
      throw this._rt.exception("The parameters (Object) don't match the method signature for SpreadsheetApp.Range.");
    return x;
  }

  _asSheet(x: unknown): FakeSheet {
    if (!(x instanceof FakeSheet) || x._ss !== this)
      throw this._rt.exception("The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.");
    return x;
  }

  /** Protected-range ids: distinct, stable, like the Sheets API's. */
  _nextProtectionId(): number {
    this._protectionSeq += 1;
    return 1_000_000 + this._protectionSeq * 7919;
  }

  _addProtection(p: FakeProtection): FakeProtection {
    this._protections.push(p);
    return p;
  }

  _removeProtection(p: FakeProtection): void {
    this._protections = this._protections.filter((x) => x !== p);
  }

  /** A range in A1 notation, on the named sheet or the active one. */
  _rangeA1(a1: string): FakeRange {
    const { sheetName } = splitSheetName(String(a1));
    const sheet = sheetName === null ? this._activeSheet() : this._sheetByName(sheetName);
    if (!sheet) throw this._rt.exception("Range not found");
    return sheet._rangeA1(a1);
  }

  // -------------------------------------------------------------- document

  getId(): string {
    return this._id;
  }

  /**
   * The owner as a User, or null for a spreadsheet without one (a file in a
   * shared drive: "Returns the owner of the document, or null for a document
   * in a shared drive", https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()).
   */
  getOwner(): GoogleAppsScript.Base.User {
    return (
      this._owner === null ? null : gas<GoogleAppsScript.Base.User>(new FakeUser(this._rt, this._owner))
    ) as GoogleAppsScript.Base.User;
  }

  getName(): string {
    return this._name;
  }

  rename(newName: string): void {
    this._name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }

  getSpreadsheetLocale(): string {
    return this._locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }

  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(String(timezone))) throw this._rt.exception("Invalid argument: timezone");
    this._timeZone = String(timezone);
  }

  /** Recorded in env.ui.toasts. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._rt.records.toasts.push({
      message: String(msg),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
    });
  }

  // ---------------------------------------------------------------- sheets

  getSheets(): Sheet[] {
    return this._rt.list(this._sheets.map((s) => gas<Sheet>(s)));
  }

  getNumSheets(): number {
    return this._sheets.length;
  }

  /** Case-insensitive, as sheet names are unique regardless of case; null when absent. */
  getSheetByName(name: string): Sheet | null {
    const s = this._sheetByName(String(name));
    return s ? gas<Sheet>(s) : null;
  }

  getSheetById(id: number): Sheet | null {
    const s = this._sheets.find((x) => x._id === id);
    return s ? gas<Sheet>(s) : null;
  }

  /** insertSheet([name][, index][, {template}]): index is 0-based; the new sheet becomes active. */
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    let template: FakeSheet | undefined;
    for (const a of args) {
      if (typeof a === "string") name = a;
      else if (typeof a === "number") index = a;
      else if (a && typeof a === "object" && "template" in a) {
        const t = (a as { template?: unknown }).template;
        if (t !== undefined) template = this._asSheet(t);
      }
    }
    const sheet = this._newSheet(name ?? this._defaultSheetName(), index);
    if (template) sheet._copyFrom(template);
    return gas<Sheet>(sheet);
  }

  deleteSheet(sheet: Sheet): void {
    const s = this._asSheet(sheet);
    if (this._sheets.length <= 1) throw this._rt.exception("You can't remove all the sheets in a document.");
    const at = this._sheets.indexOf(s);
    this._sheets.splice(at, 1);
    s._deleted = true;
    this._protections = this._protections.filter((p) => p._sheet !== s);
    for (const [k, rr] of this._namedRanges) if (rr.sheet === s) this._namedRanges.delete(k);
    if (this._active === s) this._active = this._sheets[Math.max(0, at - 1)] ?? null;
  }

  getActiveSheet(): Sheet {
    return gas<Sheet>(this._activeSheet());
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    this._activate(this._asSheet(sheet));
    return sheet;
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    const s = this._activeSheet();
    this._sheets.splice(this._sheets.indexOf(s), 1);
    this._sheets.splice(Math.max(0, Math.min(pos - 1, this._sheets.length)), 0, s);
  }

  // ---------------------------------------------------- ranges & selection

  getRange(a1Notation: string): Range {
    return gas<Range>(this._rangeA1(a1Notation));
  }

  getActiveRange(): Range | null {
    return this._activeSheet().getActiveRange();
  }

  getActiveCell(): Range {
    return this._activeSheet().getActiveCell();
  }

  setActiveRange(range: Range): Range {
    this._select(this._asRange(range));
    return range;
  }

  setActiveSelection(range: Range | string): Range {
    const r = typeof range === "string" ? this._rangeA1(range) : this._asRange(range);
    this._select(r);
    return gas<Range>(r);
  }

  getDataRange(): Range {
    return this._activeSheet().getDataRange();
  }

  getLastRow(): number {
    return this._activeSheet()._lastRow();
  }

  getLastColumn(): number {
    return this._activeSheet()._lastColumn();
  }

  appendRow(rowContents: any[]): Sheet {
    return this._activeSheet().appendRow(rowContents);
  }

  setNamedRange(name: string, range: Range): void {
    const r = this._asRange(range);
    this._namedRanges.set(String(name), r._ruleRange());
  }

  getRangeByName(name: string): Range | null {
    const rr = this._namedRanges.get(String(name));
    return rr ? gas<Range>(new FakeRange(rr.sheet, rr.row, rr.column, rr.numRows, rr.numColumns)) : null;
  }

  removeNamedRange(name: string): void {
    this._namedRanges.delete(String(name));
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Protection[] {
    const t = String(type ?? ProtectionType.RANGE);
    return this._rt.list(this._protections.filter((p) => p._type === t).map((p) => gas<Protection>(p)));
  }
}

instrument(FakeSpreadsheet, "Spreadsheet", "SpreadsheetApp", { check: guardSpreadsheet });

export type _SpreadsheetOnlyApi = Assert<OnlyApi<FakeSpreadsheet, SpreadsheetApi>>;
