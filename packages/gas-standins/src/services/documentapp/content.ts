/**
 * The content of recorded paragraphs: new paragraphs, cells and tables, text
 * styles as runs (merged when alike), and Apps Script's attribute objects
 * ({BOLD: true, FONT_SIZE: 13...}) read and applied.
 */
import { STYLE_KEYS } from "../../support/documentRecords";
import { ALIGNMENTS, ATTRIBUTE_NAMES } from "../../support/enums";
import type { AttributeName } from "../../support/enums";
import type {
  ParagraphStyle,
  RecordedCell,
  RecordedList,
  RecordedParagraph,
  RecordedRow,
  RecordedRun,
  RecordedTable,
  RecordedText,
  TextStyle,
} from "../../support/documentRecords";
import { boolArg, enumValue, exception, normColor, numberArg, signatureError, stringArg } from "./args";
import { attach, detach, leafParagraphs, lineBreaks, setParent, textInlines } from "./tree";
import type { ParentRef } from "./tree";

export function newParagraph(text: string, list: RecordedList | null = null): RecordedParagraph {
  const p: RecordedParagraph = { kind: "paragraph", heading: "NORMAL", list, mark: {}, inlines: [] };
  // What setParagraphText gives a new paragraph: one run in the style of its (empty) mark.
  if (text !== "") {
    const inline: RecordedText = { kind: "text", runs: [{ text: lineBreaks(text) }] };
    p.inlines.push(inline);
    setParent(inline, { kind: "paragraph", node: p });
  }
  return p;
}

export function newCell(text: string): RecordedCell {
  const cell: RecordedCell = { kind: "cell", blocks: [] };
  const ref: ParentRef = { kind: "cell", node: cell };
  if (text.indexOf("\n") < 0) {
    const p = newParagraph(text);
    cell.blocks.push(p);
    setParent(p, ref);
    return cell;
  }
  for (const line of text.split("\n")) {
    const p = newParagraph(line);
    cell.blocks.push(p);
    setParent(p, ref);
  }
  return cell;
}

/** A table of new cells, each node linked to its parent once (a report's table has thousands of rows). */
export function newTable(cells: readonly (readonly string[])[]): RecordedTable {
  const table: RecordedTable = { kind: "table", rows: [], columnWidths: [], textDefaults: {} };
  const tableRef: ParentRef = { kind: "table", node: table };
  for (const texts of cells) {
    const row: RecordedRow = { kind: "row", cells: [] };
    const rowRef: ParentRef = { kind: "row", node: row };
    for (let i = 0; i < texts.length; i++) {
      const cell = newCell(texts[i]!);
      row.cells.push(cell);
      setParent(cell, rowRef);
    }
    table.rows.push(row);
    setParent(row, tableRef);
  }
  return table;
}

export type Patch<T> = { [K in keyof T]?: T[K] | null };

export function styleOf(run: TextStyle): TextStyle {
  const s: TextStyle = {};
  for (const k of STYLE_KEYS) if (run[k] !== undefined) (s as Record<string, unknown>)[k] = run[k];
  return s;
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]);
}

export function applyPatch<T extends object>(target: T, patch: Patch<T>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete (target as Record<string, unknown>)[k];
    else if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
}

/** Drops empty runs and merges neighbours with the same style. */
export function normalizeRuns(runs: RecordedRun[]): RecordedRun[] {
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
export function trailingStyle(p: RecordedParagraph): TextStyle {
  const texts = textInlines(p);
  for (let i = texts.length - 1; i >= 0; i--) {
    const runs = texts[i]?.runs ?? [];
    const last = runs[runs.length - 1];
    if (last) return styleOf(last);
  }
  return { ...p.mark };
}

export function leadingStyle(p: RecordedParagraph): TextStyle {
  for (const t of textInlines(p)) {
    const first = t.runs[0];
    if (first) return styleOf(first);
  }
  return { ...p.mark };
}

/** Replaces the paragraph's content by `text` in the style of its first character (or its mark). */
export function setParagraphText(p: RecordedParagraph, text: string): void {
  const style = leadingStyle(p);
  detach(p.inlines);
  p.inlines = [];
  if (text === "") return;
  attach({ kind: "paragraph", node: p }, 0, { kind: "text", runs: [{ ...style, text: lineBreaks(text) }] });
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

export function attrEntries(where: string, attrs: unknown): [string, unknown][] {
  if (attrs === null || typeof attrs !== "object" || Array.isArray(attrs)) throw signatureError(where, [attrs]);
  return Object.entries(attrs as Record<string, unknown>);
}

export function textPatch(
  where: string,
  attrs: unknown,
  options: { backgroundIsText: boolean } = { backgroundIsText: true },
): Patch<TextStyle> {
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

export function paragraphPatch(where: string, attrs: unknown): Patch<ParagraphStyle> {
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
export function styleAllText(ref: ParentRef, patch: Patch<TextStyle>): void {
  // The patch's entries once, not per run: a table's attributes reach every run of thousands of cells.
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    keys.push(k);
    values.push(v);
  }
  if (!hasKeys(patch)) return;
  for (const p of leafParagraphs(ref)) {
    patchWith(p.mark, keys, values);
    for (const t of p.inlines) {
      if (t.kind !== "text") continue;
      for (const r of t.runs) patchWith(r, keys, values);
      // One non-empty run has no neighbour to merge with and stays as it is.
      if (t.runs.length !== 1 || t.runs[0]!.text === "") t.runs = normalizeRuns(t.runs);
    }
  }
}

/** applyPatch with the patch's defined entries given as keys and values. */
function patchWith(target: object, keys: readonly string[], values: readonly unknown[]): void {
  for (let i = 0; i < keys.length; i++) {
    const v = values[i];
    if (v === null) delete (target as Record<string, unknown>)[keys[i]!];
    else (target as Record<string, unknown>)[keys[i]!] = v;
  }
}

/**
 * Paragraph attributes (HORIZONTAL_ALIGNMENT, LINE_SPACING, SPACING_BEFORE,
 * SPACING_AFTER, INDENT_*, LEFT_TO_RIGHT) given to a container that is not a
 * paragraph (Body, HeaderSection, FooterSection, Table, TableRow, TableCell):
 * Google documents them "for paragraph elements" only
 * (https://developers.google.com/apps-script/reference/document/attribute),
 * and nothing says a container passes them on to its paragraphs, so the
 * stand-in does not: they are checked like a paragraph's and then ignored.
 * Text attributes, on the other hand, do reach the container's text.
 */
export function ignoreParagraphAttributes(where: string, attrs: unknown): void {
  paragraphPatch(where, attrs);
}

/** Every Attribute name mapped to null, as getAttributes() reports unset attributes. */
export function nullAttributes(): Record<AttributeName, unknown> {
  const out = {} as Record<AttributeName, unknown>;
  for (const n of ATTRIBUTE_NAMES) out[n] = null;
  return out;
}

export function putTextAttributes(out: Record<AttributeName, unknown>, s: TextStyle): void {
  for (const [attr, key] of Object.entries(TEXT_ATTRS)) if (s[key] !== undefined) out[attr as AttributeName] = s[key];
}

export function putParagraphAttributes(out: Record<AttributeName, unknown>, s: ParagraphStyle): void {
  for (const [attr, key] of Object.entries(PARAGRAPH_ATTRS)) if (s[key] !== undefined) out[attr as AttributeName] = s[key];
}

export { STYLE_KEYS };
