/**
 * Body: the document's main section, with its page size and margins, and
 * the document's named styles (setHeadingAttributes). Text attributes set on
 * it apply to its text and stay as defaults; paragraph attributes are ignored
 * (see ignoreParagraphAttributes): the spacing, line spacing and alignment of
 * every paragraph are set through the named style (setHeadingAttributes) or
 * the paragraphs themselves.
 */
import { HEADINGS } from "../../support/enums";
import type { AttributeName, ElementTypeName } from "../../support/enums";
import type { RecordedPageBreak } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import { enumValue, exception, numberArg } from "./args";
import {
  applyPatch,
  attrEntries,
  ignoreParagraphAttributes,
  nullAttributes,
  paragraphPatch,
  putParagraphAttributes,
  putTextAttributes,
  styleAllText,
  textPatch,
} from "./content";
import { instrumentDocument } from "./context";
import { detachedNode } from "./elementBase";
import { SectionBase } from "./sectionBase";
import type { SectionCommon } from "./sectionBase";
import type { BlocksKind, ParentRef } from "./tree";

type GBody = GoogleAppsScript.Document.Body;
type GPageBreak = GoogleAppsScript.Document.PageBreak;
type GHeading = GoogleAppsScript.Document.ParagraphHeading;

export type BodyApi = Pick<
  GBody,
  | SectionCommon
  | "appendPageBreak"
  | "getHeadingAttributes"
  | "getMarginBottom"
  | "getMarginLeft"
  | "getMarginRight"
  | "getMarginTop"
  | "getPageHeight"
  | "getPageWidth"
  | "insertPageBreak"
  | "setHeadingAttributes"
  | "setMarginBottom"
  | "setMarginLeft"
  | "setMarginRight"
  | "setMarginTop"
  | "setPageHeight"
  | "setPageWidth"
>;

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
    return this._element<GPageBreak>(node);
  }

  insertPageBreak(childIndex: number, pageBreak?: GPageBreak | null): GPageBreak {
    if (pageBreak !== undefined && pageBreak !== null) detachedNode("Body.insertPageBreak", pageBreak, "pageBreak");
    const node: RecordedPageBreak = { kind: "pageBreak" };
    this._insertInline(this._checkInsertIndex("Body.insertPageBreak", childIndex), node);
    return this._element<GPageBreak>(node);
  }

  getAttributes(): Record<AttributeName, unknown> {
    const doc = this._ctx.doc;
    const out = nullAttributes();
    putTextAttributes(out, doc.defaults);
    out.PAGE_WIDTH = doc.page.width;
    out.PAGE_HEIGHT = doc.page.height;
    out.MARGIN_TOP = doc.page.margins.top;
    out.MARGIN_BOTTOM = doc.page.margins.bottom;
    out.MARGIN_LEFT = doc.page.margins.left;
    out.MARGIN_RIGHT = doc.page.margins.right;
    return out;
  }

  /** Page size and margins; text attributes go to the content and become defaults; paragraph attributes are ignored. */
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
    ignoreParagraphAttributes(where, attributes);
    applyPatch(doc.defaults, text);
    styleAllText(this._ref(), text);
    return this._self();
  }

  /**
   * The attributes of a named style of the document, as set with
   * setHeadingAttributes (unset ones are null: the stand-in does not know
   * the look of Google's built-in styles, which the renderers supply).
   */
  getHeadingAttributes(paragraphHeading: GHeading): Record<AttributeName, unknown> {
    const heading = enumValue(this._where("getHeadingAttributes"), paragraphHeading, HEADINGS);
    const out = nullAttributes();
    const style = this._ctx.doc.namedStyles[heading] ?? {};
    putTextAttributes(out, style);
    putParagraphAttributes(out, style);
    return out;
  }

  /**
   * Sets attributes of a named style of the document (NORMAL: "Normal text",
   * HEADING1...): every paragraph of that heading shows them where it does not
   * set its own, including paragraphs added later
   * (https://developers.google.com/apps-script/reference/document/body#setHeadingAttributes(ParagraphHeading,Object)).
   * Text and paragraph attributes are kept (null unsets one); others are ignored.
   */
  setHeadingAttributes(paragraphHeading: GHeading, attributes: unknown): GBody {
    const where = this._where("setHeadingAttributes");
    const heading = enumValue(where, paragraphHeading, HEADINGS);
    const text = textPatch(where, attributes);
    const para = paragraphPatch(where, attributes);
    const doc = this._ctx.doc;
    const style = doc.namedStyles[heading] ?? {};
    applyPatch(style, text);
    applyPatch(style, para);
    doc.namedStyles[heading] = style;
    return this._self();
  }
}

instrumentDocument(FakeBody, "Body");

export type _BodyOnlyApi = Assert<OnlyApi<FakeBody, BodyApi>>;
