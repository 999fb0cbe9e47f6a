/**
 * Protected ranges as the Sheets API v4 sees them
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange):
 * a stand-in Protection (fakeProtection.ts) turned into a ProtectedRange and
 * back, and the three batchUpdate requests on them (add, update, delete).
 *
 * - A GridRange is 0-based and half-open; a bound left out is unbounded (the
 *   stand-in keeps the sheet's current extent). A range with no bound at all
 *   protects the sheet.
 * - `unprotectedRanges` only on a protected sheet; `warningOnly: true` ignores
 *   `editors` ("When writing: if this field is true, then editors are ignored").
 * - `editors` is "only visible to users with edit access to the protected
 *   range and the document"; `requestingUserCanEdit` is read-only.
 * - Updating or deleting a protection needs edit access to it; whatever the
 *   request says, the owner and the requesting user stay editors (as
 *   Protection.removeEditor: "Neither the owner of the spreadsheet nor the
 *   current user can be removed").
 */
import { FakeProtection } from "../spreadsheetapp/fakeProtection";
import type { FakeSheet } from "../spreadsheetapp/fakeSheet";
import type { FakeSpreadsheet } from "../spreadsheetapp/fakeSpreadsheet";
import type { RuleRange } from "../spreadsheetapp/rangeRef";
import { currentUser, spreadsheetEditors, userCanEdit } from "../spreadsheetapp/protectionGuard";
type Editors = GoogleAppsScript.Sheets.Schema.Editors;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type Response = GoogleAppsScript.Sheets.Schema.Response;

/** A request the API refuses: the message Apps Script's exception carries after "failed with error: ". */
export class ApiError extends Error {}

function sheetOf(ss: FakeSpreadsheet, id: unknown, where: string): FakeSheet {
  const sheetId = id === undefined || id === null ? 0 : Number(id);
  const sheet = ss._sheets.find((s) => s._id === sheetId && !s._deleted);
  if (!sheet) throw new ApiError(`${where}: No grid with id: ${sheetId}`);
  return sheet;
}

const isBound = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);

/** Whether a GridRange leaves every bound out (the whole sheet). */
export function isWholeSheet(g: GridRange): boolean {
  return !isBound(g.startRowIndex) && !isBound(g.endRowIndex) && !isBound(g.startColumnIndex) && !isBound(g.endColumnIndex);
}

/** A GridRange as the stand-in's coordinates (1-based), checked against the sheet. */
export function toRule(ss: FakeSpreadsheet, g: GridRange, where: string): RuleRange {
  const sheet = sheetOf(ss, g.sheetId, where);
  const r0 = isBound(g.startRowIndex) ? g.startRowIndex : 0;
  const r1 = isBound(g.endRowIndex) ? g.endRowIndex : sheet._maxRows;
  const c0 = isBound(g.startColumnIndex) ? g.startColumnIndex : 0;
  const c1 = isBound(g.endColumnIndex) ? g.endColumnIndex : sheet._maxColumns;
  if (r0 < 0 || c0 < 0 || r1 <= r0 || c1 <= c0 || r1 > sheet._maxRows || c1 > sheet._maxColumns) {
    throw new ApiError(`${where}: Invalid range [${r0}, ${r1}) × [${c0}, ${c1}) on sheet ${sheet._id}.`);
  }
  return { sheet, row: r0 + 1, column: c0 + 1, numRows: r1 - r0, numColumns: c1 - c0 };
}

export function toGrid(rr: RuleRange): GridRange {
  return {
    sheetId: rr.sheet._id,
    startRowIndex: rr.row - 1,
    endRowIndex: rr.row - 1 + rr.numRows,
    startColumnIndex: rr.column - 1,
    endColumnIndex: rr.column - 1 + rr.numColumns,
  };
}

/** A protection as the API returns it to the requesting user. */
export function toProtectedRange(p: FakeProtection, user: string): ProtectedRange {
  const canEdit = userCanEdit(p, user);
  const out: ProtectedRange = {
    protectedRangeId: p._id,
    range: p._range ? toGrid(p._range) : { sheetId: p._sheet._id },
    description: p._description,
    warningOnly: p._warningOnly,
    requestingUserCanEdit: canEdit,
  };
  if (p._type === "SHEET" && p._unprotected.length) out.unprotectedRanges = p._unprotected.map(toGrid);
  if (canEdit && !p._warningOnly) {
    const ss = p._sheet._ss;
    const list = p._editors ?? spreadsheetEditors(ss);
    const groups = list.filter((e) => ss._groups.has(e));
    out.editors = {
      users: [...new Set([...(ss._owner ? [ss._owner] : []), ...list.filter((e) => !ss._groups.has(e))])],
      ...(groups.length ? { groups } : {}),
      domainUsersCanEdit: p._domainEdit,
    };
  }
  return out;
}

/** The editors a request gives, with the owner and the requesting user kept. */
function editorsOf(ss: FakeSpreadsheet, e: Editors | undefined, user: string): string[] {
  const given = [...(e?.users ?? []), ...(e?.groups ?? [])].map((x) => String(x).trim().toLowerCase()).filter(Boolean);
  return [...new Set([...(ss._owner ? [ss._owner] : []), user, ...given])];
}

const FIELDS = new Set(["range", "description", "warningOnly", "unprotectedRanges", "editors", "namedRangeId"]);

/** Sets the fields of a protection from a ProtectedRange (all of them, or those of a field mask). */
function assign(p: FakeProtection, pr: ProtectedRange, fields: readonly string[], user: string, where: string): void {
  const ss = p._sheet._ss;
  for (const f of fields) {
    if (!FIELDS.has(f)) throw new ApiError(`${where}: Invalid field mask: "${f}".`);
    if (f === "namedRangeId") throw new ApiError(`${where}: protections on named ranges are not modelled by the stand-ins.`);
  }
  if (fields.includes("range") && pr.range) {
    const whole = isWholeSheet(pr.range);
    if ((p._type === "SHEET") !== whole) throw new ApiError(`${where}: A protection cannot change between a sheet and a range.`);
    if (whole) p._sheet = sheetOf(ss, pr.range.sheetId, where);
    else {
      const rr = toRule(ss, pr.range, where);
      p._range = rr;
      p._sheet = rr.sheet;
    }
  }
  if (fields.includes("description")) p._description = String(pr.description ?? "");
  if (fields.includes("warningOnly")) p._warningOnly = pr.warningOnly === true;
  if (fields.includes("unprotectedRanges")) {
    const list = pr.unprotectedRanges ?? [];
    if (list.length && p._type !== "SHEET") throw new ApiError(`${where}: Unprotected ranges are only supported on protected sheets.`);
    p._unprotected = list.map((g) => {
      const rr = toRule(ss, g, where);
      if (rr.sheet !== p._sheet) throw new ApiError(`${where}: An unprotected range must be on the protected sheet.`);
      return rr;
    });
  }
  if (fields.includes("editors") && !p._warningOnly) {
    p._editors = editorsOf(ss, pr.editors, user);
    p._domainEdit = pr.editors?.domainUsersCanEdit === true;
  }
}

function mask(fields: unknown, where: string): string[] {
  const text = String(fields ?? "").trim();
  if (!text) throw new ApiError(`${where}: At least one field must be specified.`);
  return text === "*" ? [...FIELDS].filter((f) => f !== "namedRangeId") : text.split(",").map((f) => f.trim());
}

function find(ss: FakeSpreadsheet, id: unknown, where: string): FakeProtection {
  const p = ss._protections.find((x) => x._id === Number(id));
  if (!p) throw new ApiError(`${where}: No protected range with id: ${String(id)}`);
  return p;
}

function mayChange(p: FakeProtection, user: string, where: string): void {
  if (!userCanEdit(p, user)) throw new ApiError(`${where}: The caller does not have permission to edit protected range ${p._id}.`);
}

/** Applies one request; returns its reply. Throws ApiError (nothing of this request applied). */
export function applyRequest(ss: FakeSpreadsheet, req: Request, i: number): Response {
  const user = currentUser(ss);
  const kinds = Object.keys(req).filter((k) => (req as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) throw new ApiError(`Invalid requests[${i}]: a request must have exactly one kind, it has ${kinds.length}.`);
  const kind = kinds[0]!;
  const where = `Invalid requests[${i}].${kind}`;
  if (kind === "addProtectedRange") {
    const pr = req.addProtectedRange?.protectedRange;
    if (!pr?.range) throw new ApiError(`${where}: A protected range must have a range.`);
    if (isBound(pr.protectedRangeId) && ss._protections.some((x) => x._id === pr.protectedRangeId)) {
      throw new ApiError(`${where}: A protected range with id ${pr.protectedRangeId} already exists.`);
    }
    const whole = isWholeSheet(pr.range);
    const sheet = sheetOf(ss, pr.range.sheetId, where);
    if (whole && ss._protections.some((x) => x._sheet === sheet && x._type === "SHEET")) {
      throw new ApiError(`${where}: The sheet is already protected.`);
    }
    const p = new FakeProtection(sheet, whole ? "SHEET" : "RANGE", null);
    if (isBound(pr.protectedRangeId)) p._id = pr.protectedRangeId;
    const fields = ["range", "description", "warningOnly", "unprotectedRanges", "editors"];
    assign(p, pr, fields, user, where);
    // Left without editors, a new protection keeps the requesting user and the owner only.
    if (!pr.editors && !p._warningOnly) p._editors = editorsOf(ss, undefined, user);
    ss._addProtection(p);
    return { addProtectedRange: { protectedRange: toProtectedRange(p, user) } };
  }
  if (kind === "updateProtectedRange") {
    const u = req.updateProtectedRange!;
    const p = find(ss, u.protectedRange?.protectedRangeId, where);
    mayChange(p, user, where);
    assign(p, u.protectedRange ?? {}, mask(u.fields, where), user, where);
    return {};
  }
  if (kind === "deleteProtectedRange") {
    const p = find(ss, req.deleteProtectedRange?.protectedRangeId, where);
    mayChange(p, user, where);
    ss._removeProtection(p);
    return {};
  }
  throw new ApiError(`${where}: the stand-ins model addProtectedRange, updateProtectedRange and deleteProtectedRange only.`);
}

/** Everything a batch may change, to put back when one of its requests is refused (the batch is atomic). */
export function savepoint(ss: FakeSpreadsheet): () => void {
  const list = [...ss._protections];
  const states = list.map((p) => ({
    p,
    sheet: p._sheet,
    range: p._range,
    unprotected: [...p._unprotected],
    editors: p._editors ? [...p._editors] : null,
    description: p._description,
    warningOnly: p._warningOnly,
    domainEdit: p._domainEdit,
  }));
  return () => {
    ss._protections = list;
    for (const s of states) {
      s.p._sheet = s.sheet;
      s.p._range = s.range;
      s.p._unprotected = s.unprotected;
      s.p._editors = s.editors;
      s.p._description = s.description;
      s.p._warningOnly = s.warningOnly;
      s.p._domainEdit = s.domainEdit;
    }
  };
}
