/**
 * The stand-ins' shared machinery: call counting, the "realm" that values are
 * created in (so that `instanceof Date` works inside a `vm` context), Google's
 * exceptions, the virtual clock, the simulated authorization mode and the
 * records of what the script showed to the user.
 *
 * Every Google-facing class of every service, DocumentApp's included, calls
 * `instrument(Class, "Range", "SpreadsheetApp")` once: each public method
 * (name not starting with `_`, own or inherited from a base class) is wrapped
 * so that a call from outside the stand-ins increments `calls["Range.getValues"]`
 * and the family's counts. Calls the stand-ins make to each other are not
 * counted (a depth counter), so the counts are exactly the calls the script
 * made. Members whose name starts with `_` are stand-in internals, not Google API.
 */

import { UiRecords } from "./records";

/** Service families that `env.count(family)` totals. */
export type Family =
  | "SpreadsheetApp"
  | "Ui"
  | "HtmlService"
  | "LockService"
  | "PropertiesService"
  | "Session"
  | "Utilities"
  | "Logger"
  | "DocumentApp"
  | "Sheets";

/**
 * Simulated ScriptApp.AuthMode. "NONE" is what an add-on's onOpen gets before
 * the user authorizes it: only the Ui (menus) is usable; any other service
 * call throws.
 */
export type AuthModeName = "NONE" | "FULL";

/** Constructors values are created with; the script's realm when it runs in a vm context. */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

const HOST_REALM: Realm = { Date, Array, Error, Object };

/** Hook to compute a formula's value (there is no formula engine); `undefined` keeps "". */
export type FormulaEvaluator = (
  formula: string,
  cell: {
    readonly sheet: string;
    readonly row: number;
    readonly column: number;
    /** Another cell's value as getValue gives it ("" when blank or no such sheet), read without counting a service call. */
    readonly valueAt: (sheet: string, row: number, column: number) => unknown;
    /** A sheet's last row and column with content (0 when empty or no such sheet), for whole-column references. */
    readonly extentOf: (sheet: string) => { rows: number; columns: number };
  },
) => unknown;

/** Settings of the environment that are not stored in the spreadsheet. */
export interface RuntimeSettings {
  htmlDir: string;
  /** The user running the script (Session.getActiveUser()). */
  userEmail: string;
  /** The user whose authority the script runs with (Session.getEffectiveUser()); protections are checked against it. */
  effectiveUserEmail: string;
  /** Session.getActiveUser().getEmail() returns "" (Google withholds the active user's email in some contexts). */
  withholdActiveUserEmail: boolean;
  userLocale: string;
  scriptTimeZone: string | null;
  addonName: string;
  /** false: SpreadsheetApp.getUi() throws, as in triggers, custom functions or the command line. */
  ui: boolean;
  evaluateFormula: FormulaEvaluator | null;
  /** URLs of created documents are documentBaseUrl + id (null: Google's https://docs.google.com/document/d/<id>/edit). */
  documentBaseUrl: string | null;
  /** Users whose email Google does not give a script (User.getEmail() returns ""). */
  hiddenEmails: Set<string>;
  /** false: LockService.getDocumentLock() returns null. */
  documentLock: boolean;
}

/** A lock shared by executions: who holds it and until when (virtual ms). */
export interface LockState {
  holder: string | null;
  /** Virtual time at which another holder lets go (Infinity: until released). */
  until: number;
}

export class Runtime {
  /** Calls per "Class.method". */
  readonly calls = new Map<string, number>();
  /** The same counts, per family. */
  private readonly families = new Map<Family, Map<string, number>>();
  private depth = 0;
  realm: Realm = HOST_REALM;
  authMode: AuthModeName = "FULL";
  /** Virtual clock in ms: advanced by lock waits and Utilities.sleep, never by real time. */
  clock = 0;
  /** Id of the current execution; locks belong to executions. */
  execution = "execution-1";
  private executionSeq = 1;
  readonly records = new UiRecords();
  readonly scriptProperties = new Map<string, string>();
  readonly userProperties = new Map<string, string>();
  readonly scriptLock: LockState = { holder: null, until: 0 };
  readonly userLock: LockState = { holder: null, until: 0 };
  readonly logs: string[] = [];
  settings: RuntimeSettings;
  /** Compiles a function in the script's vm context (set by env.createContext); used by HtmlTemplate. */
  compileInScript: ((params: string[], body: string) => (...args: unknown[]) => unknown) | null = null;

  constructor(settings?: Partial<RuntimeSettings>) {
    this.settings = {
      htmlDir: "dist",
      userEmail: "user@example.com",
      effectiveUserEmail: "",
      withholdActiveUserEmail: false,
      userLocale: "vi",
      scriptTimeZone: null,
      addonName: "Add-on",
      ui: true,
      evaluateFormula: null,
      documentBaseUrl: null,
      hiddenEmails: new Set(),
      documentLock: true,
      ...settings,
    };
    if (!this.settings.effectiveUserEmail) this.settings.effectiveUserEmail = this.settings.userEmail;
  }

  /** Total calls of a family, of one "Class.method", or of everything (no argument). */
  count(what?: Family | string): number {
    if (what?.includes(".")) return this.calls.get(what) ?? 0;
    let n = 0;
    for (const v of (what === undefined ? this.calls : (this.families.get(what as Family) ?? [])).values()) n += v;
    return n;
  }

  /** Calls per "Class.method" of one family (a copy). */
  callsOf(family: Family): Map<string, number> {
    return new Map(this.families.get(family));
  }

  resetCounts(): void {
    this.calls.clear();
    this.families.clear();
  }

  /** Starts a new execution: locks the previous one held are released (as Apps Script does). */
  newExecution(): string {
    if (this.nth?.kill && this.nth.hit) this.nth = null;
    for (const lock of this._allLocks()) if (lock.holder === this.execution) lock.holder = null;
    this.executionSeq += 1;
    this.execution = `execution-${this.executionSeq}`;
    return this.execution;
  }

  /** Document locks live on spreadsheets; this set is filled by the environment. */
  readonly documentLocks = new Set<LockState>();

  _allLocks(): LockState[] {
    return [this.scriptLock, this.userLock, ...this.documentLocks];
  }

  /** Failures to inject: "Class.method" → the message and how many more calls fail (see failCall). */
  private readonly failures = new Map<string, { message: string; times: number }>();

  /**
   * Makes the script's next `times` calls of "Class.method" throw an Apps
   * Script exception with `message` before they do anything (a quota, a
   * time-out, "Argument too large"...): how tests try an action's failure path.
   */
  failCall(name: string, message: string, times = 1): void {
    if (times > 0) this.failures.set(name, { message, times });
    else this.failures.delete(name);
  }

  /** Counted calls of the current execution, for failNth and the trace. */
  private seq = 0;
  /** A failure at the nth call of an execution (see failNth); `kill`: every later call of it fails too. */
  private nth: { n: number; message: string; kill: boolean; hit: boolean } | null = null;
  /** The counted calls in order, while tracing (env.traceCalls). */
  trace: string[] | null = null;

  /**
   * Makes the script's `n`th counted call from now (1-based) throw `message`
   * before it does anything. With `kill`, it and every later call of the
   * execution throw, as when Apps Script stops an execution at its time limit:
   * nothing the script tries afterwards (an undo) reaches a service.
   * A new execution clears it.
   */
  failNth(n: number, message: string, kill = false): void {
    this.seq = 0;
    this.nth = n > 0 ? { n, message, kill, hit: false } : null;
  }

  /** Called by instrumented methods; returns false when the call is internal (not counted). */
  _enter(name: string, family: Family): boolean {
    if (this.depth > 0) return false;
    this.seq += 1;
    const nth = this.nth;
    if (nth && (this.seq === nth.n || (nth.kill && nth.hit))) {
      nth.hit = true;
      if (!nth.kill) this.nth = null;
      throw this.exception(nth.message);
    }
    this.trace?.push(name);
    const failure = this.failures.get(name);
    if (failure) {
      if (--failure.times <= 0) this.failures.delete(name);
      throw this.exception(failure.message);
    }
    if (this.authMode === "NONE" && !allowedWithoutAuth(name, family)) {
      throw this.exception(
        `You do not have permission to call ${name} in AuthMode.NONE. ` +
          "(Stand-in: before authorization an add-on's onOpen may only build menus.)",
      );
    }
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    let mine = this.families.get(family);
    if (!mine) this.families.set(family, (mine = new Map()));
    mine.set(name, (mine.get(name) ?? 0) + 1);
    return true;
  }

  _push(): void {
    this.depth += 1;
  }

  _pop(): void {
    this.depth -= 1;
  }

  /** Runs user code (a formula evaluator) from inside a stand-in call: its calls count. */
  _outside<T>(fn: () => T): T {
    const saved = this.depth;
    this.depth = 0;
    try {
      return fn();
    } finally {
      this.depth = saved;
    }
  }

  /** An Apps Script exception: `name` "Exception", so String(e) is "Exception: <message>". */
  exception(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = "Exception";
    return e;
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** A 1-D array in the script's realm. */
  list<T>(items: readonly T[]): T[] {
    return this.realm === HOST_REALM ? items.slice() : (this.realm.Array.from(items) as T[]);
  }

  /** A 2-D array in the script's realm (rows are built fresh by callers). */
  grid<T>(rows: T[][]): T[][] {
    if (this.realm === HOST_REALM) return rows;
    const A = this.realm.Array;
    return A.from(rows, (r) => A.from(r)) as T[][];
  }

  /** A plain object in the script's realm. */
  object<T extends object>(obj: T): T {
    return this.realm === HOST_REALM ? obj : (this.realm.Object.assign(new this.realm.Object(), obj) as T);
  }
}

function allowedWithoutAuth(name: string, family: Family): boolean {
  return family === "Ui" || family === "Logger" || name === "SpreadsheetApp.getUi";
}

/** Objects whose methods are counted: they know their runtime. */
interface HasRuntime {
  readonly _rt: Runtime;
}

export interface InstrumentOptions {
  /**
   * Runs for each counted call, after it is counted and before the method:
   * it may throw (DocumentApp: the elements of a closed document;
   * SpreadsheetApp: writes to protected cells).
   */
  check?: (self: object, method: string, args: readonly unknown[]) => void;
}

/**
 * Wraps every public method of `cls`, its own and those it inherits from base
 * classes, to count calls as `${className}.${method}` in `family` (see the
 * file comment). The wrappers are put on `cls.prototype`.
 */
export function instrument(cls: { prototype: object }, className: string, family: Family, options: InstrumentOptions = {}): void {
  const proto = cls.prototype as Record<string, unknown>;
  const check = options.check;
  const seen = new Set<string>();
  for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (key === "constructor" || key.startsWith("_") || seen.has(key)) continue;
      seen.add(key);
      const desc = Object.getOwnPropertyDescriptor(p, key);
      if (!desc || typeof desc.value !== "function") continue;
      const original = desc.value as (...args: unknown[]) => unknown;
      const name = `${className}.${key}`;
      const wrapped = function (this: HasRuntime, ...args: unknown[]): unknown {
        const rt = this._rt;
        if (!rt._enter(name, family)) return original.apply(this, args);
        check?.(this, key, args);
        rt._push();
        try {
          return original.apply(this, args);
        } finally {
          rt._pop();
        }
      };
      Object.defineProperty(wrapped, "name", { value: key });
      Object.defineProperty(proto, key, { ...desc, value: wrapped });
    }
  }
}

/** Public (non-`_`) keys of a stand-in class. */
export type ApiKeys<T> = { [K in keyof T]: K extends `_${string}` ? never : K }[keyof T];

/**
 * Compile-time check that a stand-in has no public member outside the real
 * interface's picked keys: `type _ok = OnlyApi<FakeRange, RangeApi>` fails to
 * compile (not `true`) when a public method is not in `RangeApi`.
 */
export type OnlyApi<Fake, Api> = [Exclude<ApiKeys<Fake>, keyof Api>] extends [never] ? true : Exclude<ApiKeys<Fake>, keyof Api>;
/** `type X = Assert<OnlyApi<...>>` is a compile error unless the check is `true`. */
export type Assert<T extends true> = T;

/** Cross-realm checks (values may come from a vm context). */
export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === "[object Date]";
}

/** Cast a stand-in to the Google interface it stands in for (it implements the methods used). */
export function gas<T>(x: object): T {
  return x as unknown as T;
}
