/**
 * The document model DocumentApp records: each document the script creates is
 * kept as plain data (no methods, no parent links, JSON-serializable), which
 * the stand-in's element handles read and change, and which tools render (an
 * HTML preview, a .docx file). Attributes never set are absent (inherited).
 */
import type { AlignmentName, GlyphTypeName, HeadingName, VerticalAlignmentName } from "./enums";

/** Text attributes set explicitly; a missing key is inherited. Sizes in points, colors "#rrggbb". */
export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontFamily?: string;
  fontSize?: number;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

/** Paragraph attributes set explicitly (points; lineSpacing is a multiplier). */
export interface ParagraphStyle {
  alignment?: AlignmentName;
  lineSpacing?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  indentFirstLine?: number;
  indentStart?: number;
  indentEnd?: number;
  leftToRight?: boolean;
}

/** A named style (Normal text, Heading 1...): its text and paragraph attributes set explicitly. */
export interface NamedStyle extends TextStyle, ParagraphStyle {}

/** A stretch of text with one style. */
export interface RecordedRun extends TextStyle {
  text: string;
}

/** A Text element of a paragraph: its characters as styled runs. */
export interface RecordedText {
  kind: "text";
  runs: RecordedRun[];
}

export interface RecordedPageBreak {
  kind: "pageBreak";
}

export interface RecordedHorizontalRule {
  kind: "horizontalRule";
}

export type RecordedInline = RecordedText | RecordedPageBreak | RecordedHorizontalRule;

export interface RecordedList {
  listId: string;
  glyphType: GlyphTypeName;
  nestingLevel: number;
}

/** A Paragraph, or a ListItem when `list` is set. A page break is a paragraph holding a pageBreak inline. */
export interface RecordedParagraph extends ParagraphStyle {
  kind: "paragraph";
  heading: HeadingName;
  list: RecordedList | null;
  /** Style of the paragraph mark: what new text typed into an empty paragraph gets. */
  mark: TextStyle;
  inlines: RecordedInline[];
}

export interface RecordedCell {
  kind: "cell";
  blocks: RecordedBlock[];
  backgroundColor?: string;
  /** Points. */
  width?: number;
  verticalAlignment?: VerticalAlignmentName;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
}

export interface RecordedRow {
  kind: "row";
  cells: RecordedCell[];
  /** Points. */
  minimumHeight?: number;
}

export interface RecordedTable {
  kind: "table";
  rows: RecordedRow[];
  /** Points; 0 means no borders. Unset: Google's default 1 pt. */
  borderWidth?: number;
  borderColor?: string;
  /** Points per column index (null: not set). */
  columnWidths: (number | null)[];
  /** Text attributes set with Table.setAttributes: defaults for the cells' text. */
  textDefaults: TextStyle;
}

export type RecordedBlock = RecordedParagraph | RecordedTable;

export interface RecordedSection {
  kind: "header" | "footer";
  blocks: RecordedBlock[];
}

export interface RecordedDocument {
  id: string;
  name: string;
  url: string;
  /** Points. */
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
  /** Text attributes set on the Body: defaults for all text. */
  defaults: TextStyle;
  /**
   * The document's own named styles, as set with Body.setHeadingAttributes:
   * only the attributes set (the rest is Google's built-in style of that
   * heading, and a heading's unset attributes come from NORMAL's, as the Docs
   * API describes the inheritance of named styles).
   */
  namedStyles: Partial<Record<HeadingName, NamedStyle>>;
  blocks: RecordedBlock[];
  header: RecordedSection | null;
  footer: RecordedSection | null;
  /** saveAndClose() was called at least once. */
  saved: boolean;
}

/** The keys of a TextStyle, in one order (what a run, a table or the body may set). */
export const STYLE_KEYS = [
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "fontFamily",
  "fontSize",
  "foregroundColor",
  "backgroundColor",
  "linkUrl",
] as const satisfies readonly (keyof TextStyle)[];
