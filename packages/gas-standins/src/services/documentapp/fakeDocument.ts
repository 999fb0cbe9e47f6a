/**
 * Document: one opening of a recorded document (its body, header, footer,
 * name); saveAndClose() closes this opening.
 */
import type { Assert, OnlyApi } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { cast, exception, stringArg } from "./args";
import { newParagraph } from "./content";
import { instrumentDocument } from "./context";
import type { Ctx } from "./context";
import { FakeBody } from "./fakeBody";
import { FakeFooterSection } from "./fakeFooterSection";
import { FakeHeaderSection } from "./fakeHeaderSection";
import { attach } from "./tree";

type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GHeader = GoogleAppsScript.Document.HeaderSection;
type GFooter = GoogleAppsScript.Document.FooterSection;

export type DocumentApi = Pick<
  GDocument,
  "addFooter" | "addHeader" | "getBody" | "getFooter" | "getHeader" | "getId" | "getName" | "getUrl" | "saveAndClose" | "setName"
>;

export class FakeDocument implements DocumentApi {
  constructor(readonly _ctx: Ctx) {}

  get _rt(): Runtime {
    return this._ctx.rt;
  }

  getId(): string {
    return this._ctx.doc.id;
  }

  getName(): string {
    return this._ctx.doc.name;
  }

  setName(name: string): GDocument {
    this._ctx.doc.name = stringArg("Document.setName", name);
    return cast<GDocument>(this);
  }

  getUrl(): string {
    return this._ctx.doc.url;
  }

  getBody(): GBody {
    return cast<GBody>(new FakeBody(this._ctx));
  }

  getHeader(): GHeader {
    const h = this._ctx.doc.header;
    return cast<GHeader>(h ? new FakeHeaderSection(this._ctx, h) : null);
  }

  addHeader(): GHeader {
    const doc = this._ctx.doc;
    if (doc.header) throw exception("Document already has a header.");
    doc.header = { kind: "header", blocks: [] };
    attach({ kind: "header", node: doc.header }, 0, newParagraph(""));
    return cast<GHeader>(new FakeHeaderSection(this._ctx, doc.header));
  }

  getFooter(): GFooter {
    const f = this._ctx.doc.footer;
    return cast<GFooter>(f ? new FakeFooterSection(this._ctx, f) : null);
  }

  addFooter(): GFooter {
    const doc = this._ctx.doc;
    if (doc.footer) throw exception("Document already has a footer.");
    doc.footer = { kind: "footer", blocks: [] };
    attach({ kind: "footer", node: doc.footer }, 0, newParagraph(""));
    return cast<GFooter>(new FakeFooterSection(this._ctx, doc.footer));
  }

  /** Saves; this Document object and its elements can no longer be used, not even getId/getName/getUrl (open it again with openById). */
  saveAndClose(): void {
    this._ctx.doc.saved = true;
    this._ctx.session.closed = true;
  }
}

instrumentDocument(FakeDocument, "Document");

export type _DocumentOnlyApi = Assert<OnlyApi<FakeDocument, DocumentApi>>;
