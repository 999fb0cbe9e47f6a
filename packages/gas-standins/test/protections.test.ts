/**
 * Protections enforced on the script's writes, for the user it runs as
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * the owner always edits, a warning-only protection blocks nobody, a new
 * protection mirrors the spreadsheet's permissions until its editors change,
 * Protection.canEdit() reflects the current user; Session's users follow
 * env.setUser.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../src/index";
import { thrown } from "./fixtures/thrown";

const OWNER = "owner@quangtri.gov.vn";
const CLERK = "clerk@quangtri.gov.vn";
const OUTSIDER = "someone@gmail.com";
const PROTECTED =
  "Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

/** A spreadsheet owned by OWNER, shared with CLERK; the owner runs first. */
function shared() {
  const env = createGasEnvironment({ userEmail: OWNER, editors: [CLERK], processTimeZone: false });
  const SA = env.globals.SpreadsheetApp;
  const ss = SA.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  sheet.getRange("A1:C3").setValues([
    ["a", "b", "c"],
    [1, 2, 3],
    [4, 5, 6],
  ]);
  return { env, SA, ss, sheet };
}

/** Google's sample: the protection keeps only the owner and the current user. */
function onlyMe(p: GoogleAppsScript.Spreadsheet.Protection, Session: GoogleAppsScript.Base.Session) {
  p.addEditor(Session.getEffectiveUser());
  p.removeEditors(p.getEditors() as unknown as string[]);
  if (p.canDomainEdit()) p.setDomainEdit(false);
  return p;
}

describe("the owner", () => {
  it("Spreadsheet.getOwner() is the owner whoever runs; a spreadsheet without one (a shared drive) gives null", () => {
    const { env, ss } = shared();
    env.setUser(CLERK);
    expect(ss.getOwner()!.getEmail()).toBe(OWNER);
    const drive = createGasEnvironment({ userEmail: OWNER, processTimeZone: false });
    drive.spreadsheet._owner = null;
    expect(drive.globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()).toBeNull();
    drive.dispose();
  });
});

describe("protections: who may write", () => {
  it("a range protected by the owner refuses another editor's writes, whole, and leaves the rest of the sheet open", () => {
    const { env, ss, sheet } = shared();
    const p = onlyMe(sheet.getRange("A1:B2").protect().setDescription("tiêu đề"), env.globals.Session);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(p.canEdit()).toBe(true);
    sheet.getRange("A1").setValue("owner writes"); // the owner always can

    env.setUser(CLERK);
    expect(env.user).toBe(CLERK);
    expect(p.canEdit()).toBe(false);
    const writes: [string, () => unknown][] = [
      ["setValue", () => sheet.getRange("B2").setValue(9)],
      [
        "setValues",
        () =>
          sheet.getRange("B2:C3").setValues([
            [0, 0],
            [0, 0],
          ]),
      ],
      ["setFormula", () => sheet.getRange("A1").setFormula("=1")],
      ["clear", () => sheet.getRange("A1:A3").clear()],
      ["clearContent", () => sheet.getRange("A2").clearContent()],
      ["setBackground", () => sheet.getRange("A1:Z1").setBackground("#ff0000")],
      ["setNote", () => sheet.getRange("B1").setNote("x")],
      ["setNumberFormat", () => sheet.getRange("A:A").setNumberFormat("0")],
      ["insertCheckboxes", () => sheet.getRange("B2").insertCheckboxes()],
      ["RangeList.setValue", () => sheet.getRangeList(["C3", "A1"]).setValue("x")],
      ["Sheet.clear", () => sheet.clear()],
      ["Sheet.clearContents", () => sheet.clearContents()],
      ["Sheet.deleteRow", () => sheet.deleteRow(2)],
      ["Sheet.deleteColumns", () => sheet.deleteColumns(2, 2)],
      ["Sheet.insertRowAfter", () => sheet.insertRowAfter(1)], // inside A1:B2
      ["Sheet.insertColumnBefore", () => sheet.insertColumnBefore(2)],
    ];
    for (const [name, write] of writes) expect(thrown(write), name).toBe(PROTECTED);
    // Nothing of a refused write was done, not even its unprotected cells.
    expect(env.values("A1:C3")).toEqual([
      ["owner writes", "b", "c"],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    // Outside the protected range the clerk writes as before.
    sheet.getRange("C3").setValue("clerk");
    sheet.getRangeList(["C1", "A3"]).setValue("ok");
    sheet.appendRow(["new", "row"]);
    sheet.insertRowBefore(1); // above the range: it moves down
    sheet.deleteRow(1);
    sheet.setColumnWidth(1, 120); // a range protection leaves the sheet's sizes open
    expect(env.values("A3:C4")).toEqual([
      ["ok", 5, "clerk"],
      ["new", "row", ""],
    ]);
    expect(p.getRange().getA1Notation()).toBe("A1:B2");
    // The owner again: everything.
    env.setUser(OWNER);
    sheet.getRange("B2").setValue(9);
    expect(ss.getRange("B2").getValue()).toBe(9);
  });

  it("a new protection mirrors the spreadsheet's editors until the list changes; warning-only blocks nobody", () => {
    const { env, sheet } = shared();
    const p = sheet.getRange("A1:B2").protect();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, CLERK]);
    env.setUser(CLERK);
    expect(p.canEdit()).toBe(true);
    sheet.getRange("A1").setValue("mirror"); // effectively unprotected
    // Adding an editor keeps the others: still open to every editor.
    p.addEditor(OUTSIDER);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, CLERK, OUTSIDER]);

    env.setUser(OWNER);
    const warn = sheet.getRange("C1:C3").protect().setWarningOnly(true);
    onlyMe(warn, env.globals.Session);
    env.setUser(CLERK);
    expect(warn.canEdit()).toBe(false);
    sheet.getRange("C1").setValue("warned"); // a warning, not a refusal
    expect(env.values("A1:C1")).toEqual([["mirror", "b", "warned"]]);
  });

  it("a protected sheet with an unprotected range; the sheet as an object; deleting it", () => {
    const { env, ss, sheet } = shared();
    const p = onlyMe(sheet.protect().setDescription("Số liệu"), env.globals.Session);
    p.setUnprotectedRanges([sheet.getRange("B2:C3")]);
    ss.insertSheet("Khác");
    env.setUser(CLERK);
    sheet.getRange("B2:C3").setValues([
      [7, 8],
      [9, 10],
    ]);
    expect(
      thrown(() =>
        sheet.getRange("B1:C2").setValues([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe(PROTECTED);
    expect(thrown(() => sheet.getRange("A1").setValue(0))).toBe(PROTECTED);
    for (const [name, write] of [
      ["setName", () => sheet.setName("x")],
      ["setColumnWidth", () => sheet.setColumnWidth(1, 50)],
      ["setFrozenRows", () => sheet.setFrozenRows(1)],
      ["hideColumns", () => sheet.hideColumns(1)],
      ["insertRowsAfter", () => sheet.insertRowsAfter(3, 1)],
      ["appendRow", () => sheet.appendRow([1])],
      ["deleteSheet", () => ss.deleteSheet(sheet)],
    ] as [string, () => unknown][]) {
      expect(thrown(write), name).toBe(PROTECTED);
    }
    expect(env.values(`'${sheet.getName()}'!A1:C3`)).toEqual([
      ["a", "b", "c"],
      [1, 7, 8],
      [4, 9, 10],
    ]);
    // Another sheet is open.
    ss.getSheetByName("Khác")!.getRange("A1").setValue("free");
    ss.deleteSheet(ss.getSheetByName("Khác")!);
  });

  it("Protection: only users who may edit it change it or read its editors; the owner and the current user stay editors", () => {
    const { env, sheet } = shared();
    const p = onlyMe(sheet.getRange("A1").protect().setDescription("ô khóa"), env.globals.Session);
    p.removeEditor(OWNER);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    p.addEditors([CLERK, OUTSIDER]);
    p.removeEditor(OUTSIDER);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, CLERK]);
    env.setUser(CLERK);
    p.removeEditor(CLERK); // the current user cannot be removed
    expect(p.canEdit()).toBe(true);
    sheet.getRange("A1").setValue("clerk is an editor");

    env.setUser(OWNER);
    p.removeEditors([CLERK]);
    env.setUser(CLERK);
    expect(p.getDescription()).toBe("ô khóa"); // reading is open
    expect(p.isWarningOnly()).toBe(false);
    for (const [name, call] of [
      ["getEditors", () => p.getEditors()],
      ["addEditor", () => p.addEditor(CLERK)],
      ["setDescription", () => p.setDescription("x")],
      ["setWarningOnly", () => p.setWarningOnly(true)],
      ["remove", () => p.remove()],
    ] as [string, () => unknown][]) {
      expect(thrown(call), name).toBe(PROTECTED);
    }
    expect(sheet.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
  });

  it("domain edit opens a protection to the owner's domain", () => {
    const { env, sheet } = shared();
    const p = onlyMe(sheet.getRange("A1").protect(), env.globals.Session);
    p.setDomainEdit(true);
    expect(p.canDomainEdit()).toBe(true);
    env.setUser(CLERK);
    sheet.getRange("A1").setValue("same domain");
    env.setUser(OUTSIDER);
    expect(p.canEdit()).toBe(false);
    expect(thrown(() => sheet.getRange("A1").setValue("other domain"))).toBe(PROTECTED);
  });

  it("the script's realm gets an Exception it can catch by message", () => {
    const { env, sheet } = shared();
    onlyMe(sheet.getRange("A1").protect(), env.globals.Session);
    env.setUser(CLERK);
    const context = env.createContext();
    const caught = vm.runInContext(
      `(function () { try { SpreadsheetApp.getActiveSheet().getRange("A1").setValue(1); return "written"; } catch (e) { return [e instanceof Error, String(e)]; } })()`,
      context,
    );
    expect(caught).toEqual([true, PROTECTED]);
  });
});

describe("Session: the current user", () => {
  it("follows env.setUser; the active user's email may be withheld", () => {
    const env = createGasEnvironment({ userEmail: OWNER, processTimeZone: false });
    const S = env.globals.Session;
    expect([S.getActiveUser().getEmail(), S.getEffectiveUser().getEmail()]).toEqual([OWNER, OWNER]);
    env.setUser(CLERK);
    expect([S.getActiveUser().getEmail(), S.getEffectiveUser().getEmail()]).toEqual([CLERK, CLERK]);
    expect(() => env.setUser("nobody")).toThrow(/not an email/);

    const withheld = createGasEnvironment({ userEmail: CLERK, ownerEmail: OWNER, withholdActiveUserEmail: true, processTimeZone: false });
    expect(withheld.globals.Session.getActiveUser().getEmail()).toBe("");
    expect(withheld.globals.Session.getEffectiveUser().getEmail()).toBe(CLERK);
    // The owner is not the current user: a protection leaving them out refuses their writes.
    const sheet = withheld.globals.SpreadsheetApp.getActiveSheet();
    const p = sheet.getRange("A1").protect();
    p.removeEditors([CLERK]); // the current user stays
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, CLERK]);
  });
});
