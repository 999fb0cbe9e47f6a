/**
 * Reporting periods: quarters under one of two rules. "15-14" (Decree
 * 09/2019/NĐ-CP, the default): Q1 runs from 15 December of the previous year
 * to 14 March, Q2 from 15 March to 14 June... "calendar" (the national
 * portal's): Q1 is January to March. And the spans a People's Committee
 * also reports on (SPEC "Six-month, nine-month and annual reports"): the
 * first six months (2026-H1), nine months (2026-9M) and the year (2026-Y),
 * from the start of the year's first quarter; they have no rows of their own.
 */
import { formatNumber, normalizeKey } from "./text";

export interface Period {
  readonly year: number;
  /** The quarter; for a span, its last quarter (H1: 2, 9M: 3, Y: 4). */
  readonly quarter: 1 | 2 | 3 | 4;
  /** A span from the year's first quarter to `quarter` (6 tháng, 9 tháng, năm): summed from its quarters' rows. */
  readonly span?: true;
}

/** A span's code and words by its last quarter (index quarter − 2). */
const SPAN_IDS = ["H1", "9M", "Y"];
const SPAN_WORDS = ["6 tháng đầu năm", "9 tháng năm", "năm"];

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** The canonical form: "2023-Q1". */
export function periodId(p: Period): string {
  return p.span ? `${p.year}-${SPAN_IDS[p.quarter - 2]}` : `${p.year}-Q${p.quarter}`;
}

/** "quý I năm 2023", "6 tháng đầu năm 2026", "năm 2025": the period as words inside a sentence. */
export function periodWords(p: Period): string {
  return p.span ? `${SPAN_WORDS[p.quarter - 2]} ${p.year}` : `quý ${["I", "II", "III", "IV"][p.quarter - 1]} năm ${p.year}`;
}

/** "Quý I năm 2023", "6 tháng đầu năm 2026", "Năm 2025". */
export function periodLabel(p: Period): string {
  const w = periodWords(p);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The quarters a period adds up: a quarter itself, a span's from the first. */
export function quartersOf(p: Period): Period[] {
  const out: Period[] = [];
  for (let q = p.span ? 1 : p.quarter; q <= p.quarter; q++) out.push({ year: p.year, quarter: q as 1 | 2 | 3 | 4 });
  return out;
}

/**
 * Reads "2023-Q1", "Quý I/2023", "Q1/2023" (and their spacing, case and
 * diacritic variants, "Quý 1/2023", "quý I năm 2023"), and the spans:
 * "2026-H1", "6 tháng đầu năm 2026", "6T/2026"; "2026-9M", "9 tháng năm
 * 2026"; "2026-Y", "Năm 2025", "cả năm 2025". Returns null when unreadable.
 */
export function parsePeriod(value: unknown): Period | null {
  if (typeof value !== "string") return null;
  const raw = value.trim().toLowerCase().replace(/\s+/g, " ");
  // Spans, compared without diacritics or separators: "2026h1", "h12026", "6thangdaunam2026", "9t2026", "canam2025".
  const key = normalizeKey(raw);
  const s =
    /^(\d{4})(h1|6m|6t|9m|9t|y|n|fy)$/.exec(key) ??
    /^()(h1|6m|6t|9m|9t)(\d{4})$/.exec(key) ??
    /^()(6|sau|9|chin)(?:thang|t)(?:dau)?(?:nam)?(\d{4})$/.exec(key) ??
    /^()(?:ca)?(nam)(\d{4})$/.exec(key);
  if (s) {
    const year = Number(s[1] || s[3]);
    const c = s[2]!;
    return year < 1900 || year > 9999 ? null : { year, quarter: /^(9|chin)/.test(c) ? 3 : /^(6|sau|h)/.test(c) ? 2 : 4, span: true };
  }
  // "2023-Q1", "2023 Q1", "2023/Q1".
  const m1 = /^(\d{4})\s*[-/ ]?\s*q\s*([1-4])$/.exec(raw);
  if (m1) return make(Number(m1[1]), m1[2]!);
  // "Quý I/2023", "Q1/2023", "Q1 2023", "Quý IV - 2023", "quý 2 năm 2023", "Quí I/2023": compared without diacritics.
  const plain = normalizeKey(raw.replace(/[/-]/g, " sep ").replace(/\s+/g, " sep "));
  const m3 = /^(?:quy|qui|q)(?:sep)?(iv|iii|ii|i|[1-4])(?:sep)*(?:nam)?(?:sep)*(\d{4})$/.exec(plain);
  if (m3) return make(Number(m3[2]), m3[1]!);
  return null;
}

function make(year: number, q: string): Period | null {
  const quarter = ROMAN[q];
  if (!quarter || year < 1900 || year > 9999) return null;
  return { year, quarter };
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.quarter === b.quarter && !a.span === !b.span;
}

export function previousPeriod(p: Period): Period {
  return p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
}

export type PeriodRule = "15-14" | "calendar";

/** A rule as a user may write it ("15-14", "calendar", "lịch", blank for the default); null when unreadable. */
export function readPeriodRule(value: unknown): PeriodRule | null {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "15-14";
  const key = normalizeKey(value);
  if (key === "1514" || key === "15") return "15-14";
  if (key === "calendar" || key === "lich" || key === "theolich" || key === "quylich") return "calendar";
  return null;
}

/** The reporting quarter a calendar day belongs to, under a rule. */
export function reportingPeriodOfDay(year: number, month: number, day: number, rule: PeriodRule = "15-14"): Period {
  let quarter = Math.ceil(month / 3);
  if (rule === "15-14" && month % 3 === 0 && day >= 15) quarter += 1;
  return quarter === 5 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter as 1 | 2 | 3 | 4 };
}

/** The reporting quarter of a Date, read by its fields in the runtime's time zone. */
export function reportingPeriodOf(date: Date, rule: PeriodRule = "15-14"): Period {
  return reportingPeriodOfDay(date.getFullYear(), date.getMonth() + 1, date.getDate(), rule);
}

export type Day = [number, number, number];

/** First and last day of a reporting period under a rule, as [y, m, d] triples. */
export function periodBounds(p: Period, rule: PeriodRule = "15-14"): { start: Day; end: Day } {
  const endMonth = p.quarter * 3;
  // A span starts where its first quarter does.
  const startMonth = p.span ? 1 : endMonth - 2;
  if (rule === "calendar") {
    const last = new Date(Date.UTC(p.year, endMonth, 0)).getUTCDate();
    return { start: [p.year, startMonth, 1], end: [p.year, endMonth, last] };
  }
  const start: Day = startMonth === 1 ? [p.year - 1, 12, 15] : [p.year, startMonth - 1, 15];
  return { start, end: [p.year, endMonth, 14] };
}

/** "2023-03-14". */
export function isoDay(d: Day): string {
  return `${d[0]}-${String(d[1]).padStart(2, "0")}-${String(d[2]).padStart(2, "0")}`;
}

/** "14/03/2023". */
export function vnDay(d: Day): string {
  return `${String(d[2]).padStart(2, "0")}/${String(d[1]).padStart(2, "0")}/${d[0]}`;
}

/** The same quarter (or span) of the previous year. */
export function yearAgo(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** -1, 0 or 1 as a day falls before, inside or after a period. */
export function compareDay(d: Day, p: Period, rule: PeriodRule): number {
  const { start, end } = periodBounds(p, rule);
  const key = (x: Day) => x[0] * 10000 + x[1] * 100 + x[2];
  return key(d) < key(start) ? -1 : key(d) > key(end) ? 1 : 0;
}

/** A period as one number (year × 4 + quarter − 1), for compact tables; -1 stands for "unreadable". */
export function periodKey(p: Period): number {
  return p.year * 4 + p.quarter - 1;
}

export function periodOfKey(key: number): Period {
  return { year: Math.floor(key / 4), quarter: ((key % 4) + 1) as 1 | 2 | 3 | 4 };
}

const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Date serials below this (18/05/1927) are not report dates: a number such as 2023 is a year typed by mistake. */
const SERIAL_MIN = 10000;
/** The serial of 1 January 10000: larger numbers are no day Sheets can show. */
const SERIAL_MAX = 2958466;

/**
 * A calendar day written in a cell that is not a Date: a date serial
 * (45000), "14/03/2023", "14-3-2023" or "2023-03-14". Returns
 * [year, month, day], or a Vietnamese reason when it is not a day.
 */
export function dayOfCell(v: unknown): [number, number, number] | string {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (v < SERIAL_MIN) return `Số ${String(v).replace(".", ",")} không phải là ngày (hãy nhập ngày đầy đủ, ví dụ 14/03/2023)`;
    if (v >= SERIAL_MAX) return `Số ${formatNumber(v, 6)} là ngày sau năm 9999, nằm ngoài các năm 1900–9999`;
    const d = new Date(SHEETS_EPOCH_UTC + Math.floor(v) * 86400000);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  if (typeof v === "string") {
    const t = v.trim();
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
    if (y && m && d) {
      const year = Number(y),
        month = Number(m),
        day = Number(d);
      const probe = new Date(Date.UTC(year, month - 1, day));
      if (probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) return [year, month, day];
    }
  }
  return "";
}

/** A Date's day in the runtime's own time zone (the default when no spreadsheet tells its zone). */
export function localDay(d: Date): Day {
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

/** How a `Kỳ báo cáo` cell was read: its period, and a note when it was not written as a period. */
export interface PeriodCell {
  readonly period: Period | null;
  /** A warning: the cell held a date or a month, read as the period that contains it. */
  readonly note?: string;
  /** Why a cell that looks like a date or a month gives no period (a month that two quarters share). */
  readonly problem?: string;
}

/**
 * A `Kỳ báo cáo` cell as clerks fill it: a period ("2023-Q1", "Quý I/2023"),
 * or a date (10/03/2023, a date cell) or a month ("Tháng 3/2023", "T3/2023"),
 * read as the period that contains it under the rule, with a note that says
 * so. Under the 15-14 rule the last month of a quarter is shared by two
 * periods (1–14/3 in quý I, 15–31/3 in quý II): such a month is refused.
 */
export function readPeriodCell(v: unknown, dayOf: (d: Date) => Day, rule: PeriodRule = "15-14"): PeriodCell {
  const p = parsePeriod(v);
  // A span has no rows of its own: its report adds up the quarters' rows.
  if (p?.span) {
    const first = quartersOf(p)[0]!;
    return {
      period: null,
      problem: `ghi ${periodWords(p)}: mỗi dòng là số liệu của một quý, báo cáo ${periodWords(p)} tự cộng các quý; hãy ghi quý, ví dụ ${periodId(first)}`,
    };
  }
  if (p) return { period: p };
  const as = (what: string, q: Period): PeriodCell => ({
    period: q,
    note: `ghi ${what}, không phải kỳ báo cáo: được đọc là ${periodWords(q)} (${periodId(q)}); hãy ghi dạng ${periodId(q)}`,
  });
  let day: Day | null = null;
  if (Object.prototype.toString.call(v) === "[object Date]") {
    const d = v as Date;
    if (!Number.isNaN(d.getTime())) day = dayOf(d);
  } else if (typeof v === "string") {
    const d = dayOfCell(v);
    if (typeof d !== "string") day = d;
  }
  if (day) return as(`ngày ${vnDay(day)}`, reportingPeriodOfDay(day[0], day[1], day[2], rule));
  if (typeof v !== "string") return { period: null };
  const m = /^(?:thang|t)(\d{1,2})(?:nam)?(\d{4})$/.exec(normalizeKey(v.replace(/[/.-]/g, " ")));
  if (!m) return { period: null };
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 9999) return { period: null };
  const words = `tháng ${month}/${year}`;
  if (rule === "15-14" && month % 3 === 0) {
    const first = reportingPeriodOfDay(year, month, 1, rule);
    const second = reportingPeriodOfDay(year, month, 15, rule);
    return {
      period: null,
      problem: `ghi ${words}: theo quy tắc 15-14, ngày 1–14/${month} thuộc ${periodWords(first)}, từ ngày 15/${month} thuộc ${periodWords(second)}; hãy ghi kỳ báo cáo, ví dụ ${periodId(first)}`,
    };
  }
  return as(words, reportingPeriodOfDay(year, month, 1, rule));
}

/**
 * A period as a user reads it: "quý II năm 2026 (15/03–14/06/2026)" (the
 * period list, the sidebar's summaries); the code itself when it is not one.
 */
export function periodText(id: string, rule: PeriodRule = "15-14"): string {
  const p = parsePeriod(id);
  if (!p) return id;
  const { start, end } = periodBounds(p, rule);
  const first = start[0] === end[0] ? vnDay(start).slice(0, 5) : vnDay(start);
  return `${periodWords(p)} (${first}–${vnDay(end)})`;
}
