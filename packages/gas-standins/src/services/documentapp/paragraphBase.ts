/**
 * What Paragraph and ListItem share: text, children (Text, PageBreak,
 * HorizontalRule), heading, alignment, spacing, indents and attributes.
 */
import { ALIGNMENTS, GLYPHS, HEADINGS } from "../../support/enums";
import type { AttributeName } from "../../support/enums";
import type { RecordedHorizontalRule, RecordedPageBreak, RecordedParagraph, RecordedText } from "../../support/documentRecords";
import { boolArg, cast, enumValue, exception, indexArg, numberArg, stringArg } from "./args";
import {
  applyPatch,
  attrEntries,
  leadingStyle,
  nullAttributes,
  paragraphPatch,
  putParagraphAttributes,
  putTextAttributes,
  setParagraphText,
  styleAllText,
  textPatch,
  trailingStyle,
} from "./content";
import type { Ctx } from "./context";
import { childAt, detachedNode, indexOfChild, NodeBase, removeNode } from "./elementBase";
import type { CastMethods } from "./elementBase";
import { FakeHorizontalRule } from "./fakeHorizontalRule";
import { FakePageBreak } from "./fakePageBreak";
import { FakeText } from "./fakeText";
import { attach, clone, detach, lineBreaks, paragraphText, parentOf } from "./tree";
import type { AnyNode } from "./tree";

type GText = GoogleAppsScript.Document.Text;
type GPageBreak = GoogleAppsScript.Document.PageBreak;
type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type GElement = GoogleAppsScript.Document.Element;
type GHeading = GoogleAppsScript.Document.ParagraphHeading;
type GAlignment = GoogleAppsScript.Document.HorizontalAlignment;

export type ParagraphCommon =
  | "appendHorizontalRule"
  | "appendPageBreak"
  | "appendText"
  | CastMethods
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

export abstract class ParagraphBase<Self> extends NodeBase<Self> {
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
    let ref = parentOf(this._p);
    while (ref) {
      if (ref.kind === "body") return true;
      if (ref.kind !== "paragraph") return false;
      ref = parentOf(ref.node);
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
    detach(this._p.inlines);
    this._p.inlines = [];
    return this._self();
  }

  copy(): Self {
    return this._element<Self>(clone(this._p));
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
    return this._element(childAt(this._where("getChild"), this._p.inlines, childIndex));
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

  _setNumber(
    method: string,
    key: "lineSpacing" | "spacingBefore" | "spacingAfter" | "indentFirstLine" | "indentStart" | "indentEnd",
    v: number,
  ): Self {
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
