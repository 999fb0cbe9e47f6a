/**
 * The custom functions of SPEC, called from the built dist/Code.js in a bare
 * V8 context, as Sheets calls them: single values, ranges (2-D arrays),
 * multi-column ranges, array literals, blanks, digits as text and bad input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadBundle, type Loaded } from "./helpers/bundle";
import { SUBMISSION_HEADERS, goodRow } from "./fixtures";
import { SUBMISSION_COLUMNS } from "../src/core/schema";

let gas: Loaded;
const call = (name: string, ...args: unknown[]) => gas.call(name, ...args);
const col = (...values: unknown[]) => values.map((v) => [v]);

beforeAll(() => {
  gas = loadBundle();
});

const RATES = [
  "ONLINE_RATE",
  "ONLINE_ORIGIN_RATE",
  "ONLINE_PAYMENT_RATE",
  "DIGITIZATION_RATE",
  "ONTIME_RATE",
  "APOLOGY_RATE",
  "DISBURSEMENT_RATE",
  "DIGITAL_SIGNATURE_RATE",
  "E_RECORDS_RATE",
] as const;

describe.each(RATES)("%s", (name) => {
  it("single values give a single fraction", () => {
    expect(call(name, 59, 1000)).toBeCloseTo(0.059, 12);
    expect(call(name, 0, 7)).toBe(0);
    expect(call(name, 7, 7)).toBe(1);
  });
  it("a 1×1 range is a single value", () => {
    expect(call(name, [[1]], [[4]])).toBe(0.25);
  });
  it("ranges give one value per row, spilling as one column", () => {
    expect(call(name, col(1, 2, 3), col(10, 20, 30))).toEqual([[0.1], [0.1], [0.1]]);
  });
  it("a single value is used on every row", () => {
    expect(call(name, col(1, 2, 4), 8)).toEqual([[0.125], [0.25], [0.5]]);
    expect(call(name, 2, col(4, 8))).toEqual([[0.5], [0.25]]);
  });
  it("blank inputs and zero denominators give a blank cell", () => {
    expect(call(name, "", "")).toBe("");
    expect(call(name, 5, 0)).toBe("");
    expect(call(name, 0, 0)).toBe("");
    expect(call(name, col("", 1, 0), col("", 2, 0))).toEqual([[""], [0.5], [""]]);
  });
  it("a blank numerator against a real denominator is 0, as in Sheets arithmetic", () => {
    expect(call(name, "", 10)).toBe(0);
  });
  it("digits as text read as numbers", () => {
    expect(call(name, "3", " 12 ")).toBe(0.25);
  });
  it("bad single values throw a Vietnamese error naming the value", () => {
    expect(() => call(name, "abc", 10)).toThrow(/không phải là số \("abc"\)/);
    expect(() => call(name, -1, 10)).toThrow(/là số âm \(-1\)/);
    expect(() => call(name, 3, -10)).toThrow(/mẫu số\) là số âm \(-10\)/);
    expect(() => call(name, "#N/A", 10)).toThrow(/chứa giá trị lỗi #N\/A/);
    expect(() => call(name, 11, 10)).toThrow(/\(11\) lớn hơn .*\(10\)/);
    expect(() => call(name, true, 10)).toThrow(/không phải là số/);
  });
  it("a bad row in a range holds #LỖI text while the other rows compute", () => {
    const out = call(name, col(1, "x", -2, 30, 4), col(10, 10, 10, 20, "#REF!")) as unknown[][];
    expect(out[0]).toEqual([0.1]);
    expect(out[1]![0]).toMatch(/^#LỖI: .*không phải là số \("x"\)/);
    expect(out[2]![0]).toMatch(/^#LỖI: .*là số âm \(-2\)/);
    expect(out[3]![0]).toMatch(/^#LỖI: .*\(30\) lớn hơn .*\(20\)/);
    expect(out[4]![0]).toMatch(/^#LỖI: .*chứa giá trị lỗi #REF!/);
  });
  it("ranges of different heights are an error", () => {
    expect(() => call(name, col(1, 2, 3), col(4, 5))).toThrow(/số dòng khác nhau.*3 dòng.*2 dòng/);
  });
});

describe("multi-column ranges and array literals", () => {
  it("ONTIME_RATE(H2:I23, G2:G23) adds early and on-time row by row", () => {
    expect(
      call(
        "ONTIME_RATE",
        [
          [20, 75],
          [1, 1],
        ],
        col(100, 4),
      ),
    ).toEqual([[0.95], [0.5]]);
  });
  it("{J2:J23, M2:M23} works the same as a two-column range", () => {
    expect(
      call("ONLINE_ORIGIN_RATE", col(30, 4), [
        [30, 80],
        [4, 96],
      ]),
    ).toEqual([[30 / 110], [0.04]]);
  });
  it("a one-row multi-column range (one unit, e.g. H2:I2 or {J2, M2}) is a single-value call", () => {
    expect(call("ONTIME_RATE", [[20, 75]], [[100]])).toBe(0.95);
    expect(call("OVERDUE_COUNT", [[1, 2]])).toBe(3);
    expect(() => call("ONTIME_RATE", [[80, 40]], 100)).toThrow(/\(120\) lớn hơn .*\(100\)/);
  });
  it("blank cells in a summed row add nothing", () => {
    expect(
      call(
        "ONTIME_RATE",
        [
          [20, ""],
          ["", ""],
        ],
        col(40, 10),
      ),
    ).toEqual([[0.5], [0]]);
  });
});

describe("counts and amounts", () => {
  it("count rates refuse fractional counts; the disbursement rate takes amounts", () => {
    expect(() => call("ONLINE_PAYMENT_RATE", 2.5, 10)).toThrow(/không phải số nguyên \(2,5\)/);
    expect(call("DISBURSEMENT_RATE", 1234.5, 2469)).toBe(0.5);
  });
});

describe("OVERDUE_COUNT", () => {
  it("sums late and pending overdue, row by row", () => {
    expect(call("OVERDUE_COUNT", 15, 8)).toBe(23);
    expect(call("OVERDUE_COUNT", 15)).toBe(15);
    expect(call("OVERDUE_COUNT", col(1, 2, ""), col(3, "", ""))).toEqual([[4], [2], [""]]);
    expect(
      call("OVERDUE_COUNT", [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([[3], [7]]);
    expect(call("OVERDUE_COUNT", "", "")).toBe("");
    expect(call("OVERDUE_COUNT", "7", 0)).toBe(7);
  });
  it("refuses bad input", () => {
    expect(() => call("OVERDUE_COUNT", -1, 2)).toThrow(/là số âm \(-1\)/);
    expect(() => call("OVERDUE_COUNT", 1, "hai")).toThrow(/không phải là số \("hai"\)/);
    expect((call("OVERDUE_COUNT", col(1, 1.5), 0) as unknown[][])[1]![0]).toMatch(/^#LỖI: .*không phải số nguyên/);
    expect(() => call("OVERDUE_COUNT", col(1, 2), col(1, 2, 3))).toThrow(/số dòng khác nhau/);
  });
});

describe("SHORTFALL and MEETS_TARGET", () => {
  it("shortfall is how far below a ≥ target, 0 when met", () => {
    expect(call("SHORTFALL", 0.059, 0.3)).toBe(0.241);
    expect(call("SHORTFALL", 0.5, 0.3)).toBe(0);
    expect(call("SHORTFALL", 0.3, 0.3, ">=")).toBe(0);
  });
  it("with <= it is how far above", () => {
    expect(call("SHORTFALL", 23, 0, "<=")).toBe(23);
    expect(call("SHORTFALL", 0, 0, "<=")).toBe(0);
    expect(call("MEETS_TARGET", 23, 0, "<=")).toBe(false);
    expect(call("MEETS_TARGET", 0, 5, "≤")).toBe(true);
  });
  it("MEETS_TARGET is TRUE/FALSE", () => {
    expect(call("MEETS_TARGET", 0.059, 0.3)).toBe(false);
    expect(call("MEETS_TARGET", 0.3, 0.3)).toBe(true);
    expect(call("MEETS_TARGET", 0.1 + 0.2, 0.3)).toBe(true); // no binary noise
  });
  it("work row by row; a single target serves every row", () => {
    expect(call("SHORTFALL", col(0.1, 0.5, ""), 0.3)).toEqual([[0.2], [0], [""]]);
    expect(call("MEETS_TARGET", col(0.1, 0.5), col(0.05, 0.6))).toEqual([[true], [false]]);
  });
  it("blank value or target gives a blank cell", () => {
    expect(call("SHORTFALL", "", 0.3)).toBe("");
    expect(call("MEETS_TARGET", 0.3, "")).toBe("");
  });
  it("bad input is an error, a bad direction too", () => {
    expect(() => call("SHORTFALL", "cao", 0.3)).toThrow(/không phải là số \("cao"\)/);
    expect(() => call("MEETS_TARGET", -0.1, 0.3)).toThrow(/là số âm/);
    expect(() => call("SHORTFALL", 0.1, 0.3, ">")).toThrow(/Chiều so sánh ">" không hợp lệ/);
    const out = call("SHORTFALL", col(0.1, "#LỖI: x"), 0.3) as unknown[][];
    expect(out[1]![0]).toMatch(/^#LỖI: .*giá trị lỗi/);
  });
  it("a percentage written as text is read", () => {
    expect(call("SHORTFALL", 0.059, "30%")).toBe(0.241);
  });
});

describe("REPORTING_PERIOD", () => {
  it("follows the 15th-to-14th rule (dates of the script's realm)", () => {
    expect(call("REPORTING_PERIOD", gas.eval("new Date(2023, 2, 14)"))).toBe("2023-Q1");
    expect(call("REPORTING_PERIOD", gas.eval("new Date(2023, 2, 15)"))).toBe("2023-Q2");
    expect(call("REPORTING_PERIOD", gas.eval("new Date(2022, 11, 15)"))).toBe("2023-Q1");
  });
  it("accepts Dates made in another realm, text dates and date serial numbers", () => {
    expect(call("REPORTING_PERIOD", new Date(2023, 2, 14))).toBe("2023-Q1");
    expect(call("REPORTING_PERIOD", "15/03/2023")).toBe("2023-Q2");
    expect(call("REPORTING_PERIOD", "2022-12-15")).toBe("2023-Q1");
    expect(call("REPORTING_PERIOD", 44999)).toBe("2023-Q1"); // 14/03/2023
    expect(call("REPORTING_PERIOD", 45000)).toBe("2023-Q2");
  });
  it("works on ranges, blank stays blank, bad input is refused", () => {
    expect(call("REPORTING_PERIOD", col(gas.eval("new Date(2023, 5, 14)"), "", "x"))).toEqual([
      ["2023-Q2"],
      [""],
      [expect.stringMatching(/^#LỖI: "x" không phải là ngày/)],
    ]);
    expect(call("REPORTING_PERIOD", "")).toBe("");
    expect(() => call("REPORTING_PERIOD", "31/02/2023")).toThrow(/không phải là ngày/);
    expect(() => call("REPORTING_PERIOD", 2023)).toThrow("Số 2023 không phải là ngày");
  });
});

describe("VALIDATE_SUBMISSION", () => {
  const keys = SUBMISSION_COLUMNS.map((c) => c.key);
  const row = (over = {}, unit = "HOXA") => keys.map((k) => (goodRow(unit, "2023-Q1", over) as Record<string, unknown>)[k] ?? "");
  it("returns OK for a good row, findings joined by '; ' otherwise", () => {
    expect(call("VALIDATE_SUBMISSION", [SUBMISSION_HEADERS], [row()])).toBe("OK");
    const out = call(
      "VALIDATE_SUBMISSION",
      [SUBMISSION_HEADERS],
      [row(), row({ paid_online: 60, received_online: "x" }, "VINHTHAI"), row({ apologies: 9 }, "VINHLAM")],
    ) as string[][];
    expect(out[0]).toEqual(["OK"]);
    expect(out[1]![0]).toBe('"Nhận trực tuyến" không phải là số ("x"); Hồ sơ thanh toán trực tuyến (60) lớn hơn Hồ sơ có phí, lệ phí (50)');
    expect(out[2]![0]).toBe("Cảnh báo: Số phiếu xin lỗi đã gửi (9) lớn hơn số hồ sơ trễ hạn (10)+(13) = 7");
  });
  it("finds columns by header wherever they are", () => {
    const order = [...keys.keys()].reverse();
    const header = order.map((i) => SUBMISSION_HEADERS[i]!.toLowerCase());
    expect(call("VALIDATE_SUBMISSION", [header], [order.map((i) => row({ received_total: 1 })[i])])).toBe(
      "Tổng số hồ sơ nhận (3) là 1, khác (4)+(5)+(6) = 120",
    );
  });
  it("flags the same unit twice in one period, and blank rows stay blank", () => {
    const out = call("VALIDATE_SUBMISSION", [SUBMISSION_HEADERS], [row(), keys.map(() => ""), row({ period: "Quý I/2023" })]) as string[][];
    expect(out[1]).toEqual([""]);
    expect(out[2]![0]).toMatch(/HOXA đã có số liệu cùng kỳ ở dòng thứ 1/);
  });
  it("a single row of the wrong width is an error; in a range it is that row's #LỖI", () => {
    expect(() => call("VALIDATE_SUBMISSION", [SUBMISSION_HEADERS], [row().slice(5)])).toThrow(
      new RegExp(`Dòng có ${SUBMISSION_HEADERS.length - 5} cột nhưng dòng tiêu đề có ${SUBMISSION_HEADERS.length} cột`),
    );
    expect((call("VALIDATE_SUBMISSION", [SUBMISSION_HEADERS], [row(), row().slice(5)]) as string[][])[1]![0]).toMatch(
      new RegExp(`^#LỖI: Dòng có ${SUBMISSION_HEADERS.length - 5} cột`),
    );
  });
  it("a header without a required column is an error naming it", () => {
    expect(() => call("VALIDATE_SUBMISSION", [SUBMISSION_HEADERS.slice(1)], [row().slice(1)])).toThrow(
      'Trang "Số liệu" thiếu cột "Kỳ báo cáo".',
    );
  });
});

describe("range calls equal one-by-one calls (property)", () => {
  const cell = fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom("", "12", "x", -3, 2.5, "#N/A"));
  it.each(RATES)("%s", (name) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 2, maxLength: 20 }), (pairs) => {
        const out = call(
          name,
          pairs.map((p) => [p[0]]),
          pairs.map((p) => [p[1]]),
        ) as unknown[][];
        pairs.forEach(([n, d], i) => {
          let single: unknown;
          try {
            single = call(name, n, d);
          } catch (e) {
            single = `#LỖI: ${(e as Error).message}`;
          }
          expect(out[i]![0]).toEqual(single);
        });
      }),
      { numRuns: 60 },
    );
  });
});
