/**
 * The core's benchmark data and its plain baseline: submission rows as
 * getValues gives them, and a hand-written loop over the same arrays that
 * does the essential work (read every figure, keep the period's rows, add
 * up every indicator's numerator and denominator, check the form 06 sums).
 */
import { INDICATORS } from "../src/core/catalogue";
import { FORM06_TOTALS } from "../src/core/rules";
import { SUBMISSION_COLUMNS, UNIT_COLUMNS } from "../src/core/schema";
import type { WorkbookValues } from "../src/core/workbook";
import { benchRow, quarters } from "./bench-workbook";
import { periodId } from "../src/core/period";

/** `rows` submission rows: 4,000 units per quarter, quarters ending 2026-Q2. */
export function benchValues(rows: number): WorkbookValues {
  const units = Math.min(4000, rows);
  const periods = quarters({ year: 2026, quarter: 2 }, Math.ceil(rows / units)).map(periodId);
  const code = (i: number) => `DV${String(i + 1).padStart(5, "0")}`;
  const submissions: unknown[][] = [SUBMISSION_COLUMNS.map((c) => c.header)];
  for (let r = 0; r < rows; r++) {
    const q = Math.floor(r / units);
    const i = r % units;
    const v: Record<string, unknown> = { ...benchRow(i, q), period: periods[q], unit: code(i) };
    submissions.push(SUBMISSION_COLUMNS.map((c) => v[c.key] ?? ""));
  }
  return {
    units: [UNIT_COLUMNS.map((c) => c.header), ...Array.from({ length: units }, (_, i) => [code(i), `Xã Thử ${i + 1}`, "Xã", "", true])],
    targets: null,
    submissions,
  };
}

/**
 * The hand-written baseline: for one period, each unit's value of every
 * indicator (in a flat array), Σ numerator and Σ denominator per indicator,
 * and the form 06 sum rules: the core's results in their barest form.
 */
export function plainLoop(
  values: readonly (readonly unknown[])[],
  period: string,
): { unitValues: Float64Array; sums: Float64Array; errors: number } {
  const header = values[0]!;
  const col = (key: string) => header.indexOf(SUBMISSION_COLUMNS.find((c) => c.key === key)!.header);
  const periodCol = col("period");
  const nums = INDICATORS.map((d) => d.numerator.map(col));
  const dens = INDICATORS.map((d) => d.denominator.map(col));
  const sums = new Float64Array(INDICATORS.length * 2);
  const totals = FORM06_TOTALS.map((t) => ({ total: col(t.total), parts: t.parts.map(col) }));
  let errors = 0;
  const unitValues = new Float64Array(values.length * INDICATORS.length);
  let k = 0;
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN);
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    if (row[periodCol] !== period) continue;
    for (let i = 0; i < nums.length; i++) {
      let n = 0;
      let d = 0;
      for (const c of nums[i]!) n += num(row[c]);
      for (const c of dens[i]!) d += num(row[c]);
      unitValues[k++] = dens[i]!.length ? n / d : n;
      if (!Number.isNaN(n) && !Number.isNaN(d)) {
        sums[2 * i] = sums[2 * i]! + n;
        sums[2 * i + 1] = sums[2 * i + 1]! + d;
      }
    }
    for (const t of totals) {
      let s = 0;
      for (const c of t.parts) s += num(row[c]);
      if (num(row[t.total]) !== s) errors++;
    }
  }
  return { unitValues, sums, errors };
}
