/**
 * The quarterly report: written by the built add-on with DocumentApp (on the
 * stand-in), saved as .docx and read back; the command line over an .xlsx.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDocx } from "../src/local/render/docx-writer";
import { effectiveParagraphStyle } from "../src/local/render/document-style";
import { readDocx, type DocxContent } from "./helpers/docx-read";
import { writeSample } from "../scripts/make-sample";
import { sampleWorkbook } from "../src/local/samples/vinh-linh";
import { districtAddon, sampleAddon } from "./helpers/addon";

const dir = mkdtempSync(join(tmpdir(), "cchc-report-"));
let samplePath: string;
let docx: DocxContent;

beforeAll(async () => {
  samplePath = await writeSample(join(dir, "vinh-linh.xlsx"));
  const addon = sampleAddon();
  addon.call("generateReport", "2023-Q1");
  docx = await readDocx(await toDocx(addon.documents[0]!));
  addon.dispose();
});

/** The command line; the sample district's level and name unless the call gives its own settings. */
function cli(...args: string[]) {
  const own = args.some((a) => a.startsWith("--level") || a.startsWith("--settings") || a === "--no-level");
  const full = own ? args.filter((a) => a !== "--no-level") : [...args, "--level", "huyện", "--name", "Vĩnh Linh"];
  const r = spawnSync("npx", ["tsx", "src/local/cli/report.ts", ...full], { cwd: join(__dirname, ".."), encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

describe("the Google Doc", () => {
  it("is refused, creating nothing, while the level and name were never chosen", () => {
    const addon = sampleAddon({ documentProperties: {} });
    expect(() => addon.call("generateReport", "2023-Q1")).toThrow(/Chưa chọn cấp báo cáo và tên địa phương/);
    expect(addon.documents).toHaveLength(0);
    addon.dispose();
  });
  it("is a new document each time, titled with the period and district", () => {
    const addon = sampleAddon();
    const a = addon.call<{ id: string; url: string; name: string }>("generateReport", "2023-Q1");
    const b = addon.call<{ id: string; url: string; name: string }>("generateReport", "2023-Q1");
    expect(a.id).not.toBe(b.id);
    expect(a.url).not.toBe(b.url);
    expect(addon.documents).toHaveLength(2);
    expect(a.name).toBe("Báo cáo tình hình thực hiện công tác CCHC quý I năm 2023 - huyện Vĩnh Linh");
    addon.dispose();
  });
  it("is A4 with Decree 30 margins, Times New Roman 13-14 pt", () => {
    expect(docx.page.widthMm).toBeCloseTo(210, 0);
    expect(docx.page.heightMm).toBeCloseTo(297, 0);
    expect(docx.page.marginsMm.top).toBeGreaterThanOrEqual(20);
    expect(docx.page.marginsMm.top).toBeLessThanOrEqual(25);
    expect(docx.page.marginsMm.bottom).toBeGreaterThanOrEqual(20);
    expect(docx.page.marginsMm.bottom).toBeLessThanOrEqual(25);
    expect(docx.page.marginsMm.left).toBeGreaterThanOrEqual(30);
    expect(docx.page.marginsMm.left).toBeLessThanOrEqual(35);
    expect(docx.page.marginsMm.right).toBeGreaterThanOrEqual(15);
    expect(docx.page.marginsMm.right).toBeLessThanOrEqual(20);
    expect(docx.fonts).toEqual(["Times New Roman"]);
    const body = docx.paragraphs.filter((p) => !p.inTable && p.text.trim() !== "");
    for (const p of body) for (const r of p.runs) expect([11, 13, 14], p.text).toContain(r.sizePt);
    expect(body.filter((p) => p.runs.some((r) => r.sizePt === 13)).length).toBeGreaterThan(20);
  });
  it("opens with the header block: a borderless two-column table", () => {
    expect(docx.tables[0]).toEqual([
      [
        // Decree 30: the name on two lines, then its short rule (underlined no-break spaces), then the number.
        expect.stringMatching(/^ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH\n\u00a0{20,40}\nSố: {7}\/BC-UBND$/),
        expect.stringMatching(
          /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\u00a0{80,100}\nVĩnh Linh, ngày \d{2} tháng \d{1,2} năm \d{4}$/,
        ),
      ],
    ]);
    expect(docx.tableInfo[0]!.borderless).toBe(true);
    const title = docx.paragraphs.find((p) => p.text === "BÁO CÁO")!;
    expect(title.alignment).toBe("center");
    expect(title.runs[0]).toMatchObject({ bold: true, sizePt: 14 });
  });
  it("states the source's figures in sentences with vi-VN numbers", () => {
    expect(docx.text).toContain("Tỷ lệ thanh toán trực tuyến chỉ đạt 5,9% so với mục tiêu 30% trở lên");
    expect(docx.text).toContain("Tỷ lệ hồ sơ phát sinh trực tuyến chỉ đạt 4,42%");
    expect(docx.text).toContain("Toàn huyện còn 23 hồ sơ thủ tục hành chính trễ hạn");
    expect(docx.text).toContain("Việc xin lỗi người dân, tổ chức khi hồ sơ trễ hạn chưa đầy đủ");
    expect(docx.text).toContain("Còn 1 đơn vị chưa cập nhật: Xã Vĩnh Ô.");
    for (const h of [
      "I. KẾT QUẢ THỰC HIỆN",
      "II. TỒN TẠI, HẠN CHẾ",
      "III. GIẢI TRÌNH CỦA CÁC ĐƠN VỊ",
      "IV. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI",
      "Nơi nhận:",
      "PHỤ LỤC",
    ]) {
      expect(docx.text).toContain(h);
    }
  });
  it("has the form 06 table by unit with district totals, one row per unit", () => {
    const form06 = docx.tables.find((t) => t[0]![2] === "Tổng số nhận (3)")!;
    expect(form06).toHaveLength(1 + 24 + 1);
    expect(form06.at(-1)).toEqual(["", "Toàn huyện", "5.254", "221", "4.779", "254", "4.822", "1.444", "3.363", "15", "432", "424", "8"]);
  });
  it("figures in the tables are right-aligned, STT centred, names left as written", () => {
    const cells = docx.paragraphs.filter((p) => p.inTable);
    const align = (text: string) => cells.filter((p) => p.text === text).map((p) => p.alignment ?? "left");
    expect(align("5.254")).toContain("right"); // Bảng 2's total received
    expect(align("5,9%")).toContain("right"); // Bảng 1's online payment rate
    expect(align("Thị trấn Hồ Xá").every((a) => a === "left")).toBe(true);
    const form06 = docx.tables.findIndex((t) => t[0]![2] === "Tổng số nhận (3)");
    expect(form06).toBeGreaterThan(0);
    expect(align("1")).toContain("center"); // STT
  });
  it("tables take their spacing from the NORMAL style and their header cells are centred paragraph by paragraph (Docs ignores paragraph attributes on tables)", () => {
    const addon = sampleAddon();
    addon.call("generateReport", "2023-Q1");
    const doc = addon.documents.at(-1)!;
    addon.dispose();
    const tables = doc.blocks.filter((b) => b.kind === "table");
    const bang1 = tables[1]!;
    const header = bang1.rows[0]!.cells.map((c) => c.blocks[0]!);
    const cell = bang1.rows[3]!.cells[1]!.blocks[0]!;
    if (cell.kind !== "paragraph" || header.some((h) => h.kind !== "paragraph")) throw new Error("cells hold paragraphs");
    expect(effectiveParagraphStyle(doc, cell)).toMatchObject({ spacingBefore: 0, spacingAfter: 0, lineSpacing: 1, alignment: "LEFT" });
    for (const h of header) if (h.kind === "paragraph") expect(effectiveParagraphStyle(doc, h).alignment).toBe("CENTER");
  });
  it("the DocumentApp call count is bounded whatever the number of units", () => {
    const count = (n: number) => {
      const addon = districtAddon(n);
      addon.call("generateReport", "2023-Q1");
      const c = addon.docCount();
      addon.dispose();
      return c;
    };
    // A fixed budget per table: its header cells are centred paragraph by paragraph (Google documents
    // alignment for paragraphs only), about 4 calls per header column. Figures are right-aligned cell by
    // cell (3 calls) in tables of at most ALIGN_MAX_ROWS (100) rows, so the count is bounded and stops
    // growing past 100 units.
    const large = count(2000);
    expect(large).toBeLessThan(1000);
    // No table of over 100 rows is aligned, so any size stays under the fixed part plus 100 rows × 3 calls × 60 columns.
    for (const n of [20, 100, 101, 500]) expect(count(n)).toBeLessThan(large + 100 * 3 * 60);
  });
  it("settings from document properties appear in the header and signature", () => {
    const addon = sampleAddon();
    addon.call("saveSettings", {
      ...addon.call<object>("getSettings"),
      parentBody: "UBND tỉnh Quảng Trị",
      signerName: "Lê Văn Bình",
      place: "Hồ Xá",
    });
    addon.call("generateReport", "2023-Q1");
    const doc = addon.documents[0]!;
    const text = JSON.stringify(doc);
    expect(text).toContain("UBND TỈNH QUẢNG TRỊ");
    expect(text).toContain("Lê Văn Bình");
    expect(text).toMatch(/Hồ Xá, ngày/);
    addon.dispose();
  });
});

describe("npm run report (command line over an .xlsx export)", () => {
  const out = join(dir, "bc.docx");
  const json = join(dir, "kq.json");
  let run: ReturnType<typeof cli>;
  let result: {
    period: string;
    district: {
      indicators: Record<
        string,
        {
          value: number | null;
          numerator: number;
          denominator: number | null;
          target: number | null;
          met: boolean | null;
          shortfall: number | null;
        }
      >;
    };
    units: { unit: string; name: string; indicators: Record<string, { value: number | null }> }[];
    findings: { severity: string; rule: string; sheet: string; cell: string | null; unit: string; message: string }[];
    missing_units: string[];
  };
  beforeAll(() => {
    run = cli(samplePath, "--period", "2023-Q1", "--out", out, "--json", json);
    result = JSON.parse(readFileSync(json, "utf8"));
  });

  it("exits 0 and writes the .docx and SPEC's JSON", async () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(Object.keys(result)).toEqual([
      "period",
      "period_start",
      "period_end",
      "body",
      "total",
      "district",
      "units",
      "findings",
      "missing_units",
    ]);
    const text = (await readDocx(readFileSync(out))).text;
    expect(text).toContain("Tỷ lệ thanh toán trực tuyến chỉ đạt 5,9% so với mục tiêu 30% trở lên");
  });
  it("the JSON matches the figures computed by hand", () => {
    // Hand computation from the sample's design: 59 of 1,000 fee dossiers paid online;
    // 221 online of 221 + 4,779 received; 15 late + 8 pending overdue; 9 apologies.
    const d = result.district.indicators;
    expect(d["online_payment_rate"]).toEqual({
      value: 59 / 1000,
      numerator: 59,
      denominator: 1000,
      target: 0.3,
      met: false,
      shortfall: 0.241,
      previous: 39 / 950,
      year_ago: null,
      excluded_units: [],
    });
    expect(d["online_origin_rate"]).toEqual({
      value: 221 / 5000,
      numerator: 221,
      denominator: 5000,
      target: 0.2,
      met: false,
      shortfall: 0.1558,
      previous: 180 / 4800,
      year_ago: null,
      excluded_units: [],
    });
    expect(d["overdue_dossiers"]).toEqual({
      value: 23,
      numerator: 23,
      denominator: null,
      target: 0,
      met: false,
      shortfall: 23,
      previous: 30,
      year_ago: null,
      excluded_units: [],
    });
    expect(d["apology_rate"]).toMatchObject({ value: 9 / 23, numerator: 9, denominator: 23, target: 1, met: false });
    expect(d["electronic_records_rate"]).toMatchObject({ target: null, met: null, shortfall: null });
    expect(result.missing_units).toEqual(["VINHO"]);
    expect(result.units).toHaveLength(24);
    expect(result.units[0]).toMatchObject({ unit: "HOXA", name: "Thị trấn Hồ Xá" });
    expect(result.findings.map((f) => [f.severity, f.rule, f.cell, f.unit])).toEqual([
      ["error", "signed_le_issued", "V27", "HOXA"],
      ["error", "e_records_le_records", "X31", "VINHTU"],
      ["error", "not_a_number", "V44", "VINHHA"],
      ["warning", "disbursed_gt_plan", "T36", "VINHKHE"],
      ["warning", "missing_submission", null, "VINHO"],
    ]);
  });
  it("without --out the .docx goes next to the workbook", () => {
    const copy = join(dir, "bang-tinh.xlsx");
    writeFileSync(copy, readFileSync(samplePath));
    const r = cli(copy, "--period", "2023-Q1");
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "bang-tinh-2023-Q1.docx"))).toBe(true);
  });
  it("an output that cannot be written: exit 2 with one Vietnamese line, and the other output not written either", () => {
    const out = join(dir, "not-written.docx");
    const r = cli(samplePath, "--period", "2023-Q1", "--out", out, "--json", "/proc/nope/r.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('Không ghi được tệp "/proc/nope/r.json": thư mục không tồn tại và không tạo được (ENOENT).');
    expect(existsSync(out)).toBe(false);
    const dirAsFile = cli(samplePath, "--period", "2023-Q1", "--out", dir);
    expect(dirAsFile.status).toBe(2);
    expect(dirAsFile.stderr).toMatch(/đó là một thư mục/);
  });
  it("without --level or --settings: exit 2, one Vietnamese line, nothing written", () => {
    const r = cli(samplePath, "--period", "2023-Q1", "--out", join(dir, "nolevel.docx"), "--no-level");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Thiếu cấp báo cáo: hãy ghi --level/);
    expect(existsSync(join(dir, "nolevel.docx"))).toBe(false);
  });
  it("--strict fails on errors among the findings, after writing the report", () => {
    const r = cli(samplePath, "--period", "2023-Q1", "--out", join(dir, "s.docx"), "--strict");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("Có 3 lỗi trong số liệu quý I năm 2023 (15/12/2022–14/03/2023) (--strict).");
    expect(existsSync(join(dir, "s.docx"))).toBe(true);
  });

  async function workbookWith(edit: (book: ExcelJS.Workbook) => void): Promise<string> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(samplePath);
    edit(book);
    const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.xlsx`);
    await book.xlsx.writeFile(path);
    return path;
  }

  it("Excel error cells (#N/A) are error values, reported as findings", async () => {
    const path = await workbookWith((b) => {
      b.getWorksheet("Số liệu")!.getCell("R27").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    });
    const r = cli(path, "--period", "2023-Q1", "--out", join(dir, "na.docx"), "--json", join(dir, "na.json"));
    expect(r.status).toBe(0);
    const findings = JSON.parse(readFileSync(join(dir, "na.json"), "utf8")).findings;
    expect(findings).toContainEqual({
      severity: "error",
      rule: "error_value",
      sheet: "Số liệu",
      cell: "R27",
      unit: "HOXA",
      message: '"Hồ sơ thanh toán trực tuyến" chứa giá trị lỗi #N/A',
    });
  });
  it.each([
    [
      "a required sheet missing",
      (b: ExcelJS.Workbook) => b.removeWorksheet(b.getWorksheet("Số liệu")!.id),
      /Không tìm thấy trang "Số liệu"/,
    ],
    [
      "a required column missing",
      (b: ExcelJS.Workbook) => {
        b.getWorksheet("Số liệu")!.getCell("D1").value = "Trực tuyến";
      },
      /Trang "Số liệu" thiếu cột "Nhận trực tuyến"\./,
    ],
    ["the units sheet missing", (b: ExcelJS.Workbook) => b.removeWorksheet(b.getWorksheet("Đơn vị")!.id), /Không tìm thấy trang "Đơn vị"/],
  ] as const)("%s: non-zero exit, one clear Vietnamese line on standard error", async (_what, edit, message) => {
    const r = cli(await workbookWith(edit), "--period", "2023-Q1", "--out", join(dir, "x.docx"));
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
  it("not a workbook, or no file at all: non-zero exit, one line", () => {
    const fake = join(dir, "not.xlsx");
    writeFileSync(fake, "Mã đơn vị,Tên đơn vị\n");
    const a = cli(fake, "--period", "2023-Q1");
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(`Tệp "${fake}" không phải là bảng tính Excel (.xlsx) đọc được.`);
    const docx = join(dir, "report-as-xlsx.xlsx");
    writeFileSync(docx, readFileSync(join(dir, "bc.docx")));
    const zip = cli(docx, "--period", "2023-Q1");
    expect(zip.status).toBe(2);
    expect(zip.stderr).toBe(`Tệp "${docx}" không phải là bảng tính Excel (.xlsx) đọc được.`);
    const b = cli(join(dir, "missing.xlsx"), "--period", "2023-Q1");
    expect(b.status).toBe(2);
    expect(b.stderr).toBe(`Không tìm thấy tệp "${join(dir, "missing.xlsx")}".`);
  });
});

afterAll(() => undefined);
export { sampleWorkbook };
