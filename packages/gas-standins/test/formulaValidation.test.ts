/**
 * A custom-formula data validation (requireFormulaSatisfied). There is no
 * formula engine, but a constant "=FALSE" is evaluated as Sheets does: with
 * setAllowInvalid(false) it rejects every value a user types into the cell (a
 * cell locked to typing, whatever the protections); any other formula passes.
 */
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../src/index";
import type { GasEnvironmentOptions } from "../src/index";

const REJECTED_VI = (a1: string) => `Dữ liệu bạn đã nhập vào ô ${a1} vi phạm các quy tắc xác thực dữ liệu được đặt trên ô này.`;

function sheetWith(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ sheets: { "Đơn vị": [["Mã", "Trạng thái"]] }, processTimeZone: false, ...options });
  const SA = env.globals.SpreadsheetApp;
  const sheet = SA.getActiveSpreadsheet().getSheetByName("Đơn vị")!;
  return { env, SA, sheet };
}

describe('requireFormulaSatisfied("=FALSE")', () => {
  it("with setAllowInvalid(false) rejects every user edit of the cell, with the help text", () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("B2").setValue("Đã duyệt");
    sheet
      .getRange("B2:B3")
      .setDataValidation(
        SA.newDataValidation().requireFormulaSatisfied("=FALSE").setAllowInvalid(false).setHelpText("Ô do add-on ghi").build(),
      );
    for (const value of ["Chưa duyệt", "Đã duyệt", 0, 1, true, false, "x", new Date(2024, 0, 1)]) {
      expect(env.userEdit("Đơn vị", "B2", value), String(value)).toEqual({
        ok: false,
        cell: "B2",
        reason: "validation",
        message: REJECTED_VI("B2"),
        helpText: "Ô do add-on ghi",
      });
    }
    expect(env.userEdit("Đơn vị", "B3", "x")).toMatchObject({ ok: false, reason: "validation" });
    expect(env.values("'Đơn vị'!B2:B3")).toEqual([["Đã duyệt"], [""]]);
    // The cells around it are free.
    expect(env.userEdit("Đơn vị", "B4", "x")).toEqual({ ok: true, cell: "B4", invalid: false });
    expect(env.userEdit("Đơn vị", "A2", "HOXA")).toEqual({ ok: true, cell: "A2", invalid: false });
  });

  it("without help text, helpText is ''; the message follows the user's locale", () => {
    const { env, SA, sheet } = sheetWith({ userLocale: "en" });
    sheet.getRange("B2").setDataValidation(SA.newDataValidation().requireFormulaSatisfied("=FALSE").setAllowInvalid(false).build());
    expect(env.userEdit("Đơn vị", "B2", "x")).toEqual({
      ok: false,
      cell: "B2",
      reason: "validation",
      message: "The data you entered in cell B2 violates the data validation rules set on this cell.",
      helpText: "",
    });
  });

  it("a formula the user types is rejected once it has a value (evaluateFormula)", () => {
    const { env, SA, sheet } = sheetWith({ evaluateFormula: (f) => (f === "=1+1" ? 2 : undefined) });
    sheet.getRange("B2").setDataValidation(SA.newDataValidation().requireFormulaSatisfied("=FALSE").setAllowInvalid(false).build());
    expect(env.userEdit("Đơn vị", "B2", "=1+1")).toMatchObject({ ok: false, reason: "validation" });
    expect(sheet.getRange("B2").getFormula()).toBe("");
  });

  it("spacing, case and =FALSE() are the same formula", () => {
    const { env, SA, sheet } = sheetWith();
    for (const [a1, formula] of [
      ["B2", "= false"],
      ["B3", "=FALSE()"],
      ["B4", "=False ( )"],
    ]) {
      sheet.getRange(a1!).setDataValidation(SA.newDataValidation().requireFormulaSatisfied(formula!).setAllowInvalid(false).build());
      expect(env.userEdit("Đơn vị", a1!, "x").ok, formula).toBe(false);
    }
  });

  it("clearing the cell (a blank value) passes, as blank cells always do", () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("B2").setValue("cũ");
    sheet.getRange("B2").setDataValidation(SA.newDataValidation().requireFormulaSatisfied("=FALSE").setAllowInvalid(false).build());
    expect(env.userEdit("Đơn vị", "B2", "")).toEqual({ ok: true, cell: "B2", invalid: false });
    expect(env.values("'Đơn vị'!B2")).toEqual([[""]]);
  });

  it("a script's write is stored and the cell marked invalid", () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("B2:B3").setDataValidation(SA.newDataValidation().requireFormulaSatisfied("=FALSE").setAllowInvalid(false).build());
    sheet.getRange("B2").setValue("add-on");
    expect(env.values("'Đơn vị'!B2")).toEqual([["add-on"]]);
    expect(env.invalidCells("Đơn vị")).toEqual(["B2"]);
  });

  it("with setAllowInvalid(true) the value is kept and marked invalid", () => {
    const { env, SA, sheet } = sheetWith();
    sheet.getRange("B2").setDataValidation(SA.newDataValidation().requireFormulaSatisfied("=FALSE").setAllowInvalid(true).build());
    expect(env.userEdit("Đơn vị", "B2", "x")).toEqual({ ok: true, cell: "B2", invalid: true });
    expect(env.invalidCells("Đơn vị")).toEqual(["B2"]);
  });

  it("any other custom formula is not evaluated: it passes", () => {
    const { env, SA, sheet } = sheetWith();
    for (const [a1, formula] of [
      ["B2", "=TRUE"],
      ["B3", "=LEN(B3)<3"],
      ["B4", "=FALSE+0"],
    ]) {
      sheet.getRange(a1!).setDataValidation(SA.newDataValidation().requireFormulaSatisfied(formula!).setAllowInvalid(false).build());
      expect(env.userEdit("Đơn vị", a1!, "a long value"), formula).toEqual({ ok: true, cell: a1, invalid: false });
    }
    expect(env.invalidCells("Đơn vị")).toEqual([]);
  });
});
