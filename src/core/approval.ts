/**
 * Submission and approval (SPEC "Submission and approval"): the statuses of a
 * unit's row, who may move it from one to another, and the log of every
 * change. Pure: the adapter (src/gas/approval.ts) reads the sheets and
 * writes what this decides.
 *
 * The status of record is the log's, not the cell's: a clerk's own row holds
 * its `Trạng thái` cell (Sheets runs a script as the user, so the clerk's
 * "Nộp số liệu" can only write where the clerk may), and a clerk could type
 * "Đã duyệt" there by hand. Only the add-on appends to the log (log.ts), so a
 * status typed by hand that the log does not back is a finding and does not count.
 */
import { reviewersOnly } from "./permissions";
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

/** Whether the row is open to the unit's clerks (else to reviewers only): SPEC "Who may change what". */
export function openToUnit(status: Status): boolean {
  return status === "Đang nhập" || status === "Trả lại";
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

const ONLY_CLERKS = "chỉ người nhập liệu của đơn vị hoặc người duyệt mới được nộp. Chưa có gì bị thay đổi.";

/**
 * Why the actor may not take the action on the unit's row, or null when
 * allowed. `rowEditable`: whether Google lets the user edit the unit's row
 * protection (its requestingUserCanEdit), which is how a user whose email
 * Google withholds proves to be one of the unit's clerks.
 */
export function refusal(
  action: Action,
  from: Status,
  actor: Actor,
  unitEmails: readonly string[],
  unitName: string,
  rowEditable = false,
): string | null {
  const t = TRANSITIONS[action];
  if (t.who === "reviewer" && !actor.reviewer) return reviewersOnly(`${t.label.toLowerCase()} số liệu của đơn vị`, actor.email);
  // A unit without a clerk's email is open to every editor (SPEC), so any of them may submit it.
  if (t.who === "clerk" && !actor.reviewer && unitEmails.length > 0 && !unitEmails.includes(actor.email)) {
    if (actor.email === "" && !rowEditable) {
      return `Google không cho tiện ích biết email của bạn, và bảo vệ dòng của ${unitName} không cho bạn sửa; ${ONLY_CLERKS}`;
    }
    if (actor.email !== "") return `Tài khoản ${actor.email} không có trong ô "Email nhập liệu" của ${unitName}; ${ONLY_CLERKS}`;
  }
  if (!t.from.includes(from)) {
    return `${unitName} đang ở trạng thái "${from}"; chỉ ${t.label.toLowerCase()} được khi trạng thái là ${t.from.map((s) => `"${s}"`).join(" hoặc ")}.`;
  }
  return null;
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
