/**
 * The Advanced Sheets service (`Sheets.Spreadsheets`): batchUpdate with
 * addProtectedRange / updateProtectedRange / deleteProtectedRange, applied
 * atomically and enforced on later edits, and get with a field mask
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange).
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../src/index";
import type { GasEnvironmentOptions } from "../src/index";
import { thrown } from "./fixtures/thrown";

const OWNER = "owner@quangtri.gov.vn";
const CLERK = "clerk@quangtri.gov.vn";
const REVIEWER = "reviewer@quangtri.gov.vn";
const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
const FAILED = "GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: ";

type Request = GoogleAppsScript.Sheets.Schema.Request;
type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;

/** A spreadsheet owned by OWNER, shared with CLERK and REVIEWER; the owner runs first. */
function shared(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({
    userEmail: OWNER,
    editors: [CLERK, REVIEWER],
    sheets: {
      "Số liệu": [
        ["a", "b", "c"],
        [1, 2, 3],
        [4, 5, 6],
      ],
      "Nhật ký": [["x"]],
    },
    processTimeZone: false,
    ...options,
  });
  const Sheets = env.globals.Sheets!;
  const id = env.document.getId();
  const data = env.sheet("Số liệu").getSheetId();
  const log = env.sheet("Nhật ký").getSheetId();
  const batch = (...requests: Request[]) => Sheets.Spreadsheets.batchUpdate({ requests }, id);
  /** Adds protections; returns their ids. */
  const add = (...ranges: ProtectedRange[]) =>
    batch(...ranges.map((protectedRange) => ({ addProtectedRange: { protectedRange } }))).replies!.map(
      (r) => r.addProtectedRange!.protectedRange!.protectedRangeId!,
    );
  return { env, Sheets, id, data, log, batch, add };
}

/** A GridRange of "Số liệu" from A1-style 1-based bounds. */
function cells(sheetId: number, row: number, column: number, numRows = 1, numColumns = 1) {
  return {
    sheetId,
    startRowIndex: row - 1,
    endRowIndex: row - 1 + numRows,
    startColumnIndex: column - 1,
    endColumnIndex: column - 1 + numColumns,
  };
}

/** What a call throws, with the exception's name. */
function failure(fn: () => unknown): { name: string; message: string } | null {
  try {
    fn();
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  return null;
}

describe("Sheets.Spreadsheets.batchUpdate: protected ranges", () => {
  it("a protected sheet with an unprotected range, and a range protection over part of it: user edits obey both", () => {
    const { env, data, add } = shared();
    const [sheetP, rangeP] = add(
      { range: { sheetId: data }, description: "Cả trang", unprotectedRanges: [cells(data, 2, 1, 2, 2)], editors: { users: [REVIEWER] } },
      { range: cells(data, 3, 2), description: "Ô duyệt", editors: { users: [REVIEWER] } },
    );
    expect(sheetP).not.toBe(rangeP);

    env.setUser(CLERK);
    // A2:B3 is open on the protected sheet, but B3 is under a range protection that leaves the clerk out.
    expect(env.userEdit("Số liệu", "A2", "clerk A2").ok).toBe(true);
    expect(env.userEdit("Số liệu", "B2", "clerk B2").ok).toBe(true);
    expect(env.userEdit("Số liệu", "B3", "clerk B3")).toEqual({
      ok: false,
      cell: "B3",
      reason: "protected",
      message: PROTECTED,
      helpText: "",
    });
    expect(env.userEdit("Số liệu", "C1", "clerk C1")).toMatchObject({ ok: false, reason: "protected" });
    expect(env.userEdit("Số liệu", "A1", "clerk A1").ok).toBe(false);
    // The other sheet is not protected.
    expect(env.userEdit("Nhật ký", "A1", "clerk log").ok).toBe(true);
    // The script running as the clerk is refused the same way.
    const sheet = env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Số liệu")!;
    expect(thrown(() => sheet.getRange("C3").setValue(0))).toBe(`Exception: ${PROTECTED}`);

    env.setUser(REVIEWER);
    expect(env.userEdit("Số liệu", "B3", "reviewer B3").ok).toBe(true);
    expect(env.userEdit("Số liệu", "C1", "reviewer C1").ok).toBe(true);
    expect(env.values("'Số liệu'!A1:C3")).toEqual([
      ["a", "b", "reviewer C1"],
      ["clerk A2", "clerk B2", 3],
      [4, "reviewer B3", 6],
    ]);

    // SpreadsheetApp sees the same protections.
    env.setUser(OWNER);
    const SA = env.globals.SpreadsheetApp;
    const [p] = sheet.getProtections(SA.ProtectionType.SHEET);
    expect(p!.getDescription()).toBe("Cả trang");
    expect(p!.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(["A2:B3"]);
    expect(p!.getEditors().map((u) => u.getEmail())).toEqual([OWNER, REVIEWER]);
    const [r] = sheet.getProtections(SA.ProtectionType.RANGE);
    expect(r!.getRange().getA1Notation()).toBe("B3");
    expect(r!.getDescription()).toBe("Ô duyệt");
  });

  it("the reply gives the new protection; the owner and the requesting user are always editors", () => {
    const { env, data, batch } = shared();
    env.setUser(CLERK);
    const reply = batch({ addProtectedRange: { protectedRange: { range: cells(data, 1, 1, 1, 3), editors: { users: [REVIEWER] } } } });
    const pr = reply.replies![0]!.addProtectedRange!.protectedRange!;
    expect(reply.spreadsheetId).toBe(env.document.getId());
    expect(typeof pr.protectedRangeId).toBe("number");
    expect(pr.range).toEqual(cells(data, 1, 1, 1, 3));
    expect(pr.requestingUserCanEdit).toBe(true);
    expect([...pr.editors!.users!].sort()).toEqual([CLERK, OWNER, REVIEWER].sort());

    // An update that names nobody still keeps the owner and the requesting user.
    batch({
      updateProtectedRange: { protectedRange: { protectedRangeId: pr.protectedRangeId, editors: { users: [] } }, fields: "editors" },
    });
    const p = env.document.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)[0]!;
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([CLERK, OWNER].sort());
    env.setUser(REVIEWER);
    expect(env.userEdit("Số liệu", "B1", "x").ok).toBe(false);
    env.setUser(OWNER);
    expect(env.userEdit("Số liệu", "B1", "owner").ok).toBe(true);

    // Added without editors: the owner and the requesting user only.
    env.setUser(REVIEWER);
    const [noEditors] = batch({ addProtectedRange: { protectedRange: { range: cells(data, 3, 3) } } }).replies!;
    expect([...noEditors!.addProtectedRange!.protectedRange!.editors!.users!].sort()).toEqual([OWNER, REVIEWER].sort());
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "C3", "x").ok).toBe(false);
  });

  it("updateProtectedRange changes only the fields of its mask", () => {
    const { env, data, add, batch } = shared();
    const [id] = add({ range: { sheetId: data }, description: "cũ", editors: { users: [] } });
    batch({
      updateProtectedRange: {
        protectedRange: { protectedRangeId: id, description: "mới", warningOnly: true, unprotectedRanges: [cells(data, 1, 1)] },
        fields: "description",
      },
    });
    const p = env.document.getProtections(env.globals.SpreadsheetApp.ProtectionType.SHEET)[0]!;
    expect(p.getDescription()).toBe("mới");
    expect(p.isWarningOnly()).toBe(false);
    expect(p.getUnprotectedRanges()).toHaveLength(0);
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "A1", "x").ok).toBe(false);

    env.setUser(OWNER);
    batch({
      updateProtectedRange: {
        protectedRange: { protectedRangeId: id, unprotectedRanges: [cells(data, 1, 1)] },
        fields: "unprotectedRanges",
      },
    });
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "A1", "opened").ok).toBe(true);
    expect(env.userEdit("Số liệu", "B1", "x").ok).toBe(false);

    env.setUser(OWNER);
    batch({ updateProtectedRange: { protectedRange: { protectedRangeId: id, warningOnly: true }, fields: "warningOnly,description" } });
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getDescription()).toBe(""); // in the mask, absent from the resource: cleared
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "B1", "warned").ok).toBe(true); // warning-only blocks nobody

    env.setUser(OWNER);
    expect(thrown(() => batch({ updateProtectedRange: { protectedRange: { protectedRangeId: id, description: "x" } } }))).toBe(
      `${FAILED}Invalid requests[0].updateProtectedRange: At least one field must be specified.`,
    );
  });

  it("deleteProtectedRange lifts the protection", () => {
    const { env, data, add, batch } = shared();
    const [id] = add({ range: cells(data, 1, 1, 3, 3), editors: { users: [] } });
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "B2", "x").ok).toBe(false);
    env.setUser(OWNER);
    expect(batch({ deleteProtectedRange: { protectedRangeId: id } }).replies).toEqual([{}]);
    expect(env.document.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "B2", "free").ok).toBe(true);
    expect(thrown(() => batch({ deleteProtectedRange: { protectedRangeId: id } }))).toBe(
      `${FAILED}Invalid requests[0].deleteProtectedRange: No protected range with id: ${id}`,
    );
  });

  it("the batch is atomic: when request 2 of 3 is invalid, nothing of 1..3 is applied", () => {
    const { env, data, log, add, batch } = shared();
    const [existing] = add({ range: cells(data, 1, 1), description: "cũ", editors: { users: [REVIEWER] } });
    const before = JSON.stringify(env.globals.Sheets!.Spreadsheets.get(env.document.getId(), { fields: "sheets.protectedRanges" }));

    const e = failure(() =>
      batch(
        {
          updateProtectedRange: {
            protectedRange: { protectedRangeId: existing, description: "mới", editors: { users: [CLERK] } },
            fields: "description,editors",
          },
        },
        { addProtectedRange: { protectedRange: { range: cells(data, 2, 2), unprotectedRanges: [cells(data, 2, 2)] } } }, // unprotected ranges on a range: invalid
        { deleteProtectedRange: { protectedRangeId: existing } },
      ),
    );
    expect(e!.name).toBe("GoogleJsonResponseException");
    expect(e!.message.startsWith("API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1]")).toBe(true);
    expect(e!.message).toContain("Unprotected ranges are only supported on protected sheets.");
    expect(JSON.stringify(env.globals.Sheets!.Spreadsheets.get(env.document.getId(), { fields: "sheets.protectedRanges" }))).toBe(before);
    env.setUser(CLERK);
    expect(env.userEdit("Số liệu", "A1", "x").ok).toBe(false); // the update giving the clerk access was undone
    env.setUser(OWNER);

    // Additions are undone too.
    expect(
      failure(() =>
        batch(
          { addProtectedRange: { protectedRange: { range: { sheetId: log } } } },
          { addProtectedRange: { protectedRange: { range: { sheetId: log } } } }, // the sheet is already protected (by request 0)
          { addProtectedRange: { protectedRange: { range: cells(data, 3, 3) } } },
        ),
      )!.message,
    ).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].addProtectedRange: The sheet is already protected.",
    );
    expect(env.document.getProtections(env.globals.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
    expect(env.document.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
    env.setUser(CLERK);
    expect(env.userEdit("Nhật ký", "A1", "free").ok).toBe(true);
    expect(env.userEdit("Số liệu", "C3", "free").ok).toBe(true);
  });

  it("refused requests: a protection the user cannot edit, unprotected ranges on a range, a second sheet protection, bad ranges", () => {
    const { env, data, add, batch } = shared();
    const [ownerOnly] = add({ range: cells(data, 1, 1), description: "chủ", editors: { users: [] } });
    add({ range: { sheetId: data }, unprotectedRanges: [cells(data, 1, 1, 3, 3)], editors: { users: [CLERK] } });

    env.setUser(CLERK);
    const refusals: [string, Request, string][] = [
      [
        "update",
        { updateProtectedRange: { protectedRange: { protectedRangeId: ownerOnly, editors: { users: [CLERK] } }, fields: "editors" } },
        `Invalid requests[0].updateProtectedRange: The caller does not have permission to edit protected range ${ownerOnly}.`,
      ],
      [
        "delete",
        { deleteProtectedRange: { protectedRangeId: ownerOnly } },
        `Invalid requests[0].deleteProtectedRange: The caller does not have permission to edit protected range ${ownerOnly}.`,
      ],
      [
        "unprotected ranges on a range",
        { addProtectedRange: { protectedRange: { range: cells(data, 5, 1, 2, 2), unprotectedRanges: [cells(data, 5, 1)] } } },
        "Invalid requests[0].addProtectedRange: Unprotected ranges are only supported on protected sheets.",
      ],
      [
        "second sheet protection",
        { addProtectedRange: { protectedRange: { range: { sheetId: data } } } },
        "Invalid requests[0].addProtectedRange: The sheet is already protected.",
      ],
      [
        "no such sheet",
        { addProtectedRange: { protectedRange: { range: { sheetId: 42 } } } },
        "Invalid requests[0].addProtectedRange: No grid with id: 42",
      ],
      [
        "past the sheet",
        { addProtectedRange: { protectedRange: { range: { sheetId: data, startRowIndex: 0, endRowIndex: 5000 } } } },
        "Invalid requests[0].addProtectedRange: Invalid range [0, 5000)",
      ],
    ];
    for (const [name, request, message] of refusals) {
      const e = failure(() => batch(request));
      expect(e?.name, name).toBe("GoogleJsonResponseException");
      expect(e?.message, name).toContain(`API call to sheets.spreadsheets.batchUpdate failed with error: ${message}`);
    }
    // Nothing changed: the owner-only cell is still closed to the clerk.
    expect(env.userEdit("Số liệu", "A1", "x").ok).toBe(false);
    expect(env.userEdit("Số liệu", "B1", "ok").ok).toBe(true);
    expect(env.document.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);

    // An empty batch, another spreadsheet.
    expect(thrown(() => batch())).toBe(`${FAILED}Must specify at least one request.`);
    expect(
      thrown(() =>
        env.globals.Sheets!.Spreadsheets.batchUpdate({ requests: [{ deleteProtectedRange: { protectedRangeId: 1 } }] }, "other-id"),
      ),
    ).toBe(`${FAILED}Requested entity was not found.`);
  });
});

describe("Sheets.Spreadsheets.get", () => {
  const MASK = "sheets(properties(sheetId,title),protectedRanges(protectedRangeId,description,editors,requestingUserCanEdit))";

  it("paths that share a field merge, as Google's field masks do: sheets.properties.title,sheets.properties.sheetId", () => {
    const { Sheets, id, data } = shared();
    const got = Sheets.Spreadsheets.get(id, { fields: "sheets.properties.title,sheets.properties.sheetId" });
    expect(got.sheets![0]!.properties).toStrictEqual({ sheetId: data, title: "Số liệu" });
    const nested = Sheets.Spreadsheets.get(id, { fields: "sheets(properties.title,properties.sheetId)" });
    expect(nested.sheets![0]!.properties).toStrictEqual({ sheetId: data, title: "Số liệu" });
  });

  it("returns only the masked fields; editors only to users who may edit the protection", () => {
    const { env, Sheets, id, data, log, add } = shared();
    const [forClerk, ownerOnly] = add(
      { range: cells(data, 1, 1), description: "cho thư ký", editors: { users: [CLERK] } },
      { range: cells(data, 2, 2), description: "chỉ chủ", editors: { users: [] } },
    );
    env.setUser(CLERK);
    const got = Sheets.Spreadsheets.get(id, { fields: MASK });
    expect(got).toStrictEqual({
      sheets: [
        {
          properties: { sheetId: data, title: "Số liệu" },
          protectedRanges: [
            {
              protectedRangeId: forClerk,
              description: "cho thư ký",
              editors: { users: [OWNER, CLERK], domainUsersCanEdit: false },
              requestingUserCanEdit: true,
            },
            { protectedRangeId: ownerOnly, description: "chỉ chủ", requestingUserCanEdit: false },
          ],
        },
        { properties: { sheetId: log, title: "Nhật ký" } },
      ],
    });

    // The owner sees both lists.
    env.setUser(OWNER);
    const ranges = Sheets.Spreadsheets.get(id, { fields: MASK }).sheets![0]!.protectedRanges!;
    expect(ranges.map((r) => [r.requestingUserCanEdit, r.editors?.users])).toEqual([
      [true, [OWNER, CLERK]],
      [true, [OWNER]],
    ]);

    // Without a mask: everything, the range included.
    const all = Sheets.Spreadsheets.get(id);
    expect(all.spreadsheetId).toBe(id);
    expect(all.properties!.title).toBe(env.document.getName());
    expect(all.sheets![0]!.properties!.index).toBe(0);
    expect(all.sheets![0]!.protectedRanges![1]!.range).toEqual(cells(data, 2, 2));
  });

  it("counts its calls (and batchUpdate's, refused ones included) in the Sheets family", () => {
    const { env, Sheets, id, data } = shared();
    env.resetCounts();
    Sheets.Spreadsheets.get(id, { fields: "sheets.properties.sheetId" });
    Sheets.Spreadsheets.get(id);
    Sheets.Spreadsheets.batchUpdate({ requests: [{ addProtectedRange: { protectedRange: { range: cells(data, 1, 1) } } }] }, id);
    thrown(() => Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteProtectedRange: { protectedRangeId: 7 } }] }, id));
    expect(env.count("Spreadsheets.get")).toBe(2);
    expect(env.count("Spreadsheets.batchUpdate")).toBe(2);
    expect(env.count("Sheets")).toBe(4);
    expect(env.callsOf("Sheets")).toEqual(
      new Map([
        ["Spreadsheets.get", 2],
        ["Spreadsheets.batchUpdate", 2],
      ]),
    );
    expect(env.count("SpreadsheetApp")).toBe(0); // the stand-in's own work is not counted
  });

  it("a bad mask or another spreadsheet's id is an API error", () => {
    const { Sheets, id } = shared();
    expect(thrown(() => Sheets.Spreadsheets.get(id, { fields: "sheets(properties" }))).toBe(
      'GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: Invalid field mask "sheets(properties".',
    );
    expect(thrown(() => Sheets.Spreadsheets.get("nope"))).toBe(
      "GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: Requested entity was not found.",
    );
  });

  it("in a vm context the response is made of the script's arrays and objects", () => {
    const { env, id } = shared();
    const context = env.createContext({ ID: id });
    expect(
      vm.runInContext(
        `(function () { var s = Sheets.Spreadsheets.get(ID).sheets; return [s instanceof Array, s[0].properties instanceof Object]; })()`,
        context,
      ),
    ).toEqual([true, true]);
  });
});

describe("sheetsApi: false", () => {
  it("leaves no Sheets global, as when the Advanced Sheets service is not enabled", () => {
    const on = shared();
    expect(on.env.globals.Sheets).toBeDefined();
    expect(vm.runInContext("typeof Sheets", on.env.createContext())).toBe("object");
    const off = shared({ sheetsApi: false });
    expect("Sheets" in off.env.globals).toBe(false);
    expect(vm.runInContext("typeof Sheets", off.env.createContext())).toBe("undefined");
    const target: Record<string, unknown> = {};
    off.env.install(target);
    expect("Sheets" in target).toBe(false);
    expect("SpreadsheetApp" in target).toBe(true);
  });
});
