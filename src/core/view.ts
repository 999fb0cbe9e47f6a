/**
 * What the sidebar shows, computed from an evaluation as plain, already
 * formatted (vi-VN) data: the sidebar only puts it on screen as text.
 */
import { columnRange } from "./a1";
import { INDICATORS, indicator, type IndicatorCode } from "./catalogue";
import { directionOf, type IndicatorResult } from "./indicators";
import { parsePeriod, periodBounds, periodId, periodLabel, periodWords, previousPeriod, vnDay, yearAgo } from "./period";
import { DEFAULT_SETTINGS, levelWords, type ReportSettings } from "./settings";
import { formatNumber, formatPercent } from "./text";
import type { Finding } from "./validation";
import type { Evaluation } from "./workbook";

export interface IndicatorView {
  code: IndicatorCode;
  name: string;
  /** "5,9%", "23", or "" when there is no value. */
  valueText: string;
  /** "≥ 30%", "≤ 0", or "" when there is no target. */
  targetText: string;
  met: boolean | null;
  /** 0..1, for the small bar (the value of a rate; for a count, 1 when over target). */
  bar: number;
  /** "còn thiếu 24,1 điểm %" / "vượt 23 hồ sơ", "" when met or not judged. */
  gapText: string;
  /** The value of the previous quarter ("4,1%"), "" when it has none. */
  previousText: string;
  /** The value of the same quarter of the previous year, "" when it has none. */
  yearAgoText: string;
  /** "chưa gồm 2 đơn vị có số liệu sai", "" when no unit is left out. */
  excludedText: string;
}

export interface FindingView extends Finding {
  severityText: string;
}

export interface UnitFindingsView {
  unit: string;
  name: string;
  errors: number;
  warnings: number;
  findings: FindingView[];
}

export interface ValidationView {
  period: string;
  periodLabel: string;
  /** "từ ngày 15/03/2026 đến ngày 14/06/2026", under the settings' period rule. */
  periodRange: string;
  /** "Chỉ tiêu toàn tỉnh Quảng Trị": the title of the indicators' table. */
  scopeTitle: string;
  /** "2026-Q1" and "2025-Q2": the periods the comparisons are with. */
  previousPeriod: string;
  yearAgoPeriod: string;
  errorCount: number;
  warningCount: number;
  /** Units (active) that have not submitted for the period. */
  /** Units that have not submitted; for a span also those that lack a quarter (`note`: which). */
  missing: { code: string; name: string; note?: string }[];
  /** Findings grouped by unit, errors before warnings; units in order of their first finding. */
  groups: UnitFindingsView[];
  indicators: IndicatorView[];
  submitted: number;
  expected: number;
}

export function valueText(code: IndicatorCode, value: number | null): string {
  if (value === null) return "";
  const def = indicator(code);
  return def.unit === "rate" ? formatPercent(value) : formatNumber(value);
}

export function targetText(code: IndicatorCode, target: number | null): string {
  if (target === null) return "";
  const def = indicator(code);
  const sign = directionOf(def) === ">=" ? "≥" : "≤";
  return `${sign} ${def.unit === "rate" ? formatPercent(target) : formatNumber(target)}`;
}

export function gapText(code: IndicatorCode, r: IndicatorResult): string {
  if (!r.shortfall) return "";
  const def = indicator(code);
  if (def.unit === "rate") return `còn thiếu ${formatNumber(r.shortfall * 100)} điểm %`;
  return `vượt ${formatNumber(r.shortfall)}${def.countUnit ? ` ${def.countUnit}` : ""}`;
}

export function indicatorView(
  code: IndicatorCode,
  r: IndicatorResult,
  before: { previous: number | null; yearAgo: number | null } = { previous: null, yearAgo: null },
  excluded = 0,
): IndicatorView {
  const def = indicator(code);
  const bar = r.value === null ? 0 : def.unit === "rate" ? Math.min(1, r.value) : r.met === false ? 1 : 0;
  return {
    code,
    name: def.name,
    valueText: valueText(code, r.value),
    targetText: targetText(code, r.target),
    met: r.met,
    bar,
    gapText: gapText(code, r),
    previousText: valueText(code, before.previous),
    yearAgoText: valueText(code, before.yearAgo),
    excludedText: excluded ? `chưa gồm ${excluded} đơn vị có số liệu sai` : "",
  };
}

export function validationView(
  ev: Evaluation,
  settings: Pick<ReportSettings, "level" | "name" | "periodRule"> = DEFAULT_SETTINGS,
): ValidationView {
  const words = levelWords(settings);
  const bounds = periodBounds(ev.period, settings.periodRule);
  const cmp = ev.comparison;
  const unitNames = new Map(ev.allUnits.map((u) => [u.code, u.name]));
  const groups = new Map<string, UnitFindingsView>();
  for (const f of ev.findings) {
    const key = f.unit || `(${f.sheet})`;
    let g = groups.get(key);
    if (!g) {
      const name = f.unit ? (unitNames.get(f.unit) ?? f.unit) : `Trang ${f.sheet}`;
      g = { unit: f.unit ?? "", name, errors: 0, warnings: 0, findings: [] };
      groups.set(key, g);
    }
    g.findings.push({ ...f, severityText: f.severity === "error" ? "Lỗi" : "Cảnh báo" });
    if (f.severity === "error") g.errors++;
    else g.warnings++;
  }
  const ordered = [...groups.values()].sort((a, b) => (b.errors > 0 ? 1 : 0) - (a.errors > 0 ? 1 : 0));
  for (const g of ordered) g.findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const errorCount = ev.findings.filter((f) => f.severity === "error").length;
  return {
    period: periodId(ev.period),
    periodLabel: periodLabel(ev.period),
    errorCount,
    warningCount: ev.findings.length - errorCount,
    // A span: the units without any row, then those that lack a quarter, with the quarters.
    missing: [
      ...ev.missing_units.map((code) => ({ code, name: unitNames.get(code) ?? code })),
      ...(ev.incomplete ?? []).map((i) => ({
        code: i.unit,
        name: unitNames.get(i.unit) ?? i.unit,
        note: `thiếu ${i.quarters.map((q) => periodWords(parsePeriod(q)!)).join(", ")}`,
      })),
    ],
    groups: ordered,
    indicators: INDICATORS.map((d) =>
      indicatorView(
        d.code,
        ev.district.indicators[d.code],
        { previous: cmp?.total.previous[d.code] ?? null, yearAgo: cmp?.total.yearAgo[d.code] ?? null },
        ev.excludedUnits[d.code].length,
      ),
    ),
    periodRange: `từ ngày ${vnDay(bounds.start)} đến ngày ${vnDay(bounds.end)}`,
    scopeTitle: `Chỉ tiêu toàn ${words.body}`,
    previousPeriod: ev.period.span ? "" : periodId(previousPeriod(ev.period)),
    yearAgoPeriod: periodId(yearAgo(ev.period)),
    submitted: ev.units.length - (ev.incomplete?.length ?? 0),
    expected: ev.units.length + ev.missing_units.length,
  };
}

/**
 * Ranges of `Số liệu` to mark: the numerator cells of every unit × indicator
 * that misses its target, with cells one above the other in a column merged
 * ("R27:R30"), so that the add-on's one rule stays short.
 */
export function shortfallRanges(ev: Evaluation, columns: Partial<Record<string, number>>): string[] {
  const rowsByColumn = new Map<number, Set<number>>();
  for (const def of INDICATORS) {
    for (const u of ev.units) {
      if (u.indicators[def.code].met !== false) continue;
      for (const key of def.numerator) {
        const c = columns[key];
        if (c === undefined) continue;
        const rows = rowsByColumn.get(c + 1) ?? new Set<number>();
        rows.add(u.row);
        rowsByColumn.set(c + 1, rows);
      }
    }
  }
  const out: string[] = [];
  for (const [col, set] of [...rowsByColumn].sort((x, y) => x[0] - y[0])) {
    const rows = [...set].sort((x, y) => x - y);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      out.push(columnRange(col, rows[i]!, rows[j]!));
      i = j + 1;
    }
  }
  return out;
}

export { cellCount } from "./a1";
