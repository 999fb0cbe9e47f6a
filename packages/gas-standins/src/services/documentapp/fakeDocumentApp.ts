/**
 * DocumentApp: creates documents in memory and records each one as plain
 * data (RecordedDocument) in the environment's DocumentStore; opens them
 * again by id or URL. Its calls, and those of every element, are counted by
 * the environment's runtime in family "DocumentApp".
 */
import {
  Attribute,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  TextAlignment,
  VerticalAlignment,
} from "../../support/enums";
import type { RecordedDocument } from "../../support/documentRecords";
import type { Assert, OnlyApi } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { cast, exception, stringArg } from "./args";
import { newParagraph } from "./content";
import { instrumentDocument } from "./context";
import type { DocumentStore } from "./context";
import { FakeDocument } from "./fakeDocument";
import { HANDLES } from "./handles";
import { attach } from "./tree";

/** US Letter with 1-inch margins, as a new Google Doc. */
const DEFAULT_PAGE = { width: 612, height: 792, margin: 72 };

type GDocumentApp = GoogleAppsScript.Document.DocumentApp;
type GDocument = GoogleAppsScript.Document.Document;

export type DocumentAppApi = Pick<
  GDocumentApp,
  | "Attribute"
  | "ElementType"
  | "GlyphType"
  | "HorizontalAlignment"
  | "ParagraphHeading"
  | "TextAlignment"
  | "VerticalAlignment"
  | "create"
  | "openById"
  | "openByUrl"
>;

export class FakeDocumentApp implements DocumentAppApi {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(
    readonly _rt: Runtime,
    readonly _store: DocumentStore,
  ) {}

  _open(doc: RecordedDocument): GDocument {
    return cast<GDocument>(new FakeDocument({ rt: this._rt, store: this._store, session: { closed: false }, doc, handles: HANDLES }));
  }

  /** A new, empty document each time (Letter size, 1-inch margins, one empty paragraph). */
  create(name: string): GDocument {
    const n = stringArg("DocumentApp.create", name);
    const store = this._store;
    store.docSeq += 1;
    const id = `1StandInDoc${String(store.docSeq).padStart(33, "0")}`;
    const baseUrl = this._rt.settings.documentBaseUrl;
    const doc: RecordedDocument = {
      id,
      name: n,
      url: baseUrl !== null ? `${baseUrl}${id}` : `https://docs.google.com/document/d/${id}/edit`,
      page: {
        width: DEFAULT_PAGE.width,
        height: DEFAULT_PAGE.height,
        margins: { top: DEFAULT_PAGE.margin, bottom: DEFAULT_PAGE.margin, left: DEFAULT_PAGE.margin, right: DEFAULT_PAGE.margin },
      },
      defaults: {},
      namedStyles: {},
      blocks: [],
      header: null,
      footer: null,
      saved: false,
    };
    attach({ kind: "body", node: doc }, 0, newParagraph(""));
    store.docs.push(doc);
    return this._open(doc);
  }

  openById(id: string): GDocument {
    const key = stringArg("DocumentApp.openById", id);
    const doc = this._store.docs.find((d) => d.id === key);
    if (!doc) throw exception("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return this._open(doc);
  }

  openByUrl(url: string): GDocument {
    const s = stringArg("DocumentApp.openByUrl", url);
    const doc = this._store.docs.find((d) => d.url === s || s.includes(`/d/${d.id}`));
    if (!doc) throw exception("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return this._open(doc);
  }
}

instrumentDocument(FakeDocumentApp, "DocumentApp");

export type _DocumentAppOnlyApi = Assert<OnlyApi<FakeDocumentApp, DocumentAppApi>>;
