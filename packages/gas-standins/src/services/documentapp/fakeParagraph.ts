/**
 * Paragraph (a paragraph that is not a list item).
 */
import type { Assert, OnlyApi } from "../../support/runtime";
import type { ElementTypeName } from "../../support/enums";
import { instrumentDocument } from "./context";
import { ParagraphBase } from "./paragraphBase";
import type { ParagraphCommon } from "./paragraphBase";

type GParagraph = GoogleAppsScript.Document.Paragraph;

export type ParagraphApi = Pick<GParagraph, ParagraphCommon>;

export class FakeParagraph extends ParagraphBase<GParagraph> implements ParagraphApi {
  _type(): ElementTypeName {
    return "PARAGRAPH";
  }

  _cls(): string {
    return "Paragraph";
  }
}

instrumentDocument(FakeParagraph, "Paragraph");

export type _ParagraphOnlyApi = Assert<OnlyApi<FakeParagraph, ParagraphApi>>;
