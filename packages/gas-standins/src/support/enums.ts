/**
 * Apps Script enums as plain frozen objects whose values are the member names
 * (String(SpreadsheetApp.ProtectionType.SHEET) === "SHEET", as in Apps Script,
 * and members compare with ===). Typed as the @types enums so code written
 * against the real API type-checks; only types come from @types, never values.
 */
type S = typeof GoogleAppsScript.Spreadsheet;
type B = typeof GoogleAppsScript.Base;
type H = typeof GoogleAppsScript.HTML;
type NS = typeof GoogleAppsScript.Document;

function enumOf<E>(names: readonly string[]): E {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as unknown as E;
}

export const ProtectionType = enumOf<S["ProtectionType"]>(["RANGE", "SHEET"]);

export const DataValidationCriteria = enumOf<S["DataValidationCriteria"]>([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);

export const BooleanCriteria = enumOf<S["BooleanCriteria"]>([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);

export const WrapStrategy = enumOf<S["WrapStrategy"]>(["WRAP", "OVERFLOW", "CLIP"]);
export const Dimension = enumOf<S["Dimension"]>(["COLUMNS", "ROWS"]);
export const BorderStyle = enumOf<S["BorderStyle"]>(["DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE"]);
export const SheetType = enumOf<S["SheetType"]>(["GRID", "OBJECT"]);

export const Button = enumOf<B["Button"]>(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = enumOf<B["ButtonSet"]>(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);

export const SandboxMode = enumOf<H["SandboxMode"]>(["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = enumOf<H["XFrameOptionsMode"]>(["ALLOWALL", "DEFAULT"]);

// ---------------------------------------------------------------- DocumentApp

/** Member names of the DocumentApp enums (the recorded document stores these). */
export type AttributeName = keyof NS["Attribute"];
export type HeadingName = keyof NS["ParagraphHeading"];
export type AlignmentName = keyof NS["HorizontalAlignment"];
export type VerticalAlignmentName = keyof NS["VerticalAlignment"];
export type GlyphTypeName = keyof NS["GlyphType"];
export type ElementTypeName = keyof NS["ElementType"];

export const ATTRIBUTE_NAMES = [
  "BACKGROUND_COLOR",
  "BOLD",
  "BORDER_COLOR",
  "BORDER_WIDTH",
  "CODE",
  "FONT_FAMILY",
  "FONT_SIZE",
  "FOREGROUND_COLOR",
  "HEADING",
  "HEIGHT",
  "HORIZONTAL_ALIGNMENT",
  "INDENT_END",
  "INDENT_FIRST_LINE",
  "INDENT_START",
  "ITALIC",
  "GLYPH_TYPE",
  "LEFT_TO_RIGHT",
  "LINE_SPACING",
  "LINK_URL",
  "LIST_ID",
  "MARGIN_BOTTOM",
  "MARGIN_LEFT",
  "MARGIN_RIGHT",
  "MARGIN_TOP",
  "NESTING_LEVEL",
  "MINIMUM_HEIGHT",
  "PADDING_BOTTOM",
  "PADDING_LEFT",
  "PADDING_RIGHT",
  "PADDING_TOP",
  "PAGE_HEIGHT",
  "PAGE_WIDTH",
  "SPACING_AFTER",
  "SPACING_BEFORE",
  "STRIKETHROUGH",
  "UNDERLINE",
  "VERTICAL_ALIGNMENT",
  "WIDTH",
] as const satisfies readonly AttributeName[];
export const HEADINGS = [
  "NORMAL",
  "HEADING1",
  "HEADING2",
  "HEADING3",
  "HEADING4",
  "HEADING5",
  "HEADING6",
  "TITLE",
  "SUBTITLE",
] as const satisfies readonly HeadingName[];
export const ALIGNMENTS = ["LEFT", "CENTER", "RIGHT", "JUSTIFY"] as const satisfies readonly AlignmentName[];
export const VERTICAL_ALIGNMENTS = ["BOTTOM", "CENTER", "TOP"] as const satisfies readonly VerticalAlignmentName[];
export const GLYPHS = [
  "BULLET",
  "HOLLOW_BULLET",
  "SQUARE_BULLET",
  "NUMBER",
  "LATIN_UPPER",
  "LATIN_LOWER",
  "ROMAN_UPPER",
  "ROMAN_LOWER",
] as const satisfies readonly GlyphTypeName[];
const ELEMENT_TYPES = [
  "BODY_SECTION",
  "COMMENT_SECTION",
  "DATE",
  "DOCUMENT",
  "EQUATION",
  "EQUATION_FUNCTION",
  "EQUATION_FUNCTION_ARGUMENT_SEPARATOR",
  "EQUATION_SYMBOL",
  "FOOTER_SECTION",
  "FOOTNOTE",
  "FOOTNOTE_SECTION",
  "HEADER_SECTION",
  "HORIZONTAL_RULE",
  "INLINE_DRAWING",
  "INLINE_IMAGE",
  "LIST_ITEM",
  "PAGE_BREAK",
  "PARAGRAPH",
  "PERSON",
  "RICH_LINK",
  "TABLE",
  "TABLE_CELL",
  "TABLE_OF_CONTENTS",
  "TABLE_ROW",
  "TEXT",
  "UNSUPPORTED",
] as const satisfies readonly ElementTypeName[];

/** Compile-time: the lists above name every member of the @types enums. */
type Covers<All extends string, Listed extends string> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
type Assert<T extends true> = T;
export type _EnumsComplete = Assert<
  | Covers<AttributeName, (typeof ATTRIBUTE_NAMES)[number]>
  | Covers<HeadingName, (typeof HEADINGS)[number]>
  | Covers<AlignmentName, (typeof ALIGNMENTS)[number]>
  | Covers<VerticalAlignmentName, (typeof VERTICAL_ALIGNMENTS)[number]>
  | Covers<GlyphTypeName, (typeof GLYPHS)[number]>
  | Covers<ElementTypeName, (typeof ELEMENT_TYPES)[number]>
>;

export const Attribute = enumOf<NS["Attribute"]>(ATTRIBUTE_NAMES);
export const ParagraphHeading = enumOf<NS["ParagraphHeading"]>(HEADINGS);
export const HorizontalAlignment = enumOf<NS["HorizontalAlignment"]>(ALIGNMENTS);
export const VerticalAlignment = enumOf<NS["VerticalAlignment"]>(VERTICAL_ALIGNMENTS);
export const GlyphType = enumOf<NS["GlyphType"]>(GLYPHS);
export const ElementType = enumOf<NS["ElementType"]>(ELEMENT_TYPES);
export const TextAlignment = enumOf<NS["TextAlignment"]>(["NORMAL", "SUPERSCRIPT", "SUBSCRIPT"]);
