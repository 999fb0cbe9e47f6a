/**
 * Vietnamese text helpers: header normalisation and vi-VN number style.
 * Pure code: runs the same in Node and in Apps Script (no Intl dependence,
 * because the vi-VN locale data is not guaranteed in every runtime).
 */

/** Strips diacritics (đ/Đ included), case, spacing and punctuation: "Mã  đơn vị" -> "madonvi". */
export function normalizeKey(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Rounds away binary noise (0.3 - 0.059 = 0.24099999999999996 -> 0.241). */
export function clean(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * vi-VN number: "." groups thousands, "," marks decimals, trailing zeros dropped.
 * formatNumber(1234) -> "1.234"; formatNumber(5.9) -> "5,9"; formatNumber(-0.5) -> "-0,5".
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  // Past 10^21 toFixed gives exponents and the scaling may overflow: "1e+308" reads better than "Infinity".
  if (Math.abs(value) >= 1e21) return value.toExponential().replace(".", ",");
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [intPart, fracPart = ""] = rounded.toFixed(maxDecimals).split(".");
  const frac = fracPart.replace(/0+$/, "");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return sign + groupThousands(intPart ?? "0") + (frac ? "," + frac : "");
}

/** A fraction as a vi-VN percentage: 0.059 -> "5,9%", 0.0442 -> "4,42%", 1 -> "100%". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  return formatNumber(fraction * 100, maxDecimals) + "%";
}

/** Quotes a cell value for a message: text in quotes, numbers in vi-VN style. */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value, 6);
  if (typeof value === "string") return `"${shorten(value, 40)}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return formatDate(value);
  if (value === null || value === undefined) return "(trống)";
  return `"${String(value)}"`;
}

/**
 * The first `max` characters of a text and "…", cut between characters as a
 * reader sees them: never inside a surrogate pair (an emoji) nor before a
 * combining mark (a decomposed Vietnamese tone mark).
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let end = max;
  while (end > 0 && /\p{M}|\u200d|[\ufe00-\ufe0f]/u.test(chars[end]!)) end--;
  // A joined emoji (👨‍👩‍👧) is cut before its joiner's left part too.
  while (end > 0 && chars[end - 1] === "\u200d") end -= 2;
  return chars.slice(0, Math.max(end, 0)).join("") + "…";
}

/** Date test that also holds across realms (a Date made in another vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** dd/mm/yyyy from a Date's local fields. */
export function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Escapes text for HTML (the sidebar and the HTML preview of the report). */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}

/** A row with nothing but blanks. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (!(v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return false;
  }
  return true;
}
