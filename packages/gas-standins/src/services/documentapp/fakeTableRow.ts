/**
 * TableRow: the cells of a row, its minimum height. Of the attributes set on
 * it, MINIMUM_HEIGHT is the row's ("for table row elements",
 * https://developers.google.com/apps-script/reference/document/attribute);
 * text attributes apply to its text; paragraph attributes are ignored (see
 * ignoreParagraphAttributes).
 */
import type { AttributeName, ElementTypeName } from "../../support/enums";
import type { RecordedCell, RecordedRow } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import { cast, exception, indexArg, numberArg } from "./args";
import { attrEntries, newCell, ignoreParagraphAttributes, nullAttributes, styleAllText, textPatch } from "./content";
import { instrumentDocument } from "./context";
import type { Ctx } from "./context";
import { childAt, detachedNode, indexOfChild, NodeBase, removeNode } from "./elementBase";
import type { CastMethods } from "./elementBase";
import { FakeText } from "./fakeText";
import { attach, blocksText } from "./tree";
import type { AnyNode, ParentRef } from "./tree";

type GText = GoogleAppsScript.Document.Text;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GElement = GoogleAppsScript.Document.Element;

export type TableRowApi = Pick<
  GTableRow,
  | "appendTableCell"
  | CastMethods
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
    return this._element<GTableCell>(cell);
  }

  insertTableCell(childIndex: number, textContentsOrCell?: string | GTableCell | null): GTableCell {
    const i = indexArg("TableRow.insertTableCell", childIndex);
    if (i < 0 || i > this._r.cells.length) {
      throw exception(`Child index (${i}) must be less than or equal to the number of child elements (${this._r.cells.length}).`);
    }
    const cell = this._newCell("TableRow.insertTableCell", textContentsOrCell);
    attach(this._ref(), i, cell);
    return this._element<GTableCell>(cell);
  }

  getCell(cellIndex: number): GTableCell {
    return this._element<GTableCell>(childAt("TableRow.getCell", this._r.cells, cellIndex));
  }

  getChild(childIndex: number): GElement {
    return this._element(childAt("TableRow.getChild", this._r.cells, childIndex));
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
    return this._element<GTableCell>(cell);
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
    ignoreParagraphAttributes(where, attributes);
    return this._self();
  }
}

instrumentDocument(FakeTableRow, "TableRow");

export type _TableRowOnlyApi = Assert<OnlyApi<FakeTableRow, TableRowApi>>;
