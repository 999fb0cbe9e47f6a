/**
 * Reading one cell as a number, the way SPEC wants it: blank cells are blank,
 * a text of digits is that number, everything else that is not a
 * non-negative number no larger than 10^15 is a problem with a Vietnamese reason.
 *
 * readNumber allocates nothing: it returns the number (≥ 0), or a negative
 * status code; cellProblem builds the message only for a cell that failed.
 */
import { describeValue, isDate } from "./text";

/** count: non-negative whole number; amount: non-negative number. */
export type NumberKind = "count" | "amount";

export type CellRuleId = "not_a_number" | "error_value" | "negative" | "not_whole" | "too_large";

/** Status codes readNumber returns instead of a number. */
export const BLANK = -1;
const NOT_A_NUMBER = -2;
const ERROR_VALUE = -3;
const NEGATIVE = -4;
const NOT_WHOLE = -5;
const TOO_LARGE = -6;

/** Above this a sum of cells may lose whole units in floating point (SPEC: "too large to add up"). */
export const MAX_VALUE = 1e15;

/** Sheets' error values, and the "#LỖI" text this add-on's functions put in bad rows. */
const ERROR_TEXT = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|LỖI)/i;
const DIGITS = /^\s*\d+\s*$/;
/** A whole number grouped by dots in Vietnamese style ("1.200", "12.345.678"): unambiguous for a count only. */
export const DOT_GROUPED = /^\s*\d{1,3}(?:\.\d{3})+\s*$/;

function isError(value: unknown): value is Error {
  return Object.prototype.toString.call(value) === "[object Error]";
}

export function isErrorValue(value: unknown): boolean {
  return (typeof value === "string" && ERROR_TEXT.test(value.trim())) || isError(value);
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function checked(n: number, kind: NumberKind): number {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  if (n < 0) return NEGATIVE;
  if (n > MAX_VALUE) return TOO_LARGE;
  if (kind === "count" && n % 1 !== 0) {
    // A count computed by a formula may carry binary noise (30.000000000000004): it is 30. The
    // tolerance is absolute, so a fractional count is refused at any magnitude (600000000.5).
    const r = Math.round(n);
    return Math.abs(n - r) < 1e-6 ? r : NOT_WHOLE;
  }
  return n;
}

/** The cell's number (≥ 0), or a negative status: BLANK, or a problem that cellProblem describes. */
export function readNumber(value: unknown, kind: NumberKind): number {
  if (typeof value === "number") return checked(value, kind);
  if (value === "" || value === null || value === undefined) return BLANK;
  if (typeof value === "string") {
    if (DIGITS.test(value)) return checked(Number(value), kind);
    // A count is whole, so "1.200" can only be 1200; an amount (triệu đồng) may be 1,2 and stays refused.
    if (kind === "count" && DOT_GROUPED.test(value)) return checked(Number(value.replace(/[.\s]/g, "")), kind);
    if (value.trim() === "") return BLANK;
    return ERROR_TEXT.test(value.trim()) ? ERROR_VALUE : NOT_A_NUMBER;
  }
  return isError(value) ? ERROR_VALUE : NOT_A_NUMBER;
}

/** The rule and Vietnamese reason for a status readNumber gave (status < 0 and not BLANK). */
export function cellProblem(value: unknown, status: number): { rule: CellRuleId; reason: string } {
  switch (status) {
    case ERROR_VALUE:
      return {
        rule: "error_value",
        reason: isError(value) ? `chứa giá trị lỗi (${value.message})` : `chứa giá trị lỗi ${String(value).trim().split(/\s/)[0]}`,
      };
    case NEGATIVE:
      return { rule: "negative", reason: `là số âm (${describeValue(Number(value))})` };
    case NOT_WHOLE:
      return { rule: "not_whole", reason: `không phải số nguyên (${describeValue(Number(value))})` };
    case TOO_LARGE:
      return { rule: "too_large", reason: `lớn quá 10^15 (${describeValue(Number(value))}), không cộng được chính xác` };
    default:
      if (isDate(value)) return { rule: "not_a_number", reason: `là ngày tháng, không phải số (${describeValue(value)})` };
      return { rule: "not_a_number", reason: `không phải là số (${describeValue(value)})` };
  }
}
