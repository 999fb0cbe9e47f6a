/**
 * Submission and approval (SPEC "Submission and approval"): the statuses of a
 * unit's row, who may move it from one to another, and the log of every
 * change. Pure: the adapter (src/gas/approval.ts) reads the sheets and
 * writes what this decides.
 *
 * The status of record is the log's, not the cell's: a clerk's own row holds
 * its `Trạng thái` cell (Sheets runs a script as the user, so the clerk's
 * "Nộp số liệu" can only write where the clerk may), and a clerk could type
 * "Đã duyệt" there by hand. Only the add-on appends to the log, so a status
 * typed by hand that the log does not back is a finding and does not count.
 */
import { normalizeKey } from "./text";

export const STATUSES = ["Đang nhập", "Đã nộp", "Trả lại", "Đã duyệt"] as const;
export type Status = (typeof STATUSES)[number];
export const INITIAL: Status = "Đang nhập";

/** A status cell: blank reads as "Đang nhập"; spelling, case and diacritics are forgiven; anything else is null. */
export function readStatus(value: unknown): Status | null {
  const key = normalizeKey(value);
  if (key === "") return INITIAL;
  return STATUSES.find((s) => normalizeKey(s) === key) ?? null;
}

export type Action = "submit" | "return" | "approve" | "reopen";

interface Transition {
  readonly from: readonly Status[];
  readonly to: Status;
  /** clerk: the unit's clerk or a reviewer; reviewer: reviewers only. */
  readonly who: "clerk" | "reviewer";
  readonly label: string;
}

export const TRANSITIONS: Readonly<Record<Action, Transition>> = {
  submit: { from: ["Đang nhập", "Trả lại"], to: "Đã nộp", who: "clerk", label: "Nộp số liệu" },
  return: { from: ["Đã nộp", "Đã duyệt"], to: "Trả lại", who: "reviewer", label: "Trả lại" },
  approve: { from: ["Đã nộp"], to: "Đã duyệt", who: "reviewer", label: "Duyệt" },
  reopen: { from: ["Đã duyệt"], to: "Đang nhập", who: "reviewer", label: "Mở lại" },
};

/** Whether the row is open to the unit's clerks (else to reviewers only). */
export function openToUnit(status: Status): boolean {
  return status !== "Đã duyệt";
}

/** Emails in a cell ("a@x.vn, b@x.vn; c@x.vn"), lower-cased. */
export function emailsOf(value: unknown): string[] {
  return [
    ...new Set(
      String(value ?? "")
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)),
    ),
  ];
}

export interface Actor {
  /** The signed-in user's email, lower-cased; "" when Google does not give it. */
  readonly email: string;
  readonly reviewer: boolean;
}

/** Why the actor may not take the action on the unit's row, or null when allowed. */
export function refusal(action: Action, from: Status, actor: Actor, unitEmails: readonly string[], unitName: string): string | null {
  const t = TRANSITIONS[action];
  if (t.who === "reviewer" && !actor.reviewer) {
    return `Chỉ người duyệt (chủ sở hữu bảng tính hoặc email trong mục Người duyệt của Thông tin báo cáo) mới được ${t.label.toLowerCase()}.`;
  }
  // A unit without a clerk's email is open to every editor (SPEC), so any of them may submit it.
  if (t.who === "clerk" && !actor.reviewer && actor.email !== "" && unitEmails.length > 0 && !unitEmails.includes(actor.email)) {
    return `Tài khoản ${actor.email} không có trong ô "Email nhập liệu" của ${unitName}; không được nộp số liệu của đơn vị này.`;
  }
  if (!t.from.includes(from)) {
    return `${unitName} đang ở trạng thái "${from}"; chỉ ${t.label.toLowerCase()} được khi trạng thái là ${t.from.map((s) => `"${s}"`).join(" hoặc ")}.`;
  }
  return null;
}

/** One line of `Nhật ký CCHC`. */
export interface LogEntry {
  /** ISO time. */
  readonly time: string;
  readonly user: string;
  readonly period: string;
  readonly unit: string;
  readonly from: Status;
  readonly to: Status;
  readonly note: string;
}

export const LOG_SHEET = "Nhật ký CCHC";
export const LOG_HEADER = ["Thời gian", "Người thực hiện", "Kỳ báo cáo", "Mã đơn vị", "Từ trạng thái", "Sang trạng thái", "Ghi chú"];

export function logRow(e: LogEntry): string[] {
  return [e.time, e.user, e.period, e.unit, e.from, e.to, e.note];
}

/** Log entries from the sheet's values (header row first); unreadable rows are skipped. */
export function readLog(values: readonly (readonly unknown[])[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (let i = 1; i < values.length; i++) {
    const [time, user, period, unit, from, to, note] = values[i]!;
    const f = readStatus(from);
    const t = readStatus(to);
    if (!f || !t || !period || !unit) continue;
    const when = Object.prototype.toString.call(time) === "[object Date]" ? (time as Date).toISOString() : String(time);
    out.push({
      time: when,
      user: String(user ?? ""),
      period: String(period),
      unit: String(unit).trim().toUpperCase(),
      from: f,
      to: t,
      note: String(note ?? ""),
    });
  }
  return out;
}

/** The status of record of each unit in a period: the last change the log holds (in order), else "Đang nhập". */
export function statusesOf(log: readonly LogEntry[], period: string): Map<string, LogEntry> {
  const last = new Map<string, LogEntry>();
  for (const e of log) if (e.period === period) last.set(e.unit, e);
  return last;
}

/** Counts by status, in SPEC's order. */
export function countByStatus(statuses: Iterable<Status>): Record<Status, number> {
  const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of statuses) out[s]++;
  return out;
}

/** "12 đang nhập, 3 đã nộp, 1 trả lại, 80 đã duyệt". */
export function statusCountText(counts: Record<Status, number>): string {
  return STATUSES.map((s) => `${counts[s]} ${s.toLowerCase()}`).join(", ");
}
