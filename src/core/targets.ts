/**
 * Target resolution: the row for the period's year wins, then the row with
 * no year, then the built-in default. An indicator with no target is
 * reported, never judged.
 */
import { findIndicator, type IndicatorCode } from "./catalogue";

export interface TargetRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly indicator: string;
  readonly year: number | undefined;
  readonly target: number | undefined;
  readonly basis: string;
  /** A1 cell of a field of this row. */
  readonly cell: (key: string) => string | null;
}

export interface ResolvedTarget {
  readonly value: number;
  readonly basis: string;
  /** Where it came from: a row of `Chỉ tiêu`, or the built-in default. */
  readonly source: "sheet" | "default";
  readonly row: number | null;
}

export const DEFAULT_BASIS = "Mục tiêu mặc định của tiện ích (sửa trong trang Chỉ tiêu theo kế hoạch CCHC của địa phương)";

export const DEFAULT_TARGETS: Readonly<Partial<Record<IndicatorCode, number>>> = {
  online_payment_rate: 0.3,
  ontime_rate: 1,
  apology_rate: 1,
  overdue_dossiers: 0,
};

function usable(t: TargetRow, code: IndicatorCode): boolean {
  if (t.target === undefined) return false;
  const def = findIndicator(t.indicator);
  if (!def || def.code !== code) return false;
  return def.unit === "count" || t.target <= 1;
}

export function resolveTarget(code: IndicatorCode, year: number, rows: readonly TargetRow[]): ResolvedTarget | null {
  const pick = rows.find((t) => usable(t, code) && t.year === year) ?? rows.find((t) => usable(t, code) && t.year === undefined);
  if (pick) return { value: pick.target!, basis: pick.basis, source: "sheet", row: pick.row };
  const d = DEFAULT_TARGETS[code];
  return d === undefined ? null : { value: d, basis: DEFAULT_BASIS, source: "default", row: null };
}
