/**
 * The DocumentApp stand-in where a script written against it could do
 * something Google's DocumentApp does not: attributes by element type and the
 * document's named styles (https://developers.google.com/apps-script/reference/document/attribute,
 * Body.setHeadingAttributes).
 */
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type RecordedParagraph, type RecordedTable } from "../src/index";
import { thrown } from "./fixtures/thrown";

function documentApp() {
  const env = createGasEnvironment({ processTimeZone: false });
  return { env, DocumentApp: env.globals.DocumentApp, documents: env.documents };
}

describe("DocumentApp stand-in: attributes by element type", () => {
  /** Attributes Google documents "for paragraph elements", and two text attributes. */
  function paragraphAndTextAttributes(DocumentApp: GoogleAppsScript.Document.DocumentApp): Record<string, unknown> {
    const A = DocumentApp.Attribute;
    return {
      [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
      [A.SPACING_BEFORE]: 6,
      [A.SPACING_AFTER]: 6,
      [A.LINE_SPACING]: 1.5,
      [A.INDENT_START]: 10,
      [A.INDENT_FIRST_LINE]: 20,
      [A.INDENT_END]: 5,
      [A.FONT_SIZE]: 9,
      [A.BOLD]: true,
    };
  }

  function unchangedParagraph(p: GoogleAppsScript.Document.Paragraph): void {
    expect(p.getAlignment()).toBeNull();
    expect(p.getSpacingBefore()).toBeNull();
    expect(p.getSpacingAfter()).toBeNull();
    expect(p.getLineSpacing()).toBeNull();
    expect(p.getIndentStart()).toBeNull();
    expect(p.getIndentFirstLine()).toBeNull();
    expect(p.getIndentEnd()).toBeNull();
  }

  it("Table, TableRow and TableCell keep their own attributes and give text attributes to their text, not paragraph ones", () => {
    const { DocumentApp, documents } = documentApp();
    const A = DocumentApp.Attribute;
    const body = DocumentApp.create("x").getBody();
    const table = body.appendTable([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    table.setAttributes({ ...paragraphAndTextAttributes(DocumentApp), [A.BORDER_WIDTH]: 0, [A.BORDER_COLOR]: "#ff0000" });
    table.getRow(1).setAttributes({ ...paragraphAndTextAttributes(DocumentApp), [A.MINIMUM_HEIGHT]: 30, [A.FONT_SIZE]: 10 });
    table.getCell(2, 0).setAttributes({
      ...paragraphAndTextAttributes(DocumentApp),
      [A.PADDING_TOP]: 2,
      [A.VERTICAL_ALIGNMENT]: DocumentApp.VerticalAlignment.CENTER,
      [A.WIDTH]: 100,
      [A.BACKGROUND_COLOR]: "#eeeeee",
      [A.FONT_SIZE]: 12,
    });
    expect([table.getBorderWidth(), table.getBorderColor()]).toEqual([0, "#ff0000"]);
    expect(table.getRow(1).getMinimumHeight()).toBe(30);
    const cell = table.getCell(2, 0);
    expect([cell.getPaddingTop(), String(cell.getVerticalAlignment()), cell.getWidth(), cell.getBackgroundColor()]).toEqual([
      2,
      "CENTER",
      100,
      "#eeeeee",
    ]);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 2; c++) {
        const p = table.getCell(r, c).getChild(0).asParagraph();
        unchangedParagraph(p);
        expect(p.editAsText().isBold()).toBe(true);
      }
    }
    // The text attributes reached the text: the innermost element's last.
    expect(table.getCell(0, 1).editAsText().getFontSize()).toBe(9);
    expect(table.getCell(1, 0).editAsText().getFontSize()).toBe(10);
    expect(table.getCell(2, 0).editAsText().getFontSize()).toBe(12);
    expect(table.getCell(2, 1).editAsText().getFontSize()).toBe(9);
    const recorded = documents[0]!.blocks[1] as RecordedTable;
    const cellParagraph = recorded.rows[0]!.cells[0]!.blocks[0] as RecordedParagraph;
    expect(Object.keys(cellParagraph).sort()).toEqual(["heading", "inlines", "kind", "list", "mark"]);
    // Attributes of another element type are ignored; wrong values of paragraph attributes are still refused.
    expect(table.getAttributes()[A.HORIZONTAL_ALIGNMENT]).toBeNull();
    expect(thrown(() => table.setAttributes({ [A.SPACING_BEFORE]: "6" }))).toBe(
      "Exception: The parameters (String) don't match the method signature for DocumentApp.Table.setAttributes.",
    );
  });

  it("Body, HeaderSection and FooterSection give text attributes to their text, not paragraph ones", () => {
    const { DocumentApp, documents } = documentApp();
    const A = DocumentApp.Attribute;
    const doc = DocumentApp.create("x");
    const body = doc.getBody();
    const p = body.appendParagraph("text");
    const inCell = body
      .appendTable([["cell"]])
      .getCell(0, 0)
      .getChild(0)
      .asParagraph();
    body.setAttributes({ ...paragraphAndTextAttributes(DocumentApp), [A.MARGIN_TOP]: 50 });
    expect(body.getMarginTop()).toBe(50);
    for (const x of [p, inCell, body.getChild(0).asParagraph()]) {
      unchangedParagraph(x);
      expect(x.editAsText().getFontSize()).toBe(9);
    }
    const attrs = body.getAttributes();
    expect([attrs[A.FONT_SIZE], attrs[A.SPACING_BEFORE], attrs[A.HORIZONTAL_ALIGNMENT]]).toEqual([9, null, null]);
    expect(documents[0]!.defaults).toEqual({ fontSize: 9, bold: true });

    const header = doc.addHeader();
    header.setAttributes(paragraphAndTextAttributes(DocumentApp));
    unchangedParagraph(header.getChild(0).asParagraph());
    const footer = doc.addFooter();
    footer.appendParagraph("f");
    footer.setAttributes(paragraphAndTextAttributes(DocumentApp));
    unchangedParagraph(footer.getChild(1).asParagraph());
    expect(footer.getChild(1).asParagraph().editAsText().isBold()).toBe(true);
  });

  it("a Paragraph takes paragraph attributes, and text attributes for its text", () => {
    const { DocumentApp } = documentApp();
    const p = DocumentApp.create("x").getBody().appendParagraph("p");
    p.setAttributes(paragraphAndTextAttributes(DocumentApp));
    expect([String(p.getAlignment()), p.getSpacingBefore(), p.getLineSpacing(), p.getIndentStart(), p.editAsText().getFontSize()]).toEqual([
      "CENTER",
      6,
      1.5,
      10,
      9,
    ]);
  });
});

describe("DocumentApp stand-in: the document's named styles", () => {
  it("Body.setHeadingAttributes sets a named style of the document; getHeadingAttributes reads it", () => {
    const { DocumentApp, documents } = documentApp();
    const A = DocumentApp.Attribute;
    const H = DocumentApp.ParagraphHeading;
    const body = DocumentApp.create("x").getBody();
    const before = body.appendParagraph("before");
    const normal: Record<string, unknown> = {
      [A.FONT_FAMILY]: "Times New Roman",
      [A.FONT_SIZE]: 13,
      [A.SPACING_BEFORE]: 3,
      [A.SPACING_AFTER]: 3,
      [A.LINE_SPACING]: 1.15,
      [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.JUSTIFY,
      [A.BORDER_WIDTH]: 2, // not a text or paragraph attribute: ignored
    };
    expect(body.setHeadingAttributes(H.NORMAL, normal)).toBeDefined();
    body.setHeadingAttributes(H.HEADING1, { [A.FONT_SIZE]: 16, [A.BOLD]: true });
    body.appendParagraph("after");

    expect(documents[0]!.namedStyles).toEqual({
      NORMAL: { fontFamily: "Times New Roman", fontSize: 13, spacingBefore: 3, spacingAfter: 3, lineSpacing: 1.15, alignment: "JUSTIFY" },
      HEADING1: { fontSize: 16, bold: true },
    });
    const read = body.getHeadingAttributes(H.NORMAL);
    expect([
      read[A.FONT_FAMILY],
      read[A.FONT_SIZE],
      read[A.SPACING_BEFORE],
      read[A.LINE_SPACING],
      String(read[A.HORIZONTAL_ALIGNMENT]),
    ]).toEqual(["Times New Roman", 13, 3, 1.15, "JUSTIFY"]);
    expect([read[A.BOLD], read[A.BORDER_WIDTH]]).toEqual([null, null]);
    expect(body.getHeadingAttributes(H.HEADING2)[A.FONT_SIZE]).toBeNull();
    // The paragraphs keep no attributes of their own: they show the named style, before and after the call.
    expect([before.getSpacingBefore(), body.getChild(2).asParagraph().getSpacingBefore()]).toEqual([null, null]);
    // null unsets an attribute of the style.
    body.setHeadingAttributes(H.HEADING1, { [A.BOLD]: null });
    expect(documents[0]!.namedStyles.HEADING1).toEqual({ fontSize: 16 });
    expect(thrown(() => body.setHeadingAttributes("NOPE" as unknown as GoogleAppsScript.Document.ParagraphHeading, {}))).toBe(
      "Exception: The parameters (String) don't match the method signature for DocumentApp.Body.setHeadingAttributes.",
    );
  });
});

describe("DocumentApp stand-in: paragraphs around tables", () => {
  const LAST = "Exception: Can't remove the last paragraph in a document section.";
  const BEFORE_TABLE = /^Exception: Can't remove the paragraph right before a table\./;

  it("a new document holds one empty paragraph; a table appended to it comes between two paragraphs", () => {
    const { DocumentApp, documents } = documentApp();
    const body = DocumentApp.create("x").getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).asParagraph().getText()).toBe("");
    body.appendTable([["a"]]);
    expect([0, 1, 2].map((i) => String(body.getChild(i).getType()))).toEqual(["PARAGRAPH", "TABLE", "PARAGRAPH"]);
    expect(documents[0]!.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    // In a cell too: a table at its end is followed by a paragraph.
    const cell = body.getTables()[0]!.getCell(0, 0);
    cell.appendTable([["inner"]]);
    expect([0, 1, 2].map((i) => String(cell.getChild(i).getType()))).toEqual(["PARAGRAPH", "TABLE", "PARAGRAPH"]);
  });

  it("refuses to remove the paragraph right before a table (the Docs API's rule), and the last paragraph", () => {
    const { DocumentApp } = documentApp();
    const body = DocumentApp.create("x").getBody();
    const first = body.getChild(0).asParagraph();
    const table = body.appendTable([["a"]]);
    const after = body.getChild(2).asParagraph();
    expect(thrown(() => first.removeFromParent())).toMatch(BEFORE_TABLE);
    expect(thrown(() => body.removeChild(first))).toMatch(BEFORE_TABLE);
    expect(thrown(() => after.removeFromParent())).toBe(LAST);
    expect(body.getNumChildren()).toBe(3);
    // A paragraph between two tables is right before the second.
    body.appendParagraph("text");
    body.appendTable([["b"]]);
    expect(body.getNumChildren()).toBe(6);
    expect(thrown(() => body.getChild(3).asParagraph().removeFromParent())).toMatch(BEFORE_TABLE);
    // Once the table is gone, the paragraph before it can go; one after a table can go when it is not the last.
    after.removeFromParent();
    table.removeFromParent();
    first.removeFromParent();
    expect([0, 1, 2].map((i) => String(body.getChild(i).getType()))).toEqual(["PARAGRAPH", "TABLE", "PARAGRAPH"]);
    expect(body.getText()).toBe("text\nb\n");
    // In a cell: a paragraph before a nested table, and the cell's last paragraph.
    const cell = body.getTables()[0]!.getCell(0, 0);
    cell.appendTable([["inner"]]);
    expect(thrown(() => cell.getChild(0).asParagraph().removeFromParent())).toMatch(BEFORE_TABLE);
    expect(thrown(() => cell.getChild(2).asParagraph().removeFromParent())).toBe(
      "Exception: Can't remove the last paragraph in a table cell.",
    );
  });

  it("a list item right before a table is a paragraph too", () => {
    const { DocumentApp } = documentApp();
    const body = DocumentApp.create("x").getBody();
    const item = body.appendListItem("item");
    body.appendTable([["a"]]);
    expect(thrown(() => item.removeFromParent())).toMatch(BEFORE_TABLE);
  });
});
