/**
 * Submission and approval in the spreadsheet (SPEC "Submission and
 * approval", "Who may change what"): "Chuẩn bị kỳ báo cáo", "Nộp số liệu",
 * "Trả lại", "Duyệt", "Mở lại", "Xác nhận nhật ký", the log `Nhật ký CCHC`
 * and the protections. The rules are src/core/approval.ts, log.ts,
 * protections.ts and permissions.ts.
 *
 * Sheets runs an add-on's function as the user who clicks
 * (https://developers.google.com/apps-script/guides/services/authorization),
 * so a clerk's execution may write only where the clerk may, and may not take
 * the clerk off a protection ("Neither the owner of the spreadsheet nor the
 * current user can be removed",
 * https://developers.google.com/apps-script/reference/spreadsheet/protection#removeEditor(String)).
 * Hence, at "Nộp số liệu":
 * - the clerk's execution writes the row's `Trạng thái`, puts a data
 *   validation on the row that rejects every entry (the lock: the closest
 *   thing to closing the row that Google lets the clerk's own execution do),
 *   and queues the change, with a fingerprint of the figures, in document
 *   properties (only the add-on's code writes them);
 * - the next reviewer's action moves the queue into the log (then deletes
 *   it), closes the row with the sheet's protection, and puts set-up's
 *   validations back; a change made in between is seen by the fingerprint,
 *   and "Duyệt" refuses it.
 * Every action checks permissions here, on the server, before any write, and
 * is all or nothing (each write records its undo; the protections are one
 * atomic request, the last write).
 */
import {
  type Action,
  type Actor,
  countByStatus,
  emailsOf,
  INITIAL,
  openToUnit,
  readStatus,
  refusal,
  type Status,
  TRANSITIONS,
} from "../core/approval";
import { columnLetter } from "../core/a1";
import {
  LOG_HEADER,
  LOG_SHEET,
  type LogEntry,
  type LogHead,
  type LogRead,
  type LogRecord,
  logRow,
  type Queued,
  QUEUE_PREFIX,
  readLog,
  readQueue,
  type Rejected,
  RESTORE,
  rejectedEntry,
  rowFingerprint,
  seal,
  statusesOf,
} from "../core/log";
import { periodId, periodKey, periodWords, type Period } from "../core/period";
import { ACTIONS } from "../core/permissions";
import { type Drift, type OpenRow, type PlanInput, protectionKey, rowKey } from "../core/protections";
import { unitCode } from "../core/read";
import { SchemaError, SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS } from "../core/schema";
import { parseSettings, type ReportSettings } from "../core/settings";
import type { ValidationView } from "../core/view";
import { validationView } from "../core/view";
import { notExpected, type Evaluation, type Unit, type Workbook } from "../core/workbook";
import { currentPeriod, evaluateActive, RESULTS_PROPERTY, runs, submissionValidations } from "./actions";
import { withDocumentLock } from "./lock";
import { applySync, compare, type ProtectionState, readProtections } from "./protections";
import { type Caller, callerOf, requireReviewer } from "./roles";
import { getSettings, storeUndoable } from "./settings";
import { allOrNothing, type Undo } from "./undo";
import { sheetsByName } from "./workbook";
import type { OpenedWorkbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The log's head (log.ts LogHead), JSON. */
const HEAD_PROPERTY = "cchc.logHead";
/** The log sheet's id as the previous version kept it. */
const LEGACY_LOG_PROPERTY = "cchc.logSheetId";
/** The open (prepared) period: the only one whose statuses change and whose rows open to clerks. */
const OPEN_PROPERTY = "cchc.openPeriod";

const LOCK_HELP = "Dòng đã nộp: chỉ người duyệt sửa được. Nếu cần sửa, hãy đề nghị người duyệt trả lại.";

// ---------------------------------------------------------------- reading

function parseHead(raw: string | undefined): LogHead | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as LogHead;
    return typeof v.sheetId === "string" && Number.isInteger(v.seq) && typeof v.check === "string" ? v : null;
  } catch {
    return null;
  }
}

function sheetById(ss: Spreadsheet, id: string | null | undefined): Sheet | null {
  if (!id) return null;
  return ss.getSheets().find((s) => String(s.getSheetId()) === id) ?? null;
}

interface LogState {
  sheet: Sheet | null;
  head: LogHead | null;
  read: LogRead;
}

/** The log, found by the sheet id kept in its head (renaming it changes nothing), read against the head. */
function readLogState(ss: Spreadsheet, props: Readonly<Record<string, string>>): LogState {
  const head = parseHead(props[HEAD_PROPERTY]);
  const legacyId = props[LEGACY_LOG_PROPERTY];
  const sheet = sheetById(ss, head?.sheetId ?? legacyId);
  if (!sheet && !head && legacyId) {
    return {
      sheet,
      head,
      read: {
        records: [],
        legacy: true,
        problem: `Nhật ký CCHC đã bị xóa. ${RESTORE}`,
      },
    };
  }
  return { sheet, head, read: readLog(sheet ? sheet.getDataRange().getValues() : null, head) };
}

/** One unit's place in the period: its row, its statuses, its clerks. */
export interface UnitApproval {
  code: string;
  name: string;
  /** The status of record (the log's, with the clerks' queued changes). */
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
  /** Its figures differ from those it was submitted or approved with (changed afterwards). */
  changed: boolean;
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
  /** The open (prepared) period, or "" before any. */
  openPeriod: string;
  /** Why the log cannot be trusted (a hand edit, a deletion), or "". */
  logProblem: string;
  /** Queued entries that were damaged: set aside (logged as such) at the next reviewer's action. */
  rejectedQueue: string[];
  /** For reviewers: protections that no longer match (a sort, a row moved, an editor changed), with the unit's name for a row's; prepare repairs them. The sidebar words them. */
  drift: (Drift & { name: string })[];
}

interface Context {
  opened: OpenedWorkbook;
  wb: Workbook;
  ev: Evaluation;
  settings: ReportSettings;
  period: Period;
  caller: Caller;
  /** The columns of Số liệu (prepare adds Trạng thái and Ý kiến when missing). */
  columns: Record<string, number | undefined>;
  props: Record<string, string>;
  log: LogState;
  queued: Queued[];
  /** Queued entries already in the log. */
  done: Queued[];
  rejected: Rejected[];
  /** Every change of status: the log's then the queued ones. */
  all: LogEntry[];
  /** The reviewer's reading of the protections (null for clerks). */
  protections: ProtectionState | null;
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
  const caller = callerOf(ss, settings);
  const props = PropertiesService.getDocumentProperties().getProperties();
  const log = readLogState(ss, props);
  const known = new Set(wb.units.map((u) => u.code));
  const read = readQueue(props, (code) => known.has(code));
  // An entry already in the log (an execution stopped before it deleted the queue) is done: deleted at the next write.
  const done = read.queued.filter((q) => log.read.records.some((r) => sameEntry(r, q.entry)));
  const queued = read.queued.filter((q) => !done.includes(q));
  const rejected = read.rejected;
  const all = [...log.read.records, ...queued.map((q) => q.entry)];
  const id = periodId(period);
  const record = statusesOf(all, id);
  const values = opened.values.submissions;
  const cols = wb.submissionColumns;
  const rowsOf = new Map<string, number>();
  const t = wb.submissions;
  for (const r of t.byPeriod.get(periodKey(period)) ?? []) {
    const code = unitCode(values[t.index[r]!]![cols.unit!]);
    if (code && !rowsOf.has(code)) rowsOf.set(code, t.index[r]!);
  }
  const evaluated = new Map(ev.units.map((u) => [u.unit, u]));
  const actor: Actor = caller;
  const units: UnitApproval[] = expectedUnits(wb, period, settings).map((u) => {
    const index = rowsOf.get(u.code);
    const cells = index === undefined ? null : values[index]!;
    const last = record.get(u.code);
    const status = last?.to || INITIAL;
    const raw = cells && cols.status !== undefined ? cells[cols.status] : "";
    const read = readStatus(raw);
    const e = evaluated.get(u.code);
    const emails = emailsOf(u.editors);
    const sealed = (status === "Đã nộp" || status === "Đã duyệt") && last?.fingerprint;
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
      changed: !!sealed && !!cells && rowFingerprint(cells, cols) !== last!.fingerprint,
    };
  });
  const c: Context = {
    opened,
    wb,
    ev,
    settings,
    period,
    caller,
    columns: { ...cols },
    props,
    log,
    queued,
    done,
    rejected,
    all,
    protections: null,
    view: {
      period: id,
      periodLabel: periodWords(period),
      user: caller.email,
      reviewer: caller.reviewer,
      hasStatusColumn: cols.status !== undefined,
      units,
      counts: countByStatus(units.map((u) => u.status)),
      pendingLog: queued.length,
      withoutEmail: units.filter((u) => u.emails.length === 0).map((u) => u.name),
      openPeriod: props[OPEN_PROPERTY] ?? "",
      logProblem: log.read.problem ?? "",
      rejectedQueue: rejected.map((r) => `${r.key}: ${r.why}`),
      drift: [],
    },
  };
  if (caller.reviewer && typeof Sheets !== "undefined") {
    c.protections = readProtections(ss);
    const open = openPeriodRows(c, statusesOf(all, id));
    if (open) {
      const s = compare(c.protections, planInput(c, open), [caller.email]);
      const names = new Map(wb.units.map((u) => [u.code, u.name]));
      // A clerk's submission still queued leaves its row open until this sync: not a drift.
      const drift = s.drift.filter((d) => !(d.kind === "open" && queued.length > 0) && d.kind !== "extra");
      c.view.drift = drift.map((d) => ({ ...d, name: d.key.startsWith("dong:") ? (names.get(d.key.slice(5)) ?? d.key.slice(5)) : "" }));
    }
  }
  return c;
}

/** "Nộp số liệu" and the reviewer's table, for the sidebar. Writes nothing. */
export function approvalState(periodText: unknown): ApprovalView {
  return context(periodText).view;
}

// ---------------------------------------------------------------- protections

/**
 * The open period's rows, each with whether its status lets its clerks edit;
 * null before any period is open, or when the context is of another period
 * (protections are only set from a context of the open period).
 */
function openPeriodRows(c: Context, statuses: ReadonlyMap<string, LogEntry>): { label: string; rows: OpenRow[] } | null {
  if (!c.view.openPeriod || c.view.openPeriod !== c.view.period) return null;
  const rows: OpenRow[] = [];
  for (const u of c.view.units)
    if (u.row !== null)
      rows.push({ code: u.code, name: u.name, row: u.row, open: openToUnit(statuses.get(u.code)?.to || INITIAL), clerks: u.emails });
  return { label: c.view.periodLabel, rows };
}

function planInput(c: Context, open: { label: string; rows: OpenRow[] } | null, logSheetId?: number): PlanInput {
  const ss = c.opened.spreadsheet;
  const find = sheetsByName(ss);
  const idOf = (s: Sheet | null | undefined) => (s ? s.getSheetId() : null);
  const cols = c.columns;
  return {
    reviewers: [...c.caller.reviewers, ...(c.caller.reviewer ? [c.caller.email] : [])],
    units: idOf(c.opened.sheets.units ?? find(SHEET_UNITS)),
    targets: idOf(c.opened.sheets.targets ?? find(SHEET_TARGETS)),
    log: logSheetId ?? idOf(c.log.sheet),
    results: idOf(sheetById(ss, c.props[RESULTS_PROPERTY])),
    submissions: {
      sheetId: c.opened.sheets.submissions.getSheetId(),
      headerRows: c.wb.submissionHeaderRow + 1,
      keyColumns: [cols.period, cols.unit, cols.review_note].filter((x): x is number => x !== undefined),
      columnCount: c.opened.sheets.submissions.getMaxColumns(),
    },
    open,
  };
}

/** The clerk's view of its own row's protection: whether Google lets them edit it, and whether it still covers the unit's row. */
function ownRowProtection(ss: Spreadsheet, code: string, row: number): { canEdit: boolean; moved: boolean } {
  const mine =
    typeof Sheets === "undefined" ? null : readProtections(ss).existing.find((p) => protectionKey(p.description) === rowKey(code));
  return { canEdit: mine?.canEdit === true, moved: !!mine && mine.range.startRowIndex !== row - 1 };
}

// ---------------------------------------------------------------- writing

function formatTime(ss: Spreadsheet, now: Date): string {
  return Utilities.formatDate(now, ss.getSpreadsheetTimeZone(), "yyyy-MM-dd HH:mm:ss");
}

/** Writes user text into a cell as text ("@" first): "=IMPORTXML(...)" stays the words typed. Undo puts value and format back. */
function writeText(range: GoogleAppsScript.Spreadsheet.Range, text: string, undo: Undo): void {
  const before = range.getValue();
  const format = range.getNumberFormat();
  undo.push(() => range.setNumberFormat(format).setValue(before)); // before the writes: either may fail
  range.setNumberFormat("@").setValue(text);
}

function setProperty(key: string, value: string | null, undo: Undo): void {
  const props = PropertiesService.getDocumentProperties();
  const before = props.getProperty(key);
  undo.push(() => (before === null ? props.deleteProperty(key) : props.setProperty(key, before)));
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}

/** The log sheet to create, or an empty one of its name (left by an execution stopped before it recorded the sheet's id). */
function createLogSheet(ss: Spreadsheet, undo: Undo): Sheet {
  const mine = sheetsByName(ss)(LOG_SHEET);
  if (mine && mine.getLastRow() === 0) return mine;
  const active = ss.getActiveSheet();
  // A sheet a user made with the log's name is never taken over.
  const sheet = ss.insertSheet(mine ? `${LOG_SHEET} (tiện ích)` : LOG_SHEET, ss.getSheets().length);
  undo.push(() => ss.deleteSheet(sheet));
  ss.setActiveSheet(active); // insertSheet activates the new sheet: keep the user where they were
  return sheet;
}

const sameEntry = (a: LogEntry, b: LogEntry) =>
  a.time === b.time &&
  a.user === b.user &&
  a.period === b.period &&
  a.unit === b.unit &&
  a.from === b.from &&
  a.to === b.to &&
  a.fingerprint === b.fingerprint;

/**
 * A reviewer's write: the queue moved into the log, the action's own entries
 * after it, then the protections made what the plan says (repairing any
 * drift), in one request. `accept`: the log as read is taken as the record
 * again (after a hand edit), with a row that says so.
 * Order (each step undone on a failure, and safe when Apps Script stops the
 * execution without undo): the head (with the previous one kept), the log's
 * rows, the queue deleted, validations put back, the protections.
 */
function commit(c: Context, entries: readonly LogEntry[], undo: Undo, accept = ""): number {
  const ss = c.opened.spreadsheet;
  const now = formatTime(ss, new Date());
  const user = c.caller.email || "(không rõ email)";
  const read = c.log.read;
  if (!accept) logTrusted(c);
  const moved = c.queued.map((q) => q.entry);
  const fresh: LogEntry[] = [...c.rejected.map((r) => rejectedEntry(r, now, user)), ...moved, ...entries];
  if (accept)
    fresh.unshift({
      time: now,
      user,
      period: "",
      unit: "",
      from: "",
      to: "",
      note: `Người duyệt xác nhận nhật ký: ${accept}`.slice(0, 500),
      fingerprint: "",
    });
  // A legacy log, an accepted one, or none: (re)written whole from row 1; else appended.
  const rewrite = read.legacy || !c.log.sheet || !!accept;
  const base: LogEntry[] = rewrite ? read.records : [];
  const lastRecord: LogRecord | undefined = read.records[read.records.length - 1];
  const after = rewrite ? { seq: 0, check: "" } : { seq: lastRecord?.seq ?? 0, check: lastRecord?.check ?? "" };
  const sealed = seal([...base, ...fresh], after);
  const state = c.protections ?? readProtections(ss);
  let sheet = c.log.sheet;
  if (sealed.length || !sheet) {
    if (!sheet || (accept && !c.log.sheet)) sheet = createLogSheet(ss, undo);
    const last = sealed[sealed.length - 1];
    const head: LogHead = {
      sheetId: String(sheet.getSheetId()),
      seq: last?.seq ?? after.seq,
      check: last?.check ?? after.check,
      ...(rewrite || !c.log.head ? {} : { prev: { seq: c.log.head.seq, check: c.log.head.check } }),
    };
    setProperty(HEAD_PROPERTY, JSON.stringify(head), undo);
    const rows = sealed.map(logRow);
    if (rewrite) {
      const old = sheet.getDataRange();
      const before = old.getValues();
      const formats = old.getNumberFormats();
      const need = rows.length + 1;
      if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
      if (sheet.getMaxColumns() < LOG_HEADER.length)
        sheet.insertColumnsAfter(sheet.getMaxColumns(), LOG_HEADER.length - sheet.getMaxColumns());
      undo.push(() => {
        sheet!.clearContents();
        sheet!.getRange(1, 1, before.length, before[0]!.length).setNumberFormats(formats).setValues(before);
      });
      sheet.clearContents();
      sheet
        .getRange(1, 1, need, LOG_HEADER.length)
        .setNumberFormat("@")
        .setValues([LOG_HEADER, ...rows]);
      sheet.getRange(1, 1, 1, LOG_HEADER.length).setFontWeight("bold");
      sheet.setFrozenRows(1);
    } else if (rows.length) {
      const first = sheet.getLastRow() + 1;
      const max = sheet.getMaxRows();
      if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max);
      const range = sheet.getRange(first, 1, rows.length, LOG_HEADER.length);
      const formats = range.getNumberFormats();
      undo.push(() => range.clearContent().setNumberFormats(formats));
      range.setNumberFormat("@").setValues(rows);
    }
    if (c.props[LEGACY_LOG_PROPERTY] !== undefined) setProperty(LEGACY_LOG_PROPERTY, null, undo);
  }
  // Only now that they are in the log: the queue goes.
  for (const key of [...c.rejected, ...c.done, ...c.queued].map((q) => q.key)) setProperty(key, null, undo);
  // The rows the clerks locked at submission get set-up's validations back (the protection closes them below).
  const locked = c.queued
    .map((q) => c.view.units.find((u) => u.code === q.entry.unit && q.entry.period === c.view.period)?.row)
    .filter((r): r is number => !!r);
  restoreValidations(c, locked, undo);
  const statuses = statusesOf([...read.records, ...c.queued.map((q) => q.entry), ...entries], c.view.openPeriod);
  const s = compare(state, planInput(c, openPeriodRows(c, statuses), sheet.getSheetId()), [c.caller.email]);
  applySync(ss, state, s, undo);
  // How many units' row protections were new.
  return s.drift.filter((d) => d.kind === "missing" && d.key.startsWith("dong:")).length;
}

function restoreValidations(c: Context, rows: readonly number[], undo: Undo): void {
  if (rows.length === 0) return;
  const sheet = c.opened.sheets.submissions;
  const cols = c.wb.submissionColumns;
  const col = (key: string) => (cols[key] === undefined ? 0 : cols[key]! + 1);
  const width = sheet.getLastColumn();
  const find = sheetsByName(c.opened.spreadsheet);
  for (const [first, count] of runs([...new Set(rows)])) {
    const range = sheet.getRange(first, 1, count, width);
    const before = range.getDataValidations();
    undo.push(() => range.setDataValidations(before));
    range.clearDataValidations();
    submissionValidations(sheet, col, first, count, find, false);
  }
}

/** Refuses a change of status while the log cannot be trusted. */
function logTrusted(c: Context): void {
  if (c.log.read.problem) throw new Error(`${c.log.read.problem} Chưa có gì bị thay đổi.`);
}

/** Runs the writes; on a failure undoes what was done and says so in Vietnamese. */
function atomically<T>(what: string, work: (undo: Undo) => T): T {
  return allOrNothing(work, (reason) => `Chưa ${what} được: ${reason} Chưa có gì bị thay đổi.`);
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

/**
 * "Chuẩn bị kỳ báo cáo" (reviewers): a row for every unit expected in the
 * period that has none (period, unit, status Đang nhập); the period becomes
 * the open one; every protection is set (or put back) as SPEC "Who may
 * change what" says, in one request. Running it again adds only what is
 * missing and repairs what a sort or a hand moved.
 */
export function preparePeriod(periodText: unknown): PrepareResult {
  return withDocumentLock(() => {
    const c = context(periodText);
    requireReviewer(c.caller, ACTIONS.preparePeriod.doing);
    logTrusted(c);
    const sheet = c.opened.sheets.submissions;
    const id = c.view.period;
    return atomically("chuẩn bị kỳ báo cáo", (undo) => {
      const values = c.opened.values.submissions;
      const headerRow = c.wb.submissionHeaderRow;
      const header = values[headerRow] ?? [];
      const cols = c.columns;
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
        undo.push(() => range.clearContent());
        range.setValues([added]);
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
        const formats = range.getNumberFormats();
        undo.push(() => range.clearContent().setNumberFormats(formats));
        // Codes and periods are text ("00123" keeps its zeros).
        for (const key of ["period", "unit"] as const) sheet.getRange(first, cols[key]! + 1, rows.length, 1).setNumberFormat("@");
        range.setValues(rows);
        missing.forEach((u, i) => {
          u.row = first + i;
          u.cell = `${columnLetter(cols.status! + 1)}${first + i}`;
        });
      }
      setProperty(OPEN_PROPERTY, id, undo);
      c.view.openPeriod = id;
      const newly = commit(c, [], undo);
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
function change(action: Action, periodText: unknown, unitCodeText: unknown, note: unknown): ApprovalResult {
  return withDocumentLock(() => {
    const c = context(periodText);
    const code = String(unitCodeText ?? "")
      .trim()
      .toUpperCase();
    const u = c.view.units.find((x) => x.code === code);
    if (!u)
      throw new Error(
        `Đơn vị "${code}" không phải nộp số liệu ${c.view.periodLabel} (không có trong trang "Đơn vị" hoặc không hoạt động).`,
      );
    const t = TRANSITIONS[action];
    const ss = c.opened.spreadsheet;
    if (t.who === "reviewer") requireReviewer(c.caller, `${t.label.toLowerCase()} số liệu của đơn vị`);
    logTrusted(c);
    if (c.view.openPeriod !== c.view.period) {
      throw new Error(
        `Kỳ ${c.view.period} không phải kỳ đang nhập${c.view.openPeriod ? ` (${c.view.openPeriod})` : ""}; hãy nhờ người duyệt chạy "Chuẩn bị kỳ báo cáo" cho kỳ này.`,
      );
    }
    if (u.row === null || u.cell === null) {
      throw new Error(
        `${u.name} chưa có dòng ${c.view.periodLabel} trong trang "${SHEET_SUBMISSIONS}"; hãy nhập số liệu (hoặc nhờ người duyệt chạy "Chuẩn bị kỳ báo cáo").`,
      );
    }
    const own = !c.caller.reviewer ? ownRowProtection(ss, code, u.row) : null;
    const why = refusal(action, u.status, c.caller, u.emails, u.name, own?.canEdit === true);
    if (why) throw new Error(why);
    if (own?.moved) {
      throw new Error(
        `Dòng của ${u.name} đã bị di chuyển (sắp xếp, chèn hoặc xóa dòng) nên bảo vệ lệch chỗ; hãy nhờ người duyệt chạy "Chuẩn bị kỳ báo cáo". Chưa có gì bị thay đổi.`,
      );
    }
    const text = String(note ?? "").trim();
    if (action === "return" && text === "") throw new Error(`Hãy ghi lý do trả lại cho ${u.name}.`);
    if (text.length > 500) throw new Error("Lý do dài quá 500 ký tự; hãy viết ngắn gọn.");
    if ((action === "submit" || action === "approve") && !u.entered) {
      throw new Error(`${u.name} chưa nhập số liệu ${c.view.periodLabel}; chưa ${t.label.toLowerCase()} được.`);
    }
    if (action === "approve" && u.changed) {
      throw new Error(`Số liệu của ${u.name} đã bị sửa sau khi nộp; chưa duyệt được. Hãy trả lại để đơn vị nộp lại.`);
    }
    // The unit's findings, for a refusal (built only here: the report and the state do not need them).
    if ((action === "submit" || action === "approve") && u.errors > 0) {
      const unitFindings = validationView(c.ev, c.settings).groups.find((g) => g.unit === code)?.findings ?? [];
      return {
        ok: false,
        message: `Chưa ${t.label.toLowerCase()} được: số liệu của ${u.name} còn ${u.errors} lỗi. Hãy sửa các ô được nêu rồi ${t.label.toLowerCase()} lại.`,
        findings: unitFindings,
        state: c.view,
      };
    }
    const sheet = c.opened.sheets.submissions;
    const cols = c.wb.submissionColumns;
    const cells = c.opened.values.submissions[u.row - 1]!;
    return atomically(t.label.toLowerCase(), (undo) => {
      const now = new Date();
      const entry: LogEntry = {
        time: formatTime(ss, now),
        user: c.caller.email || "(không rõ email)",
        period: c.view.period,
        unit: code,
        from: u.status,
        to: t.to,
        note: text,
        fingerprint: action === "submit" || action === "approve" ? rowFingerprint(cells, cols) : "",
      };
      // A clerk's change is queued first: the queue is the record until a reviewer's action logs it, so an
      // execution stopped after this write (no undo) has still submitted, and one stopped before it has not.
      if (!c.caller.reviewer) setProperty(`${QUEUE_PREFIX}${String(now.getTime()).padStart(15, "0")}.${code}`, JSON.stringify(entry), undo);
      const statusCell = sheet.getRange(u.cell!);
      const previous = statusCell.getValue();
      undo.push(() => statusCell.setValue(previous));
      statusCell.setValue(t.to);
      // Trả lại writes its reason; Mở lại writes a note only when one is given (the last reason stays otherwise).
      if ((action === "return" || (action === "reopen" && text !== "")) && cols.review_note !== undefined) {
        writeText(sheet.getRange(u.row!, cols.review_note + 1), text, undo);
      }
      if (c.caller.reviewer) commit(c, [entry], undo);
      else {
        // The clerk's execution locks the row by validation, on the cells the clerk may edit (the key columns are the reviewers').
        const keys = new Set([cols.period, cols.unit, cols.review_note].filter((x) => x !== undefined).map((x) => x! + 1));
        const lock = SpreadsheetApp.newDataValidation()
          .requireFormulaSatisfied("=FALSE")
          .setAllowInvalid(false)
          .setHelpText(LOCK_HELP)
          .build();
        const free = Array.from({ length: sheet.getLastColumn() }, (_, i) => i + 1).filter((x) => !keys.has(x));
        for (const [first, count] of runs(free)) {
          const span = sheet.getRange(u.row!, first, 1, count);
          const rules = span.getDataValidations();
          undo.push(() => span.setDataValidations(rules));
          span.setDataValidation(lock);
        }
      }
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

/**
 * "Xác nhận nhật ký" (reviewers): after the log was edited or deleted by
 * hand (and could not be restored from the version history), the log as it
 * reads now becomes the record again, renumbered and sealed, with a row that
 * says who accepted it and what was wrong.
 */
export function acceptLog(periodText: unknown): ApprovalResult {
  return withDocumentLock(() => {
    // The open period's context, so that the protections are set for it.
    const open = PropertiesService.getDocumentProperties().getProperty(OPEN_PROPERTY);
    const c = context(open ?? periodText);
    requireReviewer(c.caller, ACTIONS.acceptLog.doing);
    const problem = c.log.read.problem;
    if (!problem) throw new Error("Nhật ký CCHC không có gì bất thường; không cần xác nhận. Chưa có gì bị thay đổi.");
    return atomically("xác nhận nhật ký", (undo) => {
      commit(c, [], undo, problem);
      return {
        ok: true,
        message: `Đã xác nhận Nhật ký CCHC như hiện có (${c.log.read.records.length} dòng đọc được).`,
        findings: [],
        state: context(c.view.period).view,
      };
    });
  });
}

/**
 * "Lưu" of Thông tin báo cáo (reviewers: main.ts checks the caller against
 * the settings as they were). When the reviewers change, the protections of
 * the open period follow in the same action.
 */
export function saveSettings(input: unknown): ReportSettings {
  const settings = parseSettings(input);
  return withDocumentLock(() =>
    allOrNothing(
      (undo) => {
        const before = getSettings().reviewers.join(",");
        undo.push(storeUndoable(settings));
        if (settings.reviewers.join(",") !== before) resyncProtections(undo);
        return settings;
      },
      (reason) => reason,
    ),
  );
}

/**
 * Sets every protection as the plan says, for the open period (or, before
 * any, the sheets and the header row), when the caller is a reviewer and the
 * log can be read: after set-up, a new results sheet, or a change of reviewers.
 */
export function resyncProtections(undo: Undo): void {
  const open = PropertiesService.getDocumentProperties().getProperty(OPEN_PROPERTY);
  let c: Context;
  try {
    c = context(open ?? periodId(currentPeriod(getSettings().periodRule)));
  } catch (e) {
    if (e instanceof SchemaError) return; // set-up not finished: the next prepare protects
    throw e;
  }
  if (!c.caller.reviewer || c.log.read.problem) return;
  const state = c.protections ?? readProtections(c.opened.spreadsheet);
  const rows = open ? openPeriodRows(c, statusesOf(c.all, open)) : null;
  applySync(c.opened.spreadsheet, state, compare(state, planInput(c, rows), [c.caller.email]), undo);
}

export interface ApprovalSummary {
  counts: Record<Status, number>;
  /** Names of the expected units whose rows are not approved. */
  notApproved: string[];
  /** Units whose figures changed after they were submitted or approved. */
  changed: string[];
  /** Why the log cannot be trusted, or "". */
  logProblem: string;
}

/** For the report: counts by status and the units not yet approved, when the period uses approval (else null). */
export function approvalSummary(evaluated: Evaluated): ApprovalSummary | null {
  const c = context(periodId(evaluated.ev.period), evaluated);
  const inUse = c.view.units.some((u) => u.status !== INITIAL || (u.cellStatus !== null && u.cellStatus !== ""));
  if (!inUse && !c.log.sheet && !c.log.read.problem) return null;
  return {
    counts: c.view.counts,
    notApproved: c.view.units.filter((u) => u.status !== "Đã duyệt").map((u) => u.name),
    changed: c.view.units.filter((u) => u.changed).map((u) => u.name),
    logProblem: c.view.logProblem,
  };
}
