/**
 * The log of record, `Nhật ký CCHC` (SPEC "Who may change what"): every
 * change of a unit's status, in the order of its own sequence numbers, each
 * row carrying a checksum chained to the previous row's. The last sequence
 * number and the last checksum are kept in document properties (the "head"), which only the add-on's code writes; so a
 * log deleted, sorted (changes nothing: rows are read by number), or edited,
 * removed or added to by hand is reported, never silently read as "Đang nhập".
 *
 * A clerk may not write the log (it is protected for the reviewers, and
 * Sheets runs an add-on as the user who clicks), so a clerk's submission waits
 * in a document property (the queue) until a reviewer's action moves it here;
 * queued entries are checked (shape, period, unit, a clerk's transition)
 * before they count.
 */
import * as z from "zod/mini";
import { type Status, STATUSES } from "./approval";
import { checksum } from "./checksum";
import { parsePeriod, periodId } from "./period";

export const LOG_SHEET = "Nhật ký CCHC";
export const LOG_HEADER = [
  "Số thứ tự",
  "Thời gian",
  "Người thực hiện",
  "Kỳ báo cáo",
  "Mã đơn vị",
  "Từ trạng thái",
  "Sang trạng thái",
  "Ghi chú",
  "Mã số liệu",
  "Mã kiểm tra",
];
/** The log of the version before sequence numbers (issue 12): read in sheet order until a reviewer's action seals it. */
export const LEGACY_HEADER = ["Thời gian", "Người thực hiện", "Kỳ báo cáo", "Mã đơn vị", "Từ trạng thái", "Sang trạng thái", "Ghi chú"];

/** One change of status. `from`/`to` are "" for a row that changes nothing (a queued entry set aside, the log accepted again). */
export interface LogEntry {
  readonly time: string;
  readonly user: string;
  readonly period: string;
  readonly unit: string;
  readonly from: Status | "";
  readonly to: Status | "";
  readonly note: string;
  /** The unit's figures when the status was set (rowFingerprint), or "". */
  readonly fingerprint: string;
}

export interface LogRecord extends LogEntry {
  readonly seq: number;
  readonly check: string;
  /** 1-based row of the sheet it was read from (0 for a record not yet written). */
  readonly sheetRow: number;
}

/**
 * What document properties keep of the log: its sheet, how far it goes, and
 * the last checksum of the chain. It is written before the rows it counts,
 * with the head it replaces as `prev`: a write that Apps Script stopped half
 * way (its time limit runs no undo) leaves a log that matches `prev`, which
 * is read as it is, not as tampered with.
 */
export interface LogHead {
  readonly sheetId: string;
  readonly seq: number;
  readonly check: string;
  readonly prev?: { readonly seq: number; readonly check: string };
}

const SEP = "\u241f";

function canonical(seq: number, e: LogEntry): string {
  return [seq, e.time, e.user, e.period, e.unit, e.from, e.to, e.note, e.fingerprint].join(SEP);
}

/** Numbers and chains new entries after the log's last record. */
export function seal(entries: readonly LogEntry[], after: { seq: number; check: string }): LogRecord[] {
  let { seq, check } = after;
  return entries.map((e) => {
    seq += 1;
    check = checksum(`${check}${SEP}${canonical(seq, e)}`);
    return { ...e, seq, check, sheetRow: 0 };
  });
}

/** A record as the log sheet's row (every cell text: the sheet is formatted "@"). */
export function logRow(r: LogRecord): string[] {
  return [String(r.seq), r.time, r.user, r.period, r.unit, r.from, r.to, r.note, r.fingerprint, r.check];
}

const text = (v: unknown) => (Object.prototype.toString.call(v) === "[object Date]" ? (v as Date).toISOString() : String(v ?? ""));

function status(v: unknown): Status | "" | null {
  const s = text(v).trim();
  if (s === "") return "";
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : null;
}

export interface LogRead {
  /** Every record, in sequence order. */
  readonly records: LogRecord[];
  /** Why the log cannot be trusted (Vietnamese), or null. */
  readonly problem: string | null;
  /** A log of the version before sequence numbers: trusted in sheet order until sealed. */
  readonly legacy: boolean;
}

/** What to do about a log that cannot be trusted. */
export const RESTORE = 'Hãy khôi phục trang từ Tệp > Nhật ký phiên bản, hoặc nhờ người duyệt bấm "Xác nhận nhật ký".';

const same = (a: readonly unknown[], b: readonly string[]) => b.every((h, i) => text(a[i]).trim() === h);

/** Reads the log sheet's values (null: no log sheet) against the head. */
export function readLog(values: readonly (readonly unknown[])[] | null, head: LogHead | null): LogRead {
  if (values === null) {
    if (head && head.seq > 0)
      return {
        records: [],
        legacy: false,
        problem: `Nhật ký CCHC đã bị xóa (tiện ích đã ghi ${head.seq} dòng). ${RESTORE}`,
      };
    return { records: [], legacy: false, problem: null };
  }
  // A blank sheet: the log's first write was stopped before its header (the head then counts no row).
  if (values.every((r) => r.every((c) => text(c).trim() === ""))) {
    const counts = [head?.seq ?? 0, head?.prev?.seq ?? 0];
    if (counts.includes(0)) return { records: [], legacy: false, problem: null };
  }
  const header = values[0] ?? [];
  const rows = values
    .slice(1)
    .map((r, i) => ({ cells: r, sheetRow: i + 2 }))
    .filter((r) => r.cells.some((c) => text(c).trim() !== ""));
  if (!head && same(header, LEGACY_HEADER) && !same(header, LOG_HEADER)) {
    const records: LogRecord[] = [];
    for (const { cells, sheetRow } of rows) {
      const [time, user, period, unit, from, to, note] = cells;
      const f = status(from);
      const t = status(to);
      if (f === null || t === null) continue;
      records.push({
        seq: records.length + 1,
        time: text(time),
        user: text(user),
        period: text(period),
        unit: text(unit).trim().toUpperCase(),
        from: f,
        to: t,
        note: text(note),
        fingerprint: "",
        check: "",
        sheetRow,
      });
    }
    return { records, legacy: true, problem: null };
  }
  const broken = (why: string, records: LogRecord[] = []): LogRead => ({
    records,
    legacy: false,
    problem: `Nhật ký CCHC đã bị sửa bằng tay: ${why}. Trạng thái nộp, duyệt chưa xác định được. ${RESTORE}`,
  });
  if (!same(header, LOG_HEADER)) return broken("dòng tiêu đề đã bị thay đổi");
  const records: LogRecord[] = [];
  for (const { cells, sheetRow } of rows) {
    const seq = Number(text(cells[0]).trim());
    const from = status(cells[5]);
    const to = status(cells[6]);
    if (!Number.isInteger(seq) || seq < 1) return broken(`dòng ${sheetRow} không có số thứ tự`);
    if (from === null || to === null) return broken(`dòng ${sheetRow} có trạng thái không hợp lệ`);
    records.push({
      seq,
      time: text(cells[1]),
      user: text(cells[2]),
      period: text(cells[3]),
      unit: text(cells[4]),
      from,
      to,
      note: text(cells[7]),
      fingerprint: text(cells[8]),
      check: text(cells[9]),
      sheetRow,
    });
  }
  records.sort((a, b) => a.seq - b.seq || a.sheetRow - b.sheetRow);
  const counts = [head?.seq ?? 0, ...(head?.prev ? [head.prev.seq] : [])];
  const expected = Math.max(...counts);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.seq !== i + 1) {
      return broken(r.seq === i ? `số thứ tự ${r.seq} xuất hiện hai lần` : `thiếu dòng số thứ tự ${i + 1}`, records);
    }
  }
  if (!counts.includes(records.length)) {
    if (records.length < expected) return broken(`thiếu dòng số thứ tự ${records.length + 1} đến ${expected}`, records);
    return broken(`có dòng số thứ tự ${expected + 1} không do tiện ích ghi`, records);
  }
  let check = "";
  for (const r of records) {
    check = checksum(`${check}${SEP}${canonical(r.seq, r)}`);
    if (r.check !== check) return broken(`dòng số thứ tự ${r.seq} (dòng ${r.sheetRow} của trang) đã bị thay đổi`, records);
  }
  const matches = (h: { seq: number; check: string }) => h.seq === records.length && (h.seq === 0 || h.check === check);
  if (head && !matches(head) && !(head.prev && matches(head.prev))) {
    return broken("nội dung không khớp với dấu kiểm tra tiện ích đã lưu", records);
  }
  return { records, legacy: false, problem: null };
}

/** The status of record of each unit in a period: the last change in sequence order. */
export function statusesOf(records: readonly LogEntry[], period: string): Map<string, LogEntry> {
  const last = new Map<string, LogEntry>();
  for (const e of records) if (e.period === period && e.to !== "") last.set(e.unit, e);
  return last;
}

// ---------------------------------------------------------------- the queue

/** A clerk's submission waiting in document properties: one property per entry. */
export const QUEUE_PREFIX = "cchc.log.";

const QueuedSchema = z.object({
  time: z.string().check(z.maxLength(40)),
  user: z.string().check(z.maxLength(320)),
  period: z.string().check(z.maxLength(20)),
  unit: z.string().check(z.minLength(1), z.maxLength(60)),
  from: z.enum(["Đang nhập", "Trả lại"]),
  to: z.literal("Đã nộp"),
  note: z.string().check(z.maxLength(500)),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{14}$/)),
});

export interface Queued {
  readonly key: string;
  readonly entry: LogEntry;
}

export interface Rejected {
  readonly key: string;
  readonly raw: string;
  readonly why: string;
}

/** The queued entries of document properties, in order; a damaged one (not JSON, another shape, an unknown unit or period) is set aside with why. */
export function readQueue(
  props: Readonly<Record<string, string>>,
  knownUnit: (code: string) => boolean,
): { queued: Queued[]; rejected: Rejected[] } {
  const queued: Queued[] = [];
  const rejected: Rejected[] = [];
  for (const key of Object.keys(props).sort()) {
    if (!key.startsWith(QUEUE_PREFIX)) continue;
    const raw = props[key]!;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      rejected.push({ key, raw, why: "không phải JSON" });
      continue;
    }
    const parsed = QueuedSchema.safeParse(value);
    if (!parsed.success) {
      rejected.push({ key, raw, why: "sai cấu trúc" });
      continue;
    }
    const e = parsed.data;
    const period = parsePeriod(e.period);
    // A span (2026-H1) has no rows, so nobody submits for it: a queued entry for one is not a clerk's.
    if (!period || period.span || periodId(period) !== e.period) {
      rejected.push({ key, raw, why: `kỳ "${e.period}" không hợp lệ` });
      continue;
    }
    if (!knownUnit(e.unit)) {
      rejected.push({ key, raw, why: `đơn vị "${e.unit}" không có trong trang Đơn vị` });
      continue;
    }
    queued.push({ key, entry: e });
  }
  return { queued, rejected };
}

/** The log row that records a set-aside queued entry: nothing changes, the content is kept as text. */
export function rejectedEntry(r: Rejected, time: string, user: string): LogEntry {
  return {
    time,
    user,
    period: "",
    unit: "",
    from: "",
    to: "",
    note: `Bỏ qua mục chờ ghi không hợp lệ (${r.why}): ${r.raw.slice(0, 300)}`,
    fingerprint: "",
  };
}

// ---------------------------------------------------------------- figures

/**
 * A fingerprint of a unit's figures (every column of the schema but its
 * status and the reviewer's note), by column key so that moving a column
 * changes nothing: kept with "Đã nộp" and "Đã duyệt", so that a change made
 * after either is seen.
 */
export function rowFingerprint(cells: readonly unknown[], columns: Readonly<Record<string, number | undefined>>): string {
  const parts: string[] = [];
  for (const key of Object.keys(columns).sort()) {
    const c = columns[key];
    if (c === undefined || key === "status" || key === "review_note") continue;
    parts.push(`${key}=${text(cells[c])}`);
  }
  return checksum(parts.join(SEP));
}
