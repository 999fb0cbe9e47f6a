/** A1 notation, sheet dimensions and structure, spreadsheet-level operations, rules and protections. */
import { describe, expect, it } from "vitest";
import { columnToLetters, createGasEnvironment, lettersToColumn, parseA1 } from "../src/index";

function setup(options = {}) {
  const env = createGasEnvironment(options);
  const ss = env.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { env, ss, SA: env.globals.SpreadsheetApp };
}

describe("A1 notation", () => {
  it("column letters both ways", () => {
    expect([1, 26, 27, 52, 702, 703].map(columnToLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    expect(["A", "Z", "AA", "ZZ", "aaa"].map(lettersToColumn)).toEqual([1, 26, 27, 702, 703]);
    expect(parseA1("foo")).toBeNull();
    expect(parseA1("A0")).toBeNull();
  });

  it("reads and writes A1 notation", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    const r = sheet.getRange("B2:D5");
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 2, 4, 3, 5, 4]);
    expect(r.getA1Notation()).toBe("B2:D5");
    expect(sheet.getRange(2, 2, 4, 3).getA1Notation()).toBe("B2:D5");
    expect(sheet.getRange(3, 26).getA1Notation()).toBe("Z3");
    expect(sheet.getRange("$B$2:$C$3").getA1Notation()).toBe("B2:C3");
    expect(sheet.getRange("D5:B2").getA1Notation()).toBe("B2:D5");
    expect(sheet.getRange("b2").getA1Notation()).toBe("B2");
    expect(() => sheet.getRange("not a range")).toThrow("Range not found");
  });

  it("whole columns, whole rows and open-ended ranges", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    const col = sheet.getRange("A:A");
    expect([col.getA1Notation(), col.getNumRows(), col.getNumColumns(), col.isEndRowBounded()]).toEqual(["A:A", 1000, 1, false]);
    const rows = sheet.getRange("2:3");
    expect([rows.getA1Notation(), rows.getRow(), rows.getNumRows(), rows.getNumColumns(), rows.isEndColumnBounded()]).toEqual([
      "2:3",
      2,
      2,
      26,
      false,
    ]);
    const open = sheet.getRange("B2:C");
    expect([open.getA1Notation(), open.getNumRows()]).toEqual(["B2:C", 999]);
  });

  it("sheet-qualified ranges on the spreadsheet, quoted names included", () => {
    const { ss } = setup();
    const data = ss.insertSheet("Số liệu");
    ss.insertSheet("It's");
    data.getRange("A1").setValue("x");
    ss.setActiveSheet(ss.getSheets()[0]!);
    const r = ss.getRange("'Số liệu'!A1:C3");
    expect(r.getSheet().getName()).toBe("Số liệu");
    expect(r.getA1Notation()).toBe("A1:C3");
    expect(r.getValue()).toBe("x");
    expect(ss.getRange("'It''s'!B2").getSheet().getName()).toBe("It's");
    expect(ss.getRange("A1").getSheet().getName()).toBe(ss.getActiveSheet().getName());
    expect(() => ss.getRange("'Không có'!A1")).toThrow("Range not found");
  });

  it("offset and getCell", () => {
    const { ss } = setup();
    const r = ss.getActiveSheet().getRange("B2:C3");
    expect(r.offset(1, 1).getA1Notation()).toBe("C3:D4");
    expect(r.offset(0, 0, 1).getA1Notation()).toBe("B2:C2");
    expect(r.offset(-1, -1, 1, 1).getA1Notation()).toBe("A1");
    expect(r.getCell(2, 2).getA1Notation()).toBe("C3");
    expect(() => r.offset(-2, 0)).toThrow("The starting row of the range is too small.");
  });
});

describe("dimensions", () => {
  it("a new sheet is 1000 × 26; outside throws Google's message", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1001, 1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sheet.getRange("AA1")).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow("outside the dimensions");
    expect(() => sheet.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1, 1, 0)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow("The number of columns in the range must be at least 1.");
    expect(() => sheet.getRange(1, 1, -2, 1)).toThrow("The number of rows in the range must be at least 1.");
    // The usual case: the data under a header row, on a sheet holding only the header.
    sheet.getRange("A1:B1").setValues([["Mã", "Tên"]]);
    let error: unknown = null;
    try {
      sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe("Exception: The number of rows in the range must be at least 1.");
    expect(() => sheet.getSheetValues(2, 1, 0, 2)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange("A1").offset(0, 0, 1, 0)).toThrow("The number of columns in the range must be at least 1.");
    sheet.getRange("A1:B1").clearContent();
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe("Z1000");
    expect(() => sheet.getRange(1, undefined as never)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it("inserting and deleting rows and columns grows, shrinks and moves cells", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange("A1:B3").setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange("A1:A5").getValues().flat()).toEqual([1, "", "", 3, 5]);
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange("A1:A3").getValues().flat()).toEqual([1, 3, 5]);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["", 1, 2]]);
    sheet.deleteColumn(1);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[1, 2]]);
    sheet.insertRows(1);
    sheet.insertColumns(2, 3);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1001, 29]);
    expect(sheet.getRange("A2:E2").getValues()).toEqual([[1, "", "", "", 2]]);
    expect(() => sheet.deleteRows(1000, 5)).toThrow("Those rows are out of bounds.");
    expect(() => sheet.deleteColumns(1, 29)).toThrow("You can't delete all the columns on the sheet.");
  });

  it("getLastRow/getLastColumn count content only; getDataRange spans A1 to them", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("Z900").setBackground("#ff0000").setNote("chỉ định dạng");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange("C5").setValue(0);
    sheet.getRange("E2").setFormula("=1");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:E5");
  });

  it("appendRow writes after the last row and grows the sheet when full", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.appendRow(["a", 1]);
    sheet.appendRow(["b", 2]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    sheet.getRange(1000, 1).setValue("last");
    sheet.appendRow(["after"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe("after");
  });

  it("a 2,000 × 30 table costs one small object per cell; a blank sheet none", () => {
    const { env, ss } = setup();
    const sheet = ss.insertSheet("Lớn");
    sheet.insertRowsAfter(1000, 1000);
    sheet.insertColumnsAfter(26, 4);
    const rows = Array.from({ length: 2000 }, (_, r) => Array.from({ length: 30 }, (_, c) => r * 30 + c));
    sheet.getRange(1, 1, 2000, 30).setValues(rows);
    expect(sheet.getDataRange().getValues()).toEqual(rows);
    const blank = env.spreadsheet._sheets[0]!;
    expect(blank._grid.rows.length).toBe(0);
  });
});

describe("sheets", () => {
  it("names, ids, indexes, insert with index, duplicates, delete", () => {
    const { ss } = setup();
    const first = ss.getSheets()[0]!;
    expect(first.getName()).toBe("Trang tính1");
    expect(first.getSheetId()).toBe(0);
    const b = ss.insertSheet("B");
    const a = ss.insertSheet("A", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["A", "Trang tính1", "B"]);
    expect([a.getIndex(), first.getIndex(), b.getIndex()]).toEqual([1, 2, 3]);
    expect(new Set([a, b, first].map((s) => s.getSheetId())).size).toBe(3);
    expect(ss.getSheetById(b.getSheetId())!.getName()).toBe("B");
    expect(ss.getActiveSheet().getName()).toBe("A");
    expect(() => ss.insertSheet("B")).toThrow('A sheet with the name "B" already exists. Please enter another name.');
    expect(() => b.setName("A")).toThrow('A sheet with the name "A" already exists. Please enter another name.');
    expect(ss.getSheetByName("không có")).toBeNull();
    expect(ss.getSheetByName("b")!.getName()).toBe("B");
    b.setName("Bê");
    expect(ss.getSheetByName("Bê")).not.toBeNull();
    ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toContain("Trang tính2");
    ss.deleteSheet(a);
    expect(ss.getNumSheets()).toBe(3);
    expect(ss.getSheetByName("A")).toBeNull();
    for (const s of ss.getSheets().slice(1)) ss.deleteSheet(s);
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow("You can't remove all the sheets in a document.");
  });

  it("template copies cells and sizes", () => {
    const { ss } = setup();
    const t = ss.getActiveSheet();
    t.getRange("A1").setValue("mẫu").setFontWeight("bold");
    t.setColumnWidth(1, 200);
    const copy = ss.insertSheet("Bản sao", { template: t });
    expect(copy.getRange("A1").getValue()).toBe("mẫu");
    expect(copy.getRange("A1").getFontWeight()).toBe("bold");
    expect(copy.getColumnWidth(1)).toBe(200);
    copy.getRange("A1").setValue("khác");
    expect(t.getRange("A1").getValue()).toBe("mẫu");
  });

  it("active sheet, selection, frozen rows, hiding, tab colour, sizes", () => {
    const { ss, SA } = setup();
    const data = ss.insertSheet("Số liệu");
    const other = ss.insertSheet("Khác");
    ss.setActiveSheet(data);
    expect(SA.getActiveSheet().getName()).toBe("Số liệu");
    ss.setActiveRange(data.getRange("C7"));
    expect(ss.getActiveRange()!.getA1Notation()).toBe("C7");
    other.getRange("B2:C3").activate();
    expect(ss.getActiveSheet().getName()).toBe("Khác");
    expect(SA.getActiveRange().getA1Notation()).toBe("B2:C3");
    expect(ss.setActiveSelection("'Số liệu'!F7").getA1Notation()).toBe("F7");
    expect(ss.getActiveSheet().getName()).toBe("Số liệu");
    data.setFrozenRows(2);
    data.setFrozenColumns(1);
    expect([data.getFrozenRows(), data.getFrozenColumns()]).toEqual([2, 1]);
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
    for (const s of ss.getSheets()) if (s.getName() !== "Khác") s.hideSheet();
    expect(() => other.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    data.setTabColor("#FF0000");
    expect(data.getTabColor()).toBe("#ff0000");
    data.setColumnWidths(1, 3, 130);
    expect([data.getColumnWidth(1), data.getColumnWidth(3), data.getColumnWidth(4)]).toEqual([130, 130, 100]);
    data.getRange("A1").setValue("Tên đơn vị rất dài cần nhiều chỗ");
    data.autoResizeColumns(1, 1);
    expect(data.getColumnWidth(1)).toBeGreaterThan(130);
    data.hideColumns(2);
    expect([data.isColumnHiddenByUser(2), data.isColumnHiddenByUser(3)]).toEqual([true, false]);
    data.hideRows(4, 2);
    expect(data.isRowHiddenByUser(5)).toBe(true);
    data.insertRowsBefore(1, 1);
    expect([data.isRowHiddenByUser(5), data.isRowHiddenByUser(6)]).toEqual([true, true]);
  });

  it("clear, clearContents, clearFormats on a sheet", () => {
    const { ss } = setup();
    const s = ss.getActiveSheet();
    s.getRange("A1:B2").setValue(1).setBackground("#00ff00");
    s.clearContents();
    expect(s.getRange("A1").getValue()).toBe("");
    expect(s.getRange("A1").getBackground()).toBe("#00ff00");
    s.getRange("A1").setValue(2);
    s.clearFormats();
    expect([s.getRange("A1").getValue(), s.getRange("A1").getBackground()]).toEqual([2, "#ffffff"]);
    s.clear();
    expect(s.getLastRow()).toBe(0);
  });

  it("range lists", () => {
    const { ss } = setup();
    const s = ss.getActiveSheet();
    const list = s.getRangeList(["A1", "C3:D4"]);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(["A1", "C3:D4"]);
    list.setBackground("#f4c7c3");
    expect(s.getRange("D4").getBackground()).toBe("#f4c7c3");
    expect(s.getRange("B2").getBackground()).toBe("#ffffff");
  });
});

describe("conditional format rules", () => {
  it("round trip: builder, ranges, condition, copy; set replaces all", () => {
    const { ss, SA } = setup();
    const s = ss.getActiveSheet();
    const formula = '=N("Báo cáo CCHC")=0';
    const rule = SA.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground("#F4C7C3")
      .setFontColor("#a50e0e")
      .setBold(true)
      .setRanges([s.getRange("F7"), s.getRange("H2:H4")])
      .build();
    const user = SA.newConditionalFormatRule()
      .whenNumberLessThan(0)
      .setFontColor("red")
      .setRanges([s.getRange("A:A")])
      .build();
    s.setConditionalFormatRules([rule, user]);
    const rules = s.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(["F7", "H2:H4"]);
    const c = rules[0]!.getBooleanCondition()!;
    expect(c.getCriteriaType()).toBe(SA.BooleanCriteria.CUSTOM_FORMULA);
    expect(c.getCriteriaValues()).toEqual([formula]);
    expect([c.getBackground(), c.getFontColor(), c.getBold(), c.getItalic()]).toEqual(["#f4c7c3", "#a50e0e", true, null]);
    const u = rules[1]!.getBooleanCondition()!;
    expect([String(u.getCriteriaType()), u.getCriteriaValues(), u.getFontColor()]).toEqual(["NUMBER_LESS_THAN", [0], "#ff0000"]);
    expect(rules[1]!.getGradientCondition()).toBeNull();
    const gt = SA.newConditionalFormatRule().whenNumberGreaterThan(5).whenTextEqualTo("x").build();
    expect(String(gt.getBooleanCondition()!.getCriteriaType())).toBe("TEXT_EQUAL_TO");
    const copied = rules[0]!.copy().setBackground(null).build();
    expect(copied.getBooleanCondition()!.getBackground()).toBeNull();
    expect(copied.getRanges()).toHaveLength(2);
    s.setConditionalFormatRules(rules.filter((r) => r.getBooleanCondition()!.getCriteriaValues()[0] !== formula));
    expect(s.getConditionalFormatRules()).toHaveLength(1);
    s.clearConditionalFormatRules();
    expect(s.getConditionalFormatRules()).toEqual([]);
  });

  it("rule ranges follow inserted and deleted rows", () => {
    const { ss, SA } = setup();
    const s = ss.getActiveSheet();
    const rule = SA.newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([s.getRange("B5:B6"), s.getRange("C2")])
      .build();
    s.setConditionalFormatRules([rule]);
    s.insertRowsBefore(3, 2);
    expect(
      s
        .getConditionalFormatRules()[0]!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B7:B8", "C2"]);
    s.deleteRow(2);
    expect(
      s
        .getConditionalFormatRules()[0]!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B6:B7"]);
  });
});

describe("protections", () => {
  it("sheet and range protections", () => {
    const { ss, SA } = setup();
    const s = ss.insertSheet("Kết quả");
    const p = s.protect().setWarningOnly(true).setDescription("trang của tiện ích");
    expect([p.isWarningOnly(), p.getDescription(), String(p.getProtectionType())]).toEqual([true, "trang của tiện ích", "SHEET"]);
    expect(p.getRange().getA1Notation()).toBe("A1:Z1000");
    expect(s.getProtections(SA.ProtectionType.SHEET)).toHaveLength(1);
    expect(s.protect().getDescription()).toBe("trang của tiện ích");
    const rp = s.getRange("A1:B2").protect().setDescription("tiêu đề");
    expect(rp.getRange().getA1Notation()).toBe("A1:B2");
    expect(ss.getProtections(SA.ProtectionType.RANGE).map((x) => x.getDescription())).toEqual(["tiêu đề"]);
    expect(rp.getEditors().map((u) => u.getEmail())).toEqual(["user@example.com"]);
    rp.remove();
    p.remove();
    expect(s.getProtections(SA.ProtectionType.RANGE)).toEqual([]);
    expect(s.getProtections(SA.ProtectionType.SHEET)).toEqual([]);
  });
});

describe("spreadsheet", () => {
  it("id, name, url, locale, time zone, toasts", () => {
    const { env, ss } = setup({ id: "abc123", name: "Báo cáo" });
    expect([ss.getId(), ss.getName(), ss.getUrl()]).toEqual(["abc123", "Báo cáo", "https://docs.google.com/spreadsheets/d/abc123/edit"]);
    ss.rename("Mới");
    expect(ss.getName()).toBe("Mới");
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(["vi_VN", "Asia/Ho_Chi_Minh"]);
    ss.toast("Đã xong", "Báo cáo CCHC", 5);
    expect(env.ui.toasts).toEqual([{ message: "Đã xong", title: "Báo cáo CCHC", timeoutSeconds: 5 }]);
    expect(env.globals.SpreadsheetApp.openById("abc123").getName()).toBe("Mới");
    expect(() => env.globals.SpreadsheetApp.openById("other")).toThrow();
  });
});
