/**
 * The environment: one Runtime (counters, realm, clock, auth mode, records),
 * the active spreadsheet and the services as globals for a vm context.
 *
 * env.createContext() binds the environment to the vm context it makes, so
 * that Dates, arrays and errors are of the script's realm. By default the
 * environment also sets process.env.TZ to the script time zone (option
 * processTimeZone).
 *
 * More in each module: support/runtime.ts (counting, realms, auth mode),
 * support/locale.ts (dates as serials, typed input), support/format.ts
 * (display values), support/xlsx.ts (load/save), services/* (one file per
 * Google class).
 */
import vm from "node:vm";
import { resolve } from "node:path";
import { makeConsole } from "./services/base/console";
import type { ConsoleApi } from "./services/base/console";
import { FakeLogger } from "./services/base/fakeLogger";
import { FakeHtmlService } from "./services/htmlservice/fakeHtmlService";
import { FakeLockService, holdLock } from "./services/lockservice/fakeLockService";
import { FakePropertiesService } from "./services/propertiesservice/fakePropertiesService";
import { FakeSession } from "./services/session/fakeSession";
import type { FakeSheet } from "./services/spreadsheetapp/fakeSheet";
import { FakeSpreadsheet } from "./services/spreadsheetapp/fakeSpreadsheet";
import type { SpreadsheetInit } from "./services/spreadsheetapp/fakeSpreadsheet";
import { FakeSpreadsheetApp } from "./services/spreadsheetapp/fakeSpreadsheetApp";
import { FakeUtilities } from "./services/utilities/fakeUtilities";
import { FakeSheets } from "./services/sheets/fakeSheets";
import { invalidCells, userEdit } from "./services/spreadsheetapp/validationCheck";
import type { UserEditResult } from "./services/spreadsheetapp/validationCheck";
import type { DocumentStore } from "./services/documentapp/context";
import { FakeDocumentApp } from "./services/documentapp/fakeDocumentApp";
import type { RecordedDocument } from "./support/documentRecords";
import { isValidTimeZone } from "./support/locale";
import { Runtime, gas } from "./support/runtime";
import type { AuthModeName, Family, FormulaEvaluator, Realm } from "./support/runtime";
import type { UiRecords } from "./support/records";

/** The Apps Script globals, typed as the real services. */
export interface GasGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  /** The Advanced Sheets service (its Spreadsheets.batchUpdate and get); absent with `sheetsApi: false`, as when appsscript.json does not enable it. */
  Sheets?: GoogleAppsScript.Sheets;
  /** console.log/info/warn/error/time/timeEnd, written to env.logs. */
  console: ConsoleApi;
}

/**
 * `timeZone` (from SpreadsheetInit) is the spreadsheet's time zone
 * (Spreadsheet.getSpreadsheetTimeZone(), File > Settings in Sheets; default
 * "Asia/Ho_Chi_Minh", or that of the `spreadsheet` given); `scriptTimeZone`
 * the script's.
 */
export interface GasEnvironmentOptions extends SpreadsheetInit {
  /** An existing document (fromValues, loadXlsx): the environment adopts it (its calls count here). */
  spreadsheet?: FakeSpreadsheet;
  /** Or: sheets to create, name → rows (written like setValues). */
  sheets?: Record<string, readonly (readonly unknown[])[]>;
  /**
   * The script's time zone (its appsscript.json): Session.getScriptTimeZone(),
   * and the time zone of the script's own Date fields (process.env.TZ, see
   * processTimeZone). Default: the spreadsheet's (`timeZone`). The two may
   * differ, as in Apps Script: dates in cells are midnight in the
   * SPREADSHEET's time zone ("If the spreadsheet and the script use different
   * time zones ... the custom function needs to compensate":
   * https://developers.google.com/apps-script/guides/sheets/functions), so
   * `date.getDate()` in the script may give the day before or after the one
   * the cell shows.
   */
  scriptTimeZone?: string;
  /** The current user: Session.getActiveUser().getEmail() (default "user@example.com"); env.setUser changes it. */
  userEmail?: string;
  /** Session.getEffectiveUser().getEmail(), the user the script runs as and whose edits protections check (default: userEmail). */
  effectiveUserEmail?: string;
  /** Session.getActiveUser().getEmail() returns "", as Google does where it withholds the user's email (default false). */
  withholdActiveUserEmail?: boolean;
  /**
   * The spreadsheet's owner, who can always edit protected ranges and sheets
   * (default: the first user, userEmail). null: a file in a shared drive,
   * which has no owner (getOwner() is null and nobody edits as owner).
   */
  ownerEmail?: string | null;
  /** Other users (or Google Groups, see `groups`) the spreadsheet is shared with as editors (Protection.getEditors() lists them until a script changes the list). */
  editors?: readonly string[];
  /** Google Groups: group email → member emails. A protection or the sharing that names a group lets its members edit. */
  groups?: Record<string, readonly string[]>;
  /** Users whose email Google does not give a script: User.getEmail() returns "" for them (a protection's editors, Session). */
  hiddenEmails?: readonly string[];
  /** false: LockService.getDocumentLock() returns null (default true). */
  documentLock?: boolean;
  /** false: no `Sheets` global, as when the Advanced Sheets service is not enabled (default true). */
  sheetsApi?: boolean;
  /** Session.getActiveUserLocale() (default "vi"). */
  userLocale?: string;
  /** Folder of HtmlService files (default: ./dist of the working directory). */
  htmlDir?: string;
  /** false: SpreadsheetApp.getUi() throws as in triggers and the command line (default true). */
  ui?: boolean;
  /** Title recorded for Ui.createAddonMenu() (Sheets shows the add-on's name; default "Add-on"). */
  addonName?: string;
  /** "NONE": only menus may be built, as in onOpen before authorization (default "FULL"). */
  authMode?: AuthModeName;
  /** Computes a formula's value when one is written (no formula engine otherwise: value ""). */
  evaluateFormula?: FormulaEvaluator;
  documentProperties?: Record<string, string>;
  scriptProperties?: Record<string, string>;
  userProperties?: Record<string, string>;
  /** URLs of the documents DocumentApp creates are documentBaseUrl + id (default https://docs.google.com/document/d/<id>/edit). */
  documentBaseUrl?: string;
  /**
   * Set the Node process's time zone (process.env.TZ) to the script time zone,
   * so that `new Date(2023, 2, 14)` and `date.getDate()` in the script behave
   * as in Apps Script (default true; env.dispose() restores the previous one).
   */
  processTimeZone?: boolean;
}

export interface GasEnvironment {
  /** The services to install in a vm context or on globalThis. */
  readonly globals: GasGlobals;
  /** The active document (stand-in type: internals start with "_"). */
  readonly spreadsheet: FakeSpreadsheet;
  /** The same document typed as Apps Script's Spreadsheet. */
  readonly document: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Calls per "Class.method" ("Range.getValues", "Sheet.getRange", "Ui.alert", "Body.appendParagraph"...). */
  readonly calls: ReadonlyMap<string, number>;
  /** Calls of a family ("SpreadsheetApp", "Ui", "HtmlService", "LockService", "PropertiesService", "Session", "Utilities", "Logger", "DocumentApp"), of one "Class.method", or all (no argument). */
  count(what?: Family | string): number;
  /** Calls per "Class.method" of one family: callsOf("DocumentApp") → Map { "DocumentApp.create" → 1, "Body.appendParagraph" → 40, ... } (a copy). */
  callsOf(family: Family): Map<string, number>;
  resetCounts(): void;
  /** The documents DocumentApp created, in order, as plain data (live: they change as the script edits them). */
  readonly documents: RecordedDocument[];
  /** What the script showed: menus, sidebars, dialogs, alerts, prompts, toasts; and queued answers. */
  readonly ui: UiRecords;
  /** Lines written with Logger.log and console.*. */
  readonly logs: string[];
  /** Another execution holds the document lock (until release, or for `forMs` of virtual time). */
  holdDocumentLock(options?: { forMs?: number }): () => void;
  /** Ends the current execution (its locks are released) and starts another. */
  newExecution(): void;
  /** The current user's email (Session's active and effective user; see GasEnvironmentOptions.userEmail). */
  readonly user: string;
  /**
   * Makes another user the current one, as when they open the spreadsheet and
   * run the add-on: Session's active and effective user, and the user whose
   * writes protections check. They become an editor of the spreadsheet.
   */
  setUser(email: string): void;
  /**
   * The current user types `value` into one cell of a sheet, as in Sheets'
   * grid (not something a script can do; not counted). Refused, the cell
   * unchanged, when a protection leaves the user out (Google's "You are trying
   * to edit a protected cell or object..."), or when the value fails a data
   * validation set not to allow invalid input (Sheets' "Dữ liệu bạn đã nhập vào
   * ô X vi phạm các quy tắc xác thực dữ liệu được đặt trên ô này.", in English
   * for a user locale other than vi); stored and marked invalid when it fails
   * one that allows it. Script writes are never refused by validations.
   */
  userEdit(sheet: string, a1: string, value: unknown): UserEditResult;
  /** The script's next `times` calls of "Class.method" (e.g. "Sheet.setConditionalFormatRules") throw `message`, as a quota or time-out would. */
  failCall(name: string, message: string, times?: number): void;
  /**
   * The script's `n`th counted call from now (1-based) throws `message`. With
   * `kill`, that call and every later one of the execution throw, as when Apps
   * Script stops an execution at its time limit (no undo reaches a service).
   */
  failNth(n: number, message: string, kill?: boolean): void;
  /** Starts recording the names of the script's counted calls, in order, into the returned array (`stop` ends it). */
  traceCalls(): { calls: string[]; stop: () => void };
  /** A1 notations of a sheet's cells whose content fails their data validation (Sheets marks them invalid). */
  invalidCells(sheet: string): string[];
  /** Simulated authorization mode (see GasEnvironmentOptions.authMode). */
  authMode: AuthModeName;
  /** Virtual milliseconds spent waiting for locks and in Utilities.sleep. */
  readonly clock: number;
  /** A sheet by name, typed as Apps Script's Sheet (throws when absent). */
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  /** Values of "'Sheet'!A1:C3" (or of a sheet's data range), without counting calls. */
  values(a1OrSheet: string): unknown[][];
  /**
   * Creates a vm context holding the globals (plus `extra`) and binds the
   * environment to it, so Dates, arrays and errors are of the script's realm.
   */
  createContext(extra?: Record<string, unknown>): vm.Context;
  /** Assigns the globals (but console) on `target` (default globalThis); returns a function that restores it. */
  install(target?: Record<string, unknown>): () => void;
  /** Restores the process time zone changed by the environment (see processTimeZone). */
  dispose(): void;
}

/** A spreadsheet from plain arrays: fromValues({ "Số liệu": [["a", 1], ["b", 2]] }). Rows may differ in length. */
export function fromValues(
  sheets: Record<string, readonly (readonly unknown[])[]>,
  init: SpreadsheetInit = {},
  runtime?: Runtime,
): FakeSpreadsheet {
  const ss = new FakeSpreadsheet({ ...init, firstSheet: null }, runtime);
  for (const [name, rows] of Object.entries(sheets)) addSheetWithValues(ss, name, rows);
  if (ss._sheets.length === 0) ss._newSheet(ss._defaultSheetName(), 0);
  ss._active = ss._sheets[0]!;
  return ss;
}

function addSheetWithValues(ss: FakeSpreadsheet, name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const sheet = ss._newSheet(name, ss._sheets.length, Math.max(1000, rows.length), Math.max(26, width));
  rows.forEach((row, i) => row.forEach((v, j) => sheet._write(i + 1, j + 1, v)));
  return sheet;
}

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  for (const [name, zone] of [
    ["timeZone", options.timeZone],
    ["scriptTimeZone", options.scriptTimeZone],
  ] as const) {
    if (zone !== undefined && !isValidTimeZone(zone)) throw new Error(`createGasEnvironment: ${name} "${zone}" is not a time zone.`);
  }
  const timeZone = options.timeZone ?? options.spreadsheet?._timeZone ?? "Asia/Ho_Chi_Minh";
  const rt = new Runtime({
    htmlDir: options.htmlDir ?? resolve("dist"),
    userEmail: options.userEmail ?? "user@example.com",
    effectiveUserEmail: options.effectiveUserEmail ?? options.userEmail ?? "user@example.com",
    withholdActiveUserEmail: options.withholdActiveUserEmail ?? false,
    userLocale: options.userLocale ?? "vi",
    scriptTimeZone: options.scriptTimeZone ?? timeZone,
    addonName: options.addonName ?? "Add-on",
    ui: options.ui ?? true,
    evaluateFormula: options.evaluateFormula ?? null,
    documentBaseUrl: options.documentBaseUrl ?? null,
    hiddenEmails: new Set(options.hiddenEmails ?? []),
    documentLock: options.documentLock ?? true,
  });
  let ss: FakeSpreadsheet;
  if (options.spreadsheet) {
    ss = options.spreadsheet;
    ss._adopt(rt);
    // Its cells hold serials (wall-clock days), so the time zone can be set after loading.
    if (options.timeZone !== undefined) ss._timeZone = options.timeZone;
  } else if (options.sheets && Object.keys(options.sheets).length) {
    ss = fromValues(options.sheets, { id: options.id, name: options.name, locale: options.locale, timeZone: options.timeZone }, rt);
  } else {
    ss = new FakeSpreadsheet(
      { id: options.id, name: options.name, locale: options.locale, timeZone: options.timeZone, firstSheet: options.firstSheet },
      rt,
    );
  }
  ss._owner = options.ownerEmail === null ? null : (options.ownerEmail ?? rt.settings.userEmail);
  for (const [group, members] of Object.entries(options.groups ?? {}))
    ss._groups.set(group.toLowerCase(), new Set(members.map((m) => m.toLowerCase())));
  for (const e of [rt.settings.userEmail, rt.settings.effectiveUserEmail, ...(options.editors ?? [])])
    if (e !== ss._owner) ss._editors.add(e);
  for (const [k, v] of Object.entries(options.documentProperties ?? {})) ss._documentProperties.set(k, String(v));
  for (const [k, v] of Object.entries(options.scriptProperties ?? {})) rt.scriptProperties.set(k, String(v));
  for (const [k, v] of Object.entries(options.userProperties ?? {})) rt.userProperties.set(k, String(v));
  rt.authMode = options.authMode ?? "FULL";

  const previousTz = process.env.TZ;
  const scriptTz = rt.settings.scriptTimeZone ?? timeZone;
  const changeTz = options.processTimeZone !== false && previousTz !== scriptTz;
  if (changeTz) process.env.TZ = scriptTz;

  const doc = () => ss;
  const store: DocumentStore = { docs: [], docSeq: 0, listSeq: 0 };
  const globals: GasGlobals = {
    SpreadsheetApp: gas(new FakeSpreadsheetApp(rt, doc)),
    HtmlService: gas(new FakeHtmlService(rt)),
    LockService: gas(new FakeLockService(rt, () => ss._documentLock)),
    PropertiesService: gas(new FakePropertiesService(rt, () => ss._documentProperties)),
    Session: gas(new FakeSession(rt)),
    Utilities: gas(new FakeUtilities(rt)),
    Logger: gas(new FakeLogger(rt)),
    DocumentApp: gas(new FakeDocumentApp(rt, store)),
    ...(options.sheetsApi === false ? {} : { Sheets: gas<GoogleAppsScript.Sheets>(new FakeSheets(rt, doc)) }),
    console: makeConsole(rt),
  };

  const bindContext = (context: vm.Context) => {
    rt.realm = vm.runInContext("({ Date, Array, Error, Object })", context) as Realm;
    rt.compileInScript = (params, body) =>
      vm.runInContext(`(function (${params.join(", ")}) {\n${body}\n})`, context) as (...a: unknown[]) => unknown;
  };

  return {
    globals,
    spreadsheet: ss,
    document: gas(ss),
    calls: rt.calls,
    count: (what) => rt.count(what),
    callsOf: (family) => rt.callsOf(family),
    documents: store.docs,
    resetCounts: () => rt.resetCounts(),
    ui: rt.records,
    logs: rt.logs,
    holdDocumentLock: (o) => holdLock(rt, ss._documentLock, o?.forMs),
    newExecution: () => {
      rt.newExecution();
    },
    userEdit: (sheet, a1, value) => userEdit(ss, sheet, a1, value),
    failCall: (name, message, times) => rt.failCall(name, message, times),
    failNth: (n, message, kill) => rt.failNth(n, message, kill),
    traceCalls() {
      const calls: string[] = [];
      rt.trace = calls;
      return {
        calls,
        stop: () => {
          if (rt.trace === calls) rt.trace = null;
        },
      };
    },
    invalidCells(sheet) {
      const s = ss._sheetByName(sheet);
      if (!s) throw new Error(`No sheet named "${sheet}".`);
      return invalidCells(s);
    },
    get user() {
      return rt.settings.effectiveUserEmail;
    },
    setUser(email) {
      if (typeof email !== "string" || !email.includes("@")) throw new Error(`setUser: "${String(email)}" is not an email address.`);
      rt.settings.userEmail = email;
      rt.settings.effectiveUserEmail = email;
      if (email !== ss._owner) ss._editors.add(email);
    },
    get authMode() {
      return rt.authMode;
    },
    set authMode(mode: AuthModeName) {
      rt.authMode = mode;
    },
    get clock() {
      return rt.clock;
    },
    sheet(name) {
      const s = ss._sheetByName(name);
      if (!s) throw new Error(`No sheet named "${name}" (sheets: ${ss._sheets.map((x) => x._name).join(", ")}).`);
      return gas(s);
    },
    values(a1OrSheet) {
      const s = ss._sheetByName(a1OrSheet);
      const range = s ? s._range(1, 1, Math.max(1, s._lastRow()), Math.max(1, s._lastColumn())) : ss._rangeA1(a1OrSheet);
      const out: unknown[][] = [];
      for (let r = 0; r < range._nr; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < range._nc; c++) row.push(range._sheet._read(range._row + r, range._col + c));
        out.push(row);
      }
      return out;
    },
    createContext(extra = {}) {
      const context = vm.createContext({ ...extra });
      Object.assign(context, globals);
      bindContext(context);
      return context;
    },
    dispose() {
      if (!changeTz || process.env.TZ !== scriptTz) return;
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    },
    install(target = globalThis as unknown as Record<string, unknown>) {
      const saved = new Map<string, PropertyDescriptor | undefined>();
      for (const [k, v] of Object.entries(globals)) {
        if (k === "console") continue; // never hijack the host's console
        saved.set(k, Object.getOwnPropertyDescriptor(target, k));
        Object.defineProperty(target, k, { value: v, configurable: true, writable: true, enumerable: false });
      }
      return () => {
        for (const [k, d] of saved) {
          if (d) Object.defineProperty(target, k, d);
          else delete target[k];
        }
      };
    },
  };
}
