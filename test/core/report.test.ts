import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../src/core/text";
import { buildReport, changeText, reportText, vietnameseDate, type TableBlock, type TwoColumnBlock } from "../../src/core/report";
import { DEFAULT_SETTINGS, loadSettings, parseSettings } from "../../src/core/settings";
import { evaluateWithComparisons, readWorkbook } from "../../src/core/workbook";
import { sampleWorkbook, SAMPLE_UNITS } from "../../src/local/samples/vinh-linh";
import { goodRow, targetRows, workbook } from "../fixtures";

const wb = readWorkbook(sampleWorkbook());
const ev = evaluateWithComparisons(wb, { year: 2023, quarter: 1 });
const content = buildReport({ evaluation: ev, settings: DEFAULT_SETTINGS, today: { year: 2023, month: 3, day: 20 } });
const text = reportText(content);
const tables = content.blocks.filter((b): b is TableBlock => b.kind === "table");

describe("the sample reproduces the source's district figures", () => {
  it("5,9% online payment, 4,42% online origin, 23 overdue, 9 apologies, Vĩnh Ô missing", () => {
    expect(ev.district.indicators.online_payment_rate).toMatchObject({ numerator: 59, denominator: 1000, value: 0.059 });
    expect(ev.district.indicators.online_origin_rate).toMatchObject({ numerator: 221, denominator: 5000, value: 0.0442 });
    expect(ev.district.indicators.overdue_dossiers.value).toBe(23);
    expect(ev.district.indicators.apology_rate).toMatchObject({ numerator: 9, denominator: 23 });
    expect(ev.missing_units).toEqual(["VINHO"]);
  });
});

describe("report content", () => {
  it("states the shortfalls as sentences in the source's style, with vi-VN numbers", () => {
    expect(text).toContain("Tỷ lệ thanh toán trực tuyến chỉ đạt 5,9% so với mục tiêu 30% trở lên");
    expect(text).toContain("Tỷ lệ hồ sơ phát sinh trực tuyến chỉ đạt 4,42% so với mục tiêu 20% trở lên");
    expect(text).toContain("Toàn huyện còn 23 hồ sơ thủ tục hành chính trễ hạn");
    expect(text).toContain("Việc xin lỗi người dân, tổ chức khi hồ sơ trễ hạn chưa đầy đủ: mới gửi 9/23 phiếu xin lỗi (39,13%)");
    expect(text).toContain("Toàn huyện tiếp nhận 5.254 hồ sơ");
  });
  it("ranks shortfalls by how far they miss, relative to the target", () => {
    const lines = text.split("\n").filter((l) => l.startsWith("- ") && l.includes("chỉ đạt"));
    const order = lines.map((l) => l.slice(2, l.indexOf(" chỉ đạt")));
    expect(order.indexOf("Tỷ lệ thanh toán trực tuyến")).toBeLessThan(order.indexOf("Tỷ lệ số hóa hồ sơ"));
    expect(order.at(-1)).toBe("Tỷ lệ giải quyết đúng hạn");
  });
  it("has the Decree 30 header block, title, numbered sections, Nơi nhận and signature", () => {
    const header = content.blocks[0] as TwoColumnBlock;
    expect(header.kind).toBe("columns");
    const shown = (t: string) => (/^\u00a0+$/.test(t) ? "(rule)" : t);
    expect(header.left.map((p) => shown(p.runs[0]!.text))).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN VĨNH LINH", "(rule)", "Số:       /BC-UBND"]);
    expect(header.right.map((p) => shown(p.runs[0]!.text))).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "(rule)",
      "Vĩnh Linh, ngày 20 tháng 3 năm 2023",
    ]);
    expect(header.left[2]!.runs[0]!.underline).toBe(true);
    for (const h of [
      "BÁO CÁO",
      "I. KẾT QUẢ THỰC HIỆN",
      "II. TỒN TẠI, HẠN CHẾ",
      "III. GIẢI TRÌNH CỦA CÁC ĐƠN VỊ",
      "IV. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI",
      "Nơi nhận:",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "PHỤ LỤC",
    ]) {
      expect(text).toContain(h);
    }
    expect(content.title).toBe("Báo cáo tình hình thực hiện công tác CCHC quý I năm 2023 - huyện Vĩnh Linh");
  });
  it("names the units that did not submit and those whose figures failed validation", () => {
    expect(text).toContain("Còn 1 đơn vị chưa cập nhật: Xã Vĩnh Ô.");
    expect(text).toContain("Thị trấn Hồ Xá (1 lỗi), Xã Vĩnh Tú (1 lỗi), Xã Vĩnh Hà (1 lỗi)");
  });
  it("tables: indicators with change from the previous quarter, form 06 by unit with totals, overdue and apologies, explanations, appendix", () => {
    const [indicators, form06, overdue, explanations, appendix] = tables;
    expect(indicators!.rows.find((r) => r[1] === "Tỷ lệ thanh toán trực tuyến")).toEqual([
      "3",
      "Tỷ lệ thanh toán trực tuyến",
      "5,9%",
      "4,11%",
      "+1,79 điểm %",
      "—",
      "—",
      "≥ 30%",
      "Chưa đạt",
    ]);
    expect(indicators!.rows.find((r) => r[1] === "Số hồ sơ trễ hạn")).toEqual([
      "13",
      "Số hồ sơ trễ hạn",
      "23",
      "30",
      "-7",
      "—",
      "—",
      "≤ 0",
      "Chưa đạt",
    ]);
    expect(form06!.rows).toHaveLength(24 + 1);
    expect(form06!.rows.at(-1)).toEqual([
      "",
      "Toàn huyện",
      "5.254",
      "221",
      "4.779",
      "254",
      "4.822",
      "1.444",
      "3.363",
      "15",
      "432",
      "424",
      "8",
    ]);
    expect(overdue!.rows.at(-1)).toEqual(["", "Toàn huyện", "15", "8", "23", "9", "39,13%"]);
    expect(explanations!.rows.map((r) => r[1])).toEqual([
      "Thị trấn Hồ Xá",
      "Xã Kim Thạch",
      "Xã Vĩnh Lâm",
      "Phòng Tài nguyên và Môi trường",
    ]);
    expect(appendix!.rows).toHaveLength(24 + 2);
    expect(appendix!.rows.find((r) => r[1] === "Thị trấn Hồ Xá")!.at(-1)).toBe("1");
  });
  it("a unit whose figures failed validation is still shown, with no value for the indicators its errors touch", () => {
    const row = tables[4]!.rows.find((r) => r[1] === "Xã Vĩnh Tú")!;
    const column = tables[4]!.header[0]!.indexOf("HSCV điện tử");
    expect(row[column]).toBe("—");
    expect(row.at(-1)).toBe("1");
  });
  it("every unit of the sample appears in the appendix or as missing", () => {
    for (const u of SAMPLE_UNITS) expect(text).toContain(u.name);
  });
});

describe("helpers", () => {
  it("dates follow Decree 30 (leading zero for days below 10 and months 1-2)", () => {
    expect(vietnameseDate({ year: 2023, month: 2, day: 5 })).toBe("ngày 05 tháng 02 năm 2023");
    expect(vietnameseDate({ year: 2023, month: 11, day: 26 })).toBe("ngày 26 tháng 11 năm 2023");
  });
  it("change from the previous quarter", () => {
    expect(changeText("online_payment_rate", 0.059, 0.041)).toBe("+1,8 điểm %");
    expect(changeText("overdue_dossiers", 23, 30)).toBe("-7");
    expect(changeText("ontime_rate", 0.9, null)).toBe("—");
    expect(changeText("ontime_rate", 0.9, 0.9)).toBe("0 điểm %");
    // The case: 79,33% beside 79,26% is +0,07, not the +0,08 of the unrounded values.
    expect(changeText("digital_signature_rate", 0.793349, 0.792551)).toBe("+0,07 điểm %");
  });
  it("a change shown always equals the difference of the two values shown beside it", () => {
    const read = (t: string) =>
      Number(
        t
          .replace(/\./g, "")
          .replace(",", ".")
          .replace(/[^\d.+-]/g, ""),
      );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (now, before) => {
        const change = changeText("online_submission_rate", now, before);
        const diff = read(formatPercent(now)) - read(formatPercent(before));
        expect(change === "0 điểm %" ? 0 : read(change)).toBeCloseTo(diff, 9);
      }),
    );
  });
  it("settings are validated with Vietnamese messages and fall back to defaults", () => {
    expect(() => parseSettings({ ...DEFAULT_SETTINGS, issuingBody: "  " })).toThrow("Cơ quan ban hành không được để trống.");
    expect(loadSettings("{broken")).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(JSON.stringify({ signerName: "Nguyễn Văn A" })).signerName).toBe("Nguyễn Văn A");
  });
});

describe("the report never states what the data does not support", () => {
  it("overdue dossiers and resolved counts with no readable data are 'chưa có số liệu', never 0 or 'không có'", () => {
    const rows = [goodRow("A", "2023-Q1", { resolved_late: "x" }), goodRow("B", "2023-Q1", { resolved_late: "chưa rõ" })];
    const e = evaluateWithComparisons(readWorkbook(workbook(["A", "B"], rows)), { year: 2023, quarter: 1 });
    expect(e.district.indicators.overdue_dossiers.value).toBeNull();
    const t = reportText(buildReport({ evaluation: e, settings: DEFAULT_SETTINGS, today: { year: 2023, month: 3, day: 20 } }));
    expect(t).toContain("số hồ sơ đã giải quyết chưa có số liệu");
    expect(t).toContain("số hồ sơ trễ hạn chưa có số liệu");
    expect(t).toContain("Chưa có số liệu về hồ sơ trễ hạn");
    expect(t).not.toContain("Trong kỳ không có hồ sơ thủ tục hành chính trễ hạn");
    expect(t).not.toContain("số hồ sơ trễ hạn là 0");
  });
  it("with no indicator judged, it does not say every target is met", () => {
    const rows = [goodRow("A", "2023-Q1", { fee_dossiers: 0, paid_online: 0, resolved_late: "x" })];
    const e = evaluateWithComparisons(readWorkbook(workbook(["A"], rows, targetRows([]))), { year: 2023, quarter: 1 });
    const t = reportText(buildReport({ evaluation: e, settings: DEFAULT_SETTINGS, today: { year: 2023, month: 3, day: 20 } }));
    expect(t).not.toContain("đều đạt");
    expect(t).toContain("Chưa có chỉ tiêu nào được đánh giá");
  });
});
