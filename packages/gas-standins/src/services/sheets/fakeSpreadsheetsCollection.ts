/**
 * Sheets.Spreadsheets of the Advanced Sheets service (the Sheets API v4 from
 * Apps Script): `batchUpdate` with protected-range requests, applied
 * atomically ("If any request is not valid then the entire request will fail
 * and nothing will be applied"), and `get` with a field mask. A refused
 * request throws as Apps Script reports an API error: "API call to
 * sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0]...".
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate
 */
import { type Assert, type OnlyApi, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import type { FakeSpreadsheet } from "../spreadsheetapp/fakeSpreadsheet";
import { currentUser } from "../spreadsheetapp/protectionGuard";
import { applyMask, parseMask } from "./fieldMask";
import { ApiError, applyRequest, savepoint, toProtectedRange } from "./protectedRanges";

type BatchUpdateSpreadsheetRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;
type BatchUpdateSpreadsheetResponse = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
type Spreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type Collection = GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;

export type SpreadsheetsCollectionApi = Pick<Collection, "batchUpdate" | "get">;

/** A plain value rebuilt in the script's realm (arrays and objects), so that the script sees its own kinds. */
function inRealm(rt: Runtime, v: unknown): unknown {
  if (Array.isArray(v)) return rt.list(v.map((x) => inRealm(rt, x)));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = inRealm(rt, x);
    return rt.object(out);
  }
  return v;
}

export class FakeSpreadsheetsCollection implements SpreadsheetsCollectionApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _doc: () => FakeSpreadsheet,
  ) {}

  _error(method: string, message: string): Error {
    const e = this._rt.exception(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
    e.name = "GoogleJsonResponseException";
    return e;
  }

  _spreadsheet(method: string, id: unknown): FakeSpreadsheet {
    const ss = this._doc();
    if (String(id ?? "") !== ss._id) throw this._error(method, "Requested entity was not found.");
    return ss;
  }

  batchUpdate(resource: BatchUpdateSpreadsheetRequest, spreadsheetId: string): BatchUpdateSpreadsheetResponse {
    const ss = this._spreadsheet("batchUpdate", spreadsheetId);
    const requests = Array.from(resource?.requests ?? []);
    if (requests.length === 0) throw this._error("batchUpdate", "Must specify at least one request.");
    const restore = savepoint(ss);
    try {
      const replies = requests.map((r, i) => applyRequest(ss, r ?? {}, i));
      return inRealm(this._rt, { spreadsheetId: ss._id, replies }) as BatchUpdateSpreadsheetResponse;
    } catch (e) {
      restore();
      if (e instanceof ApiError) throw this._error("batchUpdate", e.message);
      throw e;
    }
  }

  get(spreadsheetId: string, optionalArgs?: object): Spreadsheet {
    const ss = this._spreadsheet("get", spreadsheetId);
    const user = currentUser(ss);
    const fields = String((optionalArgs as { fields?: unknown } | undefined)?.fields ?? "");
    let mask: ReturnType<typeof parseMask>;
    try {
      mask = parseMask(fields);
    } catch (e) {
      throw this._error("get", (e as Error).message);
    }
    const full: Spreadsheet = {
      spreadsheetId: ss._id,
      properties: { title: ss._name, locale: ss._locale, timeZone: ss._timeZone },
      sheets: ss._sheets
        .filter((s) => !s._deleted)
        .map((s, index) => {
          const protectedRanges = ss._protections.filter((p) => p._sheet === s).map((p) => toProtectedRange(p, user));
          return {
            properties: {
              sheetId: s._id,
              title: s._name,
              index,
              hidden: s._hidden,
              gridProperties: { rowCount: s._maxRows, columnCount: s._maxColumns, frozenRowCount: s._frozenRows },
            },
            ...(protectedRanges.length ? { protectedRanges } : {}),
          };
        }),
    };
    return inRealm(this._rt, applyMask(full, mask)) as Spreadsheet;
  }
}

instrument(FakeSpreadsheetsCollection, "Spreadsheets", "Sheets");

export type _SpreadsheetsCollectionOnlyApi = Assert<OnlyApi<FakeSpreadsheetsCollection, SpreadsheetsCollectionApi>>;
