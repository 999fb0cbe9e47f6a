/**
 * The DocumentApp stand-in: a quarterly report built the way the add-on
 * builds it (A4, Times New Roman 13, a borderless header block, title,
 * headings, a 20-row table, a list, a page break), its recorded structure,
 * call counting, Google's rules (the last paragraph, tables followed by a
 * paragraph, closed documents), the .docx round trip and the HTML preview.
 */
import { describe, expect, it } from "vitest";
import {
  type RecordedBlock,
  type RecordedDocument,
  type RecordedParagraph,
  type RecordedTable,
  createDocumentApp,
  paragraphText,
} from "../../src/standins/document";
import { renderHtml } from "../../src/local/document-html";
import { toDocx } from "../../src/local/docx-writer";
import { readDocx } from "../helpers/docx-read";

type DocumentAppT = GoogleAppsScript.Document.DocumentApp;

const A4 = { width: 595.28, height: 841.89 };
const MOTTO = "Độc lập - Tự do - Hạnh phúc";
const NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const SHORTFALL = "Tỷ lệ thanh toán trực tuyến chỉ đạt 5,9% so với mục tiêu 30% trở lên.";
const UNITS = [
  "Thị trấn Hồ Xá", "Thị trấn Cửa Tùng", "Thị trấn Bến Quan", "Xã Vĩnh Thái", "Xã Vĩnh Tú", "Xã Vĩnh Chấp",
  "Xã Vĩnh Giang", "Xã Vĩnh Hòa", "Xã Vĩnh Hiền", "Xã Vĩnh Lâm", "Xã Vĩnh Long", "Xã Vĩnh Sơn", "Xã Vĩnh Thủy",
  "Xã Vĩnh Trung", "Xã Vĩnh Ô", "Xã Vĩnh Khê", "Xã Vĩnh Hà", "Xã Vĩnh Thành",
];
const TABLE_ROWS: string[][] = [
  ["TT", "Đơn vị", "Hồ sơ tiếp nhận", "Tỷ lệ đúng hạn"],
  ...UNITS.map((u, i) => [String(i + 1), u, String(100 + i * 7), `${(90 + (i % 10) / 2).toFixed(1).replace(".", ",")}%`]),
  ["", "Toàn huyện", "2.871", "93,2%"],
];

/** Builds the report exactly as the add-on's code would, against the Apps Script API. */
function buildReport(DocumentApp: DocumentAppT): GoogleAppsScript.Document.Document {
  const doc = DocumentApp.create("Báo cáo CCHC quý I/2023");
  const body = doc.getBody();
  body.setPageWidth(A4.width).setPageHeight(A4.height);
  body.setMarginTop(56.7).setMarginBottom(56.7).setMarginLeft(85).setMarginRight(56.7);
  const style: Record<string, unknown> = {};
  style[DocumentApp.Attribute.FONT_FAMILY] = "Times New Roman";
  style[DocumentApp.Attribute.FONT_SIZE] = 13;
  body.setAttributes(style);

  // Header block: issuing body | national motto, borderless, centered, bold.
  const header = body.appendTable([
    ["UBND HUYỆN VĨNH LINH", NATION],
    ["Số: 15/BC-UBND", MOTTO],
  ]);
  header.setBorderWidth(0);
  header.setColumnWidth(0, 180);
  header.setColumnWidth(1, 273.58);
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      const p = header.getCell(r, c).getChild(0).asParagraph();
      p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      if (!(r === 1 && c === 0)) p.editAsText().setBold(true);
    }
  }
  // The new document's empty first paragraph is no longer the last one: remove it.
  body.getChild(0).asParagraph().removeFromParent();

  const title = body.appendParagraph("BÁO CÁO");
  title.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  title.editAsText().setBold(true).setFontSize(14);

  body.appendParagraph("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU").setHeading(DocumentApp.ParagraphHeading.HEADING2);

  const finding = body.appendParagraph(SHORTFALL);
  finding.setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY).setIndentFirstLine(28.35);
  finding.editAsText().setBold(0, "Tỷ lệ thanh toán trực tuyến".length - 1, true);

  const table = body.appendTable(TABLE_ROWS);
  const head = table.getRow(0);
  for (let c = 0; c < head.getNumCells(); c++) {
    head.getCell(c).setBackgroundColor("#d9d9d9").editAsText().setBold(true);
  }

  body.appendListItem("Xã Vĩnh Thái chưa gửi báo cáo.");
  body.appendListItem("Xã Vĩnh Tú có số liệu không hợp lệ.");
  body.appendPageBreak();
  body.appendParagraph("PHỤ LỤC").setHeading(DocumentApp.ParagraphHeading.HEADING1);
  doc.saveAndClose();
  return doc;
}

function paragraphsOf(blocks: readonly RecordedBlock[]): RecordedParagraph[] {
  const out: RecordedParagraph[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(b);
    else for (const r of b.rows) for (const c of r.cells) out.push(...paragraphsOf(c.blocks));
  }
  return out;
}

function tablesOf(doc: RecordedDocument): RecordedTable[] {
  return doc.blocks.filter((b): b is RecordedTable => b.kind === "table");
}

function report() {
  const calls: string[] = [];
  const app = createDocumentApp({ onCall: (n) => calls.push(n) });
  const handle = buildReport(app.DocumentApp);
  const doc = app.documents[0];
  if (!doc) throw new Error("no document recorded");
  return { ...app, calls, doc, handle };
}

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String(e);
  }
  return "no exception";
}

describe("DocumentApp stand-in: Google's document model", () => {
  it("creates a new document each time, with one empty paragraph, Letter size and a Docs URL", () => {
    const { DocumentApp, documents } = createDocumentApp();
    const a = DocumentApp.create("A");
    const b = DocumentApp.create("A");
    expect(a.getId()).not.toBe(b.getId());
    expect(documents).toHaveLength(2);
    expect(a.getUrl()).toBe(`https://docs.google.com/document/d/${a.getId()}/edit`);
    const body = a.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(String(body.getChild(0).getType())).toBe("PARAGRAPH");
    expect(body.getText()).toBe("");
    expect([body.getPageWidth(), body.getPageHeight(), body.getMarginTop()]).toEqual([612, 792, 72]);
    expect(DocumentApp.openById(a.getId()).getName()).toBe("A");
    expect(DocumentApp.openByUrl(b.getUrl()).getId()).toBe(b.getId());
    expect(thrown(() => DocumentApp.openById("nope"))).toBe(
      "Exception: Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
    const custom = createDocumentApp({ baseUrl: "http://localhost:8080/doc/" }).DocumentApp.create("x");
    expect(custom.getUrl()).toBe(`http://localhost:8080/doc/${custom.getId()}`);
  });

  it("refuses to remove the last paragraph of the body", () => {
    const { DocumentApp } = createDocumentApp();
    const body = DocumentApp.create("x").getBody();
    const only = body.getChild(0).asParagraph();
    expect(thrown(() => only.removeFromParent())).toBe("Exception: Can't remove the last paragraph in a document section.");
    const last = body.appendParagraph("second");
    expect(thrown(() => last.removeFromParent())).toBe("Exception: Can't remove the last paragraph in a document section.");
    expect(thrown(() => body.removeChild(last))).toBe("Exception: Can't remove the last paragraph in a document section.");
    only.removeFromParent();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe("second");
  });

  it("follows a table appended at the end with an empty paragraph, and joins text with newlines", () => {
    const { DocumentApp } = createDocumentApp();
    const body = DocumentApp.create("x").getBody();
    body.appendParagraph("First paragraph.");
    const t = body.appendTable([
      ["R1C1", "R1C2"],
      ["R2C1", "R2C2"],
    ]);
    expect(body.getNumChildren()).toBe(4);
    expect(String(body.getChild(2).getType())).toBe("TABLE");
    expect(String(body.getChild(3).getType())).toBe("PARAGRAPH");
    body.appendListItem("A list item.");
    body.appendParagraph("Final paragraph.");
    // The text Apps Script returns for the same calls.
    expect(body.getText()).toBe("\nFirst paragraph.\nR1C1\nR1C2\nR2C1\nR2C2\n\nA list item.\nFinal paragraph.");
    expect(t.getText()).toBe("R1C1\nR1C2\nR2C1\nR2C2");
    expect(t.getRow(0).getText()).toBe("R1C1\nR1C2");
    expect(t.getCell(1, 1).getText()).toBe("R2C2");
    expect(body.appendTable().getNumRows()).toBe(0);
  });

  it("puts a page break in a paragraph of its own, and refuses one in a table", () => {
    const { DocumentApp } = createDocumentApp();
    const body = DocumentApp.create("x").getBody();
    body.appendParagraph("p1");
    const pb = body.appendPageBreak();
    body.appendParagraph("p2");
    expect(String(pb.getType())).toBe("PAGE_BREAK");
    const holder = pb.getParent().asParagraph();
    expect(String(holder.getType())).toBe("PARAGRAPH");
    expect(holder.getText()).toBe("");
    expect(holder.getNumChildren()).toBe(1);
    expect(body.getNumChildren()).toBe(4);
    expect(body.getText()).toBe("\np1\n\np2");
    const cellParagraph = body.appendTable([["a"]]).getCell(0, 0).getChild(0).asParagraph();
    expect(() => cellParagraph.appendPageBreak()).toThrow(/PageBreak/);
  });

  it("records ranged text styles as runs and reads them back like Apps Script", () => {
    const { DocumentApp, documents } = createDocumentApp();
    const body = DocumentApp.create("x").getBody();
    const p = body.appendParagraph("Hello bold world");
    const text = p.editAsText();
    text.setBold(6, 9, true).setForegroundColor(0, 4, "#FF0000");
    expect(text.isBold(7)).toBe(true);
    expect(text.isBold(0)).toBe(null);
    expect(text.isBold()).toBe(null);
    expect(text.getForegroundColor(0)).toBe("#ff0000");
    expect(text.getTextAttributeIndices()).toEqual([0, 5, 6, 10]);
    const runs = (documents[0]?.blocks[1] as RecordedParagraph).inlines[0];
    expect(runs).toEqual({
      kind: "text",
      runs: [
        { text: "Hello", foregroundColor: "#ff0000" },
        { text: " " },
        { text: "bold", bold: true },
        { text: " world" },
      ],
    });
    // Appended text continues in the style of the last character.
    const tail = body.appendParagraph("x").editAsText();
    tail.setBold(true);
    const more = body.getChild(2).asParagraph().appendText(" y");
    expect(more.isBold()).toBe(true);
    more.setBold(false);
    expect(body.getChild(2).asParagraph().editAsText().getTextAttributeIndices()).toEqual([0, 1]);
    expect(thrown(() => text.setBold(3, 99, true))).toMatch(/^Exception: Invalid argument/);
    // "\n" in a paragraph is a line break.
    expect(body.appendParagraph("a\nb").getText()).toBe("a\rb");
  });

  it("reports wrong argument types the way Apps Script does", () => {
    const { DocumentApp } = createDocumentApp();
    const body = DocumentApp.create("x").getBody();
    const anyBody = body as unknown as { appendParagraph(x: unknown): unknown; appendTable(x: unknown): unknown };
    expect(thrown(() => anyBody.appendParagraph(5))).toBe(
      "Exception: The parameters (number) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
    expect(thrown(() => anyBody.appendTable([[1, 2]]))).toBe(
      "Exception: The parameters (number[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
    const t = body.appendTable([["a", "b"]]);
    expect(() => t.setColumnWidth(2, 10)).toThrow(/Column index/);
    expect(() => t.getCell(0, 5)).toThrow(/Child index \(5\)/);
    expect(() => t.setBorderColor("red")).toThrow(/color/);
  });

  it("closes the document on saveAndClose, except its id, name and URL", () => {
    const { DocumentApp } = createDocumentApp();
    const doc = DocumentApp.create("x");
    const body = doc.getBody();
    const p = body.appendParagraph("kept");
    doc.saveAndClose();
    const closed = "Exception: Document is closed, its contents cannot be updated.";
    expect(thrown(() => body.appendParagraph("no"))).toBe(closed);
    expect(thrown(() => p.setText("no"))).toBe(closed);
    expect(thrown(() => doc.getBody())).toBe(closed);
    expect(doc.getUrl()).toContain(doc.getId());
    const again = DocumentApp.openById(doc.getId()).getBody();
    expect(again.getText()).toBe("\nkept");
    again.appendParagraph("more");
    expect(again.getNumChildren()).toBe(3);
  });

  it("keeps consecutive list items in one list, and supports header and footer", () => {
    const calls: string[] = [];
    const { DocumentApp, documents } = createDocumentApp({ onCall: (n) => calls.push(n) });
    const doc = DocumentApp.create("x");
    const body = doc.getBody();
    const a = body.appendListItem("one").setGlyphType(DocumentApp.GlyphType.NUMBER);
    const b = body.appendListItem("two");
    body.appendParagraph("between");
    const c = body.appendListItem("three");
    expect(b.getListId()).toBe(a.getListId());
    expect(String(b.getGlyphType())).toBe("NUMBER");
    expect(c.getListId()).not.toBe(a.getListId());
    expect(body.getListItems()).toHaveLength(3);
    expect(String(body.getListItems()[0]?.getType())).toBe("LIST_ITEM");
    const html = renderHtml(documents[0]!);
    expect(html).toContain('<span class="glyph">1.</span>');
    expect(html).toContain('<span class="glyph">2.</span>');

    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph("Đầu trang");
    doc.addFooter().getChild(0).asParagraph().setText("Trang cuối");
    expect(doc.getHeader().getText()).toBe("\nĐầu trang");
    expect(documents[0]?.footer?.blocks).toHaveLength(1);
    expect(() => doc.addHeader()).toThrow(/header/);
    expect(calls).toContain("HeaderSection.appendParagraph");
    expect(calls).toContain("FooterSection.getChild");

    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(String(body.getChild(0).getType())).toBe("PARAGRAPH");
    expect(body.getText()).toBe("");
  });
});

describe("DocumentApp stand-in: the quarterly report", () => {
  it("records the report's structure as plain data", () => {
    const { doc } = report();
    expect(doc.name).toBe("Báo cáo CCHC quý I/2023");
    expect(doc.saved).toBe(true);
    expect(doc.page).toEqual({ width: 595.28, height: 841.89, margins: { top: 56.7, bottom: 56.7, left: 85, right: 56.7 } });
    expect(doc.defaults).toEqual({ fontFamily: "Times New Roman", fontSize: 13 });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);

    // Header table (the empty first paragraph was removed), then the paragraph after it.
    const [header, afterHeader, title, heading, finding, table] = doc.blocks;
    expect(header?.kind).toBe("table");
    const h = header as RecordedTable;
    expect(h.borderWidth).toBe(0);
    expect(h.columnWidths).toEqual([180, 273.58]);
    const cell = (r: number, c: number) => h.rows[r]?.cells[c]?.blocks[0] as RecordedParagraph;
    expect(paragraphText(cell(0, 1))).toBe(NATION);
    expect(cell(0, 1).alignment).toBe("CENTER");
    // Appended after body.setAttributes: the body's font and size are defaults, not run attributes.
    expect(cell(0, 1).inlines).toEqual([{ kind: "text", runs: [{ text: NATION, bold: true }] }]);
    expect(paragraphText(cell(1, 1))).toBe(MOTTO);
    expect(cell(1, 0).inlines[0]).toMatchObject({ runs: [{ text: "Số: 15/BC-UBND" }] });
    expect((cell(1, 0).inlines[0] as { runs: { bold?: boolean }[] }).runs[0]?.bold).toBeUndefined();
    expect(afterHeader).toMatchObject({ kind: "paragraph", inlines: [] });

    expect(title).toMatchObject({ kind: "paragraph", heading: "NORMAL", alignment: "CENTER" });
    expect((title as RecordedParagraph).inlines).toEqual([{ kind: "text", runs: [{ text: "BÁO CÁO", bold: true, fontSize: 14 }] }]);
    expect(heading).toMatchObject({ heading: "HEADING2" });
    const f = finding as RecordedParagraph;
    expect(f).toMatchObject({ alignment: "JUSTIFY", indentFirstLine: 28.35 });
    expect(f.inlines[0]).toEqual({
      kind: "text",
      runs: [{ text: "Tỷ lệ thanh toán trực tuyến", bold: true }, { text: SHORTFALL.slice("Tỷ lệ thanh toán trực tuyến".length) }],
    });

    const t = table as RecordedTable;
    expect(t.rows).toHaveLength(20);
    expect(t.rows.map((r) => r.cells.map((c) => paragraphsOf(c.blocks).map(paragraphText).join("\n")))).toEqual(TABLE_ROWS);
    expect(t.rows[0]?.cells.every((c) => c.backgroundColor === "#d9d9d9")).toBe(true);

    const rest = doc.blocks.slice(6);
    expect(rest.map((b) => (b.kind === "paragraph" ? [b.list?.glyphType ?? b.heading, paragraphText(b)] : ["table", ""]))).toEqual([
      ["NORMAL", ""], // follows the appended table
      ["BULLET", "Xã Vĩnh Thái chưa gửi báo cáo."],
      ["BULLET", "Xã Vĩnh Tú có số liệu không hợp lệ."],
      ["NORMAL", ""], // holds the page break
      ["HEADING1", "PHỤ LỤC"],
    ]);
    expect((rest[3] as RecordedParagraph).inlines).toEqual([{ kind: "pageBreak" }]);
    const lists = rest.filter((b): b is RecordedParagraph => b.kind === "paragraph" && b.list !== null);
    expect(new Set(lists.map((l) => l.list?.listId)).size).toBe(1);
    expect(tablesOf(doc)).toHaveLength(2);
  });

  it("counts the script's calls, one per call, never the stand-in's own", () => {
    const { calls } = report();
    const count = (name: string) => calls.filter((c) => c === name).length;
    expect(calls[0]).toBe("DocumentApp.create");
    expect(count("Body.appendTable")).toBe(2);
    expect(count("Body.appendParagraph")).toBe(4);
    expect(count("Body.appendListItem")).toBe(2);
    expect(count("Document.saveAndClose")).toBe(1);
    expect(count("Table.getCell")).toBe(4);
    expect(count("TableRow.getCell")).toBe(4);
    expect(count("TableCell.setBackgroundColor")).toBe(4);
    expect(count("Paragraph.asParagraph")).toBe(5);
    // Building the 20-row table is one call: no row or cell calls behind it.
    expect(calls.some((c) => c.startsWith("Table.appendTableRow") || c.startsWith("TableRow.appendTableCell"))).toBe(false);
    expect(calls.every((c) => /^[A-Za-z]+\.[a-zA-Z]+$/.test(c))).toBe(true);
  });

  it("counts exactly the calls of a small script", () => {
    const calls: string[] = [];
    const { DocumentApp } = createDocumentApp({ onCall: (n) => calls.push(n) });
    const body = DocumentApp.create("x").getBody();
    body.appendParagraph("a").editAsText().setBold(true);
    body.appendTable([["1", "2"]]).getCell(0, 1).setText("b");
    body.getChild(0).asParagraph().removeFromParent();
    expect(calls).toEqual([
      "DocumentApp.create",
      "Document.getBody",
      "Body.appendParagraph",
      "Paragraph.editAsText",
      "Text.setBold",
      "Body.appendTable",
      "Table.getCell",
      "TableCell.setText",
      "Body.getChild",
      "Paragraph.asParagraph",
      "Paragraph.removeFromParent",
    ]);
  });

  it("saves as .docx and reads back the text, tables, fonts, size, page and margins", async () => {
    const { doc } = report();
    const buf = await toDocx(doc);
    expect(buf.subarray(0, 2).toString("latin1")).toBe("PK");
    const read = await readDocx(buf);

    expect(read.text).toContain(NATION);
    expect(read.text).toContain(MOTTO);
    expect(read.text).toContain(SHORTFALL);
    // Every paragraph's text, in order, exactly (diacritics included).
    expect(read.paragraphs.map((p) => p.text)).toEqual(paragraphsOf(doc.blocks).map(paragraphText));
    expect(read.text).toBe(paragraphsOf(doc.blocks).map(paragraphText).join("\n"));

    expect(read.tables).toHaveLength(2);
    expect(read.tables[0]).toEqual([
      ["UBND HUYỆN VĨNH LINH", NATION],
      ["Số: 15/BC-UBND", MOTTO],
    ]);
    expect(read.tables[1]).toEqual(TABLE_ROWS);
    expect(read.tableInfo[0]?.borderless).toBe(true);
    expect(read.tableInfo[1]?.borderless).toBe(false);
    expect(read.tableInfo[0]?.columnWidthsMm.map((w) => Math.round(w * 10) / 10)).toEqual([63.5, 96.5]);

    expect(read.fonts).toEqual(["Times New Roman"]);
    expect(read.defaultFont).toBe("Times New Roman");
    expect(read.defaultSizePt).toBe(13);
    const sizes = new Set(read.paragraphs.flatMap((p) => p.runs.map((r) => r.sizePt)));
    expect([...sizes].sort()).toEqual([13, 14]);

    expect(read.page.widthMm).toBeCloseTo(210, 0);
    expect(Math.abs(read.page.widthMm - 210)).toBeLessThan(0.5);
    expect(Math.abs(read.page.heightMm - 297)).toBeLessThan(0.5);
    expect(Math.abs(read.page.marginsMm.top - 20)).toBeLessThan(0.5);
    expect(Math.abs(read.page.marginsMm.bottom - 20)).toBeLessThan(0.5);
    expect(Math.abs(read.page.marginsMm.left - 30)).toBeLessThan(0.5);
    expect(Math.abs(read.page.marginsMm.right - 20)).toBeLessThan(0.5);

    const byText = (t: string) => read.paragraphs.find((p) => p.text === t);
    expect(byText(NATION)).toMatchObject({ inTable: true, alignment: "center", runs: [{ bold: true, font: "Times New Roman", sizePt: 13 }] });
    expect(byText("Số: 15/BC-UBND")?.runs[0]?.bold).toBeUndefined();
    expect(byText("BÁO CÁO")).toMatchObject({ inTable: false, alignment: "center", runs: [{ text: "BÁO CÁO", bold: true, sizePt: 14 }] });
    expect(byText("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")?.style).toBe("Heading2");
    expect(byText(SHORTFALL)).toMatchObject({
      alignment: "justify",
      runs: [{ text: "Tỷ lệ thanh toán trực tuyến", bold: true }, { text: SHORTFALL.slice(27) }],
    });
    expect(byText(SHORTFALL)?.runs[1]?.bold).toBeUndefined();
    expect(byText("Xã Vĩnh Thái chưa gửi báo cáo.")?.list).toBe(true);
    expect(read.paragraphs.filter((p) => p.pageBreak)).toHaveLength(1);
    expect(byText("PHỤ LỤC")?.style).toBe("Heading1");
  });

  it("renders an escaped, self-contained A4 HTML preview", () => {
    const { DocumentApp, documents } = createDocumentApp();
    const doc = buildReport(DocumentApp);
    const again = DocumentApp.openById(doc.getId());
    again.getBody().appendParagraph("<img src=x onerror=alert(1)>");
    again.setName('Báo cáo <script>alert("x")</script>');
    const html = renderHtml(documents[0]!);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("<title>Báo cáo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>");
    expect(html).toContain("width:595.28pt");
    expect(html).toContain("'Times New Roman'");
    expect(html).toContain(NATION);
    expect(html).toContain(MOTTO);
    expect(html).not.toMatch(/https?:\/\/(?!docs\.google)/); // nothing loaded from elsewhere
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html.match(/<div class="page"/g)).toHaveLength(2); // the page break starts a page
    expect(html).toContain("border:none"); // the header block
  });
});
