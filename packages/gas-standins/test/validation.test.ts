/**
 * Data validation as Sheets applies it: enforced on a user's edit
 * (env.userEdit: "reject the input entirely" when setAllowInvalid(false), a
 * warning and an invalid mark otherwise), never on a script's writes (stored,
 * marked invalid); blank cells pass, and a blank checkbox cell is unchecked
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
 */
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironmentOptions } from "../src/index";

const REJECTED_VI = (a1: string) => `Dữ liệu bạn đã nhập vào ô ${a1} vi phạm các quy tắc xác thực dữ liệu được đặt trên ô này.`;

function sheetWith(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ sheets: { "Đơn vị": [["Mã", "Hoạt động", "Tỷ lệ", "Email"]] }, processTimeZone: false, ...options });
  const SA = env.globals.SpreadsheetApp;
  const sheet = env.sheet("Đơn vị");
  return { env, SA, sheet };
}

describe("data validation: a user's edit", () => {
  it("a list that rejects invalid input refuses the value with Sheets' message and keeps the cell; a valid or blank value goes in", () => {
    const { env, SA, sheet } = sheetWith();
    const rule = SA.newDataValidation()
      .requireValueInList(["Có", "Không"])
      .setAllowInvalid(false)
      .setHelpText("Chọn Có hoặc Không")
      .build();
    sheet.getRange("B2:B5").setDataValidation(rule);
    sheet.getRange("B2").setValue("Có");
    env.resetCounts();
    expect(env.userEdit("Đơn vị", "B2", "Khác")).toEqual({
      ok: false,
      cell: "B2",
      reason: "validation",
      message: REJECTED_VI("B2"),
      helpText: "Chọn Có hoặc Không",
    });
    expect(sheet.getRange("B2").getValue()).toBe("Có");
    expect(env.userEdit("Đơn vị", "B3", "Không")).toEqual({ ok: true, cell: "B3", invalid: false });
    expect(env.userEdit("Đơn vị", "B2", "")).toEqual({ ok: true, cell: "B2", invalid: false });
    expect(env.values("'Đơn vị'!B2:B3")).toEqual([[""], ["Không"]]);
    // A user's edit is not a script's call.
    expect(env.count()).toBe(2);
    expect(env.invalidCells("Đơn vị")).toEqual([]);
  });

  it("a script's writes are never refused: stored, and the cell marked invalid", () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("B2:B3").setDataValidation(SA.newDataValidation().requireValueInList(["Có", "Không"]).setAllowInvalid(false).build());
    sheet.getRange("B2:B3").setValues([["Khác"], ["Có"]]);
    expect(sheet.getRange("B2").getValue()).toBe("Khác");
    expect(env.invalidCells("Đơn vị")).toEqual(["B2"]);
  });

  it("a validation that allows invalid input keeps the value and marks it", () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("C2:C9").setDataValidation(SA.newDataValidation().requireNumberBetween(0, 1).build());
    expect(env.userEdit("Đơn vị", "C2", "1,5")).toEqual({ ok: true, cell: "C2", invalid: true }); // 1.5 in the vi_VN locale
    expect(sheet.getRange("C2").getValue()).toBe(1.5);
    expect(env.userEdit("Đơn vị", "C3", "0,25")).toEqual({ ok: true, cell: "C3", invalid: false });
    expect(env.invalidCells("Đơn vị")).toEqual(["C2"]);
  });

  it("numbers, text, dates and a list in a range, each refused or kept as Sheets would", () => {
    const { env, SA, sheet } = sheetWith();
    const strict = () => SA.newDataValidation().setAllowInvalid(false);
    sheet.getRange("C2").setDataValidation(strict().requireNumberBetween(0, 100).build());
    sheet.getRange("D2").setDataValidation(strict().requireTextIsEmail().build());
    sheet.getRange("E2").setDataValidation(strict().withCriteria(SA.DataValidationCriteria.DATE_IS_VALID_DATE, []).build());
    sheet.getRange("F2").setDataValidation(
      strict()
        .withCriteria(SA.DataValidationCriteria.DATE_AFTER, [new Date(Date.UTC(2023, 2, 14, 17))])
        .build(),
    ); // 15/03/2023 in Vietnam
    sheet.getRange("H1:H3").setValues([["HOXA"], ["VINHTHAI"], [""]]);
    sheet.getRange("G2").setDataValidation(strict().requireValueInRange(sheet.getRange("H1:H3")).build());
    sheet.getRange("A2").setDataValidation(strict().requireTextContains("xa").build());
    const edit = (a1: string, v: string) => env.userEdit("Đơn vị", a1, v).ok;
    expect([edit("C2", "150"), edit("C2", "abc"), edit("C2", "50")]).toEqual([false, false, true]);
    expect([edit("D2", "clerk"), edit("D2", "clerk@vinhlinh.gov.vn")]).toEqual([false, true]);
    expect([edit("E2", "hôm qua"), edit("E2", "14/03/2023")]).toEqual([false, true]);
    expect([edit("F2", "15/03/2023"), edit("F2", "16/03/2023")]).toEqual([false, true]);
    expect([edit("G2", "VINHO"), edit("G2", "VINHTHAI")]).toEqual([false, true]);
    expect([edit("A2", "HUYEN"), edit("A2", "HOXA")]).toEqual([false, true]); // "contains" ignores case
    // A formula is not evaluated without a formula engine: it passes.
    expect(edit("C2", "=200")).toBe(true);
  });

  it('checkboxes: a blank cell is unchecked and reads as ""; typing TRUE checks it; anything else is refused when strict', () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("B2:B4").setDataValidation(SA.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    const blank = sheet.getRange("B2");
    expect([blank.getValue(), blank.getDisplayValue(), blank.isChecked()]).toEqual(["", "", false]);
    expect(env.invalidCells("Đơn vị")).toEqual([]);
    expect(env.userEdit("Đơn vị", "B3", "TRUE")).toEqual({ ok: true, cell: "B3", invalid: false });
    expect(sheet.getRange("B3").isChecked()).toBe(true);
    expect(env.userEdit("Đơn vị", "B4", "có").ok).toBe(false);
    // Custom values: the checked value or blank.
    sheet.getRange("B5").setDataValidation(SA.newDataValidation().requireCheckbox("x").setAllowInvalid(false).build());
    expect([env.userEdit("Đơn vị", "B5", "y").ok, env.userEdit("Đơn vị", "B5", "x").ok]).toEqual([false, true]);
    expect(sheet.getRange("B5").isChecked()).toBe(true);
  });

  it("Sheets' message in English for an English-speaking user; one cell only", () => {
    const { env, SA, sheet } = sheetWith({ userLocale: "en" });
    sheet.getRange("B2").setDataValidation(SA.newDataValidation().requireValueInList(["Yes"]).setAllowInvalid(false).build());
    const r = env.userEdit("Đơn vị", "B2", "No");
    expect(r.ok ? "" : r.message).toBe("The data you entered in cell B2 violates the data validation rules set on this cell.");
    expect(() => env.userEdit("Đơn vị", "B2:B3", "x")).toThrow(/not one cell/);
    expect(() => env.userEdit("Nope", "B2", "x")).toThrow(/no sheet/);
  });

  it("respects protections: a user left out of a protection is refused, the owner is not", () => {
    const owner = "owner@quangtri.gov.vn";
    const clerk = "clerk@quangtri.gov.vn";
    const { env, sheet } = sheetWith({ userEmail: owner, editors: [clerk] });
    const p = sheet.getRange("A1:D1").protect();
    p.removeEditors([clerk]);
    expect(env.userEdit("Đơn vị", "A1", "Mã đơn vị")).toEqual({ ok: true, cell: "A1", invalid: false });
    env.setUser(clerk);
    expect(env.userEdit("Đơn vị", "B1", "x")).toEqual({
      ok: false,
      cell: "B1",
      reason: "protected",
      message:
        "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
      helpText: "",
    });
    expect(env.userEdit("Đơn vị", "B2", "x").ok).toBe(true);
    // A warning-only protection: the user confirms the warning, the edit goes in.
    env.setUser(owner);
    p.setWarningOnly(true);
    env.setUser(clerk);
    expect(env.userEdit("Đơn vị", "B1", "x").ok).toBe(true);
  });
});
