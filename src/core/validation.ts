/**
 * Findings: what validation tells the user. Each names the sheet, the cell in
 * A1 form, the unit and the rule, with a Vietnamese message; a finding of a
 * row rule also keeps both sides' values. Nothing here changes a cell.
 */
import type { Severity } from "./catalogue";
import { type RuleFailure, failureMessage } from "./rules";
import { SHEET_SUBMISSIONS } from "./schema";

export type { Severity };

export interface Finding {
  severity: Severity;
  rule: string;
  sheet: string;
  /** A1 notation, or null for a finding about a missing row. */
  cell: string | null;
  /** The unit's code, or null for a finding about a sheet (Chỉ tiêu) or a row without a code. */
  unit: string | null;
  message: string;
  /** For a rule relating fields: the values of its two sides. */
  values?: { left: number; operator: "==" | "<="; right: number };
}

/**
 * The rules about single cells, rows and the other sheets (the row rules are
 * in rules.ts): each one's severity, and what it checks in its comment
 * (comments stay out of the bundle every custom-function call loads).
 */
const CELL_AND_SHEET_RULES: Readonly<Record<string, Severity>> = {
  /** Mã đơn vị không có trong trang Đơn vị. */
  unknown_unit: "error",
  /** Kỳ báo cáo không đọc được. */
  bad_period: "error",
  /** Kỳ báo cáo ghi bằng ngày hoặc tháng, được đọc là kỳ chứa ngày đó. */
  period_from_date: "warning",
  /** Một đơn vị nhập hai dòng trong cùng kỳ. */
  duplicate_row: "error",
  /** Ô số liệu bắt buộc chưa nhập. */
  count_blank: "error",
  /** Ô số liệu chứa chữ. */
  not_a_number: "error",
  /** Số hồ sơ gõ dạng chữ có dấu chấm (1.200), được đọc là số. */
  number_from_text: "warning",
  /** Ô số liệu chứa giá trị lỗi (#N/A...). */
  error_value: "error",
  /** Số âm. */
  negative: "error",
  /** Số hồ sơ không phải số nguyên. */
  not_whole: "error",
  /** Số lớn quá 10^15. */
  too_large: "error",
  /** Đơn vị đang hoạt động chưa nộp số liệu. */
  missing_submission: "warning",
  /** Báo cáo 6 tháng, 9 tháng, năm: đơn vị thiếu số liệu một quý (của chính nó hoặc của đơn vị cũ trước khi sáp nhập). */
  incomplete_span: "warning",
  /** Mã đơn vị trùng trong trang Đơn vị. */
  duplicate_unit: "error",
  /** Sáp nhập vào một mã không có trong trang Đơn vị. */
  unknown_successor: "error",
  /** Sáp nhập nhưng chưa ghi Từ ngày. */
  merger_without_date: "error",
  /** Sáp nhập vào chính nó hoặc vòng tròn. */
  merger_cycle: "error",
  /** Số liệu của đơn vị đã sáp nhập, trong kỳ sau ngày sáp nhập. */
  merged_away: "error",
  /** Ô Hoạt động không phải ô đánh dấu. */
  bad_checkbox: "error",
  /** Mục tiêu hoặc năm không đọc được. */
  bad_target: "error",
  /** Mã chỉ tiêu không có trong danh mục. */
  unknown_indicator: "error",
  /** Hai dòng mục tiêu cho cùng chỉ tiêu và năm. */
  duplicate_target: "error",
};

export function makeFinding(rule: string, cell: string | null, unit: string | null, message: string, sheet = SHEET_SUBMISSIONS): Finding {
  return { severity: CELL_AND_SHEET_RULES[rule] ?? "error", rule, sheet, cell, unit: unit || null, message };
}

/** The finding of a failed row rule: its message and both sides' values. */
export function failureFinding(f: RuleFailure, cell: string | null, unit: string): Finding {
  return {
    severity: f.rule.severity,
    rule: f.rule.id,
    sheet: SHEET_SUBMISSIONS,
    cell,
    unit,
    message: failureMessage(f),
    values: { left: f.left, operator: f.rule.operator, right: f.right },
  };
}

/** Errors before warnings, otherwise in the order found. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const errors = findings.filter((f) => f.severity === "error");
  return errors.length === findings.length ? [...findings] : [...errors, ...findings.filter((f) => f.severity !== "error")];
}
