/**
 * Every action that writes checks what can refuse before its first write and
 * puts back what it replaced when a later write fails (issue 10, SPEC "Menu
 * and sidebar"); Google's English errors reach the user in Vietnamese.
 * Failures are injected with the stand-ins' env.failCall, as a quota, a
 * time-out or "Argument too large" would come from Google.
 */
import { describe, expect, it } from "vitest";
import type { LocalAddon } from "../src/local/runtime";
import type { SetupResult } from "../src/gas/actions";
import { settingsFor } from "../src/core/settings";
import { startAddon } from "../src/local/runtime";
import { disposeAfterEach, refusal, sampleAddon, snapshot } from "./helpers/addon";

const QUOTA = "Service invoked too many times for one day: spreadsheets.";
const OWNER = "owner@example.com";
const CLERK = "clerk@example.com";

const track = disposeAfterEach();

const state = (a: LocalAddon) =>
  JSON.stringify({ sheets: snapshot(a), props: a.env.globals.PropertiesService.getDocumentProperties().getProperties() });

describe("Tô sáng chỉ tiêu chưa đạt is all or nothing", () => {
  it("a user's empty but formatted sheet named Kết quả CCHC is not taken over: refused before any mark", () => {
    const a = track(sampleAddon());
    const mine = a.env.document.insertSheet("Kết quả CCHC");
    mine.getRange("A1:F40").setBackground("#fff2cc").setNumberFormat("0.00");
    const before = state(a);
    const message = refusal(a, "highlightPeriod", "2023-Q1");
    expect(message).toMatch(/Đã có trang "Kết quả CCHC" không do tiện ích tạo/);
    expect(message).toMatch(/chưa thay đổi gì/);
    expect(state(a)).toBe(before);
  });

  it("when the results sheet cannot be written, the previous marks and results stay exactly as they were", () => {
    const a = track(sampleAddon());
    a.call("highlightPeriod", "2022-Q4");
    const before = state(a);
    a.env.failCall("Range.setValues", QUOTA);
    const message = refusal(a, "highlightPeriod", "2023-Q1");
    expect(message).toMatch(/^Chưa tô sáng được: Đã vượt hạn mức sử dụng dịch vụ của Google/);
    expect(message).toContain(`(Google: ${QUOTA})`);
    expect(message).toMatch(/của lần trước được giữ nguyên\.$/);
    expect(state(a)).toBe(before);
    expect(a.env.values("Kết quả CCHC")[0]![0]).toContain("quý IV năm 2022");
  });

  it("when the marks cannot be written on a first run, the new results sheet is removed again", () => {
    const a = track(sampleAddon());
    const before = state(a);
    a.env.failCall("Sheet.setConditionalFormatRules", "Exceeded maximum execution time");
    const message = refusal(a, "highlightPeriod", "2023-Q1");
    expect(message).toMatch(/quá thời gian Google cho phép/);
    expect(a.env.document.getSheetByName("Kết quả CCHC")).toBeNull();
    expect(state(a)).toBe(before);
  });

  it("a Số liệu protected against the user is refused before any write, naming the sheet", () => {
    const a = track(sampleAddon({ ownerEmail: OWNER, userEmail: OWNER }));
    const p = a.env.document.getSheetByName("Số liệu")!.protect();
    p.removeEditors(p.getEditors().map((u) => u.getEmail()));
    // A reviewer (named in settings) whom the owner's own protection leaves out.
    a.env.globals.PropertiesService.getDocumentProperties().setProperty(
      "cchc.settings",
      JSON.stringify({
        ...JSON.parse(a.env.globals.PropertiesService.getDocumentProperties().getProperty("cchc.settings")!),
        reviewers: [CLERK],
      }),
    );
    a.env.setUser(CLERK);
    const before = state(a);
    const message = refusal(a, "highlightPeriod", "2023-Q1");
    expect(message).toMatch(/trang "Số liệu" có vùng được bảo vệ mà bạn không có quyền sửa/);
    expect(a.env.document.getSheetByName("Kết quả CCHC")).toBeNull();
    expect(state(a)).toBe(before);
  });
});

describe("Thiết lập bảng tính", () => {
  it("never changes an existing value-less sheet with formats and validation, and says it left it alone", () => {
    const a = track(startAddon());
    const SA = a.env.globals.SpreadsheetApp;
    const mine = a.env.document.insertSheet("Số liệu");
    mine.getRange("A1:Z1000").setNumberFormat("#,##0").setBackground("#eeeeee");
    mine.getRange("C2:C1000").setDataValidation(SA.newDataValidation().requireNumberBetween(0, 10).build());
    mine.setColumnWidth(3, 77);
    const before = JSON.stringify((snapshot(a) as Record<string, unknown>)["Số liệu"]);
    const r = a.call<SetupResult>("setupSheets");
    expect(r.created).toEqual(["Đơn vị", "Chỉ tiêu"]);
    expect(r.skipped).toEqual(["Số liệu"]);
    expect(r.message).toMatch(/Giữ nguyên trang đã có: "Số liệu"/);
    expect(JSON.stringify((snapshot(a) as Record<string, unknown>)["Số liệu"])).toBe(before);
    expect(mine.getColumnWidth(3)).toBe(77);
    expect(mine.getRange("C2").getDataValidation()!.getCriteriaValues()).toEqual([0, 10]);
  });

  it("a failure half-way removes the sheets it created and puts the previous settings back", () => {
    const a = track(startAddon());
    const before = state(a);
    a.env.failCall("Sheet.setFrozenRows", QUOTA, 1);
    const message = refusal(a, "setupSheets", "tỉnh", "Quảng Trị");
    expect(message).toMatch(/^Chưa thiết lập được: Đã vượt hạn mức/);
    expect(message).toMatch(/Các trang vừa tạo đã được xóa/);
    expect(state(a)).toBe(before);
  });
});

describe("settings: Google's limits in Vietnamese", () => {
  it("recipients over the 9 KB a property holds are refused with the size, before saving", () => {
    const a = track(sampleAddon());
    const before = state(a);
    const recipients = Array.from({ length: 30 }, (_, i) => `Ủy ban nhân dân xã số ${i} ${"ữ".repeat(170)}`);
    const message = refusal(a, "saveSettings", { ...settingsFor("tỉnh", "Quảng Trị"), recipients });
    expect(message).toMatch(/^Thông tin báo cáo dài \d+ byte, quá giới hạn 9 KB/);
    expect(state(a)).toBe(before);
  });

  it("a full property store (500 KB) is explained in Vietnamese, the settings unchanged", () => {
    // Other add-ons' properties fill the store to 200 bytes short of Google's 500 KB.
    const filler: Record<string, string> = {};
    let room = 500 * 1024 - 200;
    for (let i = 0; room > 0; i++) {
      const key = `other.addon.${String(i).padStart(3, "0")}`;
      const size = Math.min(8000, room - key.length);
      filler[key] = "x".repeat(Math.max(0, size));
      room -= key.length + Math.max(0, size);
    }
    const a = track(sampleAddon({ documentProperties: filler }));
    const before = state(a);
    const message = refusal(a, "saveSettings", settingsFor("tỉnh", "Quảng Trị"));
    expect(message).toMatch(/^Kho thông tin của tài liệu đã đầy \(Google cho tối đa 500 KB\)/);
    expect(message).toContain("property storage quota");
    expect(state(a)).toBe(before);
  });

  it("a wrong-shaped settings object gets the Vietnamese field messages, never zod's 'Invalid input'", () => {
    const a = track(sampleAddon());
    const message = refusal(a, "saveSettings", { level: "quận", name: 5, recipients: "Bộ Nội vụ" });
    expect(message).toMatch(/Cấp báo cáo phải là tỉnh, xã hoặc huyện\./);
    expect(message).not.toMatch(/Invalid input/);
  });

  it("an English error from an unexpected place is wrapped in a Vietnamese sentence", () => {
    const a = track(sampleAddon());
    a.env.failCall("Spreadsheet.getSheets", "Something odd happened");
    const message = refusal(a, "validatePeriod", "2023-Q1");
    expect(message).toMatch(/^Thao tác không hoàn thành do lỗi ngoài dự kiến.*Something odd happened$/);
  });
});
