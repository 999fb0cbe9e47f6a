/**
 * What the handles of an opened document share: the environment's runtime
 * (its counters and auth mode), the documents of the environment, the
 * opening (saveAndClose closes it), the recorded document, and the factory of
 * handles. Element classes get handles of other classes through
 * `ctx.handles`, not by importing them, so that no module of the DocumentApp
 * stand-in imports another that imports it back.
 */
import { instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import type { RecordedDocument } from "../../support/documentRecords";
import { exception } from "./args";
import type { AnyNode, ParentRef } from "./tree";

type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;

/** The documents of an environment: DocumentApp.create adds one, openById/openByUrl find it. */
export interface DocumentStore {
  readonly docs: RecordedDocument[];
  docSeq: number;
  listSeq: number;
}

/** One opening of a document (create, openById, openByUrl): saveAndClose() closes it. */
export interface DocumentSession {
  closed: boolean;
}

/** Makes handles (the classes are given by DocumentApp: see handles.ts). */
export interface Handles {
  /** The handle of a recorded node: Paragraph or ListItem, Table, TableRow, TableCell, Text, PageBreak, HorizontalRule. */
  element(ctx: Ctx, node: AnyNode): GElement;
  /** The handle of the container a node lives in: Body, HeaderSection, FooterSection, or a node's. */
  container(ctx: Ctx, ref: ParentRef): GContainer;
}

export interface Ctx {
  readonly rt: Runtime;
  readonly store: DocumentStore;
  readonly session: DocumentSession;
  readonly doc: RecordedDocument;
  readonly handles: Handles;
}

/**
 * "A closed Document can't be edited"
 * (https://developers.google.com/apps-script/reference/document/document#saveAndClose());
 * scripts that use the Document or its elements after saveAndClose() report
 * this exception. The stand-in throws it for every method, the reading ones
 * and getId/getName/getUrl included (conservative: a script reads what it
 * needs before closing, or opens the document again with openById).
 */
const CLOSED = "Document is closed, its contents cannot be updated.";

/**
 * Counts the public methods of a DocumentApp class in the environment's
 * runtime, family "DocumentApp" ("Body.appendParagraph"...). Once the document
 * was closed with saveAndClose(), every call on it or its elements throws.
 */
export function instrumentDocument(cls: { prototype: object }, className: string): void {
  instrument(cls, className, "DocumentApp", {
    check: (self) => {
      const ctx = (self as { _ctx?: Ctx })._ctx;
      if (ctx?.session.closed) throw exception(CLOSED);
    },
  });
}
