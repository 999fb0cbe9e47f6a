/**
 * TableCell: the blocks of a cell, its background, width, padding and
 * vertical alignment.
 */
import { VERTICAL_ALIGNMENTS } from "../../support/enums";
import type { AttributeName, ElementTypeName } from "../../support/enums";
import type { RecordedCell, RecordedRow } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import { cast, enumValue, normColor, numberArg } from "./args";
import { attrEntries, ignoreParagraphAttributes, nullAttributes, styleAllText, textPatch } from "./content";
import { instrumentDocument } from "./context";
import type { Ctx } from "./context";
import { BlocksBase } from "./blocksBase";
import { parentHandle, removeNode, sibling } from "./elementBase";
import { parentOf } from "./tree";
import type { AnyNode, BlocksKind, ParentRef } from "./tree";

type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;
type GVAlignment = GoogleAppsScript.Document.VerticalAlignment;

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

  override _attachable(): AnyNode {
    return this._c;
  }

  asTableCell(): GTableCell {
    return this._self();
  }

  getParent(): GContainer {
    return parentHandle(this._ctx, this._c);
  }

  getParentRow(): GTableRow {
    return cast<GTableRow>(this.getParent());
  }

  getParentTable(): GTable {
    const row = parentOf(this._c);
    return row ? cast<GTable>(parentHandle(this._ctx, row.node as RecordedRow)) : cast<GTable>(null);
  }

  getNextSibling(): GElement {
    return sibling(this._ctx, this._c, 1);
  }

  getPreviousSibling(): GElement {
    return sibling(this._ctx, this._c, -1);
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

  /**
   * Cell attributes (PADDING_*, VERTICAL_ALIGNMENT, WIDTH "for table cell
   * elements", BACKGROUND_COLOR the cell's:
   * https://developers.google.com/apps-script/reference/document/attribute);
   * text attributes go to its text; paragraph attributes are ignored (see
   * ignoreParagraphAttributes): a cell's paragraphs are aligned, spaced and
   * indented through the paragraphs themselves.
   */
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
    ignoreParagraphAttributes(where, attributes);
    return this._self();
  }
}

instrumentDocument(FakeTableCell, "TableCell");

export type _TableCellOnlyApi = Assert<OnlyApi<FakeTableCell, TableCellApi>>;
