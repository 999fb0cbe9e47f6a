/**
 * DocumentApp stand-in: creates Google Docs in memory and records each one as
 * plain data (`RecordedDocument`), which the local tools turn into a preview
 * (src/local/document-html.ts) or a .docx file (src/local/docx-writer.ts).
 *
 * Behaviour follows Google's documentation and observed Apps Script behaviour:
 * - a new document's body holds one empty paragraph;
 * - the last paragraph of a body (or header/footer) section cannot be removed:
 *   `Exception: Can't remove the last paragraph in a document section.`;
 * - appending a table at the end of a section also appends an empty paragraph
 *   after it (a section always ends with a paragraph), so after
 *   `body.appendTable(...)` the table is the second-to-last child;
 * - `appendTable()` without arguments makes a table with no rows;
 * - a page break / horizontal rule appended to the body lives in a new
 *   paragraph (its getText() is "");
 * - "\n" in a paragraph's text becomes a line break "\r";
 * - getText() of a container joins its children with "\n" (tables: cells and
 *   rows with "\n");
 * - attribute getters return null when the attribute was never set (inherited);
 * - after `saveAndClose()` every call on the document's elements throws
 *   `Exception: Document is closed, its contents cannot be updated.`
 *   (getId/getName/getUrl of the Document keep working).
 *
 * Attributes set on the Body (and on a Table) are applied to the content that
 * is already there and also kept as defaults for content appended later
 * (`RecordedDocument.defaults`, `RecordedTable.textDefaults`). Real Docs
 * applies them to the existing content; set them after building the body, or
 * set the style on each element, to get the same result in both.
 *
 * Every Google-facing class is typed `implements Pick<GoogleAppsScript.Document.X, ...>`
 * and checked with `OnlyApi` so that it has no public member the real API
 * lacks. Each method call made from outside the stand-in is reported as
 * `onCall("Body.appendParagraph")`; calls the stand-in makes internally are not.
 * Members whose name starts with `_` are internals.
 */

// ───────────────────────────── types from @types ─────────────────────────────

type NS = typeof GoogleAppsScript.Document;
type GDocumentApp = GoogleAppsScript.Document.DocumentApp;
type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GHeader = GoogleAppsScript.Document.HeaderSection;
type GFooter = GoogleAppsScript.Document.FooterSection;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GText = GoogleAppsScript.Document.Text;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GPageBreak = GoogleAppsScript.Document.PageBreak;
type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;
type GHeading = GoogleAppsScript.Document.ParagraphHeading;
type GAlignment = GoogleAppsScript.Document.HorizontalAlignment;
type GVAlignment = GoogleAppsScript.Document.VerticalAlignment;
type GGlyph = GoogleAppsScript.Document.GlyphType;
type GElementType = GoogleAppsScript.Document.ElementType;

export type AttributeName = keyof NS["Attribute"];
export type HeadingName = keyof NS["ParagraphHeading"];
export type AlignmentName = keyof NS["HorizontalAlignment"];
export type VerticalAlignmentName = keyof NS["VerticalAlignment"];
export type GlyphTypeName = keyof NS["GlyphType"];
export type ElementTypeName = keyof NS["ElementType"];

// ───────────────────────────── recorded structure ─────────────────────────────

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
  /** Paragraph attributes set on the Body: defaults for all paragraphs. */
  paragraphDefaults: ParagraphStyle;
  blocks: RecordedBlock[];
  header: RecordedSection | null;
  footer: RecordedSection | null;
  /** saveAndClose() was called at least once. */
  saved: boolean;
}

// ───────────────────────────── Google defaults ─────────────────────────────

/** US Letter with 1-inch margins, as a new Google Doc. */
const DEFAULT_PAGE = { width: 612, height: 792, margin: 72 };

// ───────────────────────────── enums ─────────────────────────────

function enumOf<E>(names: readonly string[]): E {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as unknown as E;
}

const ATTRIBUTE_NAMES = [
  "BACKGROUND_COLOR", "BOLD", "BORDER_COLOR", "BORDER_WIDTH", "CODE", "FONT_FAMILY", "FONT_SIZE",
  "FOREGROUND_COLOR", "HEADING", "HEIGHT", "HORIZONTAL_ALIGNMENT", "INDENT_END", "INDENT_FIRST_LINE",
  "INDENT_START", "ITALIC", "GLYPH_TYPE", "LEFT_TO_RIGHT", "LINE_SPACING", "LINK_URL", "LIST_ID",
  "MARGIN_BOTTOM", "MARGIN_LEFT", "MARGIN_RIGHT", "MARGIN_TOP", "NESTING_LEVEL", "MINIMUM_HEIGHT",
  "PADDING_BOTTOM", "PADDING_LEFT", "PADDING_RIGHT", "PADDING_TOP", "PAGE_HEIGHT", "PAGE_WIDTH",
  "SPACING_AFTER", "SPACING_BEFORE", "STRIKETHROUGH", "UNDERLINE", "VERTICAL_ALIGNMENT", "WIDTH",
] as const satisfies readonly AttributeName[];
const HEADINGS = [
  "NORMAL", "HEADING1", "HEADING2", "HEADING3", "HEADING4", "HEADING5", "HEADING6", "TITLE", "SUBTITLE",
] as const satisfies readonly HeadingName[];
const ALIGNMENTS = ["LEFT", "CENTER", "RIGHT", "JUSTIFY"] as const satisfies readonly AlignmentName[];
const VERTICAL_ALIGNMENTS = ["BOTTOM", "CENTER", "TOP"] as const satisfies readonly VerticalAlignmentName[];
const GLYPHS = [
  "BULLET", "HOLLOW_BULLET", "SQUARE_BULLET", "NUMBER", "LATIN_UPPER", "LATIN_LOWER", "ROMAN_UPPER", "ROMAN_LOWER",
] as const satisfies readonly GlyphTypeName[];
const ELEMENT_TYPES = [
  "BODY_SECTION", "COMMENT_SECTION", "DATE", "DOCUMENT", "EQUATION", "EQUATION_FUNCTION",
  "EQUATION_FUNCTION_ARGUMENT_SEPARATOR", "EQUATION_SYMBOL", "FOOTER_SECTION", "FOOTNOTE", "FOOTNOTE_SECTION",
  "HEADER_SECTION", "HORIZONTAL_RULE", "INLINE_DRAWING", "INLINE_IMAGE", "LIST_ITEM", "PAGE_BREAK", "PARAGRAPH",
  "PERSON", "RICH_LINK", "TABLE", "TABLE_CELL", "TABLE_OF_CONTENTS", "TABLE_ROW", "TEXT", "UNSUPPORTED",
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

const Attribute = enumOf<NS["Attribute"]>(ATTRIBUTE_NAMES);
const ParagraphHeading = enumOf<NS["ParagraphHeading"]>(HEADINGS);
const HorizontalAlignment = enumOf<NS["HorizontalAlignment"]>(ALIGNMENTS);
const VerticalAlignment = enumOf<NS["VerticalAlignment"]>(VERTICAL_ALIGNMENTS);
const GlyphType = enumOf<NS["GlyphType"]>(GLYPHS);
const ElementType = enumOf<NS["ElementType"]>(ELEMENT_TYPES);
const TextAlignment = enumOf<NS["TextAlignment"]>(["NORMAL", "SUPERSCRIPT", "SUBSCRIPT"]);

// ───────────────────────────── runtime machinery ─────────────────────────────

/** Public (non-`_`) keys of a class. */
type ApiKeys<T> = { [K in keyof T]: K extends `_${string}` ? never : K }[keyof T];
/** `true` when `Fake` has no public member outside `Api`; else the offending names. */
type OnlyApi<Fake, Api> = [Exclude<ApiKeys<Fake>, keyof Api>] extends [never] ? true : Exclude<ApiKeys<Fake>, keyof Api>;

interface AppState {
  readonly onCall: ((name: string) => void) | undefined;
  readonly baseUrl: string | undefined;
  readonly docs: RecordedDocument[];
  depth: number;
  docSeq: number;
  listSeq: number;
}

interface Session {
  closed: boolean;
}

interface Ctx {
  readonly app: AppState;
  readonly session: Session;
  readonly doc: RecordedDocument;
}

const CLOSED = "Document is closed, its contents cannot be updated.";
const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";

/** An Apps Script exception: String(e) is "Exception: <message>". */
function exception(message: string): Error {
  const e = new Error(message);
  e.name = "Exception";
  return e;
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) {
    const inner = x.find((v) => v !== undefined);
    return `${inner === undefined ? "Object" : typeName(inner)}[]`;
  }
  switch (typeof x) {
    case "string":
      return "String";
    case "number":
      return "number";
    case "boolean":
      return "Boolean";
    case "undefined":
      return "undefined";
    default:
      return "Object";
  }
}

/** The exception Apps Script throws when arguments have the wrong types. */
function signatureError(where: string, args: readonly unknown[]): Error {
  return exception(`The parameters (${args.map(typeName).join(",")}) don't match the method signature for DocumentApp.${where}.`);
}

function cast<T>(x: unknown): T {
  return x as T;
}

/**
 * Wraps the public methods of `cls` (own and inherited) so that a call from
 * outside the stand-in reports `${className}.${method}` and, when the
 * document was closed with saveAndClose(), throws.
 */
function instrument(
  cls: abstract new (...args: never[]) => object,
  className: string | ((self: object) => string),
  keepOpen: readonly string[] = [],
): void {
  const proto = cls.prototype as Record<string, unknown>;
  const seen = new Set<string>();
  for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (key === "constructor" || key.startsWith("_") || seen.has(key)) continue;
      seen.add(key);
      const desc = Object.getOwnPropertyDescriptor(p, key);
      if (!desc || typeof desc.value !== "function") continue;
      const original = desc.value as (...args: unknown[]) => unknown;
      const fixedName = typeof className === "string" ? `${className}.${key}` : null;
      const checkClosed = !keepOpen.includes(key);
      const wrapped = function (this: { _ctx?: Ctx; _app?: AppState }, ...args: unknown[]): unknown {
        const app = this._app ?? this._ctx?.app;
        if (!app || app.depth > 0) return original.apply(this, args);
        app.onCall?.(fixedName ?? `${(className as (self: object) => string)(this)}.${key}`);
        if (checkClosed && this._ctx?.session.closed) throw exception(CLOSED);
        app.depth += 1;
        try {
          return original.apply(this, args);
        } finally {
          app.depth -= 1;
        }
      };
      Object.defineProperty(wrapped, "name", { value: key });
      Object.defineProperty(proto, key, { value: wrapped, writable: true, configurable: true, enumerable: false });
    }
  }
}

// ───────────────────────────── tree helpers ─────────────────────────────

type ContainerKind = "body" | "header" | "footer" | "cell" | "table" | "row" | "paragraph";
type BlocksKind = "body" | "header" | "footer" | "cell";

interface ParentRef {
  kind: ContainerKind;
  node: RecordedDocument | RecordedSection | RecordedCell | RecordedTable | RecordedRow | RecordedParagraph;
}

/** Where each attached node lives (the recorded data stays plain, without parent links). */
const PARENT = new WeakMap<object, ParentRef>();

type AnyNode = RecordedBlock | RecordedRow | RecordedCell | RecordedInline;

function childrenOf(ref: ParentRef): AnyNode[] {
  switch (ref.kind) {
    case "table":
      return (ref.node as RecordedTable).rows;
    case "row":
      return (ref.node as RecordedRow).cells;
    case "paragraph":
      return (ref.node as RecordedParagraph).inlines;
    default:
      return (ref.node as { blocks: RecordedBlock[] }).blocks;
  }
}

function attach(ref: ParentRef, index: number, child: AnyNode): void {
  childrenOf(ref).splice(index, 0, child);
  PARENT.set(child, ref);
}

/** Registers the parents of a subtree's descendants (after creating or copying it). */
function registerTree(node: AnyNode): void {
  switch (node.kind) {
    case "paragraph":
      for (const i of node.inlines) PARENT.set(i, { kind: "paragraph", node });
      break;
    case "table":
      for (const r of node.rows) {
        PARENT.set(r, { kind: "table", node });
        registerTree(r);
      }
      break;
    case "row":
      for (const c of node.cells) {
        PARENT.set(c, { kind: "row", node });
        registerTree(c);
      }
      break;
    case "cell":
      for (const b of node.blocks) {
        PARENT.set(b, { kind: "cell", node });
        registerTree(b);
      }
      break;
    default:
      break;
  }
}

function clone<T extends AnyNode>(node: T): T {
  const copy = structuredClone(node);
  registerTree(copy);
  return copy;
}

function newParagraph(text: string, list: RecordedList | null = null): RecordedParagraph {
  const p: RecordedParagraph = { kind: "paragraph", heading: "NORMAL", list, mark: {}, inlines: [] };
  setParagraphText(p, text);
  return p;
}

function newCell(text: string): RecordedCell {
  const cell: RecordedCell = { kind: "cell", blocks: [] };
  for (const line of text.split("\n")) cell.blocks.push(newParagraph(line));
  registerTree(cell);
  return cell;
}

function newTable(cells: readonly (readonly string[])[]): RecordedTable {
  const table: RecordedTable = { kind: "table", rows: [], columnWidths: [], textDefaults: {} };
  for (const row of cells) table.rows.push({ kind: "row", cells: row.map((t) => newCell(t)) });
  registerTree(table);
  return table;
}

/** "\n" in a paragraph's text is a line break ("\r"), as in Apps Script. */
function lineBreaks(text: string): string {
  return text.replace(/\r\n|\n/g, "\r");
}

function textInlines(p: RecordedParagraph): RecordedText[] {
  return p.inlines.filter((i): i is RecordedText => i.kind === "text");
}

/** The paragraph's text (page breaks and rules have no text). */
export function paragraphText(p: RecordedParagraph): string {
  let s = "";
  for (const i of p.inlines) if (i.kind === "text") for (const r of i.runs) s += r.text;
  return s;
}

/** getText() of a block: paragraphs' text; tables' cells and rows joined with "\n". */
export function blockText(b: RecordedBlock): string {
  if (b.kind === "paragraph") return paragraphText(b);
  return b.rows.map((r) => r.cells.map((c) => c.blocks.map(blockText).join("\n")).join("\n")).join("\n");
}

function blocksText(blocks: readonly RecordedBlock[]): string {
  return blocks.map(blockText).join("\n");
}

/** All paragraphs under a container, in document order (inside tables too). */
function leafParagraphs(ref: ParentRef): RecordedParagraph[] {
  const out: RecordedParagraph[] = [];
  const walkBlocks = (blocks: readonly RecordedBlock[]) => {
    for (const b of blocks) {
      if (b.kind === "paragraph") out.push(b);
      else walkTable(b);
    }
  };
  const walkTable = (t: RecordedTable) => {
    for (const r of t.rows) for (const c of r.cells) walkBlocks(c.blocks);
  };
  switch (ref.kind) {
    case "paragraph":
      out.push(ref.node as RecordedParagraph);
      break;
    case "table":
      walkTable(ref.node as RecordedTable);
      break;
    case "row":
      for (const c of (ref.node as RecordedRow).cells) walkBlocks(c.blocks);
      break;
    default:
      walkBlocks((ref.node as { blocks: RecordedBlock[] }).blocks);
  }
  return out;
}

function allTables(blocks: readonly RecordedBlock[]): RecordedTable[] {
  const out: RecordedTable[] = [];
  const walk = (bs: readonly RecordedBlock[]) => {
    for (const b of bs) {
      if (b.kind !== "table") continue;
      out.push(b);
      for (const r of b.rows) for (const c of r.cells) walk(c.blocks);
    }
  };
  walk(blocks);
  return out;
}

// ───────────────────────────── styles ─────────────────────────────

type Patch<T> = { [K in keyof T]?: T[K] | null };

const STYLE_KEYS = [
  "bold", "italic", "underline", "strikethrough", "fontFamily", "fontSize", "foregroundColor", "backgroundColor", "linkUrl",
] as const satisfies readonly (keyof TextStyle)[];

function styleOf(run: TextStyle): TextStyle {
  const s: TextStyle = {};
  for (const k of STYLE_KEYS) if (run[k] !== undefined) (s as Record<string, unknown>)[k] = run[k];
  return s;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]);
}

function applyPatch<T extends object>(target: T, patch: Patch<T>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete (target as Record<string, unknown>)[k];
    else if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
}

/** Drops empty runs and merges neighbours with the same style. */
function normalizeRuns(runs: RecordedRun[]): RecordedRun[] {
  const out: RecordedRun[] = [];
  for (const r of runs) {
    if (r.text === "") continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, r)) last.text += r.text;
    else out.push(r);
  }
  return out;
}

/** Style new text in the paragraph gets: that of its last character, or of its mark when empty. */
function trailingStyle(p: RecordedParagraph): TextStyle {
  const texts = textInlines(p);
  for (let i = texts.length - 1; i >= 0; i--) {
    const runs = texts[i]?.runs ?? [];
    const last = runs[runs.length - 1];
    if (last) return styleOf(last);
  }
  return { ...p.mark };
}

function leadingStyle(p: RecordedParagraph): TextStyle {
  for (const t of textInlines(p)) {
    const first = t.runs[0];
    if (first) return styleOf(first);
  }
  return { ...p.mark };
}

/** Replaces the paragraph's content by `text` in the style of its first character (or its mark). */
function setParagraphText(p: RecordedParagraph, text: string): void {
  const style = leadingStyle(p);
  for (const i of p.inlines) PARENT.delete(i);
  p.inlines = [];
  if (text === "") return;
  const inline: RecordedText = { kind: "text", runs: [{ ...style, text: lineBreaks(text) }] };
  p.inlines.push(inline);
  PARENT.set(inline, { kind: "paragraph", node: p });
}

function isColor(v: unknown): v is string {
  return typeof v === "string" && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);
}

function normColor(where: string, v: unknown): string {
  if (!isColor(v)) {
    if (typeof v === "string") throw exception(`Invalid argument: color "${v}" (stand-in: expected "#rrggbb"). (${where})`);
    throw signatureError(where, [v]);
  }
  const hex = v.slice(1).toLowerCase();
  return `#${hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex}`;
}

function enumValue<T extends string>(where: string, v: unknown, names: readonly T[]): T {
  const s = v === null || v === undefined ? "" : String(v);
  if (!(names as readonly string[]).includes(s)) throw signatureError(where, [v]);
  return s as T;
}

function numberArg(where: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw signatureError(where, [v]);
  return v;
}

function boolArg(where: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw signatureError(where, [v]);
  return v;
}

function stringArg(where: string, v: unknown): string {
  if (typeof v !== "string") throw signatureError(where, [v]);
  return v;
}

function indexArg(where: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw signatureError(where, [v]);
  return v;
}

const TEXT_ATTRS: Readonly<Record<string, keyof TextStyle>> = {
  BOLD: "bold",
  ITALIC: "italic",
  UNDERLINE: "underline",
  STRIKETHROUGH: "strikethrough",
  FONT_FAMILY: "fontFamily",
  FONT_SIZE: "fontSize",
  FOREGROUND_COLOR: "foregroundColor",
  BACKGROUND_COLOR: "backgroundColor",
  LINK_URL: "linkUrl",
};

const PARAGRAPH_ATTRS: Readonly<Record<string, keyof ParagraphStyle>> = {
  HORIZONTAL_ALIGNMENT: "alignment",
  LINE_SPACING: "lineSpacing",
  SPACING_BEFORE: "spacingBefore",
  SPACING_AFTER: "spacingAfter",
  INDENT_FIRST_LINE: "indentFirstLine",
  INDENT_START: "indentStart",
  INDENT_END: "indentEnd",
  LEFT_TO_RIGHT: "leftToRight",
};

function attrEntries(where: string, attrs: unknown): [string, unknown][] {
  if (attrs === null || typeof attrs !== "object" || Array.isArray(attrs)) throw signatureError(where, [attrs]);
  return Object.entries(attrs as Record<string, unknown>);
}

function textPatch(where: string, attrs: unknown, options: { backgroundIsText: boolean } = { backgroundIsText: true }): Patch<TextStyle> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of attrEntries(where, attrs)) {
    const key = TEXT_ATTRS[k];
    if (!key || (key === "backgroundColor" && !options.backgroundIsText)) continue;
    if (v === null) {
      patch[key] = null;
      continue;
    }
    switch (key) {
      case "bold":
      case "italic":
      case "underline":
      case "strikethrough":
        patch[key] = boolArg(where, v);
        break;
      case "fontSize":
        if (numberArg(where, v) <= 0) throw exception(`Invalid argument: font size ${String(v)}. (${where})`);
        patch[key] = v;
        break;
      case "foregroundColor":
      case "backgroundColor":
        patch[key] = normColor(where, v);
        break;
      default:
        patch[key] = stringArg(where, v);
    }
  }
  return patch as Patch<TextStyle>;
}

function paragraphPatch(where: string, attrs: unknown): Patch<ParagraphStyle> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of attrEntries(where, attrs)) {
    const key = PARAGRAPH_ATTRS[k];
    if (!key) continue;
    if (v === null) patch[key] = null;
    else if (key === "alignment") patch[key] = enumValue(where, v, ALIGNMENTS);
    else if (key === "leftToRight") patch[key] = boolArg(where, v);
    else patch[key] = numberArg(where, v);
  }
  return patch as Patch<ParagraphStyle>;
}

function hasKeys(o: object): boolean {
  return Object.keys(o).length > 0;
}

/** Applies text attributes to every run and paragraph mark under `ref`. */
function styleAllText(ref: ParentRef, patch: Patch<TextStyle>): void {
  if (!hasKeys(patch)) return;
  for (const p of leafParagraphs(ref)) {
    applyPatch(p.mark, patch);
    for (const t of textInlines(p)) {
      for (const r of t.runs) applyPatch(r, patch);
      t.runs = normalizeRuns(t.runs);
    }
  }
}

function styleAllParagraphs(ref: ParentRef, patch: Patch<ParagraphStyle>): void {
  if (!hasKeys(patch)) return;
  for (const p of leafParagraphs(ref)) applyPatch(p, patch);
}

/** Every Attribute name mapped to null, as getAttributes() reports unset attributes. */
function nullAttributes(): Record<AttributeName, unknown> {
  const out = {} as Record<AttributeName, unknown>;
  for (const n of ATTRIBUTE_NAMES) out[n] = null;
  return out;
}

function putTextAttributes(out: Record<AttributeName, unknown>, s: TextStyle): void {
  for (const [attr, key] of Object.entries(TEXT_ATTRS)) if (s[key] !== undefined) out[attr as AttributeName] = s[key];
}

function putParagraphAttributes(out: Record<AttributeName, unknown>, s: ParagraphStyle): void {
  for (const [attr, key] of Object.entries(PARAGRAPH_ATTRS)) if (s[key] !== undefined) out[attr as AttributeName] = s[key];
}

// ───────────────────────────── text scopes (Text elements) ─────────────────────────────

/**
 * What a Text element covers: one Text child of a paragraph, a whole paragraph
 * (Paragraph.editAsText) or all the paragraphs of a container (Body, cell,
 * table...: editAsText), the latter joined with "\n".
 */
type Scope =
  | { kind: "inline"; inline: RecordedText }
  | { kind: "paragraph"; para: RecordedParagraph }
  | { kind: "container"; ref: ParentRef };

interface Piece {
  /** null for an inline scope: its paragraph's mark is not part of it. */
  para: RecordedParagraph | null;
  owner: RecordedParagraph | null;
  inlines: RecordedText[];
}

function piecesOf(scope: Scope): Piece[] {
  switch (scope.kind) {
    case "inline": {
      const ref = PARENT.get(scope.inline);
      return [{ para: null, owner: ref ? (ref.node as RecordedParagraph) : null, inlines: [scope.inline] }];
    }
    case "paragraph":
      return [{ para: scope.para, owner: scope.para, inlines: textInlines(scope.para) }];
    case "container":
      return leafParagraphs(scope.ref).map((p) => ({ para: p, owner: p, inlines: textInlines(p) }));
  }
}

function scopeText(scope: Scope): string {
  return piecesOf(scope)
    .map((pc) => pc.inlines.map((i) => i.runs.map((r) => r.text).join("")).join(""))
    .join("\n");
}

/** Character-by-character styles of the scope (separators get their paragraph's mark). */
function charStyles(scope: Scope): TextStyle[] {
  const out: TextStyle[] = [];
  piecesOf(scope).forEach((pc, i) => {
    if (i > 0) out.push(pc.para?.mark ?? {});
    for (const inline of pc.inlines) for (const r of inline.runs) for (let k = 0; k < r.text.length; k++) out.push(r);
  });
  return out;
}

function checkRange(where: string, length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= length) {
    throw exception(`Invalid argument: offsets ${start}..${end} are outside the text (length ${length}). (${where})`);
  }
}

/** Applies a text patch to the whole scope, or to the characters start..end (inclusive). */
function styleScope(scope: Scope, patch: Patch<TextStyle>, range?: { start: number; end: number }): void {
  const pieces = piecesOf(scope);
  if (!range) {
    for (const pc of pieces) {
      if (pc.para) applyPatch(pc.para.mark, patch);
      for (const inline of pc.inlines) {
        for (const r of inline.runs) applyPatch(r, patch);
        inline.runs = normalizeRuns(inline.runs);
      }
    }
    return;
  }
  const from = range.start;
  const to = range.end + 1;
  let offset = 0;
  pieces.forEach((pc, i) => {
    if (i > 0) offset += 1;
    for (const inline of pc.inlines) {
      const runs: RecordedRun[] = [];
      for (const r of inline.runs) {
        const a = offset;
        const b = offset + r.text.length;
        offset = b;
        const s = Math.max(from, a);
        const e = Math.min(to, b);
        if (s >= e) {
          runs.push(r);
          continue;
        }
        if (s > a) runs.push({ ...r, text: r.text.slice(0, s - a) });
        const mid: RecordedRun = { ...r, text: r.text.slice(s - a, e - a) };
        applyPatch(mid, patch);
        runs.push(mid);
        if (e < b) runs.push({ ...r, text: r.text.slice(e - a) });
      }
      inline.runs = normalizeRuns(runs);
    }
  });
}

/** Locates a character offset: the piece and the inline/run position inside it. */
function locate(scope: Scope, offset: number): { piece: Piece; inPiece: number } | null {
  let start = 0;
  for (const [i, pc] of piecesOf(scope).entries()) {
    if (i > 0) start += 1;
    const len = pc.inlines.reduce((n, t) => n + t.runs.reduce((m, r) => m + r.text.length, 0), 0);
    if (offset >= start && offset <= start + len) return { piece: pc, inPiece: offset - start };
    start += len;
  }
  return null;
}

/** Inserts text at a position inside one paragraph piece, in the style of the character before it. */
function insertInPiece(pc: Piece, at: number, text: string): void {
  let pos = 0;
  for (const inline of pc.inlines) {
    for (const [k, r] of inline.runs.entries()) {
      if (at <= pos + r.text.length && (at > pos || (k === 0 && at === pos))) {
        r.text = r.text.slice(0, at - pos) + text + r.text.slice(at - pos);
        return;
      }
      pos += r.text.length;
    }
  }
  const owner = pc.owner;
  const inline = pc.inlines[pc.inlines.length - 1];
  const style = owner ? trailingStyle(owner) : {};
  if (inline) inline.runs.push({ ...style, text });
  else if (owner) {
    const t: RecordedText = { kind: "text", runs: [{ ...style, text }] };
    owner.inlines.push(t);
    PARENT.set(t, { kind: "paragraph", node: owner });
  }
}

function deleteInPiece(pc: Piece, from: number, toExclusive: number): void {
  let pos = 0;
  for (const inline of pc.inlines) {
    for (const r of inline.runs) {
      const a = pos;
      const b = pos + r.text.length;
      pos = b;
      const s = Math.max(from, a);
      const e = Math.min(toExclusive, b);
      if (s < e) r.text = r.text.slice(0, s - a) + r.text.slice(e - a);
    }
    inline.runs = normalizeRuns(inline.runs);
  }
}

// ───────────────────────────── handles ─────────────────────────────

/** Base of the element handles: type and casts. */
abstract class ElementBase<Self> {
  constructor(readonly _ctx: Ctx) {}

  abstract _type(): ElementTypeName;

  _self(): Self {
    return cast<Self>(this);
  }

  _cast<T>(type: ElementTypeName): T {
    const t = this._type();
    if (t === type || (type === "PARAGRAPH" && t === "LIST_ITEM")) return cast<T>(this);
    throw exception(`Cannot cast an element of type ${t} to ${type}.`);
  }

  getType(): GElementType {
    return cast<GElementType>(this._type());
  }

  asParagraph(): GParagraph {
    return this._cast<GParagraph>("PARAGRAPH");
  }

  asListItem(): GListItem {
    return this._cast<GListItem>("LIST_ITEM");
  }

  asTable(): GTable {
    return this._cast<GTable>("TABLE");
  }

  asTableRow(): GTableRow {
    return this._cast<GTableRow>("TABLE_ROW");
  }

  asText(): GText {
    return this._cast<GText>("TEXT");
  }

  asPageBreak(): GPageBreak {
    return this._cast<GPageBreak>("PAGE_BREAK");
  }

  asHorizontalRule(): GHorizontalRule {
    return this._cast<GHorizontalRule>("HORIZONTAL_RULE");
  }
}

/** A handle for the container a node lives in. */
function containerHandle(ctx: Ctx, ref: ParentRef): GContainer {
  switch (ref.kind) {
    case "body":
      return cast<GContainer>(new FakeBody(ctx));
    case "header":
    case "footer":
      return cast<GContainer>(new FakeSection(ctx, ref.node as RecordedSection));
    default:
      return cast<GContainer>(nodeHandle(ctx, ref.node as AnyNode));
  }
}

/** The handle for a recorded node. */
function nodeHandle(ctx: Ctx, node: AnyNode): object {
  switch (node.kind) {
    case "paragraph":
      return node.list ? new FakeListItem(ctx, node) : new FakeParagraph(ctx, node);
    case "table":
      return new FakeTable(ctx, node);
    case "row":
      return new FakeTableRow(ctx, node);
    case "cell":
      return new FakeTableCell(ctx, node);
    case "text":
      return new FakeText(ctx, { kind: "inline", inline: node });
    case "pageBreak":
      return new FakePageBreak(ctx, node);
    case "horizontalRule":
      return new FakeHorizontalRule(ctx, node);
  }
}

function elementHandle(ctx: Ctx, node: AnyNode): GElement {
  return cast<GElement>(nodeHandle(ctx, node));
}

function sibling(ctx: Ctx, node: AnyNode, step: 1 | -1): GElement | null {
  const ref = PARENT.get(node);
  if (!ref) return null;
  const list = childrenOf(ref);
  const next = list[list.indexOf(node) + step];
  return next ? elementHandle(ctx, next) : null;
}

/** Detaches a node from its parent, with Google's rules for sections and cells. */
function removeNode(node: AnyNode): void {
  const ref = PARENT.get(node);
  if (!ref) return;
  const list = childrenOf(ref);
  const index = list.indexOf(node);
  if (index < 0) return;
  if (node.kind === "paragraph") {
    if ((ref.kind === "body" || ref.kind === "header" || ref.kind === "footer") && index === list.length - 1) {
      throw exception(LAST_PARAGRAPH);
    }
    if (ref.kind === "cell" && list.filter((b) => b.kind === "paragraph").length === 1) {
      throw exception("Can't remove the last paragraph in a table cell.");
    }
  }
  list.splice(index, 1);
  PARENT.delete(node);
}

function childAt(where: string, list: readonly AnyNode[], index: unknown): AnyNode {
  const i = indexArg(where, index);
  const node = list[i];
  if (i < 0 || !node) throw exception(`Child index (${i}) must be less than the number of child elements (${list.length}).`);
  return node;
}

function nodeOfHandle(x: unknown): AnyNode | null {
  if (x instanceof FakeParagraph || x instanceof FakeListItem) return x._p;
  if (x instanceof FakeTable) return x._t;
  if (x instanceof FakeTableRow) return x._r;
  if (x instanceof FakeTableCell) return x._c;
  if (x instanceof FakePageBreak || x instanceof FakeHorizontalRule) return x._n;
  if (x instanceof FakeText && x._scope.kind === "inline") return x._scope.inline;
  return null;
}

function indexOfChild(list: readonly AnyNode[], child: unknown): number {
  const node = nodeOfHandle(child);
  const i = node ? list.indexOf(node) : -1;
  if (i < 0) throw exception("Element does not contain the specified child element.");
  return i;
}

/** A detached element passed to append/insert: a copy of it is attached (its handle stays detached). */
function detachedNode<K extends AnyNode["kind"]>(where: string, x: unknown, kind: K): Extract<AnyNode, { kind: K }> {
  const node = nodeOfHandle(x);
  if (!node || node.kind !== kind) throw signatureError(where, [x]);
  if (PARENT.has(node)) throw exception("Element must be detached.");
  return node as Extract<AnyNode, { kind: K }>;
}

/** Base of nodes that live in a parent: parent, siblings, removal. */
abstract class NodeBase<Self> extends ElementBase<Self> {
  abstract _node(): AnyNode;

  getParent(): GContainer {
    const ref = PARENT.get(this._node());
    return ref ? containerHandle(this._ctx, ref) : cast<GContainer>(null);
  }

  getNextSibling(): GElement {
    return cast<GElement>(sibling(this._ctx, this._node(), 1));
  }

  getPreviousSibling(): GElement {
    return cast<GElement>(sibling(this._ctx, this._node(), -1));
  }

  removeFromParent(): Self {
    removeNode(this._node());
    return this._self();
  }
}

// ── Paragraph and ListItem ──

type ParagraphCommon =
  | "appendHorizontalRule"
  | "appendPageBreak"
  | "appendText"
  | "asHorizontalRule"
  | "asListItem"
  | "asPageBreak"
  | "asParagraph"
  | "asTable"
  | "asTableRow"
  | "asText"
  | "clear"
  | "copy"
  | "editAsText"
  | "getAlignment"
  | "getAttributes"
  | "getChild"
  | "getChildIndex"
  | "getHeading"
  | "getIndentEnd"
  | "getIndentFirstLine"
  | "getIndentStart"
  | "getLineSpacing"
  | "getNextSibling"
  | "getNumChildren"
  | "getParent"
  | "getPreviousSibling"
  | "getSpacingAfter"
  | "getSpacingBefore"
  | "getText"
  | "getType"
  | "isLeftToRight"
  | "removeChild"
  | "removeFromParent"
  | "setAlignment"
  | "setAttributes"
  | "setHeading"
  | "setIndentEnd"
  | "setIndentFirstLine"
  | "setIndentStart"
  | "setLeftToRight"
  | "setLineSpacing"
  | "setSpacingAfter"
  | "setSpacingBefore"
  | "setText";

export type ParagraphApi = Pick<GParagraph, ParagraphCommon>;
export type ListItemApi = Pick<
  GListItem,
  ParagraphCommon | "getGlyphType" | "getListId" | "getNestingLevel" | "setGlyphType" | "setListId" | "setNestingLevel"
>;

abstract class ParagraphBase<Self> extends NodeBase<Self> {
  constructor(
    ctx: Ctx,
    readonly _p: RecordedParagraph,
  ) {
    super(ctx);
  }

  abstract _cls(): string;

  _node(): AnyNode {
    return this._p;
  }

  _where(method: string): string {
    return `${this._cls()}.${method}`;
  }

  /** Page breaks may not go in tables, headers or footers. */
  _inBody(): boolean {
    let ref = PARENT.get(this._p);
    while (ref) {
      if (ref.kind === "body") return true;
      if (ref.kind !== "paragraph") return false;
      ref = PARENT.get(ref.node);
    }
    return true; // detached
  }

  appendText(text: string | GText): GText {
    const s = text instanceof FakeText ? text.getText() : stringArg(this._where("appendText"), text);
    const inline: RecordedText = { kind: "text", runs: [] };
    const style = trailingStyle(this._p);
    if (s !== "") inline.runs.push({ ...style, text: lineBreaks(s) });
    attach({ kind: "paragraph", node: this._p }, this._p.inlines.length, inline);
    return cast<GText>(new FakeText(this._ctx, { kind: "inline", inline }));
  }

  appendPageBreak(pageBreak?: GPageBreak | null): GPageBreak {
    if (pageBreak !== undefined && pageBreak !== null) detachedNode(this._where("appendPageBreak"), pageBreak, "pageBreak");
    if (!this._inBody()) throw exception("PageBreak elements cannot be inserted into a table, header or footer.");
    const node: RecordedPageBreak = { kind: "pageBreak" };
    attach({ kind: "paragraph", node: this._p }, this._p.inlines.length, node);
    return cast<GPageBreak>(new FakePageBreak(this._ctx, node));
  }

  appendHorizontalRule(): GHorizontalRule {
    const node: RecordedHorizontalRule = { kind: "horizontalRule" };
    attach({ kind: "paragraph", node: this._p }, this._p.inlines.length, node);
    return cast<GHorizontalRule>(new FakeHorizontalRule(this._ctx, node));
  }

  clear(): Self {
    for (const i of this._p.inlines) PARENT.delete(i);
    this._p.inlines = [];
    return this._self();
  }

  copy(): Self {
    return cast<Self>(nodeHandle(this._ctx, clone(this._p)));
  }

  editAsText(): GText {
    return cast<GText>(new FakeText(this._ctx, { kind: "paragraph", para: this._p }));
  }

  getText(): string {
    return paragraphText(this._p);
  }

  setText(text: string): void {
    setParagraphText(this._p, stringArg(this._where("setText"), text));
  }

  getNumChildren(): number {
    return this._p.inlines.length;
  }

  getChild(childIndex: number): GElement {
    return elementHandle(this._ctx, childAt(this._where("getChild"), this._p.inlines, childIndex));
  }

  getChildIndex(child: GElement): number {
    return indexOfChild(this._p.inlines, child);
  }

  removeChild(child: GElement): Self {
    const i = indexOfChild(this._p.inlines, child);
    const node = this._p.inlines[i];
    if (node) removeNode(node);
    return this._self();
  }

  getHeading(): GHeading {
    return cast<GHeading>(this._p.heading);
  }

  setHeading(heading: GHeading): Self {
    this._p.heading = enumValue(this._where("setHeading"), heading, HEADINGS);
    return this._self();
  }

  getAlignment(): GAlignment {
    return cast<GAlignment>(this._p.alignment ?? null);
  }

  setAlignment(alignment: GAlignment): Self {
    this._p.alignment = enumValue(this._where("setAlignment"), alignment, ALIGNMENTS);
    return this._self();
  }

  _setNumber(method: string, key: "lineSpacing" | "spacingBefore" | "spacingAfter" | "indentFirstLine" | "indentStart" | "indentEnd", v: number): Self {
    this._p[key] = numberArg(this._where(method), v);
    return this._self();
  }

  getLineSpacing(): number {
    return cast<number>(this._p.lineSpacing ?? null);
  }

  setLineSpacing(multiplier: number): Self {
    return this._setNumber("setLineSpacing", "lineSpacing", multiplier);
  }

  getSpacingBefore(): number {
    return cast<number>(this._p.spacingBefore ?? null);
  }

  setSpacingBefore(spacingBefore: number): Self {
    return this._setNumber("setSpacingBefore", "spacingBefore", spacingBefore);
  }

  getSpacingAfter(): number {
    return cast<number>(this._p.spacingAfter ?? null);
  }

  setSpacingAfter(spacingAfter: number): Self {
    return this._setNumber("setSpacingAfter", "spacingAfter", spacingAfter);
  }

  getIndentFirstLine(): number {
    return cast<number>(this._p.indentFirstLine ?? null);
  }

  setIndentFirstLine(indentFirstLine: number): Self {
    return this._setNumber("setIndentFirstLine", "indentFirstLine", indentFirstLine);
  }

  getIndentStart(): number {
    return cast<number>(this._p.indentStart ?? null);
  }

  setIndentStart(indentStart: number): Self {
    return this._setNumber("setIndentStart", "indentStart", indentStart);
  }

  getIndentEnd(): number {
    return cast<number>(this._p.indentEnd ?? null);
  }

  setIndentEnd(indentEnd: number): Self {
    return this._setNumber("setIndentEnd", "indentEnd", indentEnd);
  }

  isLeftToRight(): boolean {
    return cast<boolean>(this._p.leftToRight ?? null);
  }

  setLeftToRight(leftToRight: boolean): Self {
    this._p.leftToRight = boolArg(this._where("setLeftToRight"), leftToRight);
    return this._self();
  }

  getAttributes(): Record<AttributeName, unknown> {
    const out = nullAttributes();
    putParagraphAttributes(out, this._p);
    putTextAttributes(out, leadingStyle(this._p));
    out.HEADING = this._p.heading;
    if (this._p.list) {
      out.LIST_ID = this._p.list.listId;
      out.NESTING_LEVEL = this._p.list.nestingLevel;
      out.GLYPH_TYPE = this._p.list.glyphType;
    }
    return out;
  }

  setAttributes(attributes: unknown): Self {
    const where = this._where("setAttributes");
    applyPatch(this._p, paragraphPatch(where, attributes));
    const entries = attrEntries(where, attributes);
    for (const [k, v] of entries) {
      if (k === "HEADING" && v !== null) this._p.heading = enumValue(where, v, HEADINGS);
      if (this._p.list && v !== null) {
        if (k === "GLYPH_TYPE") this._p.list.glyphType = enumValue(where, v, GLYPHS);
        if (k === "NESTING_LEVEL") this._p.list.nestingLevel = indexArg(where, v);
      }
    }
    styleAllText({ kind: "paragraph", node: this._p }, textPatch(where, attributes));
    return this._self();
  }
}

export class FakeParagraph extends ParagraphBase<GParagraph> implements ParagraphApi {
  _type(): ElementTypeName {
    return "PARAGRAPH";
  }

  _cls(): string {
    return "Paragraph";
  }
}

export class FakeListItem extends ParagraphBase<GListItem> implements ListItemApi {
  _type(): ElementTypeName {
    return "LIST_ITEM";
  }

  _cls(): string {
    return "ListItem";
  }

  _list(): RecordedList {
    if (!this._p.list) this._p.list = { listId: `kix.list.${++this._ctx.app.listSeq}`, glyphType: "BULLET", nestingLevel: 0 };
    return this._p.list;
  }

  getGlyphType(): GGlyph {
    return cast<GGlyph>(this._list().glyphType);
  }

  setGlyphType(glyphType: GGlyph): GListItem {
    this._list().glyphType = enumValue(this._where("setGlyphType"), glyphType, GLYPHS);
    return this._self();
  }

  getNestingLevel(): number {
    return this._list().nestingLevel;
  }

  setNestingLevel(nestingLevel: number): GListItem {
    const n = indexArg(this._where("setNestingLevel"), nestingLevel);
    if (n < 0 || n > 8) throw exception(`Invalid argument: nesting level ${n}.`);
    this._list().nestingLevel = n;
    return this._self();
  }

  getListId(): string {
    return this._list().listId;
  }

  setListId(listItem: GListItem): GListItem {
    if (!(listItem instanceof FakeListItem)) throw signatureError(this._where("setListId"), [listItem]);
    this._list().listId = listItem._list().listId;
    return this._self();
  }
}

// ── Text ──

export type TextApi = Pick<
  GText,
  | "appendText"
  | "asHorizontalRule"
  | "asListItem"
  | "asPageBreak"
  | "asParagraph"
  | "asTable"
  | "asTableRow"
  | "asText"
  | "deleteText"
  | "editAsText"
  | "getAttributes"
  | "getBackgroundColor"
  | "getFontFamily"
  | "getFontSize"
  | "getForegroundColor"
  | "getLinkUrl"
  | "getParent"
  | "getText"
  | "getTextAttributeIndices"
  | "getType"
  | "insertText"
  | "isBold"
  | "isItalic"
  | "isStrikethrough"
  | "isUnderline"
  | "setAttributes"
  | "setBackgroundColor"
  | "setBold"
  | "setFontFamily"
  | "setFontSize"
  | "setForegroundColor"
  | "setItalic"
  | "setLinkUrl"
  | "setStrikethrough"
  | "setText"
  | "setUnderline"
>;

export class FakeText extends ElementBase<GText> implements TextApi {
  constructor(
    ctx: Ctx,
    readonly _scope: Scope,
  ) {
    super(ctx);
  }

  _type(): ElementTypeName {
    return "TEXT";
  }

  getParent(): GContainer {
    const s = this._scope;
    if (s.kind === "container") return containerHandle(this._ctx, s.ref);
    if (s.kind === "paragraph") return containerHandle(this._ctx, { kind: "paragraph", node: s.para });
    const ref = PARENT.get(s.inline);
    return ref ? containerHandle(this._ctx, ref) : cast<GContainer>(null);
  }

  editAsText(): GText {
    return this._self();
  }

  getText(): string {
    return scopeText(this._scope);
  }

  setText(text: string): GText {
    const s = stringArg("Text.setText", text);
    const scope = this._scope;
    if (scope.kind === "inline") {
      const first = scope.inline.runs[0];
      scope.inline.runs = s === "" ? [] : [{ ...(first ? styleOf(first) : {}), text: lineBreaks(s) }];
    } else if (scope.kind === "paragraph") {
      setParagraphText(scope.para, s);
    } else {
      const paras = leafParagraphs(scope.ref);
      const first = paras[0];
      if (!first) throw exception("Stand-in: Text.setText on an element without paragraphs is not modelled.");
      setParagraphText(first, s);
      for (const p of paras.slice(1)) setParagraphText(p, "");
    }
    return this._self();
  }

  appendText(text: string): GText {
    const s = lineBreaks(stringArg("Text.appendText", text));
    const scope = this._scope;
    if (s === "") return this._self();
    if (scope.kind === "inline") {
      const last = scope.inline.runs[scope.inline.runs.length - 1];
      const ref = PARENT.get(scope.inline);
      const style = last ? styleOf(last) : ref ? trailingStyle(ref.node as RecordedParagraph) : {};
      scope.inline.runs.push({ ...style, text: s });
      scope.inline.runs = normalizeRuns(scope.inline.runs);
    } else {
      const pieces = piecesOf(scope);
      const pc = pieces[pieces.length - 1];
      if (!pc) throw exception("Stand-in: Text.appendText on an element without paragraphs is not modelled.");
      const len = pc.inlines.reduce((n, t) => n + t.runs.reduce((m, r) => m + r.text.length, 0), 0);
      insertInPiece(pc, len, s);
      for (const t of pc.inlines) t.runs = normalizeRuns(t.runs);
    }
    return this._self();
  }

  insertText(offset: number, text: string): GText {
    const s = lineBreaks(stringArg("Text.insertText", text));
    const at = indexArg("Text.insertText", offset);
    const found = locate(this._scope, at);
    if (!found) throw exception(`Invalid argument: offset ${at} is outside the text.`);
    if (s !== "") {
      insertInPiece(found.piece, found.inPiece, s);
      for (const t of found.piece.inlines) t.runs = normalizeRuns(t.runs);
    }
    return this._self();
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    const length = this.getText().length;
    checkRange("Text.deleteText", length, startOffset, endOffsetInclusive);
    const a = locate(this._scope, startOffset);
    const b = locate(this._scope, endOffsetInclusive + 1);
    if (!a || !b || a.piece !== b.piece) {
      throw exception("Stand-in: Text.deleteText across paragraphs is not modelled.");
    }
    deleteInPiece(a.piece, a.inPiece, b.inPiece);
    return this._self();
  }

  /** (patch) on everything, or (start, endInclusive, patch). */
  _style(where: string, args: readonly unknown[], build: (value: unknown) => Patch<TextStyle>): GText {
    if (args.length >= 3) {
      const start = indexArg(where, args[0]);
      const end = indexArg(where, args[1]);
      checkRange(where, this.getText().length, start, end);
      styleScope(this._scope, build(args[2]), { start, end });
    } else {
      styleScope(this._scope, build(args[0]));
    }
    return this._self();
  }

  setBold(...args: [boolean] | [number, number, boolean]): GText {
    return this._style("Text.setBold", args, (v) => ({ bold: v === null ? null : boolArg("Text.setBold", v) }));
  }

  setItalic(...args: [boolean] | [number, number, boolean]): GText {
    return this._style("Text.setItalic", args, (v) => ({ italic: v === null ? null : boolArg("Text.setItalic", v) }));
  }

  setUnderline(...args: [boolean] | [number, number, boolean]): GText {
    return this._style("Text.setUnderline", args, (v) => ({ underline: v === null ? null : boolArg("Text.setUnderline", v) }));
  }

  setStrikethrough(...args: [boolean] | [number, number, boolean]): GText {
    return this._style("Text.setStrikethrough", args, (v) => ({
      strikethrough: v === null ? null : boolArg("Text.setStrikethrough", v),
    }));
  }

  setFontFamily(...args: [string] | [number, number, string]): GText {
    return this._style("Text.setFontFamily", args, (v) => ({ fontFamily: v === null ? null : stringArg("Text.setFontFamily", v) }));
  }

  setFontSize(...args: [number] | [number, number, number]): GText {
    return this._style("Text.setFontSize", args, (v) => textPatch("Text.setFontSize", { FONT_SIZE: v }));
  }

  setForegroundColor(...args: [string] | [number, number, string]): GText {
    return this._style("Text.setForegroundColor", args, (v) => textPatch("Text.setForegroundColor", { FOREGROUND_COLOR: v }));
  }

  setBackgroundColor(...args: [string] | [number, number, string]): GText {
    return this._style("Text.setBackgroundColor", args, (v) => textPatch("Text.setBackgroundColor", { BACKGROUND_COLOR: v }));
  }

  setLinkUrl(...args: [string] | [number, number, string]): GText {
    return this._style("Text.setLinkUrl", args, (v) => ({ linkUrl: v === null ? null : stringArg("Text.setLinkUrl", v) }));
  }

  setAttributes(...args: [unknown] | [number, number, unknown]): GText {
    return this._style("Text.setAttributes", args, (v) => textPatch("Text.setAttributes", v));
  }

  /** The value of a style key at `offset`, or over the whole text when all characters agree (else null). */
  _get<K extends keyof TextStyle>(where: string, key: K, offset?: number | null): TextStyle[K] | null {
    const chars = charStyles(this._scope);
    if (offset !== undefined && offset !== null) {
      const i = indexArg(where, offset);
      const s = chars[i];
      if (!s) throw exception(`Invalid argument: offset ${i} is outside the text.`);
      return s[key] ?? null;
    }
    if (chars.length === 0) {
      const s = this._scope;
      return (s.kind === "paragraph" ? s.para.mark[key] : undefined) ?? null;
    }
    const first = chars[0]?.[key];
    return chars.every((c) => c[key] === first) ? (first ?? null) : null;
  }

  isBold(offset?: number | null): boolean {
    return cast<boolean>(this._get("Text.isBold", "bold", offset));
  }

  isItalic(offset?: number | null): boolean {
    return cast<boolean>(this._get("Text.isItalic", "italic", offset));
  }

  isUnderline(offset?: number | null): boolean {
    return cast<boolean>(this._get("Text.isUnderline", "underline", offset));
  }

  isStrikethrough(offset?: number | null): boolean {
    return cast<boolean>(this._get("Text.isStrikethrough", "strikethrough", offset));
  }

  getFontFamily(offset?: number | null): string {
    return cast<string>(this._get("Text.getFontFamily", "fontFamily", offset));
  }

  getFontSize(offset?: number | null): number {
    return cast<number>(this._get("Text.getFontSize", "fontSize", offset));
  }

  getForegroundColor(offset?: number | null): string {
    return cast<string>(this._get("Text.getForegroundColor", "foregroundColor", offset));
  }

  getBackgroundColor(offset?: number | null): string {
    return cast<string>(this._get("Text.getBackgroundColor", "backgroundColor", offset));
  }

  getLinkUrl(offset?: number | null): string {
    return cast<string>(this._get("Text.getLinkUrl", "linkUrl", offset));
  }

  getAttributes(offset?: number | null): Record<AttributeName, unknown> {
    const out = nullAttributes();
    const style: TextStyle = {};
    for (const k of STYLE_KEYS) {
      const v = this._get("Text.getAttributes", k, offset);
      if (v !== null) (style as Record<string, unknown>)[k] = v;
    }
    putTextAttributes(out, style);
    return out;
  }

  /** Offsets where the text's attributes change (always starting with 0). */
  getTextAttributeIndices(): number[] {
    const chars = charStyles(this._scope);
    const out: number[] = [0];
    for (let i = 1; i < chars.length; i++) {
      const a = chars[i - 1];
      const b = chars[i];
      if (a && b && !sameStyle(a, b)) out.push(i);
    }
    return out;
  }
}

// ── PageBreak, HorizontalRule ──

export type PageBreakApi = Pick<
  GPageBreak,
  | "asHorizontalRule"
  | "asListItem"
  | "asPageBreak"
  | "asParagraph"
  | "asTable"
  | "asTableRow"
  | "asText"
  | "getAttributes"
  | "getNextSibling"
  | "getParent"
  | "getPreviousSibling"
  | "getType"
  | "removeFromParent"
  | "setAttributes"
>;
export type HorizontalRuleApi = Pick<GHorizontalRule, keyof PageBreakApi>;

export class FakePageBreak extends NodeBase<GPageBreak> implements PageBreakApi {
  constructor(
    ctx: Ctx,
    readonly _n: RecordedPageBreak,
  ) {
    super(ctx);
  }

  _type(): ElementTypeName {
    return "PAGE_BREAK";
  }

  _node(): AnyNode {
    return this._n;
  }

  getAttributes(): Record<AttributeName, unknown> {
    return nullAttributes();
  }

  setAttributes(attributes: unknown): GPageBreak {
    attrEntries("PageBreak.setAttributes", attributes);
    return this._self();
  }
}

export class FakeHorizontalRule extends NodeBase<GHorizontalRule> implements HorizontalRuleApi {
  constructor(
    ctx: Ctx,
    readonly _n: RecordedHorizontalRule,
  ) {
    super(ctx);
  }

  _type(): ElementTypeName {
    return "HORIZONTAL_RULE";
  }

  _node(): AnyNode {
    return this._n;
  }

  getAttributes(): Record<AttributeName, unknown> {
    return nullAttributes();
  }

  setAttributes(attributes: unknown): GHorizontalRule {
    attrEntries("HorizontalRule.setAttributes", attributes);
    return this._self();
  }
}

// ── Table, TableRow ──

export type TableApi = Pick<
  GTable,
  | "appendTableRow"
  | "asHorizontalRule"
  | "asListItem"
  | "asPageBreak"
  | "asParagraph"
  | "asTable"
  | "asTableRow"
  | "asText"
  | "copy"
  | "editAsText"
  | "getAttributes"
  | "getBorderColor"
  | "getBorderWidth"
  | "getCell"
  | "getChild"
  | "getChildIndex"
  | "getColumnWidth"
  | "getNextSibling"
  | "getNumChildren"
  | "getNumRows"
  | "getParent"
  | "getPreviousSibling"
  | "getRow"
  | "getText"
  | "getType"
  | "insertTableRow"
  | "removeChild"
  | "removeFromParent"
  | "removeRow"
  | "setAttributes"
  | "setBorderColor"
  | "setBorderWidth"
  | "setColumnWidth"
>;

export class FakeTable extends NodeBase<GTable> implements TableApi {
  constructor(
    ctx: Ctx,
    readonly _t: RecordedTable,
  ) {
    super(ctx);
  }

  _type(): ElementTypeName {
    return "TABLE";
  }

  _node(): AnyNode {
    return this._t;
  }

  _ref(): ParentRef {
    return { kind: "table", node: this._t };
  }

  getNumRows(): number {
    return this._t.rows.length;
  }

  getNumChildren(): number {
    return this._t.rows.length;
  }

  getRow(rowIndex: number): GTableRow {
    return cast<GTableRow>(nodeHandle(this._ctx, childAt("Table.getRow", this._t.rows, rowIndex)));
  }

  getChild(childIndex: number): GElement {
    return elementHandle(this._ctx, childAt("Table.getChild", this._t.rows, childIndex));
  }

  getChildIndex(child: GElement): number {
    return indexOfChild(this._t.rows, child);
  }

  getCell(rowIndex: number, cellIndex: number): GTableCell {
    const row = childAt("Table.getCell", this._t.rows, rowIndex) as RecordedRow;
    return cast<GTableCell>(nodeHandle(this._ctx, childAt("Table.getCell", row.cells, cellIndex)));
  }

  appendTableRow(tableRow?: GTableRow): GTableRow {
    const row: RecordedRow =
      tableRow === undefined ? { kind: "row", cells: [] } : detachedNode("Table.appendTableRow", tableRow, "row");
    attach(this._ref(), this._t.rows.length, row);
    return cast<GTableRow>(nodeHandle(this._ctx, row));
  }

  insertTableRow(childIndex: number, tableRow?: GTableRow | null): GTableRow {
    const i = indexArg("Table.insertTableRow", childIndex);
    if (i < 0 || i > this._t.rows.length) {
      throw exception(`Child index (${i}) must be less than or equal to the number of child elements (${this._t.rows.length}).`);
    }
    const row: RecordedRow =
      tableRow === undefined || tableRow === null ? { kind: "row", cells: [] } : detachedNode("Table.insertTableRow", tableRow, "row");
    attach(this._ref(), i, row);
    return cast<GTableRow>(nodeHandle(this._ctx, row));
  }

  removeRow(rowIndex: number): GTableRow {
    const row = childAt("Table.removeRow", this._t.rows, rowIndex);
    removeNode(row);
    return cast<GTableRow>(nodeHandle(this._ctx, row));
  }

  removeChild(child: GElement): GTable {
    const row = this._t.rows[indexOfChild(this._t.rows, child)];
    if (row) removeNode(row);
    return this._self();
  }

  copy(): GTable {
    return cast<GTable>(nodeHandle(this._ctx, clone(this._t)));
  }

  getText(): string {
    return blockText(this._t);
  }

  editAsText(): GText {
    return cast<GText>(new FakeText(this._ctx, { kind: "container", ref: this._ref() }));
  }

  getBorderWidth(): number {
    return cast<number>(this._t.borderWidth ?? null);
  }

  setBorderWidth(width: number): GTable {
    const w = numberArg("Table.setBorderWidth", width);
    if (w < 0) throw exception(`Invalid argument: border width ${w}.`);
    this._t.borderWidth = w;
    return this._self();
  }

  getBorderColor(): string {
    return cast<string>(this._t.borderColor ?? null);
  }

  setBorderColor(color: string): GTable {
    this._t.borderColor = normColor("Table.setBorderColor", color);
    return this._self();
  }

  getColumnWidth(columnIndex: number): number {
    return cast<number>(this._t.columnWidths[indexArg("Table.getColumnWidth", columnIndex)] ?? null);
  }

  setColumnWidth(columnIndex: number, width: number): GTable {
    const i = indexArg("Table.setColumnWidth", columnIndex);
    const w = numberArg("Table.setColumnWidth", width);
    const columns = Math.max(0, ...this._t.rows.map((r) => r.cells.length));
    if (i < 0 || i >= columns) throw exception(`Column index (${i}) must be less than the number of columns (${columns}).`);
    while (this._t.columnWidths.length <= i) this._t.columnWidths.push(null);
    this._t.columnWidths[i] = w;
    return this._self();
  }

  getAttributes(): Record<AttributeName, unknown> {
    const out = nullAttributes();
    putTextAttributes(out, this._t.textDefaults);
    if (this._t.borderWidth !== undefined) out.BORDER_WIDTH = this._t.borderWidth;
    if (this._t.borderColor !== undefined) out.BORDER_COLOR = this._t.borderColor;
    return out;
  }

  setAttributes(attributes: unknown): GTable {
    const where = "Table.setAttributes";
    for (const [k, v] of attrEntries(where, attributes)) {
      if (k === "BORDER_WIDTH") {
        if (v === null) delete this._t.borderWidth;
        else this._t.borderWidth = numberArg(where, v);
      }
      if (k === "BORDER_COLOR") {
        if (v === null) delete this._t.borderColor;
        else this._t.borderColor = normColor(where, v);
      }
    }
    const patch = textPatch(where, attributes);
    applyPatch(this._t.textDefaults, patch);
    styleAllText(this._ref(), patch);
    styleAllParagraphs(this._ref(), paragraphPatch(where, attributes));
    return this._self();
  }
}

export type TableRowApi = Pick<
  GTableRow,
  | "appendTableCell"
  | "asHorizontalRule"
  | "asListItem"
  | "asPageBreak"
  | "asParagraph"
  | "asTable"
  | "asTableRow"
  | "asText"
  | "editAsText"
  | "getAttributes"
  | "getCell"
  | "getChild"
  | "getChildIndex"
  | "getMinimumHeight"
  | "getNextSibling"
  | "getNumCells"
  | "getNumChildren"
  | "getParent"
  | "getParentTable"
  | "getPreviousSibling"
  | "getText"
  | "getType"
  | "insertTableCell"
  | "removeCell"
  | "removeChild"
  | "removeFromParent"
  | "setAttributes"
  | "setMinimumHeight"
>;

export class FakeTableRow extends NodeBase<GTableRow> implements TableRowApi {
  constructor(
    ctx: Ctx,
    readonly _r: RecordedRow,
  ) {
    super(ctx);
  }

  _type(): ElementTypeName {
    return "TABLE_ROW";
  }

  _node(): AnyNode {
    return this._r;
  }

  _ref(): ParentRef {
    return { kind: "row", node: this._r };
  }

  _newCell(where: string, x: unknown): RecordedCell {
    if (x === undefined || x === null) return newCell("");
    if (typeof x === "string") return newCell(x);
    return detachedNode(where, x, "cell");
  }

  appendTableCell(textContentsOrCell?: string | GTableCell | null): GTableCell {
    const cell = this._newCell("TableRow.appendTableCell", textContentsOrCell);
    attach(this._ref(), this._r.cells.length, cell);
    return cast<GTableCell>(nodeHandle(this._ctx, cell));
  }

  insertTableCell(childIndex: number, textContentsOrCell?: string | GTableCell | null): GTableCell {
    const i = indexArg("TableRow.insertTableCell", childIndex);
    if (i < 0 || i > this._r.cells.length) {
      throw exception(`Child index (${i}) must be less than or equal to the number of child elements (${this._r.cells.length}).`);
    }
    const cell = this._newCell("TableRow.insertTableCell", textContentsOrCell);
    attach(this._ref(), i, cell);
    return cast<GTableCell>(nodeHandle(this._ctx, cell));
  }

  getCell(cellIndex: number): GTableCell {
    return cast<GTableCell>(nodeHandle(this._ctx, childAt("TableRow.getCell", this._r.cells, cellIndex)));
  }

  getChild(childIndex: number): GElement {
    return elementHandle(this._ctx, childAt("TableRow.getChild", this._r.cells, childIndex));
  }

  getChildIndex(child: GElement): number {
    return indexOfChild(this._r.cells, child);
  }

  getNumCells(): number {
    return this._r.cells.length;
  }

  getNumChildren(): number {
    return this._r.cells.length;
  }

  removeCell(cellIndex: number): GTableCell {
    const cell = childAt("TableRow.removeCell", this._r.cells, cellIndex);
    removeNode(cell);
    return cast<GTableCell>(nodeHandle(this._ctx, cell));
  }

  removeChild(child: GElement): GTableRow {
    const cell = this._r.cells[indexOfChild(this._r.cells, child)];
    if (cell) removeNode(cell);
    return this._self();
  }

  getParentTable(): GTable {
    return cast<GTable>(this.getParent());
  }

  getText(): string {
    return this._r.cells.map((c) => blocksText(c.blocks)).join("\n");
  }

  editAsText(): GText {
    return cast<GText>(new FakeText(this._ctx, { kind: "container", ref: this._ref() }));
  }

  getMinimumHeight(): number {
    return cast<number>(this._r.minimumHeight ?? null);
  }

  setMinimumHeight(minHeight: number): GTableRow {
    this._r.minimumHeight = numberArg("TableRow.setMinimumHeight", minHeight);
    return this._self();
  }

  getAttributes(): Record<AttributeName, unknown> {
    const out = nullAttributes();
    if (this._r.minimumHeight !== undefined) out.MINIMUM_HEIGHT = this._r.minimumHeight;
    return out;
  }

  setAttributes(attributes: unknown): GTableRow {
    const where = "TableRow.setAttributes";
    for (const [k, v] of attrEntries(where, attributes)) {
      if (k !== "MINIMUM_HEIGHT") continue;
      if (v === null) delete this._r.minimumHeight;
      else this._r.minimumHeight = numberArg(where, v);
    }
    styleAllText(this._ref(), textPatch(where, attributes));
    styleAllParagraphs(this._ref(), paragraphPatch(where, attributes));
    return this._self();
  }
}

// ── containers of blocks: Body, HeaderSection, FooterSection, TableCell ──

/** The methods Body, HeaderSection, FooterSection and TableCell share. */
abstract class BlocksBase<Self> {
  constructor(readonly _ctx: Ctx) {}

  abstract _ref(): ParentRef & { kind: BlocksKind };
  abstract _cls(): string;
  abstract _type(): ElementTypeName;

  _self(): Self {
    return cast<Self>(this);
  }

  _blocks(): RecordedBlock[] {
    return childrenOf(this._ref()) as RecordedBlock[];
  }

  _where(method: string): string {
    return `${this._cls()}.${method}`;
  }

  /** A new list item continues the list of the list item right before it. */
  _listFor(index: number): RecordedList {
    const prev = this._blocks()[index - 1];
    if (prev?.kind === "paragraph" && prev.list) return { listId: prev.list.listId, glyphType: prev.list.glyphType, nestingLevel: 0 };
    return { listId: `kix.list.${++this._ctx.app.listSeq}`, glyphType: "BULLET", nestingLevel: 0 };
  }

  _checkInsertIndex(where: string, childIndex: unknown): number {
    const i = indexArg(where, childIndex);
    const n = this._blocks().length;
    if (i < 0 || i > n) throw exception(`Child index (${i}) must be less than or equal to the number of child elements (${n}).`);
    return i;
  }

  _insertParagraph(where: string, index: number, x: unknown): RecordedParagraph {
    const p = typeof x === "string" ? newParagraph(x) : detachedNode(where, x, "paragraph");
    if (typeof x !== "string" && p.list) throw signatureError(where, [x]);
    attach(this._ref(), index, p);
    return p;
  }

  _insertListItem(where: string, index: number, x: unknown): RecordedParagraph {
    let p: RecordedParagraph;
    if (typeof x === "string") p = newParagraph(x, this._listFor(index));
    else {
      if (!(x instanceof FakeListItem)) throw signatureError(where, [x]);
      p = detachedNode(where, x, "paragraph");
    }
    attach(this._ref(), index, p);
    return p;
  }

  /** A table at the end of a container is followed by an empty paragraph, as in Google Docs. */
  _insertTable(where: string, index: number, x: unknown): RecordedTable {
    let table: RecordedTable;
    if (x === undefined || x === null) table = newTable([]);
    else if (Array.isArray(x)) {
      for (const row of x) {
        if (!Array.isArray(row) || row.some((c) => typeof c !== "string")) throw signatureError(where, [x]);
      }
      const rows = x as string[][];
      const width = rows[0]?.length ?? 0;
      if (rows.some((r) => r.length !== width)) {
        throw exception(`Stand-in: the rows of a table must have the same number of cells (${where}).`);
      }
      table = newTable(rows);
    } else table = detachedNode(where, x, "table");
    const atEnd = index === this._blocks().length;
    attach(this._ref(), index, table);
    if (atEnd) attach(this._ref(), index + 1, newParagraph(""));
    return table;
  }

  _insertInline(index: number, inline: RecordedPageBreak | RecordedHorizontalRule): void {
    const p = newParagraph("");
    attach(this._ref(), index, p);
    attach({ kind: "paragraph", node: p }, 0, inline);
  }

  getType(): GElementType {
    return cast<GElementType>(this._type());
  }

  appendParagraph(paragraph: string | GParagraph): GParagraph {
    const p = this._insertParagraph(this._where("appendParagraph"), this._blocks().length, paragraph);
    return cast<GParagraph>(nodeHandle(this._ctx, p));
  }

  insertParagraph(childIndex: number, paragraph: string | GParagraph): GParagraph {
    const where = this._where("insertParagraph");
    const p = this._insertParagraph(where, this._checkInsertIndex(where, childIndex), paragraph);
    return cast<GParagraph>(nodeHandle(this._ctx, p));
  }

  appendListItem(listItem: string | GListItem): GListItem {
    const p = this._insertListItem(this._where("appendListItem"), this._blocks().length, listItem);
    return cast<GListItem>(nodeHandle(this._ctx, p));
  }

  insertListItem(childIndex: number, listItem: string | GListItem): GListItem {
    const where = this._where("insertListItem");
    const p = this._insertListItem(where, this._checkInsertIndex(where, childIndex), listItem);
    return cast<GListItem>(nodeHandle(this._ctx, p));
  }

  appendTable(cellsOrTable?: string[][] | GTable | null): GTable {
    const t = this._insertTable(this._where("appendTable"), this._blocks().length, cellsOrTable);
    return cast<GTable>(nodeHandle(this._ctx, t));
  }

  insertTable(childIndex: number, cellsOrTable?: string[][] | GTable | null): GTable {
    const where = this._where("insertTable");
    const t = this._insertTable(where, this._checkInsertIndex(where, childIndex), cellsOrTable);
    return cast<GTable>(nodeHandle(this._ctx, t));
  }

  appendHorizontalRule(): GHorizontalRule {
    const node: RecordedHorizontalRule = { kind: "horizontalRule" };
    this._insertInline(this._blocks().length, node);
    return cast<GHorizontalRule>(nodeHandle(this._ctx, node));
  }

  insertHorizontalRule(childIndex: number): GHorizontalRule {
    const node: RecordedHorizontalRule = { kind: "horizontalRule" };
    this._insertInline(this._checkInsertIndex(this._where("insertHorizontalRule"), childIndex), node);
    return cast<GHorizontalRule>(nodeHandle(this._ctx, node));
  }

  getNumChildren(): number {
    return this._blocks().length;
  }

  getChild(childIndex: number): GElement {
    return elementHandle(this._ctx, childAt(this._where("getChild"), this._blocks(), childIndex));
  }

  getChildIndex(child: GElement): number {
    return indexOfChild(this._blocks(), child);
  }

  removeChild(child: GElement): Self {
    const node = this._blocks()[indexOfChild(this._blocks(), child)];
    if (node) removeNode(node);
    return this._self();
  }

  getText(): string {
    return blocksText(this._blocks());
  }

  /** Replaces the content by the text (one paragraph per line), keeping the first paragraph's style. */
  setText(text: string): Self {
    const lines = stringArg(this._where("setText"), text).split("\n");
    const blocks = this._blocks();
    const firstBlock = blocks[0];
    const first = firstBlock?.kind === "paragraph" ? firstBlock : newParagraph("");
    for (const b of blocks) PARENT.delete(b);
    blocks.length = 0;
    const ref = this._ref();
    lines.forEach((line, i) => {
      let p: RecordedParagraph = first;
      if (i > 0) {
        p = clone({ ...first, inlines: [] });
        p.mark = { ...first.mark };
      }
      setParagraphText(p, line);
      attach(ref, blocks.length, p);
    });
    return this._self();
  }

  /** Leaves one empty paragraph. */
  clear(): Self {
    const blocks = this._blocks();
    for (const b of blocks) PARENT.delete(b);
    blocks.length = 0;
    attach(this._ref(), 0, newParagraph(""));
    return this._self();
  }

  editAsText(): GText {
    return cast<GText>(new FakeText(this._ctx, { kind: "container", ref: this._ref() }));
  }
}

type SectionCommon =
  | "appendHorizontalRule"
  | "appendListItem"
  | "appendParagraph"
  | "appendTable"
  | "clear"
  | "editAsText"
  | "getAttributes"
  | "getChild"
  | "getChildIndex"
  | "getListItems"
  | "getNumChildren"
  | "getParagraphs"
  | "getTables"
  | "getText"
  | "getType"
  | "insertHorizontalRule"
  | "insertListItem"
  | "insertParagraph"
  | "insertTable"
  | "removeChild"
  | "setAttributes"
  | "setText";

export type BodyApi = Pick<
  GBody,
  | SectionCommon
  | "appendPageBreak"
  | "getMarginBottom"
  | "getMarginLeft"
  | "getMarginRight"
  | "getMarginTop"
  | "getPageHeight"
  | "getPageWidth"
  | "insertPageBreak"
  | "setMarginBottom"
  | "setMarginLeft"
  | "setMarginRight"
  | "setMarginTop"
  | "setPageHeight"
  | "setPageWidth"
>;
export type HeaderSectionApi = Pick<GHeader, SectionCommon>;
export type FooterSectionApi = Pick<GFooter, SectionCommon>;

/** Body, HeaderSection and FooterSection. */
abstract class SectionBase<Self> extends BlocksBase<Self> {
  getParagraphs(): GParagraph[] {
    return leafParagraphs(this._ref()).map((p) => cast<GParagraph>(nodeHandle(this._ctx, p)));
  }

  getListItems(): GListItem[] {
    return leafParagraphs(this._ref())
      .filter((p) => p.list)
      .map((p) => cast<GListItem>(nodeHandle(this._ctx, p)));
  }

  getTables(): GTable[] {
    return allTables(this._blocks()).map((t) => cast<GTable>(nodeHandle(this._ctx, t)));
  }
}

type PageKey = "width" | "height" | "top" | "bottom" | "left" | "right";

export class FakeBody extends SectionBase<GBody> implements BodyApi {
  _ref(): ParentRef & { kind: BlocksKind } {
    return { kind: "body", node: this._ctx.doc };
  }

  _cls(): string {
    return "Body";
  }

  _type(): ElementTypeName {
    return "BODY_SECTION";
  }

  _page(key: PageKey): number {
    const page = this._ctx.doc.page;
    return key === "width" || key === "height" ? page[key] : page.margins[key];
  }

  _setPage(method: string, key: PageKey, value: unknown): GBody {
    const v = numberArg(this._where(method), value);
    if (v < 0) throw exception(`Invalid argument: ${key} ${v}.`);
    const page = this._ctx.doc.page;
    if (key === "width" || key === "height") page[key] = v;
    else page.margins[key] = v;
    return this._self();
  }

  getPageWidth(): number {
    return this._page("width");
  }

  setPageWidth(pageWidth: number): GBody {
    return this._setPage("setPageWidth", "width", pageWidth);
  }

  getPageHeight(): number {
    return this._page("height");
  }

  setPageHeight(pageHeight: number): GBody {
    return this._setPage("setPageHeight", "height", pageHeight);
  }

  getMarginTop(): number {
    return this._page("top");
  }

  setMarginTop(marginTop: number): GBody {
    return this._setPage("setMarginTop", "top", marginTop);
  }

  getMarginBottom(): number {
    return this._page("bottom");
  }

  setMarginBottom(marginBottom: number): GBody {
    return this._setPage("setMarginBottom", "bottom", marginBottom);
  }

  getMarginLeft(): number {
    return this._page("left");
  }

  setMarginLeft(marginLeft: number): GBody {
    return this._setPage("setMarginLeft", "left", marginLeft);
  }

  getMarginRight(): number {
    return this._page("right");
  }

  setMarginRight(marginRight: number): GBody {
    return this._setPage("setMarginRight", "right", marginRight);
  }

  appendPageBreak(pageBreak?: GPageBreak): GPageBreak {
    if (pageBreak !== undefined) detachedNode("Body.appendPageBreak", pageBreak, "pageBreak");
    const node: RecordedPageBreak = { kind: "pageBreak" };
    this._insertInline(this._blocks().length, node);
    return cast<GPageBreak>(nodeHandle(this._ctx, node));
  }

  insertPageBreak(childIndex: number, pageBreak?: GPageBreak | null): GPageBreak {
    if (pageBreak !== undefined && pageBreak !== null) detachedNode("Body.insertPageBreak", pageBreak, "pageBreak");
    const node: RecordedPageBreak = { kind: "pageBreak" };
    this._insertInline(this._checkInsertIndex("Body.insertPageBreak", childIndex), node);
    return cast<GPageBreak>(nodeHandle(this._ctx, node));
  }

  getAttributes(): Record<AttributeName, unknown> {
    const doc = this._ctx.doc;
    const out = nullAttributes();
    putTextAttributes(out, doc.defaults);
    putParagraphAttributes(out, doc.paragraphDefaults);
    out.PAGE_WIDTH = doc.page.width;
    out.PAGE_HEIGHT = doc.page.height;
    out.MARGIN_TOP = doc.page.margins.top;
    out.MARGIN_BOTTOM = doc.page.margins.bottom;
    out.MARGIN_LEFT = doc.page.margins.left;
    out.MARGIN_RIGHT = doc.page.margins.right;
    return out;
  }

  /** Page size and margins; text and paragraph attributes go to the content and become defaults. */
  setAttributes(attributes: unknown): GBody {
    const where = "Body.setAttributes";
    const pageKeys: Record<string, PageKey> = {
      PAGE_WIDTH: "width",
      PAGE_HEIGHT: "height",
      MARGIN_TOP: "top",
      MARGIN_BOTTOM: "bottom",
      MARGIN_LEFT: "left",
      MARGIN_RIGHT: "right",
    };
    for (const [k, v] of attrEntries(where, attributes)) {
      const key = pageKeys[k];
      if (key && v !== null) this._setPage("setAttributes", key, v);
    }
    const doc = this._ctx.doc;
    const text = textPatch(where, attributes);
    const para = paragraphPatch(where, attributes);
    applyPatch(doc.defaults, text);
    applyPatch(doc.paragraphDefaults, para);
    styleAllText(this._ref(), text);
    styleAllParagraphs(this._ref(), para);
    return this._self();
  }
}

/** HeaderSection or FooterSection (one class; counted as "HeaderSection.x" / "FooterSection.x"). */
export class FakeSection extends SectionBase<GHeader & GFooter> implements HeaderSectionApi, FooterSectionApi {
  constructor(
    ctx: Ctx,
    readonly _s: RecordedSection,
  ) {
    super(ctx);
  }

  _ref(): ParentRef & { kind: BlocksKind } {
    return { kind: this._s.kind, node: this._s };
  }

  _cls(): string {
    return this._s.kind === "header" ? "HeaderSection" : "FooterSection";
  }

  _type(): ElementTypeName {
    return this._s.kind === "header" ? "HEADER_SECTION" : "FOOTER_SECTION";
  }

  getAttributes(): Record<AttributeName, unknown> {
    return nullAttributes();
  }

  setAttributes(attributes: unknown): GHeader & GFooter {
    const where = this._where("setAttributes");
    styleAllText(this._ref(), textPatch(where, attributes));
    styleAllParagraphs(this._ref(), paragraphPatch(where, attributes));
    return this._self();
  }
}

export type TableCellApi = Pick<
  GTableCell,
  | "appendHorizontalRule"
  | "appendListItem"
  | "appendParagraph"
  | "appendTable"
  | "asTableCell"
  | "clear"
  | "editAsText"
  | "getAttributes"
  | "getBackgroundColor"
  | "getChild"
  | "getChildIndex"
  | "getColSpan"
  | "getNextSibling"
  | "getNumChildren"
  | "getPaddingBottom"
  | "getPaddingLeft"
  | "getPaddingRight"
  | "getPaddingTop"
  | "getParent"
  | "getParentRow"
  | "getParentTable"
  | "getPreviousSibling"
  | "getRowSpan"
  | "getText"
  | "getType"
  | "getVerticalAlignment"
  | "getWidth"
  | "insertHorizontalRule"
  | "insertListItem"
  | "insertParagraph"
  | "insertTable"
  | "removeChild"
  | "removeFromParent"
  | "setAttributes"
  | "setBackgroundColor"
  | "setPaddingBottom"
  | "setPaddingLeft"
  | "setPaddingRight"
  | "setPaddingTop"
  | "setText"
  | "setVerticalAlignment"
  | "setWidth"
>;

type PaddingKey = "paddingTop" | "paddingBottom" | "paddingLeft" | "paddingRight";

export class FakeTableCell extends BlocksBase<GTableCell> implements TableCellApi {
  constructor(
    ctx: Ctx,
    readonly _c: RecordedCell,
  ) {
    super(ctx);
  }

  _ref(): ParentRef & { kind: BlocksKind } {
    return { kind: "cell", node: this._c };
  }

  _cls(): string {
    return "TableCell";
  }

  _type(): ElementTypeName {
    return "TABLE_CELL";
  }

  asTableCell(): GTableCell {
    return this._self();
  }

  getParent(): GContainer {
    const ref = PARENT.get(this._c);
    return ref ? containerHandle(this._ctx, ref) : cast<GContainer>(null);
  }

  getParentRow(): GTableRow {
    return cast<GTableRow>(this.getParent());
  }

  getParentTable(): GTable {
    const row = PARENT.get(this._c);
    const table = row ? PARENT.get(row.node) : undefined;
    return table ? cast<GTable>(containerHandle(this._ctx, table)) : cast<GTable>(null);
  }

  getNextSibling(): GElement {
    return cast<GElement>(sibling(this._ctx, this._c, 1));
  }

  getPreviousSibling(): GElement {
    return cast<GElement>(sibling(this._ctx, this._c, -1));
  }

  removeFromParent(): GTableCell {
    removeNode(this._c);
    return this._self();
  }

  getRowSpan(): number {
    return 1;
  }

  getColSpan(): number {
    return 1;
  }

  getBackgroundColor(): string {
    return cast<string>(this._c.backgroundColor ?? null);
  }

  setBackgroundColor(color: string): GTableCell {
    this._c.backgroundColor = normColor("TableCell.setBackgroundColor", color);
    return this._self();
  }

  getWidth(): number {
    return cast<number>(this._c.width ?? null);
  }

  setWidth(width: number): GTableCell {
    this._c.width = numberArg("TableCell.setWidth", width);
    return this._self();
  }

  getVerticalAlignment(): GVAlignment {
    return cast<GVAlignment>(this._c.verticalAlignment ?? null);
  }

  setVerticalAlignment(alignment: GVAlignment): GTableCell {
    this._c.verticalAlignment = enumValue("TableCell.setVerticalAlignment", alignment, VERTICAL_ALIGNMENTS);
    return this._self();
  }

  _padding(key: PaddingKey): number {
    return cast<number>(this._c[key] ?? null);
  }

  _setPadding(method: string, key: PaddingKey, v: unknown): GTableCell {
    this._c[key] = numberArg(`TableCell.${method}`, v);
    return this._self();
  }

  getPaddingTop(): number {
    return this._padding("paddingTop");
  }

  setPaddingTop(paddingTop: number): GTableCell {
    return this._setPadding("setPaddingTop", "paddingTop", paddingTop);
  }

  getPaddingBottom(): number {
    return this._padding("paddingBottom");
  }

  setPaddingBottom(paddingBottom: number): GTableCell {
    return this._setPadding("setPaddingBottom", "paddingBottom", paddingBottom);
  }

  getPaddingLeft(): number {
    return this._padding("paddingLeft");
  }

  setPaddingLeft(paddingLeft: number): GTableCell {
    return this._setPadding("setPaddingLeft", "paddingLeft", paddingLeft);
  }

  getPaddingRight(): number {
    return this._padding("paddingRight");
  }

  setPaddingRight(paddingRight: number): GTableCell {
    return this._setPadding("setPaddingRight", "paddingRight", paddingRight);
  }

  getAttributes(): Record<AttributeName, unknown> {
    const c = this._c;
    const out = nullAttributes();
    if (c.backgroundColor !== undefined) out.BACKGROUND_COLOR = c.backgroundColor;
    if (c.width !== undefined) out.WIDTH = c.width;
    if (c.verticalAlignment !== undefined) out.VERTICAL_ALIGNMENT = c.verticalAlignment;
    if (c.paddingTop !== undefined) out.PADDING_TOP = c.paddingTop;
    if (c.paddingBottom !== undefined) out.PADDING_BOTTOM = c.paddingBottom;
    if (c.paddingLeft !== undefined) out.PADDING_LEFT = c.paddingLeft;
    if (c.paddingRight !== undefined) out.PADDING_RIGHT = c.paddingRight;
    return out;
  }

  /** Cell attributes (BACKGROUND_COLOR is the cell's); text and paragraph attributes go to its content. */
  setAttributes(attributes: unknown): GTableCell {
    const where = "TableCell.setAttributes";
    const c = this._c;
    const paddings: Record<string, PaddingKey> = {
      PADDING_TOP: "paddingTop",
      PADDING_BOTTOM: "paddingBottom",
      PADDING_LEFT: "paddingLeft",
      PADDING_RIGHT: "paddingRight",
    };
    for (const [k, v] of attrEntries(where, attributes)) {
      const pad = paddings[k];
      if (pad) {
        if (v === null) delete c[pad];
        else c[pad] = numberArg(where, v);
      } else if (k === "BACKGROUND_COLOR") {
        if (v === null) delete c.backgroundColor;
        else c.backgroundColor = normColor(where, v);
      } else if (k === "WIDTH") {
        if (v === null) delete c.width;
        else c.width = numberArg(where, v);
      } else if (k === "VERTICAL_ALIGNMENT") {
        if (v === null) delete c.verticalAlignment;
        else c.verticalAlignment = enumValue(where, v, VERTICAL_ALIGNMENTS);
      }
    }
    styleAllText(this._ref(), textPatch(where, attributes, { backgroundIsText: false }));
    styleAllParagraphs(this._ref(), paragraphPatch(where, attributes));
    return this._self();
  }
}

// ── Document, DocumentApp ──

export type DocumentApi = Pick<
  GDocument,
  "addFooter" | "addHeader" | "getBody" | "getFooter" | "getHeader" | "getId" | "getName" | "getUrl" | "saveAndClose" | "setName"
>;

export class FakeDocument implements DocumentApi {
  constructor(readonly _ctx: Ctx) {}

  getId(): string {
    return this._ctx.doc.id;
  }

  getName(): string {
    return this._ctx.doc.name;
  }

  setName(name: string): GDocument {
    this._ctx.doc.name = stringArg("Document.setName", name);
    return cast<GDocument>(this);
  }

  getUrl(): string {
    return this._ctx.doc.url;
  }

  getBody(): GBody {
    return cast<GBody>(new FakeBody(this._ctx));
  }

  getHeader(): GHeader {
    const h = this._ctx.doc.header;
    return cast<GHeader>(h ? new FakeSection(this._ctx, h) : null);
  }

  addHeader(): GHeader {
    const doc = this._ctx.doc;
    if (doc.header) throw exception("Document already has a header.");
    doc.header = { kind: "header", blocks: [] };
    attach({ kind: "header", node: doc.header }, 0, newParagraph(""));
    return cast<GHeader>(new FakeSection(this._ctx, doc.header));
  }

  getFooter(): GFooter {
    const f = this._ctx.doc.footer;
    return cast<GFooter>(f ? new FakeSection(this._ctx, f) : null);
  }

  addFooter(): GFooter {
    const doc = this._ctx.doc;
    if (doc.footer) throw exception("Document already has a footer.");
    doc.footer = { kind: "footer", blocks: [] };
    attach({ kind: "footer", node: doc.footer }, 0, newParagraph(""));
    return cast<GFooter>(new FakeSection(this._ctx, doc.footer));
  }

  /** Saves; this Document object and its elements can no longer be used (open it again with openById). */
  saveAndClose(): void {
    this._ctx.doc.saved = true;
    this._ctx.session.closed = true;
  }
}

export type DocumentAppApi = Pick<
  GDocumentApp,
  | "Attribute"
  | "ElementType"
  | "GlyphType"
  | "HorizontalAlignment"
  | "ParagraphHeading"
  | "TextAlignment"
  | "VerticalAlignment"
  | "create"
  | "openById"
  | "openByUrl"
>;

export class FakeDocumentApp implements DocumentAppApi {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(readonly _app: AppState) {}

  _open(doc: RecordedDocument): GDocument {
    return cast<GDocument>(new FakeDocument({ app: this._app, session: { closed: false }, doc }));
  }

  /** A new, empty document each time (Letter size, 1-inch margins, one empty paragraph). */
  create(name: string): GDocument {
    const n = stringArg("DocumentApp.create", name);
    const app = this._app;
    app.docSeq += 1;
    const id = `1StandInDoc${String(app.docSeq).padStart(33, "0")}`;
    const doc: RecordedDocument = {
      id,
      name: n,
      url: app.baseUrl !== undefined ? `${app.baseUrl}${id}` : `https://docs.google.com/document/d/${id}/edit`,
      page: {
        width: DEFAULT_PAGE.width,
        height: DEFAULT_PAGE.height,
        margins: { top: DEFAULT_PAGE.margin, bottom: DEFAULT_PAGE.margin, left: DEFAULT_PAGE.margin, right: DEFAULT_PAGE.margin },
      },
      defaults: {},
      paragraphDefaults: {},
      blocks: [],
      header: null,
      footer: null,
      saved: false,
    };
    attach({ kind: "body", node: doc }, 0, newParagraph(""));
    app.docs.push(doc);
    return this._open(doc);
  }

  openById(id: string): GDocument {
    const key = stringArg("DocumentApp.openById", id);
    const doc = this._app.docs.find((d) => d.id === key);
    if (!doc) throw exception("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return this._open(doc);
  }

  openByUrl(url: string): GDocument {
    const s = stringArg("DocumentApp.openByUrl", url);
    const doc = this._app.docs.find((d) => d.url === s || s.includes(`/d/${d.id}`));
    if (!doc) throw exception("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return this._open(doc);
  }
}

export type _DocumentOnlyApi = Assert<
  | OnlyApi<FakeDocumentApp, DocumentAppApi>
  | OnlyApi<FakeDocument, DocumentApi>
  | OnlyApi<FakeBody, BodyApi>
  | OnlyApi<FakeSection, HeaderSectionApi>
  | OnlyApi<FakeSection, FooterSectionApi>
  | OnlyApi<FakeParagraph, ParagraphApi>
  | OnlyApi<FakeListItem, ListItemApi>
  | OnlyApi<FakeText, TextApi>
  | OnlyApi<FakeTable, TableApi>
  | OnlyApi<FakeTableRow, TableRowApi>
  | OnlyApi<FakeTableCell, TableCellApi>
  | OnlyApi<FakePageBreak, PageBreakApi>
  | OnlyApi<FakeHorizontalRule, HorizontalRuleApi>
>;

instrument(FakeDocumentApp, "DocumentApp");
instrument(FakeDocument, "Document", ["getId", "getName", "getUrl"]);
instrument(FakeBody, "Body");
instrument(FakeParagraph, "Paragraph");
instrument(FakeListItem, "ListItem");
instrument(FakeText, "Text");
instrument(FakeTable, "Table");
instrument(FakeTableRow, "TableRow");
instrument(FakeTableCell, "TableCell");
instrument(FakePageBreak, "PageBreak");
instrument(FakeHorizontalRule, "HorizontalRule");
// One class for both sections: counted as "HeaderSection.x" or "FooterSection.x".
instrument(FakeSection, (self) => (self as FakeSection)._cls());

// ───────────────────────────── entry point ─────────────────────────────

export interface DocumentAppOptions {
  /** Called with "Class.method" for every call the script makes (not for the stand-in's own calls). */
  onCall?: (name: string) => void;
  /** Document URLs are baseUrl + id (default https://docs.google.com/document/d/<id>/edit). */
  baseUrl?: string;
}

/** A DocumentApp to install as a global, and the documents it creates (live records). */
export function createDocumentApp(options: DocumentAppOptions = {}): {
  DocumentApp: GDocumentApp;
  documents: RecordedDocument[];
} {
  const app: AppState = { onCall: options.onCall, baseUrl: options.baseUrl, docs: [], depth: 0, docSeq: 0, listSeq: 0 };
  return { DocumentApp: cast<GDocumentApp>(new FakeDocumentApp(app)), documents: app.docs };
}
