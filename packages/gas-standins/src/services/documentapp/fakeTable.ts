/**
 * Table: rows of cells, borders, column widths. Of the attributes set on it,
 * BORDER_COLOR and BORDER_WIDTH are the table's ("for table elements",
 * https://developers.google.com/apps-script/reference/document/attribute);
 * text attributes apply to its text and stay as defaults for text added
 * later; paragraph attributes are ignored (see ignoreParagraphAttributes).
 */
import type { AttributeName, ElementTypeName } from "../../support/enums";
import type { RecordedRow, RecordedTable } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import { cast, exception, indexArg, normColor, numberArg } from "./args";
import { applyPatch, attrEntries, nullAttributes, ignoreParagraphAttributes, putTextAttributes, styleAllText, textPatch } from "./content";
import { instrumentDocument } from "./context";
import type { Ctx } from "./context";
import { childAt, detachedNode, indexOfChild, NodeBase, removeNode } from "./elementBase";
import type { CastMethods } from "./elementBase";
import { FakeText } from "./fakeText";
import { attach, blockText, clone } from "./tree";
import type { AnyNode, ParentRef } from "./tree";

type GText = GoogleAppsScript.Document.Text;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GElement = GoogleAppsScript.Document.Element;

export type TableApi = Pick<
  GTable,
  | "appendTableRow"
  | CastMethods
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
    return this._element<GTableRow>(childAt("Table.getRow", this._t.rows, rowIndex));
  }

  getChild(childIndex: number): GElement {
    return this._element(childAt("Table.getChild", this._t.rows, childIndex));
  }

  getChildIndex(child: GElement): number {
    return indexOfChild(this._t.rows, child);
  }

  getCell(rowIndex: number, cellIndex: number): GTableCell {
    const row = childAt("Table.getCell", this._t.rows, rowIndex) as RecordedRow;
    return this._element<GTableCell>(childAt("Table.getCell", row.cells, cellIndex));
  }

  appendTableRow(tableRow?: GTableRow): GTableRow {
    const row: RecordedRow = tableRow === undefined ? { kind: "row", cells: [] } : detachedNode("Table.appendTableRow", tableRow, "row");
    attach(this._ref(), this._t.rows.length, row);
    return this._element<GTableRow>(row);
  }

  insertTableRow(childIndex: number, tableRow?: GTableRow | null): GTableRow {
    const i = indexArg("Table.insertTableRow", childIndex);
    if (i < 0 || i > this._t.rows.length) {
      throw exception(`Child index (${i}) must be less than or equal to the number of child elements (${this._t.rows.length}).`);
    }
    const row: RecordedRow =
      tableRow === undefined || tableRow === null ? { kind: "row", cells: [] } : detachedNode("Table.insertTableRow", tableRow, "row");
    attach(this._ref(), i, row);
    return this._element<GTableRow>(row);
  }

  removeRow(rowIndex: number): GTableRow {
    const row = childAt("Table.removeRow", this._t.rows, rowIndex);
    removeNode(row);
    return this._element<GTableRow>(row);
  }

  removeChild(child: GElement): GTable {
    const row = this._t.rows[indexOfChild(this._t.rows, child)];
    if (row) removeNode(row);
    return this._self();
  }

  copy(): GTable {
    return this._element<GTable>(clone(this._t));
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
    ignoreParagraphAttributes(where, attributes);
    return this._self();
  }
}

instrumentDocument(FakeTable, "Table");

export type _TableOnlyApi = Assert<OnlyApi<FakeTable, TableApi>>;
