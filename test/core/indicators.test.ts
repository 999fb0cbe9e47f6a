import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { INDICATORS } from "../../src/core/catalogue";
import { rollUp, meets, shortfall, type Figures } from "../../src/core/indicators";
import { rate } from "../../src/core/functions";
import { evaluate, readWorkbook } from "../../src/core/workbook";
import { goodRow, workbook } from "../fixtures";

const FIELDS = [...new Set(INDICATORS.flatMap((d) => [...d.numerator, ...d.denominator]))];

/** A unit whose numerators never exceed denominators: numerator fields drawn as parts of the denominator. */
const unitFigures = fc.record(Object.fromEntries(FIELDS.map((f) => [f, fc.integer({ min: 0, max: 1000 })]))) as fc.Arbitrary<Figures>;

describe("roll-up", () => {
  it.each(INDICATORS.map((d) => [d.code, d] as const))("%s: the district figure is the rate of the summed table", (_code, def) => {
    fc.assert(
      fc.property(fc.array(unitFigures, { minLength: 1, maxLength: 30 }), (units) => {
        const result = rollUp(def, units, null);
        const sum = (keys: readonly string[]) => units.reduce((s, u) => s + keys.reduce((t, k) => t + (u[k as keyof Figures] ?? 0), 0), 0);
        const num = sum(def.numerator);
        expect(result.numerator).toBe(num);
        if (def.unit === "count") {
          expect(result.value).toBe(num);
          return;
        }
        const den = sum(def.denominator);
        expect(result.denominator).toBe(den);
        expect(result.value).toBe(den === 0 ? null : num / den);
        if (den > 0 && num <= den) {
          // The custom function over the summed table gives the same figure.
          expect(rate(def, num, den)).toBe(num / den);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("is not an average of unit rates", () => {
    const ev = evaluate(
      readWorkbook(
        workbook(
          ["A", "B"],
          [goodRow("A", "2023-Q1", { fee_dossiers: 1, paid_online: 1 }), goodRow("B", "2023-Q1", { fee_dossiers: 99, paid_online: 0 })],
        ),
      ),
      { year: 2023, quarter: 1 },
    );
    expect(ev.district.indicators.online_payment_rate.value).toBe(0.01);
  });

  it("the rate function over ranges and evaluate() agree unit by unit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { minLength: 2, maxLength: 15 }),
        (pairs) => {
          const codes = pairs.map((_, i) => `U${i}`);
          const rows = pairs.map(([paid, extra], i) => goodRow(codes[i]!, "2023-Q1", { paid_online: paid, fee_dossiers: paid + extra }));
          const ev = evaluate(readWorkbook(workbook(codes, rows)), { year: 2023, quarter: 1 });
          const def = INDICATORS.find((d) => d.code === "online_payment_rate")!;
          const out = rate(
            def,
            pairs.map(([p]) => [p]),
            pairs.map(([p, e]) => [p + e]),
          ) as unknown[][];
          ev.units.forEach((u, i) => expect(u.indicators.online_payment_rate.value ?? "").toBe(out[i]![0]));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("shortfall and met", () => {
  it("are consistent: met exactly when the shortfall is 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(">=", "<="),
        (v, t, d) => {
          const s = shortfall(v, t, d as ">=" | "<=");
          expect(s).toBeGreaterThanOrEqual(0);
          expect(meets(v, t, d as ">=" | "<=")).toBe(s === 0);
        },
      ),
    );
  });
  it("rounds away binary noise", () => {
    expect(shortfall(0.059, 0.3, ">=")).toBe(0.241);
    expect(meets(0.1 + 0.2, 0.3, ">=")).toBe(true);
  });
});
