/**
 * THE indicator catalogue. One entry holds everything about an indicator:
 * its code, custom function and JSDoc text, Vietnamese names and message
 * terms, the fields it adds up, which way is better, how blanks count and
 * the "numerator ≤ denominator" rule it implies. Everything else derives
 * from this list: the custom functions' top-level declarations and their
 * JSDoc (src/entrypoints.ts), the validation rules (rules.ts), the sidebar's
 * rows (view.ts), the report's tables and sentences (report.ts), the
 * results sheet, the samples' columns and the bench.
 *
 * Adding an indicator is one entry here plus its columns in schema.ts.
 */
import { submissionColumn, type FigureKey } from "./schema";
import { normalizeKey } from "./text";

/** How a missing value counts (the names of DHIS2's missing-value strategies). */
export type MissingStrategy =
  /** Any missing field leaves the whole side out (the unit is left out of the indicator / the rule is not checked). */
  | "skipIfAnyMissing"
  /** Only when every field is missing; otherwise missing fields count as 0. */
  | "skipIfAllMissing"
  /** Missing fields count as 0. */
  | "neverSkip";

export type Severity = "error" | "warning";

/**
 * How a custom function's side counts blanks: the cells of a row of a
 * several-column range add up, blanks adding nothing; an all-blank side is
 * blank. A blank denominator then gives a blank cell, a blank numerator
 * against a real denominator counts as 0 (as Sheets arithmetic does).
 */
export const FORMULA_MISSING: MissingStrategy = "skipIfAllMissing";

export interface IndicatorEntry {
  readonly code: string;
  /** The custom function computing it in a cell. */
  readonly fn: string;
  /** Vietnamese name, as the report and the sidebar show it. */
  readonly name: string;
  /** A few words for narrow table columns (the report's appendix, the results sheet). */
  readonly shortName: string;
  /** Summed for the numerator (for a count indicator: the value). */
  readonly numerator: readonly FigureKey[];
  /** Summed for the denominator; empty for a count indicator. */
  readonly denominator: readonly FigureKey[];
  readonly better: "higher" | "lower";
  readonly unit: "rate" | "count";
  /** The Vietnamese terms used in messages and JSDoc for numerator and denominator. */
  readonly terms: readonly [string, string];
  /**
   * A unit whose fields are blank: "skipIfAnyMissing" leaves the unit out of
   * the indicator (a blank optional pair means the unit does not track it).
   */
  readonly missing: MissingStrategy;
  /**
   * The rule "numerator ≤ denominator" this indicator implies, with its id and
   * severity; absent when the numerator is part of the denominator (always true).
   */
  readonly bound?: {
    readonly rule: string;
    readonly severity: Severity;
    /** The right side when it is not the denominator (fully online ≤ received online, not ≤ (4)+(5)). */
    readonly right?: readonly FigureKey[];
    readonly rightTerm?: string;
  };
  /** The custom function's arguments, when not (numerator, denominator). */
  readonly args?: readonly { readonly name: string; readonly term: string; readonly description: string }[];
  /** Extra JSDoc sentence. */
  readonly doc?: string;
  /** Words of the report for a count indicator: "hồ sơ thủ tục hành chính trễ hạn". */
  readonly countNoun?: string;
  /** The unit of a count in the sidebar ("vượt 3 hồ sơ"). */
  readonly countUnit?: string;
  /** The task the report proposes when the indicator misses its target; default "Nâng … đạt mục tiêu …". */
  readonly task?: string;
}

const CATALOGUE = [
  {
    code: "online_submission_rate",
    fn: "ONLINE_RATE",
    name: "Tỷ lệ hồ sơ nộp trực tuyến",
    shortName: "Nộp trực tuyến",
    numerator: ["received_online"],
    denominator: ["online_service_dossiers"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ nhận trực tuyến", "số hồ sơ của TTHC có DVC trực tuyến"],
    bound: { rule: "online_le_service", severity: "error" },
  },
  {
    code: "online_origin_rate",
    fn: "ONLINE_ORIGIN_RATE",
    name: "Tỷ lệ hồ sơ phát sinh trực tuyến",
    shortName: "Phát sinh trực tuyến",
    numerator: ["received_online"],
    denominator: ["received_online", "received_direct"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ nhận trực tuyến", "số hồ sơ nhận trong kỳ"],
  },
  {
    code: "online_payment_rate",
    fn: "ONLINE_PAYMENT_RATE",
    name: "Tỷ lệ thanh toán trực tuyến",
    shortName: "Thanh toán trực tuyến",
    numerator: ["paid_online"],
    denominator: ["fee_dossiers"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ thanh toán trực tuyến", "số hồ sơ có phí, lệ phí"],
    bound: { rule: "paid_le_fee", severity: "error" },
  },
  {
    code: "digitization_rate",
    fn: "DIGITIZATION_RATE",
    name: "Tỷ lệ số hóa hồ sơ",
    shortName: "Số hóa",
    numerator: ["digitized"],
    denominator: ["received_online", "received_direct"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ được số hóa", "số hồ sơ nhận trong kỳ"],
    bound: { rule: "digitized_le_received", severity: "error" },
  },
  {
    code: "ontime_rate",
    fn: "ONTIME_RATE",
    name: "Tỷ lệ giải quyết đúng hạn",
    shortName: "Đúng hạn",
    numerator: ["resolved_early", "resolved_ontime"],
    denominator: ["resolved_early", "resolved_ontime", "resolved_late"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ giải quyết trước và đúng hạn", "số hồ sơ đã giải quyết"],
  },
  {
    code: "apology_rate",
    fn: "APOLOGY_RATE",
    name: "Tỷ lệ xin lỗi hồ sơ trễ hạn",
    shortName: "Xin lỗi",
    numerator: ["apologies"],
    denominator: ["resolved_late", "pending_overdue"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số phiếu xin lỗi", "số hồ sơ trễ hạn"],
    bound: { rule: "apologies_gt_overdue", severity: "warning" },
    task: "Thực hiện đầy đủ việc xin lỗi người dân, tổ chức đối với mọi hồ sơ trễ hạn",
  },
  {
    code: "disbursement_rate",
    fn: "DISBURSEMENT_RATE",
    name: "Tỷ lệ giải ngân vốn đầu tư công",
    shortName: "Giải ngân",
    numerator: ["investment_disbursed"],
    denominator: ["investment_plan"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["vốn đã giải ngân", "kế hoạch vốn"],
    bound: { rule: "disbursed_gt_plan", severity: "warning" },
  },
  {
    code: "digital_signature_rate",
    fn: "DIGITAL_SIGNATURE_RATE",
    name: "Tỷ lệ văn bản ký số",
    shortName: "Ký số",
    numerator: ["documents_signed"],
    denominator: ["documents_issued"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số văn bản được ký số", "số văn bản đi"],
    bound: { rule: "signed_le_issued", severity: "error" },
  },
  {
    code: "electronic_records_rate",
    fn: "E_RECORDS_RATE",
    name: "Tỷ lệ hồ sơ công việc điện tử",
    shortName: "HSCV điện tử",
    numerator: ["work_records_electronic"],
    denominator: ["work_records"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ công việc điện tử", "số hồ sơ công việc"],
    bound: { rule: "e_records_le_records", severity: "error" },
  },
  {
    code: "full_online_rate",
    fn: "FULL_ONLINE_RATE",
    name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
    shortName: "Toàn trình",
    numerator: ["received_online_full"],
    denominator: ["received_online", "received_direct"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ nhận trực tuyến toàn trình", "số hồ sơ nhận trong kỳ"],
    bound: { rule: "full_online_le_online", severity: "error", right: ["received_online"], rightTerm: "số hồ sơ nhận trực tuyến" },
  },
  {
    code: "results_digitization_rate",
    fn: "RESULTS_DIGITIZATION_RATE",
    name: "Tỷ lệ số hóa kết quả giải quyết",
    shortName: "Số hóa kết quả",
    numerator: ["results_digitized"],
    denominator: ["resolved_early", "resolved_ontime", "resolved_late"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số kết quả giải quyết được số hóa", "số hồ sơ đã giải quyết"],
    bound: { rule: "results_digitized_le_resolved", severity: "error" },
  },
  {
    code: "satisfaction_rate",
    fn: "SATISFACTION_RATE",
    name: "Tỷ lệ hài lòng",
    shortName: "Hài lòng",
    numerator: ["ratings_satisfied"],
    denominator: ["ratings"],
    better: "higher",
    unit: "rate",
    missing: "skipIfAnyMissing",
    terms: ["số lượt đánh giá hài lòng", "số lượt đánh giá"],
    bound: { rule: "satisfied_le_ratings", severity: "error" },
  },
  // @catalogue-end-of-rates (a marker for the test that adds an entry)
  {
    code: "overdue_dossiers",
    fn: "OVERDUE_COUNT",
    name: "Số hồ sơ trễ hạn",
    shortName: "Trễ hạn",
    numerator: ["resolved_late", "pending_overdue"],
    denominator: [],
    better: "lower",
    unit: "count",
    missing: "skipIfAnyMissing",
    terms: ["số hồ sơ trễ hạn", ""],
    args: [
      { name: "late", term: "số hồ sơ giải quyết quá hạn", description: "Số hồ sơ giải quyết quá hạn (10): một ô, một số hoặc một vùng." },
      {
        name: "overdue_pending",
        term: "số hồ sơ đang giải quyết quá hạn",
        description: "Không bắt buộc. Số hồ sơ đang giải quyết quá hạn (13).",
      },
    ],
    countNoun: "hồ sơ thủ tục hành chính trễ hạn",
    countUnit: "hồ sơ",
    task: "Tập trung giải quyết dứt điểm hồ sơ trễ hạn, không để phát sinh hồ sơ trễ hạn mới",
  },
] as const satisfies readonly IndicatorEntry[];

export type IndicatorCode = (typeof CATALOGUE)[number]["code"];

/** An entry of the catalogue with its code typed. */
export interface IndicatorDef extends IndicatorEntry {
  readonly code: IndicatorCode;
}

/** The catalogue, in the order every list shows it. */
export const INDICATORS: readonly IndicatorDef[] = CATALOGUE;

const BY_CODE = new Map<string, IndicatorDef>(INDICATORS.map((d) => [d.code, d]));

/** THE lookup by code. Throws for a code that is not in the catalogue (a programming error). */
export function indicator(code: IndicatorCode): IndicatorDef {
  const def = BY_CODE.get(code);
  if (!def) throw new Error(`unknown indicator ${code}`);
  return def;
}

/**
 * An indicator as clerks may write it in `Chỉ tiêu`: its code
 * ("online_payment_rate"), Vietnamese name ("Tỷ lệ thanh toán trực tuyến")
 * or function name ("ONLINE_PAYMENT_RATE"), ignoring case and diacritics.
 */
export function findIndicator(text: string): IndicatorDef | undefined {
  const key = normalizeKey(text);
  for (const d of INDICATORS) {
    if (normalizeKey(d.code) === key || normalizeKey(d.name) === key || normalizeKey(d.fn) === key) return d;
  }
  return undefined;
}

/** Every field an indicator reads, numerator and denominator. */
export function fieldsOf(def: IndicatorEntry): readonly FigureKey[] {
  return [...new Set([...def.numerator, ...def.denominator])];
}

/** Amount fields may have decimals; an indicator over them reads amounts, the others whole counts. */
export function valueKindOf(def: IndicatorEntry): "count" | "amount" {
  return fieldsOf(def).some((k) => submissionColumn(k).kind === "amount") ? "amount" : "count";
}
