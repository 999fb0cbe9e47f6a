/**
 * The arithmetic of indicators: a unit's terms under the indicator's
 * missing-value strategy, the roll-up (Σ numerators / Σ denominators over the
 * units that count), shortfall and met. What an indicator is lives in catalogue.ts.
 */
import type { IndicatorDef, MissingStrategy } from "./catalogue";
import { FIGURE_KEYS, figureIndex, type FigureKey } from "./schema";
import { clean } from "./text";

export type Direction = ">=" | "<=";

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
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  met: boolean | null;
  shortfall: number | null;
}

/**
 * A unit's figures: every field present, in one fixed order (so that V8 keeps
 * one shape for all of them), null when blank or unreadable.
 */
export type Figures = Record<FigureKey, number | null>;

/**
 * THE sum under a missing-value strategy: the fields given by their index in
 * FIGURE_KEYS, each read by `get` (NaN when missing); null when the side is
 * skipped. Rules, indicators and roll-ups all add up through here.
 */
export function sumAt(fields: ArrayLike<number>, get: (figure: number) => number, missing: MissingStrategy): number | null {
  let s = 0;
  let present = 0;
  for (let i = 0; i < fields.length; i++) {
    const v = get(fields[i]!);
    if (!Number.isNaN(v)) {
      s += v;
      present++;
    } else if (missing === "skipIfAnyMissing") {
      return null;
    }
  }
  return present === 0 && missing !== "neverSkip" ? null : s;
}

/** The sum of some fields by key; `get` gives a field's value, or NaN when it is missing. */
export function sideSum(keys: readonly FigureKey[], get: (key: FigureKey) => number, missing: MissingStrategy): number | null {
  return sumAt(
    keys.map((k) => figureIndex(k)),
    (f) => get(FIGURE_KEYS[f]!),
    missing,
  );
}

const fromFigures = (fig: Partial<Record<FigureKey, number | null>>) => (k: FigureKey) => fig[k] ?? NaN;

/** Numerator and denominator of a unit, or null when the indicator's strategy leaves it out. */
export function unitTerms(def: IndicatorDef, fig: Partial<Record<FigureKey, number | null>>): { num: number; den: number | null } | null {
  const get = fromFigures(fig);
  const num = sideSum(def.numerator, get, def.missing);
  if (num === null) return null;
  if (def.unit === "count") return { num, den: null };
  const den = sideSum(def.denominator, get, def.missing);
  return den === null ? null : { num, den };
}

/** Value from summed terms: a rate is blank for a zero denominator. */
export function valueFrom(def: IndicatorDef, num: number, den: number | null): number | null {
  if (def.unit === "count") return num;
  return den === null || den === 0 ? null : num / den;
}

export function judge(def: IndicatorDef, num: number, den: number | null, target: number | null): IndicatorResult {
  const value = valueFrom(def, num, den);
  const judged = value !== null && target !== null;
  const dir = directionOf(def);
  return {
    value,
    numerator: num,
    denominator: def.unit === "count" ? null : (den ?? 0),
    target,
    met: judged ? meets(value, target, dir) : null,
    shortfall: judged ? shortfall(value, target, dir) : null,
  };
}

/** An indicator with no data: no value, no numerator (a count with no data is not 0). */
export function noData(target: number | null): IndicatorResult {
  return { value: null, numerator: null, denominator: null, target, met: null, shortfall: null };
}

/** Σ numerators / Σ denominators over the units that count; no data when none does. */
export function rollUp(
  def: IndicatorDef,
  units: readonly Partial<Record<FigureKey, number | null>>[],
  target: number | null,
): IndicatorResult {
  let num = 0;
  let den = 0;
  let counted = 0;
  for (const fig of units) {
    const t = unitTerms(def, fig);
    if (!t) continue;
    num += t.num;
    den += t.den ?? 0;
    counted++;
  }
  return counted === 0 ? noData(target) : judge(def, num, def.unit === "count" ? null : den, target);
}
