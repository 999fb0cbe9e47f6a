/**
 * The preview's formula engine (issue 18): a cell's formula computed as
 * Sheets would, for what the preview can compute: the add-on's own custom
 * functions (from the bundle, as Sheets calls them: ranges as arrays of rows)
 * and plain arithmetic, SUM and the other common functions of
 * fast-formula-parser (MIT). Both argument separators: `,` (en) and `;`
 * with a decimal comma (vi_VN, what a Vietnamese clerk types). What it
 * cannot compute (IMPORTRANGE, a function it does not know) gets a cell text
 * that says so, never a made-up number.
 */
import FormulaParser from "fast-formula-parser";
import type { FormulaEvaluator } from "@cchc/gas-standins";

/** What the preview shows for a formula it cannot compute. */
export const CANNOT = "Bản xem trước không tính được công thức này";

/**
 * "=ROUND(1,5; 0)" (vi_VN: `;` between arguments, `,` for decimals) as the
 * parser reads it, "ROUND(1.5, 0)"; a formula without `;` is taken as written.
 * Text in quotes is left alone.
 */
export function toParserSyntax(formula: string): string {
  const body = formula.replace(/^=/, "");
  const parts = body.split(/("(?:[^"]|"")*")/);
  const semicolons = parts.some((p, i) => i % 2 === 0 && p.includes(";"));
  if (!semicolons) return body;
  return parts.map((p, i) => (i % 2 ? p : p.replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ","))).join("");
}

const isFormulaError = (v: unknown): v is { _error: string } =>
  typeof v === "object" && v !== null && typeof (v as { _error?: unknown })._error === "string";

/**
 * The evaluator for createGasEnvironment's `evaluateFormula`: `custom(name)`
 * gives the add-on's top-level function of that name (the bundle's), or
 * undefined when it has none.
 */
export function formulaEngine(
  custom: (name: string) => ((...args: unknown[]) => unknown) | undefined,
  names: readonly string[],
): FormulaEvaluator {
  return (formula, at) => {
    const functions: Record<string, (...params: { value: unknown }[]) => unknown> = {};
    for (const name of names) {
      functions[name] = (...params) => {
        const fn = custom(name);
        if (!fn) return CANNOT;
        const out = fn(...params.map((p) => (p && typeof p === "object" && "value" in p ? p.value : p)));
        // A custom function over a range gives a column of values: the cell shows the first (Sheets spills the rest).
        return Array.isArray(out) ? (Array.isArray(out[0]) ? out[0][0] : out[0]) : out;
      };
    }
    const parser = new FormulaParser({
      onCell: (ref) => at.valueAt(ref.sheet || at.sheet, ref.row, ref.col),
      onRange: (ref) => {
        const sheet = ref.sheet || at.sheet;
        const size = at.extentOf(sheet);
        const rows: unknown[][] = [];
        for (let r = ref.from.row; r <= Math.min(ref.to.row, size.rows); r++) {
          const row: unknown[] = [];
          for (let c = ref.from.col; c <= Math.min(ref.to.col, Math.max(size.columns, ref.from.col)); c++)
            row.push(at.valueAt(sheet, r, c));
          rows.push(row);
        }
        return rows;
      },
      functions,
    });
    try {
      const v = parser.parse(toParserSyntax(formula), { sheet: at.sheet, row: at.row, col: at.column });
      if (isFormulaError(v)) return v._error;
      if (v === null || v === undefined) return "";
      return v;
    } catch (e) {
      const message = String((e as { details?: { message?: string } })?.details?.message ?? (e as Error)?.message ?? e);
      const unknown = /Function (\S+) is not implemented/.exec(message);
      return unknown ? `${CANNOT}: hàm ${unknown[1]} chỉ có trong Google Trang tính` : `${CANNOT} (${formula})`;
    }
  };
}
