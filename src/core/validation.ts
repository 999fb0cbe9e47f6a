/**
 * SPEC's validation rules. Each finding names the sheet, the cell in A1 form,
 * the unit and the rule, with a Vietnamese message. Nothing here changes a cell.
 */
import type { Figures } from "./indicators";
import { submissionColumn, SHEET_SUBMISSIONS, type FigureKey } from "./schema";
import { formatNumber } from "./text";

export type Severity = "error" | "warning";

export interface Finding {
  severity: Severity;
  rule: string;
  sheet: string;
  /** A1 notation, or null for a finding about a missing row. */
  cell: string | null;
  unit: string;
  message: string;
}

/** The rule ids and what they check (for README and the sidebar's help). */
export const RULES: Readonly<Record<string, { severity: Severity; text: string }>> = {
  unknown_unit: { severity: "error", text: "Mã đơn vị không có trong trang Đơn vị" },
  bad_period: { severity: "error", text: "Kỳ báo cáo không đọc được" },
  duplicate_row: { severity: "error", text: "Một đơn vị nhập hai dòng trong cùng kỳ" },
  count_blank: { severity: "error", text: "Ô số liệu bắt buộc chưa nhập" },
  not_a_number: { severity: "error", text: "Ô số liệu chứa chữ" },
  error_value: { severity: "error", text: "Ô số liệu chứa giá trị lỗi (#N/A...)" },
  negative: { severity: "error", text: "Số âm" },
  not_whole: { severity: "error", text: "Số hồ sơ không phải số nguyên" },
  received_total: { severity: "error", text: "(3) = (4)+(5)+(6)" },
  resolved_total: { severity: "error", text: "(7) = (8)+(9)+(10)" },
  pending_total: { severity: "error", text: "(11) = (12)+(13)" },
  received_balance: { severity: "error", text: "(4)+(5)+(6) = (8)+(9)+(10)+(12)+(13)" },
  online_le_service: { severity: "error", text: "Nhận trực tuyến ≤ hồ sơ của TTHC có DVC trực tuyến" },
  paid_le_fee: { severity: "error", text: "Thanh toán trực tuyến ≤ hồ sơ có phí, lệ phí" },
  digitized_le_received: { severity: "error", text: "Hồ sơ được số hóa ≤ (4)+(5)" },
  signed_le_issued: { severity: "error", text: "Văn bản ký số ≤ văn bản đi" },
  e_records_le_records: { severity: "error", text: "Hồ sơ công việc điện tử ≤ hồ sơ công việc" },
  apologies_gt_overdue: { severity: "warning", text: "Số phiếu xin lỗi nhiều hơn số hồ sơ trễ hạn" },
  disbursed_gt_plan: { severity: "warning", text: "Vốn giải ngân lớn hơn kế hoạch vốn" },
  missing_submission: { severity: "warning", text: "Đơn vị đang hoạt động chưa nộp số liệu" },
  duplicate_unit: { severity: "error", text: "Mã đơn vị trùng trong trang Đơn vị" },
  bad_checkbox: { severity: "error", text: "Ô Hoạt động không phải ô đánh dấu" },
  bad_target: { severity: "error", text: "Mục tiêu hoặc năm không đọc được" },
  unknown_indicator: { severity: "error", text: "Mã chỉ tiêu không có trong danh mục" },
  duplicate_target: { severity: "error", text: "Hai dòng mục tiêu cho cùng chỉ tiêu và năm" },
};

/** "Nhận trực tuyến (4)". */
export function fieldLabel(key: FigureKey): string {
  const c = submissionColumn(key);
  return c.form06 ? `${c.header} ${c.form06}` : c.header;
}

interface SumRule {
  readonly rule: string;
  readonly total: FigureKey;
  readonly parts: readonly FigureKey[];
}

const SUM_RULES: readonly SumRule[] = [
  { rule: "received_total", total: "received_total", parts: ["received_online", "received_direct", "received_carried"] },
  { rule: "resolved_total", total: "resolved_total", parts: ["resolved_early", "resolved_ontime", "resolved_late"] },
  { rule: "pending_total", total: "pending_total", parts: ["pending_within", "pending_overdue"] },
];

const RECEIVED: readonly FigureKey[] = ["received_online", "received_direct", "received_carried"];
const SETTLED: readonly FigureKey[] = ["resolved_early", "resolved_ontime", "resolved_late", "pending_within", "pending_overdue"];

interface AtMostRule {
  readonly rule: string;
  readonly left: readonly FigureKey[];
  readonly right: readonly FigureKey[];
  readonly rightLabel?: string;
}

/** left ≤ right, checked only when every field involved is readable. */
const AT_MOST_RULES: readonly AtMostRule[] = [
  { rule: "online_le_service", left: ["received_online"], right: ["online_service_dossiers"] },
  { rule: "paid_le_fee", left: ["paid_online"], right: ["fee_dossiers"] },
  { rule: "digitized_le_received", left: ["digitized"], right: ["received_online", "received_direct"], rightLabel: "số hồ sơ nhận trong kỳ" },
  { rule: "signed_le_issued", left: ["documents_signed"], right: ["documents_issued"] },
  { rule: "e_records_le_records", left: ["work_records_electronic"], right: ["work_records"] },
  { rule: "apologies_gt_overdue", left: ["apologies"], right: ["resolved_late", "pending_overdue"], rightLabel: "số hồ sơ trễ hạn" },
  { rule: "disbursed_gt_plan", left: ["investment_disbursed"], right: ["investment_plan"] },
];

function sum(fig: Figures, keys: readonly FigureKey[]): number | undefined {
  let s = 0;
  for (const k of keys) {
    const v = fig[k];
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

function formList(keys: readonly FigureKey[]): string {
  return keys.map((k) => submissionColumn(k).form06 ?? submissionColumn(k).header).join("+");
}

const AMOUNT_SUFFIX = / \(triệu đồng\)$/;

/** "Nhận trực tuyến (4) (45)", "Vốn đã giải ngân (1.200 triệu đồng)", "số hồ sơ trễ hạn (10)+(13) = 7". */
function side(keys: readonly FigureKey[], value: number, label: string | undefined): string {
  if (keys.length === 1) {
    const col = submissionColumn(keys[0]!);
    if (AMOUNT_SUFFIX.test(col.header)) return `${col.header.replace(AMOUNT_SUFFIX, "")} (${formatNumber(value)} triệu đồng)`;
    return `${fieldLabel(keys[0]!)} (${formatNumber(value)})`;
  }
  return `${label ?? ""} ${formList(keys)} = ${formatNumber(value)}`.trim();
}

export interface CrossProblem {
  readonly rule: string;
  readonly severity: Severity;
  /** The field whose cell the finding points at. */
  readonly key: FigureKey;
  readonly message: string;
}

/**
 * The rules that relate fields of one row. A rule is checked only when every
 * field it involves is readable (a blank optional total is not checked).
 */
export function crossFieldProblems(fig: Figures): CrossProblem[] {
  const out: CrossProblem[] = [];
  for (const r of SUM_RULES) {
    const total = fig[r.total];
    const parts = sum(fig, r.parts);
    if (total === undefined || parts === undefined || total === parts) continue;
    out.push({
      rule: r.rule, severity: "error", key: r.total,
      message: `${fieldLabel(r.total)} là ${formatNumber(total)}, khác ${formList(r.parts)} = ${formatNumber(parts)}`,
    });
  }
  const received = sum(fig, RECEIVED);
  const settled = sum(fig, SETTLED);
  if (received !== undefined && settled !== undefined && received !== settled) {
    out.push({
      rule: "received_balance", severity: "error", key: "received_online",
      message:
        `Số hồ sơ nhận ${formList(RECEIVED)} = ${formatNumber(received)} khác số đã và đang giải quyết ` +
        `${formList(SETTLED)} = ${formatNumber(settled)}`,
    });
  }
  for (const r of AT_MOST_RULES) {
    const left = sum(fig, r.left);
    const right = sum(fig, r.right);
    if (left === undefined || right === undefined || left <= right) continue;
    out.push({
      rule: r.rule, severity: RULES[r.rule]!.severity, key: r.left[0]!,
      message: `${side(r.left, left, undefined)} lớn hơn ${side(r.right, right, r.rightLabel)}`,
    });
  }
  return out;
}

export function makeFinding(rule: string, cell: string | null, unit: string, message: string, sheet = SHEET_SUBMISSIONS): Finding {
  return { severity: RULES[rule]?.severity ?? "error", rule, sheet, cell, unit, message };
}

/** Errors before warnings, then by sheet order of cells (stable for the rest). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.severity === b.f.severity ? a.i - b.i : a.f.severity === "error" ? -1 : 1))
    .map((x) => x.f);
}
