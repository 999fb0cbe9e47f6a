/**
 * SPEC's sheet layout. Columns are found by header text (case, spacing,
 * punctuation and diacritics ignored), never by position.
 */
import { normalizeKey } from "./text";

export type FieldKind = "count" | "amount" | "text" | "period" | "unit" | "checkbox" | "fraction" | "year";

export interface ColumnDef<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly kind: FieldKind;
  /** The column must exist in the sheet. */
  readonly required: boolean;
  /** Form 06/VPCP/KSTT column number, e.g. "(4)". */
  readonly form06?: string;
}

export interface SheetDef<K extends string = string> {
  readonly name: string;
  readonly columns: readonly ColumnDef<K>[];
}

export const UNIT_COLUMNS = [
  { key: "code", header: "Mã đơn vị", kind: "text", required: true },
  { key: "name", header: "Tên đơn vị", kind: "text", required: true },
  { key: "kind", header: "Loại", kind: "text", required: false },
  { key: "editors", header: "Email nhập liệu", kind: "text", required: false },
  { key: "active", header: "Hoạt động", kind: "checkbox", required: false },
] as const satisfies readonly ColumnDef[];

export const TARGET_COLUMNS = [
  { key: "indicator", header: "Mã chỉ tiêu", kind: "text", required: true },
  { key: "year", header: "Năm", kind: "year", required: false },
  { key: "target", header: "Mục tiêu", kind: "fraction", required: true },
  { key: "basis", header: "Căn cứ", kind: "text", required: false },
] as const satisfies readonly ColumnDef[];

export const SUBMISSION_COLUMNS = [
  { key: "period", header: "Kỳ báo cáo", kind: "period", required: true },
  { key: "unit", header: "Mã đơn vị", kind: "unit", required: true },
  { key: "received_total", header: "Tổng số hồ sơ nhận", kind: "count", required: false, form06: "(3)" },
  { key: "received_online", header: "Nhận trực tuyến", kind: "count", required: true, form06: "(4)" },
  { key: "received_direct", header: "Nhận trực tiếp, bưu chính", kind: "count", required: true, form06: "(5)" },
  { key: "received_carried", header: "Từ kỳ trước chuyển sang", kind: "count", required: true, form06: "(6)" },
  { key: "online_service_dossiers", header: "Hồ sơ của TTHC có DVC trực tuyến", kind: "count", required: true },
  { key: "resolved_total", header: "Tổng số đã giải quyết", kind: "count", required: false, form06: "(7)" },
  { key: "resolved_early", header: "Giải quyết trước hạn", kind: "count", required: true, form06: "(8)" },
  { key: "resolved_ontime", header: "Giải quyết đúng hạn", kind: "count", required: true, form06: "(9)" },
  { key: "resolved_late", header: "Giải quyết quá hạn", kind: "count", required: true, form06: "(10)" },
  { key: "pending_total", header: "Tổng số đang giải quyết", kind: "count", required: false, form06: "(11)" },
  { key: "pending_within", header: "Đang giải quyết trong hạn", kind: "count", required: true, form06: "(12)" },
  { key: "pending_overdue", header: "Đang giải quyết quá hạn", kind: "count", required: true, form06: "(13)" },
  { key: "apologies", header: "Số phiếu xin lỗi đã gửi", kind: "count", required: true },
  { key: "digitized", header: "Hồ sơ được số hóa", kind: "count", required: true },
  { key: "fee_dossiers", header: "Hồ sơ có phí, lệ phí", kind: "count", required: true },
  { key: "paid_online", header: "Hồ sơ thanh toán trực tuyến", kind: "count", required: true },
  { key: "investment_plan", header: "Kế hoạch vốn đầu tư công (triệu đồng)", kind: "amount", required: false },
  { key: "investment_disbursed", header: "Vốn đã giải ngân (triệu đồng)", kind: "amount", required: false },
  { key: "documents_issued", header: "Văn bản đi", kind: "count", required: false },
  { key: "documents_signed", header: "Văn bản đi được ký số", kind: "count", required: false },
  { key: "work_records", header: "Hồ sơ công việc", kind: "count", required: false },
  { key: "work_records_electronic", header: "Hồ sơ công việc điện tử", kind: "count", required: false },
  { key: "explanation", header: "Giải trình", kind: "text", required: false },
] as const satisfies readonly ColumnDef[];

export type UnitKey = (typeof UNIT_COLUMNS)[number]["key"];
export type TargetKey = (typeof TARGET_COLUMNS)[number]["key"];
export type SubmissionKey = (typeof SUBMISSION_COLUMNS)[number]["key"];
/** The numeric fields of a submission row. */
export type FigureKey = Extract<(typeof SUBMISSION_COLUMNS)[number], { kind: "count" | "amount" }>["key"];

export const SHEET_UNITS = "Đơn vị";
export const SHEET_TARGETS = "Chỉ tiêu";
export const SHEET_SUBMISSIONS = "Số liệu";

export const UNITS_SHEET: SheetDef<UnitKey> = { name: SHEET_UNITS, columns: UNIT_COLUMNS };
export const TARGETS_SHEET: SheetDef<TargetKey> = { name: SHEET_TARGETS, columns: TARGET_COLUMNS };
export const SUBMISSIONS_SHEET: SheetDef<SubmissionKey> = { name: SHEET_SUBMISSIONS, columns: SUBMISSION_COLUMNS };

export const FIGURE_COLUMNS = SUBMISSION_COLUMNS.filter(
  (c): c is Extract<(typeof SUBMISSION_COLUMNS)[number], { kind: "count" | "amount" }> =>
    c.kind === "count" || c.kind === "amount",
);

const SUBMISSION_BY_KEY = new Map<string, ColumnDef>(SUBMISSION_COLUMNS.map((c) => [c.key, c]));

export function submissionColumn(key: SubmissionKey): ColumnDef<SubmissionKey> {
  return SUBMISSION_BY_KEY.get(key) as ColumnDef<SubmissionKey>;
}

/** The workbook cannot be used as it stands (a sheet or a required column is missing). */
export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SchemaError";
  }
}

export interface ColumnMap<K extends string> {
  /** 0-based index of the header row within the values read. */
  readonly headerRow: number;
  /** 0-based column index of each key found. */
  readonly columns: Partial<Record<K, number>>;
}

/** How many rows from the top may stand above the header (a title, a note). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row (the row among the first ten that matches most of the
 * sheet's headers) and each column in it. Throws SchemaError naming the sheet
 * and every missing required header.
 */
/** A header's key: normalizeKey without a form 06 column number such as "(4)". */
export function headerKey(text: unknown): string {
  return normalizeKey(String(text ?? "").replace(/\(\s*\d+\s*\)/g, " "));
}

export function mapColumns<K extends string>(def: SheetDef<K>, values: readonly (readonly unknown[])[]): ColumnMap<K> {
  const wanted = new Map(def.columns.map((c) => [headerKey(c.header), c]));
  let best = -1;
  let bestHits = 0;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const hits = (values[r] ?? []).filter((cell) => wanted.has(headerKey(cell))).length;
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  }
  const columns: Partial<Record<K, number>> = {};
  if (best >= 0) {
    const row = values[best] ?? [];
    const seen = new Map<string, number>();
    row.forEach((cell, c) => {
      const col = wanted.get(headerKey(cell));
      if (!col) return;
      const earlier = seen.get(col.key);
      if (earlier !== undefined) {
        throw new SchemaError(
          `Trang "${def.name}" có hai cột "${col.header}" (cột ${earlier + 1} và cột ${c + 1}); hãy giữ lại một cột.`,
        );
      }
      seen.set(col.key, c);
      columns[col.key] = c;
    });
  }
  const missing = def.columns.filter((c) => c.required && columns[c.key] === undefined).map((c) => `"${c.header}"`);
  if (missing.length === 1) throw new SchemaError(`Trang "${def.name}" thiếu cột ${missing[0]}.`);
  if (missing.length > 1) throw new SchemaError(`Trang "${def.name}" thiếu các cột ${missing.join(", ")}.`);
  return { headerRow: Math.max(best, 0), columns };
}

/** Finds a sheet by name, ignoring case, spacing and diacritics. */
export function findSheetName(names: readonly string[], wanted: string): string | undefined {
  const key = normalizeKey(wanted);
  return names.find((n) => n === wanted) ?? names.find((n) => normalizeKey(n) === key);
}
