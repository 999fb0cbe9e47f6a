/**
 * The tools that turn a document recorded by the DocumentApp stand-in into a
 * file or a page: the .docx writer (read back with the test reader) and the
 * HTML preview, on the quarterly report fixture of the stand-ins' tests.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { createGasEnvironment, paragraphText } from "@cchc/gas-standins";
import { renderHtml } from "../src/local/render/document-html";
import { toDocx } from "../src/local/render/docx-writer";
import { readDocx } from "./helpers/docx-read";
import { buildReport, MOTTO, NATION, paragraphsOf, SHORTFALL, TABLE_ROWS } from "../packages/gas-standins/test/fixtures/report";

function report() {
  const env = createGasEnvironment({ processTimeZone: false });
  const DocumentApp = env.globals.DocumentApp;
  buildReport(DocumentApp);
  return { DocumentApp, documents: env.documents, doc: env.documents[0]! };
}

describe("the recorded report as .docx and as HTML", () => {
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
    expect(byText(NATION)).toMatchObject({
      inTable: true,
      alignment: "center",
      runs: [{ bold: true, font: "Times New Roman", sizePt: 13 }],
    });
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
    const { DocumentApp, documents, doc } = report();
    const again = DocumentApp.openById(doc.id);
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
  it("numbers list items in the HTML preview", () => {
    const { DocumentApp, documents } = report();
    const body = DocumentApp.create("x").getBody();
    body.appendListItem("one").setGlyphType(DocumentApp.GlyphType.NUMBER);
    body.appendListItem("two");
    const html = renderHtml(documents[1]!);
    expect(html).toContain('<span class="glyph">1.</span>');
    expect(html).toContain('<span class="glyph">2.</span>');
  });

  it("lays paragraphs out with the document's own Normal text (Body.setHeadingAttributes), in the .docx and the HTML", async () => {
    const env = createGasEnvironment({ processTimeZone: false });
    const DocumentApp = env.globals.DocumentApp;
    const A = DocumentApp.Attribute;
    const doc = DocumentApp.create("Spacing");
    const body = doc.getBody();
    body.setHeadingAttributes(DocumentApp.ParagraphHeading.NORMAL, {
      [A.FONT_FAMILY]: "Times New Roman",
      [A.FONT_SIZE]: 13,
      [A.SPACING_BEFORE]: 3,
      [A.SPACING_AFTER]: 6,
      [A.LINE_SPACING]: 1.5,
    });
    body.appendParagraph("Normal text");
    body.appendParagraph("Tight").setAttributes({ [A.SPACING_BEFORE]: 0, [A.SPACING_AFTER]: 0, [A.LINE_SPACING]: 1 });
    body.appendParagraph("Heading").setHeading(DocumentApp.ParagraphHeading.HEADING1);
    const table = body.appendTable([
      ["Header", "Row"],
      ["a", "b"],
    ]);
    // Header-row alignment on the header cells' paragraphs (a row's paragraph attributes would be ignored).
    for (let c = 0; c < 2; c++) table.getCell(0, c).getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    doc.saveAndClose();
    const recorded = env.documents[0]!;

    const zip = await JSZip.loadAsync(await toDocx(recorded));
    const xml = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    /** The paragraph properties of the paragraph holding `text`: spacing (twips, 240ths of a line) and alignment. */
    const props = (text: string) => {
      const at = xml.indexOf(`>${text}</w:t>`);
      const p = xml.slice(Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at)), at);
      const attr = (name: string) => Number(new RegExp(`<w:spacing[^>]* w:${name}="(\\d+)"`).exec(p)?.[1] ?? Number.NaN);
      return { before: attr("before"), after: attr("after"), line: attr("line"), jc: /<w:jc w:val="(\w+)"/.exec(p)?.[1] ?? "left" };
    };
    // 3 pt before, 6 pt after (twips), line 1.5 (360/240).
    expect(props("Normal text")).toEqual({ before: 60, after: 120, line: 360, jc: "left" });
    expect(props("Tight")).toEqual({ before: 0, after: 0, line: 240, jc: "left" });
    // The cells' paragraphs are Normal text too; the header row's are centered.
    expect(props("Header")).toEqual({ before: 60, after: 120, line: 360, jc: "center" });
    expect(props("a")).toEqual({ before: 60, after: 120, line: 360, jc: "left" });
    // Heading 1 keeps Google's spacing, and takes the document's line spacing from Normal text.
    expect(props("Heading")).toEqual({ before: 400, after: 120, line: 360, jc: "left" });
    expect(styles).toContain("Times New Roman");
    const read = await readDocx(await toDocx(recorded));
    expect(read.defaultFont).toBe("Times New Roman");
    expect(read.defaultSizePt).toBe(13);
    expect(read.paragraphs.find((p) => p.text === "Heading")?.runs[0]).toMatchObject({ font: "Times New Roman", sizePt: 20 });

    const html = renderHtml(recorded);
    // Docs' line spacing 1.5 is 1.5 × the font's single line (about 1.15 em for Times New Roman).
    expect(html).toMatch(
      /<p style="text-align:left;margin:3pt 0pt 6pt 0pt;line-height:1.73;font-family:'Times New Roman';font-size:13pt"><span[^>]*>Normal text</,
    );
    expect(html).toMatch(/<p style="text-align:left;margin:0pt 0pt 0pt 0pt;line-height:1.15;[^"]*"><span[^>]*>Tight</);
    expect(html).toMatch(/<p style="text-align:center;margin:3pt 0pt 6pt 0pt;line-height:1.73;[^"]*"><span[^>]*>Header</);
    expect(html).toMatch(
      /<h1 class="heading1" style="text-align:left;margin:20pt 0pt 6pt 0pt;line-height:1.73;font-family:'Times New Roman';font-size:20pt"><span[^>]*>Heading</,
    );
  });
});
