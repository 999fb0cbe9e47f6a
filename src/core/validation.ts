/**
 * Findings: what validation tells the user. Each names the sheet, the cell in
 * A1 form, the unit and the rule, with a Vietnamese message; a finding of a
 * row rule also keeps both sides' values. Nothing here changes a cell.
 */
import type { Severity } from "./catalogue";
import { rules, type RuleFailure, failureMessage } from "./rules";
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

/** The rules about single cells, rows and the other sheets (the row rules are in rules.ts). */
const CELL_AND_SHEET_RULES: Readonly<Record<string, { severity: Severity; text: string }>> = {
  unknown_unit: { severity: "error", text: "Mã đơn vị không có trong trang Đơn vị" },
  bad_period: { severity: "error", text: "Kỳ báo cáo không đọc được" },
  period_from_date: { severity: "warning", text: "Kỳ báo cáo ghi bằng ngày hoặc tháng, được đọc là kỳ chứa ngày đó" },
  duplicate_row: { severity: "error", text: "Một đơn vị nhập hai dòng trong cùng kỳ" },
  count_blank: { severity: "error", text: "Ô số liệu bắt buộc chưa nhập" },
  not_a_number: { severity: "error", text: "Ô số liệu chứa chữ" },
  number_from_text: { severity: "warning", text: "Số hồ sơ gõ dạng chữ có dấu chấm (1.200), được đọc là số" },
  error_value: { severity: "error", text: "Ô số liệu chứa giá trị lỗi (#N/A...)" },
  negative: { severity: "error", text: "Số âm" },
  not_whole: { severity: "error", text: "Số hồ sơ không phải số nguyên" },
  too_large: { severity: "error", text: "Số lớn quá 10^15" },
  missing_submission: { severity: "warning", text: "Đơn vị đang hoạt động chưa nộp số liệu" },
  duplicate_unit: { severity: "error", text: "Mã đơn vị trùng trong trang Đơn vị" },
  unknown_successor: { severity: "error", text: "Sáp nhập vào một mã không có trong trang Đơn vị" },
  merger_without_date: { severity: "error", text: "Sáp nhập nhưng chưa ghi Từ ngày" },
  merger_cycle: { severity: "error", text: "Sáp nhập vào chính nó hoặc vòng tròn" },
  merged_away: { severity: "error", text: "Số liệu của đơn vị đã sáp nhập, trong kỳ sau ngày sáp nhập" },
  bad_checkbox: { severity: "error", text: "Ô Hoạt động không phải ô đánh dấu" },
  bad_target: { severity: "error", text: "Mục tiêu hoặc năm không đọc được" },
  unknown_indicator: { severity: "error", text: "Mã chỉ tiêu không có trong danh mục" },
  duplicate_target: { severity: "error", text: "Hai dòng mục tiêu cho cùng chỉ tiêu và năm" },
};

/** Every rule id with its severity and what it checks (README, the sidebar's help). */
export function ruleCatalogue(): Record<string, { severity: Severity; text: string }> {
  const out: Record<string, { severity: Severity; text: string }> = { ...CELL_AND_SHEET_RULES };
  for (const r of rules()) out[r.id] = { severity: r.severity, text: r.text };
  return out;
}

export function makeFinding(rule: string, cell: string | null, unit: string | null, message: string, sheet = SHEET_SUBMISSIONS): Finding {
  return { severity: CELL_AND_SHEET_RULES[rule]?.severity ?? "error", rule, sheet, cell, unit: unit || null, message };
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
