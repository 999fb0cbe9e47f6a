/**
 * From the values of the three sheets to SPEC's evaluation of one period:
 * findings, each unit's indicators, the total and the missing units.
 */
import { INDICATORS, fieldsOf, findIndicator, type IndicatorCode, type IndicatorDef } from "./catalogue";
import { judge, noData, sumAt, type Figures, type IndicatorResult } from "./indicators";
import { a1 } from "./a1";
import {
  compareDay,
  dayOfCell,
  periodBounds,
  periodId,
  periodKey,
  periodOfKey,
  periodLabel,
  periodWords,
  parsePeriod,
  previousPeriod,
  quartersOf,
  isoDay,
  localDay,
  vnDay,
  yearAgo,
  type Day,
  type Period,
  type PeriodRule,
} from "./period";
import {
  figureAt,
  openSheet,
  periodRows,
  readRows,
  readSubmissions,
  UNREADABLE,
  unitCode,
  type RowBlock,
  type SubmissionTable,
  type Values,
} from "./read";
import { parseRow, readCheckbox, readText } from "./rows";
import { describeValue, isDate } from "./text";
import { isBlank } from "./cells";
import type { ReportSettings } from "./settings";
import { checkRules, ruleCell, ruleFields, type RuleFailure } from "./rules";
import {
  FIGURE_KEYS,
  SHEET_SUBMISSIONS,
  SHEET_TARGETS,
  SHEET_UNITS,
  TARGETS_SHEET,
  UNITS_SHEET,
  figureIndex,
  type FigureKey,
} from "./schema";
import { resolveTarget, type ResolvedTarget, type TargetRow } from "./targets";
import { failureFinding, makeFinding, sortFindings, type Finding } from "./validation";

export type { Values };

export interface WorkbookValues {
  /** `Đơn vị`, as getDataRange().getValues() gives it (starting at A1). */
  readonly units: Values;
  /** `Chỉ tiêu`, or null when the sheet does not exist (built-in targets apply). */
  readonly targets: Values | null;
  /** `Số liệu`. */
  readonly submissions: Values;
  /** A Date cell's calendar day (in Sheets: in the spreadsheet's time zone); the runtime's fields by default. */
  readonly dayOf?: (d: Date) => Day;
  /** The settings' period rule, for a `Kỳ báo cáo` cell that holds a date or a month ("15-14" by default). */
  readonly periodRule?: PeriodRule;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly editors: string;
  readonly active: boolean;
  /** Codes this unit was merged into (several: it was split); empty when it was not. */
  readonly successors: readonly string[];
  /** The day the merger took effect, or null. */
  readonly mergedOn: Day | null;
  /** 1-based sheet row. */
  readonly row: number;
}

export interface Workbook {
  readonly units: readonly Unit[];
  readonly targets: readonly TargetRow[];
  readonly submissions: SubmissionTable;
  /** Findings about `Đơn vị` and `Chỉ tiêu`, reported with every period. */
  readonly sheetFindings: readonly Finding[];
  /** Per successor code, the units merged into it. */
  readonly predecessors: ReadonlyMap<string, readonly Unit[]>;
  /** 0-based column of each submission field found, for A1 cells and highlighting. */
  readonly submissionColumns: Partial<Record<string, number>>;
  readonly submissionHeaderRow: number;
}

/** Reads and checks every row of the three sheets once. Throws SchemaError when a sheet cannot be used. */
export function readWorkbook(input: WorkbookValues): Workbook {
  const sheetFindings: Finding[] = [];

  const u = openSheet(UNITS_SHEET, input.units);
  const dayOf = input.dayOf ?? localDay;
  const units: Unit[] = [];
  const seenUnits = new Map<string, number>();
  // Read by hand, not with a schema per row: a province has a few hundred units, a test workbook thousands.
  const col = u.map.columns;
  for (const i of u.dataRows(input.units)) {
    const cells = input.units[i]!;
    const at = (key: keyof typeof col) => (col[key] === undefined ? "" : cells[col[key]!]);
    const code = readText(at("code")).toUpperCase();
    const active = col.active === undefined ? true : readCheckbox(at("active"));
    if (active === null) {
      sheetFindings.push(
        makeFinding(
          "bad_checkbox",
          u.cell(i, "active"),
          code,
          `"${u.header("active")}" không phải ô đánh dấu (${describeValue(at("active"))})`,
          SHEET_UNITS,
        ),
      );
    }
    if (!code) continue;
    const earlier = seenUnits.get(code);
    if (earlier !== undefined) {
      sheetFindings.push(
        makeFinding(
          "duplicate_unit",
          u.cell(i, "code"),
          code,
          `Mã đơn vị ${code} trùng với dòng ${earlier}; dòng này bị bỏ qua`,
          SHEET_UNITS,
        ),
      );
      continue;
    }
    seenUnits.set(code, i + 1);
    const successors = [
      ...new Set(
        readText(at("successors"))
          .split(/[,;\s]+/)
          .map(unitCode)
          .filter(Boolean),
      ),
    ];
    const rawDate = at("merged_on");
    const mergedOn = readDay(rawDate, dayOf);
    if (successors.length && !mergedOn) {
      const what = isBlank(rawDate) ? "chưa nhập" : `không đọc được (${describeValue(rawDate)})`;
      sheetFindings.push(
        makeFinding(
          "merger_without_date",
          u.cell(i, "merged_on") ?? u.cell(i, "successors"),
          code,
          `Đơn vị ${code} sáp nhập vào ${successors.join(", ")} nhưng ô "${u.header("merged_on")}" ${what}; hãy ghi ngày, ví dụ 01/07/2025`,
          SHEET_UNITS,
        ),
      );
    }
    units.push({
      code,
      name: readText(at("name")) || code,
      kind: readText(at("kind")),
      editors: readText(at("editors")),
      active: active !== false,
      successors,
      mergedOn: successors.length ? mergedOn : null,
      row: i + 1,
    });
  }
  const { predecessors, findings: mergerFindings } = checkMergers(units, u);
  sheetFindings.push(...mergerFindings);

  const targets: TargetRow[] = [];
  if (input.targets) {
    const t = openSheet(TARGETS_SHEET, input.targets);
    for (const i of t.dataRows(input.targets)) {
      const parsed = parseRow("target", rowObject(input.targets[i]!, t.map.columns));
      for (const issue of parsed.issues) {
        sheetFindings.push(makeFinding(issue.rule, t.cell(i, issue.key), null, `"${t.header(issue.key)}" ${issue.message}`, SHEET_TARGETS));
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

  const submissions = readSubmissions(input.submissions, dayOf, input.periodRule);
  return {
    units,
    targets,
    submissions,
    sheetFindings,
    predecessors,
    submissionColumns: submissions.sheet.map.columns,
    submissionHeaderRow: submissions.sheet.map.headerRow,
  };
}

function rowObject(row: readonly unknown[], columns: Partial<Record<string, number>>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key in columns) raw[key] = row[columns[key]!] ?? "";
  return raw;
}

/** A day in a cell: a Date, a date serial, "01/07/2025" or "2025-07-01"; null when blank or unreadable. */
function readDay(v: unknown, dayOf: (d: Date) => Day): Day | null {
  if (isBlank(v)) return null;
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : dayOf(v);
  const d = dayOfCell(v);
  return typeof d === "string" ? null : d;
}

/**
 * The mergers of `Đơn vị`: successors that are not in the sheet, a unit
 * merged into itself, cycles. Returns the units merged into each successor.
 */
function checkMergers(units: readonly Unit[], sheet: { cell(row: number, key: string): string | null }) {
  const findings: Finding[] = [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const predecessors = new Map<string, Unit[]>();
  const cell = (u: Unit) => sheet.cell(u.row - 1, "successors");
  for (const u of units) {
    for (const s of u.successors) {
      if (s === u.code) {
        findings.push(makeFinding("merger_cycle", cell(u), u.code, `Đơn vị ${u.code} ghi sáp nhập vào chính nó`, SHEET_UNITS));
      } else if (!byCode.has(s)) {
        findings.push(
          makeFinding(
            "unknown_successor",
            cell(u),
            u.code,
            `Đơn vị ${u.code} sáp nhập vào mã ${s}, mã này không có trong trang "${SHEET_UNITS}"`,
            SHEET_UNITS,
          ),
        );
      } else {
        const list = predecessors.get(s);
        if (list) list.push(u);
        else predecessors.set(s, [u]);
      }
    }
  }
  // A cycle of mergers (A into B, B into A): each unit on one is reported once.
  const state = new Map<string, 1 | 2>();
  const reported = new Set<string>();
  const visit = (u: Unit, path: Unit[]): void => {
    state.set(u.code, 1);
    for (const s of u.successors) {
      const next = byCode.get(s);
      if (!next || next === u) continue;
      if (state.get(s) === 1) {
        const cycle = [...path.slice(path.findIndex((x) => x.code === s)), u];
        const codes = [...cycle.map((x) => x.code), s];
        for (const x of cycle) {
          if (reported.has(x.code)) continue;
          reported.add(x.code);
          findings.push(makeFinding("merger_cycle", cell(x), x.code, `Sáp nhập vòng tròn: ${codes.join(" → ")}`, SHEET_UNITS));
        }
      } else if (!state.has(s)) visit(next, [...path, u]);
    }
    state.set(u.code, 2);
  };
  for (const u of units) if (!state.has(u.code)) visit(u, []);
  return { predecessors, findings };
}

/** Why a unit is not expected in a period: merged away before it, or not formed yet; null when it is. */
export function notExpected(wb: Workbook, u: Unit, period: Period, rule: PeriodRule): "merged" | "not_formed" | null {
  return expectation(wb, period, rule)(u);
}

/**
 * The test of notExpected for one period, with the period's bounds computed
 * once (evaluate asks it for every unit and every row).
 */
function expectation(wb: Workbook, period: Period, rule: PeriodRule): (u: Unit) => "merged" | "not_formed" | null {
  const last = dayKey(periodBounds(period, rule).end);
  return (u) => {
    if (u.successors.length && u.mergedOn && dayKey(u.mergedOn) <= last) return "merged";
    const from = formedOn(wb, u.code);
    if (from && dayKey(from) > last) return "not_formed";
    return null;
  };
}

/** The earliest day units were merged into this one, or null. */
function formedOn(wb: Workbook, code: string): Day | null {
  let first: Day | null = null;
  for (const p of wb.predecessors.get(code) ?? []) {
    if (p.mergedOn && (!first || dayKey(p.mergedOn) < dayKey(first))) first = p.mergedOn;
  }
  return first;
}

const dayKey = (d: Day) => d[0] * 10000 + d[1] * 100 + d[2];

function checkTargets(targets: readonly TargetRow[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const t of targets) {
    if (!t.indicator) continue;
    const def = findIndicator(t.indicator);
    if (!def) {
      out.push(
        makeFinding(
          "unknown_indicator",
          t.cell("indicator"),
          null,
          `Mã chỉ tiêu "${t.indicator}" không có trong danh mục (${INDICATORS.map((d) => d.code).join(", ")})`,
          SHEET_TARGETS,
        ),
      );
      continue;
    }
    if (def.unit === "rate" && t.target !== undefined && t.target > 1) {
      out.push(
        makeFinding(
          "bad_target",
          t.cell("target"),
          null,
          `Mục tiêu của ${def.code} là ${t.target}, lớn hơn 100%; hãy nhập dạng phần trăm (30%) hoặc phân số (0,3)`,
          SHEET_TARGETS,
        ),
      );
    }
    const key = `${def.code}|${t.year ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.push(
        makeFinding(
          "duplicate_target",
          t.cell("indicator"),
          null,
          `Chỉ tiêu ${def.code}${t.year ? ` năm ${t.year}` : " (không ghi năm)"} đã có ở dòng ${earlier}; dòng này bị bỏ qua`,
          SHEET_TARGETS,
        ),
      );
      continue;
    }
    seen.set(key, t.row);
  }
  return out;
}

export type IndicatorResults = Record<IndicatorCode, IndicatorResult>;

/** One unit's evaluation for a period; its figures stay in the period's columns (no object per unit). */
export class UnitEvaluation {
  constructor(
    readonly unit: string,
    readonly name: string,
    readonly kind: string,
    /** 1-based row of its submission in `Số liệu`. */
    readonly row: number,
    readonly explanation: string,
    readonly indicators: IndicatorResults,
    /** Indicators the unit is left out of because its figures for them failed validation. */
    readonly excluded: ReadonlySet<IndicatorCode>,
    readonly errors: number,
    readonly warnings: number,
    private readonly block: Pick<RowBlock, "fields">,
    private readonly at: number,
  ) {}

  /** A figure of the unit's row, or null when blank or unreadable. */
  figure(key: FigureKey): number | null {
    const v = this.raw(figureIndex(key));
    return v >= 0 ? v : null;
  }

  /** A figure by its index in FIGURE_KEYS as read: ≥ 0, NaN when blank, UNREADABLE (-1). */
  raw(f: number): number {
    return this.block.fields[f]![this.at]!;
  }

  /** Every figure, by key (for tests and exports; the report reads figure()). */
  get figures(): Figures {
    const fig = {} as Figures;
    for (const k of FIGURE_KEYS) fig[k] = this.figure(k);
    return fig;
  }
}

/** An indicator's values in the earlier periods a report compares with; null where there is none. */
export type EarlierValues = {
  readonly previous: Record<IndicatorCode, number | null>;
  readonly yearAgo: Record<IndicatorCode, number | null>;
};

/** The comparisons of a period with the previous quarter (none for a span) and the same quarter or span a year before. */
export interface Comparison {
  readonly previous: Period | null;
  readonly yearAgo: Period;
  /** The total over every unit of the earlier period. */
  readonly total: EarlierValues;
  /** Per unit code: its values with the units merged into it; `split` when it was formed by a split (no comparison). */
  readonly units: ReadonlyMap<string, EarlierValues & { readonly split: boolean }>;
}

export interface Evaluation {
  readonly period: Period;
  /** Set by compare(): the previous quarter and the year before, merged units mapped to their successors. */
  readonly comparison?: Comparison;
  /** The whole reporting body ("toàn tỉnh/xã/huyện"). */
  readonly district: { readonly indicators: IndicatorResults };
  /** Per indicator, the codes of the units left out of the total (figures that failed validation). */
  readonly excludedUnits: Record<IndicatorCode, string[]>;
  readonly targets: Record<IndicatorCode, ResolvedTarget | null>;
  readonly units: readonly UnitEvaluation[];
  readonly findings: readonly Finding[];
  /** Codes of active units with no row for the period. */
  readonly missing_units: readonly string[];
  /** Every unit of `Đơn vị`, submitted or not (names for messages and the report). */
  readonly allUnits: readonly Unit[];
  /** A span: its quarters' own evaluations, in order. */
  readonly quarters?: readonly Evaluation[];
  /** A span: the units that lack a quarter (their own row, or before they were formed a predecessor's). */
  readonly incomplete?: readonly Incomplete[];
  /** A span: units formed partly by a split, whose own figures lack the split unit's quarters (the total has them). */
  readonly splitFrom?: ReadonlyMap<string, readonly string[]>;
}

export interface Incomplete {
  readonly unit: string;
  /** The quarters without a row, as ids ("2025-Q1"). */
  readonly quarters: readonly string[];
  /** The codes whose rows are missing: the unit itself, or the old units it was formed from. */
  readonly lacking: readonly string[];
}

/** Fields per indicator as indices of FIGURE_KEYS, computed once. */
let indicatorFields: { def: IndicatorDef; fields: Int32Array; num: Int32Array; den: Int32Array }[] | null = null;
function compiled() {
  const at = (keys: readonly FigureKey[]) => Int32Array.from(keys, (k) => figureIndex(k));
  indicatorFields ??= INDICATORS.map((def) => ({ def, fields: at(fieldsOf(def)), num: at(def.numerator), den: at(def.denominator) }));
  return indicatorFields;
}

const NONE: ReadonlySet<IndicatorCode> = new Set();

/** Evaluates one period: validation, each unit's indicators and the total. */
export function evaluate(wb: Workbook, period: Period, rule: PeriodRule = "15-14"): Evaluation {
  if (period.span) return evaluateSpan(wb, period, rule);
  const t = wb.submissions;
  const key = periodKey(period);
  // The period's rows, and rows whose period cannot be read (their problems show in every period).
  const b = readRows(t, periodRows(t, key));
  const findings: Finding[] = [...wb.sheetFindings];
  const known = new Map(wb.units.map((u) => [u.code, u]));
  const cell = (k: number, field: string) => t.sheet.cell(b.sheetRow[k]! - 1, field);
  /** Block row taken for each unit. */
  const taken = new Map<string, number>();
  /** Per taken row, the figures that failed (unreadable, blank required or in a failed error rule). */
  const failed = new Map<number, Uint8Array>();
  const nFields = FIGURE_KEYS.length;
  let issue = 0;
  const failures: RuleFailure[] = [];
  let row = 0;
  const get = (f: number) => figureAt(b, f, row);
  const expected = expectation(wb, period, rule);

  for (let k = 0; k < b.length; k++) {
    const r = b.rows[k]!;
    while (issue < b.issues.length && b.issues[issue]!.row < k) issue++;
    if (!b.entered[k]) continue;
    const pk = t.period[r]!;
    const code = b.unit[k]!;
    let bad: Uint8Array | null = null;
    for (let i = issue; i < b.issues.length && b.issues[i]!.row === k; i++) {
      const is = b.issues[i]!;
      const found = makeFinding(is.rule, cell(k, is.key), code, is.message);
      findings.push(found);
      // A warning (a count typed "1.200") keeps the figure; an error leaves it out.
      const f = found.severity === "error" ? FIGURE_KEYS.indexOf(is.key as FigureKey) : -1;
      if (f >= 0) (bad ??= new Uint8Array(nFields))[f] = 1;
    }
    if (pk === -1 || !code) continue;
    const unit = known.get(code);
    if (!unit) {
      findings.push(makeFinding("unknown_unit", cell(k, "unit"), code, `Mã đơn vị ${code} không có trong trang "${SHEET_UNITS}"`));
      continue;
    }
    if (expected(unit) === "merged") {
      findings.push(
        makeFinding(
          "merged_away",
          cell(k, "unit"),
          code,
          `${unit.name} (${code}) đã sáp nhập vào ${unit.successors.join(", ")} từ ngày ${vnDay(unit.mergedOn!)}; ` +
            `số liệu ${periodWords(period)} của đơn vị này không được tính`,
        ),
      );
      continue;
    }
    const first = taken.get(code);
    if (first !== undefined) {
      findings.push(
        makeFinding(
          "duplicate_row",
          cell(k, "unit"),
          code,
          `Đơn vị ${code} đã có số liệu ${periodWords(period)} ở dòng ${b.sheetRow[first]}; dòng này không được tính`,
        ),
      );
      continue;
    }
    taken.set(code, k);
    row = k;
    failures.length = 0;
    for (const f of checkRules(get, failures)) {
      findings.push(failureFinding(f, cell(k, ruleCell(f.rule)), code));
      if (f.rule.severity !== "error") continue;
      bad ??= new Uint8Array(nFields);
      for (const key of ruleFields(f.rule)) bad[figureIndex(key)] = 1;
    }
    if (bad) failed.set(k, bad);
  }

  const targets = {} as Record<IndicatorCode, ResolvedTarget | null>;
  for (const def of INDICATORS) targets[def.code] = resolveTarget(def.code, period.year, wb.targets);

  const missing: string[] = [];
  for (const u of wb.units) {
    if (u.active && !taken.has(u.code) && !expected(u)) {
      missing.push(u.code);
      findings.push(makeFinding("missing_submission", null, u.code, `${u.name} (${u.code}) chưa nộp số liệu ${periodWords(period)}`));
    }
  }

  const sorted = sortFindings(findings);
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of sorted) {
    if (f.sheet !== SHEET_SUBMISSIONS || !f.unit) continue;
    let c = counts.get(f.unit);
    if (!c) counts.set(f.unit, (c = { errors: 0, warnings: 0 }));
    if (f.severity === "error") c.errors++;
    else c.warnings++;
  }

  const plan = compiled();
  const sums = plan.map(() => ({ num: 0, den: 0, counted: 0 }));
  const targetOf = plan.map(({ def }) => targets[def.code]?.value ?? null);
  const excludedUnits = {} as Record<IndicatorCode, string[]>;
  for (const def of INDICATORS) excludedUnits[def.code] = [];
  const units: UnitEvaluation[] = [];
  for (const u of wb.units) {
    const r = taken.get(u.code);
    if (r === undefined) continue;
    row = r;
    const bad = failed.get(r);
    const indicators = {} as IndicatorResults;
    let excluded: Set<IndicatorCode> | null = null;
    for (let i = 0; i < plan.length; i++) {
      const { def, fields, num: numAt, den: denAt } = plan[i]!;
      const target = targetOf[i]!;
      let out = false;
      if (bad) for (let k = 0; k < fields.length; k++) if (bad[fields[k]!]) out = true;
      if (out) {
        (excluded ??= new Set()).add(def.code);
        excludedUnits[def.code].push(u.code);
        indicators[def.code] = noData(target);
        continue;
      }
      const num = sumAt(numAt, get, def.missing);
      const den = def.unit === "count" ? 0 : sumAt(denAt, get, def.missing);
      if (num === null || den === null) {
        indicators[def.code] = noData(target);
        continue;
      }
      indicators[def.code] = countIn(sums[i]!, def, num, den, target);
    }
    const own = counts.get(u.code);
    units.push(
      new UnitEvaluation(
        u.code,
        u.name,
        u.kind,
        b.sheetRow[r]!,
        b.explanation[r]!,
        indicators,
        excluded ?? NONE,
        own?.errors ?? 0,
        own?.warnings ?? 0,
        b,
        r,
      ),
    );
  }

  return {
    period,
    district: { indicators: totalOf(sums, targets) },
    excludedUnits,
    targets,
    units,
    findings: sorted,
    missing_units: missing,
    allUnits: wb.units,
  };
}

type Sum = { num: number; den: number; counted: number };

/** A unit that counts for an indicator: its figures added to the total's sums, and its own result. */
function countIn(s: Sum, def: IndicatorDef, num: number, den: number, target: number | null): IndicatorResult {
  s.num += num;
  s.den += den;
  s.counted++;
  return judge(def, num, def.unit === "count" ? null : den, target);
}

/** The total: Σ numerators / Σ denominators of the units that count, per indicator (in catalogue order). */
function totalOf(sums: readonly Sum[], targets: Record<IndicatorCode, ResolvedTarget | null>): IndicatorResults {
  const out = {} as IndicatorResults;
  INDICATORS.forEach((def, i) => {
    const s = sums[i]!;
    const target = targets[def.code]?.value ?? null;
    out[def.code] = s.counted === 0 ? noData(target) : judge(def, s.num, def.unit === "count" ? null : s.den, target);
  });
  return out;
}

/**
 * A span (6 tháng, 9 tháng, năm; SPEC "Six-month, nine-month and annual
 * reports"): each quarter evaluated as itself, then each unit of the span's
 * end given the sums of its quarters and of the quarters of the units merged
 * into it before it was formed: Σ numerators / Σ denominators of the
 * quarters that count, the unit left out of an indicator when any of its
 * quarters is. The total adds every quarter's units, split units included,
 * so that with no unit left out it is the sum of the quarters' totals.
 */
function evaluateSpan(wb: Workbook, period: Period, rule: PeriodRule): Evaluation {
  const qs = quartersOf(period);
  const quarters = qs.map((q) => evaluate(wb, q, rule));
  const last = dayKey(periodBounds(period, rule).end);
  const byCode = new Map(wb.units.map((u) => [u.code, u]));
  // The unit a row counts for at the span's end: itself, or what it was merged into; "" for a split unit.
  const owner = (code: string, depth = 0): string => {
    const u = byCode.get(code)!;
    if (!u.mergedOn || dayKey(u.mergedOn) > last) return code;
    return u.successors.length > 1 || depth > byCode.size ? "" : owner(u.successors[0]!, depth + 1);
  };
  // Each group: the quarter rows a unit of the span's end adds up, with the quarter of each (for its explanations).
  const groups = new Map<string, { parts: UnitEvaluation[]; labels: string[]; split: boolean }>();
  const splitFrom = new Map<string, string[]>();
  for (const q of quarters)
    for (const ue of q.units) {
      const o = owner(ue.unit);
      const key = o || `\u0000${ue.unit}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { parts: [], labels: [], split: !o }));
      g.parts.push(ue);
      g.labels.push(periodLabel(q.period));
      if (!o) for (const s of byCode.get(ue.unit)!.successors) splitFrom.set(s, [...new Set([...(splitFrom.get(s) ?? []), ue.unit])]);
    }

  const targets = quarters[0]!.targets;
  const excludedUnits = {} as Record<IndicatorCode, string[]>;
  const sums = INDICATORS.map(() => ({ num: 0, den: 0, counted: 0 }));
  const units: UnitEvaluation[] = [];
  const ordered = [...wb.units.map((u) => u.code).filter((c) => groups.has(c)), ...[...groups.keys()].filter((k) => !byCode.has(k))];
  const fields = FIGURE_KEYS.map(() => new Float64Array(ordered.length).fill(NaN));
  ordered.forEach((key, at) => {
    const { parts, labels, split } = groups.get(key)!;
    const indicators = {} as IndicatorResults;
    const excluded = new Set<IndicatorCode>();
    INDICATORS.forEach((def, i) => {
      let num = 0;
      let den = 0;
      let counted = 0;
      for (const ue of parts) {
        const r = ue.indicators[def.code];
        if (ue.excluded.has(def.code)) excluded.add(def.code);
        else if (r.numerator !== null) {
          num += r.numerator;
          den += r.denominator ?? 0;
          counted++;
        }
      }
      const target = targets[def.code]?.value ?? null;
      if (excluded.has(def.code) || !counted) {
        if (excluded.has(def.code)) (excludedUnits[def.code] ??= []).push(parts[0]!.unit);
        indicators[def.code] = noData(target);
        return;
      }
      indicators[def.code] = countIn(sums[i]!, def, num, den, target);
    });
    // The figures (form 06): sums of what was read; unreadable when any quarter's cell was.
    fields.forEach((column, f) => {
      for (const ue of parts) {
        const v = ue.raw(f);
        column[at] = v < 0 || column[at]! < 0 ? UNREADABLE : Number.isNaN(v) ? column[at]! : (column[at]! || 0) + v;
      }
    });
    if (split) return;
    const u = byCode.get(key)!;
    units.push(
      new UnitEvaluation(
        u.code,
        u.name,
        u.kind,
        parts[parts.length - 1]!.row,
        parts
          .map((ue, k) =>
            ue.explanation.trim() ? `${labels[k]}${ue.unit === u.code ? "" : ` (${ue.name})`}: ${ue.explanation.trim()}` : "",
          )
          .filter(Boolean)
          .join("; "),
        indicators,
        excluded,
        parts.reduce((a, ue) => a + ue.errors, 0),
        parts.reduce((a, ue) => a + ue.warnings, 0),
        { fields },
        at,
      ),
    );
  });
  for (const def of INDICATORS) excludedUnits[def.code] ??= [];

  // Completeness: every quarter of every unit of the span's end, or of the units it was formed from.
  const expected = qs.map((q) => expectation(wb, q, rule));
  const has = quarters.map((q) => new Set(q.units.map((u) => u.unit)));
  const lacking = (code: string, i: number, depth = 0): string[] => {
    const why = expected[i]!(byCode.get(code)!);
    if (why === "merged" || depth > byCode.size) return [];
    if (!why) return has[i]!.has(code) ? [] : [code];
    return (wb.predecessors.get(code) ?? []).flatMap((p) => lacking(p.code, i, depth + 1));
  };
  const findings = new Map<string, Finding>();
  // The quarters' findings once each; a quarter's "chưa nộp" is said for the span instead (incomplete, or not submitted at all).
  for (const q of quarters)
    for (const f of q.findings) if (f.rule !== "missing_submission") findings.set(`${f.rule}|${f.cell}|${f.unit}|${f.message}`, f);
  const incomplete: Incomplete[] = [];
  const missing: string[] = [];
  for (const u of wb.units) {
    if (!groups.has(u.code) && !(u.active && !expected[qs.length - 1]!(u))) continue;
    const gaps = qs.map((_, i) => lacking(u.code, i));
    const quartersMissing = qs.filter((_, i) => gaps[i]!.length).map(periodId);
    if (!groups.has(u.code)) {
      missing.push(u.code);
      findings.set(
        u.code,
        makeFinding("missing_submission", null, u.code, `${u.name} (${u.code}) chưa nộp số liệu ${periodWords(period)}`),
      );
    } else if (quartersMissing.length) {
      const item = { unit: u.code, quarters: quartersMissing, lacking: [...new Set(gaps.flat())] };
      incomplete.push(item);
      findings.set(`incomplete|${u.code}`, makeFinding("incomplete_span", null, u.code, incompleteText(item, period, byCode)));
    }
  }
  return {
    period,
    district: { indicators: totalOf(sums, targets) },
    excludedUnits,
    targets,
    units,
    findings: sortFindings([...findings.values()]),
    missing_units: missing,
    allUnits: wb.units,
    quarters,
    incomplete,
    splitFrom,
  };
}

/** "Phường Đông Hà (DONGHA) chưa đủ số liệu năm 2025: thiếu quý I năm 2025 (chưa nộp: Phường 1, Phường 2)". */
export function incompleteText(item: Incomplete, period: Period, units: ReadonlyMap<string, Unit>): string {
  const name = (c: string) => units.get(c)?.name ?? c;
  const others = item.lacking.filter((c) => c !== item.unit);
  return (
    `${name(item.unit)} (${item.unit}) chưa đủ số liệu ${periodWords(period)}: thiếu ` +
    item.quarters.map((id) => periodWords(parsePeriod(id)!)).join(", ") +
    (others.length ? ` (chưa nộp: ${others.map(name).join(", ")})` : "")
  );
}

/** The periods that have rows, newest first. */
export function periodsIn(wb: Workbook): Period[] {
  const keys = new Set<number>();
  const p = wb.submissions.period;
  for (let r = 0; r < p.length; r++) if (p[r]! >= 0) keys.add(p[r]!);
  return [...keys].sort((a, b) => b - a).map(periodOfKey);
}

/** Whether a period (any quarter of a span) has any row. */
function hasRows(wb: Workbook, p: Period): boolean {
  return quartersOf(p).some((q) => wb.submissions.byPeriod.has(periodKey(q)));
}

function noValues(): Record<IndicatorCode, number | null> {
  const out = {} as Record<IndicatorCode, number | null>;
  for (const d of INDICATORS) out[d.code] = null;
  return out;
}

/**
 * A unit's values in an earlier period: its own figures and those of the
 * units merged into it (a single successor), Σ numerators / Σ denominators;
 * `split` when a unit that existed then was split among several successors.
 */
function unitEarlier(wb: Workbook, code: string, earlier: Evaluation, rule: PeriodRule, units: ReadonlyMap<string, UnitEvaluation>) {
  const parts: UnitEvaluation[] = [];
  let split = false;
  const seen = new Set<string>();
  const walk = (c: string) => {
    if (seen.has(c)) return;
    seen.add(c);
    const own = units.get(c);
    if (own) parts.push(own);
    for (const p of wb.predecessors.get(c) ?? []) {
      // Only units that still existed in the earlier period matter.
      if (!p.mergedOn || compareDay(p.mergedOn, earlier.period, rule) <= 0) continue;
      if (p.successors.length > 1) split = true;
      else walk(p.code);
    }
  };
  walk(code);
  const values = noValues();
  if (!split) {
    for (const d of INDICATORS) {
      let num = 0;
      let den = 0;
      let counted = 0;
      for (const u of parts) {
        const r = u.indicators[d.code];
        if (r.numerator === null || u.excluded.has(d.code)) continue;
        num += r.numerator;
        den += r.denominator ?? 0;
        counted++;
      }
      values[d.code] = counted === 0 ? null : d.unit === "count" ? num : den === 0 ? null : num / den;
    }
  }
  return { previous: values, split };
}

/**
 * Evaluates a period with its comparisons: the previous quarter and the same
 * quarter of the previous year, for the total (over every unit of that
 * period) and for each unit (with the units merged into it).
 */
export function evaluateWithComparisons(wb: Workbook, period: Period, rule: PeriodRule = "15-14"): Evaluation {
  const ev = evaluate(wb, period, rule);
  // A span compares with the same span a year before only (SPEC).
  const prevP = period.span ? null : previousPeriod(period);
  const agoP = yearAgo(period);
  const prev = prevP && hasRows(wb, prevP) ? evaluate(wb, prevP, rule) : null;
  const ago = hasRows(wb, agoP) ? evaluate(wb, agoP, rule) : null;
  const totalOf = (e: Evaluation | null) => {
    const out = noValues();
    if (e) for (const d of INDICATORS) out[d.code] = e.district.indicators[d.code].value;
    return out;
  };
  const byCode = (e: Evaluation | null) => new Map((e?.units ?? []).map((u) => [u.unit, u]));
  const prevUnits = byCode(prev);
  const agoUnits = byCode(ago);
  const units = new Map<string, EarlierValues & { split: boolean }>();
  for (const u of ev.units) {
    const p = prev ? unitEarlier(wb, u.unit, prev, rule, prevUnits) : { previous: noValues(), split: false };
    const a = ago ? unitEarlier(wb, u.unit, ago, rule, agoUnits) : { previous: noValues(), split: false };
    units.set(u.unit, {
      previous: p.previous,
      yearAgo: a.previous,
      split: p.split || a.split || !!ev.splitFrom?.has(u.unit) || !!ago?.splitFrom?.has(u.unit),
    });
  }
  return { ...ev, comparison: { previous: prevP, yearAgo: agoP, total: { previous: totalOf(prev), yearAgo: totalOf(ago) }, units } };
}

/** SPEC's JSON: period and its bounds, the body, the total (and "district" for older readers), units, findings, missing units. */
export function toJson(ev: Evaluation, settings?: Pick<ReportSettings, "level" | "name" | "periodRule">) {
  const rule = settings?.periodRule ?? "15-14";
  const bounds = periodBounds(ev.period, rule);
  const byCode = <T>(f: (code: IndicatorCode) => T) => {
    const out = {} as Record<IndicatorCode, T>;
    for (const d of INDICATORS) out[d.code] = f(d.code);
    return out;
  };
  const cmp = ev.comparison;
  const total = {
    indicators: byCode((c) => ({
      ...ev.district.indicators[c],
      previous: cmp?.total.previous[c] ?? null,
      year_ago: cmp?.total.yearAgo[c] ?? null,
      excluded_units: [...ev.excludedUnits[c]],
    })),
  };
  return {
    period: periodId(ev.period),
    period_start: isoDay(bounds.start),
    period_end: isoDay(bounds.end),
    body: { level: settings?.level ?? null, name: settings?.name ?? null },
    total,
    district: total,
    units: ev.units.map((u) => {
      const earlier = cmp?.units.get(u.unit);
      return {
        unit: u.unit,
        name: u.name,
        ...(earlier?.split ? { comparison_note: "không so sánh được do chia tách" } : {}),
        indicators: byCode((c) => {
          // Written out, not spread: 3,000 units × 13 indicators, and a spread of each result was most of toJson's time.
          const r = u.indicators[c];
          return {
            value: r.value,
            numerator: r.numerator,
            denominator: r.denominator,
            target: r.target,
            met: r.met,
            shortfall: r.shortfall,
            previous: earlier?.previous[c] ?? null,
            year_ago: earlier?.yearAgo[c] ?? null,
            excluded: u.excluded.has(c),
          };
        }),
      };
    }),
    findings: ev.findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      sheet: f.sheet,
      cell: f.cell,
      unit: f.unit || null,
      message: f.message,
    })),
    missing_units: [...ev.missing_units],
    ...(ev.incomplete ? { incomplete_units: ev.incomplete } : {}),
  };
}

/**
 * Why a period has nothing to report: no unit submitted, or (never said
 * falsely) rows whose `Kỳ báo cáo` cannot be read, named by their cells.
 */
export function noRowsMessage(wb: Workbook, period: Period): string {
  const t = wb.submissions;
  const bad = t.byPeriod.get(-1) ?? [];
  const words = periodWords(period);
  if (!bad.length) return `Kỳ ${words} chưa có đơn vị nào nộp số liệu; không tạo báo cáo.`;
  const col = t.sheet.map.columns.period!;
  const cells = bad.slice(0, 5).map((r) => `${SHEET_SUBMISSIONS}!${a1(t.index[r]! + 1, col + 1)}`);
  return (
    `Kỳ ${words} chưa có dòng nào đọc được; ${bad.length} dòng có ô "${t.sheet.header("period")}" không đọc được ` +
    `(${cells.join(", ")}${bad.length > 5 ? ", …" : ""}): hãy ghi kỳ dạng ${periodId(quartersOf(period).pop()!)} rồi tạo lại báo cáo; không tạo báo cáo.`
  );
}
