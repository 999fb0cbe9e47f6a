/** A1 notation: the one home of column letters and cell references in the add-on. */

/** Column number (1-based) to letters: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based row and column to A1 notation. */
export function a1(row: number, column: number): string {
  return columnLetter(column) + row;
}

/** "C4:C9" for rows 4..9 of column 3; "C4" for one row. */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  return firstRow === lastRow ? a1(firstRow, column) : `${a1(firstRow, column)}:${a1(lastRow, column)}`;
}

/** How many cells a list of one-column ranges ("C4", "C4:C9") covers. */
export function cellCount(ranges: readonly string[]): number {
  let n = 0;
  for (const r of ranges) {
    const m = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(r);
    n += m?.[2] ? Number(m[2]) - Number(m[1]) + 1 : 1;
  }
  return n;
}
