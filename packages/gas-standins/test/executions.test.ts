/**
 * Faults injected into an execution (env.failNth, with and without `kill`),
 * the trace of the calls a script makes (env.traceCalls), and a spreadsheet
 * without a document lock (documentLock: false).
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../src/index";
import { thrown } from "./fixtures/thrown";

function setup(options: Parameters<typeof createGasEnvironment>[0] = {}) {
  const env = createGasEnvironment({ sheets: { "Số liệu": [["a", "b", "c"]] }, processTimeZone: false, ...options });
  const sheet = env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Số liệu")!;
  return { env, sheet };
}

describe("env.failNth", () => {
  it("the nth counted call from now throws the message before it does anything; the calls around it work", () => {
    const { env, sheet } = setup();
    sheet.getRange("A1").getValue(); // before: not counted towards n
    env.resetCounts();
    env.failNth(3, "Service Spreadsheets failed while accessing document.");
    const range = sheet.getRange("A1"); // 1
    expect(range.getValue()).toBe("a"); // 2
    expect(thrown(() => range.setValue("changed"))).toBe("Exception: Service Spreadsheets failed while accessing document."); // 3
    expect(env.values("'Số liệu'!A1")).toEqual([["a"]]); // not written
    range.setValue("again"); // 4: only the nth fails
    expect(env.values("'Số liệu'!A1")).toEqual([["again"]]);
    expect(sheet.getRange("B1").getValue()).toBe("b");
    // The refused call is not counted.
    expect(env.count("Range.setValue")).toBe(1);
  });

  it("counts only the script's calls, whatever the service", () => {
    const { env, sheet } = setup();
    const p = sheet.getRange("A1").protect();
    env.failNth(4, "quota");
    p.addEditors(["a@x.vn", "b@x.vn", "c@x.vn"]); // 1: the addEditor calls it makes inside are not the script's
    sheet.getRange("A1:C1").getValues(); // 2, 3: however many cells getValues reads
    expect(thrown(() => env.globals.Session.getActiveUser())).toBe("Exception: quota"); // 4
    expect(env.globals.Session.getActiveUser().getEmail()).toBe("user@example.com");
  });

  it("a failure set before the next execution starts hits that execution (as an add-on call starts one)", () => {
    const { env, sheet } = setup();
    env.failNth(1, "boom");
    env.newExecution();
    expect(thrown(() => sheet.getName())).toBe("Exception: boom");
    expect(sheet.getName()).toBe("Số liệu");
  });

  it("failNth(0) cancels a pending failure; a new failNth replaces it", () => {
    const { env, sheet } = setup();
    env.failNth(1, "boom");
    env.failNth(0, "ignored");
    expect(sheet.getName()).toBe("Số liệu");
    env.failNth(5, "first");
    env.failNth(1, "second");
    expect(thrown(() => sheet.getName())).toBe("Exception: second");
    for (let i = 0; i < 6; i++) expect(sheet.getName()).toBe("Số liệu");
  });

  it("with kill, that call and every later one of the execution throw; a new execution clears it", () => {
    const { env, sheet } = setup();
    const LIMIT = "Exceeded maximum execution time";
    env.failNth(2, LIMIT, true);
    const range = sheet.getRange("A1"); // 1
    expect(thrown(() => range.setValue("x"))).toBe(`Exception: ${LIMIT}`); // 2
    // Nothing the script tries afterwards (an undo, a log line) reaches a service.
    expect(thrown(() => range.setValue("undo"))).toBe(`Exception: ${LIMIT}`);
    expect(thrown(() => env.globals.SpreadsheetApp.getActiveSpreadsheet())).toBe(`Exception: ${LIMIT}`);
    expect(thrown(() => env.globals.Logger.log("x"))).toBe(`Exception: ${LIMIT}`);
    expect(thrown(() => env.globals.PropertiesService.getScriptProperties())).toBe(`Exception: ${LIMIT}`);
    expect(env.values("'Số liệu'!A1")).toEqual([["a"]]);

    env.newExecution();
    range.setValue("next run");
    expect(env.values("'Số liệu'!A1")).toEqual([["next run"]]);
    expect(env.globals.PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });

  it("a kill not reached yet survives a new execution, then kills that one", () => {
    const { env, sheet } = setup();
    env.failNth(2, "stop", true);
    env.newExecution();
    sheet.getName(); // 1
    expect(thrown(() => sheet.getName())).toBe("Exception: stop");
    expect(thrown(() => sheet.getName())).toBe("Exception: stop");
    env.newExecution();
    expect(sheet.getName()).toBe("Số liệu");
  });

  it("the script catches it in its own realm", () => {
    const { env } = setup();
    const context = env.createContext();
    env.failNth(2, "boom");
    const caught = vm.runInContext(
      `(function () { var ss = SpreadsheetApp.getActiveSpreadsheet(); try { ss.getName(); return "no"; } catch (e) { return [e instanceof Error, e.name, e.message]; } })()`,
      context,
    );
    expect(caught).toEqual([true, "Exception", "boom"]);
  });
});

describe("env.traceCalls", () => {
  it("records the names of the script's counted calls in order, not the stand-ins' inner calls; stop ends it", () => {
    const { env, sheet } = setup();
    sheet.getName(); // before the trace
    const id = env.document.getId(); // env.document is the script's spreadsheet: its calls count too
    const t = env.traceCalls();
    const range = sheet.getRange("A1:B1");
    range.setValues([[1, 2]]);
    sheet.getDataRange().getValues();
    env.globals.Session.getActiveUser().getEmail();
    env.globals.Sheets!.Spreadsheets.get(id, { fields: "sheets.properties.title" });
    t.stop();
    sheet.getName(); // after
    expect(t.calls).toEqual([
      "Sheet.getRange",
      "Range.setValues",
      "Sheet.getDataRange",
      "Range.getValues",
      "Session.getActiveUser",
      "User.getEmail",
      "Spreadsheets.get",
    ]);
  });

  it("a new trace replaces the previous one; stopping the old one leaves the new one running", () => {
    const { env, sheet } = setup();
    const first = env.traceCalls();
    sheet.getName();
    const second = env.traceCalls();
    sheet.getLastRow();
    first.stop();
    sheet.getLastColumn();
    second.stop();
    sheet.getName();
    expect(first.calls).toEqual(["Sheet.getName"]);
    expect(second.calls).toEqual(["Sheet.getLastRow", "Sheet.getLastColumn"]);
  });

  it("lists a call env.failCall makes throw", () => {
    const { env, sheet } = setup();
    const t = env.traceCalls();
    env.failCall("Sheet.getName", "quota");
    expect(thrown(() => sheet.getName())).toBe("Exception: quota");
    sheet.getName();
    t.stop();
    expect(t.calls).toEqual(["Sheet.getName", "Sheet.getName"]);
    expect(env.count("Sheet.getName")).toBe(1);
  });
});

describe("documentLock: false", () => {
  it("LockService.getDocumentLock() returns null; the script and user locks still work", () => {
    const { env } = setup({ documentLock: false });
    const LS = env.globals.LockService;
    expect(LS.getDocumentLock()).toBeNull();
    expect(env.count("LockService.getDocumentLock")).toBe(1);
    const script = LS.getScriptLock();
    expect(script.tryLock(0)).toBe(true);
    expect(script.hasLock()).toBe(true);
    script.releaseLock();
    expect(LS.getUserLock().tryLock(0)).toBe(true);
    // A script that guards itself as Google's samples do falls back to the script lock.
    const context = env.createContext();
    expect(vm.runInContext(`(LockService.getDocumentLock() || LockService.getScriptLock()).tryLock(1000)`, context)).toBe(true);
  });

  it("by default there is one", () => {
    const { env } = setup();
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock).not.toBeNull();
    expect(lock.tryLock(0)).toBe(true);
  });
});
