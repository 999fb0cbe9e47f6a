/**
 * Display values: a cell's value formatted with its number format and the
 * spreadsheet locale, as Range.getDisplayValues returns them.
 *
 * Supported: automatic ("0.###############", "General", unset), digit
 * placeholders 0 # ?, grouping ",", decimal ".", percent "%", thousands
 * scaling (trailing ","), scientific "0.00E+00", literals ("text", \x, $ - +
 * ( ) : space...), [$€-407] currency tags, [Color] tags (ignored), up to four
 * sections (positive;negative;zero;text), "@" text, and date/time formats
 * (d dd ddd dddd, m mm mmm mmmm mmmmm, yy yyyy, h hh, m mm after h or before s,
 * s ss, .000, AM/PM, A/P; letters in any case). Not modelled: conditions
 * ([<100]), fractions (# ?/?), elapsed [h], fill (*) and padding (_) widths.
 */
import { serialToWall } from "./locale";
import type { LocaleInfo } from "./locale";

export const DEFAULT_NUMBER_FORMAT = "0.###############";

export function isAutomaticFormat(fmt: string | undefined): boolean {
  return fmt === undefined || fmt === "" || fmt === DEFAULT_NUMBER_FORMAT || /^general$/i.test(fmt);
}

/** Splits at ";" outside quotes, escapes and brackets. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = fmt.indexOf("]", i);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The section without literals and tags: what decides its kind. */
function bareSection(sec: string): string {
  return sec
    .replace(/"[^"]*"?/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
}

function isDateSection(sec: string): boolean {
  const bare = bareSection(sec);
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/E[+-]/gi, "")) || /AM\/PM|A\/P/i.test(bare);
}

const dateFormatCache = new Map<string, boolean>();

/** True when values in this format are dates/times (getValue returns a Date). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (isAutomaticFormat(fmt)) return false;
  let yes = dateFormatCache.get(fmt!);
  if (yes === undefined) {
    yes = isDateSection(splitSections(fmt!)[0]!);
    if (dateFormatCache.size < 1000) dateFormatCache.set(fmt!, yes);
  }
  return yes;
}

// ------------------------------------------------------------------ numbers

/** Rounds half away from zero at `decimals`, after trimming binary noise (15 significant digits). */
function roundAbs(abs: number, decimals: number): number {
  const clean = Number(abs.toPrecision(15));
  const f = 10 ** decimals;
  return Math.round(Number((clean * f).toPrecision(15))) / f;
}

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Automatic format: up to 15 significant digits, no grouping, locale decimal. */
function formatAutomatic(n: number, loc: LocaleInfo): string {
  if (!Number.isFinite(n)) return n > 0 ? "#NUM!" : n < 0 ? "-#NUM!" : "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e15 || abs < 1e-10) {
    const [mant, exp] = n.toExponential(14).split("e");
    const m = mant!.replace(/\.?0+$/, "");
    const e = Number(exp);
    s = `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else {
    s = n.toLocaleString("en-US", { useGrouping: false, maximumSignificantDigits: 15 });
  }
  return s.replace(".", loc.decimal);
}

interface NumberToken {
  kind: "lit" | "digit" | "dot" | "comma" | "percent" | "exp";
  text: string;
}

function tokenizeNumber(sec: string): NumberToken[] {
  const out: NumberToken[] = [];
  let seenDot = false;
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i]!;
    if (ch === '"') {
      const end = sec.indexOf('"', i + 1);
      const stop = end < 0 ? sec.length : end;
      out.push({ kind: "lit", text: sec.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ kind: "lit", text: sec[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = sec.indexOf("]", i);
      const stop = end < 0 ? sec.length : end;
      const tag = sec.slice(i + 1, stop);
      const currency = /^\$([^-]*)/.exec(tag);
      if (currency) out.push({ kind: "lit", text: currency[1]! });
      i = stop;
    } else if (ch === "_") {
      out.push({ kind: "lit", text: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      out.push({ kind: "digit", text: ch });
    } else if (ch === "." && !seenDot) {
      seenDot = true;
      out.push({ kind: "dot", text: ch });
    } else if (ch === ",") {
      out.push({ kind: "comma", text: ch });
    } else if (ch === "%") {
      out.push({ kind: "percent", text: ch });
    } else if ((ch === "E" || ch === "e") && (sec[i + 1] === "+" || sec[i + 1] === "-")) {
      out.push({ kind: "exp", text: sec[i + 1]! });
      i++;
    } else out.push({ kind: "lit", text: ch });
  }
  return out;
}

/** Formats |n| with a numeric section (the caller handles the sign). */
function formatNumberSection(abs: number, sec: string, loc: LocaleInfo): string {
  const tokens = tokenizeNumber(sec);
  const firstDigit = tokens.findIndex((t) => t.kind === "digit");
  if (firstDigit < 0) {
    // No placeholders: only literals (e.g. "-" or "\"none\"").
    return tokens
      .map((t) => (t.kind === "lit" || t.kind === "percent" ? t.text : t.kind === "comma" ? "," : t.kind === "dot" ? "." : ""))
      .join("");
  }
  let lastDigit = -1;
  tokens.forEach((t, i) => {
    if (t.kind === "digit") lastDigit = i;
  });
  const dotAt = tokens.findIndex((t) => t.kind === "dot");
  const expAt = tokens.findIndex((t) => t.kind === "exp");
  const intEnd = dotAt >= 0 ? dotAt : expAt >= 0 ? expAt : lastDigit + 1;
  const intDigits: string[] = [];
  const fracDigits: string[] = [];
  const expDigits: string[] = [];
  let grouping = false;
  let scale = 0;
  let percent = 0;
  const prefix: string[] = [];
  const suffix: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "percent") percent++;
    if (t.kind === "digit") {
      if (expAt >= 0 && i > expAt) expDigits.push(t.text);
      else if (i < intEnd) intDigits.push(t.text);
      else fracDigits.push(t.text);
    } else if (t.kind === "comma") {
      const digitAfterInInt = tokens.slice(i + 1, intEnd).some((x) => x.kind === "digit");
      if (i < intEnd && digitAfterInInt && i > firstDigit) grouping = true;
      else if (i <= intEnd && i > firstDigit) scale++;
      else if (i < firstDigit) prefix.push(",");
      else if (i > lastDigit) suffix.push(",");
    } else if (t.kind === "lit" || t.kind === "percent") {
      if (i < firstDigit) prefix.push(t.text);
      else if (i > lastDigit) suffix.push(t.text);
    }
  });
  let value = (abs * 100 ** percent) / 1000 ** scale;
  let expText = "";
  if (expAt >= 0) {
    const intCount = Math.max(1, intDigits.length);
    let exp = value === 0 ? 0 : Math.floor(Math.log10(value)) - (intCount - 1);
    let mant = value / 10 ** exp;
    if (roundAbs(mant, fracDigits.length) >= 10 ** intCount) {
      exp += 1;
      mant = value / 10 ** exp;
    }
    value = mant;
    const sign = exp < 0 ? "-" : tokens[expAt]!.text === "+" ? "+" : "";
    expText = "E" + sign + String(Math.abs(exp)).padStart(expDigits.filter((d) => d === "0").length, "0");
  }
  const rounded = roundAbs(value, fracDigits.length);
  const fixed = rounded.toFixed(fracDigits.length);
  let [intStr, fracStr = ""] = fixed.split(".");
  const minInt = intDigits.filter((d) => d === "0").length;
  if (intStr === "0" && minInt === 0) intStr = "";
  intStr = intStr!.padStart(minInt, "0");
  if (grouping) intStr = group(intStr, loc.group);
  const required = fracDigits.lastIndexOf("0") + 1;
  while (fracStr.length > required && fracStr.endsWith("0")) fracStr = fracStr.slice(0, -1);
  const body = intStr + (fracStr ? loc.decimal + fracStr : "") + expText;
  return prefix.join("") + body + suffix.join("");
}

// -------------------------------------------------------------------- dates

interface DateToken {
  kind: "lit" | "d" | "m" | "y" | "h" | "s" | "ms" | "ampm" | "minute";
  count: number;
  text: string;
}

function tokenizeDate(sec: string): DateToken[] {
  const out: DateToken[] = [];
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = sec.indexOf('"', i + 1);
      const stop = end < 0 ? sec.length : end;
      out.push({ kind: "lit", count: 0, text: sec.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ kind: "lit", count: 0, text: sec[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = sec.indexOf("]", i);
      const stop = end < 0 ? sec.length : end;
      const tag = sec.slice(i + 1, stop);
      if (/^[hms]+$/i.test(tag)) out.push({ kind: tag[0]!.toLowerCase() as "h", count: tag.length, text: "" });
      i = stop;
    } else if (/^am\/pm/i.test(sec.slice(i))) {
      out.push({ kind: "ampm", count: 2, text: sec.slice(i, i + 5) });
      i += 4;
    } else if (/^a\/p/i.test(sec.slice(i))) {
      out.push({ kind: "ampm", count: 1, text: sec.slice(i, i + 3) });
      i += 2;
    } else if ("dmyhs".includes(lower)) {
      let j = i;
      while (j < sec.length && sec[j]!.toLowerCase() === lower) j++;
      out.push({ kind: lower as "d", count: j - i, text: sec.slice(i, j) });
      i = j - 1;
    } else if (ch === "." && /^0+/.test(sec.slice(i + 1)) && out.some((t) => t.kind === "s")) {
      let j = i + 1;
      while (sec[j] === "0") j++;
      out.push({ kind: "ms", count: j - i - 1, text: "" });
      i = j - 1;
    } else out.push({ kind: "lit", count: 0, text: ch });
  }
  // "m" is minutes right after an hour or right before seconds.
  const fields = out.filter((t) => t.kind !== "lit");
  fields.forEach((t, i) => {
    if (t.kind !== "m" || t.count > 2) return;
    const prev = fields[i - 1];
    const next = fields[i + 1];
    if (prev?.kind === "h" || next?.kind === "s") t.kind = "minute";
  });
  return out;
}

const nameCache = new Map<string, string[]>();

function names(loc: LocaleInfo, what: "month" | "weekday", style: "long" | "short" | "narrow"): string[] {
  const key = `${loc.intl}|${what}|${style}`;
  let list = nameCache.get(key);
  if (!list) {
    const f = new Intl.DateTimeFormat(loc.intl, { [what]: style, timeZone: "UTC" });
    list =
      what === "month"
        ? Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2021, m, 1)))
        : Array.from({ length: 7 }, (_, d) => f.format(Date.UTC(2021, 0, 3 + d))); // 3 Jan 2021 was a Sunday
    nameCache.set(key, list);
  }
  return list;
}

function formatDateSection(serial: number, sec: string, loc: LocaleInfo): string {
  const w = serialToWall(serial);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const tokens = tokenizeDate(sec);
  const twelve = tokens.some((t) => t.kind === "ampm");
  const p2 = (n: number) => String(n).padStart(2, "0");
  return tokens
    .map((t) => {
      switch (t.kind) {
        case "lit":
          return t.text;
        case "d":
          if (t.count === 1) return String(w.day);
          if (t.count === 2) return p2(w.day);
          return names(loc, "weekday", t.count === 3 ? "short" : "long")[weekday]!;
        case "m":
          if (t.count === 1) return String(w.month);
          if (t.count === 2) return p2(w.month);
          return names(loc, "month", t.count === 3 ? "short" : t.count === 4 ? "long" : "narrow")[w.month - 1]!;
        case "y":
          return t.count <= 2 ? p2(w.year % 100) : String(w.year);
        case "h": {
          const h = twelve ? ((w.hour + 11) % 12) + 1 : w.hour;
          return t.count >= 2 ? p2(h) : String(h);
        }
        case "minute":
          return t.count >= 2 ? p2(w.minute) : String(w.minute);
        case "s":
          return t.count >= 2 ? p2(w.second) : String(w.second);
        case "ms":
          return loc.decimal + String(w.millisecond).padStart(3, "0").slice(0, t.count);
        case "ampm": {
          const am = w.hour < 12;
          if (t.count === 1) return am ? "A" : "P";
          return am ? "AM" : "PM";
        }
      }
    })
    .join("");
}

// ------------------------------------------------------------------ entry

/** The display string of a stored value ("" blank, number, string, boolean) with a format. */
export function formatDisplay(value: number | string | boolean | undefined, fmt: string | undefined, loc: LocaleInfo): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = isAutomaticFormat(fmt) ? [] : splitSections(fmt!);
  if (typeof value === "string") {
    const textSec = sections.length >= 4 ? sections[3] : sections.find((s) => bareSection(s).includes("@"));
    if (textSec === undefined) return value;
    return tokenizeNumber(textSec.replace(/@/g, "\u0000"))
      .map((t) => (t.kind === "digit" ? "" : t.text))
      .join("")
      .replace(/\u0000/g, value);
  }
  if (sections.length === 0) return formatAutomatic(value, loc);
  let sec = sections[0]!;
  let signed = true;
  if (sections.length >= 2 && value < 0) {
    sec = sections[1]!;
    signed = false;
  } else if (sections.length >= 3 && value === 0) sec = sections[2]!;
  const bare = bareSection(sec).trim();
  if (bare === "@" || /^general$/i.test(bare) || bare === "") {
    if (bare === "") return formatNumberSection(Math.abs(value), sec, loc);
    return formatAutomatic(value, loc);
  }
  if (isDateSection(sec)) return formatDateSection(value, sec, loc);
  const body = formatNumberSection(Math.abs(value), sec, loc);
  return value < 0 && signed && /[1-9]/.test(body) ? "-" + body : body;
}
