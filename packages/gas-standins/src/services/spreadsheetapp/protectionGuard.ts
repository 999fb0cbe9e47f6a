/**
 * Protections enforced, as in Sheets (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * a script runs as the user, so a write it makes to a range or sheet
 * protected against that user throws the exception scripts report, "You are
 * trying to edit a protected cell or object. Please contact the spreadsheet
 * owner to remove protection if you need to edit.". The spreadsheet's owner
 * can always edit; a warning-only protection blocks nobody; a protection
 * whose editors were never changed mirrors the spreadsheet's permissions, so
 * every editor of the spreadsheet may still edit (Range.protect(),
 * Sheet.protect()); a cell under several protections is refused when any of
 * them refuses the user.
 *
 * Each class of SpreadsheetApp checks its writes before they start (nothing
 * is written when one cell is refused) through `instrument`'s check hook:
 * `guardRange`, `guardRangeList`, `guardSheet`, `guardSpreadsheet`,
 * `guardProtection`. Only the script's own calls are checked (the stand-in's
 * inner calls are not counted, nor checked again).
 */
import type { FakeProtection } from "./fakeProtection";
import type { FakeRange } from "./fakeRange";
import type { FakeRangeList } from "./fakeRangeList";
import type { FakeSheet } from "./fakeSheet";
import type { FakeSpreadsheet } from "./fakeSpreadsheet";

/** Google's message for an edit of protected cells or objects. */
export const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

/** A rectangle of cells (1-based). */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** The user the script runs as (Session.getEffectiveUser()). */
export function currentUser(ss: FakeSpreadsheet): string {
  return ss._rt.settings.effectiveUserEmail;
}

/**
 * The owner may edit everything ("The spreadsheet owner is always able to
 * edit protected ranges and sheets"). A spreadsheet without an owner (a file
 * in a shared drive: getOwner() is null) gives nobody that right: every
 * user, its managers included, edits a protected range only as one of its editors.
 */
export function isOwner(ss: FakeSpreadsheet, user: string): boolean {
  return ss._owner !== null && ss._owner === user;
}

/** The spreadsheet's editors: its owner, the users it is shared with, the current user. */
export function spreadsheetEditors(ss: FakeSpreadsheet): string[] {
  const all = [ss._owner, ...ss._editors, currentUser(ss)].filter((e): e is string => typeof e === "string" && e !== "");
  return [...new Set(all)];
}

function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

/** Whether the list names the user, directly or through a Google Group they belong to. */
export function listed(ss: FakeSpreadsheet, list: readonly string[], user: string): boolean {
  return list.includes(user) || list.some((e) => ss._groups.get(e)?.has(user) === true);
}

/** Protection.canEdit() for a user: the owner, any spreadsheet editor while the list mirrors the spreadsheet's, a listed editor (or a member of a listed group), the owner's domain when allowed. */
export function userCanEdit(p: FakeProtection, user: string): boolean {
  const ss = p._sheet._ss;
  if (isOwner(ss, user)) return true;
  if (p._editors === null) return true;
  if (listed(ss, p._editors, user)) return true;
  const domain = domainOf(user);
  return p._domainEdit && ss._owner !== null && domain !== "" && domain === domainOf(ss._owner);
}

function blocks(p: FakeProtection, user: string): boolean {
  return !p._warningOnly && !userCanEdit(p, user);
}

function intersects(a: Area, b: Area): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

/** The parts of `a` outside `b` (at most four rectangles). */
function subtract(a: Area, b: Area): Area[] {
  if (!intersects(a, b)) return [a];
  const out: Area[] = [];
  const top = b.row - a.row;
  if (top > 0) out.push({ row: a.row, column: a.column, numRows: top, numColumns: a.numColumns });
  const bottom = a.row + a.numRows - (b.row + b.numRows);
  if (bottom > 0) out.push({ row: b.row + b.numRows, column: a.column, numRows: bottom, numColumns: a.numColumns });
  const r0 = Math.max(a.row, b.row);
  const r1 = Math.min(a.row + a.numRows, b.row + b.numRows);
  const left = b.column - a.column;
  if (left > 0) out.push({ row: r0, column: a.column, numRows: r1 - r0, numColumns: left });
  const right = a.column + a.numColumns - (b.column + b.numColumns);
  if (right > 0) out.push({ row: r0, column: b.column + b.numColumns, numRows: r1 - r0, numColumns: right });
  return out;
}

/** Whether the area of the sheet holds a cell protected against the user. */
export function hasProtectedCell(sheet: FakeSheet, area: Area, user: string): boolean {
  for (const p of sheet._ss._protections) {
    if (p._sheet !== sheet || !blocks(p, user)) continue;
    if (p._type === "RANGE") {
      if (p._range && intersects(p._range, area)) return true;
      continue;
    }
    // A sheet protection covers every cell but its unprotected ranges.
    let rest: Area[] = [area];
    for (const u of p._unprotected) if (u.sheet === sheet) rest = rest.flatMap((r) => subtract(r, u));
    if (rest.length > 0) return true;
  }
  return false;
}

/** Whether the sheet itself (its structure, name, sizes, rules) is protected against the user. */
function sheetProtected(sheet: FakeSheet, user: string): boolean {
  return sheet._ss._protections.some((p) => p._sheet === sheet && p._type === "SHEET" && blocks(p, user));
}

/** Whether new lines inserted at `at` would fall inside a protected range (between two of its lines). */
function insertSplitsRange(sheet: FakeSheet, dimension: "rows" | "columns", at: number, user: string): boolean {
  return sheet._ss._protections.some((p) => {
    if (p._sheet !== sheet || p._type !== "RANGE" || !p._range || !blocks(p, user)) return false;
    const [start, size] = dimension === "rows" ? [p._range.row, p._range.numRows] : [p._range.column, p._range.numColumns];
    return at > start && at < start + size;
  });
}

function refuse(ss: FakeSpreadsheet): never {
  throw ss._rt.exception(PROTECTED);
}

function wholeSheet(sheet: FakeSheet): Area {
  return { row: 1, column: 1, numRows: sheet._maxRows, numColumns: sheet._maxColumns };
}

const num = (x: unknown, fallback: number): number => (typeof x === "number" && Number.isFinite(x) ? Math.trunc(x) : fallback);

/** Range and RangeList methods that change cells: setters, clears, checkboxes. */
function writesCells(method: string): boolean {
  return /^(set|clear)/.test(method) || ["check", "uncheck", "insertCheckboxes", "removeCheckboxes"].includes(method);
}

function checkRange(r: FakeRange, user: string): void {
  if (hasProtectedCell(r._sheet, { row: r._row, column: r._col, numRows: r._nr, numColumns: r._nc }, user)) refuse(r._sheet._ss);
}

export function guardRange(self: object, method: string): void {
  if (!writesCells(method)) return;
  const r = self as FakeRange;
  checkRange(r, currentUser(r._sheet._ss));
}

export function guardRangeList(self: object, method: string): void {
  if (!writesCells(method)) return;
  for (const r of (self as FakeRangeList)._ranges) checkRange(r, currentUser(r._sheet._ss));
}

/** Sheet methods that change the sheet as an object: refused by a sheet protection. */
const SHEET_OBJECT_WRITES = new Set([
  "autoResizeColumn",
  "autoResizeColumns",
  "clearConditionalFormatRules",
  "hideColumn",
  "hideColumns",
  "hideRow",
  "hideRows",
  "hideSheet",
  "setColumnWidth",
  "setColumnWidths",
  "setConditionalFormatRules",
  "setFrozenColumns",
  "setFrozenRows",
  "setName",
  "setRowHeight",
  "setRowHeights",
  "setTabColor",
  "showColumns",
  "showRows",
  "showSheet",
  "unhideColumn",
  "unhideRow",
]);

/** Where inserted lines go, per insert method: [dimension, index of the first new line]. */
function insertAt(method: string, args: readonly unknown[]): ["rows" | "columns", number] | null {
  const a = num(args[0], 1);
  switch (method) {
    case "insertRowsAfter":
    case "insertRowAfter":
      return ["rows", a + 1];
    case "insertRowsBefore":
    case "insertRowBefore":
    case "insertRows":
      return ["rows", a];
    case "insertColumnsAfter":
    case "insertColumnAfter":
      return ["columns", a + 1];
    case "insertColumnsBefore":
    case "insertColumnBefore":
    case "insertColumns":
      return ["columns", a];
    default:
      return null;
  }
}

export function checkSheet(sheet: FakeSheet, method: string, args: readonly unknown[]): void {
  const ss = sheet._ss;
  const user = currentUser(ss);
  if (isOwner(ss, user) || ss._protections.length === 0) return;
  let refused = false;
  const insert = insertAt(method, args);
  if (insert) refused = sheetProtected(sheet, user) || insertSplitsRange(sheet, insert[0], insert[1], user);
  else if (method === "deleteRows" || method === "deleteRow") {
    const area = { row: num(args[0], 1), column: 1, numRows: method === "deleteRow" ? 1 : num(args[1], 1), numColumns: sheet._maxColumns };
    refused = sheetProtected(sheet, user) || hasProtectedCell(sheet, area, user);
  } else if (method === "deleteColumns" || method === "deleteColumn") {
    const area = { row: 1, column: num(args[0], 1), numRows: sheet._maxRows, numColumns: method === "deleteColumn" ? 1 : num(args[1], 1) };
    refused = sheetProtected(sheet, user) || hasProtectedCell(sheet, area, user);
  } else if (method === "appendRow") {
    const width = Array.isArray(args[0]) ? Math.max(1, args[0].length) : 1;
    refused = hasProtectedCell(sheet, { row: sheet._lastRow() + 1, column: 1, numRows: 1, numColumns: width }, user);
  } else if (method === "clear" || method === "clearContents" || method === "clearFormats" || method === "clearNotes") {
    refused = hasProtectedCell(sheet, wholeSheet(sheet), user);
  } else if (SHEET_OBJECT_WRITES.has(method)) refused = sheetProtected(sheet, user);
  if (refused) refuse(ss);
}

export function guardSheet(self: object, method: string, args: readonly unknown[]): void {
  checkSheet(self as FakeSheet, method, args);
}

export function guardSpreadsheet(self: object, method: string, args: readonly unknown[]): void {
  const ss = self as FakeSpreadsheet;
  const user = currentUser(ss);
  if (isOwner(ss, user) || ss._protections.length === 0) return;
  if (method === "appendRow") checkSheet(ss._activeSheet(), method, args);
  else if (method === "moveActiveSheet") {
    if (sheetProtected(ss._activeSheet(), user)) refuse(ss);
  } else if (method === "deleteSheet") {
    const sheet = ss._sheets.find((s) => s === args[0]);
    if (sheet && ss._protections.some((p) => p._sheet === sheet && blocks(p, user))) refuse(ss);
  }
}

/** Methods of a Protection that read its editors or change it: only for users who may edit it (Protection.getEditors: "Throws an exception if the user does not have permission to edit the protected range or sheet itself"). */
const PROTECTION_EDITS = new Set([
  "addEditor",
  "addEditors",
  "getEditors",
  "remove",
  "removeEditor",
  "removeEditors",
  "setDescription",
  "setDomainEdit",
  "setRange",
  "setUnprotectedRanges",
  "setWarningOnly",
]);

export function guardProtection(self: object, method: string): void {
  if (!PROTECTION_EDITS.has(method)) return;
  const p = self as FakeProtection;
  if (!userCanEdit(p, currentUser(p._sheet._ss))) refuse(p._sheet._ss);
}
