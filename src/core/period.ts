/**
 * Reporting periods: quarters under the 15th-to-14th rule (Q1 runs from
 * 15 December of the previous year to 14 March).
 */
import { normalizeKey } from "./text";

export interface Period {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** The canonical form: "2023-Q1". */
export function periodId(p: Period): string {
  return `${p.year}-Q${p.quarter}`;
}

/** "Quý I năm 2023". */
export function periodLabel(p: Period): string {
  return `Quý ${["I", "II", "III", "IV"][p.quarter - 1]} năm ${p.year}`;
}

/**
 * Reads "2023-Q1", "Quý I/2023", "Q1/2023" (and their spacing, case and
 * diacritic variants, "Quý 1/2023", "quý I năm 2023"). Returns null when unreadable.
 */
export function parsePeriod(value: unknown): Period | null {
  if (typeof value !== "string") return null;
  const raw = value.trim().toLowerCase().replace(/\s+/g, " ");
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
  return a.year === b.year && a.quarter === b.quarter;
}

export function previousPeriod(p: Period): Period {
  return p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
}

/** The reporting quarter a calendar day belongs to (day fields read in the runtime's time zone). */
export function reportingPeriodOfDay(year: number, month: number, day: number): Period {
  let quarter = Math.ceil(month / 3);
  if (month % 3 === 0 && day >= 15) quarter += 1;
  return quarter === 5 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter as 1 | 2 | 3 | 4 };
}

export function reportingPeriodOf(date: Date): Period {
  return reportingPeriodOfDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** First and last day of a reporting period, as [y, m, d] triples. */
export function periodBounds(p: Period): { start: [number, number, number]; end: [number, number, number] } {
  const endMonth = p.quarter * 3;
  const start: [number, number, number] = p.quarter === 1 ? [p.year - 1, 12, 15] : [p.year, endMonth - 3, 15];
  return { start, end: [p.year, endMonth, 14] };
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

/**
 * A calendar day written in a cell that is not a Date: a date serial
 * (45000), "14/03/2023", "14-3-2023" or "2023-03-14". Returns
 * [year, month, day], or a Vietnamese reason when it is not a day.
 */
export function dayOfCell(v: unknown): [number, number, number] | string {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (v < SERIAL_MIN) return `Số ${String(v).replace(".", ",")} không phải là ngày (hãy nhập ngày đầy đủ, ví dụ 14/03/2023)`;
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
