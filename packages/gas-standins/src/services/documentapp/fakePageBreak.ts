/**
 * PageBreak: a page break inside a paragraph.
 */
import type { ElementTypeName } from "../../support/enums";
import type { Assert, OnlyApi } from "../../support/runtime";
import { instrumentDocument } from "./context";
import type { CastMethods } from "./elementBase";
import { MarkBase } from "./markBase";

type GPageBreak = GoogleAppsScript.Document.PageBreak;

export type PageBreakApi = Pick<
  GPageBreak,
  CastMethods | "getAttributes" | "getNextSibling" | "getParent" | "getPreviousSibling" | "getType" | "removeFromParent" | "setAttributes"
>;

export class FakePageBreak extends MarkBase<GPageBreak> implements PageBreakApi {
  _type(): ElementTypeName {
    return "PAGE_BREAK";
  }

  _cls(): string {
    return "PageBreak";
  }
}

instrumentDocument(FakePageBreak, "PageBreak");

export type _PageBreakOnlyApi = Assert<OnlyApi<FakePageBreak, PageBreakApi>>;
