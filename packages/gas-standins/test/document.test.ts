/**
 * The DocumentApp stand-in: a quarterly report built the way the add-on
 * builds it (A4, Times New Roman 13, a borderless header block, title,
 * headings, a 20-row table, a list, a page break), its recorded structure,
 * call counting, Google's rules (the last paragraph, tables followed by a
 * paragraph, closed documents). The .docx round trip and the HTML preview
 * are tested with the tools, in the app's test/document-output.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  type GasEnvironmentOptions,
  type RecordedDocument,
  type RecordedParagraph,
  type RecordedTable,
  createGasEnvironment,
  paragraphText,
} from "../src/index";
import { buildLargeDocument } from "./fixtures/largeDocument";
import { buildReport, MOTTO, NATION, paragraphsOf, SHORTFALL, TABLE_ROWS } from "./fixtures/report";
import { thrown } from "./fixtures/thrown";

/** DocumentApp of a new environment, the documents it records and the environment (its counters). */
function documentApp(options: GasEnvironmentOptions = {}) {
  const env = createGasEnvironment({ processTimeZone: false, ...options });
  return { env, DocumentApp: env.globals.DocumentApp, documents: env.documents };
}

function tablesOf(doc: RecordedDocument): RecordedTable[] {
  return doc.blocks.filter((b): b is RecordedTable => b.kind === "table");
}

function report() {
  const app = documentApp();
  buildReport(app.DocumentApp);
  const doc = app.documents[0];
  if (!doc) throw new Error("no document recorded");
  return { ...app, doc };
}

describe("DocumentApp stand-in: Google's document model", () => {
  it("creates a new document each time, with one empty paragraph, Letter size and a Docs URL", () => {
    const { DocumentApp, documents } = documentApp();
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
    const custom = documentApp({ documentBaseUrl: "http://localhost:8080/doc/" }).DocumentApp.create("x");
    expect(custom.getUrl()).toBe(`http://localhost:8080/doc/${custom.getId()}`);
  });

  it("refuses to remove the last paragraph of the body", () => {
    const { DocumentApp } = documentApp();
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
    const { DocumentApp } = documentApp();
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
    const { DocumentApp } = documentApp();
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
    const cellParagraph = body
      .appendTable([["a"]])
      .getCell(0, 0)
      .getChild(0)
      .asParagraph();
    expect(() => cellParagraph.appendPageBreak()).toThrow(/PageBreak/);
  });

  it("records ranged text styles as runs and reads them back like Apps Script", () => {
    const { DocumentApp, documents } = documentApp();
    const body = DocumentApp.create("x").getBody();
    const p = body.appendParagraph("Hello bold world");
    const text = p.editAsText();
    text.setBold(6, 9, true).setForegroundColor(0, 4, "#FF0000");
    expect(text.isBold(7)).toBe(true);
    expect(text.isBold(0)).toBe(null);
    expect(text.isBold()).toBe(null);
    expect(text.getForegroundColor(0)).toBe("#ff0000");
    expect(text.getTextAttributeIndices()).toEqual([0, 5, 6, 10]);
    const runs = (documents[0]!.blocks[1] as RecordedParagraph).inlines[0];
    expect(runs).toEqual({
      kind: "text",
      runs: [{ text: "Hello", foregroundColor: "#ff0000" }, { text: " " }, { text: "bold", bold: true }, { text: " world" }],
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
    const { DocumentApp } = documentApp();
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

  it("closes the document on saveAndClose: every method of it and its elements throws, its id, name and URL included", () => {
    const { env, DocumentApp, documents } = documentApp();
    const doc = DocumentApp.create("x");
    const id = doc.getId();
    const body = doc.getBody();
    const p = body.appendParagraph("kept");
    const text = p.editAsText();
    const table = body.appendTable([["a"]]);
    doc.saveAndClose();
    expect(documents[0]?.saved).toBe(true);
    const closed = "Exception: Document is closed, its contents cannot be updated.";
    const calls: [string, () => unknown][] = [
      ["Body.appendParagraph", () => body.appendParagraph("no")],
      ["Body.getText", () => body.getText()],
      ["Paragraph.setText", () => p.setText("no")],
      ["Paragraph.getText", () => p.getText()],
      ["Text.setBold", () => text.setBold(true)],
      ["Table.getCell", () => table.getCell(0, 0)],
      ["Document.getBody", () => doc.getBody()],
      ["Document.getId", () => doc.getId()],
      ["Document.getName", () => doc.getName()],
      ["Document.getUrl", () => doc.getUrl()],
      ["Document.setName", () => doc.setName("y")],
      ["Document.saveAndClose", () => doc.saveAndClose()],
    ];
    for (const [name, call] of calls) {
      expect(thrown(call), name).toBe(closed);
      expect(env.count(name), name).toBeGreaterThan(0); // the call counts, as in Apps Script's quotas
    }
    // Nothing changed; the document opens again, and the new opening can be edited.
    const again = DocumentApp.openById(id);
    expect(again.getName()).toBe("x");
    expect(again.getBody().getText()).toBe("\nkept\na\n");
    again.getBody().appendParagraph("more");
    expect(again.getBody().getNumChildren()).toBe(5);
  });

  it("keeps consecutive list items in one list, and supports header and footer", () => {
    const { env, DocumentApp, documents } = documentApp();
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

    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph("Đầu trang");
    doc.addFooter().getChild(0).asParagraph().setText("Trang cuối");
    expect(doc.getHeader().getText()).toBe("\nĐầu trang");
    expect(documents[0]?.footer?.blocks).toHaveLength(1);
    expect(() => doc.addHeader()).toThrow(/header/);
    expect(env.count("HeaderSection.appendParagraph")).toBe(1);
    expect(env.count("FooterSection.getChild")).toBe(1);

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

    // The empty first paragraph (it cannot be removed before a table), made small; the header table; the paragraph after it.
    const [first, header, afterHeader, title, heading, finding, table] = doc.blocks;
    expect(first).toEqual({
      kind: "paragraph",
      heading: "NORMAL",
      list: null,
      mark: { fontFamily: "Times New Roman", fontSize: 1 }, // the Body's font reached it
      inlines: [],
      spacingBefore: 0,
      spacingAfter: 0,
      lineSpacing: 1,
    });
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

    const rest = doc.blocks.slice(7);
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
    const { env } = report();
    const calls = [...env.callsOf("DocumentApp").keys()];
    const count = (name: string) => env.count(name);
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
    // Counted by the environment's one runtime, with the other services.
    expect(env.count("DocumentApp")).toBe([...env.callsOf("DocumentApp").values()].reduce((a, b) => a + b, 0));
    expect(env.count()).toBe(env.count("DocumentApp"));
    expect(env.count("DocumentApp")).toBeGreaterThan(60);
  });

  it("counts exactly the calls of a small script", () => {
    const { env, DocumentApp } = documentApp();
    const body = DocumentApp.create("x").getBody();
    body.appendParagraph("a").editAsText().setBold(true);
    body
      .appendTable([["1", "2"]])
      .getCell(0, 1)
      .setText("b");
    body.getChild(0).asParagraph().removeFromParent();
    const calls = env.callsOf("DocumentApp");
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect([...calls.keys()]).toEqual([
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
});

describe("DocumentApp stand-in: a second large document", () => {
  it("costs the same calls as the first, in one process and one environment", () => {
    const env = createGasEnvironment({ processTimeZone: false });
    const calls = () => {
      env.resetCounts();
      buildLargeDocument(env.globals.DocumentApp, 3000, 300);
      return env.callsOf("DocumentApp");
    };
    const first = calls();
    const second = calls();
    expect(second).toEqual(first);
    expect(env.documents).toHaveLength(2);
    const [a, b] = env.documents;
    expect(b!.blocks.length).toBe(a!.blocks.length);
    const table = b!.blocks.find((x): x is RecordedTable => x.kind === "table" && x.rows.length > 1000);
    expect(table?.rows).toHaveLength(3001);
    // Parents are held on the nodes, not in the data: it stays plain.
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it("and in a second environment", () => {
    const calls = () => {
      const env = createGasEnvironment({ processTimeZone: false });
      buildLargeDocument(env.globals.DocumentApp, 3000, 300);
      return env.callsOf("DocumentApp");
    };
    expect(calls()).toEqual(calls());
  });
});
