/**
 * "Tạo báo cáo quý": evaluates the period (and the one before, for the
 * change), builds the report content in src/core/report.ts and writes it as
 * a new Google Doc. Every block takes a fixed number of DocumentApp calls;
 * each table goes in with one appendTable call, so the count does not grow
 * with the number of units.
 */
import { compareDay, periodBounds, periodId, periodWords, quartersOf, vnDay, type Period } from "../core/period";
import { buildReport, type Block, type ParagraphBlock, type ReportContent, type TableBlock, type TwoColumnBlock } from "../core/report";
import { evaluateWithComparisons, readWorkbook } from "../core/workbook";
import { readPeriod } from "./actions";
import { approvalSummary, type ApprovalSummary } from "./approval";
import type { Status } from "../core/approval";
import { getSettings, hasSettings } from "./settings";
import { openWorkbook, spreadsheetDay } from "./workbook";
import { noRowsMessage } from "../core/workbook";

const MM = 72 / 25.4;
/** A4 and Decree 30/2020/NĐ-CP margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
const up = (mm: number) => Math.ceil(mm * MM); // whole points, never below the minimum
export const PAGE = { width: 210 * MM, height: 297 * MM, top: up(20), bottom: up(20), left: up(30), right: up(15) };
const FONT = "Times New Roman";
const BODY_SIZE = 13;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface ReportResult {
  period: string;
  name: string;
  url: string;
  id: string;
}

/** Builds the report content for a period from the active spreadsheet. */
export function reportContent(period: Period, now: Date = new Date()): ReportContent {
  // A report names its body in every sentence: never guess it (a province must not read "huyện Vĩnh Linh").
  if (!hasSettings()) {
    throw new Error(
      "Chưa chọn cấp báo cáo và tên địa phương. Hãy mở mục Thông tin báo cáo (hoặc Thiết lập bảng tính) trong bảng điều khiển, " +
        "chọn cấp (tỉnh, xã, huyện), ghi tên, lưu lại rồi tạo báo cáo.",
    );
  }
  const settings = getSettings();
  const opened = openWorkbook(undefined, settings.periodRule);
  const wb = readWorkbook(opened.values);
  const [year, month, day] = spreadsheetDay(now);
  // A quarter that has not begun has no figures to report (a report dated before its quarter is no report); a span, before its last quarter.
  const last = quartersOf(period).pop()!;
  if (compareDay([year, month, day], last, settings.periodRule) < 0) {
    const { start, end } = periodBounds(last, settings.periodRule);
    throw new Error(
      `Kỳ ${periodWords(last)} (${vnDay(start)}–${vnDay(end)})${period.span ? `, quý cuối của ${periodWords(period)},` : ""} chưa bắt đầu: hôm nay là ${vnDay([year, month, day])}. Hãy chọn một kỳ đã bắt đầu; không tạo báo cáo.`,
    );
  }
  const evaluation = evaluateWithComparisons(wb, period, settings.periodRule);
  if (evaluation.units.length === 0) throw new Error(noRowsMessage(wb, period));
  // A span's approval is its quarters': their counts added, each unit not approved named once with its quarters.
  let approval: ApprovalSummary | null = null;
  const named = { notApproved: new Map<string, string[]>(), changed: new Map<string, string[]>() };
  for (const ev of evaluation.quarters ?? [evaluation]) {
    const a = approvalSummary({ opened, wb, ev, settings });
    if (!a) continue;
    if (!approval) approval = { ...a, counts: { ...a.counts } };
    else for (const k in a.counts) approval.counts[k as Status] += a.counts[k as Status];
    approval.logProblem ||= a.logProblem;
    for (const k of ["notApproved", "changed"] as const)
      for (const n of a[k]) named[k].set(n, [...(named[k].get(n) ?? []), periodWords(ev.period)]);
  }
  if (approval)
    for (const k of ["notApproved", "changed"] as const)
      approval[k] = [...named[k]].map(([n, q]) => (period.span ? `${n} (${q.join(", ")})` : n));
  return buildReport({ evaluation, settings, today: { year, month, day }, approval });
}

/**
 * "Tạo báo cáo quý": a new Google Doc. It writes nothing to the spreadsheet,
 * so it holds no document lock (another clerk's highlight may run meanwhile).
 */
export function generateReport(periodText: unknown): ReportResult {
  const period = readPeriod(periodText, true);
  return { period: periodId(period), ...writeDocument(reportContent(period)) };
}

type Attrs = Record<string, unknown>;
type Body = GoogleAppsScript.Document.Body;
type Container = Body | GoogleAppsScript.Document.TableCell;

const tight = (b: ParagraphBlock) => b.style === "note" || b.style === "masthead" || b.style === "rule";

function paragraphAttrs(b: ParagraphBlock): Attrs {
  const A = DocumentApp.Attribute;
  const align = DocumentApp.HorizontalAlignment;
  const attrs: Attrs = {
    [A.HORIZONTAL_ALIGNMENT]:
      b.align === "center" ? align.CENTER : b.align === "right" ? align.RIGHT : b.align === "justify" ? align.JUSTIFY : align.LEFT,
    [A.BOLD]: b.runs.every((r) => r.bold),
    [A.ITALIC]: b.runs.every((r) => r.italic),
    [A.UNDERLINE]: b.runs.every((r) => r.underline),
    [A.SPACING_BEFORE]: b.style === "heading" || b.style === "title" ? 8 : tight(b) ? 0 : 3,
    [A.SPACING_AFTER]: b.style === "rule" ? 6 : tight(b) ? 0 : 3,
    [A.LINE_SPACING]: tight(b) ? 1 : 1.15,
    [A.INDENT_FIRST_LINE]: b.indent ? 1 * 28.35 : 0,
  };
  // Font and size on every paragraph: Docs gives a new paragraph Arial 11 whatever the body's attributes.
  attrs[A.FONT_FAMILY] = FONT;
  attrs[A.FONT_SIZE] =
    b.style === "title" ? 14 : b.style === "note" ? 11 : b.style === "masthead" ? 12 : b.style === "rule" ? 6 : BODY_SIZE;
  return attrs;
}

/** Bold or italic runs inside a mixed paragraph, by character range. */
function styleRuns(text: GoogleAppsScript.Document.Text, b: ParagraphBlock): void {
  if (b.runs.length < 2) return;
  let at = 0;
  for (const r of b.runs) {
    const end = at + r.text.length - 1;
    if (r.text.length && r.bold) text.setBold(at, end, true);
    if (r.text.length && r.italic) text.setItalic(at, end, true);
    at = end + 1;
  }
}

function appendParagraph(container: Container, b: ParagraphBlock, first?: GoogleAppsScript.Document.Paragraph): void {
  const text = b.runs.map((r) => r.text).join("");
  let para: GoogleAppsScript.Document.Paragraph;
  if (first) {
    first.setText(text);
    para = first;
  } else {
    para = container.appendParagraph(text);
  }
  para.setAttributes(paragraphAttrs(b));
  styleRuns(para.editAsText(), b);
}

/**
 * A table: one appendTable call for all its rows. Only text attributes go on
 * the table and its rows (FONT_SIZE, FONT_FAMILY, BOLD are "for rich text";
 * alignment and spacing are "for paragraph elements":
 * https://developers.google.com/apps-script/reference/document/attribute).
 * Spacing comes from the document's NORMAL style (writeDocument); the header
 * cells' paragraphs are centred one by one: a fixed number of calls per
 * table, whatever the number of units.
 */
function appendTable(body: Body, b: TableBlock): void {
  const A = DocumentApp.Attribute;
  if (b.caption) appendParagraph(body, { kind: "paragraph", runs: [{ text: b.caption, italic: true }], align: "center", style: "note" });
  const table = body.appendTable([...b.header, ...b.rows]);
  table.setBorderWidth(1);
  table.setAttributes({ [A.FONT_SIZE]: b.fontSize ?? 11, [A.FONT_FAMILY]: FONT });
  const total = b.widths.reduce((a, w) => a + w, 0);
  b.widths.forEach((w, i) => table.setColumnWidth(i, (TEXT_WIDTH * w) / total));
  for (let r = 0; r < b.header.length; r++) {
    const row = table.getRow(r);
    row.setAttributes({ [A.BOLD]: true });
    for (let c = 0; c < row.getNumCells(); c++)
      row.getCell(c).getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  }
  if (b.totalRow) table.getRow(table.getNumRows() - 1).setAttributes({ [A.BOLD]: true });
  alignNumbers(table, b);
  if (b.note) appendParagraph(body, { kind: "paragraph", runs: [{ text: b.note, italic: true }], style: "note" });
}

/** A cell that holds a figure: "1.234", "5,9%", "+1,38 điểm %", "≥ 30%", "—" (or nothing). */
const FIGURE = /^(?:[+\-−]?\s?[≥≤]?\s?[\d.,]+\s?(?:%|điểm %)?|—|)$/;

/**
 * Tables of at most this many body rows get their figures right-aligned (STT
 * centred). Google Docs has no column alignment: each paragraph is set on its
 * own (three calls a cell), so a province's tables (up to 100 units) are
 * aligned and a 3,000-unit appendix is left as written, keeping the report
 * within Apps Script's time.
 */
export const ALIGN_MAX_ROWS = 100;

function alignNumbers(table: GoogleAppsScript.Document.Table, b: TableBlock): void {
  if (b.rows.length === 0 || b.rows.length > ALIGN_MAX_ROWS) return;
  const H = DocumentApp.HorizontalAlignment;
  const width = b.widths.length;
  for (let c = 0; c < width; c++) {
    const stt = c === 0 && b.header.some((row) => row[0] === "STT");
    if (!stt && !b.rows.every((row) => FIGURE.test((row[c] ?? "").trim()))) continue;
    const align = { [DocumentApp.Attribute.HORIZONTAL_ALIGNMENT]: stt ? H.CENTER : H.RIGHT };
    for (let r = 0; r < b.rows.length; r++)
      table
        .getCell(b.header.length + r, c)
        .getChild(0)
        .setAttributes(align);
  }
}

function appendColumns(body: Body, b: TwoColumnBlock): void {
  const table = body.appendTable([["", ""]]);
  table.setBorderWidth(0);
  const total = b.widths[0] + b.widths[1];
  table.setColumnWidth(0, (TEXT_WIDTH * b.widths[0]) / total);
  table.setColumnWidth(1, (TEXT_WIDTH * b.widths[1]) / total);
  const sides = [b.left, b.right];
  sides.forEach((paras, c) => {
    const cell = table.getCell(0, c);
    paras.forEach((para, i) => {
      const style = b.role === "header" && para.style !== "rule" ? { ...para, style: "masthead" as const } : para;
      appendParagraph(cell, style, i === 0 ? cell.getChild(0).asParagraph() : undefined);
    });
  });
}

function appendBlock(body: Body, b: Block): void {
  if (b.kind === "paragraph") appendParagraph(body, b);
  else if (b.kind === "table") appendTable(body, b);
  else if (b.kind === "columns") appendColumns(body, b);
  else body.appendPageBreak();
}

/**
 * Writes the report into a new document and returns its name, URL and id,
 * read before saveAndClose() ("A closed Document can't be edited":
 * https://developers.google.com/apps-script/reference/document/document#saveAndClose()).
 */
export function writeDocument(content: ReportContent): { name: string; url: string; id: string } {
  const doc = DocumentApp.create(content.title);
  const body = doc.getBody();
  const A = DocumentApp.Attribute;
  // The NORMAL style: what every paragraph without its own attributes (the table cells') looks like.
  body.setHeadingAttributes(DocumentApp.ParagraphHeading.NORMAL, {
    [A.FONT_FAMILY]: FONT,
    [A.FONT_SIZE]: BODY_SIZE,
    [A.SPACING_BEFORE]: 0,
    [A.SPACING_AFTER]: 0,
    [A.LINE_SPACING]: 1,
  });
  // A new document starts with one empty paragraph, and Docs may refuse to remove the paragraph right
  // before a table (https://developers.google.com/docs/api/reference/rest/v1/documents/request,
  // DeleteContentRangeRequest): it stays, made as small as a paragraph can be.
  const first = body.getChild(0);
  if (first.getType() === DocumentApp.ElementType.PARAGRAPH) {
    first.asParagraph().setAttributes({ [A.FONT_SIZE]: 1, [A.SPACING_BEFORE]: 0, [A.SPACING_AFTER]: 0, [A.LINE_SPACING]: 1 });
  }
  body
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginTop(PAGE.top)
    .setMarginBottom(PAGE.bottom)
    .setMarginLeft(PAGE.left)
    .setMarginRight(PAGE.right);
  for (const block of content.blocks) appendBlock(body, block);
  const written = { name: doc.getName(), url: doc.getUrl(), id: doc.getId() };
  doc.saveAndClose();
  return written;
}
