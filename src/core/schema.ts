/**
 * SPEC's sheet layout. Columns are found by header text (case, spacing,
 * punctuation and diacritics ignored), never by position.
 */
import { normalizeKey } from "./text";

export type FieldKind = "count" | "amount" | "text" | "period" | "unit" | "checkbox" | "fraction" | "year" | "date";

export interface ColumnDef<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly kind: FieldKind;
  /** The column must exist in the sheet. */
  readonly required: boolean;
  /** Form 06/VPCP/KSTT column number, e.g. "(4)". */
  readonly form06?: string;
  /** The column's title in the report's form 06 table ("Trực tuyến"). */
  readonly short?: string;
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
  { key: "successors", header: "Sáp nhập vào", kind: "text", required: false },
  { key: "merged_on", header: "Từ ngày", kind: "date", required: false },
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
  { key: "received_total", header: "Tổng số hồ sơ nhận", kind: "count", required: false, form06: "(3)", short: "Tổng số nhận" },
  { key: "received_online", header: "Nhận trực tuyến", kind: "count", required: true, form06: "(4)", short: "Trực tuyến" },
  {
    key: "received_direct",
    header: "Nhận trực tiếp, bưu chính",
    kind: "count",
    required: true,
    form06: "(5)",
    short: "Trực tiếp, bưu chính",
  },
  {
    key: "received_carried",
    header: "Từ kỳ trước chuyển sang",
    kind: "count",
    required: true,
    form06: "(6)",
    short: "Kỳ trước sang",
  },
  { key: "online_service_dossiers", header: "Hồ sơ của TTHC có DVC trực tuyến", kind: "count", required: true },
  { key: "resolved_total", header: "Tổng số đã giải quyết", kind: "count", required: false, form06: "(7)", short: "Đã giải quyết" },
  { key: "resolved_early", header: "Giải quyết trước hạn", kind: "count", required: true, form06: "(8)", short: "Trước hạn" },
  { key: "resolved_ontime", header: "Giải quyết đúng hạn", kind: "count", required: true, form06: "(9)", short: "Đúng hạn" },
  { key: "resolved_late", header: "Giải quyết quá hạn", kind: "count", required: true, form06: "(10)", short: "Quá hạn" },
  { key: "pending_total", header: "Tổng số đang giải quyết", kind: "count", required: false, form06: "(11)", short: "Đang giải quyết" },
  { key: "pending_within", header: "Đang giải quyết trong hạn", kind: "count", required: true, form06: "(12)", short: "Trong hạn" },
  { key: "pending_overdue", header: "Đang giải quyết quá hạn", kind: "count", required: true, form06: "(13)", short: "Quá hạn" },
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
  { key: "received_online_full", header: "Nhận trực tuyến toàn trình", kind: "count", required: false },
  { key: "results_digitized", header: "Kết quả giải quyết được số hóa", kind: "count", required: false },
  { key: "ratings", header: "Lượt đánh giá", kind: "count", required: false },
  { key: "ratings_satisfied", header: "Lượt đánh giá hài lòng", kind: "count", required: false },
  { key: "explanation", header: "Giải trình", kind: "text", required: false },
  // Submission and approval: the row's status (blank reads as "Đang nhập") and the reviewer's note.
  { key: "status", header: "Trạng thái", kind: "text", required: false },
  { key: "review_note", header: "Ý kiến", kind: "text", required: false },
] as const satisfies readonly ColumnDef[];

export type UnitKey = (typeof UNIT_COLUMNS)[number]["key"];
export type TargetKey = (typeof TARGET_COLUMNS)[number]["key"];
export type SubmissionKey = (typeof SUBMISSION_COLUMNS)[number]["key"];
type FigureColumn = Extract<(typeof SUBMISSION_COLUMNS)[number], { kind: "count" | "amount" }>;
/** The numeric fields of a submission row. */
export type FigureKey = FigureColumn["key"];

export const SHEET_UNITS = "Đơn vị";
export const SHEET_TARGETS = "Chỉ tiêu";
export const SHEET_SUBMISSIONS = "Số liệu";

export const UNITS_SHEET: SheetDef<UnitKey> = { name: SHEET_UNITS, columns: UNIT_COLUMNS };
export const TARGETS_SHEET: SheetDef<TargetKey> = { name: SHEET_TARGETS, columns: TARGET_COLUMNS };
export const SUBMISSIONS_SHEET: SheetDef<SubmissionKey> = { name: SHEET_SUBMISSIONS, columns: SUBMISSION_COLUMNS };

/** The count and amount columns, in sheet order: every one of them is a non-negative number. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = SUBMISSION_COLUMNS.filter(
  (c): c is FigureColumn => c.kind === "count" || c.kind === "amount",
);
export const FIGURE_KEYS: readonly FigureKey[] = FIGURE_COLUMNS.map((c) => c.key);

const FIGURE_INDEX = new Map<string, number>(FIGURE_KEYS.map((k, i) => [k, i]));

/** The position of a figure among FIGURE_KEYS (the columns of the core's tables). */
export function figureIndex(key: FigureKey): number {
  return FIGURE_INDEX.get(key)!;
}

/** A column of `Số liệu` by its key. */
export function submissionColumn(key: SubmissionKey): ColumnDef<SubmissionKey> {
  return SUBMISSION_COLUMNS.find((c) => c.key === key)!;
}

/** A column's header by its key, for any sheet ("Nhận trực tuyến"). */
export function headerOf<K extends string>(def: SheetDef<K>, key: string): string {
  return def.columns.find((c) => c.key === key)?.header ?? key;
}

/** "Nhận trực tuyến (4)". */
export function fieldLabel(key: FigureKey): string {
  const c = submissionColumn(key);
  return c.form06 ? `${c.header} ${c.form06}` : c.header;
}

/** "(4)+(5)+(6)", or header names for fields outside form 06. */
export function formList(keys: readonly FigureKey[]): string {
  return keys.map((k) => submissionColumn(k).form06 ?? submissionColumn(k).header).join("+");
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

/** A header's key: normalizeKey without a form 06 column number such as "(4)". */
export function headerKey(text: unknown): string {
  return normalizeKey(String(text ?? "").replace(/\(\s*\d+\s*\)/g, " "));
}

/**
 * Finds the header row (the row among the first ten that matches most of the
 * sheet's headers) and each column in it. Throws SchemaError naming the sheet
 * and every missing required header.
 */
export function mapColumns<K extends string>(def: SheetDef<K>, values: readonly (readonly unknown[])[]): ColumnMap<K> {
  const wanted = new Map(def.columns.map((c) => [headerKey(c.header), c]));
  let best = -1;
  let bestHits = 0;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    // Only a row with headers of its own borrows from the row above (a blank or data row never does).
    if (!(values[r] ?? []).some((cell) => wanted.has(headerKey(cell)))) continue;
    const hits = headerCells(values, r).filter((cell) => wanted.has(headerKey(cell))).length;
    if (hits >= bestHits) {
      // The lowest of equally good rows: under a merged group title the header row has as many hits.
      if (hits > bestHits || r === best + 1) best = r;
      bestHits = hits;
    }
  }
  const columns: Partial<Record<K, number>> = {};
  if (best >= 0) {
    const row = headerCells(values, best);
    const seen = new Map<string, number>();
    row.forEach((cell, c) => {
      const col = wanted.get(headerKey(cell));
      if (!col) return;
      const earlier = seen.get(col.key);
      if (earlier !== undefined) {
        throw new SchemaError(`Trang "${def.name}" có hai cột "${col.header}" (cột ${earlier + 1} và cột ${c + 1}); hãy giữ lại một cột.`);
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

/**
 * The headers of row r: each cell's text, or where it is empty the cell just
 * above it. getValues gives a merged cell's text only in its top-left cell, so
 * a "Kỳ báo cáo" merged down over two header rows (the usual form 06 layout,
 * with "Số hồ sơ nhận" merged across (4), (5), (6) above the second) reads
 * from the row above.
 */
function headerCells(values: readonly (readonly unknown[])[], r: number): unknown[] {
  const row = values[r] ?? [];
  const above = r > 0 ? (values[r - 1] ?? []) : [];
  const width = Math.max(row.length, above.length);
  const out: unknown[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const own = row[c];
    out[c] = own === "" || own === undefined || own === null ? (above[c] ?? "") : own;
  }
  return out;
}

/** Finds a sheet by name, ignoring case, spacing and diacritics. */
export function findSheetName(names: readonly string[], wanted: string): string | undefined {
  const key = normalizeKey(wanted);
  return names.find((n) => n === wanted) ?? names.find((n) => normalizeKey(n) === key);
}
