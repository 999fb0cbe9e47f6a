/**
 * Reads a .docx back for tests: the text, the paragraphs with their runs
 * (fonts, sizes, bold... as they display, resolved through word/styles.xml),
 * the tables' cell texts, the page size and margins, and the fonts used.
 * Only word/document.xml and word/styles.xml are read (not headers/footers).
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export interface DocxRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  font?: string;
  sizePt?: number;
  /** "#rrggbb" when a color is set. */
  color?: string;
}

export interface DocxParagraph {
  text: string;
  /** Paragraph style id (w:pStyle), e.g. "Heading1". */
  style?: string;
  /** "left" | "center" | "right" | "justify" (from the paragraph or its style). */
  alignment?: string;
  runs: DocxRun[];
  /** Inside a table cell. */
  inTable: boolean;
  /** Holds a page break (w:br w:type="page"). */
  pageBreak: boolean;
  /** Numbered or bulleted (w:numPr). */
  list: boolean;
}

export interface DocxTableInfo {
  /** No visible border on the table or its cells. */
  borderless: boolean;
  /** Grid column widths. */
  columnWidthsMm: number[];
}

export interface DocxContent {
  /** All paragraphs' text in document order (tables row by row, cell by cell), joined with "\n". */
  text: string;
  /** Every paragraph, in document order, including those in table cells. */
  paragraphs: DocxParagraph[];
  /** Every table (nested ones after their parent): rows → cells → cell text (paragraphs joined with "\n"). */
  tables: string[][][];
  /** Same order as `tables`. */
  tableInfo: DocxTableInfo[];
  page: { widthMm: number; heightMm: number; marginsMm: { top: number; bottom: number; left: number; right: number } };
  defaultFont?: string;
  defaultSizePt?: number;
  /** Fonts of all runs (sorted, unique); the default font when there is no run. */
  fonts: string[];
}

// ───────────────────────────── a small XML tree ─────────────────────────────

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: (XNode | string)[];
}

function parseXml(xml: string): XNode {
  const root: XNode = { name: "#document", attrs: {}, children: [] };
  const stack: XNode[] = [root];
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    const node: XNode = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (t) => {
    stack[stack.length - 1]?.children.push(t);
  });
  parser.on("cdata", (t) => {
    stack[stack.length - 1]?.children.push(t);
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return root;
}

function elements(n: XNode | undefined): XNode[] {
  return n ? n.children.filter((c): c is XNode => typeof c !== "string") : [];
}

function child(n: XNode | undefined, name: string): XNode | undefined {
  return elements(n).find((c) => c.name === name);
}

function descendant(n: XNode | undefined, name: string): XNode | undefined {
  for (const c of elements(n)) {
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

function textOf(n: XNode): string {
  return n.children.map((c) => (typeof c === "string" ? c : "")).join("");
}

function val(n: XNode | undefined, name = "w:val"): string | undefined {
  return n?.attrs[name];
}

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** An on/off property: present without w:val means on. */
function onOff(n: XNode | undefined): boolean | undefined {
  if (!n) return undefined;
  const v = val(n);
  return v === undefined ? true : !["false", "0", "off", "none"].includes(v);
}

// ───────────────────────────── styles ─────────────────────────────

type RunProps = Omit<DocxRun, "text">;

function runProps(rPr: XNode | undefined): RunProps {
  const p: RunProps = {};
  if (!rPr) return p;
  const b = onOff(child(rPr, "w:b"));
  if (b !== undefined) p.bold = b;
  const i = onOff(child(rPr, "w:i"));
  if (i !== undefined) p.italic = i;
  const u = child(rPr, "w:u");
  if (u) p.underline = val(u) !== "none";
  const fonts = child(rPr, "w:rFonts");
  const font = val(fonts, "w:ascii") ?? val(fonts, "w:hAnsi") ?? val(fonts, "w:cs") ?? val(fonts, "w:eastAsia");
  if (font) p.font = font;
  const sz = num(val(child(rPr, "w:sz")));
  if (sz !== undefined) p.sizePt = sz / 2;
  const color = val(child(rPr, "w:color"));
  if (color && /^[0-9a-f]{6}$/i.test(color)) p.color = `#${color.toLowerCase()}`;
  return p;
}

function merge(base: RunProps, over: RunProps): RunProps {
  const out: RunProps = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

interface Style {
  type: string;
  basedOn?: string;
  run: RunProps;
  alignment?: string;
  isDefault: boolean;
}

class Styles {
  readonly byId = new Map<string, Style>();
  readonly docDefaults: RunProps;
  readonly defaultParagraphStyle?: string;

  constructor(xml: XNode | null) {
    const root = xml ? child(xml, "w:styles") : undefined;
    this.docDefaults = runProps(child(child(child(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr"));
    for (const s of elements(root)) {
      if (s.name !== "w:style") continue;
      const id = s.attrs["w:styleId"];
      if (!id) continue;
      const type = s.attrs["w:type"] ?? "paragraph";
      const isDefault = ["1", "true", "on"].includes(s.attrs["w:default"] ?? "");
      const alignment = val(child(child(s, "w:pPr"), "w:jc"));
      const basedOn = val(child(s, "w:basedOn"));
      this.byId.set(id, {
        type,
        run: runProps(child(s, "w:rPr")),
        isDefault,
        ...(basedOn ? { basedOn } : {}),
        ...(alignment ? { alignment } : {}),
      });
      if (type === "paragraph" && isDefault) this.defaultParagraphStyle = id;
    }
  }

  chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const s = this.byId.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }

  /** Run properties of a paragraph style (or the default one), over the document defaults. */
  paragraphRun(styleId: string | undefined): RunProps {
    let props = this.docDefaults;
    for (const s of this.chain(styleId ?? this.defaultParagraphStyle)) props = merge(props, s.run);
    return props;
  }

  characterRun(styleId: string | undefined): RunProps {
    let props: RunProps = {};
    for (const s of this.chain(styleId)) props = merge(props, s.run);
    return props;
  }

  alignment(styleId: string | undefined): string | undefined {
    let a: string | undefined;
    for (const s of this.chain(styleId ?? this.defaultParagraphStyle)) a = s.alignment ?? a;
    return a;
  }
}

function normAlignment(a: string | undefined): string | undefined {
  switch (a) {
    case undefined:
      return undefined;
    case "both":
    case "distribute":
      return "justify";
    case "start":
      return "left";
    case "end":
      return "right";
    default:
      return a;
  }
}

function mm(twips: number | undefined): number {
  return twips === undefined ? 0 : (twips / 1440) * 25.4;
}

// ───────────────────────────── document walk ─────────────────────────────

const CONTAINERS = new Set(["w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:customXml", "w:sdt", "w:sdtContent", "w:moveTo"]);

class Reader {
  readonly paragraphs: DocxParagraph[] = [];
  readonly tables: string[][][] = [];
  readonly tableInfo: DocxTableInfo[] = [];
  sectPr: XNode | undefined;

  constructor(readonly styles: Styles) {}

  paragraph(p: XNode, inTable: boolean): DocxParagraph {
    const pPr = child(p, "w:pPr");
    const style = val(child(pPr, "w:pStyle"));
    const base = this.styles.paragraphRun(style);
    const runs: DocxRun[] = [];
    let pageBreak = false;
    const walk = (n: XNode) => {
      for (const c of elements(n)) {
        if (c.name === "w:r") {
          const rPr = child(c, "w:rPr");
          const props = merge(merge(base, this.styles.characterRun(val(child(rPr, "w:rStyle")))), runProps(rPr));
          let text = "";
          for (const e of elements(c)) {
            if (e.name === "w:t") text += textOf(e);
            else if (e.name === "w:tab") text += "\t";
            else if (e.name === "w:br") {
              if (val(e, "w:type") === "page") pageBreak = true;
              else text += "\n";
            } else if (e.name === "w:cr") text += "\n";
            else if (e.name === "w:noBreakHyphen") text += "\u2011";
          }
          if (text !== "") runs.push({ text, ...props });
        } else if (CONTAINERS.has(c.name)) walk(c);
      }
    };
    walk(p);
    const alignment = normAlignment(val(child(pPr, "w:jc")) ?? this.styles.alignment(style));
    const para: DocxParagraph = {
      text: runs.map((r) => r.text).join(""),
      runs,
      inTable,
      pageBreak,
      list: child(pPr, "w:numPr") !== undefined,
      ...(style ? { style } : {}),
      ...(alignment ? { alignment } : {}),
    };
    this.paragraphs.push(para);
    return para;
  }

  /** Walks block content; returns the texts of its paragraphs (nested tables included). */
  blocks(container: XNode, inTable: boolean): string[] {
    const texts: string[] = [];
    for (const c of elements(container)) {
      if (c.name === "w:p") texts.push(this.paragraph(c, inTable).text);
      else if (c.name === "w:tbl") texts.push(...this.table(c));
      else if (c.name === "w:sectPr") this.sectPr = c;
      else if (c.name === "w:sdt") texts.push(...this.blocks(child(c, "w:sdtContent") ?? c, inTable));
      else if (c.name === "w:customXml") texts.push(...this.blocks(c, inTable));
    }
    return texts;
  }

  table(tbl: XNode): string[] {
    const rows: string[][] = [];
    const index = this.tables.length;
    this.tables.push(rows);
    const visible = (borders: XNode | undefined) => elements(borders).some((b) => !["none", "nil", undefined].includes(val(b)));
    let borderless = !visible(child(child(tbl, "w:tblPr"), "w:tblBorders"));
    this.tableInfo.push({
      borderless,
      columnWidthsMm: elements(child(tbl, "w:tblGrid"))
        .filter((g) => g.name === "w:gridCol")
        .map((g) => mm(num(val(g, "w:w")))),
    });
    const texts: string[] = [];
    for (const tr of elements(tbl)) {
      if (tr.name !== "w:tr") continue;
      const cells: string[] = [];
      for (const tc of elements(tr)) {
        if (tc.name !== "w:tc") continue;
        if (visible(child(child(tc, "w:tcPr"), "w:tcBorders"))) borderless = false;
        const cellTexts = this.blocks(tc, true);
        cells.push(cellTexts.join("\n"));
        texts.push(...cellTexts);
      }
      rows.push(cells);
    }
    const info = this.tableInfo[index];
    if (info) info.borderless = borderless;
    return texts;
  }
}

/** Reads a .docx file (word/document.xml and word/styles.xml). */
export async function readDocx(buf: Buffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buf);
  const documentXml = await zip.file("word/document.xml")?.async("string");
  if (documentXml === undefined) throw new Error("Not a .docx file: word/document.xml is missing.");
  const stylesXml = await zip.file("word/styles.xml")?.async("string");
  const styles = new Styles(stylesXml === undefined ? null : parseXml(stylesXml));
  const reader = new Reader(styles);
  const body = descendant(parseXml(documentXml), "w:body");
  const texts = body ? reader.blocks(body, false) : [];

  const sect = reader.sectPr;
  const size = child(sect, "w:pgSz");
  const margins = child(sect, "w:pgMar");
  const defaults = styles.paragraphRun(undefined);
  const fonts = new Set<string>();
  for (const p of reader.paragraphs) for (const r of p.runs) if (r.font) fonts.add(r.font);
  if (fonts.size === 0 && defaults.font) fonts.add(defaults.font);

  return {
    text: texts.join("\n"),
    paragraphs: reader.paragraphs,
    tables: reader.tables,
    tableInfo: reader.tableInfo,
    page: {
      widthMm: mm(num(val(size, "w:w"))),
      heightMm: mm(num(val(size, "w:h"))),
      marginsMm: {
        top: mm(num(val(margins, "w:top"))),
        bottom: mm(num(val(margins, "w:bottom"))),
        left: mm(num(val(margins, "w:left"))),
        right: mm(num(val(margins, "w:right"))),
      },
    },
    ...(defaults.font ? { defaultFont: defaults.font } : {}),
    ...(defaults.sizePt !== undefined ? { defaultSizePt: defaults.sizePt } : {}),
    fonts: [...fonts].sort(),
  };
}
