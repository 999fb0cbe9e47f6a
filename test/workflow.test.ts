/**
 * The sheet workflow from the built dist/Code.js on the stand-ins: menu,
 * set-up, validation, highlighting, locks, batching.
 */
import { describe, expect, it } from "vitest";
import { startAddon, type LocalAddon } from "../src/local/runtime";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import type { ValidationView } from "../src/core/view";
import type { HighlightResult, SetupResult, SidebarState } from "../src/gas/actions";
import { settingsFor, type ReportSettings } from "../src/core/settings";
import { districtAddon, disposeAfterEach, SPEC_MENU, sampleAddon, snapshot } from "./helpers/addon";

const MARK = '=N("Báo cáo CCHC: chưa đạt mục tiêu")=0';

const track = disposeAfterEach();

describe("menu", () => {
  it("onOpen builds SPEC's add-on menu in AuthMode.NONE, touching nothing but the Ui", () => {
    const addon = track(startAddon({ authMode: "NONE" }));
    addon.call("onOpen", { authMode: "NONE" });
    expect(addon.env.ui.menuCaptions()).toEqual(SPEC_MENU);
    const calls = [...addon.env.calls.keys()];
    expect(calls.every((k) => k === "SpreadsheetApp.getUi" || k.startsWith("Ui.") || k.startsWith("Menu."))).toBe(true);
    expect(addon.env.count("PropertiesService") + addon.env.count("LockService") + addon.env.count("Session")).toBe(0);
  });
  it("onInstall calls onOpen", () => {
    const addon = track(startAddon());
    addon.call("onInstall", { authMode: "FULL" });
    expect(addon.env.ui.menuCaptions()).toEqual(SPEC_MENU);
  });
  it("every menu item names a top-level function of Code.js", () => {
    const addon = track(startAddon());
    addon.call("onOpen");
    const items = addon.env.ui.menus.flatMap((m) => m.items).filter((i) => i.kind === "item") as { functionName: string }[];
    for (const i of items) expect(addon.functions()).toContain(i.functionName);
  });
  it("Mở bảng điều khiển shows the built sidebar; a menu action asks it to run by itself", () => {
    const addon = track(sampleAddon());
    addon.call("showSidebar");
    addon.call("menuValidate");
    const [plain, auto] = addon.env.ui.sidebars;
    expect(plain!.title).toBe("Báo cáo CCHC");
    expect(plain!.content).toContain('data-autorun=""');
    expect(auto!.content).toContain('data-autorun="validate"');
  });
});

describe("Thiết lập bảng tính", () => {
  it("creates the SPEC sheets with headers, frozen row, validation, drop-downs, formats and default targets", () => {
    const addon = track(startAddon());
    const r = addon.call<SetupResult>("setupSheets");
    expect(r.created).toEqual(["Đơn vị", "Chỉ tiêu", "Số liệu"]);
    const data = addon.env.sheet("Số liệu");
    expect(data.getRange(1, 1, 1, SUBMISSION_COLUMNS.length).getValues()[0]).toEqual(SUBMISSION_COLUMNS.map((c) => c.header));
    expect(data.getFrozenRows()).toBe(1);
    const count = data.getRange("D5").getDataValidation()!;
    expect(String(count.getCriteriaType())).toBe("NUMBER_GREATER_THAN_OR_EQUAL_TO");
    expect(count.getCriteriaValues()).toEqual([0]);
    expect(count.getAllowInvalid()).toBe(false);
    expect(String(data.getRange("B9").getDataValidation()!.getCriteriaType())).toBe("VALUE_IN_RANGE");
    expect(String(data.getRange("A9").getDataValidation()!.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(String(addon.env.sheet("Đơn vị").getRange("E3").getDataValidation()!.getCriteriaType())).toBe("CHECKBOX");
    const targets = addon.env.values("Chỉ tiêu");
    expect(targets.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["online_payment_rate", 0.3],
      ["ontime_rate", 1],
      ["apology_rate", 1],
      ["overdue_dossiers", 0],
    ]);
    expect(addon.env.sheet("Chỉ tiêu").getRange("C2").getDisplayValue()).toBe("30%");
    expect(addon.env.sheet("Chỉ tiêu").getRange("C5").getDisplayValue()).toBe("0");
    expect(String(targets[1]![3])).toMatch(/mặc định/);
  });
  it("never changes a sheet that already has data", () => {
    const addon = track(sampleAddon());
    const before = snapshot(addon);
    const r = addon.call<SetupResult>("setupSheets");
    expect(r.created).toEqual([]);
    expect(r.skipped).toEqual(["Đơn vị", "Chỉ tiêu", "Số liệu"]);
    expect(snapshot(addon)).toEqual(before);
  });
  it("from the menu, opens the sidebar on set-up (which asks for the level first); nothing is created before that", () => {
    const addon = track(startAddon());
    addon.call("menuSetup");
    expect(addon.env.ui.sidebars.at(-1)!.content).toContain('data-autorun="setup"');
    expect(addon.env.document.getSheets().map((s) => s.getName())).toEqual(["Trang tính1"]);
  });
  it("set-up with a level saves it with the level's defaults and keeps what the user typed", () => {
    const addon = track(startAddon());
    addon.call("saveSettings", { ...settingsFor("huyện", "Vĩnh Linh"), signerName: "Nguyễn Văn A" });
    const r = addon.call<SetupResult>("setupSheets", "tỉnh", "Quảng Trị");
    expect(r.created).toEqual(["Đơn vị", "Chỉ tiêu", "Số liệu"]);
    const s = addon.call<ReportSettings>("getSettings");
    expect(s).toMatchObject({
      level: "tỉnh",
      name: "Quảng Trị",
      issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
      signerName: "Nguyễn Văn A",
    });
    expect(s.recipients.join(" ")).not.toMatch(/huyện/i);
    expect(() => addon.call("setupSheets", "quận", "X")).toThrow(/Cấp báo cáo "quận" không hợp lệ/);
  });
});

describe("Kiểm tra số liệu", () => {
  it("lists the findings grouped by unit, errors before warnings, and the missing unit", () => {
    const addon = track(sampleAddon());
    const view = addon.call<ValidationView>("validatePeriod", "2023-Q1");
    expect(view.missing).toEqual([{ code: "VINHO", name: "Xã Vĩnh Ô" }]);
    expect(view.errorCount).toBe(3);
    expect(view.warningCount).toBe(2);
    expect(view.groups.map((g) => g.unit)).toEqual(["HOXA", "VINHTU", "VINHHA", "VINHKHE", "VINHO"]);
    expect(view.groups[0]!.findings[0]).toMatchObject({ sheet: "Số liệu", cell: "V27", severity: "error", rule: "signed_le_issued" });
    const payment = view.indicators.find((i) => i.code === "online_payment_rate")!;
    expect(payment).toMatchObject({ valueText: "5,9%", targetText: "≥ 30%", met: false, gapText: "còn thiếu 24,1 điểm %" });
  });
  it("writes nothing into users' cells", () => {
    const addon = track(sampleAddon());
    const before = snapshot(addon);
    addon.env.resetCounts();
    addon.call("validatePeriod", "2023-Q1");
    expect([...addon.env.calls.keys()].filter((k) => /\.(set|insert|clear|delete|protect)/.test(k))).toEqual([]);
    expect(snapshot(addon)).toEqual(before);
  });
  it("a click on a finding selects its cell", () => {
    const addon = track(sampleAddon());
    addon.call("selectCell", "Số liệu", "C27");
    expect(addon.env.document.getActiveSheet().getName()).toBe("Số liệu");
    expect(addon.env.document.getActiveRange()!.getA1Notation()).toBe("C27");
  });
  it("a moved column is found by its header; a missing one is a clear error", () => {
    const addon = track(sampleAddon());
    const sheet = addon.env.sheet("Số liệu");
    sheet.insertColumnBefore(1);
    sheet.getRange("A1").setValue("Ghi chú");
    expect(addon.call<ValidationView>("validatePeriod", "2023-Q1").groups[0]!.findings[0]!.cell).toBe("W27");
    sheet.getRange("E1").setValue("Nhận trực tuyến (cũ)");
    expect(() => addon.call("validatePeriod", "2023-Q1")).toThrow('Trang "Số liệu" thiếu cột "Nhận trực tuyến".');
  });
  it("the sidebar starts on the current period and offers the periods that have rows", () => {
    const addon = track(sampleAddon());
    const state = addon.call<SidebarState>("sidebarState");
    expect(state.periods).toEqual(expect.arrayContaining(["2023-Q1", "2022-Q4", state.currentPeriod]));
    expect(state.currentPeriod).toMatch(/^\d{4}-Q[1-4]$/);
    const empty = track(startAddon());
    expect(empty.call<SidebarState>("sidebarState").notice).toContain('Không tìm thấy trang "Đơn vị"');
  });
});

describe("Tô sáng chỉ tiêu chưa đạt", () => {
  function ours(addon: LocalAddon) {
    return addon.env
      .sheet("Số liệu")
      .getConditionalFormatRules()
      .filter((r) => r.getBooleanCondition()?.getCriteriaValues()[0] === MARK);
  }
  it("marks every unit × indicator below target and writes the add-on's results sheet", () => {
    const addon = track(sampleAddon());
    const r = addon.call<HighlightResult>("highlightPeriod", "2023-Q1");
    expect(r.missedIndicators).toBe(8);
    const rule = ours(addon);
    expect(rule).toHaveLength(1);
    const ranges = rule[0]!.getRanges();
    expect(ranges.reduce((n, x) => n + x.getNumRows() * x.getNumColumns(), 0)).toBe(r.markedCells);
    // Hồ Xá's paid_online (R27): its online payment rate is below 30%; cells one above the other share a range.
    const covers = (a1: string) =>
      ranges.some((x) => {
        const c = addon.env.sheet("Số liệu").getRange(a1);
        return x.getColumn() === c.getColumn() && x.getRow() <= c.getRow() && c.getRow() <= x.getLastRow();
      });
    expect(covers("R27")).toBe(true);
    expect(covers("R26")).toBe(false); // 2022-Q4 rows are not marked for 2023-Q1
    expect(ranges.some((x) => x.getNumRows() > 1)).toBe(true);
    expect(rule[0]!.getBooleanCondition()!.getBackground()).toBe("#f4c7c3");
    const results = addon.env.values("Kết quả CCHC");
    expect(results[1]!.slice(0, 3)).toEqual(["Mã đơn vị", "Tên đơn vị", "Tỷ lệ hồ sơ nộp trực tuyến"]);
    const district = results.find((row) => row[0] === "HUYỆN")!;
    expect(district[4]).toBeCloseTo(0.059, 12);
    expect(addon.env.sheet("Kết quả CCHC").getRange(4, 5).getBackground()).toBe("#f4c7c3");
  });
  it("running it again replaces only its own marks: the user's values, formats and rules survive", () => {
    const addon = track(sampleAddon());
    const sheet = addon.env.sheet("Số liệu");
    const userRule = addon.env.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThan(500)
      .setBackground("#ffff00")
      .setRanges([sheet.getRange("C2:C60")])
      .build();
    sheet.setConditionalFormatRules([userRule]);
    sheet.getRange("Y3").setBackground("#cfe2f3").setNote("ghi chú của người dùng");
    const valuesBefore = addon.env.values("Số liệu");
    addon.call("highlightPeriod", "2023-Q1");
    addon.call("highlightPeriod", "2023-Q1");
    addon.call("highlightPeriod", "2022-Q4");
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    expect(ours(addon)).toHaveLength(1);
    expect(rules.some((r) => r.getBooleanCondition()?.getCriteriaValues()[0] === 500)).toBe(true);
    expect(addon.env.values("Số liệu")).toEqual(valuesBefore);
    expect(sheet.getRange("Y3").getBackground()).toBe("#cfe2f3");
    expect(sheet.getRange("Y3").getNote()).toBe("ghi chú của người dùng");
    expect(addon.env.document.getSheets().filter((s) => s.getName() === "Kết quả CCHC")).toHaveLength(1);
    expect(addon.env.values("Kết quả CCHC")[0]![0]).toContain("quý IV năm 2022");
  });
  it("never takes over a user's sheet that has the results sheet's name", () => {
    const addon = track(sampleAddon());
    addon.env.document.insertSheet("Kết quả CCHC").getRange("A1").setValue("của tôi");
    expect(() => addon.call("highlightPeriod", "2023-Q1")).toThrow(/không do tiện ích tạo/);
    expect(addon.env.values("Kết quả CCHC")).toEqual([["của tôi"]]);
  });
});

describe("locks", () => {
  it.each(["highlightPeriod", "setupSheets"])("%s: a second concurrent run gets a clear message and changes nothing", (fn) => {
    const addon = track(sampleAddon());
    const before = snapshot(addon);
    const release = addon.env.holdDocumentLock();
    expect(() => addon.call(fn, ...(fn === "setupSheets" ? [] : ["2023-Q1"]))).toThrow(
      /đang ghi vào bảng tính này.*chưa có gì bị thay đổi/,
    );
    expect(snapshot(addon)).toEqual(before);
    release();
    addon.call(fn, ...(fn === "setupSheets" ? [] : ["2023-Q1"]));
  });
  it("the lock is released after an action, even a failed one", () => {
    const addon = track(sampleAddon());
    expect(() => addon.call("highlightPeriod", "không phải kỳ")).toThrow(/không đọc được/);
    expect(addon.env.count("Lock.releaseLock")).toBe(1);
    addon.call("highlightPeriod", "2023-Q1");
  });
});

describe("batching: SpreadsheetApp calls do not grow with the number of units", () => {
  const measure = (n: number, fn: string) => {
    const addon = track(districtAddon(n));
    addon.call(fn, "2023-Q1"); // first run creates the results sheet
    addon.env.resetCounts();
    addon.call(fn, "2023-Q1");
    return { total: addon.env.count("SpreadsheetApp"), calls: Object.fromEntries(addon.env.calls) };
  };
  it.each(["validatePeriod", "highlightPeriod"])("%s: the same count for 20 units as for 2,000", (fn) => {
    const small = measure(20, fn);
    const large = measure(2000, fn);
    expect(large.total).toBe(small.total);
    expect(large.calls).toEqual(small.calls);
    // Đơn vị and Số liệu, each read once; highlight also reads its previous results sheet, to put it back if a write fails.
    expect(small.calls["Range.getValues"]).toBe(fn === "highlightPeriod" ? 3 : 2);
  });
});

describe("what would differ in a real Google Sheet", () => {
  it("set-up ticks Hoạt động in the new units sheet and says in the header what a blank means", () => {
    const addon = track(startAddon());
    addon.call("setupSheets");
    const units = addon.env.sheet("Đơn vị");
    const values = units.getRange(2, 5, 5, 1).getValues();
    expect(values).toEqual([[true], [true], [true], [true], [true]]);
    expect(units.getRange(1, 5).getNote()).toMatch(/Ô trống cũng được tính là đang hoạt động/);
  });
  it("the Mã chỉ tiêu drop-down that rejects other input lists every spelling the add-on reads", () => {
    const addon = track(startAddon());
    addon.call("setupSheets");
    const rule = addon.env.sheet("Chỉ tiêu").getRange("A2").getDataValidation()!;
    const allowed = rule.getCriteriaValues()[0] as string[];
    expect(rule.getAllowInvalid()).toBe(false);
    for (const spelling of ["online_payment_rate", "Tỷ lệ thanh toán trực tuyến", "ONLINE_PAYMENT_RATE", "SATISFACTION_RATE"]) {
      expect(allowed).toContain(spelling);
    }
    // A clerk typing the Vietnamese name is accepted, as README says; a made-up code is refused and the cell stays.
    expect(addon.env.userEdit("Chỉ tiêu", "A9", "Tỷ lệ hài lòng").ok).toBe(true);
    const refused = addon.env.userEdit("Chỉ tiêu", "A10", "ty_le_la");
    expect(refused.ok).toBe(false);
    expect(addon.env.sheet("Chỉ tiêu").getRange("A10").getValue()).toBe("");
  });
  it("set-up leaves an existing empty sheet of a single row alone (SPEC: even an empty one) and creates the others", () => {
    const addon = track(startAddon());
    const ss = addon.env.document;
    const one = ss.insertSheet("Số liệu");
    one.deleteRows(2, one.getMaxRows() - 1);
    expect(one.getMaxRows()).toBe(1);
    const r = addon.call<SetupResult>("setupSheets");
    expect(r.created).toEqual(["Đơn vị", "Chỉ tiêu"]);
    expect(r.skipped).toEqual(["Số liệu"]);
    expect(r.message).toContain('Giữ nguyên trang đã có: "Số liệu"');
    expect(addon.env.sheet("Số liệu").getMaxRows()).toBe(1);
  });
  it("the report writes nothing to the spreadsheet, so it does not wait for the document lock", () => {
    const addon = track(sampleAddon());
    const release = addon.env.holdDocumentLock();
    const r = addon.call<{ name: string; url: string; id: string }>("generateReport", "2023-Q1");
    release();
    expect(r.name).toContain("huyện Vĩnh Linh");
    expect(r.id).not.toBe("");
    expect(addon.env.count("LockService")).toBe(0);
  });
  it("the report removes no paragraph (Docs may refuse one before a table) and reads the document before closing it", () => {
    const addon = track(sampleAddon());
    addon.call("generateReport", "2023-Q1");
    expect(addon.env.count("Paragraph.removeFromParent")).toBe(0);
    const calls = [...addon.env.calls.keys()].filter((k) => k.startsWith("Document."));
    const close = calls.indexOf("Document.saveAndClose");
    expect(close).toBeGreaterThan(calls.indexOf("Document.getId"));
  });
});
