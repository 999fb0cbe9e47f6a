/**
 * Spreadsheet locales, time zones and date serials.
 *
 * Like Sheets, the stand-in stores a date as a number (days since 30 Dec 1899,
 * wall-clock time in the spreadsheet's time zone) with a date number format.
 * getValue turns such a cell into a Date (the instant of that wall-clock time
 * in the spreadsheet time zone); setValue(Date) does the reverse and gives the
 * cell a date format if it had none.
 */

export interface LocaleInfo {
  readonly id: string;
  readonly decimal: string;
  readonly group: string;
  /** Day before month when parsing "14/03/2023". */
  readonly dayFirst: boolean;
  /** Format given to a cell that receives a date without time. */
  readonly dateFormat: string;
  /** Format given to a cell that receives a date with a time of day. */
  readonly dateTimeFormat: string;
  /** BCP 47 tag for month and weekday names. */
  readonly intl: string;
  /** Base name of new sheets ("Trang tính1"). */
  readonly newSheetName: string;
}

const LOCALES: Record<string, LocaleInfo> = {
  vi_VN: {
    id: "vi_VN",
    decimal: ",",
    group: ".",
    dayFirst: true,
    dateFormat: "dd/MM/yyyy",
    dateTimeFormat: "dd/MM/yyyy HH:mm:ss",
    intl: "vi-VN",
    newSheetName: "Trang tính",
  },
  en_US: {
    id: "en_US",
    decimal: ".",
    group: ",",
    dayFirst: false,
    dateFormat: "M/d/yyyy",
    dateTimeFormat: "M/d/yyyy H:mm:ss",
    intl: "en-US",
    newSheetName: "Sheet",
  },
  en_GB: {
    id: "en_GB",
    decimal: ".",
    group: ",",
    dayFirst: true,
    dateFormat: "dd/MM/yyyy",
    dateTimeFormat: "dd/MM/yyyy HH:mm:ss",
    intl: "en-GB",
    newSheetName: "Sheet",
  },
  de_DE: {
    id: "de_DE",
    decimal: ",",
    group: ".",
    dayFirst: true,
    dateFormat: "dd.MM.yyyy",
    dateTimeFormat: "dd.MM.yyyy HH:mm:ss",
    intl: "de-DE",
    newSheetName: "Tabellenblatt",
  },
  fr_FR: {
    id: "fr_FR",
    decimal: ",",
    group: "\u202f",
    dayFirst: true,
    dateFormat: "dd/MM/yyyy",
    dateTimeFormat: "dd/MM/yyyy HH:mm:ss",
    intl: "fr-FR",
    newSheetName: "Feuille",
  },
};

/** Locale data for an Apps Script locale id ("vi_VN", "en_US"; "vi" → vi_VN); unknown → en_US rules. */
export function localeInfo(id: string): LocaleInfo {
  const exact = LOCALES[id];
  if (exact) return exact;
  const lang = id.split(/[_-]/)[0]!.toLowerCase();
  const byLang = Object.values(LOCALES).find((l) => l.id.startsWith(lang + "_"));
  return byLang ?? { ...LOCALES.en_US!, id };
}

// ---------------------------------------------------------------- time zones

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC for "GMT+7", "GMT+07:00", "UTC", "GMT", "+07:00"; null for IANA names. */
function fixedOffset(tz: string): number | null {
  if (/^(UTC|GMT|Z)$/i.test(tz)) return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when the time zone is one Intl (or the fixed-offset parser) knows. */
export function isValidTimeZone(tz: string): boolean {
  if (fixedOffset(tz) !== null) return true;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a time zone. */
export function wallClock(ms: number, tz: string): WallClock {
  const off = fixedOffset(tz);
  if (off !== null) return utcFields(ms + off * 60000);
  const parts = formatterFor(tz).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === "era")?.value;
  let year = get("year");
  if (era === "BC" || era === "B") year = 1 - year;
  return {
    year,
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function utcFields(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

function wallToUtcMs(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Offset of the time zone from UTC at an instant, in minutes. */
export function offsetMinutes(ms: number, tz: string): number {
  const off = fixedOffset(tz);
  if (off !== null) return off;
  return Math.round((wallToUtcMs(wallClock(ms, tz)) - ms) / 60000);
}

/** The instant at which the time zone's clocks show `w`. */
function fromWallClock(w: WallClock, tz: string): number {
  const guess = wallToUtcMs(w);
  const first = guess - offsetMinutes(guess, tz) * 60000;
  const second = guess - offsetMinutes(first, tz) * 60000;
  return second;
}

// ------------------------------------------------------------------- serials

export const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
export const DAY_MS = 86400000;

/** Sheets date serial of an instant, as seen in a time zone. */
export function dateToSerial(ms: number, tz: string): number {
  return (wallToUtcMs(wallClock(ms, tz)) - SERIAL_EPOCH) / DAY_MS;
}

/** Wall-clock fields of a serial (no time zone involved). */
export function serialToWall(serial: number): WallClock {
  return utcFields(SERIAL_EPOCH + Math.round(serial * DAY_MS));
}

/** The instant of a serial read in a time zone. */
export function serialToMs(serial: number, tz: string): number {
  return fromWallClock(serialToWall(serial), tz);
}

// ------------------------------------------------------- user-entered strings

/** What a string written with setValue(s) becomes, as if typed by a user. */
export type Entered =
  | { readonly kind: "blank" }
  | { readonly kind: "formula"; readonly formula: string }
  | { readonly kind: "value"; readonly value: number | string | boolean; readonly format?: string };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const numberPatterns = new Map<string, RegExp>();

function numberPattern(loc: LocaleInfo): RegExp {
  let re = numberPatterns.get(loc.id);
  if (!re) {
    const g = escapeRe(loc.group);
    const d = escapeRe(loc.decimal);
    re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
    numberPatterns.set(loc.id, re);
  }
  return re;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateSerial(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return (Date.UTC(y, mo - 1, d, h, mi, s) - SERIAL_EPOCH) / DAY_MS;
}

/**
 * Interprets a string the way Sheets interprets typed input (and Apps Script's
 * setValue): "=..." is a formula, "'..." forced text, TRUE/FALSE booleans,
 * locale numbers ("1.234", "5,9", "5,9%" in vi_VN), dates "14/03/2023" or
 * "2023-03-14" (optionally with "HH:mm[:ss]"); anything else stays text.
 * Not modelled: currencies, times alone, month names, fractions.
 */
export function parseEntered(text: string, loc: LocaleInfo): Entered {
  if (text === "") return { kind: "blank" };
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  const t = text.trim();
  if (/^true$/i.test(t)) return { kind: "value", value: true };
  if (/^false$/i.test(t)) return { kind: "value", value: false };
  const m = numberPattern(loc).exec(t);
  if (m && (m[2] || m[3])) {
    const intPart = (m[2] ?? "").split(loc.group).join("") || "0";
    // Percent: shift the decimal exponent instead of dividing (5,9% is exactly 0.059).
    const exp = Number(m[4] ?? "0") - (m[5] ? 2 : 0);
    let n = Number(`${intPart}.${m[3] ?? "0"}e${exp}`);
    if (m[1] === "-") n = -n;
    if (m[5]) return { kind: "value", value: n, format: m[3] ? "0.00%" : "0%" };
    return { kind: "value", value: n };
  }
  const time = "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?";
  const iso = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`).exec(t);
  const local = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${time}$`).exec(t);
  let serial: number | null = null;
  let hasTime = false;
  if (iso) {
    serial = dateSerial(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
    hasTime = iso[4] !== undefined;
  } else if (local) {
    const [a, b] = [+local[1]!, +local[2]!];
    const [day, month] = loc.dayFirst ? [a, b] : [b, a];
    serial = dateSerial(+local[3]!, month, day, +(local[4] ?? 0), +(local[5] ?? 0), +(local[6] ?? 0));
    hasTime = local[4] !== undefined;
  }
  if (serial !== null) return { kind: "value", value: serial, format: hasTime ? loc.dateTimeFormat : loc.dateFormat };
  return { kind: "value", value: text };
}
