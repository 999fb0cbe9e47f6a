/**
 * Bases of the DocumentApp handles. A handle is a fresh object over a
 * recorded node (two getChild(0) calls give two handles of one paragraph):
 * HandleBase for all (type, runtime), ElementBase for elements that can be
 * cast (asParagraph...), NodeBase for nodes that live in a parent (parent,
 * siblings, removal); and the rules for children shared by all containers.
 */
import type { ElementTypeName } from "../../support/enums";
import type { Runtime } from "../../support/runtime";
import { cast, exception, indexArg, signatureError } from "./args";
import type { Ctx } from "./context";
import { childrenOf, detach, parentOf } from "./tree";
import type { AnyNode } from "./tree";

type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;
type GElementType = GoogleAppsScript.Document.ElementType;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GText = GoogleAppsScript.Document.Text;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GPageBreak = GoogleAppsScript.Document.PageBreak;
type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;

/** Widely reported Apps Script message. */
const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
/** The stand-in's wording (see removeNode). */
const BEFORE_TABLE =
  "Can't remove the paragraph right before a table. (Stand-in: the Docs API refuses to delete the newline before a table; " +
  "keep the paragraph, or remove the table first.)";

/** Base of every handle: its document, the runtime that counts its calls, its type. */
export abstract class HandleBase<Self> {
  constructor(readonly _ctx: Ctx) {}

  get _rt(): Runtime {
    return this._ctx.rt;
  }

  abstract _type(): ElementTypeName;

  /** The recorded node this handle stands for when it is one that can be attached (not a section, not a container's Text). */
  _attachable(): AnyNode | null {
    return null;
  }

  _self(): Self {
    return cast<Self>(this);
  }

  /** The handle of a recorded node, typed as the caller expects it. */
  _element<T = GElement>(node: AnyNode): T {
    return cast<T>(this._ctx.handles.element(this._ctx, node));
  }

  getType(): GElementType {
    return cast<GElementType>(this._type());
  }
}

/** The casts every element has (asParagraph...): part of the Pick of each element class. */
export type CastMethods = "asHorizontalRule" | "asListItem" | "asPageBreak" | "asParagraph" | "asTable" | "asTableRow" | "asText";

/** Base of the element handles that can be cast to another element type. */
export abstract class ElementBase<Self> extends HandleBase<Self> {
  _cast<T>(type: ElementTypeName): T {
    const t = this._type();
    if (t === type || (type === "PARAGRAPH" && t === "LIST_ITEM")) return cast<T>(this);
    throw exception(`Cannot cast an element of type ${t} to ${type}.`);
  }

  asParagraph(): GParagraph {
    return this._cast<GParagraph>("PARAGRAPH");
  }

  asListItem(): GListItem {
    return this._cast<GListItem>("LIST_ITEM");
  }

  asTable(): GTable {
    return this._cast<GTable>("TABLE");
  }

  asTableRow(): GTableRow {
    return this._cast<GTableRow>("TABLE_ROW");
  }

  asText(): GText {
    return this._cast<GText>("TEXT");
  }

  asPageBreak(): GPageBreak {
    return this._cast<GPageBreak>("PAGE_BREAK");
  }

  asHorizontalRule(): GHorizontalRule {
    return this._cast<GHorizontalRule>("HORIZONTAL_RULE");
  }
}

/** The handle of a node's container, or null when the node is detached. */
export function parentHandle(ctx: Ctx, node: AnyNode): GContainer {
  const ref = parentOf(node);
  return ref ? ctx.handles.container(ctx, ref) : cast<GContainer>(null);
}

export function sibling(ctx: Ctx, node: AnyNode, step: 1 | -1): GElement {
  const ref = parentOf(node);
  if (!ref) return cast<GElement>(null);
  const list = childrenOf(ref);
  const next = list[list.indexOf(node) + step];
  return next ? ctx.handles.element(ctx, next) : cast<GElement>(null);
}

/**
 * Detaches a node from its parent, with Google's rules for sections and cells:
 * - the last paragraph of a body, header or footer cannot be removed
 *   ("Can't remove the last paragraph in a document section.", as scripts
 *   report; a document cannot end with a table: Body.appendTable "will also
 *   append an empty paragraph after the table, since Google Docs documents
 *   cannot end with a table",
 *   https://developers.google.com/apps-script/reference/document/body#appendTable());
 * - nor the last paragraph of a table cell, nor its last block after a table
 *   (a cell, like a document, ends with a paragraph);
 * - nor a paragraph right before a table. This is the Docs API's documented
 *   rule ("Deleting the newline character before a Table ... without deleting
 *   the element" is an invalid request:
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#DeleteContentRangeRequest),
 *   applied to DocumentApp conservatively, since removing a paragraph deletes
 *   its newline. So a document that starts with a table keeps the empty
 *   paragraph a new document starts with.
 */
export function removeNode(node: AnyNode): void {
  const ref = parentOf(node);
  if (!ref) return;
  const list = childrenOf(ref);
  const index = list.indexOf(node);
  if (index < 0) return;
  if (node.kind === "paragraph") {
    if ((ref.kind === "body" || ref.kind === "header" || ref.kind === "footer") && index === list.length - 1) {
      throw exception(LAST_PARAGRAPH);
    }
    const endsWithTable = index === list.length - 1 && list[index - 1]?.kind === "table";
    if (ref.kind === "cell" && (endsWithTable || list.filter((b) => b.kind === "paragraph").length === 1)) {
      throw exception("Can't remove the last paragraph in a table cell.");
    }
    if (list[index + 1]?.kind === "table") throw exception(BEFORE_TABLE);
  }
  list.splice(index, 1);
  detach([node]);
}

export function childAt(where: string, list: readonly AnyNode[], index: unknown): AnyNode {
  const i = indexArg(where, index);
  const node = list[i];
  if (i < 0 || !node) throw exception(`Child index (${i}) must be less than the number of child elements (${list.length}).`);
  return node;
}

/** The recorded node of a handle passed as an argument (null for anything else). */
function nodeOfHandle(x: unknown): AnyNode | null {
  return x instanceof HandleBase ? x._attachable() : null;
}

export function indexOfChild(list: readonly AnyNode[], child: unknown): number {
  const node = nodeOfHandle(child);
  const i = node ? list.indexOf(node) : -1;
  if (i < 0) throw exception("Element does not contain the specified child element.");
  return i;
}

/** A detached element passed to append/insert: it is attached where it goes. */
export function detachedNode<K extends AnyNode["kind"]>(where: string, x: unknown, kind: K): Extract<AnyNode, { kind: K }> {
  const node = nodeOfHandle(x);
  if (!node || node.kind !== kind) throw signatureError(where, [x]);
  if (parentOf(node)) throw exception("Element must be detached.");
  return node as Extract<AnyNode, { kind: K }>;
}

/** Base of nodes that live in a parent: parent, siblings, removal. */
export abstract class NodeBase<Self> extends ElementBase<Self> {
  abstract _node(): AnyNode;

  override _attachable(): AnyNode {
    return this._node();
  }

  getParent(): GContainer {
    return parentHandle(this._ctx, this._node());
  }

  getNextSibling(): GElement {
    return sibling(this._ctx, this._node(), 1);
  }

  getPreviousSibling(): GElement {
    return sibling(this._ctx, this._node(), -1);
  }

  removeFromParent(): Self {
    removeNode(this._node());
    return this._self();
  }
}
