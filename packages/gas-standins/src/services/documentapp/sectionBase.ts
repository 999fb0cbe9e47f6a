/**
 * What Body, HeaderSection and FooterSection share (SectionBase), and what
 * HeaderSection and FooterSection share (MarginSectionBase).
 */
import type { AttributeName } from "../../support/enums";
import type { RecordedSection } from "../../support/documentRecords";
import { ignoreParagraphAttributes, nullAttributes, styleAllText, textPatch } from "./content";
import type { Ctx } from "./context";
import { BlocksBase } from "./blocksBase";
import { allTables, leafParagraphs } from "./tree";
import type { BlocksKind, ParentRef } from "./tree";

type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GTable = GoogleAppsScript.Document.Table;

export type SectionCommon =
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

/** Body, HeaderSection and FooterSection. */
export abstract class SectionBase<Self> extends BlocksBase<Self> {
  getParagraphs(): GParagraph[] {
    return leafParagraphs(this._ref()).map((p) => this._element<GParagraph>(p));
  }

  getListItems(): GListItem[] {
    return leafParagraphs(this._ref())
      .filter((p) => p.list)
      .map((p) => this._element<GListItem>(p));
  }

  getTables(): GTable[] {
    return allTables(this._blocks()).map((t) => this._element<GTable>(t));
  }
}

/** What HeaderSection and FooterSection share. */
export abstract class MarginSectionBase<Self> extends SectionBase<Self> {
  constructor(
    ctx: Ctx,
    readonly _s: RecordedSection,
  ) {
    super(ctx);
  }

  _ref(): ParentRef & { kind: BlocksKind } {
    return { kind: this._s.kind, node: this._s };
  }

  getAttributes(): Record<AttributeName, unknown> {
    return nullAttributes();
  }

  /** Text attributes go to the section's text; paragraph attributes are ignored (see ignoreParagraphAttributes). */
  setAttributes(attributes: unknown): Self {
    const where = this._where("setAttributes");
    styleAllText(this._ref(), textPatch(where, attributes));
    ignoreParagraphAttributes(where, attributes);
    return this._self();
  }
}
