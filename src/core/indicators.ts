/**
 * The indicator catalogue of SPEC, and the arithmetic: a unit's value, the
 * district roll-up (Σ numerators / Σ denominators over the units that have
 * both), shortfall and met.
 */
import type { FigureKey } from "./schema";
import { clean, normalizeKey } from "./text";

export type IndicatorCode =
  | "online_submission_rate"
  | "online_origin_rate"
  | "online_payment_rate"
  | "digitization_rate"
  | "ontime_rate"
  | "apology_rate"
  | "disbursement_rate"
  | "digital_signature_rate"
  | "electronic_records_rate"
  | "overdue_dossiers";

export type Direction = ">=" | "<=";

export interface IndicatorDef {
  readonly code: IndicatorCode;
  /** Name of the custom function computing it. */
  readonly fn: string;
  readonly name: string;
  /** Summed for the numerator (for a count indicator: the value). */
  readonly numerator: readonly FigureKey[];
  /** Summed for the denominator; empty for a count indicator. */
  readonly denominator: readonly FigureKey[];
  readonly better: "higher" | "lower";
  readonly unit: "rate" | "count";
  /** "count" fields must be whole numbers; "amount" fields may have decimals. */
  readonly valueKind: "count" | "amount";
  /** The Vietnamese terms used in messages for numerator and denominator. */
  readonly terms: readonly [string, string];
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    code: "online_submission_rate", fn: "ONLINE_RATE", name: "Tỷ lệ hồ sơ nộp trực tuyến",
    numerator: ["received_online"], denominator: ["online_service_dossiers"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số hồ sơ nhận trực tuyến", "số hồ sơ của TTHC có DVC trực tuyến"],
  },
  {
    code: "online_origin_rate", fn: "ONLINE_ORIGIN_RATE", name: "Tỷ lệ hồ sơ phát sinh trực tuyến",
    numerator: ["received_online"], denominator: ["received_online", "received_direct"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số hồ sơ nhận trực tuyến", "số hồ sơ nhận trong kỳ"],
  },
  {
    code: "online_payment_rate", fn: "ONLINE_PAYMENT_RATE", name: "Tỷ lệ thanh toán trực tuyến",
    numerator: ["paid_online"], denominator: ["fee_dossiers"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số hồ sơ thanh toán trực tuyến", "số hồ sơ có phí, lệ phí"],
  },
  {
    code: "digitization_rate", fn: "DIGITIZATION_RATE", name: "Tỷ lệ số hóa hồ sơ",
    numerator: ["digitized"], denominator: ["received_online", "received_direct"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số hồ sơ được số hóa", "số hồ sơ nhận trong kỳ"],
  },
  {
    code: "ontime_rate", fn: "ONTIME_RATE", name: "Tỷ lệ giải quyết đúng hạn",
    numerator: ["resolved_early", "resolved_ontime"], denominator: ["resolved_early", "resolved_ontime", "resolved_late"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số hồ sơ giải quyết trước và đúng hạn", "số hồ sơ đã giải quyết"],
  },
  {
    code: "apology_rate", fn: "APOLOGY_RATE", name: "Tỷ lệ xin lỗi hồ sơ trễ hạn",
    numerator: ["apologies"], denominator: ["resolved_late", "pending_overdue"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số phiếu xin lỗi", "số hồ sơ trễ hạn"],
  },
  {
    code: "disbursement_rate", fn: "DISBURSEMENT_RATE", name: "Tỷ lệ giải ngân vốn đầu tư công",
    numerator: ["investment_disbursed"], denominator: ["investment_plan"],
    better: "higher", unit: "rate", valueKind: "amount",
    terms: ["vốn đã giải ngân", "kế hoạch vốn"],
  },
  {
    code: "digital_signature_rate", fn: "DIGITAL_SIGNATURE_RATE", name: "Tỷ lệ văn bản ký số",
    numerator: ["documents_signed"], denominator: ["documents_issued"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số văn bản được ký số", "số văn bản đi"],
  },
  {
    code: "electronic_records_rate", fn: "E_RECORDS_RATE", name: "Tỷ lệ hồ sơ công việc điện tử",
    numerator: ["work_records_electronic"], denominator: ["work_records"],
    better: "higher", unit: "rate", valueKind: "count",
    terms: ["số hồ sơ công việc điện tử", "số hồ sơ công việc"],
  },
  {
    code: "overdue_dossiers", fn: "OVERDUE_COUNT", name: "Số hồ sơ trễ hạn",
    numerator: ["resolved_late", "pending_overdue"], denominator: [],
    better: "lower", unit: "count", valueKind: "count",
    terms: ["số hồ sơ trễ hạn", ""],
  },
];

/**
 * An indicator by its code ("online_payment_rate"), and, as clerks may write
 * in `Chỉ tiêu`, by its Vietnamese name ("Tỷ lệ thanh toán trực tuyến") or
 * its function's name ("ONLINE_PAYMENT_RATE"), ignoring case and diacritics.
 */
export function indicatorByCode(code: string): IndicatorDef | undefined {
  const key = normalizeKey(code);
  return INDICATORS.find((d) => normalizeKey(d.code) === key || normalizeKey(d.name) === key || normalizeKey(d.fn) === key);
}

export function directionOf(def: IndicatorDef): Direction {
  return def.better === "higher" ? ">=" : "<=";
}

/** How far a value is from its target; 0 when met. */
export function shortfall(value: number, target: number, direction: Direction): number {
  const gap = direction === ">=" ? target - value : value - target;
  return Math.max(0, clean(gap));
}

export function meets(value: number, target: number, direction: Direction): boolean {
  return shortfall(value, target, direction) === 0;
}

/** One indicator's figures, as SPEC's JSON shows them. */
export interface IndicatorResult {
  value: number | null;
  numerator: number;
  denominator: number | null;
  target: number | null;
  met: boolean | null;
  shortfall: number | null;
}

/** A unit's figures: a number per field, or undefined when blank or unreadable. */
export type Figures = Partial<Record<FigureKey, number>>;

function sumFields(fig: Figures, keys: readonly FigureKey[]): number | undefined {
  let s = 0;
  for (const k of keys) {
    const v = fig[k];
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** Numerator and denominator of a unit, or undefined when a field is missing. */
export function unitTerms(def: IndicatorDef, fig: Figures): { num: number; den: number | null } | undefined {
  const num = sumFields(fig, def.numerator);
  if (num === undefined) return undefined;
  if (def.unit === "count") return { num, den: null };
  const den = sumFields(fig, def.denominator);
  return den === undefined ? undefined : { num, den };
}

/** Value from summed terms: a rate is blank for a zero denominator. */
export function valueOf(def: IndicatorDef, num: number, den: number | null): number | null {
  if (def.unit === "count") return num;
  return den === null || den === 0 ? null : num / den;
}

export function judge(def: IndicatorDef, num: number, den: number | null, target: number | null): IndicatorResult {
  const value = valueOf(def, num, den);
  const judged = value !== null && target !== null;
  const dir = directionOf(def);
  return {
    value,
    numerator: num,
    denominator: def.unit === "count" ? null : den ?? 0,
    target,
    met: judged ? meets(value, target, dir) : null,
    shortfall: judged ? shortfall(value, target, dir) : null,
  };
}

/** Σ numerators / Σ denominators over the units that have both. */
export function rollUp(def: IndicatorDef, units: readonly Figures[], target: number | null): IndicatorResult {
  let num = 0;
  let den = 0;
  for (const fig of units) {
    const t = unitTerms(def, fig);
    if (!t) continue;
    num += t.num;
    den += t.den ?? 0;
  }
  return judge(def, num, def.unit === "count" ? null : den, target);
}
