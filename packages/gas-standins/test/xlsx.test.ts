/** .xlsx load and save with exceljs. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XlsxFormatError, createGasEnvironment, formulasWithoutValue, fromValues, loadXlsx, saveXlsx } from "../src/index";
import { rawWorkbook, workbookEntries, worksheetXml, zipOf } from "./fixtures/rawXlsx";

/** A workbook as a clerk might export it: dates, percents, formulas, errors, formatting. */
async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Đơn vị");
  units.addRow(["Mã đơn vị", "Tên đơn vị", "Hoạt động"]);
  units.addRow(["HOXA", "Thị trấn Hồ Xá", true]);
  units.addRow(["VINHO", "Xã Vĩnh Ô", false]);
  const data = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  data.addRow(["Kỳ báo cáo", "Ngày nộp", "Tỷ lệ", "Tổng", "Tra cứu", "Ghi chú"]);
  data.addRow([
    "2023-Q1",
    new Date(Date.UTC(2023, 2, 14)),
    0.059,
    10,
    { error: "#N/A" },
    { richText: [{ text: "Hồ " }, { text: "Xá", font: { bold: true } }] },
  ]);
  data.addRow(["2023-Q1", new Date(Date.UTC(2023, 2, 15, 8, 30)), 0.0442, 20, "x", ""]);
  data.getCell("D4").value = { formula: "SUM(D2:D3)", result: 30 };
  data.getCell("E4").value = { formula: "D2/0", result: { error: "#DIV/0!" } };
  data.getCell("B2").numFmt = "dd/mm/yyyy";
  data.getCell("B3").numFmt = "dd/mm/yyyy hh:mm";
  data.getCell("C2").numFmt = "0.0%";
  data.getCell("C3").numFmt = "0.00%";
  data.getCell("D2").numFmt = "#,##0";
  data.getRow(1).font = { bold: true };
  data.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F0FE" } };
  data.getCell("F2").note = "Đã kiểm tra";
  data.getColumn(2).width = 20;
  const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
  hidden.addRow(["bí mật"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("loadXlsx", () => {
  it("reads sheets, values, dates, formulas, errors and formatting", async () => {
    const ss = await loadXlsx(await sampleWorkbook(), { name: "Vĩnh Linh" });
    const env = createGasEnvironment({ spreadsheet: ss });
    const doc = env.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(doc.getName()).toBe("Vĩnh Linh");
    expect(doc.getSheets().map((s) => s.getName())).toEqual(["Đơn vị", "Số liệu", "Ẩn"]);
    expect(doc.getSheetByName("Ẩn")!.isSheetHidden()).toBe(true);
    expect(doc.getSheetByName("Đơn vị")!.getDataRange().getValues()).toEqual([
      ["Mã đơn vị", "Tên đơn vị", "Hoạt động"],
      ["HOXA", "Thị trấn Hồ Xá", true],
      ["VINHO", "Xã Vĩnh Ô", false],
    ]);
    const data = doc.getSheetByName("Số liệu")!;
    expect([data.getMaxRows(), data.getMaxColumns(), data.getLastRow(), data.getLastColumn()]).toEqual([1000, 26, 4, 6]);
    const values = data.getDataRange().getValues();
    const date = values[1]![1] as Date;
    expect(date).toBeInstanceOf(Date);
    // The wall-clock date of the file, in the spreadsheet's time zone.
    expect(date.toISOString()).toBe("2023-03-13T17:00:00.000Z");
    expect(values[1]!.slice(2)).toEqual([0.059, 10, "#N/A", "Hồ Xá"]);
    expect(values[3]!.slice(3, 5)).toEqual([30, "#DIV/0!"]);
    expect(data.getRange("D4:E4").getFormulas()).toEqual([["=SUM(D2:D3)", "=D2/0"]]);
    expect(data.getRange("A2:D3").getDisplayValues()).toEqual([
      ["2023-Q1", "14/03/2023", "5,9%", "10"],
      ["2023-Q1", "15/03/2023 08:30", "4,42%", "20"],
    ]);
    expect(data.getRange("C2").getNumberFormat()).toBe("0.0%");
    expect(data.getFrozenRows()).toBe(1);
    expect(data.getRange("A1").getBackground()).toBe("#e8f0fe");
    expect(data.getRange("A1:B1").getFontWeights()).toEqual([["bold", "bold"]]);
    expect(data.getRange("A2").getFontWeight()).toBe("normal");
    expect(data.getRange("F2").getNote()).toBe("Đã kiểm tra");
    expect(data.getColumnWidth(2)).toBe(145);
  });

  it("reads from a path; the document is named after the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "standins-xlsx-"));
    const path = join(dir, "so-lieu.xlsx");
    writeFileSync(path, await sampleWorkbook());
    const ss = await loadXlsx(path);
    expect(ss.getName()).toBe("so-lieu");
  });

  it("throws XlsxFormatError for what is not an .xlsx workbook", async () => {
    await expect(loadXlsx(Buffer.from("Mã đơn vị,Tên\nHOXA,Hồ Xá\n"))).rejects.toBeInstanceOf(XlsxFormatError);
    await expect(loadXlsx(Buffer.from("PK\u0003\u0004 not really a zip"))).rejects.toBeInstanceOf(XlsxFormatError);
    await expect(loadXlsx(join(tmpdir(), "does-not-exist.xlsx"))).rejects.toThrow(/Cannot read/);
  });
});

describe("loadXlsx: formula cells", () => {
  // The XML as Excel saves it: a formula and, in <v>, the value it last computed.
  const saved =
    '<row r="1"><c r="A1"><v>0</v></c>' +
    '<c r="B1"><f>SUM(A1:A1)</f><v>0</v></c>' +
    '<c r="C1" t="b"><f>A1=1</f><v>0</v></c>' +
    '<c r="D1" t="str"><f>IF(A1=0,"",A1)</f><v></v></c>' +
    '<c r="E1" s="1"><f>A1</f><v/></c>' +
    '<c r="F1"><f>A1+2</f><v>2</v></c>' +
    '<c r="G1" t="str"><f>"x"&amp;A1</f><v>x0</v></c>' +
    '<c r="H1" t="e"><f>1/A1</f><v>#DIV/0!</v></c></row>';

  it("a saved 0 (or FALSE, or empty text) is that value, with the formula kept", async () => {
    const sheet = (await loadXlsx(rawWorkbook(saved))).getSheets()[0]!;
    expect(sheet.getRange("A1:H1").getValues()).toEqual([[0, 0, false, "", "", 2, "x0", "#DIV/0!"]]);
    expect(sheet.getRange("B1:H1").getFormulas()).toEqual([
      ["=SUM(A1:A1)", "=A1=1", '=IF(A1=0,"",A1)', "=A1", "=A1+2", '="x"&A1', "=1/A1"],
    ]);
    expect(sheet.getRange("B1").getDisplayValue()).toBe("0");
    expect(formulasWithoutValue(sheet.getParent())).toEqual([]);
  });

  it("a formula saved without a value keeps its formula, has no value (never a made-up number or [object Object]) and is listed", async () => {
    const data =
      '<row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>SUM(A1:A1)</f></c></row>' +
      '<row r="2"><c r="A2"><v>7</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f></c></row>' +
      '<row r="3"><c r="A3"><v>8</v></c><c r="B3"><f t="shared" si="0"/></c></row>';
    const ss = await loadXlsx(rawWorkbook(data));
    const sheet = ss.getSheets()[0]!;
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[""], [""], [""]]);
    expect(sheet.getRange("B1:B3").getDisplayValues()).toEqual([[""], [""], [""]]);
    expect(sheet.getRange("B1:B3").getFormulas()).toEqual([["=SUM(A1:A1)"], ["=A2*2"], ["=A3*2"]]);
    expect(formulasWithoutValue(ss)).toEqual([
      { sheet: "Số liệu", cell: "B1", formula: "=SUM(A1:A1)" },
      { sheet: "Số liệu", cell: "B2", formula: "=A2*2" },
      { sheet: "Số liệu", cell: "B3", formula: "=A3*2" },
    ]);
  });

  it("a result of 0 written by exceljs survives the trip (exceljs leaves it out of cell.value)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.getCell("A1").value = 0;
    ws.getCell("B1").value = { formula: "A1*10", result: 0 };
    ws.getCell("C1").value = { formula: "A1*10", result: 3 };
    const ss = await loadXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ss.getSheets()[0]!.getRange("A1:C1").getValues()).toEqual([[0, 0, 3]]);
    const again = await loadXlsx(await saveXlsx(ss));
    expect(again.getSheets()[0]!.getRange("A1:C1").getValues()).toEqual([[0, 0, 3]]);
    expect(again.getSheets()[0]!.getRange("B1").getFormula()).toBe("=A1*10");
  });

  it("a formula's number under a hyperlink is that number", async () => {
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const sheet = worksheetXml('<row r="1"><c r="A1"><f>2+3</f><v>5</v></c><c r="B1"><f>1-1</f><v>0</v></c></row>').replace(
      "</sheetData>",
      `</sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1" xmlns:r="${rel}"/><hyperlink ref="B1" r:id="rId1" xmlns:r="${rel}"/></hyperlinks>`,
    );
    const entries = [
      ...workbookEntries([{ name: "Số liệu", xml: sheet }]),
      {
        name: "xl/worksheets/_rels/sheet1.xml.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/hyperlink" Target="https://dichvucong.gov.vn/" TargetMode="External"/></Relationships>`,
      },
    ];
    const ss = await loadXlsx(zipOf(entries));
    expect(ss.getSheets()[0]!.getRange("A1:B1").getValues()).toEqual([[5, 0]]);
  });
});

describe("saveXlsx", () => {
  it("round trip: what the script wrote survives save and load", async () => {
    const env = createGasEnvironment({ spreadsheet: await loadXlsx(await sampleWorkbook()) });
    const doc = env.globals.SpreadsheetApp.getActiveSpreadsheet();
    const results = doc.insertSheet("Kết quả CCHC");
    results
      .getRange("A1:C2")
      .setNumberFormats([
        ["@", "0.0%", "dd/mm/yyyy"],
        ["@", "0.0%", "dd/mm/yyyy"],
      ])
      .setValues([
        ["HUYỆN", 0.059, new Date(Date.UTC(2023, 2, 13, 17))],
        ["007", 0.3, ""],
      ])
      .setBackgrounds([
        ["#f4c7c3", null, null],
        [null, "#d9ead3", null],
      ])
      .setFontWeights([
        ["bold", "normal", "normal"],
        ["normal", "normal", "normal"],
      ]);
    results.getRange("A1").setNote("chú thích");
    results.setFrozenRows(1);
    results.hideSheet();
    doc.setActiveSheet(doc.getSheetByName("Đơn vị")!);

    const again = createGasEnvironment({ spreadsheet: await loadXlsx(await saveXlsx(env.spreadsheet)) });
    const d2 = again.globals.SpreadsheetApp.getActiveSpreadsheet();
    // insertSheet without an index puts the sheet after the active one (here the first).
    expect(d2.getSheets().map((s) => s.getName())).toEqual(["Đơn vị", "Kết quả CCHC", "Số liệu", "Ẩn"]);
    expect(d2.getActiveSheet().getName()).toBe("Đơn vị");
    const r = d2.getSheetByName("Kết quả CCHC")!;
    expect(r.isSheetHidden()).toBe(true);
    expect(r.getFrozenRows()).toBe(1);
    const v = r.getRange("A1:C2").getValues();
    expect(v[0]![0]).toBe("HUYỆN");
    expect(v[1]![0]).toBe("007");
    expect((v[0]![2] as Date).toISOString()).toBe("2023-03-13T17:00:00.000Z");
    expect(r.getRange("A1:C2").getDisplayValues()).toEqual([
      ["HUYỆN", "5,9%", "14/03/2023"],
      ["007", "30,0%", ""],
    ]);
    expect(r.getRange("A1:B2").getBackgrounds()).toEqual([
      ["#f4c7c3", "#ffffff"],
      ["#ffffff", "#d9ead3"],
    ]);
    expect(r.getRange("A1:B1").getFontWeights()).toEqual([["bold", "normal"]]);
    expect(r.getRange("A1").getNote()).toBe("chú thích");
    const data = d2.getSheetByName("Số liệu")!;
    expect(data.getRange("E2").getValue()).toBe("#N/A");
    expect(data.getRange("D4").getFormula()).toBe("=SUM(D2:D3)");
    expect(data.getRange("D4").getValue()).toBe(30);
    expect(data.getRange("E4").getValue()).toBe("#DIV/0!");
  });

  it("fromValues builds a document from arrays", async () => {
    const ss = fromValues({
      "Số liệu": [
        ["Kỳ báo cáo", "Mã đơn vị", "Nhận trực tuyến"],
        ["2023-Q1", "HOXA", 12],
      ],
      "Đơn vị": [["Mã đơn vị"]],
    });
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Số liệu", "Đơn vị"]);
    expect(ss.getActiveSheet().getName()).toBe("Số liệu");
    const back = await loadXlsx(await saveXlsx(ss));
    expect(back.getSheetByName("Số liệu")!.getDataRange().getValues()).toEqual([
      ["Kỳ báo cáo", "Mã đơn vị", "Nhận trực tuyến"],
      ["2023-Q1", "HOXA", 12],
    ]);
  });
});
