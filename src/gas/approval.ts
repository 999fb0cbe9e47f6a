/**
 * Submission and approval in the spreadsheet (SPEC "Submission and
 * approval"): "Chuẩn bị kỳ báo cáo", "Nộp số liệu", "Trả lại", "Duyệt",
 * "Mở lại", and the log `Nhật ký CCHC`. The rules are src/core/approval.ts.
 *
 * Sheets runs an add-on's function as the user who clicks
 * (https://developers.google.com/apps-script/guides/services/authorization),
 * so a write to a range protected against that user throws
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 * Hence:
 * - a unit's row is protected for its clerks and the reviewers, and a clerk's
 *   "Nộp số liệu" writes only the row's own `Trạng thái` cell;
 * - the log sheet is protected for the reviewers, so a clerk's change is
 *   kept in document properties (every user of the add-on may write them)
 *   and moved to the sheet, in order, by the next reviewer's action; the
 *   statuses read the sheet and those pending entries together;
 * - every permission is checked here, on the server, before any write.
 */
import {
  type Action,
  type Actor,
  countByStatus,
  emailsOf,
  INITIAL,
  LOG_HEADER,
  LOG_SHEET,
  type LogEntry,
  logRow,
  openToUnit,
  readLog,
  readStatus,
  refusal,
  type Status,
  statusesOf,
  TRANSITIONS,
} from "../core/approval";
import { periodId, periodKey, periodWords, type Period } from "../core/period";
import { unitCode } from "../core/read";
import { SHEET_SUBMISSIONS } from "../core/schema";
import type { ReportSettings } from "../core/settings";
import { columnLetter } from "../core/a1";
import type { ValidationView } from "../core/view";
import { validationView } from "../core/view";
import { notExpected, type Evaluation, type Unit, type Workbook } from "../core/workbook";
import { assertEditable, evaluateActive } from "./actions";
import { withDocumentLock } from "./lock";
import { createOwnedSheet, ownedSheet } from "./owned";
import { allOrNothing, type Undo } from "./undo";
import type { OpenedWorkbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const LOG_SHEET_PROPERTY = "cchc.logSheetId";
/** A clerk's change waiting for a reviewer's action to move it to the log sheet: one property per change. */
const PENDING_PREFIX = "cchc.log.";
const ROW_PROTECTION = "Báo cáo CCHC: dòng số liệu";

// ---------------------------------------------------------------- reading

/** Who runs the action: the signed-in email and whether it is a reviewer (the owner or an email in settings). */
function actorOf(ss: Spreadsheet, settings: ReportSettings): Actor & { owner: string } {
  const email = (Session.getActiveUser().getEmail() ?? "").trim().toLowerCase();
  const owner = (ss.getOwner()?.getEmail() ?? "").trim().toLowerCase();
  return { email, owner, reviewer: email !== "" && (email === owner || settings.reviewers.includes(email)) };
}

/** The reviewers who may edit every row and the log: the owner and the emails in settings. */
function reviewerEmails(owner: string, settings: ReportSettings): string[] {
  return [...new Set([owner, ...settings.reviewers].filter(Boolean))];
}

interface PendingEntry {
  key: string;
  entry: LogEntry;
}

function pendingEntries(): PendingEntry[] {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const out: PendingEntry[] = [];
  for (const key of Object.keys(all).sort()) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    try {
      out.push({ key, entry: JSON.parse(all[key]!) as LogEntry });
    } catch {
      // A damaged entry is skipped; the log sheet stays the record.
    }
  }
  return out;
}

/** Every change of status, the sheet's then the pending ones, in order. */
function readAllLog(ss: Spreadsheet): { sheet: Sheet | null; log: LogEntry[]; pending: PendingEntry[] } {
  const sheet = ownedSheet(ss, LOG_SHEET, LOG_SHEET_PROPERTY);
  const log = sheet ? readLog(sheet.getDataRange().getValues()) : [];
  const pending = pendingEntries();
  return { sheet, log: [...log, ...pending.map((p) => p.entry)], pending };
}

/** One unit's place in the period: its row, its statuses, its clerks. */
export interface UnitApproval {
  code: string;
  name: string;
  /** The status of record (the log's). */
  status: Status;
  /** What the row's Trạng thái cell says, when it differs from the log (typed by hand). */
  cellStatus: string | null;
  /** The reviewer's last note (Ý kiến). */
  note: string;
  /** A1 of the status cell, or null when the unit has no row. */
  cell: string | null;
  /** 1-based sheet row, or null. */
  row: number | null;
  /** The unit has typed figures (a prepared row alone is not a submission). */
  entered: boolean;
  errors: number;
  warnings: number;
  /** Clerks' emails from Đơn vị. */
  emails: string[];
  /** The signed-in user is one of its clerks. */
  mine: boolean;
}

export interface ApprovalView {
  period: string;
  periodLabel: string;
  /** "" when Google does not give the signed-in email (the clerk then picks a unit). */
  user: string;
  reviewer: boolean;
  /** Whether the sheet has the Trạng thái column (added by Chuẩn bị kỳ báo cáo or set-up). */
  hasStatusColumn: boolean;
  units: UnitApproval[];
  counts: Record<Status, number>;
  /** Clerks' changes not yet moved to the log sheet. */
  pendingLog: number;
  /** Units expected in the period without a clerk's email: their rows stay open to every editor. */
  withoutEmail: string[];
}

interface Context {
  opened: OpenedWorkbook;
  wb: Workbook;
  ev: Evaluation;
  settings: ReportSettings;
  period: Period;
  actor: Actor & { owner: string };
  logSheet: Sheet | null;
  pending: PendingEntry[];
  view: ApprovalView;
}

/** The units expected in the period (active, not merged away, already formed). */
function expectedUnits(wb: Workbook, period: Period, settings: ReportSettings): Unit[] {
  return wb.units.filter((u) => u.active && !notExpected(wb, u, period, settings.periodRule));
}

type Evaluated = Pick<Context, "opened" | "wb" | "ev" | "settings">;

function context(periodText: unknown, given?: Evaluated): Context {
  const { opened, wb, ev, settings } = given ?? evaluateActive(periodText);
  const period = ev.period;
  const ss = opened.spreadsheet;
  const actor = actorOf(ss, settings);
  const { sheet: logSheet, log, pending } = readAllLog(ss);
  const id = periodId(period);
  const record = statusesOf(log, id);
  const values = opened.values.submissions;
  const cols = wb.submissionColumns;
  const key = periodKey(period);
  const rowsOf = new Map<string, number>();
  const t = wb.submissions;
  for (const r of t.byPeriod.get(key) ?? []) {
    const code = unitCode(values[t.index[r]!]![cols.unit!]);
    if (code && !rowsOf.has(code)) rowsOf.set(code, t.index[r]!);
  }
  const evaluated = new Map(ev.units.map((u) => [u.unit, u]));
  const units: UnitApproval[] = expectedUnits(wb, period, settings).map((u) => {
    const index = rowsOf.get(u.code);
    const cells = index === undefined ? null : values[index]!;
    const status = record.get(u.code)?.to ?? INITIAL;
    const raw = cells && cols.status !== undefined ? cells[cols.status] : "";
    const read = readStatus(raw);
    const e = evaluated.get(u.code);
    const emails = emailsOf(u.editors);
    return {
      code: u.code,
      name: u.name,
      status,
      cellStatus: cells && read !== status ? String(raw ?? "") : null,
      note: cells && cols.review_note !== undefined ? String(cells[cols.review_note] ?? "") : "",
      cell: index === undefined || cols.status === undefined ? null : `${columnLetter(cols.status + 1)}${index + 1}`,
      row: index === undefined ? null : index + 1,
      entered: !!e,
      errors: e?.errors ?? 0,
      warnings: e?.warnings ?? 0,
      emails,
      mine: actor.email !== "" && emails.includes(actor.email),
    };
  });
  const view: ApprovalView = {
    period: id,
    periodLabel: periodWords(period),
    user: actor.email,
    reviewer: actor.reviewer,
    hasStatusColumn: cols.status !== undefined,
    units,
    counts: countByStatus(units.map((u) => u.status)),
    pendingLog: pending.length,
    withoutEmail: units.filter((u) => u.emails.length === 0).map((u) => u.name),
  };
  return { opened, wb, ev, settings, period, actor, logSheet, pending, view };
}

/** "Nộp số liệu" and the reviewer's table, for the sidebar. Writes nothing. */
export function approvalState(periodText: unknown): ApprovalView {
  return context(periodText).view;
}

// ---------------------------------------------------------------- protections

function rowProtections(sheet: Sheet): Map<string, Protection> {
  const out = new Map<string, Protection>();
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const d = p.getDescription();
    if (d.startsWith(ROW_PROTECTION)) out.set(d, p);
  }
  return out;
}

const rowDescription = (period: string, unit: string) => `${ROW_PROTECTION} ${unit} kỳ ${period}`;

/**
 * Leaves exactly `editors` (and the owner, who always edits) on a protection:
 * remove everyone else, add the list, and no domain-wide editing.
 * Five calls whatever the list.
 */
function setEditors(p: Protection, editors: readonly string[]): void {
  const current = p.getEditors().map((u) => u.getEmail().toLowerCase());
  const extra = current.filter((e) => !editors.includes(e));
  if (extra.length) p.removeEditors(extra);
  p.addEditors([...editors]);
  if (p.canDomainEdit()) p.setDomainEdit(false);
}

/** Protects (or re-protects) a unit's row for its clerks (while open to it) and the reviewers; an approved row for the reviewers alone. */
function protectRow(
  sheet: Sheet,
  existing: Map<string, Protection>,
  period: string,
  u: UnitApproval,
  reviewers: readonly string[],
  width: number,
): void {
  if (u.row === null) return;
  const description = rowDescription(period, u.code);
  if (openToUnit(u.status) && u.emails.length === 0) {
    // No clerk named: an open row stays open to every editor (a lock from an earlier approval goes).
    existing.get(description)?.remove();
    existing.delete(description);
    return;
  }
  let p = existing.get(description);
  if (!p) {
    p = sheet.getRange(u.row, 1, 1, width).protect().setDescription(description);
    existing.set(description, p);
  } else if (p.getRange().getRow() !== u.row) {
    // The row moved (a sort moves values, not protections): the protection follows the unit's row again.
    p.setRange(sheet.getRange(u.row, 1, 1, Math.max(width, p.getRange().getNumColumns())));
  }
  setEditors(p, openToUnit(u.status) ? [...new Set([...u.emails, ...reviewers])] : [...reviewers]);
}

// ---------------------------------------------------------------- the log

function formatTime(ss: Spreadsheet, now: Date): string {
  return Utilities.formatDate(now, ss.getSpreadsheetTimeZone(), "yyyy-MM-dd HH:mm:ss");
}

/** The log sheet, created (protected for the reviewers) when missing; undo removes what was created. */
function logSheetFor(c: Context, reviewers: readonly string[], undo: Undo): Sheet {
  if (c.logSheet) return c.logSheet;
  const sheet = createOwnedSheet(c.opened.spreadsheet, LOG_SHEET, LOG_SHEET_PROPERTY, undo);
  sheet.getRange(1, 1, 1, LOG_HEADER.length).setValues([LOG_HEADER]).setFontWeight("bold");
  sheet.setFrozenRows(1);
  const p = sheet.protect().setDescription("Báo cáo CCHC: nhật ký do tiện ích ghi; chỉ người duyệt được sửa");
  setEditors(p, reviewers);
  c.logSheet = sheet;
  return sheet;
}

/** Appends entries to the log sheet after the clerks' pending ones (moved in order, then deleted from properties). */
function appendToLog(c: Context, entries: readonly LogEntry[], reviewers: readonly string[], undo: Undo): void {
  const sheet = logSheetFor(c, reviewers, undo);
  const rows = [...c.pending.map((p) => p.entry), ...entries].map(logRow);
  if (rows.length === 0) return;
  const last = sheet.getLastRow();
  const max = sheet.getMaxRows();
  if (last + rows.length > max) sheet.insertRowsAfter(max, last + rows.length - max);
  const range = sheet.getRange(last + 1, 1, rows.length, LOG_HEADER.length);
  range.setNumberFormat("@").setValues(rows);
  undo.push(() => range.clearContent());
  const props = PropertiesService.getDocumentProperties();
  for (const p of c.pending) props.deleteProperty(p.key);
  c.pending = [];
}

/** A clerk's change, kept in document properties until a reviewer's action moves it to the log sheet. */
function keepPending(entry: LogEntry, now: Date, undo: Undo): void {
  const props = PropertiesService.getDocumentProperties();
  const key = `${PENDING_PREFIX}${String(now.getTime()).padStart(15, "0")}.${entry.unit}`;
  props.setProperty(key, JSON.stringify(entry));
  undo.push(() => props.deleteProperty(key));
}

// ---------------------------------------------------------------- actions

export interface PrepareResult {
  period: string;
  added: number;
  protectedUnits: number;
  withoutEmail: string[];
  message: string;
  state: ApprovalView;
}

function requireReviewer(c: Context, what: string): void {
  if (c.actor.reviewer) return;
  const who = c.actor.email ? `Tài khoản ${c.actor.email}` : "Google không cho biết email của bạn, nên bạn";
  throw new Error(
    `${who} không phải người duyệt, không được ${what}. Người duyệt là chủ sở hữu bảng tính và các email trong mục "Người duyệt" của Thông tin báo cáo.`,
  );
}

/** Runs the writes; on a failure undoes what was done and says so in Vietnamese. */
function atomically<T>(what: string, work: (undo: Undo) => T): T {
  return allOrNothing(work, (reason) => `Chưa ${what} được: ${reason} Chưa có gì bị thay đổi.`);
}

/**
 * "Chuẩn bị kỳ báo cáo" (reviewers): a row for every unit expected in the
 * period that has none (period, unit, status Đang nhập), each unit's row
 * protected for its clerks and the reviewers. Running it again adds only
 * what is missing. A fixed number of calls per unit.
 */
export function preparePeriod(periodText: unknown): PrepareResult {
  return withDocumentLock(() => {
    const c = context(periodText);
    requireReviewer(c, "chuẩn bị kỳ báo cáo");
    const sheet = c.opened.sheets.submissions;
    assertEditable(sheet, `chuẩn bị kỳ báo cáo trên trang "${SHEET_SUBMISSIONS}"`);
    const reviewers = reviewerEmails(c.actor.owner, c.settings);
    const id = c.view.period;
    return atomically("chuẩn bị kỳ báo cáo", (undo) => {
      const values = c.opened.values.submissions;
      const headerRow = c.wb.submissionHeaderRow;
      const header = values[headerRow] ?? [];
      const cols = { ...c.wb.submissionColumns };
      // The two optional columns, added after the last header when the sheet has not got them.
      let width = header.length;
      const added: string[] = [];
      for (const [key, title] of [
        ["status", "Trạng thái"],
        ["review_note", "Ý kiến"],
      ] as const) {
        if (cols[key] === undefined) {
          cols[key] = width++;
          added.push(title);
        }
      }
      if (added.length) {
        const max = sheet.getMaxColumns();
        if (width > max) sheet.insertColumnsAfter(max, width - max);
        const range = sheet.getRange(headerRow + 1, header.length + 1, 1, added.length);
        range.setValues([added]);
        undo.push(() => range.clearContent());
      }
      const missing = c.view.units.filter((u) => u.row === null);
      if (missing.length) {
        const first = values.length + 1;
        const rows = missing.map((u) => {
          const row: unknown[] = Array(width).fill("");
          row[cols.period!] = id;
          row[cols.unit!] = u.code;
          row[cols.status!] = INITIAL;
          return row;
        });
        const max = sheet.getMaxRows();
        if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max);
        const range = sheet.getRange(first, 1, rows.length, width);
        range.setValues(rows);
        undo.push(() => range.clearContent());
        missing.forEach((u, i) => {
          u.row = first + i;
          u.cell = `${columnLetter(cols.status! + 1)}${first + i}`;
        });
      }
      const existing = rowProtections(sheet);
      const before = existing.size;
      for (const u of c.view.units) protectRow(sheet, existing, id, u, reviewers, width);
      // The log sheet exists from the first preparation on, protected for the reviewers.
      appendToLog(c, [], reviewers, undo);
      logSheetFor(c, reviewers, undo);
      const newly = existing.size - before;
      const open = c.view.withoutEmail;
      const message =
        `Kỳ ${c.view.periodLabel}: đã thêm ${missing.length} dòng cho đơn vị chưa có dòng, ` +
        `bảo vệ dòng của ${c.view.units.length - open.length} đơn vị (${newly} bảo vệ mới)` +
        (added.length ? `; thêm cột ${added.map((a) => `"${a}"`).join(", ")} vào trang "${SHEET_SUBMISSIONS}"` : "") +
        "." +
        (open.length ? ` ${open.length} đơn vị chưa có email nhập liệu nên dòng vẫn mở cho mọi người sửa: ${open.join(", ")}.` : "");
      return {
        period: id,
        added: missing.length,
        protectedUnits: c.view.units.length - open.length,
        withoutEmail: open,
        message,
        state: context(id).view,
      };
    });
  });
}

export interface ApprovalResult {
  ok: boolean;
  message: string;
  /** The unit's findings when a submission is refused. */
  findings: ValidationView["groups"][number]["findings"];
  state: ApprovalView;
}

/** One change of status of one unit's row, checked on the server, logged, all or nothing. */
function change(action: Action, periodText: unknown, unitCode: unknown, note: unknown): ApprovalResult {
  return withDocumentLock(() => {
    const c = context(periodText);
    const code = String(unitCode ?? "")
      .trim()
      .toUpperCase();
    const u = c.view.units.find((x) => x.code === code);
    if (!u)
      throw new Error(
        `Đơn vị "${code}" không phải nộp số liệu ${c.view.periodLabel} (không có trong trang "Đơn vị" hoặc không hoạt động).`,
      );
    const t = TRANSITIONS[action];
    const why = refusal(action, u.status, c.actor, u.emails, u.name);
    if (why) throw new Error(why);
    const text = String(note ?? "").trim();
    if (action === "return" && text === "") throw new Error(`Hãy ghi lý do trả lại cho ${u.name}.`);
    if (text.length > 500) throw new Error("Lý do dài quá 500 ký tự; hãy viết ngắn gọn.");
    if (u.row === null || u.cell === null) {
      throw new Error(
        `${u.name} chưa có dòng ${c.view.periodLabel} trong trang "${SHEET_SUBMISSIONS}"; hãy nhập số liệu (hoặc nhờ người duyệt chạy "Chuẩn bị kỳ báo cáo").`,
      );
    }
    if ((action === "submit" || action === "approve") && !u.entered) {
      throw new Error(`${u.name} chưa nhập số liệu ${c.view.periodLabel}; chưa ${t.label.toLowerCase()} được.`);
    }
    // The unit's findings, for a refusal (built only here: the report and the state do not need them).
    const unitFindings = validationView(c.ev, c.settings).groups.find((g) => g.unit === code)?.findings ?? [];
    if ((action === "submit" || action === "approve") && u.errors > 0) {
      return {
        ok: false,
        message: `Chưa ${t.label.toLowerCase()} được: số liệu của ${u.name} còn ${u.errors} lỗi. Hãy sửa các ô được nêu rồi ${t.label.toLowerCase()} lại.`,
        findings: unitFindings,
        state: c.view,
      };
    }
    const sheet = c.opened.sheets.submissions;
    const cols = c.wb.submissionColumns;
    const reviewers = reviewerEmails(c.actor.owner, c.settings);
    const ss = c.opened.spreadsheet;
    return atomically(t.label.toLowerCase(), (undo) => {
      const now = new Date();
      const statusCell = sheet.getRange(u.cell!);
      const previous = statusCell.getValue();
      statusCell.setValue(t.to);
      undo.push(() => statusCell.setValue(previous));
      // Trả lại writes its reason; Mở lại writes a note only when one is given (the last reason stays otherwise).
      if ((action === "return" || (action === "reopen" && text !== "")) && cols.review_note !== undefined) {
        const noteCell = sheet.getRange(u.row!, cols.review_note + 1);
        const before = noteCell.getValue();
        noteCell.setValue(text);
        undo.push(() => noteCell.setValue(before));
      }
      const entry: LogEntry = {
        time: formatTime(ss, now),
        user: c.actor.email || "(không rõ email)",
        period: c.view.period,
        unit: code,
        from: u.status,
        to: t.to,
        note: text,
      };
      if (c.actor.reviewer) {
        const after: UnitApproval = { ...u, status: t.to };
        protectRow(sheet, rowProtections(sheet), c.view.period, after, reviewers, sheet.getLastColumn());
        appendToLog(c, [entry], reviewers, undo);
      } else keepPending(entry, now, undo);
      const done: Record<Action, string> = {
        submit: `${u.name} đã nộp số liệu ${c.view.periodLabel}.`,
        return: `Đã trả lại số liệu của ${u.name} với lý do: ${text}. Dòng đã mở lại cho đơn vị sửa.`,
        approve: `Đã duyệt số liệu của ${u.name}; dòng đã khóa, chỉ người duyệt sửa được.`,
        reopen: `Đã mở lại dòng của ${u.name} cho đơn vị sửa.`,
      };
      return { ok: true, message: done[action], findings: [], state: context(c.view.period).view };
    });
  });
}

export const submitUnit = (period: unknown, unit: unknown): ApprovalResult => change("submit", period, unit, "");
export const returnUnit = (period: unknown, unit: unknown, reason: unknown): ApprovalResult => change("return", period, unit, reason);
export const approveUnit = (period: unknown, unit: unknown): ApprovalResult => change("approve", period, unit, "");
export const reopenUnit = (period: unknown, unit: unknown, note: unknown): ApprovalResult => change("reopen", period, unit, note);

export interface ApprovalSummary {
  counts: Record<Status, number>;
  /** Names of the expected units whose rows are not approved. */
  notApproved: string[];
}

/** For the report: counts by status and the units not yet approved, when the period uses approval (else null). */
export function approvalSummary(evaluated: Evaluated): ApprovalSummary | null {
  const c = context(periodId(evaluated.ev.period), evaluated);
  const inUse = c.view.units.some((u) => u.status !== INITIAL || (u.cellStatus !== null && u.cellStatus !== ""));
  if (!inUse && !c.logSheet) return null;
  return { counts: c.view.counts, notApproved: c.view.units.filter((u) => u.status !== "Đã duyệt").map((u) => u.name) };
}
