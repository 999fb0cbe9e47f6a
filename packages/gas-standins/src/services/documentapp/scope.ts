/**
 * Text elements: what one covers, and its text and styles character by
 * character (reading, styling ranges, inserting and deleting text).
 */
import type { RecordedParagraph, RecordedRun, RecordedText, TextStyle } from "../../support/documentRecords";
import { exception } from "./args";
import { applyPatch, normalizeRuns, trailingStyle } from "./content";
import type { Patch } from "./content";
import { attach, leafParagraphs, parentOf, textInlines } from "./tree";
import type { ParentRef } from "./tree";

/**
 * What a Text element covers: one Text child of a paragraph, a whole paragraph
 * (Paragraph.editAsText) or all the paragraphs of a container (Body, cell,
 * table...: editAsText), the latter joined with "\n".
 */
export type Scope =
  | { kind: "inline"; inline: RecordedText }
  | { kind: "paragraph"; para: RecordedParagraph }
  | { kind: "container"; ref: ParentRef };

export interface Piece {
  /** null for an inline scope: its paragraph's mark is not part of it. */
  para: RecordedParagraph | null;
  owner: RecordedParagraph | null;
  inlines: RecordedText[];
}

export function piecesOf(scope: Scope): Piece[] {
  switch (scope.kind) {
    case "inline": {
      const ref = parentOf(scope.inline);
      return [{ para: null, owner: ref ? (ref.node as RecordedParagraph) : null, inlines: [scope.inline] }];
    }
    case "paragraph":
      return [{ para: scope.para, owner: scope.para, inlines: textInlines(scope.para) }];
    case "container":
      return leafParagraphs(scope.ref).map((p) => ({ para: p, owner: p, inlines: textInlines(p) }));
  }
}

export function scopeText(scope: Scope): string {
  return piecesOf(scope)
    .map((pc) => pc.inlines.map((i) => i.runs.map((r) => r.text).join("")).join(""))
    .join("\n");
}

/** Character-by-character styles of the scope (separators get their paragraph's mark). */
export function charStyles(scope: Scope): TextStyle[] {
  const out: TextStyle[] = [];
  piecesOf(scope).forEach((pc, i) => {
    if (i > 0) out.push(pc.para?.mark ?? {});
    for (const inline of pc.inlines) for (const r of inline.runs) for (let k = 0; k < r.text.length; k++) out.push(r);
  });
  return out;
}

export function checkRange(where: string, length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= length) {
    throw exception(`Invalid argument: offsets ${start}..${end} are outside the text (length ${length}). (${where})`);
  }
}

/** Applies a text patch to the whole scope, or to the characters start..end (inclusive). */
export function styleScope(scope: Scope, patch: Patch<TextStyle>, range?: { start: number; end: number }): void {
  const pieces = piecesOf(scope);
  if (!range) {
    for (const pc of pieces) {
      if (pc.para) applyPatch(pc.para.mark, patch);
      for (const inline of pc.inlines) {
        for (const r of inline.runs) applyPatch(r, patch);
        inline.runs = normalizeRuns(inline.runs);
      }
    }
    return;
  }
  const from = range.start;
  const to = range.end + 1;
  let offset = 0;
  pieces.forEach((pc, i) => {
    if (i > 0) offset += 1;
    for (const inline of pc.inlines) {
      const runs: RecordedRun[] = [];
      for (const r of inline.runs) {
        const a = offset;
        const b = offset + r.text.length;
        offset = b;
        const s = Math.max(from, a);
        const e = Math.min(to, b);
        if (s >= e) {
          runs.push(r);
          continue;
        }
        if (s > a) runs.push({ ...r, text: r.text.slice(0, s - a) });
        const mid: RecordedRun = { ...r, text: r.text.slice(s - a, e - a) };
        applyPatch(mid, patch);
        runs.push(mid);
        if (e < b) runs.push({ ...r, text: r.text.slice(e - a) });
      }
      inline.runs = normalizeRuns(runs);
    }
  });
}

/** Locates a character offset: the piece and the inline/run position inside it. */
export function locate(scope: Scope, offset: number): { piece: Piece; inPiece: number } | null {
  let start = 0;
  for (const [i, pc] of piecesOf(scope).entries()) {
    if (i > 0) start += 1;
    const len = pc.inlines.reduce((n, t) => n + t.runs.reduce((m, r) => m + r.text.length, 0), 0);
    if (offset >= start && offset <= start + len) return { piece: pc, inPiece: offset - start };
    start += len;
  }
  return null;
}

/** Inserts text at a position inside one paragraph piece, in the style of the character before it. */
export function insertInPiece(pc: Piece, at: number, text: string): void {
  let pos = 0;
  for (const inline of pc.inlines) {
    for (const [k, r] of inline.runs.entries()) {
      if (at <= pos + r.text.length && (at > pos || (k === 0 && at === pos))) {
        r.text = r.text.slice(0, at - pos) + text + r.text.slice(at - pos);
        return;
      }
      pos += r.text.length;
    }
  }
  const owner = pc.owner;
  const inline = pc.inlines[pc.inlines.length - 1];
  const style = owner ? trailingStyle(owner) : {};
  if (inline) inline.runs.push({ ...style, text });
  else if (owner) {
    attach({ kind: "paragraph", node: owner }, owner.inlines.length, { kind: "text", runs: [{ ...style, text }] });
  }
}

export function deleteInPiece(pc: Piece, from: number, toExclusive: number): void {
  let pos = 0;
  for (const inline of pc.inlines) {
    for (const r of inline.runs) {
      const a = pos;
      const b = pos + r.text.length;
      pos = b;
      const s = Math.max(from, a);
      const e = Math.min(toExclusive, b);
      if (s < e) r.text = r.text.slice(0, s - a) + r.text.slice(e - a);
    }
    inline.runs = normalizeRuns(inline.runs);
  }
}
