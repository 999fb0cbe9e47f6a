import { describe, expect, it } from "vitest";
import { a1, columnLetter, escapeHtml, formatNumber, formatPercent, normalizeKey } from "../../src/core/text";
import { readNumber } from "../../src/core/cells";

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

describe("readNumber", () => {
  it("reads numbers and digits as text", () => {
    expect(readNumber(12, "count")).toEqual({ kind: "ok", value: 12 });
    expect(readNumber("12", "count")).toEqual({ kind: "ok", value: 12 });
    expect(readNumber(" 12 ", "count")).toEqual({ kind: "ok", value: 12 });
    expect(readNumber(2.5, "amount")).toEqual({ kind: "ok", value: 2.5 });
  });
  it("treats blank as blank", () => {
    expect(readNumber("", "count").kind).toBe("blank");
    expect(readNumber("   ", "count").kind).toBe("blank");
    expect(readNumber(null, "count").kind).toBe("blank");
  });
  it("rejects what is not a non-negative number, with a Vietnamese reason naming the value", () => {
    expect(readNumber(-3, "count")).toMatchObject({ kind: "bad", rule: "negative", reason: "là số âm (-3)" });
    expect(readNumber(2.5, "count")).toMatchObject({ kind: "bad", rule: "not_whole", reason: "không phải số nguyên (2,5)" });
    expect(readNumber("abc", "count")).toMatchObject({ kind: "bad", rule: "not_a_number", reason: 'không phải là số ("abc")' });
    expect(readNumber("1.234", "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(readNumber("#N/A", "count")).toMatchObject({ kind: "bad", rule: "error_value", reason: "chứa giá trị lỗi #N/A" });
    expect(readNumber("#DIV/0!", "amount")).toMatchObject({ kind: "bad", rule: "error_value" });
    expect(readNumber(true, "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(readNumber(new Date(2023, 0, 1), "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
    expect(readNumber(Number.NaN, "count")).toMatchObject({ kind: "bad", rule: "not_a_number" });
  });
});
