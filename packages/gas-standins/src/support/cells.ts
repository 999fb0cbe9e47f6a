/**
 * Sparse cell storage. A sheet keeps `rows[r][c]` (0-based, holes for empty
 * cells and rows), so a blank 1000 × 26 sheet stores nothing and a 2,000 × 30
 * table stores one small object per non-empty cell.
 */
import type { FakeDataValidation } from "../services/spreadsheetapp/fakeDataValidation";

/** Stored value: number (dates are serials), string (also error values "#N/A"), boolean. */
export type Stored = number | string | boolean;

export interface Cell {
  /** Value; absent = blank. A formula's last value (absent if none). */
  v?: Stored;
  /** Formula text, with its "=". */
  f?: string;
  /** Number format; absent = automatic ("0.###############"). */
  fmt?: string;
  bg?: string;
  fc?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  family?: string;
  /** Horizontal alignment: "left" | "center" | "right" | "normal"(= general). */
  ha?: string;
  va?: string;
  /** Wrap strategy: "WRAP" | "OVERFLOW" | "CLIP"; absent = OVERFLOW. */
  wrap?: string;
  note?: string;
  dv?: FakeDataValidation;
}

export type CellKey = keyof Cell;
export const CONTENT_KEYS: readonly CellKey[] = ["v", "f"];
export const FORMAT_KEYS: readonly CellKey[] = ["fmt", "bg", "fc", "bold", "italic", "size", "family", "ha", "va", "wrap"];

export function hasContent(c: Cell | undefined): boolean {
  return c !== undefined && ((c.v !== undefined && c.v !== "") || c.f !== undefined);
}

function isEmptyCell(c: Cell): boolean {
  for (const k in c) if ((c as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

/** Sets or deletes one field. */
export function put<K extends CellKey>(c: Cell, key: K, value: Cell[K] | undefined): void {
  if (value === undefined) delete c[key];
  else c[key] = value;
}

export class CellGrid {
  rows: (Array<Cell | undefined> | undefined)[] = [];

  get(r: number, c: number): Cell | undefined {
    return this.rows[r - 1]?.[c - 1];
  }

  /** The cell, created if absent. */
  ensure(r: number, c: number): Cell {
    let row = this.rows[r - 1];
    if (!row) {
      row = [];
      this.rows[r - 1] = row;
    }
    let cell = row[c - 1];
    if (!cell) {
      cell = {};
      row[c - 1] = cell;
    }
    return cell;
  }

  /** Drops the cell when it holds nothing. */
  prune(r: number, c: number): void {
    const row = this.rows[r - 1];
    const cell = row?.[c - 1];
    if (row && cell && isEmptyCell(cell)) delete row[c - 1];
  }

  /** Calls fn for each existing cell within the block. */
  forEach(r1: number, c1: number, nr: number, nc: number, fn: (cell: Cell, r: number, c: number) => void): void {
    const rEnd = Math.min(r1 + nr - 1, this.rows.length);
    for (let r = r1; r <= rEnd; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      const cEnd = Math.min(c1 + nc - 1, row.length);
      for (let c = c1; c <= cEnd; c++) {
        const cell = row[c - 1];
        if (cell) fn(cell, r, c);
      }
    }
  }

  /** Removes the given keys in a block (pruning emptied cells). */
  clearKeys(r1: number, c1: number, nr: number, nc: number, keys: readonly CellKey[]): void {
    this.forEach(r1, c1, nr, nc, (cell, r, c) => {
      for (const k of keys) delete cell[k];
      this.prune(r, c);
    });
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row?.some((cell) => hasContent(cell))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(before: number, count: number): void {
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...new Array<undefined>(count));
  }

  deleteRows(start: number, count: number): void {
    if (this.rows.length >= start) this.rows.splice(start - 1, count);
  }

  insertColumns(before: number, count: number): void {
    for (const row of this.rows) if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<undefined>(count));
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) if (row && row.length >= start) row.splice(start - 1, count);
  }

  /** Deep copy (data validations are immutable and shared). */
  clone(): CellGrid {
    const g = new CellGrid();
    g.rows = this.rows.map((row) => (row ? row.map((cell) => (cell ? { ...cell } : undefined)) : undefined));
    return g;
  }
}

/** Per-row or per-column settings (size in pixels, hidden), shifted with inserts and deletes. */
export interface LineMeta {
  size?: number;
  hidden?: boolean;
}

export class LineMetaList {
  items: (LineMeta | undefined)[] = [];

  get(i: number): LineMeta | undefined {
    return this.items[i - 1];
  }

  ensure(i: number): LineMeta {
    let m = this.items[i - 1];
    if (!m) {
      m = {};
      this.items[i - 1] = m;
    }
    return m;
  }

  insert(before: number, count: number): void {
    if (this.items.length >= before) this.items.splice(before - 1, 0, ...new Array<undefined>(count));
  }

  delete(start: number, count: number): void {
    if (this.items.length >= start) this.items.splice(start - 1, count);
  }

  clone(): LineMetaList {
    const l = new LineMetaList();
    l.items = this.items.map((m) => (m ? { ...m } : undefined));
    return l;
  }
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  lime: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  gray: "#808080",
  grey: "#808080",
  silver: "#c0c0c0",
  purple: "#800080",
  magenta: "#ff00ff",
  fuchsia: "#ff00ff",
  cyan: "#00ffff",
  aqua: "#00ffff",
  pink: "#ffc0cb",
  brown: "#a52a2a",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
};

/** Normalizes a CSS color as Sheets reports it ("#F00", "red" → "#ff0000"); null/"" → null. */
export function normalizeColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined || color === "") return null;
  const c = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{8}$/.test(c)) return c.slice(0, 7);
  return NAMED_COLORS[c] ?? c;
}
