/**
 * Reading one cell as a number, the way SPEC wants it: blank cells are blank,
 * a text of digits is that number, everything else that is not a
 * non-negative number is an error with a Vietnamese reason.
 */
import { describeValue, isDate } from "./text";

export { isDate };

/** count: non-negative whole number; amount: non-negative number. */
export type NumberKind = "count" | "amount";

export type CellRuleId = "not_a_number" | "error_value" | "negative" | "not_whole";

export type CellRead =
  | { readonly kind: "blank" }
  | { readonly kind: "ok"; readonly value: number }
  | { readonly kind: "bad"; readonly rule: CellRuleId; readonly reason: string };

const BLANK: CellRead = { kind: "blank" };

/** Sheets' error values, and the "#LỖI" text this add-on's functions put in bad rows. */
const ERROR_VALUE = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|LỖI)/i;

function isError(value: unknown): value is Error {
  return Object.prototype.toString.call(value) === "[object Error]";
}

export function isErrorValue(value: unknown): boolean {
  return (typeof value === "string" && ERROR_VALUE.test(value.trim())) || isError(value);
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function bad(rule: CellRuleId, reason: string): CellRead {
  return { kind: "bad", rule, reason };
}

export function readNumber(value: unknown, kind: NumberKind): CellRead {
  if (isBlank(value)) return BLANK;
  let n: number;
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string") {
    const t = value.trim();
    if (ERROR_VALUE.test(t)) return bad("error_value", `chứa giá trị lỗi ${t.split(/\s/)[0]}`);
    if (!/^\d+$/.test(t)) return bad("not_a_number", `không phải là số (${describeValue(value)})`);
    n = Number(t);
  } else if (isError(value)) {
    return bad("error_value", `chứa giá trị lỗi (${value.message})`);
  } else if (isDate(value)) {
    return bad("not_a_number", `là ngày tháng, không phải số (${describeValue(value)})`);
  } else {
    return bad("not_a_number", `không phải là số (${describeValue(value)})`);
  }
  if (!Number.isFinite(n)) return bad("not_a_number", `không phải là số (${describeValue(value)})`);
  if (n < 0) return bad("negative", `là số âm (${describeValue(n)})`);
  // A count computed by a formula may carry binary noise (30.000000000000004): it is 30.
  if (kind === "count" && !Number.isInteger(n) && Math.abs(n - Math.round(n)) < 1e-9 * Math.max(1, n)) n = Math.round(n);
  if (kind === "count" && !Number.isInteger(n)) return bad("not_whole", `không phải số nguyên (${describeValue(n)})`);
  return { kind: "ok", value: n };
}
