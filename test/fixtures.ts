/** Small workbooks in SPEC's layout, built from plain objects, for the tests. */
import { SUBMISSION_COLUMNS, UNIT_COLUMNS, TARGET_COLUMNS, type SubmissionKey } from "../src/core/schema";
import type { WorkbookValues } from "../src/core/workbook";

export const SUBMISSION_HEADERS = SUBMISSION_COLUMNS.map((c) => c.header);
export const UNIT_HEADERS = UNIT_COLUMNS.map((c) => c.header);
export const TARGET_HEADERS = TARGET_COLUMNS.map((c) => c.header);

export type SubmissionInput = Partial<Record<SubmissionKey, unknown>>;

/** A consistent row: every rule holds. Override fields to break one. */
export function goodRow(unit: string, period = "2023-Q1", over: SubmissionInput = {}): SubmissionInput {
  return {
    period,
    unit,
    received_total: 120,
    received_online: 30,
    received_direct: 80,
    received_carried: 10,
    online_service_dossiers: 60,
    resolved_total: 100,
    resolved_early: 20,
    resolved_ontime: 75,
    resolved_late: 5,
    pending_total: 20,
    pending_within: 18,
    pending_overdue: 2,
    apologies: 4,
    digitized: 90,
    fee_dossiers: 50,
    paid_online: 5,
    investment_plan: 1000,
    investment_disbursed: 450,
    documents_issued: 200,
    documents_signed: 180,
    work_records: 40,
    work_records_electronic: 30,
    explanation: "",
    ...over,
  };
}

export function submissionRows(
  rows: readonly SubmissionInput[],
  headers: readonly SubmissionKey[] = SUBMISSION_COLUMNS.map((c) => c.key),
): unknown[][] {
  const header = headers.map((k) => SUBMISSION_COLUMNS.find((c) => c.key === k)!.header);
  return [header, ...rows.map((r) => headers.map((k) => (r[k] === undefined ? "" : r[k])))];
}

export function unitRows(units: readonly { code: string; name?: string; kind?: string; active?: boolean }[]): unknown[][] {
  return [UNIT_HEADERS, ...units.map((u) => [u.code, u.name ?? `Xã ${u.code}`, u.kind ?? "Xã", "", u.active ?? true])];
}

export function targetRows(rows: readonly [string, number | "", number | string, string?][]): unknown[][] {
  return [TARGET_HEADERS, ...rows.map(([code, year, target, basis]) => [code, year, target, basis ?? ""])];
}

export function workbook(units: string[], rows: SubmissionInput[], targets: unknown[][] | null = null): WorkbookValues {
  return { units: unitRows(units.map((code) => ({ code }))), targets, submissions: submissionRows(rows) };
}
