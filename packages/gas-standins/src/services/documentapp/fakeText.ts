/**
 * Text: the characters of a Text element, a paragraph or a whole container
 * (editAsText), with styles per character range.
 */
import type { AttributeName, ElementTypeName } from "../../support/enums";
import type { RecordedParagraph, TextStyle } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import { boolArg, cast, exception, indexArg, stringArg } from "./args";
import {
  nullAttributes,
  normalizeRuns,
  putTextAttributes,
  sameStyle,
  setParagraphText,
  STYLE_KEYS,
  styleOf,
  textPatch,
  trailingStyle,
} from "./content";
import type { Patch } from "./content";
import { instrumentDocument } from "./context";
import type { Ctx } from "./context";
import { ElementBase, parentHandle } from "./elementBase";
import type { CastMethods } from "./elementBase";
import { charStyles, checkRange, deleteInPiece, insertInPiece, locate, piecesOf, scopeText, styleScope } from "./scope";
import type { Scope } from "./scope";
import { leafParagraphs, lineBreaks, parentOf } from "./tree";
import type { AnyNode } from "./tree";

type GText = GoogleAppsScript.Document.Text;
type GContainer = GoogleAppsScript.Document.ContainerElement;

export type TextApi = Pick<
  GText,
  | "appendText"
  | CastMethods
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

  override _attachable(): AnyNode | null {
    return this._scope.kind === "inline" ? this._scope.inline : null;
  }

  getParent(): GContainer {
    const s = this._scope;
    if (s.kind === "container") return this._ctx.handles.container(this._ctx, s.ref);
    if (s.kind === "paragraph") return this._ctx.handles.container(this._ctx, { kind: "paragraph", node: s.para });
    return parentHandle(this._ctx, s.inline);
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
      const ref = parentOf(scope.inline);
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

instrumentDocument(FakeText, "Text");

export type _TextOnlyApi = Assert<OnlyApi<FakeText, TextApi>>;
