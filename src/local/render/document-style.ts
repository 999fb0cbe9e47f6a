/**
 * How a document recorded by the DocumentApp stand-in looks: Google Docs'
 * defaults (named styles, font, line spacing, table borders and padding),
 * the effective text and paragraph style of a run or paragraph, list labels
 * and table column widths. Shared by the HTML preview (./document-html) and
 * the .docx writer (./docx-writer).
 */
import type {
  GlyphTypeName,
  HeadingName,
  AlignmentName,
  NamedStyle,
  RecordedBlock,
  RecordedDocument,
  RecordedParagraph,
  RecordedTable,
  TextStyle,
} from "@cchc/gas-standins";
import { STYLE_KEYS } from "@cchc/gas-standins";

// ───────────────────────────── Google defaults ─────────────────────────────

export const DEFAULT_FONT_FAMILY = "Arial";
export const DEFAULT_LINE_SPACING = 1.15;
/** Default cell padding of a Google Docs table (0.069 in). */
export const DEFAULT_CELL_PADDING = 5;
export const DEFAULT_BORDER_WIDTH = 1;
export const DEFAULT_BORDER_COLOR = "#000000";

/** Google Docs' default named styles (approximately: sizes, colors, spacing in points). */
export const NAMED_STYLES: Readonly<
  Record<HeadingName, { fontSize: number; bold?: boolean; italic?: boolean; color?: string; spacingBefore: number; spacingAfter: number }>
> = {
  NORMAL: { fontSize: 11, spacingBefore: 0, spacingAfter: 0 },
  TITLE: { fontSize: 26, spacingBefore: 0, spacingAfter: 3 },
  SUBTITLE: { fontSize: 15, color: "#666666", spacingBefore: 0, spacingAfter: 16 },
  HEADING1: { fontSize: 20, spacingBefore: 20, spacingAfter: 6 },
  HEADING2: { fontSize: 16, spacingBefore: 18, spacingAfter: 6 },
  HEADING3: { fontSize: 14, color: "#434343", spacingBefore: 16, spacingAfter: 4 },
  HEADING4: { fontSize: 12, color: "#666666", spacingBefore: 14, spacingAfter: 4 },
  HEADING5: { fontSize: 11, color: "#666666", spacingBefore: 12, spacingAfter: 4 },
  HEADING6: { fontSize: 11, italic: true, color: "#666666", spacingBefore: 12, spacingAfter: 4 },
};

/** All paragraphs of a list of blocks, in document order (inside tables too). */
function paragraphsIn(blocks: readonly RecordedBlock[], out: RecordedParagraph[] = []): RecordedParagraph[] {
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(b);
    else for (const r of b.rows) for (const c of r.cells) paragraphsIn(c.blocks, out);
  }
  return out;
}

// ───────────────────────────── effective styles ─────────────────────────────

export interface EffectiveTextStyle {
  fontFamily: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  foregroundColor: string;
  backgroundColor: string | null;
  linkUrl: string | null;
}

export interface EffectiveParagraphStyle {
  alignment: AlignmentName;
  lineSpacing: number;
  spacingBefore: number;
  spacingAfter: number;
  indentFirstLine: number;
  indentStart: number;
  indentEnd: number;
}

/** Google Docs' "Normal text" before a script changes it. */
const BASE_NORMAL: EffectiveTextStyle & EffectiveParagraphStyle = {
  fontFamily: DEFAULT_FONT_FAMILY,
  fontSize: NAMED_STYLES.NORMAL.fontSize,
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  foregroundColor: "#000000",
  backgroundColor: null,
  linkUrl: null,
  alignment: "LEFT",
  lineSpacing: DEFAULT_LINE_SPACING,
  spacingBefore: NAMED_STYLES.NORMAL.spacingBefore,
  spacingAfter: NAMED_STYLES.NORMAL.spacingAfter,
  indentFirstLine: 0,
  indentStart: 0,
  indentEnd: 0,
};

const NAMED_KEYS = Object.keys(BASE_NORMAL) as (keyof typeof BASE_NORMAL)[];

/** The set (neither undefined nor null) attributes of `s` over `out`. */
function layerNamed(out: EffectiveTextStyle & EffectiveParagraphStyle, s: Partial<Record<string, unknown>>): void {
  for (const k of NAMED_KEYS) {
    const v = s[k];
    if (v !== undefined && v !== null) (out as unknown as Record<string, unknown>)[k] = v;
  }
}

/** The defined text attributes of `s` over `out`. */
function layerText(out: EffectiveTextStyle, s: TextStyle): void {
  for (const k of STYLE_KEYS) {
    const v = s[k];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
}

/**
 * How a named style looks in this document: the attributes the document set
 * for it (Body.setHeadingAttributes, recorded in `doc.namedStyles`) over
 * Google's built-in style of that heading (NAMED_STYLES); what neither sets
 * comes from the document's Normal text, which falls back to Google's ("The
 * TextStyle on a named style inherits from the normal text named style", and
 * the same for ParagraphStyle:
 * https://developers.google.com/docs/api/reference/rest/v1/documents#TextStyle).
 */
export function namedStyle(doc: RecordedDocument, heading: HeadingName): EffectiveTextStyle & EffectiveParagraphStyle {
  const own: NamedStyle = doc.namedStyles?.[heading] ?? {};
  const normal: NamedStyle = doc.namedStyles?.NORMAL ?? {};
  const b = NAMED_STYLES[heading];
  const builtin: Partial<EffectiveTextStyle & EffectiveParagraphStyle> =
    heading === "NORMAL"
      ? {}
      : {
          fontSize: b.fontSize,
          ...(b.bold !== undefined ? { bold: b.bold } : {}),
          ...(b.italic !== undefined ? { italic: b.italic } : {}),
          ...(b.color !== undefined ? { foregroundColor: b.color } : {}),
          spacingBefore: b.spacingBefore,
          spacingAfter: b.spacingAfter,
        };
  const out = { ...BASE_NORMAL };
  layerNamed(out, normal as Record<string, unknown>);
  layerNamed(out, builtin);
  if (heading !== "NORMAL") layerNamed(out, own as Record<string, unknown>);
  return out;
}

/**
 * How a run looks: its own attributes, over those of the tables around it
 * (innermost first), over the Body's, over the paragraph's named style
 * (`namedStyle`: the document's own or Google's, Arial 11 for normal text).
 */
export function effectiveTextStyle(
  doc: RecordedDocument,
  paragraph: RecordedParagraph,
  style: TextStyle,
  tables: readonly RecordedTable[] = [],
): EffectiveTextStyle {
  return overText(textBase(doc, namedStyle(doc, paragraph.heading), tables), style);
}

/**
 * What a run's own attributes go over (see `effectiveTextStyle`): the tables
 * around it (innermost first), over the Body's, over `named`, the paragraph's
 * named style. The same for every run of a paragraph style in those tables.
 */
export function textBase(doc: RecordedDocument, named: EffectiveTextStyle, tables: readonly RecordedTable[] = []): EffectiveTextStyle {
  const out: EffectiveTextStyle = {
    fontFamily: named.fontFamily,
    fontSize: named.fontSize,
    bold: named.bold,
    italic: named.italic,
    underline: named.underline,
    strikethrough: named.strikethrough,
    foregroundColor: named.foregroundColor,
    backgroundColor: named.backgroundColor,
    linkUrl: named.linkUrl,
  };
  layerText(out, doc.defaults);
  for (let i = tables.length - 1; i >= 0; i--) layerText(out, tables[i]!.textDefaults);
  return out;
}

/** A run's own attributes over `base` (from `textBase`), as a new style. */
export function overText(base: EffectiveTextStyle, style: TextStyle): EffectiveTextStyle {
  const out: EffectiveTextStyle = { ...base };
  layerText(out, style);
  return out;
}

/** Whether two runs' own text attributes are the same (so are their effective styles under one base). */
export function sameOwnText(a: TextStyle, b: TextStyle): boolean {
  for (const k of STYLE_KEYS) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * How a paragraph is laid out: its own attributes over its named style's
 * (`namedStyle`). Google's default list indentation: 36 pt per level, the
 * glyph hanging 18 pt.
 */
export function effectiveParagraphStyle(
  doc: RecordedDocument,
  p: RecordedParagraph,
  named: EffectiveParagraphStyle = namedStyle(doc, p.heading),
): EffectiveParagraphStyle {
  const listIndent = p.list ? 36 * (p.list.nestingLevel + 1) : null;
  return {
    alignment: p.alignment ?? named.alignment,
    lineSpacing: p.lineSpacing ?? named.lineSpacing,
    spacingBefore: p.spacingBefore ?? named.spacingBefore,
    spacingAfter: p.spacingAfter ?? named.spacingAfter,
    indentStart: p.indentStart ?? listIndent ?? named.indentStart,
    indentFirstLine: p.indentFirstLine ?? (listIndent !== null ? listIndent - 18 : named.indentFirstLine),
    indentEnd: p.indentEnd ?? named.indentEnd,
  };
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let s = "";
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

function toLatin(n: number): string {
  let s = "";
  while (n > 0) {
    n -= 1;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

/** The glyph or number shown before a list item with the given 1-based position. */
export function listLabel(glyph: GlyphTypeName, position: number): string {
  switch (glyph) {
    case "BULLET":
      return "●";
    case "HOLLOW_BULLET":
      return "○";
    case "SQUARE_BULLET":
      return "■";
    case "NUMBER":
      return `${position}.`;
    case "LATIN_UPPER":
      return `${toLatin(position).toUpperCase()}.`;
    case "LATIN_LOWER":
      return `${toLatin(position)}.`;
    case "ROMAN_UPPER":
      return `${toRoman(position).toUpperCase()}.`;
    case "ROMAN_LOWER":
      return `${toRoman(position)}.`;
  }
}

/** Labels of all list items of the document, numbered per list and level in document order. */
export function listLabels(doc: RecordedDocument): Map<RecordedParagraph, string> {
  const out = new Map<RecordedParagraph, string>();
  const counters = new Map<string, number[]>();
  const all = [
    ...(doc.header ? paragraphsIn(doc.header.blocks) : []),
    ...paragraphsIn(doc.blocks),
    ...(doc.footer ? paragraphsIn(doc.footer.blocks) : []),
  ];
  for (const p of all) {
    if (!p.list) continue;
    const c = counters.get(p.list.listId) ?? [];
    const level = p.list.nestingLevel;
    c[level] = (c[level] ?? 0) + 1;
    c.length = level + 1;
    counters.set(p.list.listId, c);
    out.set(p, listLabel(p.list.glyphType, c[level] ?? 1));
  }
  return out;
}

// ───────────────────────────── HTML preview ─────────────────────────────

/**
 * Column widths in points: the cell widths of the first row, else the table's
 * column widths, the other columns sharing what is left of `available`
 * (Google Docs tables span the text width by default).
 */
export function columnWidths(t: RecordedTable, columns: number, available: number): number[] {
  const first = t.rows[0];
  const set: (number | null)[] = [];
  for (let c = 0; c < columns; c++) set.push(first?.cells[c]?.width ?? t.columnWidths[c] ?? null);
  const fixed = set.reduce<number>((a, w) => a + (w ?? 0), 0);
  const free = set.filter((w) => w === null).length;
  const share = free > 0 ? Math.max(36, (available - fixed) / free) : 0;
  return set.map((w) => w ?? share);
}
