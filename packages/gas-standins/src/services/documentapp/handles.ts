/**
 * The handles of recorded nodes: the one module that knows every element
 * class. DocumentApp puts it in each opened document's context, and element
 * classes reach one another through it (ctx.handles).
 */
import type { RecordedSection } from "../../support/documentRecords";
import { cast } from "./args";
import type { Ctx, Handles } from "./context";
import { FakeBody } from "./fakeBody";
import { FakeFooterSection } from "./fakeFooterSection";
import { FakeHeaderSection } from "./fakeHeaderSection";
import { FakeHorizontalRule } from "./fakeHorizontalRule";
import { FakeListItem } from "./fakeListItem";
import { FakePageBreak } from "./fakePageBreak";
import { FakeParagraph } from "./fakeParagraph";
import { FakeTable } from "./fakeTable";
import { FakeTableCell } from "./fakeTableCell";
import { FakeTableRow } from "./fakeTableRow";
import { FakeText } from "./fakeText";
import type { AnyNode, ParentRef } from "./tree";

type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;

function element(ctx: Ctx, node: AnyNode): GElement {
  switch (node.kind) {
    case "paragraph":
      return cast<GElement>(node.list ? new FakeListItem(ctx, node) : new FakeParagraph(ctx, node));
    case "table":
      return cast<GElement>(new FakeTable(ctx, node));
    case "row":
      return cast<GElement>(new FakeTableRow(ctx, node));
    case "cell":
      return cast<GElement>(new FakeTableCell(ctx, node));
    case "text":
      return cast<GElement>(new FakeText(ctx, { kind: "inline", inline: node }));
    case "pageBreak":
      return cast<GElement>(new FakePageBreak(ctx, node));
    case "horizontalRule":
      return cast<GElement>(new FakeHorizontalRule(ctx, node));
  }
}

function container(ctx: Ctx, ref: ParentRef): GContainer {
  switch (ref.kind) {
    case "body":
      return cast<GContainer>(new FakeBody(ctx));
    case "header":
      return cast<GContainer>(new FakeHeaderSection(ctx, ref.node as RecordedSection));
    case "footer":
      return cast<GContainer>(new FakeFooterSection(ctx, ref.node as RecordedSection));
    default:
      return cast<GContainer>(element(ctx, ref.node as AnyNode));
  }
}

export const HANDLES: Handles = { element, container };
