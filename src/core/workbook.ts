/**
 * From the values of the three sheets to SPEC's evaluation of one period:
 * findings, each unit's indicators, the district roll-up and missing units.
 */
import { INDICATORS, indicatorByCode, judge, rollUp, unitTerms, type Figures, type IndicatorCode, type IndicatorResult } from "./indicators";
import { parsePeriod, periodId, samePeriod, type Period } from "./period";
import { parseRow } from "./rows";
import {
  FIGURE_COLUMNS, SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS, SUBMISSIONS_SHEET, TARGETS_SHEET, UNITS_SHEET,
  mapColumns, submissionColumn, type ColumnDef, type FigureKey, type SheetDef,
} from "./schema";
import { resolveTarget, type TargetRow, type ResolvedTarget } from "./targets";
import { a1, isBlankRow } from "./text";
import { isBlank } from "./cells";
import { crossFieldProblems, makeFinding, sortFindings, type Finding } from "./validation";

export type Values = readonly (readonly unknown[])[];

export interface WorkbookValues {
  /** `Đơn vị`, as getDataRange().getValues() gives it (starting at A1). */
  readonly units: Values;
  /** `Chỉ tiêu`, or null when the sheet does not exist (built-in targets apply). */
  readonly targets: Values | null;
  /** `Số liệu`. */
  readonly submissions: Values;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly editors: string;
  readonly active: boolean;
  /** 1-based sheet row. */
  readonly row: number;
}

export interface SubmissionRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly period: Period | undefined;
  readonly unit: string | undefined;
  readonly figures: Figures;
  readonly explanation: string;
  /**
   * False for a row prepared in advance with only its period and unit (every
   * figure blank): the unit has not submitted yet, it is not 13 blank-cell errors.
   */
  readonly entered: boolean;
  /** Findings about single cells of this row (zod issues). */
  readonly cellFindings: readonly Finding[];
}

export interface Workbook {
  readonly units: readonly Unit[];
  readonly targets: readonly TargetRow[];
  readonly rows: readonly SubmissionRow[];
  /** Findings about `Đơn vị` and `Chỉ tiêu`, reported with every period. */
  readonly sheetFindings: readonly Finding[];
  /** 0-based column of each submission field found, for A1 cells and highlighting. */
  readonly submissionColumns: Partial<Record<string, number>>;
  readonly submissionHeaderRow: number;
}

function rawRow<K extends string>(row: readonly unknown[], columns: Partial<Record<K, number>>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key in columns) {
    const c = columns[key];
    if (c !== undefined) raw[key] = row[c] ?? "";
  }
  return raw;
}

function readSheet<K extends string>(def: SheetDef<K>, values: Values) {
  const map = mapColumns(def, values);
  const cols = def.columns as readonly ColumnDef<K>[];
  const header = (key: string) => cols.find((c) => c.key === key)?.header ?? key;
  const cell = (rowIndex: number, key: string) => {
    const c = map.columns[key as K];
    return c === undefined ? null : a1(rowIndex + 1, c + 1);
  };
  return { map, header, cell };
}

/** Reads and checks every row of the three sheets once. Throws SchemaError when a sheet cannot be used. */
export function readWorkbook(input: WorkbookValues): Workbook {
  const sheetFindings: Finding[] = [];

  const u = readSheet(UNITS_SHEET, input.units);
  const units: Unit[] = [];
  const seenUnits = new Map<string, number>();
  for (let i = u.map.headerRow + 1; i < input.units.length; i++) {
    const row = input.units[i]!;
    if (isBlankRow(row)) continue;
    const parsed = parseRow("unit", rawRow(row, u.map.columns));
    const code = String(parsed.data["code"] ?? "").toUpperCase();
    for (const issue of parsed.issues) {
      sheetFindings.push(makeFinding(issue.rule, u.cell(i, issue.key), code, `"${u.header(issue.key)}" ${issue.message}`, SHEET_UNITS));
    }
    if (!code) continue;
    const earlier = seenUnits.get(code);
    if (earlier !== undefined) {
      sheetFindings.push(makeFinding("duplicate_unit", u.cell(i, "code"), code,
        `Mã đơn vị ${code} trùng với dòng ${earlier}; dòng này bị bỏ qua`, SHEET_UNITS));
      continue;
    }
    seenUnits.set(code, i + 1);
    units.push({
      code,
      name: String(parsed.data["name"] ?? "") || code,
      kind: String(parsed.data["kind"] ?? ""),
      editors: String(parsed.data["editors"] ?? ""),
      active: parsed.data["active"] !== false,
      row: i + 1,
    });
  }

  const targets: TargetRow[] = [];
  if (input.targets) {
    const t = readSheet(TARGETS_SHEET, input.targets);
    for (let i = t.map.headerRow + 1; i < input.targets.length; i++) {
      const row = input.targets[i]!;
      if (isBlankRow(row)) continue;
      const parsed = parseRow("target", rawRow(row, t.map.columns));
      for (const issue of parsed.issues) {
        sheetFindings.push(makeFinding(issue.rule, t.cell(i, issue.key), "", `"${t.header(issue.key)}" ${issue.message}`, SHEET_TARGETS));
      }
      targets.push({
        row: i + 1,
        indicator: String(parsed.data["indicator"] ?? ""),
        year: parsed.data["year"] as number | undefined,
        target: parsed.data["target"] as number | undefined,
        basis: String(parsed.data["basis"] ?? ""),
        cell: (key) => t.cell(i, key),
      });
    }
  }
  sheetFindings.push(...checkTargets(targets));

  const s = readSheet(SUBMISSIONS_SHEET, input.submissions);
  const rows: SubmissionRow[] = [];
  for (let i = s.map.headerRow + 1; i < input.submissions.length; i++) {
    const row = input.submissions[i]!;
    if (isBlankRow(row)) continue;
    const raw = rawRow(row, s.map.columns);
    const parsed = parseRow("submission", raw);
    const unit = parsed.data["unit"] as string | undefined;
    const entered = FIGURE_COLUMNS.some((c) => !isBlank(raw[c.key])) || !isBlank(raw["explanation"]);
    const figures: Figures = {};
    for (const c of FIGURE_COLUMNS) {
      const v = parsed.data[c.key];
      if (typeof v === "number") figures[c.key] = v;
    }
    rows.push({
      row: i + 1,
      period: parsed.data["period"] as Period | undefined,
      unit,
      figures,
      explanation: String(parsed.data["explanation"] ?? ""),
      entered,
      cellFindings: parsed.issues.map((issue) =>
        makeFinding(issue.rule, s.cell(i, issue.key), unit ?? "", `"${s.header(issue.key)}" ${issue.message}`)),
    });
  }
  return { units, targets, rows, sheetFindings, submissionColumns: s.map.columns, submissionHeaderRow: s.map.headerRow };
}

function checkTargets(targets: readonly TargetRow[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const t of targets) {
    if (!t.indicator) continue;
    const def = indicatorByCode(t.indicator);
    if (!def) {
      out.push(makeFinding("unknown_indicator", t.cell("indicator"), "",
        `Mã chỉ tiêu "${t.indicator}" không có trong danh mục (${INDICATORS.map((d) => d.code).join(", ")})`, SHEET_TARGETS));
      continue;
    }
    if (def.unit === "rate" && t.target !== undefined && t.target > 1) {
      out.push(makeFinding("bad_target", t.cell("target"), "",
        `Mục tiêu của ${def.code} là ${t.target}, lớn hơn 100%; hãy nhập dạng phần trăm (30%) hoặc phân số (0,3)`, SHEET_TARGETS));
    }
    const key = `${def.code}|${t.year ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.push(makeFinding("duplicate_target", t.cell("indicator"), "",
        `Chỉ tiêu ${def.code}${t.year ? ` năm ${t.year}` : " (không ghi năm)"} đã có ở dòng ${earlier}; dòng này bị bỏ qua`, SHEET_TARGETS));
      continue;
    }
    seen.set(key, t.row);
  }
  return out;
}

export interface UnitEvaluation {
  readonly unit: string;
  readonly name: string;
  readonly kind: string;
  readonly row: number;
  readonly figures: Figures;
  readonly explanation: string;
  readonly indicators: Record<IndicatorCode, IndicatorResult>;
  readonly errors: number;
  readonly warnings: number;
}

export interface Evaluation {
  readonly period: Period;
  readonly district: { readonly indicators: Record<IndicatorCode, IndicatorResult> };
  readonly targets: Record<IndicatorCode, ResolvedTarget | null>;
  readonly units: readonly UnitEvaluation[];
  readonly findings: readonly Finding[];
  /** Codes of active units with no row for the period. */
  readonly missing_units: readonly string[];
  /** Every unit of `Đơn vị`, submitted or not (names for messages and the report). */
  readonly allUnits: readonly Unit[];
}

/** Evaluates one period: validation, each unit's indicators and the district roll-up. */
export function evaluate(wb: Workbook, period: Period): Evaluation {
  const findings: Finding[] = [...wb.sheetFindings];
  const known = new Map(wb.units.map((u) => [u.code, u]));
  const cell = (row: number, key: string) => {
    const c = wb.submissionColumns[key];
    return c === undefined ? null : a1(row, c + 1);
  };
  const taken = new Map<string, SubmissionRow>();
  for (const r of wb.rows) {
    if ((r.period && !samePeriod(r.period, period)) || !r.entered) continue;
    findings.push(...r.cellFindings);
    if (!r.period || !r.unit) continue;
    if (!known.has(r.unit)) {
      findings.push(makeFinding("unknown_unit", cell(r.row, "unit"), r.unit,
        `Mã đơn vị ${r.unit} không có trong trang "${SHEET_UNITS}"`));
      continue;
    }
    const first = taken.get(r.unit);
    if (first) {
      findings.push(makeFinding("duplicate_row", cell(r.row, "unit"), r.unit,
        `Đơn vị ${r.unit} đã có số liệu kỳ ${periodId(period)} ở dòng ${first.row}; dòng này không được tính`));
      continue;
    }
    taken.set(r.unit, r);
    for (const p of crossFieldProblems(r.figures)) {
      findings.push(makeFinding(p.rule, cell(r.row, p.key), r.unit, p.message));
    }
  }

  const targets = {} as Record<IndicatorCode, ResolvedTarget | null>;
  for (const def of INDICATORS) targets[def.code] = resolveTarget(def.code, period.year, wb.targets);

  const missing: string[] = [];
  for (const u of wb.units) {
    if (u.active && !taken.has(u.code)) {
      missing.push(u.code);
      findings.push(makeFinding("missing_submission", null, u.code, `${u.name} (${u.code}) chưa nộp số liệu kỳ ${periodId(period)}`));
    }
  }

  const sorted = sortFindings(findings);
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of sorted) {
    if (f.sheet !== SHEET_SUBMISSIONS || !f.unit) continue;
    const c = counts.get(f.unit) ?? { errors: 0, warnings: 0 };
    if (f.severity === "error") c.errors++;
    else c.warnings++;
    counts.set(f.unit, c);
  }
  const units: UnitEvaluation[] = [];
  for (const u of wb.units) {
    const r = taken.get(u.code);
    if (!r) continue;
    const indicators = {} as Record<IndicatorCode, IndicatorResult>;
    for (const def of INDICATORS) {
      const terms = unitTerms(def, r.figures);
      const target = targets[def.code]?.value ?? null;
      indicators[def.code] = terms
        ? judge(def, terms.num, terms.den, target)
        : { value: null, numerator: 0, denominator: def.unit === "count" ? null : 0, target, met: null, shortfall: null };
    }
    const own = counts.get(u.code);
    units.push({
      unit: u.code, name: u.name, kind: u.kind, row: r.row, figures: r.figures, explanation: r.explanation, indicators,
      errors: own?.errors ?? 0,
      warnings: own?.warnings ?? 0,
    });
  }

  const district = {} as Record<IndicatorCode, IndicatorResult>;
  for (const def of INDICATORS) {
    district[def.code] = rollUp(def, units.map((x) => x.figures), targets[def.code]?.value ?? null);
  }
  return { period, district: { indicators: district }, targets, units, findings: sorted, missing_units: missing, allUnits: wb.units };
}

/** The periods that have rows, newest first. */
export function periodsIn(wb: Workbook): Period[] {
  const seen = new Map<string, Period>();
  for (const r of wb.rows) if (r.period) seen.set(periodId(r.period), r.period);
  return [...seen.values()].sort((a, b) => b.year - a.year || b.quarter - a.quarter);
}

/** SPEC's JSON, exactly: period, district, units, findings, missing_units. */
export function toJson(ev: Evaluation) {
  return {
    period: periodId(ev.period),
    district: { indicators: ev.district.indicators },
    units: ev.units.map((u) => ({ unit: u.unit, name: u.name, indicators: u.indicators })),
    findings: ev.findings.map((f) => ({ severity: f.severity, rule: f.rule, sheet: f.sheet, cell: f.cell, unit: f.unit, message: f.message })),
    missing_units: [...ev.missing_units],
  };
}

export { parsePeriod, submissionColumn };
export type { FigureKey };
