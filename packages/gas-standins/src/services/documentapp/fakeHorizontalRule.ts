/**
 * HorizontalRule: a rule inside a paragraph.
 */
import type { ElementTypeName } from "../../support/enums";
import type { Assert, OnlyApi } from "../../support/runtime";
import { instrumentDocument } from "./context";
import { MarkBase } from "./markBase";
import type { PageBreakApi } from "./fakePageBreak";

type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;

export type HorizontalRuleApi = Pick<GHorizontalRule, keyof PageBreakApi>;

export class FakeHorizontalRule extends MarkBase<GHorizontalRule> implements HorizontalRuleApi {
  _type(): ElementTypeName {
    return "HORIZONTAL_RULE";
  }

  _cls(): string {
    return "HorizontalRule";
  }
}

instrumentDocument(FakeHorizontalRule, "HorizontalRule");

export type _HorizontalRuleOnlyApi = Assert<OnlyApi<FakeHorizontalRule, HorizontalRuleApi>>;
