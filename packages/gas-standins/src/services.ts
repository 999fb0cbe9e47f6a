/** LockService, PropertiesService, Session, Utilities and Logger stand-ins. */
import { format as nodeFormat } from "node:util";
import { isValidTimeZone, offsetMinutes, wallClock } from "./locale";
import { type Assert, type LockState, type OnlyApi, type Runtime, gas, instrument, isDate } from "./runtime";

type Lock = GoogleAppsScript.Lock.Lock;
type LockService = GoogleAppsScript.Lock.LockService;
type Properties = GoogleAppsScript.Properties.Properties;
type PropertiesService = GoogleAppsScript.Properties.PropertiesService;
type Session = GoogleAppsScript.Base.Session;
type User = GoogleAppsScript.Base.User;
type Utilities = GoogleAppsScript.Utilities.Utilities;
type Logger = GoogleAppsScript.Base.Logger;

// -------------------------------------------------------------------- locks

export type LockApi = Pick<Lock, "hasLock" | "releaseLock" | "tryLock" | "waitLock">;

/**
 * A lock handle of one execution. Waiting is simulated: when another
 * execution holds the lock, tryLock(ms) advances the virtual clock by ms and
 * fails at once, unless the holder lets go within ms (see holdDocumentLock).
 */
export class FakeLock implements LockApi {
  private _acquired = false;
  private readonly _execution: string;

  constructor(
    readonly _rt: Runtime,
    private readonly _state: LockState,
  ) {
    this._execution = _rt.execution;
  }

  _acquire(timeoutInMillis: number): boolean {
    const s = this._state;
    const rt = this._rt;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (s.holder !== null && s.holder !== this._execution) {
      if (s.until > rt.clock + timeout) {
        rt.clock += timeout;
        return false;
      }
      rt.clock = Math.max(rt.clock, s.until);
    }
    s.holder = this._execution;
    s.until = Infinity;
    this._acquired = true;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw this._rt.exception("Lock timeout: another process was holding the lock for too long.");
  }

  releaseLock(): void {
    if (this._state.holder === this._execution) this._state.holder = null;
    this._acquired = false;
  }

  hasLock(): boolean {
    return this._acquired && this._state.holder === this._execution;
  }
}

export type LockServiceApi = Pick<LockService, "getDocumentLock" | "getScriptLock" | "getUserLock">;

export class FakeLockService implements LockServiceApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _documentLock: () => LockState,
  ) {}

  getDocumentLock(): Lock {
    return gas<Lock>(new FakeLock(this._rt, this._documentLock()));
  }

  getScriptLock(): Lock {
    return gas<Lock>(new FakeLock(this._rt, this._rt.scriptLock));
  }

  getUserLock(): Lock {
    return gas<Lock>(new FakeLock(this._rt, this._rt.userLock));
  }
}

/**
 * Makes another execution hold a lock. Returns the release function. With
 * `forMs`, the other execution lets go by itself after that much virtual time,
 * so a tryLock/waitLock with a long enough timeout succeeds.
 */
export function holdLock(rt: Runtime, state: LockState, forMs?: number): () => void {
  const holder = `other-${Math.random().toString(36).slice(2)}`;
  state.holder = holder;
  state.until = forMs === undefined ? Infinity : rt.clock + forMs;
  return () => {
    if (state.holder === holder) {
      state.holder = null;
      state.until = 0;
    }
  };
}

// --------------------------------------------------------------- properties

/** Apps Script quotas: 9 KB per value, 500 KB per property store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export type PropertiesApi = Pick<
  Properties,
  "deleteAllProperties" | "deleteProperty" | "getKeys" | "getProperties" | "getProperty" | "setProperties" | "setProperty"
>;

export class FakeProperties implements PropertiesApi {
  constructor(
    readonly _rt: Runtime,
    readonly _store: Map<string, string>,
  ) {}

  private get _self(): Properties {
    return gas<Properties>(this);
  }

  _checkQuota(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > PROPERTY_VALUE_LIMIT) throw this._rt.exception("Argument too large: value");
      total += bytes(k) + bytes(v);
    }
    if (total > PROPERTY_STORE_LIMIT) {
      throw this._rt.exception("You have exceeded the property storage quota. Please remove some properties and try again.");
    }
  }

  _commit(next: Map<string, string>): void {
    this._checkQuota(next);
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    const next = new Map(this._store);
    next.set(String(key), String(value));
    this._commit(next);
    return this._self;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of Object.entries(properties ?? {})) next.set(k, String(v));
    this._commit(next);
    return this._self;
  }

  getProperties(): { [key: string]: string } {
    return this._rt.object(Object.fromEntries(this._store));
  }

  getKeys(): string[] {
    return this._rt.list([...this._store.keys()]);
  }

  deleteProperty(key: string): Properties {
    this._store.delete(String(key));
    return this._self;
  }

  deleteAllProperties(): Properties {
    this._store.clear();
    return this._self;
  }
}

export type PropertiesServiceApi = Pick<PropertiesService, "getDocumentProperties" | "getScriptProperties" | "getUserProperties">;

export class FakePropertiesService implements PropertiesServiceApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _documentStore: () => Map<string, string>,
  ) {}

  getDocumentProperties(): Properties {
    return gas<Properties>(new FakeProperties(this._rt, this._documentStore()));
  }

  getScriptProperties(): Properties {
    return gas<Properties>(new FakeProperties(this._rt, this._rt.scriptProperties));
  }

  getUserProperties(): Properties {
    return gas<Properties>(new FakeProperties(this._rt, this._rt.userProperties));
  }
}

// ------------------------------------------------------------------ session

export type UserApi = Pick<User, "getEmail">;

export class FakeUser implements UserApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _emailAddress: string,
  ) {}

  getEmail(): string {
    return this._emailAddress;
  }
}

export type SessionApi = Pick<Session, "getActiveUser" | "getActiveUserLocale" | "getEffectiveUser" | "getScriptTimeZone" | "getTemporaryActiveUserKey">;

export class FakeSession implements SessionApi {
  constructor(readonly _rt: Runtime) {}

  getActiveUser(): User {
    return gas<User>(new FakeUser(this._rt, this._rt.settings.userEmail));
  }

  getEffectiveUser(): User {
    return gas<User>(new FakeUser(this._rt, this._rt.settings.effectiveUserEmail));
  }

  getActiveUserLocale(): string {
    return this._rt.settings.userLocale;
  }

  getScriptTimeZone(): string {
    return this._rt.settings.scriptTimeZone ?? "Asia/Ho_Chi_Minh";
  }

  /** A stable opaque key per user. */
  getTemporaryActiveUserKey(): string {
    return Buffer.from(`standin:${this._rt.settings.userEmail}`).toString("base64url");
  }
}

// ---------------------------------------------------------------- utilities

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function offsetText(minutes: number, style: "Z" | "X" | "XX" | "XXX" | "z"): string {
  if (minutes === 0 && style.startsWith("X")) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  if (style === "X") return `${sign}${hh}`;
  if (style === "XXX") return `${sign}${hh}:${mm}`;
  if (style === "z") return `GMT${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Java SimpleDateFormat patterns (English names), as Utilities.formatDate uses. */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const w = wallClock(ms, tz);
  const dayOfWeek = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const pad = (n: number, len: number) => String(n).padStart(len, "0");
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (ch) {
      case "G":
        out += w.year > 0 ? "AD" : "BC";
        break;
      case "y":
      case "Y":
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case "M":
      case "L":
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case "d":
        out += pad(w.day, n);
        break;
      case "D": {
        const doy = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000 + 1;
        out += pad(doy, n);
        break;
      }
      case "E":
        out += n >= 4 ? DAYS[dayOfWeek] : DAYS[dayOfWeek]!.slice(0, 3);
        break;
      case "u":
        out += pad(dayOfWeek === 0 ? 7 : dayOfWeek, n);
        break;
      case "a":
        out += w.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(w.hour, n);
        break;
      case "k":
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case "K":
        out += pad(w.hour % 12, n);
        break;
      case "h":
        out += pad(h12, n);
        break;
      case "m":
        out += pad(w.minute, n);
        break;
      case "s":
        out += pad(w.second, n);
        break;
      case "S":
        out += pad(w.millisecond, n);
        break;
      case "z":
        out += offsetText(offsetMinutes(ms, tz), "z");
        break;
      case "Z":
        out += offsetText(offsetMinutes(ms, tz), "Z");
        break;
      case "X":
        out += offsetText(offsetMinutes(ms, tz), n === 1 ? "X" : n === 2 ? "XX" : "XXX");
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

export type UtilitiesApi = Pick<Utilities, "formatDate" | "formatString" | "getUuid" | "sleep">;

export class FakeUtilities implements UtilitiesApi {
  constructor(readonly _rt: Runtime) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      const t = (x: unknown) => (isDate(x) ? "Date" : typeof x === "string" ? "String" : typeof x === "number" ? "number" : x === null ? "null" : "Object");
      throw this._rt.exception(`The parameters (${t(date)},${t(timeZone)},${t(format)}) don't match the method signature for Utilities.formatDate.`);
    }
    const tz = isValidTimeZone(timeZone) ? timeZone : "UTC";
    try {
      return formatJavaDate((date as unknown as Date).getTime(), tz, format);
    } catch (e) {
      throw this._rt.exception(`Invalid argument: ${(e as Error).message}`);
    }
  }

  /** sprintf-like: %s, %d, %i, %f (with precision), %%. */
  formatString(template: string, ...args: any[]): string {
    let i = 0;
    return String(template).replace(/%(\.(\d+))?([sdif%])/g, (_m, _p, prec: string | undefined, kind: string) => {
      if (kind === "%") return "%";
      const v = args[i++];
      if (kind === "s") return String(v);
      if (kind === "d" || kind === "i") return String(Math.trunc(Number(v)));
      return prec !== undefined ? Number(v).toFixed(Number(prec)) : String(Number(v));
    });
  }

  getUuid(): string {
    return crypto.randomUUID();
  }

  /** Advances the virtual clock; returns at once. */
  sleep(milliseconds: number): void {
    this._rt.clock += Math.max(0, Number(milliseconds) || 0);
  }
}

export type LoggerApi = Pick<Logger, "clear" | "getLog" | "log">;

/** Logger: lines go to env.logs (not to the console). */
export class FakeLogger implements LoggerApi {
  constructor(readonly _rt: Runtime) {}

  log(data: any, ...values: any[]): Logger {
    const line =
      values.length && typeof data === "string"
        ? new FakeUtilities(this._rt).formatString(data, ...values)
        : typeof data === "string"
          ? data
          : JSON.stringify(data) ?? String(data);
    this._rt.logs.push(line);
    return gas<Logger>(this);
  }

  getLog(): string {
    return this._rt.logs.map((l) => l + "\n").join("");
  }

  clear(): void {
    this._rt.logs.length = 0;
  }
}

export type ConsoleApi = Pick<Console, "log" | "info" | "warn" | "error" | "time" | "timeEnd">;

/**
 * Apps Script's console (Cloud logging): lines go to env.logs, prefixed with
 * "[info] ", "[warn] " or "[error] " except for log. Not counted.
 */
export function makeConsole(rt: Runtime): ConsoleApi {
  const timers = new Map<string, number>();
  const write = (prefix: string) => (...args: unknown[]) => {
    rt.logs.push(prefix + nodeFormat(...args));
  };
  return {
    log: write(""),
    info: write("[info] "),
    warn: write("[warn] "),
    error: write("[error] "),
    time(label: string) {
      timers.set(label, Date.now());
    },
    timeEnd(label: string) {
      const start = timers.get(label);
      if (start !== undefined) rt.logs.push(`${label}: ${Date.now() - start}ms`);
      timers.delete(label);
    },
  };
}

instrument(FakeLock, "Lock", "LockService");
instrument(FakeLockService, "LockService", "LockService");
instrument(FakeProperties, "Properties", "PropertiesService");
instrument(FakePropertiesService, "PropertiesService", "PropertiesService");
instrument(FakeUser, "User", "Session");
instrument(FakeSession, "Session", "Session");
instrument(FakeUtilities, "Utilities", "Utilities");
instrument(FakeLogger, "Logger", "Logger");

export type _ServicesOnlyApi = [
  Assert<OnlyApi<FakeLock, LockApi>>,
  Assert<OnlyApi<FakeLockService, LockServiceApi>>,
  Assert<OnlyApi<FakeProperties, PropertiesApi>>,
  Assert<OnlyApi<FakePropertiesService, PropertiesServiceApi>>,
  Assert<OnlyApi<FakeUser, UserApi>>,
  Assert<OnlyApi<FakeSession, SessionApi>>,
  Assert<OnlyApi<FakeUtilities, UtilitiesApi>>,
  Assert<OnlyApi<FakeLogger, LoggerApi>>,
];
