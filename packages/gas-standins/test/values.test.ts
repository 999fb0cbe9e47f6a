/** Values, formulas, display values and the Google error messages of Range. */
import { describe, expect, it } from "vitest";
import { createGasEnvironment, fromValues } from "../src/index";

function setup(sheets: Record<string, unknown[][]> = { Data: [] }, options = {}) {
  const env = createGasEnvironment({ sheets, ...options });
  const ss = env.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { env, ss, sheet: ss.getSheets()[0]! };
}

describe("getValues / setValues", () => {
  it("returns the range's shape, with blanks as empty strings", () => {
    const { sheet } = setup();
    sheet.getRange("B2").setValue(7);
    const values = sheet.getRange("A1:C3").getValues();
    expect(values).toEqual([
      ["", "", ""],
      ["", 7, ""],
      ["", "", ""],
    ]);
    expect(
      sheet
        .getRange(1, 1, 2, 4)
        .getValues()
        .map((r) => r.length),
    ).toEqual([4, 4]);
  });

  it("keeps numbers, booleans and text; null and undefined clear the cell", () => {
    const { sheet } = setup();
    sheet.getRange("A1:E1").setValues([[1.5, true, "chữ", null, undefined]]);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([[1.5, true, "chữ", "", ""]]);
    sheet.getRange("A1").setValue(null);
    expect(sheet.getRange("A1").getValue()).toBe("");
    expect(sheet.getRange("A1").isBlank()).toBe(true);
  });

  it("interprets strings as typed input in the vi_VN locale", () => {
    const { sheet } = setup();
    sheet.getRange("A1:H1").setValues([["12", "1.234", "5,9", "5,9%", "TRUE", "'12", "1.5", "HOXA"]]);
    expect(sheet.getRange("A1:H1").getValues()).toEqual([[12, 1234, 5.9, 0.059, true, "12", "1.5", "HOXA"]]);
    expect(sheet.getRange("D1").getNumberFormat()).toBe("0.00%");
  });

  it("keeps strings as text in plain-text (@) cells", () => {
    const { sheet } = setup();
    sheet
      .getRange("A1:B1")
      .setNumberFormat("@")
      .setValues([["12", "=1+1"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["12", "=1+1"]]);
    expect(sheet.getRange("B1").getFormula()).toBe("");
  });

  it("stores dates as date-formatted serials and returns fresh Date copies", () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2023, 2, 13, 17)); // 14/03/2023 00:00 in Asia/Ho_Chi_Minh
    sheet.getRange("A1").setValue(d);
    const a = sheet.getRange("A1").getValue() as Date;
    const b = sheet.getRange("A1").getValue() as Date;
    expect(a).toBeInstanceOf(Date);
    expect(a.getTime()).toBe(d.getTime());
    expect(a).not.toBe(b);
    a.setFullYear(1999);
    expect((sheet.getRange("A1").getValue() as Date).getTime()).toBe(d.getTime());
    expect(sheet.getRange("A1").getNumberFormat()).toBe("dd/MM/yyyy");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("14/03/2023");
    // As in Sheets, the number format decides: a plain number format shows the serial.
    sheet.getRange("A1").setNumberFormat("0");
    expect(sheet.getRange("A1").getValue()).toBe(44999);
    sheet.getRange("A1").setNumberFormat("dd/mm/yyyy");
    expect((sheet.getRange("A1").getValue() as Date).getTime()).toBe(d.getTime());
  });

  it("parses typed dates in the locale (day first in vi_VN) and ISO", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([["14/03/2023", "2023-03-15"]]);
    const [a, b] = sheet.getRange("A1:B1").getDisplayValues()[0]!;
    expect([a, b]).toEqual(["14/03/2023", "15/03/2023"]);
    expect(sheet.getRange("A1").getValue()).toBeInstanceOf(Date);
  });

  it("setValue fills every cell of the range", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B2").setValue("x");
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
  });

  it("throws Google's messages when the data's shape does not match", () => {
    const { sheet } = setup();
    const range = sheet.getRange("A1:B2");
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow("The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.");
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow("The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.");
    expect(() => range.setBackgrounds([["#ff0000"]])).toThrow("The data has 1 but the range has 2.");
    expect(() => range.setNumberFormats([["0"], ["0"]])).toThrow("number of columns in the data");
    expect(() => range.setNotes([["a", "b"]])).toThrow("The number of rows in the data");
    expect(() => range.setFontWeights([["bold", "bold"]])).toThrow("The number of rows in the data");
    expect(() => range.setDataValidations([[null]])).toThrow("The number of rows in the data");
    expect(() => range.setFormulas([["=1"]])).toThrow("The number of rows in the data");
    expect(() => range.setValues("x" as never)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it("errors read as Apps Script exceptions: name Exception, String(e) starts with 'Exception: '", () => {
    const { sheet } = setup();
    let caught: unknown;
    try {
      sheet.getRange(0, 1);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe("Exception");
    expect((caught as Error).message).toBe("The starting row of the range is too small.");
    expect(String(caught)).toBe("Exception: The starting row of the range is too small.");
  });

  it("nothing written outside the range; nothing stored for blanks", () => {
    const { env, sheet } = setup();
    sheet.getRange("C3:D4").setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange("B2:E5").getValues()).toEqual([
      ["", "", "", ""],
      ["", 1, 2, ""],
      ["", 3, 4, ""],
      ["", "", "", ""],
    ]);
    sheet.getRange("C3:D4").clearContent();
    const rows = env.spreadsheet._sheets[0]!._grid.rows;
    expect(rows.every((r) => !r || r.every((c) => c === undefined))).toBe(true);
  });
});

describe("formulas", () => {
  it("stores the formula; its value is the last value, blank when none", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setFormula("=SUM(B1:B3)");
    expect(sheet.getRange("A1").getFormula()).toBe("=SUM(B1:B3)");
    expect(sheet.getRange("A1").getValue()).toBe("");
    sheet.getRange("A2").setValue("=ONLINE_RATE(B2, C2)");
    expect(sheet.getRange("A2").getFormula()).toBe("=ONLINE_RATE(B2, C2)");
    expect(sheet.getRange("A1:A3").getFormulas()).toEqual([["=SUM(B1:B3)"], ["=ONLINE_RATE(B2, C2)"], [""]]);
    sheet.getRange("A1").setValue(5);
    expect(sheet.getRange("A1").getFormula()).toBe("");
    expect(sheet.getRange("A1").getValue()).toBe(5);
  });

  it("an evaluateFormula hook gives formulas their values", () => {
    const { sheet } = setup({ Data: [] }, { evaluateFormula: (f: string) => (f === "=1+1" ? 2 : undefined) });
    sheet.getRange("A1:B1").setFormulas([["=1+1", "=X()"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[2, ""]]);
  });
});

describe("display values", () => {
  const cases: [unknown, string | null, string][] = [
    [1234, "#,##0", "1.234"],
    [1234567.891, "#,##0.00", "1.234.567,89"],
    [0.059, "0.0%", "5,9%"],
    [0.0442, "0.00%", "4,42%"],
    [0.3, "0%", "30%"],
    [1234.5, "0", "1235"],
    [2.5, "0.00", "2,50"],
    [1234.5, null, "1234,5"],
    [0.1 + 0.2, null, "0,3"],
    [-1234, "#,##0", "-1.234"],
    [-0.001, "0", "0"],
    [true, null, "TRUE"],
    [false, "0", "FALSE"],
    ["HOXA", "0.0%", "HOXA"],
    [12, "@", "12"],
    [5, '0" hồ sơ"', "5 hồ sơ"],
    [-5, "0;(0)", "(5)"],
    [0, '0;-0;"không"', "không"],
    [1234.5, "0.00E+00", "1,23E+03"],
    [1e15, null, "1E+15"],
    [1500000, "#,##0,", "1.500"],
  ];
  it.each(cases)("%s with %s shows %s", (value, format, shown) => {
    const { sheet } = setup();
    const cell = sheet.getRange("A1");
    if (format !== null) cell.setNumberFormat(format);
    cell.setValue(value);
    expect(cell.getDisplayValue()).toBe(shown);
  });

  it("uses the spreadsheet locale", () => {
    const { ss, sheet } = setup();
    sheet
      .getRange("A1:B1")
      .setNumberFormats([["#,##0.0", "0.0%"]])
      .setValues([[1234.5, 0.059]]);
    expect(sheet.getRange("A1:B1").getDisplayValues()).toEqual([["1.234,5", "5,9%"]]);
    ss.setSpreadsheetLocale("en_US");
    expect(ss.getSpreadsheetLocale()).toBe("en_US");
    expect(sheet.getRange("A1:B1").getDisplayValues()).toEqual([["1,234.5", "5.9%"]]);
  });

  it("formats dates and times", () => {
    const { sheet } = setup();
    const cell = sheet.getRange("A1");
    cell.setValue("14/03/2023 08:05:09");
    expect(cell.getNumberFormat()).toBe("dd/MM/yyyy HH:mm:ss");
    expect(cell.getDisplayValue()).toBe("14/03/2023 08:05:09");
    cell.setNumberFormat("d/m/yy h:mm AM/PM");
    expect(cell.getDisplayValue()).toBe("14/3/23 8:05 AM");
    cell.setNumberFormat("yyyy-mm-dd");
    expect(cell.getDisplayValue()).toBe("2023-03-14");
  });

  it("shows error values and blanks as they are", () => {
    const ss = fromValues({ S: [["#N/A", ""]] });
    const env = createGasEnvironment({ spreadsheet: ss });
    expect(env.document.getRange("A1:B1").getDisplayValues()).toEqual([["#N/A", ""]]);
  });
});

describe("formats, notes and validations", () => {
  it("backgrounds default to white; null resets; colours are normalized", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    expect(r.getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    r.setBackgrounds([["#F00", "red"]]);
    expect(r.getBackgrounds()).toEqual([["#ff0000", "#ff0000"]]);
    r.setBackground(null);
    expect(r.getBackground()).toBe("#ffffff");
  });

  it("font weight, colour, size, wrap, alignment, notes", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B2");
    r.setFontWeight("bold").setFontColor("#a50e0e").setFontSize(12).setWrap(true).setHorizontalAlignment("center").setNote("ghi chú");
    expect(r.getFontWeights()).toEqual([
      ["bold", "bold"],
      ["bold", "bold"],
    ]);
    expect(r.getFontColors()[1]![1]).toBe("#a50e0e");
    expect(r.getFontSize()).toBe(12);
    expect(r.getWraps()).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(r.getHorizontalAlignment()).toBe("center");
    expect(r.getNotes()).toEqual([
      ["ghi chú", "ghi chú"],
      ["ghi chú", "ghi chú"],
    ]);
    r.setFontWeights([
      ["normal", "bold"],
      [null, "bold"],
    ]);
    expect(r.getFontWeights()).toEqual([
      ["normal", "bold"],
      ["normal", "bold"],
    ]);
    r.clearFormat();
    expect(r.getFontWeight()).toBe("normal");
    expect(r.getNumberFormat()).toBe("0.###############");
    expect(r.getNote()).toBe("ghi chú");
    r.clearNote();
    expect(r.getNote()).toBe("");
  });

  it("clear() removes contents and formats; clear({contentsOnly}) only contents", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1");
    r.setValue(1).setBackground("#ff0000");
    r.clear({ contentsOnly: true });
    expect([r.getValue(), r.getBackground()]).toEqual(["", "#ff0000"]);
    r.setValue(2);
    r.clear();
    expect([r.getValue(), r.getBackground()]).toEqual(["", "#ffffff"]);
  });

  it("data validations: builder, criteria and values, per cell", () => {
    const { env, sheet } = setup();
    const SA = env.globals.SpreadsheetApp;
    const list = SA.newDataValidation().requireValueInList(["Xã", "Thị trấn", "Phòng ban"], true).setAllowInvalid(false).build();
    const nonNegative = SA.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setHelpText("Nhập số không âm").build();
    sheet.getRange("A2:A5").setDataValidation(list);
    sheet.getRange("B2:B5").setDataValidation(nonNegative);
    const dv = sheet.getRange("A3").getDataValidation()!;
    expect(dv.getCriteriaType()).toBe(SA.DataValidationCriteria.VALUE_IN_LIST);
    expect(dv.getCriteriaValues()).toEqual([["Xã", "Thị trấn", "Phòng ban"], true]);
    expect(dv.getAllowInvalid()).toBe(false);
    const nn = sheet.getRange("B5").getDataValidation()!;
    expect(String(nn.getCriteriaType())).toBe("NUMBER_GREATER_THAN_OR_EQUAL_TO");
    expect(nn.getCriteriaValues()).toEqual([0]);
    expect(nn.getHelpText()).toBe("Nhập số không âm");
    expect(nn.getAllowInvalid()).toBe(true);
    expect(sheet.getRange("A1").getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange("A1:B2")
        .getDataValidations()
        .map((r) => r.map((v) => (v ? String(v.getCriteriaType()) : null))),
    ).toEqual([
      [null, null],
      ["VALUE_IN_LIST", "NUMBER_GREATER_THAN_OR_EQUAL_TO"],
    ]);
    const inRange = SA.newDataValidation().requireValueInRange(sheet.getRange("A2:A5")).build();
    expect((inRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe("A2:A5");
    expect(() => SA.newDataValidation().build()).toThrow();
    const copy = nn.copy().requireNumberBetween(0, 10).build();
    expect(copy.getCriteriaValues()).toEqual([0, 10]);
    expect(copy.getHelpText()).toBe("Nhập số không âm");
    sheet.getRange("A2:B5").clearDataValidations();
    expect(sheet.getRange("A3").getDataValidation()).toBeNull();
  });

  it("checkboxes: insertCheckboxes sets FALSE; check/uncheck/isChecked", () => {
    const { env, sheet } = setup();
    const r = sheet.getRange("E2:E3");
    r.insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(String(r.getDataValidation()!.getCriteriaType())).toBe("CHECKBOX");
    expect(r.isChecked()).toBe(false);
    sheet.getRange("E2").check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
    expect(sheet.getRange("E2").getDisplayValue()).toBe("TRUE");
    r.removeCheckboxes();
    expect(r.getValues()).toEqual([[""], [""]]);
    const cb = env.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    expect(cb.getCriteriaValues()).toEqual([]);
  });
});
