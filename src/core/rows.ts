/**
 * zod at the boundary of the small sheet `Chỉ tiêu` (tens of rows), and the
 * plain cell readers the other sheets share. Every cell schema
 * reports its problem as a custom issue with a Vietnamese message and a rule
 * id in `params.rule`, so that validation can turn an issue into a finding.
 * `Đơn vị` and `Số liệu` (up to 100,000 rows) are read cell by cell, without
 * a schema object per row (workbook.ts, read.ts).
 */
import * as z from "zod/mini";
import { cellProblem, isBlank, readNumber } from "./cells";
import { TARGET_COLUMNS, type ColumnDef } from "./schema";
import { describeValue, isDate } from "./text";

export interface RowIssue {
  readonly key: string;
  readonly rule: string;
  readonly message: string;
}

type Ctx = { issues: unknown[] };

function report(ctx: Ctx, input: unknown, rule: string, message: string): void {
  ctx.issues.push({ code: "custom", message, input, params: { rule } });
}

const textCell = () => z.transform((v: unknown): string => readText(v));

/** A tick box: TRUE/FALSE, or what clerks type for them; blank counts as ticked (a unit without a box yet is expected to submit). Null when unreadable. */
export function readCheckbox(v: unknown): boolean | null {
  if (v === true || v === false) return v;
  if (isBlank(v)) return true;
  const t = String(v).trim().toLowerCase();
  if (["true", "x", "có", "co", "1", "yes"].includes(t)) return true;
  if (["false", "không", "khong", "0", "no"].includes(t)) return false;
  return null;
}

/** A text cell: trimmed, a date as dd/mm/yyyy, blank as "". */
export function readText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return isBlank(v) ? "" : isDate(v) ? describeValue(v) : String(v).trim();
}

const checkboxCell = () =>
  z.transform((v: unknown, ctx): boolean => {
    const b = readCheckbox(v);
    if (b !== null) return b;
    report(ctx, v, "bad_checkbox", `không phải ô đánh dấu (${describeValue(v)})`);
    return true;
  });

const yearCell = () =>
  z.transform((v: unknown, ctx): number | undefined => {
    if (isBlank(v)) return undefined;
    const r = readNumber(v, "count");
    if (r >= 1900 && r <= 9999) return r;
    report(ctx, v, "bad_target", `không phải năm (${describeValue(v)})`);
    return undefined;
  });

/** A target: a fraction (0.3), a count, or a text such as "30%". */
const fractionCell = () =>
  z.transform((v: unknown, ctx): number | undefined => {
    if (isBlank(v)) {
      report(ctx, v, "bad_target", "chưa nhập");
      return undefined;
    }
    if (typeof v === "string") {
      const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(v);
      if (m) return Number(m[1]!.replace(",", ".")) / 100;
    }
    const r = readNumber(v, "amount");
    if (r >= 0) return r;
    report(ctx, v, "bad_target", cellProblem(v, r).reason);
    return undefined;
  });

function cellSchema(col: ColumnDef) {
  switch (col.kind) {
    case "checkbox":
      return checkboxCell();
    case "year":
      return yearCell();
    case "fraction":
      return fractionCell();
    default:
      return textCell();
  }
}

function rowSchema(columns: readonly ColumnDef[]) {
  const shape: Record<string, ReturnType<typeof cellSchema>> = {};
  for (const c of columns) shape[c.key] = cellSchema(c);
  return { object: z.object(shape), fields: shape };
}

type RowSchema = ReturnType<typeof rowSchema>;
let built: { target: RowSchema } | null = null;

/**
 * The row schemas, built on first use: Apps Script loads the whole script for
 * every custom-function call, and most calls never parse a row.
 */
function rowSchemas() {
  built ??= { target: rowSchema(TARGET_COLUMNS) };
  return built;
}

export type RowKind = keyof ReturnType<typeof rowSchemas>;

export interface Parsed {
  /** Every readable field; fields with an issue are left out. */
  readonly data: Record<string, unknown>;
  readonly issues: readonly RowIssue[];
}

/**
 * Parses a raw row object with a row schema, keeping the readable fields of a
 * row that has issues (zod gives no data on failure, so those are read one by one).
 */
export function parseRow(kind: RowKind, raw: Record<string, unknown>): Parsed {
  const schema = rowSchemas()[kind];
  const result = schema.object.safeParse(raw);
  if (result.success) return { data: result.data, issues: [] };
  const issues: RowIssue[] = result.error.issues.map((i) => ({
    key: String(i.path[0] ?? ""),
    rule: String((i as { params?: { rule?: string } }).params?.rule ?? "invalid"),
    message: i.message,
  }));
  const badKeys = new Set(issues.map((i) => i.key));
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (badKeys.has(key)) continue;
    const field = schema.fields[key];
    const r = field?.safeParse(raw[key]);
    if (r?.success) data[key] = r.data;
  }
  return { data, issues };
}
