/**
 * What Body, HeaderSection, FooterSection and TableCell share: a list of
 * blocks (paragraphs, list items, tables) to append to, insert into, read and
 * clear.
 */
import type {
  RecordedBlock,
  RecordedHorizontalRule,
  RecordedList,
  RecordedPageBreak,
  RecordedParagraph,
  RecordedTable,
} from "../../support/documentRecords";
import { cast, exception, indexArg, signatureError, stringArg } from "./args";
import { newParagraph, newTable, setParagraphText } from "./content";
import { childAt, detachedNode, HandleBase, indexOfChild, removeNode } from "./elementBase";
import { FakeText } from "./fakeText";
import { attach, blocksText, childrenOf, clone, detach } from "./tree";
import type { BlocksKind, ParentRef } from "./tree";

type GParagraph = GoogleAppsScript.Document.Paragraph;
type GListItem = GoogleAppsScript.Document.ListItem;
type GText = GoogleAppsScript.Document.Text;
type GTable = GoogleAppsScript.Document.Table;
type GHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type GElement = GoogleAppsScript.Document.Element;

/** The methods Body, HeaderSection, FooterSection and TableCell share. */
export abstract class BlocksBase<Self> extends HandleBase<Self> {
  abstract _ref(): ParentRef & { kind: BlocksKind };
  abstract _cls(): string;

  _blocks(): RecordedBlock[] {
    return childrenOf(this._ref()) as RecordedBlock[];
  }

  _where(method: string): string {
    return `${this._cls()}.${method}`;
  }

  /** A new list item continues the list of the list item right before it. */
  _listFor(index: number): RecordedList {
    const prev = this._blocks()[index - 1];
    if (prev?.kind === "paragraph" && prev.list) return { listId: prev.list.listId, glyphType: prev.list.glyphType, nestingLevel: 0 };
    return { listId: `kix.list.${++this._ctx.store.listSeq}`, glyphType: "BULLET", nestingLevel: 0 };
  }

  _checkInsertIndex(where: string, childIndex: unknown): number {
    const i = indexArg(where, childIndex);
    const n = this._blocks().length;
    if (i < 0 || i > n) throw exception(`Child index (${i}) must be less than or equal to the number of child elements (${n}).`);
    return i;
  }

  _insertParagraph(where: string, index: number, x: unknown): RecordedParagraph {
    const p = typeof x === "string" ? newParagraph(x) : detachedNode(where, x, "paragraph");
    if (typeof x !== "string" && p.list) throw signatureError(where, [x]);
    attach(this._ref(), index, p);
    return p;
  }

  _insertListItem(where: string, index: number, x: unknown): RecordedParagraph {
    let p: RecordedParagraph;
    if (typeof x === "string") p = newParagraph(x, this._listFor(index));
    else {
      if (!(x instanceof HandleBase) || x._type() !== "LIST_ITEM") throw signatureError(where, [x]);
      p = detachedNode(where, x, "paragraph");
    }
    attach(this._ref(), index, p);
    return p;
  }

  /** A table at the end of a container is followed by an empty paragraph, as in Google Docs. */
  _insertTable(where: string, index: number, x: unknown): RecordedTable {
    let table: RecordedTable;
    if (x === undefined || x === null) table = newTable([]);
    else if (Array.isArray(x)) {
      for (const row of x) {
        if (!Array.isArray(row) || row.some((c) => typeof c !== "string")) throw signatureError(where, [x]);
      }
      const rows = x as string[][];
      const width = rows[0]?.length ?? 0;
      if (rows.some((r) => r.length !== width)) {
        throw exception(`Stand-in: the rows of a table must have the same number of cells (${where}).`);
      }
      table = newTable(rows);
    } else table = detachedNode(where, x, "table");
    const atEnd = index === this._blocks().length;
    attach(this._ref(), index, table);
    if (atEnd) attach(this._ref(), index + 1, newParagraph(""));
    return table;
  }

  _insertInline(index: number, inline: RecordedPageBreak | RecordedHorizontalRule): void {
    const p = newParagraph("");
    attach(this._ref(), index, p);
    attach({ kind: "paragraph", node: p }, 0, inline);
  }

  appendParagraph(paragraph: string | GParagraph): GParagraph {
    const p = this._insertParagraph(this._where("appendParagraph"), this._blocks().length, paragraph);
    return this._element<GParagraph>(p);
  }

  insertParagraph(childIndex: number, paragraph: string | GParagraph): GParagraph {
    const where = this._where("insertParagraph");
    const p = this._insertParagraph(where, this._checkInsertIndex(where, childIndex), paragraph);
    return this._element<GParagraph>(p);
  }

  appendListItem(listItem: string | GListItem): GListItem {
    const p = this._insertListItem(this._where("appendListItem"), this._blocks().length, listItem);
    return this._element<GListItem>(p);
  }

  insertListItem(childIndex: number, listItem: string | GListItem): GListItem {
    const where = this._where("insertListItem");
    const p = this._insertListItem(where, this._checkInsertIndex(where, childIndex), listItem);
    return this._element<GListItem>(p);
  }

  appendTable(cellsOrTable?: string[][] | GTable | null): GTable {
    const t = this._insertTable(this._where("appendTable"), this._blocks().length, cellsOrTable);
    return this._element<GTable>(t);
  }

  insertTable(childIndex: number, cellsOrTable?: string[][] | GTable | null): GTable {
    const where = this._where("insertTable");
    const t = this._insertTable(where, this._checkInsertIndex(where, childIndex), cellsOrTable);
    return this._element<GTable>(t);
  }

  appendHorizontalRule(): GHorizontalRule {
    const node: RecordedHorizontalRule = { kind: "horizontalRule" };
    this._insertInline(this._blocks().length, node);
    return this._element<GHorizontalRule>(node);
  }

  insertHorizontalRule(childIndex: number): GHorizontalRule {
    const node: RecordedHorizontalRule = { kind: "horizontalRule" };
    this._insertInline(this._checkInsertIndex(this._where("insertHorizontalRule"), childIndex), node);
    return this._element<GHorizontalRule>(node);
  }

  getNumChildren(): number {
    return this._blocks().length;
  }

  getChild(childIndex: number): GElement {
    return this._element(childAt(this._where("getChild"), this._blocks(), childIndex));
  }

  getChildIndex(child: GElement): number {
    return indexOfChild(this._blocks(), child);
  }

  removeChild(child: GElement): Self {
    const node = this._blocks()[indexOfChild(this._blocks(), child)];
    if (node) removeNode(node);
    return this._self();
  }

  getText(): string {
    return blocksText(this._blocks());
  }

  /** Replaces the content by the text (one paragraph per line), keeping the first paragraph's style. */
  setText(text: string): Self {
    const lines = stringArg(this._where("setText"), text).split("\n");
    const blocks = this._blocks();
    const firstBlock = blocks[0];
    const first = firstBlock?.kind === "paragraph" ? firstBlock : newParagraph("");
    detach(blocks);
    blocks.length = 0;
    const ref = this._ref();
    lines.forEach((line, i) => {
      let p: RecordedParagraph = first;
      if (i > 0) {
        p = clone({ ...first, inlines: [] });
        p.mark = { ...first.mark };
      }
      setParagraphText(p, line);
      attach(ref, blocks.length, p);
    });
    return this._self();
  }

  /** Leaves one empty paragraph. */
  clear(): Self {
    const blocks = this._blocks();
    detach(blocks);
    blocks.length = 0;
    attach(this._ref(), 0, newParagraph(""));
    return this._self();
  }

  editAsText(): GText {
    return cast<GText>(new FakeText(this._ctx, { kind: "container", ref: this._ref() }));
  }
}
