/**
 * The Sheets protections of src/core/protections.ts's plan, set in ONE
 * request of the Advanced Sheets service
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate:
 * "If any request is not valid then the entire request will fail and nothing
 * will be applied"), read with one Spreadsheets.get. SpreadsheetApp's
 * Range.protect() starts with every editor of the spreadsheet
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection)
 * and removing them costs a call per protection and per user; a request of
 * the API gives the editors at once.
 *
 * Undo (all or nothing): the inverse batch, made from what was read before.
 */
import { type ExistingProtection, type GridRange, type PlanInput, plan, type SheetSizes, sync, type Sync } from "../core/protections";
import type { Undo } from "./undo";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type ApiProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;

const FIELDS =
  "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges(protectedRangeId,description,range,unprotectedRanges,editors,requestingUserCanEdit,warningOnly))";

export const NO_SHEETS_API =
  'Dự án Apps Script chưa bật dịch vụ nâng cao "Google Sheets API" mà tiện ích cần để đặt quyền sửa; hãy cài theo README. Chưa có gì bị thay đổi.';

function api(): GoogleAppsScript.Sheets {
  if (typeof Sheets === "undefined") throw new Error(NO_SHEETS_API);
  return Sheets;
}

export interface ProtectionState {
  readonly existing: ExistingProtection[];
  readonly sizes: SheetSizes;
  /** The API's own objects, by id, to put a changed or deleted one back. */
  readonly raw: ReadonlyMap<number, ApiProtectedRange>;
}

const grid = (g: GoogleAppsScript.Sheets.Schema.GridRange | undefined): GridRange => {
  const out: GridRange = { sheetId: Number(g?.sheetId ?? 0) };
  for (const k of ["startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"] as const)
    if (typeof g?.[k] === "number") out[k] = g[k];
  return out;
};

/** Every protection of the spreadsheet, as the user running may see it (one call). */
export function readProtections(ss: Spreadsheet): ProtectionState {
  const got = api().Spreadsheets!.get(ss.getId(), { fields: FIELDS });
  const existing: ExistingProtection[] = [];
  const sizes = new Map<number, { rows: number; columns: number }>();
  const raw = new Map<number, ApiProtectedRange>();
  for (const s of got.sheets ?? []) {
    const id = Number(s.properties?.sheetId ?? 0);
    sizes.set(id, { rows: s.properties?.gridProperties?.rowCount ?? 0, columns: s.properties?.gridProperties?.columnCount ?? 0 });
    for (const p of s.protectedRanges ?? []) {
      const pid = Number(p.protectedRangeId);
      raw.set(pid, p);
      existing.push({
        id: pid,
        description: String(p.description ?? ""),
        range: grid(p.range),
        unprotected: (p.unprotectedRanges ?? []).map(grid),
        editors: p.editors ? [...(p.editors.users ?? []), ...(p.editors.groups ?? [])].map((e) => String(e).toLowerCase()) : null,
        canEdit: p.requestingUserCanEdit === true,
        warningOnly: p.warningOnly === true,
      });
    }
  }
  return { existing, sizes, raw };
}

/** What a sync would change (drift) and refuse (locked), without changing anything. */
export function compare(state: ProtectionState, input: PlanInput, always: readonly string[]): Sync {
  return sync(plan(input), state.existing, state.sizes, always);
}

/** Thrown before any write when a protection of ours is one the user running may not change. */
export function lockedMessage(s: Sync): string {
  const what = s.locked.map((p) => `"${p.description}"`).join(", ");
  return `Bảo vệ ${what} không cho tài khoản của bạn sửa; hãy nhờ chủ sở hữu bảng tính thêm bạn vào bảo vệ đó. Chưa có gì bị thay đổi.`;
}

/** The requests that put back what `requests` changed. */
function inverse(
  requests: readonly object[],
  replies: readonly GoogleAppsScript.Sheets.Schema.Response[],
  state: ProtectionState,
): object[] {
  const out: object[] = [];
  requests.forEach((r, i) => {
    const req = r as GoogleAppsScript.Sheets.Schema.Request;
    if (req.addProtectedRange) {
      const id = replies[i]?.addProtectedRange?.protectedRange?.protectedRangeId;
      if (id !== undefined) out.push({ deleteProtectedRange: { protectedRangeId: id } });
    } else if (req.deleteProtectedRange) {
      const before = state.raw.get(Number(req.deleteProtectedRange.protectedRangeId));
      if (before) out.push({ addProtectedRange: { protectedRange: restorable(before) } });
    } else if (req.updateProtectedRange) {
      const id = Number(req.updateProtectedRange.protectedRange?.protectedRangeId);
      const before = state.raw.get(id);
      if (before)
        out.push({
          updateProtectedRange: {
            protectedRange: { ...restorable(before), protectedRangeId: id, unprotectedRanges: before.unprotectedRanges ?? [] },
            fields: req.updateProtectedRange.fields,
          },
        });
    }
  });
  return out.reverse();
}

function restorable(p: ApiProtectedRange): ApiProtectedRange {
  const { requestingUserCanEdit: _, protectedRangeId: __, ...rest } = p;
  return rest;
}

/**
 * Sends the sync's requests in one batch (nothing when there is nothing to
 * change); refuses first when one of them would touch a protection the user
 * may not change. Undo sends the inverse batch.
 */
export function applySync(ss: Spreadsheet, state: ProtectionState, s: Sync, undo: Undo): number {
  if (s.locked.length) throw new Error(lockedMessage(s));
  if (s.requests.length === 0) return 0;
  const id = ss.getId();
  const res = api().Spreadsheets!.batchUpdate({ requests: s.requests as GoogleAppsScript.Sheets.Schema.Request[] }, id);
  const back = inverse(s.requests, res.replies ?? [], state);
  undo.push(() => {
    if (back.length) api().Spreadsheets!.batchUpdate({ requests: back as GoogleAppsScript.Sheets.Schema.Request[] }, id);
  });
  return s.requests.length;
}

/** Whether the user running may edit the whole sheet (no protection of it, or of a range on it, refuses them): one call. */
export function blockingOn(state: ProtectionState, sheetId: number): ExistingProtection[] {
  return state.existing.filter((p) => p.range.sheetId === sheetId && !p.warningOnly && !p.canEdit);
}
