/**
 * Saves a document recorded by the DocumentApp stand-in as a
 * .docx file with the `docx` package, the way Google Docs would export it:
 * page size and margins (points → twips ×20), the Body's font and size as the
 * document defaults (half-points), paragraphs with their runs, alignment,
 * spacing, indents and headings, list items as Word numbering, tables (a
 * border width of 0 makes a borderless table), page breaks, header and footer.
 *
 * Every run carries its effective look (see `effectiveTextStyle`) where it
 * differs from the document defaults, so the file does not depend on Word's
 * or LibreOffice's built-in styles. Tables without rows are left out (Word
 * cannot open a table without rows).
 *
 * Tables of the body whose cells hold plain paragraphs (the report's tables,
 * thousands of rows for a province's units) are written as WordprocessingML
 * text directly, the same markup the `docx` package gives them: `docx` builds
 * several objects per cell and takes about 20 s for a 3,000-unit report. The
 * package writes a placeholder paragraph, replaced in word/document.xml.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  type ILevelsOptions,
  type IParagraphOptions,
  type IRunOptions,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { zip as repack, type ZipEntry } from "./zip";
import type {
  AlignmentName,
  GlyphTypeName,
  HeadingName,
  RecordedBlock,
  RecordedDocument,
  RecordedParagraph,
  RecordedTable,
  TextStyle,
} from "@cchc/gas-standins";
import {
  columnWidths,
  DEFAULT_BORDER_COLOR,
  DEFAULT_BORDER_WIDTH,
  DEFAULT_CELL_PADDING,
  type EffectiveParagraphStyle,
  effectiveParagraphStyle,
  effectiveTextStyle,
  type EffectiveTextStyle,
  namedStyle,
  overText,
  sameOwnText,
  textBase,
} from "./document-style";

/** Points to twentieths of a point. */
function twips(points: number): number {
  return Math.round(points * 20);
}

/** Points to half-points (run sizes). */
function halfPoints(points: number): number {
  return Math.max(1, Math.round(points * 2));
}

function hex(color: string): string {
  return color.replace(/^#/, "").toUpperCase();
}

/** Characters XML 1.0 cannot hold (tab, line feed and carriage return are kept). */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

const ALIGN: Record<AlignmentName, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.BOTH,
};

const HEADING: Partial<Record<HeadingName, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

const VALIGN = {
  TOP: VerticalAlignTable.TOP,
  CENTER: VerticalAlignTable.CENTER,
  BOTTOM: VerticalAlignTable.BOTTOM,
} as const;

const GLYPH_FORMAT: Record<GlyphTypeName, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }> = {
  BULLET: { format: LevelFormat.BULLET, text: () => "●" },
  HOLLOW_BULLET: { format: LevelFormat.BULLET, text: () => "○" },
  SQUARE_BULLET: { format: LevelFormat.BULLET, text: () => "■" },
  NUMBER: { format: LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  LATIN_UPPER: { format: LevelFormat.UPPER_LETTER, text: (l) => `%${l + 1}.` },
  LATIN_LOWER: { format: LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1}.` },
  ROMAN_UPPER: { format: LevelFormat.UPPER_ROMAN, text: (l) => `%${l + 1}.` },
  ROMAN_LOWER: { format: LevelFormat.LOWER_ROMAN, text: (l) => `%${l + 1}.` },
};

function esc(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

const JC: Record<AlignmentName, string> = { LEFT: "left", CENTER: "center", RIGHT: "right", JUSTIFY: "both" };

/** A paragraph the direct writer can write: normal text, no list, link, break or rule. */
function plainParagraph(b: RecordedBlock): boolean {
  return b.kind === "paragraph" && b.heading === "NORMAL" && !b.list && b.inlines.every((i) => i.kind === "text");
}

/** A table the direct writer can write: rows of cells that hold plain paragraphs only. */
function plainTable(t: RecordedTable): boolean {
  return t.rows.every((r) => r.cells.every((c) => c.blocks.every(plainParagraph)));
}

/** What both table writers need: the rows with cells, the tables around, column widths and the border. */
function geometry(t: RecordedTable, outer: readonly RecordedTable[], available: number) {
  const rows = t.rows.filter((r) => r.cells.length > 0);
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  if (rows.length === 0 || columns === 0) return null;
  const width = t.borderWidth ?? DEFAULT_BORDER_WIDTH;
  return {
    rows,
    tables: [t, ...outer],
    widths: columnWidths(t, columns, available),
    width,
    size: Math.max(2, Math.round(width * 8)),
    color: hex(t.borderColor ?? DEFAULT_BORDER_COLOR),
  };
}

/**
 * What the paragraphs of one directly written table share: the base of their
 * runs' look (`textBase`: they are all normal text in the same tables), and
 * the last run's and paragraph's markup, reused while the next ones' own
 * attributes are the same (a report's table has thousands of alike cells).
 */
interface TableLook {
  readonly base: EffectiveTextStyle;
  run: TextStyle | null;
  rPr: string;
  para: RecordedParagraph | null;
  pPr: string;
}

/** Whether two plain paragraphs have the same own layout (so the same pPr). */
function samePlainParagraph(a: RecordedParagraph, b: RecordedParagraph): boolean {
  return (
    a.alignment === b.alignment &&
    a.lineSpacing === b.lineSpacing &&
    a.spacingBefore === b.spacingBefore &&
    a.spacingAfter === b.spacingAfter &&
    a.indentStart === b.indentStart &&
    a.indentFirstLine === b.indentFirstLine &&
    a.indentEnd === b.indentEnd
  );
}

/** Text a run can take as it is: none of what xmlSafe drops or esc escapes, no line break or tab. */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u001F&<>"\uFFFE\uFFFF]/;

/** A run's text with line breaks, tabs or characters to escape or drop, as runs of `props`. */
function specialRuns(text: string, props: string): string {
  let runs = "";
  const lines = xmlSafe(text).split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let body = i > 0 ? "<w:br/>" : "";
    const parts = lines[i]!.split("\t");
    for (let k = 0; k < parts.length; k++) {
      if (k > 0) body += "<w:tab/>";
      if (parts[k] !== "") body += `<w:t xml:space="preserve">${esc(parts[k]!)}</w:t>`;
    }
    runs += `<w:r>${props}${body}</w:r>`;
  }
  return runs;
}

const SIDES = ["top", "left", "bottom", "right", "insideH", "insideV"] as const;

function borderLine(side: string, width: number, color: string, size: number): string {
  return width > 0 ? `<w:${side} w:val="single" w:color="${color}" w:sz="${size}"/>` : `<w:${side} w:val="none" w:color="auto" w:sz="0"/>`;
}

interface Padding {
  paddingTop?: number;
  paddingLeft?: number;
  paddingBottom?: number;
  paddingRight?: number;
}

function pad(v: number | undefined): number {
  return twips(v ?? DEFAULT_CELL_PADDING);
}

function cellMargins(c: Padding): string {
  return (
    `<w:top w:type="dxa" w:w="${pad(c.paddingTop)}"/><w:left w:type="dxa" w:w="${pad(c.paddingLeft)}"/>` +
    `<w:bottom w:type="dxa" w:w="${pad(c.paddingBottom)}"/><w:right w:type="dxa" w:w="${pad(c.paddingRight)}"/>`
  );
}

const DEFAULT_MARGINS = cellMargins({});

function hasPadding(c: Padding): boolean {
  return c.paddingTop !== undefined || c.paddingLeft !== undefined || c.paddingBottom !== undefined || c.paddingRight !== undefined;
}

class Writer {
  readonly defaultFont: string;
  /** The document's line spacing in 240ths of a line. */
  readonly defaultLine: number;
  /** WordprocessingML of the tables written directly, by placeholder number. */
  readonly direct: string[] = [];
  readonly defaultSize: number;
  /** The document's Normal text. */
  readonly normal: EffectiveTextStyle & EffectiveParagraphStyle;
  /** Word list instance per (glyph, Google list id). */
  readonly instances = new Map<string, number>();
  readonly glyphs = new Set<GlyphTypeName>();

  constructor(readonly doc: RecordedDocument) {
    // The document's Normal text (its own named style, else Google's) under the Body's text attributes.
    const normal = namedStyle(doc, "NORMAL");
    this.normal = normal;
    this.defaultFont = doc.defaults.fontFamily ?? normal.fontFamily;
    this.defaultSize = doc.defaults.fontSize ?? normal.fontSize;
    this.defaultLine = Math.round(240 * normal.lineSpacing);
  }

  /** Run properties: font and size where they differ from the defaults; everything in headings. */
  runProps(s: EffectiveTextStyle, heading: boolean): IRunOptions {
    const props: Record<string, unknown> = {};
    if (heading || s.fontFamily !== this.defaultFont) props.font = s.fontFamily;
    if (heading || s.fontSize !== this.defaultSize) props.size = halfPoints(s.fontSize);
    if (heading || s.bold) props.bold = s.bold;
    if (heading || s.italic) props.italics = s.italic;
    if (s.underline) props.underline = {};
    if (s.strikethrough) props.strike = true;
    if (heading || s.foregroundColor !== "#000000") props.color = hex(s.foregroundColor);
    if (s.backgroundColor) props.shading = { type: ShadingType.CLEAR, fill: hex(s.backgroundColor), color: "auto" };
    return props as IRunOptions;
  }

  runs(text: string, props: IRunOptions): TextRun[] {
    return xmlSafe(text)
      .split(/\r\n|\r|\n/)
      .map((line, i) => {
        const children: (string | Tab)[] = [];
        line.split("\t").forEach((part, k) => {
          if (k > 0) children.push(new Tab());
          if (part !== "") children.push(part);
        });
        return new TextRun({ ...props, ...(i > 0 ? { break: 1 } : {}), children });
      });
  }

  paragraph(p: RecordedParagraph, tables: readonly RecordedTable[]): Paragraph {
    const heading = p.heading !== "NORMAL";
    const ps = effectiveParagraphStyle(this.doc, p);
    const children: ParagraphChild[] = [];
    let rule = false;
    for (const inline of p.inlines) {
      if (inline.kind === "pageBreak") children.push(new PageBreak());
      else if (inline.kind === "horizontalRule") rule = true;
      else {
        for (const run of inline.runs) {
          const s = effectiveTextStyle(this.doc, p, run, tables);
          const runs = this.runs(run.text, this.runProps(s, heading));
          if (s.linkUrl) children.push(new ExternalHyperlink({ link: s.linkUrl, children: runs }));
          else children.push(...runs);
        }
      }
    }
    const hanging = ps.indentFirstLine < ps.indentStart;
    const options: IParagraphOptions = {
      ...(HEADING[p.heading] ? { heading: HEADING[p.heading] } : {}),
      ...(p.heading === "SUBTITLE" ? { style: "Subtitle" } : {}),
      alignment: ALIGN[ps.alignment],
      spacing: {
        before: twips(ps.spacingBefore),
        after: twips(ps.spacingAfter),
        line: Math.round(240 * ps.lineSpacing),
        lineRule: LineRuleType.AUTO,
      },
      indent: {
        left: twips(ps.indentStart),
        right: twips(ps.indentEnd),
        ...(hanging ? { hanging: twips(ps.indentStart - ps.indentFirstLine) } : { firstLine: twips(ps.indentFirstLine - ps.indentStart) }),
      },
      ...(rule ? { thematicBreak: true } : {}),
      ...(p.list ? { numbering: this.numbering(p) } : {}),
      // The paragraph mark: sets the height of an empty line.
      run: this.runProps(effectiveTextStyle(this.doc, p, p.mark, tables), heading),
      children,
    };
    return new Paragraph(options);
  }

  numbering(p: RecordedParagraph): { reference: string; level: number; instance: number } {
    const list = p.list!;
    this.glyphs.add(list.glyphType);
    const key = `${list.glyphType}|${list.listId}`;
    let instance = this.instances.get(key);
    if (instance === undefined) {
      instance = this.instances.size + 1;
      this.instances.set(key, instance);
    }
    return { reference: `list-${list.glyphType}`, level: Math.min(8, list.nestingLevel), instance };
  }

  table(t: RecordedTable, outer: readonly RecordedTable[], available: number): Table | null {
    const g = geometry(t, outer, available);
    if (!g) return null;
    const { rows, tables, widths, width, size, color } = g;
    const border = width > 0 ? { style: BorderStyle.SINGLE, size, color } : { style: BorderStyle.NONE, size: 0, color: "auto" };
    const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
    return new Table({
      width: { size: twips(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
      columnWidths: widths.map(twips),
      layout: TableLayoutType.FIXED,
      borders,
      rows: rows.map(
        (row) =>
          new TableRow({
            ...(row.minimumHeight !== undefined ? { height: { value: twips(row.minimumHeight), rule: HeightRule.ATLEAST } } : {}),
            children: row.cells.map((cell, ci) => {
              const w = cell.width ?? widths[ci] ?? 72;
              const left = cell.paddingLeft ?? DEFAULT_CELL_PADDING;
              const right = cell.paddingRight ?? DEFAULT_CELL_PADDING;
              return new TableCell({
                width: { size: twips(w), type: WidthType.DXA },
                margins: {
                  top: twips(cell.paddingTop ?? DEFAULT_CELL_PADDING),
                  bottom: twips(cell.paddingBottom ?? DEFAULT_CELL_PADDING),
                  left: twips(left),
                  right: twips(right),
                },
                ...(cell.verticalAlignment ? { verticalAlign: VALIGN[cell.verticalAlignment] } : {}),
                ...(cell.backgroundColor ? { shading: { type: ShadingType.CLEAR, fill: hex(cell.backgroundColor), color: "auto" } } : {}),
                ...(width > 0 ? {} : { borders }),
                children: this.cellBlocks(cell.blocks, tables, Math.max(36, w - left - right)),
              });
            }),
          }),
      ),
    });
  }

  /** Run properties as WordprocessingML (the same choices as runProps). */
  rPr(s: EffectiveTextStyle): string {
    let x = "";
    if (s.fontFamily !== this.defaultFont) {
      const f = esc(s.fontFamily);
      x += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
    }
    if (s.bold) x += "<w:b/><w:bCs/>";
    if (s.italic) x += "<w:i/><w:iCs/>";
    if (s.strikethrough) x += "<w:strike/>";
    if (s.foregroundColor !== "#000000") x += `<w:color w:val="${hex(s.foregroundColor)}"/>`;
    if (s.fontSize !== this.defaultSize) x += `<w:sz w:val="${halfPoints(s.fontSize)}"/><w:szCs w:val="${halfPoints(s.fontSize)}"/>`;
    if (s.underline) x += '<w:u w:val="single"/>';
    if (s.backgroundColor) x += `<w:shd w:val="clear" w:color="auto" w:fill="${hex(s.backgroundColor)}"/>`;
    return x ? `<w:rPr>${x}</w:rPr>` : "";
  }

  /**
   * A plain paragraph as WordprocessingML (the same look as paragraph()),
   * leaving out what equals Word's defaults (no spacing or indent, left
   * alignment, the document's line spacing) to keep big tables small.
   * `look` holds what the table's paragraphs share (see TableLook).
   */
  paragraphXml(p: RecordedParagraph, look: TableLook): string {
    let pPr: string;
    if (look.para !== null && samePlainParagraph(look.para, p)) pPr = look.pPr;
    else {
      pPr = this.pPr(effectiveParagraphStyle(this.doc, p, this.normal));
      look.para = p;
      look.pPr = pPr;
    }
    let runs = "";
    for (const inline of p.inlines) {
      if (inline.kind !== "text") continue;
      for (const run of inline.runs) {
        if (run.text === "") continue;
        const props = this.lookRPr(run, look);
        if (!SPECIAL.test(run.text)) runs += `<w:r>${props}<w:t xml:space="preserve">${run.text}</w:t></w:r>`;
        else runs += specialRuns(run.text, props);
      }
    }
    // The paragraph mark's look sets the height of an empty line.
    if (runs === "") pPr += this.lookRPr(p.mark, look);
    return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs}</w:p>`;
  }

  /** The rPr of a run in a table of `look` (the last one's again when its own attributes are the same). */
  lookRPr(style: TextStyle, look: TableLook): string {
    if (look.run !== null && sameOwnText(look.run, style)) return look.rPr;
    const x = this.rPr(overText(look.base, style));
    look.run = style;
    look.rPr = x;
    return x;
  }

  /** The pPr content of a plain paragraph's layout (empty when it is Word's default). */
  pPr(ps: EffectiveParagraphStyle): string {
    let pPr = "";
    const line = Math.round(240 * ps.lineSpacing);
    if (ps.spacingBefore || ps.spacingAfter || line !== this.defaultLine) {
      pPr += `<w:spacing w:before="${twips(ps.spacingBefore)}" w:after="${twips(ps.spacingAfter)}" w:line="${line}" w:lineRule="auto"/>`;
    }
    if (ps.indentStart || ps.indentEnd || ps.indentFirstLine) {
      const hanging = ps.indentFirstLine < ps.indentStart;
      const first = hanging
        ? `w:hanging="${twips(ps.indentStart - ps.indentFirstLine)}"`
        : `w:firstLine="${twips(ps.indentFirstLine - ps.indentStart)}"`;
      pPr += `<w:ind w:left="${twips(ps.indentStart)}" w:right="${twips(ps.indentEnd)}" ${first}/>`;
    }
    if (ps.alignment !== "LEFT") pPr += `<w:jc w:val="${JC[ps.alignment]}"/>`;
    return pPr;
  }

  /** A plain table as WordprocessingML (the same choices as table()). */
  tableXml(t: RecordedTable, outer: readonly RecordedTable[], available: number): string | null {
    const g = geometry(t, outer, available);
    if (!g) return null;
    const { rows, tables, widths, width, size, color } = g;
    let borders = "";
    for (const side of SIDES) borders += borderLine(side, width, color, size);
    const cellBorders = width > 0 ? "" : `<w:tcBorders>${borders}</w:tcBorders>`;
    const tableMargins = cellMargins(rows[0]!.cells[0]!);
    let grid = "";
    for (const w of widths) grid += `<w:gridCol w:w="${twips(w)}"/>`;
    const tcW = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${twips(w)}"/>${cellBorders}`);
    const look: TableLook = { base: textBase(this.doc, this.normal, tables), run: null, rPr: "", para: null, pPr: "" };
    const out: string[] = [
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${twips(widths.reduce((a, b) => a + b, 0))}"/>` +
        `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>${tableMargins}</w:tblCellMar></w:tblPr>` +
        `<w:tblGrid>${grid}</w:tblGrid>`,
    ];
    for (const row of rows) {
      let x =
        row.minimumHeight !== undefined
          ? `<w:tr><w:trPr><w:trHeight w:val="${twips(row.minimumHeight)}" w:hRule="atLeast"/></w:trPr>`
          : "<w:tr>";
      const cells = row.cells;
      for (let ci = 0; ci < cells.length; ci++) {
        const cell = cells[ci]!;
        x +=
          cell.width === undefined && ci < tcW.length
            ? tcW[ci]!
            : `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${twips(cell.width ?? widths[ci] ?? 72)}"/>${cellBorders}`;
        if (cell.backgroundColor) x += `<w:shd w:val="clear" w:color="auto" w:fill="${hex(cell.backgroundColor)}"/>`;
        const own = hasPadding(cell) ? cellMargins(cell) : DEFAULT_MARGINS;
        if (own !== tableMargins) x += `<w:tcMar>${own}</w:tcMar>`;
        if (cell.verticalAlignment) x += `<w:vAlign w:val="${cell.verticalAlignment.toLowerCase()}"/>`;
        x += "</w:tcPr>";
        const blocks = cell.blocks;
        for (const b of blocks) if (b.kind === "paragraph") x += this.paragraphXml(b, look);
        if (blocks.length === 0 || blocks[blocks.length - 1]!.kind !== "paragraph") x += "<w:p/>";
        x += "</w:tc>";
      }
      out.push(`${x}</w:tr>`);
    }
    out.push("</w:tbl>");
    return out.join("");
  }

  /** A cell must end with a paragraph. */
  cellBlocks(blocks: readonly RecordedBlock[], tables: readonly RecordedTable[], available: number): (Paragraph | Table)[] {
    const out = this.blocks(blocks, tables, available);
    if (!(out[out.length - 1] instanceof Paragraph)) out.push(new Paragraph({}));
    return out;
  }

  blocks(blocks: readonly RecordedBlock[], tables: readonly RecordedTable[], available: number, body = false): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    for (const b of blocks) {
      if (b.kind === "paragraph") out.push(this.paragraph(b, tables));
      else if (body && plainTable(b)) {
        const xml = this.tableXml(b, tables, available);
        if (xml === null) continue;
        out.push(new Paragraph({ children: [new TextRun(placeholder(this.direct.length))] }));
        this.direct.push(xml);
      } else {
        const t = this.table(b, tables, available);
        if (t) out.push(t);
      }
    }
    return out;
  }

  numberingConfig(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.glyphs].map((glyph) => ({
      reference: `list-${glyph}`,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: GLYPH_FORMAT[glyph].format,
        text: GLYPH_FORMAT[glyph].text(level),
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    }));
  }

  /** A heading's Word style: the document's named style (its own attributes, else Google's). */
  headingStyle(name: HeadingName): { run: Record<string, unknown>; paragraph: Record<string, unknown> } {
    const n = namedStyle(this.doc, name);
    return {
      run: {
        font: n.fontFamily,
        size: halfPoints(n.fontSize),
        bold: n.bold,
        italics: n.italic,
        color: hex(n.foregroundColor),
      },
      paragraph: {
        spacing: {
          before: twips(n.spacingBefore),
          after: twips(n.spacingAfter),
          line: Math.round(240 * n.lineSpacing),
          lineRule: LineRuleType.AUTO,
        },
      },
    };
  }

  async write(): Promise<Buffer> {
    const doc = this.doc;
    const m = doc.page.margins;
    const available = doc.page.width - m.left - m.right;
    const header = doc.header ? new Header({ children: this.cellBlocks(doc.header.blocks, [], available) }) : null;
    const footer = doc.footer ? new Footer({ children: this.cellBlocks(doc.footer.blocks, [], available) }) : null;
    const children = this.blocks(doc.blocks, [], available, true);
    const file = new Document({
      title: doc.name,
      creator: "DocumentApp stand-in",
      styles: {
        default: {
          document: {
            run: { font: this.defaultFont, size: halfPoints(this.defaultSize) },
            paragraph: {
              spacing: { line: this.defaultLine, lineRule: LineRuleType.AUTO },
            },
          },
          title: this.headingStyle("TITLE"),
          heading1: this.headingStyle("HEADING1"),
          heading2: this.headingStyle("HEADING2"),
          heading3: this.headingStyle("HEADING3"),
          heading4: this.headingStyle("HEADING4"),
          heading5: this.headingStyle("HEADING5"),
          heading6: this.headingStyle("HEADING6"),
        },
        paragraphStyles: [
          { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, ...this.headingStyle("SUBTITLE") },
        ],
      },
      numbering: { config: this.numberingConfig() },
      sections: [
        {
          properties: {
            page: {
              size: { width: twips(doc.page.width), height: twips(doc.page.height) },
              margin: { top: twips(m.top), bottom: twips(m.bottom), left: twips(m.left), right: twips(m.right) },
            },
          },
          ...(header ? { headers: { default: header } } : {}),
          ...(footer ? { footers: { default: footer } } : {}),
          children,
        },
      ],
    });
    const packed = await Packer.toBuffer(file);
    if (this.direct.length === 0) return packed;
    const zip = await JSZip.loadAsync(packed);
    const xml = await zip.file("word/document.xml")!.async("string");
    const parts = xml.split(PLACEHOLDER_PARAGRAPH);
    if (parts.length !== this.direct.length + 1) throw new Error("docx: a table placeholder was not found");
    let merged = parts[0]!;
    for (let i = 1; i < parts.length; i++) {
      const n = Number(/^(\d+)/.exec(parts[i]!)![1]);
      merged += this.direct[n] + parts[i]!.slice(String(n).length + PLACEHOLDER_END.length);
    }
    const entries: ZipEntry[] = [];
    for (const f of Object.values(zip.files)) {
      if (f.dir) continue;
      entries.push({ name: f.name, data: f.name === "word/document.xml" ? Buffer.from(merged, "utf8") : await f.async("nodebuffer") });
    }
    return repack(entries);
  }
}

const PLACEHOLDER_MARK = "\u2063CCHC-TABLE-";
/** What the docx package writes for the placeholder paragraph, up to its number. */
const PLACEHOLDER_PARAGRAPH = `<w:p><w:r><w:t xml:space="preserve">${PLACEHOLDER_MARK}`;
const PLACEHOLDER_END = "</w:t></w:r></w:p>";

function placeholder(n: number): string {
  return `${PLACEHOLDER_MARK}${n}`;
}

/** The recorded document as a .docx file. */
export async function toDocx(doc: RecordedDocument): Promise<Buffer> {
  return new Writer(doc).write();
}
