/** Locks, properties, Session, Utilities, Logger, Ui, HtmlService, call counters, auth mode, vm realms. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../src/index";

describe("LockService", () => {
  it("gets a free lock, releases it, and is re-entrant within an execution", () => {
    const env = createGasEnvironment();
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(env.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it("a lock held by another execution: tryLock false, waitLock throws, without waiting", () => {
    const env = createGasEnvironment();
    const release = env.holdDocumentLock();
    const started = Date.now();
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10000)).toThrow("Lock timeout: another process was holding the lock for too long.");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(env.clock).toBe(15000);
    // The script lock is another lock.
    expect(env.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    release();
    expect(lock.tryLock(0)).toBe(true);
  });

  it("a holder that lets go within the timeout: the wait succeeds in virtual time", () => {
    const env = createGasEnvironment();
    env.holdDocumentLock({ forMs: 3000 });
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.tryLock(5000)).toBe(true);
    expect(env.clock).toBe(3000);
  });

  it("locks belong to executions: a new execution releases the old one's locks", () => {
    const env = createGasEnvironment();
    expect(env.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    env.newExecution();
    expect(env.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    // While this execution holds it, another execution would not get it.
    env.newExecution();
    const a = env.globals.LockService.getUserLock();
    expect(a.tryLock(0)).toBe(true);
  });
});

describe("PropertiesService", () => {
  it("document, script and user stores; strings; null when absent", () => {
    const env = createGasEnvironment({ scriptProperties: { mode: "test" } });
    const doc = env.globals.PropertiesService.getDocumentProperties();
    expect(doc.getProperty("x")).toBeNull();
    doc.setProperty("x", 5 as unknown as string);
    expect(doc.getProperty("x")).toBe("5");
    doc.setProperties({ a: "1", b: "2" });
    expect(doc.getKeys().sort()).toEqual(["a", "b", "x"]);
    doc.setProperties({ c: "3" }, true);
    expect(doc.getProperties()).toEqual({ c: "3" });
    doc.deleteProperty("c");
    expect(doc.getKeys()).toEqual([]);
    doc.setProperty("k", "v");
    doc.deleteAllProperties();
    expect(doc.getProperties()).toEqual({});
    expect(env.globals.PropertiesService.getScriptProperties().getProperty("mode")).toBe("test");
    env.globals.PropertiesService.getUserProperties().setProperty("u", "1");
    expect(env.globals.PropertiesService.getScriptProperties().getProperty("u")).toBeNull();
    // Document properties belong to the document.
    env.globals.PropertiesService.getDocumentProperties().setProperty("id", "7");
    expect(env.spreadsheet._documentProperties.get("id")).toBe("7");
  });

  it("enforces the size quotas", () => {
    const env = createGasEnvironment();
    const p = env.globals.PropertiesService.getScriptProperties();
    expect(() => p.setProperty("big", "x".repeat(10 * 1024))).toThrow("Argument too large: value");
    // 500 KB per store: 56 values of 9,000 bytes fit, the 57th does not (and is not stored).
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, "x".repeat(9000));
    expect(() => p.setProperty("k56", "x".repeat(9000))).toThrow("You have exceeded the property storage quota.");
    expect(p.getProperty("k56")).toBeNull();
  });
});

describe("Session, Utilities, Logger", () => {
  it("users, locale and time zone", () => {
    const env = createGasEnvironment({ userEmail: "clerk@vinhlinh.gov.vn" });
    const s = env.globals.Session;
    expect(s.getActiveUser().getEmail()).toBe("clerk@vinhlinh.gov.vn");
    expect(s.getEffectiveUser().getEmail()).toBe("clerk@vinhlinh.gov.vn");
    expect(s.getActiveUserLocale()).toBe("vi");
    expect(s.getScriptTimeZone()).toBe("Asia/Ho_Chi_Minh");
  });

  it("Utilities.formatDate with Java patterns; sleep is virtual", () => {
    const env = createGasEnvironment();
    const U = env.globals.Utilities;
    const d = new Date(Date.UTC(2023, 2, 13, 17, 5, 9)); // 14/03/2023 00:05:09 in Vietnam
    expect(U.formatDate(d, "Asia/Ho_Chi_Minh", "dd/MM/yyyy HH:mm:ss")).toBe("14/03/2023 00:05:09");
    expect(U.formatDate(d, "GMT", "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe("2023-03-13T17:05:09Z");
    expect(U.formatDate(d, "Asia/Ho_Chi_Minh", "EEE, d MMM yy h:mm a Z")).toBe("Tue, 14 Mar 23 12:05 AM +0700");
    expect(U.formatDate(d, "GMT+7", "d/M/yyyy")).toBe("14/3/2023");
    expect(() => U.formatDate("x" as never, "GMT", "yyyy")).toThrow("don't match the method signature for Utilities.formatDate");
    const started = Date.now();
    U.sleep(60000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(env.clock).toBe(60000);
    expect(U.formatString("%s có %d lỗi", "HOXA", 2)).toBe("HOXA có 2 lỗi");
  });

  it("Logger and console lines go to env.logs", () => {
    const env = createGasEnvironment();
    env.globals.Logger.log("a");
    env.globals.Logger.log("%s=%s", "b", 2);
    const ctx = env.createContext();
    vm.runInContext(`console.log("c", 1); console.error("lỗi %s", "x")`, ctx);
    expect(env.logs).toEqual(["a", "b=2", "c 1", "[error] lỗi x"]);
    expect(env.globals.Logger.getLog()).toBe("a\nb=2\nc 1\n[error] lỗi x\n");
  });
});

describe("Ui", () => {
  it("records menus, sidebars, dialogs, alerts and prompts", () => {
    const env = createGasEnvironment({ addonName: "Báo cáo CCHC" });
    const ui = env.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem("Mở bảng điều khiển", "showSidebar")
      .addSeparator()
      .addSubMenu(ui.createMenu("Khác").addItem("Thiết lập", "menuSetup"))
      .addToUi();
    expect(env.ui.menus).toHaveLength(1);
    expect(env.ui.menus[0]!.addon).toBe(true);
    expect(env.ui.menus[0]!.title).toBe("Báo cáo CCHC");
    expect(env.ui.menuCaptions()).toEqual(["Mở bảng điều khiển", "Thiết lập"]);
    ui.createAddonMenu().addItem("Một", "one").addToUi();
    expect(env.ui.menus).toHaveLength(1);
    expect(env.ui.menus[0]!.items).toEqual([{ kind: "item", caption: "Một", functionName: "one" }]);

    const html = env.globals.HtmlService.createHtmlOutput("<p>Xin chào</p>").setTitle("Báo cáo CCHC").setWidth(300);
    ui.showSidebar(html);
    expect(env.ui.sidebars[0]).toMatchObject({ title: "Báo cáo CCHC", content: "<p>Xin chào</p>", width: 300 });
    ui.showModalDialog(env.globals.HtmlService.createHtmlOutput("x"), "Hộp thoại");
    expect(env.ui.dialogs[0]).toMatchObject({ title: "Hộp thoại", modal: true });

    expect(ui.alert("Xong")).toBe(ui.Button.OK);
    env.ui.alertResponses.push("NO");
    expect(ui.alert("Báo cáo CCHC", "Tiếp tục?", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert("Tiếp tục?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(env.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      [null, "Xong", "OK", "OK"],
      ["Báo cáo CCHC", "Tiếp tục?", "YES_NO", "NO"],
      [null, "Tiếp tục?", "YES_NO", "YES"],
    ]);
    expect(String(ui.Button.OK)).toBe("OK");

    env.ui.promptResponses.push({ button: "OK", text: "2023-Q1" });
    const answer = ui.prompt("Kỳ báo cáo?");
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(["2023-Q1", ui.Button.OK]);
  });

  it("getUi throws where there is no Ui", () => {
    const env = createGasEnvironment({ ui: false });
    expect(() => env.globals.SpreadsheetApp.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
  });
});

describe("HtmlService", () => {
  it("reads files of the html directory; 'sidebar' means sidebar.html", () => {
    const dir = mkdtempSync(join(tmpdir(), "standins-html-"));
    writeFileSync(join(dir, "sidebar.html"), "<div>bảng điều khiển</div>");
    const env = createGasEnvironment({ htmlDir: dir });
    const H = env.globals.HtmlService;
    expect(H.createHtmlOutputFromFile("sidebar").getContent()).toBe("<div>bảng điều khiển</div>");
    expect(H.createHtmlOutputFromFile("sidebar.html").getContent()).toBe("<div>bảng điều khiển</div>");
    expect(() => H.createHtmlOutputFromFile("missing")).toThrow("No HTML file named missing was found.");
    const out = H.createHtmlOutput("a").append("b").appendUntrusted("<c>");
    expect(out.getContent()).toBe("ab&lt;c&gt;");
    expect(out.setContent("z").setTitle("T").setHeight(200).getHeight()).toBe(200);
    expect([out.getTitle(), out.getContent()]).toEqual(["T", "z"]);
    expect(String(H.SandboxMode.IFRAME)).toBe("IFRAME");
  });

  it("templates evaluate scriptlets with assigned variables", () => {
    const env = createGasEnvironment();
    const t = env.globals.HtmlService.createTemplate("<b><?= name ?></b><? for (const x of items) { ?><i><?!= x ?></i><? } ?>");
    t.name = "<Hồ Xá>";
    t.items = ["1", "<2>"];
    expect(t.evaluate().getContent()).toBe("<b>&lt;Hồ Xá&gt;</b><i>1</i><i><2></i>");
  });
});

describe("call counters", () => {
  it("count each call the script makes, per method and per family; internal calls are not counted", () => {
    const env = createGasEnvironment({
      sheets: {
        "Số liệu": [
          ["a", 1],
          ["b", 2],
        ],
      },
    });
    const { SpreadsheetApp, PropertiesService, LockService, Session } = env.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Số liệu")!;
    sheet.getDataRange().getValues();
    sheet.getRange("A1:B2").setValues([
      ["x", 1],
      ["y", 2],
    ]);
    SpreadsheetApp.getActiveSpreadsheet().getRange("'Số liệu'!A1").getValue();
    PropertiesService.getDocumentProperties().getProperty("k");
    LockService.getDocumentLock().tryLock(10);
    Session.getActiveUser().getEmail();
    SpreadsheetApp.getUi().createAddonMenu().addItem("a", "b").addToUi();
    expect(env.calls.get("Range.getValues")).toBe(1);
    expect(env.calls.get("Spreadsheet.getRange")).toBe(1);
    expect(env.calls.get("Sheet.getRange")).toBe(1);
    expect(env.calls.get("SpreadsheetApp.getActiveSpreadsheet")).toBe(2);
    expect(env.count("SpreadsheetApp")).toBe(10); // getUi is a SpreadsheetApp call

    expect(env.count("PropertiesService")).toBe(2);
    expect(env.count("LockService")).toBe(2);
    expect(env.count("Session")).toBe(2);
    expect(env.count("Ui")).toBe(3);
    expect(env.count("HtmlService")).toBe(0);
    expect(env.count("Range.getValues")).toBe(1);
    expect(env.count()).toBe(19);
    env.resetCounts();
    expect(env.count()).toBe(0);
    expect(env.calls.size).toBe(0);
  });
});

describe("authorization mode", () => {
  it("in AuthMode.NONE only the Ui may be used", () => {
    const env = createGasEnvironment({ authMode: "NONE" });
    const ui = env.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem("Mở", "showSidebar").addToUi();
    expect(env.ui.menus).toHaveLength(1);
    expect(() => env.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow("AuthMode.NONE");
    expect(() => env.globals.PropertiesService.getDocumentProperties()).toThrow("AuthMode.NONE");
    env.authMode = "FULL";
    expect(env.globals.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe("Untitled spreadsheet");
  });
});

describe("running in a vm context", () => {
  it("values come in the script's realm: instanceof Date and Error work there", () => {
    const env = createGasEnvironment({ sheets: { S: [[new Date(Date.UTC(2023, 2, 13, 17)), 1]] } });
    const ctx = env.createContext();
    const out = vm.runInContext(
      `(function () {
        var range = SpreadsheetApp.getActiveSheet().getRange("A1:B1");
        var v = range.getValues();
        var err;
        try { range.setValues([[1]]); } catch (e) { err = e; }
        return {
          isDate: v[0][0] instanceof Date,
          isArray: v instanceof Array && v[0] instanceof Array,
          day: v[0][0].getDate(),
          isError: err instanceof Error,
          text: String(err),
        };
      })()`,
      ctx,
    );
    expect(out).toEqual({
      isDate: true,
      isArray: true,
      day: 14,
      isError: true,
      text: "Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    });
  });

  it("accepts Dates made in the script's realm", () => {
    const env = createGasEnvironment();
    const ctx = env.createContext();
    vm.runInContext(`SpreadsheetApp.getActiveSheet().getRange("A1").setValue(new Date(2023, 2, 14))`, ctx);
    expect(env.document.getRange("A1").getDisplayValue()).toBe("14/03/2023");
  });

  it("install() puts the globals on an object and restores it", () => {
    const env = createGasEnvironment();
    const target: Record<string, unknown> = { SpreadsheetApp: "before" };
    const restore = env.install(target);
    expect(target.SpreadsheetApp).toBe(env.globals.SpreadsheetApp);
    expect(target.Session).toBe(env.globals.Session);
    restore();
    expect(target.SpreadsheetApp).toBe("before");
    expect("Session" in target).toBe(false);
    expect("console" in target).toBe(false);
  });
});
