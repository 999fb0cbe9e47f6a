/** A1 notation: column letters, parsing "'Số liệu'!B2:D5", "A:A", "2:2", "A2:B", and back. */

/** 1 -> "A", 27 -> "AA". */
export function columnToLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; `null` bounds mean "to the sheet's edge" (whole column/row). */
export interface A1Ref {
  readonly sheetName: string | null;
  readonly startRow: number | null;
  readonly startColumn: number | null;
  readonly endRow: number | null;
  readonly endColumn: number | null;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

interface Part {
  column: number | null;
  row: number | null;
}

function parsePart(text: string): Part | null {
  const m = PART.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row !== null && row < 1) return null;
  return { column: m[1] ? lettersToColumn(m[1]) : null, row };
}

/** Splits "'It''s'!A1" into sheet name and reference (quotes undone). */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheetName: null, ref: text };
  let name = text.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: text.slice(bang + 1).trim() };
}

/** Parses A1 notation; null when it is not a valid reference. */
export function parseA1(a1: string): A1Ref | null {
  const { sheetName, ref } = splitSheetName(a1);
  const pieces = ref.split(":");
  if (pieces.length > 2 || !ref) return null;
  const a = parsePart(pieces[0]!);
  if (!a) return null;
  if (pieces.length === 1) {
    // A single part must be a cell ("B2"); "B" or "2" alone are not ranges.
    if (a.column === null || a.row === null) return null;
    return { sheetName, startRow: a.row, startColumn: a.column, endRow: a.row, endColumn: a.column };
  }
  const b = parsePart(pieces[1]!);
  if (!b) return null;
  if (a.column === null && a.row !== null) {
    // "2:5": whole rows; both parts must be rows only.
    if (b.column !== null || b.row === null) return null;
    return { sheetName, startRow: Math.min(a.row, b.row), endRow: Math.max(a.row, b.row), startColumn: null, endColumn: null };
  }
  if (a.column !== null && a.row === null) {
    // "A:C" whole columns ("A:C5" is not accepted).
    if (b.column === null || b.row !== null) return null;
    return { sheetName, startRow: null, endRow: null, startColumn: Math.min(a.column, b.column), endColumn: Math.max(a.column, b.column) };
  }
  // a is a cell.
  if (b.column === null) return null;
  if (b.row === null) {
    // "A2:B": from row 2 to the last row.
    return {
      sheetName,
      startRow: a.row,
      endRow: null,
      startColumn: Math.min(a.column!, b.column),
      endColumn: Math.max(a.column!, b.column),
    };
  }
  return {
    sheetName,
    startRow: Math.min(a.row!, b.row),
    endRow: Math.max(a.row!, b.row),
    startColumn: Math.min(a.column!, b.column),
    endColumn: Math.max(a.column!, b.column),
  };
}

/** Unbounded ends are kept when printing ("A:A", "2:2", "A2:B"). */
export interface RangeBounds {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** false when the range was given as whole columns ("A:A") or open-ended rows ("A2:B"). */
  endRowBounded: boolean;
  /** false when the range was given as whole rows ("2:2"). */
  columnsBounded: boolean;
  /** false when the range was given as whole columns ("A:A"). */
  startRowBounded: boolean;
}

export function formatA1(b: RangeBounds): string {
  const lastRow = b.row + b.numRows - 1;
  const lastCol = b.column + b.numColumns - 1;
  if (!b.columnsBounded) return `${b.row}:${lastRow}`;
  const c1 = columnToLetters(b.column);
  const c2 = columnToLetters(lastCol);
  if (!b.startRowBounded && !b.endRowBounded) return `${c1}:${c2}`;
  if (!b.endRowBounded) return `${c1}${b.row}:${c2}`;
  if (b.numRows === 1 && b.numColumns === 1) return `${c1}${b.row}`;
  return `${c1}${b.row}:${c2}${lastRow}`;
}
