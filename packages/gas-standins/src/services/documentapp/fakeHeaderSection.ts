/**
 * HeaderSection: the document's header (Document.addHeader).
 */
import type { ElementTypeName } from "../../support/enums";
import type { Assert, OnlyApi } from "../../support/runtime";
import { instrumentDocument } from "./context";
import { MarginSectionBase } from "./sectionBase";
import type { SectionCommon } from "./sectionBase";

type GHeader = GoogleAppsScript.Document.HeaderSection;

export type HeaderSectionApi = Pick<GHeader, SectionCommon>;

export class FakeHeaderSection extends MarginSectionBase<GHeader> implements HeaderSectionApi {
  _cls(): string {
    return "HeaderSection";
  }

  _type(): ElementTypeName {
    return "HEADER_SECTION";
  }
}

instrumentDocument(FakeHeaderSection, "HeaderSection");

export type _HeaderSectionOnlyApi = Assert<OnlyApi<FakeHeaderSection, HeaderSectionApi>>;
