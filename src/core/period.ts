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
