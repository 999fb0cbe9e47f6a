/**
 * ListItem: a paragraph in a list (list id, glyph type, nesting level).
 */
import { GLYPHS } from "../../support/enums";
import type { ElementTypeName } from "../../support/enums";
import type { RecordedList } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import { cast, enumValue, exception, indexArg, signatureError } from "./args";
import { instrumentDocument } from "./context";
import { ParagraphBase } from "./paragraphBase";
import type { ParagraphCommon } from "./paragraphBase";

type GListItem = GoogleAppsScript.Document.ListItem;
type GGlyph = GoogleAppsScript.Document.GlyphType;

export type ListItemApi = Pick<
  GListItem,
  ParagraphCommon | "getGlyphType" | "getListId" | "getNestingLevel" | "setGlyphType" | "setListId" | "setNestingLevel"
>;

export class FakeListItem extends ParagraphBase<GListItem> implements ListItemApi {
  _type(): ElementTypeName {
    return "LIST_ITEM";
  }

  _cls(): string {
    return "ListItem";
  }

  _list(): RecordedList {
    if (!this._p.list) this._p.list = { listId: `kix.list.${++this._ctx.store.listSeq}`, glyphType: "BULLET", nestingLevel: 0 };
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

instrumentDocument(FakeListItem, "ListItem");

export type _ListItemOnlyApi = Assert<OnlyApi<FakeListItem, ListItemApi>>;
