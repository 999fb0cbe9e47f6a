/**
 * The recorded document as a tree: which container each node lives in, and
 * walks over it.
 *
 * A node's parent is held on the node itself, in a non-enumerable symbol
 * property set when the node is attached and cleared when it is removed, so
 * that finding it costs nothing however many documents a process has built,
 * while the recorded data stays plain (JSON.stringify, structuredClone and
 * deep equality do not see it).
 */
import type {
  RecordedBlock,
  RecordedCell,
  RecordedDocument,
  RecordedInline,
  RecordedParagraph,
  RecordedRow,
  RecordedSection,
  RecordedTable,
  RecordedText,
} from "../../support/documentRecords";

export type ContainerKind = "body" | "header" | "footer" | "cell" | "table" | "row" | "paragraph";
export type BlocksKind = "body" | "header" | "footer" | "cell";

/** Where a node lives: the container and its kind. */
export interface ParentRef {
  kind: ContainerKind;
  node: RecordedDocument | RecordedSection | RecordedCell | RecordedTable | RecordedRow | RecordedParagraph;
}

/** A node that can be attached to a container (every element but the sections). */
export type AnyNode = RecordedBlock | RecordedRow | RecordedCell | RecordedInline;

const PARENT = Symbol("parent");

interface Linked {
  [PARENT]?: ParentRef | undefined;
}

/** The container the node is attached to; undefined when it is detached. */
export function parentOf(node: object): ParentRef | undefined {
  return (node as Linked)[PARENT];
}

export function setParent(node: object, ref: ParentRef | undefined): void {
  // `in`, not getOwnPropertyDescriptor: this runs for every node of a 3,000-row table.
  if (PARENT in node) (node as Linked)[PARENT] = ref;
  else if (ref) Object.defineProperty(node, PARENT, { value: ref, writable: true, configurable: true, enumerable: false });
}

export function childrenOf(ref: ParentRef): AnyNode[] {
  switch (ref.kind) {
    case "table":
      return (ref.node as RecordedTable).rows;
    case "row":
      return (ref.node as RecordedRow).cells;
    case "paragraph":
      return (ref.node as RecordedParagraph).inlines;
    default:
      return (ref.node as { blocks: RecordedBlock[] }).blocks;
  }
}

export function attach(ref: ParentRef, index: number, child: AnyNode): void {
  childrenOf(ref).splice(index, 0, child);
  setParent(child, ref);
}

/** Clears the parent of nodes taken out of their container (the caller updates the list). */
export function detach(nodes: Iterable<AnyNode>): void {
  for (const n of nodes) setParent(n, undefined);
}

/** Sets the parents of a subtree's descendants (after creating or copying it). */
export function linkTree(node: AnyNode): void {
  switch (node.kind) {
    case "paragraph":
      for (const i of node.inlines) setParent(i, { kind: "paragraph", node });
      break;
    case "table":
      for (const r of node.rows) {
        setParent(r, { kind: "table", node });
        linkTree(r);
      }
      break;
    case "row":
      for (const c of node.cells) {
        setParent(c, { kind: "row", node });
        linkTree(c);
      }
      break;
    case "cell":
      for (const b of node.blocks) {
        setParent(b, { kind: "cell", node });
        linkTree(b);
      }
      break;
    default:
      break;
  }
}

/** A detached deep copy (structuredClone leaves the parent links out; the copy's own are set). */
export function clone<T extends AnyNode>(node: T): T {
  const copy = structuredClone(node);
  linkTree(copy);
  return copy;
}

/** "\n" in a paragraph's text is a line break ("\r"), as in Apps Script. */
export function lineBreaks(text: string): string {
  return text.replace(/\r\n|\n/g, "\r");
}

export function textInlines(p: RecordedParagraph): RecordedText[] {
  return p.inlines.filter((i): i is RecordedText => i.kind === "text");
}

/** The paragraph's text (page breaks and rules have no text). */
export function paragraphText(p: RecordedParagraph): string {
  let s = "";
  for (const i of p.inlines) if (i.kind === "text") for (const r of i.runs) s += r.text;
  return s;
}

/** getText() of a block: paragraphs' text; tables' cells and rows joined with "\n". */
export function blockText(b: RecordedBlock): string {
  if (b.kind === "paragraph") return paragraphText(b);
  return b.rows.map((r) => r.cells.map((c) => c.blocks.map(blockText).join("\n")).join("\n")).join("\n");
}

export function blocksText(blocks: readonly RecordedBlock[]): string {
  return blocks.map(blockText).join("\n");
}

/** All paragraphs under a container, in document order (inside tables too). */
export function leafParagraphs(ref: ParentRef): RecordedParagraph[] {
  const out: RecordedParagraph[] = [];
  const walkBlocks = (blocks: readonly RecordedBlock[]) => {
    for (const b of blocks) {
      if (b.kind === "paragraph") out.push(b);
      else walkTable(b);
    }
  };
  const walkTable = (t: RecordedTable) => {
    for (const r of t.rows) for (const c of r.cells) walkBlocks(c.blocks);
  };
  switch (ref.kind) {
    case "paragraph":
      out.push(ref.node as RecordedParagraph);
      break;
    case "table":
      walkTable(ref.node as RecordedTable);
      break;
    case "row":
      for (const c of (ref.node as RecordedRow).cells) walkBlocks(c.blocks);
      break;
    default:
      walkBlocks((ref.node as { blocks: RecordedBlock[] }).blocks);
  }
  return out;
}

export function allTables(blocks: readonly RecordedBlock[]): RecordedTable[] {
  const out: RecordedTable[] = [];
  const walk = (bs: readonly RecordedBlock[]) => {
    for (const b of bs) {
      if (b.kind !== "table") continue;
      out.push(b);
      for (const r of b.rows) for (const c of r.cells) walk(c.blocks);
    }
  };
  walk(blocks);
  return out;
}
