/**
 * The validation rules that relate the fields of one row, in ONE shape (as
 * DHIS2 keeps its validation rules): a left side, an operator, a right side,
 * a severity and what a missing value means. The form 06 totals are defined
 * once here (FORM06_TOTALS) and give both their rules and the report's form 06
 * table; each indicator's "numerator ≤ denominator" rule comes from the catalogue.
 */
import { INDICATORS, type MissingStrategy, type Severity } from "./catalogue";
import { sumAt } from "./indicators";
import { fieldLabel, figureIndex, formList, submissionColumn, type FigureKey } from "./schema";
import { formatNumber } from "./text";

export type Operator = "==" | "<=";

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly left: readonly FigureKey[];
  readonly operator: Operator;
  readonly right: readonly FigureKey[];
  /** A blank optional total is not checked: every rule here skips a side with a missing field. */
  readonly missing: MissingStrategy;
  /** What the rule checks, for the sidebar's help and README. */
  readonly text: string;
  /** Words for a side of several fields ("số hồ sơ trễ hạn"). */
  readonly leftLabel?: string;
  readonly rightLabel?: string;
}

/** A form 06/VPCP/KSTT total and its parts: (3) = (4)+(5)+(6)... */
export interface Form06Total {
  readonly rule: string;
  readonly total: FigureKey;
  readonly parts: readonly FigureKey[];
}

export const FORM06_TOTALS: readonly Form06Total[] = [
  { rule: "received_total", total: "received_total", parts: ["received_online", "received_direct", "received_carried"] },
  { rule: "resolved_total", total: "resolved_total", parts: ["resolved_early", "resolved_ontime", "resolved_late"] },
  { rule: "pending_total", total: "pending_total", parts: ["pending_within", "pending_overdue"] },
];

const partsOf = (total: FigureKey) => FORM06_TOTALS.find((t) => t.total === total)!.parts;

/** Rules that no indicator implies. */
const OTHER_RULES: readonly Rule[] = [
  {
    id: "received_balance",
    severity: "error",
    missing: "skipIfAnyMissing",
    left: partsOf("received_total"),
    operator: "==",
    right: [...partsOf("resolved_total"), ...partsOf("pending_total")],
    leftLabel: "số hồ sơ nhận",
    rightLabel: "số đã và đang giải quyết",
    text: "(4)+(5)+(6) = (8)+(9)+(10)+(12)+(13)",
  },
];

function boundText(left: readonly FigureKey[], right: readonly FigureKey[], severity: Severity, rightLabel: string): string {
  const l = submissionColumn(left[0]!).header;
  const r = right.length === 1 ? submissionColumn(right[0]!).header.toLowerCase() : `${rightLabel} ${formList(right)}`;
  return severity === "warning" ? `${l} lớn hơn ${r}` : `${l} ≤ ${r}`;
}

let table: readonly Rule[] | null = null;

/** THE rule table: form 06 sums, the balance, and each indicator's bound. Built on first use. */
export function rules(): readonly Rule[] {
  table ??= [
    ...FORM06_TOTALS.map(
      (t): Rule => ({
        id: t.rule,
        severity: "error",
        missing: "skipIfAnyMissing",
        left: [t.total],
        operator: "==",
        right: t.parts,
        text: `${formList([t.total])} = ${formList(t.parts)}`,
      }),
    ),
    ...OTHER_RULES,
    ...INDICATORS.flatMap((d): Rule[] => {
      if (!("bound" in d) || !d.bound) return [];
      return [
        {
          id: d.bound.rule,
          severity: d.bound.severity,
          missing: "skipIfAnyMissing",
          left: d.numerator,
          operator: "<=",
          right: d.denominator,
          rightLabel: d.terms[1],
          text: boundText(d.numerator, d.denominator, d.bound.severity, d.terms[1]),
        },
      ];
    }),
  ];
  return table;
}

/** The table with each side as indices of FIGURE_KEYS, for the per-row loop. */
let compiled: { rule: Rule; left: Int32Array; right: Int32Array }[] | null = null;
function compiledRules() {
  compiled ??= rules().map((rule) => ({
    rule,
    left: Int32Array.from(rule.left, (k) => figureIndex(k)),
    right: Int32Array.from(rule.right, (k) => figureIndex(k)),
  }));
  return compiled;
}

/** A rule that fails on a row, with both sides' values kept as data. */
export interface RuleFailure {
  readonly rule: Rule;
  readonly left: number;
  readonly right: number;
}

/** Checks every rule against one row; `get` gives a field's value by its index in FIGURE_KEYS, or NaN when missing. */
export function checkRules(get: (figure: number) => number, out: RuleFailure[] = []): RuleFailure[] {
  for (const c of compiledRules()) {
    const rule = c.rule;
    const left = sumAt(c.left, get, rule.missing);
    if (left === null) continue;
    const right = sumAt(c.right, get, rule.missing);
    if (right === null) continue;
    const holds = rule.operator === "==" ? left === right : left <= right;
    if (!holds) out.push({ rule, left, right });
  }
  return out;
}

const AMOUNT_SUFFIX = / \(triệu đồng\)$/;

/** "Nhận trực tuyến (4) (45)", "Vốn đã giải ngân (1.200 triệu đồng)", "số hồ sơ trễ hạn (10)+(13) = 7". */
function side(keys: readonly FigureKey[], value: number, label: string | undefined): string {
  if (keys.length === 1) {
    const col = submissionColumn(keys[0]!);
    if (AMOUNT_SUFFIX.test(col.header)) return `${col.header.replace(AMOUNT_SUFFIX, "")} (${formatNumber(value)} triệu đồng)`;
    return `${fieldLabel(keys[0]!)} (${formatNumber(value)})`;
  }
  return `${label ?? ""} ${formList(keys)} = ${formatNumber(value)}`.trim();
}

/** The Vietnamese message of a failed rule, naming both sides and their values. */
export function failureMessage(f: RuleFailure): string {
  const { rule } = f;
  if (rule.operator === "==" && rule.left.length === 1) {
    return `${fieldLabel(rule.left[0]!)} là ${formatNumber(f.left)}, khác ${side(rule.right, f.right, rule.rightLabel)}`;
  }
  const l = side(rule.left, f.left, rule.leftLabel);
  const r = side(rule.right, f.right, rule.rightLabel);
  const text = rule.operator === "==" ? `${l} khác ${r}` : `${l} lớn hơn ${r}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field whose cell a finding of this rule points at: the first of the left side. */
export function ruleCell(rule: Rule): FigureKey {
  return rule.left[0]!;
}

/** Every field a rule reads. */
export function ruleFields(rule: Rule): readonly FigureKey[] {
  return [...rule.left, ...rule.right];
}
