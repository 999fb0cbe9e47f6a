/**
 * The HTML preview of a document recorded by the DocumentApp stand-in: a
 * self-contained page laid out as Google Docs would show it.
 */
import type {
  AlignmentName,
  RecordedBlock,
  RecordedDocument,
  RecordedInline,
  RecordedParagraph,
  RecordedRun,
  RecordedTable,
} from "@cchc/gas-standins";
import {
  columnWidths,
  DEFAULT_BORDER_COLOR,
  DEFAULT_BORDER_WIDTH,
  DEFAULT_CELL_PADDING,
  effectiveParagraphStyle,
  effectiveTextStyle,
  listLabels,
  namedStyle,
} from "./document-style";
import { escapeHtml } from "../../core/text";

const esc = escapeHtml;

/** A font name safe inside a CSS string inside an HTML attribute. */
function cssFont(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N} _-]/gu, "").trim();
  return clean ? `'${clean}'` : "serif";
}

function cssColor(c: string | null | undefined): string | null {
  return c && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c : null;
}

function pt(n: number): string {
  return `${Math.round(n * 100) / 100}pt`;
}

function safeUrl(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

const HTML_ALIGN: Record<AlignmentName, string> = { LEFT: "left", CENTER: "center", RIGHT: "right", JUSTIFY: "justify" };

/**
 * A self-contained HTML page showing the document as Google Docs would lay it
 * out (page size and margins, fonts, paragraphs, lists, tables, page breaks).
 * All text and attribute values are escaped.
 */
export function renderHtml(doc: RecordedDocument): string {
  const labels = listLabels(doc);
  const normal = namedStyle(doc, "NORMAL");
  const baseFont = doc.defaults.fontFamily ?? normal.fontFamily;
  const baseSize = doc.defaults.fontSize ?? normal.fontSize;
  const m = doc.page.margins;
  const pageStyle = `width:${pt(doc.page.width)};min-height:${pt(doc.page.height)};padding:${pt(m.top)} ${pt(m.right)} ${pt(m.bottom)} ${pt(m.left)}`;
  const out: string[] = [];

  const runHtml = (p: RecordedParagraph, run: RecordedRun, tables: readonly RecordedTable[]): string => {
    const s = effectiveTextStyle(doc, p, run, tables);
    const css = [`font-family:${cssFont(s.fontFamily)}`, `font-size:${pt(s.fontSize)}`];
    if (s.bold) css.push("font-weight:bold");
    if (s.italic) css.push("font-style:italic");
    const deco = [s.underline ? "underline" : "", s.strikethrough ? "line-through" : ""].filter(Boolean).join(" ");
    if (deco) css.push(`text-decoration:${deco}`);
    const fg = cssColor(s.foregroundColor);
    if (fg && fg !== "#000000") css.push(`color:${fg}`);
    const bg = cssColor(s.backgroundColor);
    if (bg) css.push(`background-color:${bg}`);
    const text = esc(run.text).replace(/\r/g, "<br>");
    const span = `<span style="${css.join(";")}">${text}</span>`;
    const href = s.linkUrl ? safeUrl(s.linkUrl) : null;
    return href ? `<a href="${esc(href)}">${span}</a>` : span;
  };

  const paragraphHtml = (p: RecordedParagraph, tables: readonly RecordedTable[], inlines: readonly RecordedInline[]): string => {
    const ps = effectiveParagraphStyle(doc, p);
    const mark = effectiveTextStyle(doc, p, p.mark, tables);
    const css = [
      `text-align:${HTML_ALIGN[ps.alignment]}`,
      `margin:${pt(ps.spacingBefore)} ${pt(ps.indentEnd)} ${pt(ps.spacingAfter)} ${pt(ps.indentStart)}`,
      // Docs' "single" is the font's own line height, about 1.15 em for Times New Roman: CSS 1 would stack
      // the capitals' diacritics of two lines into each other (ẢỊ on ÂN looked struck through).
      `line-height:${Math.round(ps.lineSpacing * 115) / 100}`,
      `font-family:${cssFont(mark.fontFamily)}`,
      `font-size:${pt(mark.fontSize)}`,
    ];
    if (ps.indentFirstLine !== ps.indentStart) css.push(`text-indent:${pt(ps.indentFirstLine - ps.indentStart)}`);
    let body = "";
    const label = labels.get(p);
    if (label !== undefined) body += `<span class="glyph">${esc(label)}</span>`;
    for (const i of inlines) if (i.kind === "text") for (const r of i.runs) body += runHtml(p, r, tables);
    if (body === "") body = "<br>";
    const tag = p.heading.startsWith("HEADING") ? `h${p.heading.slice(7)}` : "p";
    const cls = p.heading === "NORMAL" ? "" : ` class="${p.heading.toLowerCase()}"`;
    return `<${tag}${cls} style="${css.join(";")}">${body}</${tag}>`;
  };

  const tableHtml = (t: RecordedTable, tables: readonly RecordedTable[], widthAvailable: number): string => {
    const inner = [t, ...tables];
    const bw = t.borderWidth ?? DEFAULT_BORDER_WIDTH;
    const bc = cssColor(t.borderColor) ?? DEFAULT_BORDER_COLOR;
    const border = bw > 0 ? `${pt(bw)} solid ${bc}` : "none";
    const columns = Math.max(0, ...t.rows.map((r) => r.cells.length));
    const widths = columnWidths(t, columns, widthAvailable);
    const total = widths.reduce((a, b) => a + b, 0);
    let html = `<table style="border-collapse:collapse;table-layout:fixed;width:${pt(total)}"><colgroup>`;
    for (const w of widths) html += `<col style="width:${pt(w)}">`;
    html += "</colgroup>";
    for (const row of t.rows) {
      html += row.minimumHeight !== undefined ? `<tr style="height:${pt(row.minimumHeight)}">` : "<tr>";
      row.cells.forEach((cell, ci) => {
        const css = [
          `border:${border}`,
          `padding:${pt(cell.paddingTop ?? DEFAULT_CELL_PADDING)} ${pt(cell.paddingRight ?? DEFAULT_CELL_PADDING)} ${pt(cell.paddingBottom ?? DEFAULT_CELL_PADDING)} ${pt(cell.paddingLeft ?? DEFAULT_CELL_PADDING)}`,
          `vertical-align:${(cell.verticalAlignment ?? "TOP").toLowerCase() === "center" ? "middle" : (cell.verticalAlignment ?? "TOP").toLowerCase()}`,
        ];
        const bg = cssColor(cell.backgroundColor);
        if (bg) css.push(`background-color:${bg}`);
        const cw = widths[ci] ?? 0;
        html += `<td style="${css.join(";")}">${blocksHtml(cell.blocks, inner, cw, false)}</td>`;
      });
      html += "</tr>";
    }
    return `${html}</table>`;
  };

  const blocksHtml = (blocks: readonly RecordedBlock[], tables: readonly RecordedTable[], width: number, pages: boolean): string => {
    let html = "";
    for (const b of blocks) {
      if (b.kind === "table") {
        if (b.rows.length > 0) html += tableHtml(b, tables, width);
        continue;
      }
      // Split the paragraph at page breaks and horizontal rules.
      let segment: RecordedInline[] = [];
      let split = false;
      const flush = (force: boolean) => {
        const hasText = segment.some((i) => i.kind === "text" && i.runs.some((r) => r.text !== ""));
        if (force || hasText) html += paragraphHtml(b, tables, segment);
        segment = [];
      };
      for (const i of b.inlines) {
        if (i.kind === "text") segment.push(i);
        else {
          flush(false);
          split = true;
          html += i.kind === "pageBreak" && pages ? `</div><div class="page" style="${pageStyle}">` : `<hr>`;
        }
      }
      flush(!split);
    }
    return html;
  };

  const contentWidth = doc.page.width - m.left - m.right;
  out.push(
    "<!DOCTYPE html>",
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>${esc(doc.name)}</title>`,
    "<style>",
    `body{margin:0;background:#e8eaed;font-family:${cssFont(baseFont)},'Times New Roman',serif;font-size:${pt(baseSize)}}`,
    ".page{box-sizing:border-box;background:#fff;margin:16px auto;box-shadow:0 1px 3px rgba(0,0,0,.3);overflow:hidden}",
    ".page p,.page h1,.page h2,.page h3,.page h4,.page h5,.page h6{white-space:pre-wrap;font-weight:normal}",
    ".glyph{display:inline-block;min-width:18pt}",
    "table{border-collapse:collapse}td p{margin:0}",
    "hr{border:none;border-top:1px solid #888}",
    "header,footer{color:#444}",
    "@media print{body{background:none}.page{margin:0;box-shadow:none;break-after:page}}",
    "</style></head><body>",
    `<div class="page" style="${pageStyle}">`,
  );
  if (doc.header) out.push(`<header>${blocksHtml(doc.header.blocks, [], contentWidth, false)}</header>`);
  out.push(blocksHtml(doc.blocks, [], contentWidth, true));
  if (doc.footer) out.push(`<footer>${blocksHtml(doc.footer.blocks, [], contentWidth, false)}</footer>`);
  out.push("</div>", "</body></html>");
  return out.join("\n");
}
