/**
 * FooterSection: the document's footer (Document.addFooter).
 */
import type { ElementTypeName } from "../../support/enums";
import type { Assert, OnlyApi } from "../../support/runtime";
import { instrumentDocument } from "./context";
import { MarginSectionBase } from "./sectionBase";
import type { SectionCommon } from "./sectionBase";

type GFooter = GoogleAppsScript.Document.FooterSection;

export type FooterSectionApi = Pick<GFooter, SectionCommon>;

export class FakeFooterSection extends MarginSectionBase<GFooter> implements FooterSectionApi {
  _cls(): string {
    return "FooterSection";
  }

  _type(): ElementTypeName {
    return "FOOTER_SECTION";
  }
}

instrumentDocument(FakeFooterSection, "FooterSection");

export type _FooterSectionOnlyApi = Assert<OnlyApi<FakeFooterSection, FooterSectionApi>>;
