import { describe, expect, it } from "vitest";
import { a1, columnLetter } from "../../src/core/a1";
import { escapeHtml, formatNumber, formatPercent, normalizeKey } from "../../src/core/text";
import { BLANK, cellProblem, readNumber } from "../../src/core/cells";

describe("normalizeKey", () => {
  it("ignores case, spacing, punctuation and diacritics, đ included", () => {
    expect(normalizeKey("Mã đơn vị")).toBe("madonvi");
    expect(normalizeKey("  MÃ   ĐƠN  VỊ ")).toBe("madonvi");
    expect(normalizeKey("Ma don vi")).toBe("madonvi");
    expect(normalizeKey("Nhận trực tiếp, bưu chính")).toBe(normalizeKey("nhan truc tiep buu chinh"));
    expect(normalizeKey("Hồ sơ được số hóa")).toBe(normalizeKey("Hồ sơ được số hoá")); // both placements of the tone mark
  });
  it("keeps different headers apart", () => {
    expect(normalizeKey("Văn bản đi")).not.toBe(normalizeKey("Văn bản đi được ký số"));
    expect(normalizeKey("Hồ sơ công việc")).not.toBe(normalizeKey("Hồ sơ công việc điện tử"));
  });
});

describe("vi-VN numbers", () => {
  it("formats percentages with a decimal comma and no trailing zeros", () => {
    expect(formatPercent(0.059)).toBe("5,9%");
    expect(formatPercent(0.0442)).toBe("4,42%");
    expect(formatPercent(0.04423)).toBe("4,42%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.3)).toBe("30%");
    expect(formatPercent(0)).toBe("0%");
  });
  it("groups thousands with dots", () => {
    expect(formatNumber(1234)).toBe("1.234");
    expect(formatNumber(1234567.891)).toBe("1.234.567,89");
    expect(formatNumber(23)).toBe("23");
    expect(formatNumber(-1234.5)).toBe("-1.234,5");
    expect(formatNumber(0.001)).toBe("0");
  });
});

describe("A1 notation", () => {
  it("converts columns and cells", () => {
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(26)).toBe("Z");
    expect(columnLetter(27)).toBe("AA");
    expect(columnLetter(703)).toBe("AAA");
    expect(a1(7, 6)).toBe("F7");
  });
});

describe("escapeHtml", () => {
  it("escapes markup", () => {
    expect(escapeHtml(`<img src=x onerror=alert(1)>&"'`)).toBe("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;");
  });
});

/** readNumber's result as an object, for readable expectations. */
function read(v: unknown, kind: "count" | "amount") {
  const x = readNumber(v, kind);
  if (x >= 0) return { kind: "ok", value: x };
  if (x === BLANK) return { kind: "blank" };
  return { kind: "bad", ...cellProblem(v, x) };
}

describe("readNumber", () => {
  it("reads numbers and digits as text", () => {
    expect(read(12, "count")).toEqual({ kind: "ok", value: 12 });
    expect(read("12", "count")).toEqual({ kind: "ok", value: 12 });
    expect(read(" 12 ", "count")).toEqual({ kind: "ok", value: 12 });
    expect(read(2.5, "amount")).toEqual({ kind: "ok", value: 2.5 });
    expect(read(30.000000000000004, "count")).toEqual({ kind: "ok", value: 30 });
  });
  it("treats blank as blank", () => {
    expect(read("", "count").kind).toBe("blank");
    expect(read("   ", "count").kind).toBe("blank");
    expect(read(null, "count").kind).toBe("blank");
  });
  it("rejects what is not a non-negative number, with a Vietnamese reason naming the value", () => {
    expect(read(-3, "count")).toMatchObject({ kind: "bad", rule: "negative", reason: "là số âm (-3)" });
    expect(read(2.5, "count")).toMatchObject({ kind: "bad", rule: "not_whole", reason: "không phải số nguyên (2,5)" });
    expect(read("abc", "count")).toMatchObject({ kind: "bad", rule: "not_a_number", reason: 'không phải là số ("abc")' });
    // A dot-grouped whole number is a count (issue 18: read, with a warning where a sheet is read); anything else with a dot is not.
    expect(read("1.234", "count")).toMatchObject({ kind: "ok", value: 1234 });
    expect(read("1.2", "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(read("1.234", "amount")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(read("500,5", "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(read("#N/A", "count")).toMatchObject({ kind: "bad", rule: "error_value", reason: "chứa giá trị lỗi #N/A" });
    expect(read("#DIV/0!", "amount")).toMatchObject({ kind: "bad", rule: "error_value" });
    expect(read(true, "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(read(new Date(2023, 0, 1), "count")).toMatchObject({
      kind: "bad",
      rule: "not_a_number",
      reason: "là ngày tháng, không phải số (01/01/2023)",
    });
    expect(read(Number.NaN, "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
  });
  it("refuses numbers above 10^15, which cannot be added up exactly", () => {
    expect(read(1e15, "amount")).toEqual({ kind: "ok", value: 1e15 });
    expect(read(1e15 + 2, "amount")).toMatchObject({ kind: "bad", rule: "too_large" });
    expect(read("99999999999999999", "count")).toMatchObject({ kind: "bad", rule: "too_large" });
  });
});
