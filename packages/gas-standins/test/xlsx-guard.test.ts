/** The size survey that loadXlsx makes before exceljs reads a workbook. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_XLSX_LIMITS, XlsxFormatError, XlsxTooLargeError, loadXlsx, surveyXlsx } from "../src/index";
import { scanWorksheet } from "../src/support/xlsx-guard";
import { numberRows, rawWorkbook, workbookEntries, worksheetXml, zipOf } from "./fixtures/rawXlsx";

const SAMPLE = join(__dirname, "../../../samples/vinh-linh.xlsx");

/** A small workbook as a clerk might save it, plus one cell far away (a stray format, or a value). */
async function withFarCell(address: string, value?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Đơn vị").addRow(["Mã đơn vị", "Tên đơn vị"]);
  const data = wb.addWorksheet("Số liệu");
  data.addRow(["Kỳ báo cáo", "Mã đơn vị", "Nhận trực tuyến"]);
  data.addRow(["2023-Q1", "HOXA", 12]);
  const far = data.getCell(address);
  if (value === undefined) far.style = { font: { bold: true } };
  else far.value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The error loadXlsx rejects with. */
async function refusal(load: Promise<unknown>): Promise<XlsxTooLargeError> {
  const e = await load.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(XlsxTooLargeError);
  return e as XlsxTooLargeError;
}

describe("loadXlsx refuses a sheet past 200,000 rows or 1,000 columns, before exceljs walks it", () => {
  it("one empty, formatted cell at XFD1048576 in a small file", async () => {
    const file = await withFarCell("XFD1048576");
    expect(file.length).toBeLessThan(20_000);
    const e = await refusal(loadXlsx(file));
    expect(e).toBeInstanceOf(XlsxFormatError);
    expect(e).toMatchObject({ kind: "sheet", sheet: "Số liệu", rows: 1_048_576, columns: 16_384, cell: "XFD1048576" });
    expect([e.tooManyRows, e.tooManyColumns]).toEqual([true, true]);
    expect(e.message).toBe(
      'Sheet "Số liệu" of the data reaches row 1048576 and column 16384 (cell XFD1048576), past the limit of 200000 rows and 1000 columns.',
    );
  });

  it("a far cell with a value", async () => {
    const e = await refusal(loadXlsx(await withFarCell("XFD1048576", 0)));
    expect(e).toMatchObject({ sheet: "Số liệu", rows: 1_048_576, columns: 16_384, cell: "XFD1048576" });
  });

  it("1,001 columns (1,000 load)", async () => {
    const e = await refusal(loadXlsx(await withFarCell("ALM2", 1)));
    expect(e).toMatchObject({ sheet: "Số liệu", rows: 2, columns: 1001, cell: "ALM2" });
    expect([e.tooManyRows, e.tooManyColumns]).toEqual([false, true]);
    const ss = await loadXlsx(await withFarCell("ALL2", 1));
    expect(ss.getSheetByName("Số liệu")!.getLastColumn()).toBe(1000);
  });

  it("200,001 rows (the survey lets 200,000 through)", async () => {
    const e = await refusal(loadXlsx(rawWorkbook(numberRows(200_001, 1))));
    expect(e).toMatchObject({ sheet: "Số liệu", rows: 200_001, columns: 1, cell: "A200001" });
    expect([e.tooManyRows, e.tooManyColumns]).toEqual([true, false]);
    const survey = surveyXlsx(rawWorkbook(numberRows(200_000, 1)));
    expect(survey.sheets.map((s) => [s.name, s.rows, s.columns])).toEqual([["Số liệu", 200_000, 1]]);
  });

  it("an empty row element far down counts (exceljs makes the sheet that long)", async () => {
    const e = await refusal(loadXlsx(rawWorkbook('<row r="1"><c r="A1"><v>1</v></c></row><row r="300000" ht="20" customHeight="1"/>')));
    expect(e).toMatchObject({ rows: 300_000, columns: 1, cell: null });
  });

  it("believes the cells, not <dimension>: a small one over a far cell is refused, a huge one over two cells loads", async () => {
    const far = '<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="B900000"><v>2</v></c></row>';
    const e = await refusal(loadXlsx(rawWorkbook(far, { before: '<dimension ref="A1:B2"/>' })));
    expect(e).toMatchObject({ rows: 900_000, cell: "B900000" });
    const ss = await loadXlsx(
      rawWorkbook('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', { before: '<dimension ref="A1:XFD1048576"/>' }),
    );
    expect(ss.getSheets()[0]!.getDataRange().getValues()).toEqual([[1, 2]]);
  });

  it("names the sheet, in a workbook of several", async () => {
    const entries = workbookEntries([
      { name: "Đơn vị", xml: worksheetXml(numberRows(3, 2)) },
      { name: "Chỉ tiêu & mục tiêu", xml: worksheetXml('<row r="1"><c r="ALL1"><v>1</v></c><c r="ALM1" s="1"/></row>') },
    ]);
    const e = await refusal(loadXlsx(zipOf(entries)));
    expect(e).toMatchObject({ sheet: "Chỉ tiêu & mục tiêu", rows: 1, columns: 1001, cell: "ALM1" });
  });

  it("surveys a worksheet part that the workbook does not list (exceljs parses every xl/worksheets/sheetN.xml)", () => {
    const entries = [
      ...workbookEntries([{ name: "Số liệu", xml: worksheetXml(numberRows(2, 2)) }]),
      { name: "xl/worksheets/sheet9.xml", data: worksheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>') },
    ];
    expect(() => surveyXlsx(zipOf(entries))).toThrow(
      'Sheet "xl/worksheets/sheet9.xml" of the data reaches row 1 and column 16384 (cell XFD1)',
    );
  });

  it("takes its limits as options", async () => {
    const book = rawWorkbook(numberRows(11, 4));
    const e = await refusal(loadXlsx(book, { maxRows: 10 }));
    expect(e).toMatchObject({ rows: 11, limits: { maxRows: 10, maxColumns: 1000 } });
    await refusal(loadXlsx(book, { maxColumns: 3 }));
    expect((await loadXlsx(book, { maxRows: 11, maxColumns: 4, name: "x" })).getName()).toBe("x");
    expect(DEFAULT_XLSX_LIMITS).toEqual({ maxRows: 200_000, maxColumns: 1_000, maxExpandedBytes: 500 * 1024 * 1024 });
  });

  it("lets the sample through, with each sheet's extent", async () => {
    const survey = surveyXlsx(readFileSync(SAMPLE));
    expect(survey.sheets.map((s) => s.name)).toEqual(["Đơn vị", "Chỉ tiêu", "Số liệu"]);
    const data = survey.sheets.find((s) => s.name === "Số liệu")!;
    expect([data.rows, data.columns]).toEqual([50, 31]);
    const ss = await loadXlsx(SAMPLE);
    expect(ss.getSheetByName("Số liệu")!.getLastRow()).toBe(50);
  });
});

describe("loadXlsx refuses an archive that expands past 500 MB", () => {
  it("when its directory declares more", async () => {
    const entries = [
      ...workbookEntries([{ name: "Số liệu", xml: worksheetXml(numberRows(2, 2)) }]),
      { name: "xl/media/image1.png", data: Buffer.alloc(10), store: true, declaredSize: 600 * 1024 * 1024 },
    ];
    const e = await refusal(loadXlsx(zipOf(entries)));
    expect(e.kind).toBe("expanded");
    expect(e.sheet).toBeNull();
    expect(e.expandedBytes).toBeGreaterThan(600 * 1024 * 1024);
    expect(e.message).toMatch(/^the data expands to \d+ bytes, past the limit of 524288000\.$/);
  });

  it("against its own limit", async () => {
    const e = await refusal(loadXlsx(readFileSync(SAMPLE), { maxExpandedBytes: 50_000 }));
    expect(e).toMatchObject({ kind: "expanded", limits: { maxExpandedBytes: 50_000 } });
  });

  it("an entry that holds more than it declares is not a readable workbook (and is never inflated past the declared size)", async () => {
    const entries = workbookEntries([{ name: "Số liệu", xml: worksheetXml(numberRows(2_000, 5)) }]);
    entries[entries.length - 1]!.declaredSize = 1_000;
    const e = await loadXlsx(zipOf(entries)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(XlsxFormatError);
    expect(e).not.toBeInstanceOf(XlsxTooLargeError);
    expect((e as Error).message).toBe(
      "the data is not a readable .xlsx workbook (xl/worksheets/sheet1.xml: expands past its declared size).",
    );
  });

  it("reads a zip64 archive (as streaming writers make them)", async () => {
    const ss = await loadXlsx(rawWorkbook(numberRows(3, 2), { zip64: true }));
    expect(ss.getSheets()[0]!.getDataRange().getValues()).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it("a zip cut short is not a readable workbook", async () => {
    const book = rawWorkbook(numberRows(3, 2));
    const e = await loadXlsx(book.subarray(0, book.length - 30)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(XlsxFormatError);
    expect((e as Error).message).toMatch(/no zip directory/);
  });
});

describe("scanWorksheet", () => {
  const scan = (xml: string) => scanWorksheet(Buffer.from(xml, "utf8"));

  it("follows rows and cells written without r, as the format allows", () => {
    const s = scan(worksheetXml("<row><c><v>1</v></c><c><v>2</v></c></row><row/><row><c/><c/><c/></row>"));
    expect([s.rows, s.columns]).toEqual([3, 3]);
  });

  it("reads elements with a namespace prefix, attributes in any order and quotes", () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      "<x:row r='4'><x:c s=\"1\" r='C4'><x:v>1</x:v></x:c></x:row>" +
      "</x:sheetData></x:worksheet>";
    expect(scan(xml)).toMatchObject({ rows: 4, columns: 3, rowCell: "C4", columnCell: "C4" });
  });

  it("is not misled by rich text (<color>, <family>) or columns past the last cell (<cols>)", () => {
    const xml = worksheetXml(
      '<row r="2"><c r="B2" t="inlineStr"><is><r><rPr><color rgb="FFFF0000"/><family val="2"/></rPr><t>Hồ Xá</t></r></is></c></row>',
      '<cols><col min="1" max="16384" width="9"/></cols>',
    );
    expect(scan(xml)).toMatchObject({ rows: 2, columns: 2, emptyFormulaValues: new Set() });
  });

  it("lists the formula cells saved with an empty value, not those saved without one", () => {
    const xml = worksheetXml(
      '<row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><f>1</f></c><c r="C1" s="1"><f>A1</f><v/></c><c r="D1"><f>1</f><v>1</v></c></row>',
    );
    expect(scan(xml).emptyFormulaValues).toEqual(new Set(["A1", "C1"]));
  });

  it("an empty sheet reaches nowhere", () => {
    expect(scan(worksheetXml(""))).toMatchObject({ rows: 0, columns: 0 });
    expect(scan('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')).toMatchObject({
      rows: 0,
      columns: 0,
    });
  });
});
