/**
 * The bad-input corpus: hostile or clumsy input a clerk can give, across the
 * custom functions, the workbook actions and the command line. Each case
 * asserts the Vietnamese message, the place it names (the value, the cell or
 * the file), and that no cell a user entered changed. The summary test at
 * the end counts the corpus (issue 10 wants at least 60 distinct inputs).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { saveXlsx } from "@cchc/gas-standins";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import { startAddon, ROOT, type LocalAddon } from "../src/local/runtime";
import type { ValidationView } from "../src/core/view";
import { goodRow, submissionRows, targetRows, unitRows, type SubmissionInput } from "./fixtures";
import { DISTRICT_SETTINGS, snapshot } from "./helpers/addon";
import { loadBundle, type Loaded } from "./helpers/bundle";
import { readDocx } from "./helpers/docx-read";
import { toDocx } from "../src/local/render/docx-writer";

/** Distinct inputs tried, by family (checked at the end). */
const corpus = { functions: 0, workbooks: 0, cli: 0 };
/** Inputs after which a user's cell had changed (must stay 0). */
let cellsChanged = 0;

const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u1EA0-\u1EF9]/;
const BROKEN = /\uFFFD|NaN|Infinity|undefined|\[object /;

// ------------------------------------------------------------ custom functions

describe("custom functions", () => {
  let gas: Loaded;
  beforeAll(() => {
    gas = loadBundle();
  });
  const col = (...values: unknown[]) => values.map((v) => [v]);

  /** [function, arguments, what the message must say (and so the value it names)]. */
  const single: [string, unknown[], RegExp][] = [
    ["ONLINE_RATE", ["abc", 10], /không phải là số \("abc"\)/],
    ["ONLINE_RATE", ["12abc", 10], /không phải là số \("12abc"\)/],
    ["ONLINE_RATE", [-1, 10], /là số âm \(-1\)/],
    ["ONLINE_RATE", ["#N/A", 10], /chứa giá trị lỗi #N\/A/],
    ["ONLINE_RATE", ["#REF!", 10], /chứa giá trị lỗi #REF!/],
    ["ONLINE_RATE", [2.5, 10], /không phải số nguyên \(2,5\)/],
    ["ONLINE_RATE", [600000000.5, 1e9], /không phải số nguyên \(600\.000\.000,5\)/],
    ["ONLINE_RATE", [1e16, 1e17], /lớn quá 10\^15/],
    ["ONLINE_RATE", [1e308, 1e308], /lớn quá 10\^15 \(1e\+308\)/],
    ["ONLINE_RATE", [11, 10], /\(11\) lớn hơn .*\(10\)/],
    ["ONLINE_RATE", [new Date(2023, 0, 5), 10], /là ngày tháng, không phải số \(05\/01\/2023\)/],
    ["ONLINE_RATE", [true, 10], /không phải là số \(TRUE\)/],
    ["ONLINE_RATE", [`a${"😀".repeat(50)}`, 10], /không phải là số \("a(😀)+…"\)/u],
    ["ONLINE_RATE", ["x".repeat(10000), 10], /không phải là số \("x{40}…"\)/],
    [
      "ONLINE_RATE",
      [
        [[1], [2]],
        [[1], [2], [3]],
      ],
      /(cao|dòng)/,
    ],
    ["ONLINE_PAYMENT_RATE", [5, "mười"], /không phải là số \("mười"\)/],
    ["APOLOGY_RATE", [-0.5, 3], /là số âm/],
    ["DISBURSEMENT_RATE", [2e15, 3e15], /lớn quá 10\^15/],
    ["OVERDUE_COUNT", [-3], /là số âm \(-3\)/],
    ["OVERDUE_COUNT", ["1,5"], /không phải là số \("1,5"\)/],
    ["OVERDUE_COUNT", [1.25, 2], /không phải số nguyên/],
    ["REPORTING_PERIOD", [1e12], /1900–9999/],
    ["REPORTING_PERIOD", [3000000], /1900–9999/],
    ["REPORTING_PERIOD", ["abc"], /không phải là ngày/],
    ["REPORTING_PERIOD", ["31/02/2023"], /không phải là ngày/],
    ["REPORTING_PERIOD", [new Date(Number.NaN)], /Ngày không hợp lệ/],
    ["REPORTING_PERIOD", [45000, "weekly"], /Cách tính kỳ "weekly" không hợp lệ/],
    ["REPORTING_PERIOD", [5], /không phải là ngày/],
    ["SHORTFALL", ["x", 0.3], /không phải là số \("x"\)/],
    ["SHORTFALL", [0.5, 0.3, "ngược"], /"ngược"/],
    ["MEETS_TARGET", [0.5, "abc"], /"abc"/],
    ["MEETS_TARGET", [0.5, -0.3], /âm/],
  ];
  it.each(single)("%s(%j) throws a Vietnamese message naming the value", (name, args, says) => {
    corpus.functions++;
    let message = "";
    try {
      const out = gas.call(name, ...args);
      message = `no error, returned ${JSON.stringify(out)}`;
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(says);
    expect(message).toMatch(VIETNAMESE);
    expect(message).not.toMatch(BROKEN);
  });

  it("a range keeps computing around its bad rows, each bad cell's row saying why", () => {
    const bad = ["x", -2, "#DIV/0!", 3.5, 1e20, 30];
    corpus.functions += bad.length;
    const out = gas.call("ONLINE_RATE", col(1, ...bad, 5), col(10, ...bad.map(() => 20), 10)) as unknown[][];
    expect(out[0]![0]).toBe(0.1);
    expect(out.at(-1)![0]).toBe(0.5);
    const texts = out.slice(1, -1).map((r) => String(r[0]));
    for (const t of texts) {
      expect(t).toMatch(/^#LỖI: /);
      expect(t).not.toMatch(BROKEN);
    }
    expect(texts[0]).toMatch(/"x"/);
    expect(texts[1]).toMatch(/-2/);
    expect(texts[2]).toMatch(/#DIV\/0!/);
    expect(texts[3]).toMatch(/3,5/);
    expect(texts[4]).toMatch(/10\^15/);
    expect(texts[5]).toMatch(/\(30\) lớn hơn .*\(20\)/);
  });

  it("VALIDATE_SUBMISSION with a row narrower than the header says so for that row", () => {
    corpus.functions++;
    const header = SUBMISSION_COLUMNS.map((c) => c.header);
    expect(() => gas.call("VALIDATE_SUBMISSION", [header], [["2023-Q1", "A"]])).toThrow(/Dòng có 2 cột nhưng dòng tiêu đề có \d+ cột/);
  });
});

// ------------------------------------------------------------ workbooks

const open: LocalAddon[] = [];

/** Everything the last report says (its recorded structure as text). */
const docText = (addon: LocalAddon) => JSON.stringify(addon.documents.at(-1)).replace(/\\"/g, '"');
afterAll(() => {
  for (const a of open) a.dispose();
});

function addonWith(sheets: Record<string, unknown[][]>): LocalAddon {
  const a = startAddon({ sheets, documentProperties: DISTRICT_SETTINGS });
  open.push(a);
  return a;
}

const UNITS = unitRows([{ code: "A" }, { code: "B" }, { code: "C" }]);

/** A workbook of three units whose first row is `row` (overriding goodRow) and the two others good. */
function withRow(over: SubmissionInput, sheets: Record<string, unknown[][]> = {}): LocalAddon {
  return addonWith({
    "Đơn vị": UNITS,
    "Số liệu": submissionRows([goodRow("A", "2023-Q1", over), goodRow("B"), goodRow("C")]),
    ...sheets,
  });
}

/** Runs validatePeriod, checks nothing a user entered changed, and returns the findings. */
function findingsOf(addon: LocalAddon, period = "2023-Q1") {
  const before = JSON.stringify(snapshot(addon));
  const view = addon.call<ValidationView>("validatePeriod", period);
  if (JSON.stringify(snapshot(addon)) !== before) cellsChanged++;
  corpus.workbooks++;
  return view.groups.flatMap((g) => g.findings);
}

const letter = (key: string) => String.fromCharCode(65 + SUBMISSION_COLUMNS.findIndex((c) => c.key === key));

describe("workbooks: a bad cell or row is a finding that names its cell, in Vietnamese", () => {
  const cases: [string, SubmissionInput, string, RegExp][] = [
    ["text in a count", { received_online: "mười" }, "received_online", /không phải là số \("mười"\)/],
    ["a negative count", { received_online: -4 }, "received_online", /là số âm \(-4\)/],
    ["a fractional count", { received_direct: 79.5 }, "received_direct", /không phải số nguyên \(79,5\)/],
    ["a large fractional count", { fee_dossiers: 600000000.5 }, "fee_dossiers", /không phải số nguyên/],
    ["an error value", { digitized: "#N/A" }, "digitized", /chứa giá trị lỗi #N\/A/],
    ["#REF! from a formula", { paid_online: "#REF!" }, "paid_online", /chứa giá trị lỗi #REF!/],
    ["an amount above 10^15", { investment_plan: 2e15 }, "investment_plan", /lớn quá 10\^15/],
    ["an amount of 1e308", { investment_disbursed: 1e308 }, "investment_disbursed", /lớn quá 10\^15 \(1e\+308\)/],
    ["a date in a count", { apologies: new Date(2023, 1, 3) }, "apologies", /là ngày tháng, không phải số \(03\/02\/2023\)/],
    ["emoji in a count", { documents_issued: `n${"👍".repeat(60)}` }, "documents_issued", /không phải là số \("n(👍)+…"\)/u],
    ["a blank required count", { received_carried: "" }, "received_carried", /chưa nhập/],
    ["a boolean in a count", { work_records: true }, "work_records", /không phải là số \(TRUE\)/],
    ["(3) that is not (4)+(5)+(6)", { received_total: 999 }, "received_total", /999/],
    ["(7) that is not (8)+(9)+(10)", { resolved_total: 1 }, "resolved_total", /\(7\)|giải quyết/],
    ["signed > issued", { documents_signed: 250 }, "documents_signed", /\(250\) lớn hơn .*\(200\)/],
    ["paid online > fee dossiers", { paid_online: 60 }, "paid_online", /\(60\) lớn hơn .*\(50\)/],
    ["online > online-service dossiers", { received_online: 70, received_direct: 40 }, "received_online", /\(70\) lớn hơn/],
    ["electronic records > records", { work_records_electronic: 41 }, "work_records_electronic", /\(41\) lớn hơn .*\(40\)/],
  ];
  it.each(cases)("%s", (_, over, key, says) => {
    const all = findingsOf(withRow(over));
    const f = all.find((x) => x.cell === `${letter(key)}2`);
    expect(f, JSON.stringify(all)).toBeDefined();
    expect(f!.message).toMatch(says);
    expect(f!.message).toMatch(VIETNAMESE);
    expect(f!.message).not.toMatch(BROKEN);
    expect(f!.unit).toBe("A");
  });

  it("a unit with signed > issued is left out of the total digital-signature rate (no 108%, no Đạt)", () => {
    const addon = addonWith({
      "Đơn vị": UNITS,
      "Số liệu": submissionRows([
        goodRow("A", "2023-Q1", { documents_issued: 100, documents_signed: 200 }),
        goodRow("B", "2023-Q1", { documents_issued: 100, documents_signed: 70 }),
      ]),
    });
    corpus.workbooks++;
    const json = addon.call<{ total: { indicators: Record<string, { value: number; excluded_units: string[] }> } }>(
      "periodResults",
      "2023-Q1",
    );
    const sig = json.total.indicators.digital_signature_rate!;
    expect(sig.value).toBeCloseTo(0.7, 10);
    expect(sig.excluded_units).toEqual(["A"]);
  });

  it("amounts of 1e308: no NaN anywhere in the sidebar, JSON or report; the unit is left out", () => {
    const addon = withRow({ investment_plan: 1e308, investment_disbursed: 1e308 });
    const view = addon.call<ValidationView>("validatePeriod", "2023-Q1");
    corpus.workbooks++;
    expect(JSON.stringify(view)).not.toMatch(/NaN|Infinity/);
    const json = addon.call<unknown>("periodResults", "2023-Q1");
    const numbers: unknown[] = [];
    JSON.stringify(json, (_, v) => {
      if (typeof v === "number") numbers.push(v);
      return v;
    });
    expect(numbers.every((n) => Number.isFinite(n))).toBe(true);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
    addon.call("generateReport", "2023-Q1");
    expect(docText(addon)).not.toMatch(/NaN|Infinity/);
  });
});

describe("workbooks: the form 06 table adds up around an unreadable cell", () => {
  it("its totals row is the sum of the rows shown; the unreadable cell shows — and the note names the unit", async () => {
    const addon = withRow({ received_online: "ba mươi" });
    corpus.workbooks++;
    const before = JSON.stringify(snapshot(addon));
    addon.call("generateReport", "2023-Q1");
    expect(JSON.stringify(snapshot(addon))).toBe(before);
    const docx = await readDocx(await toDocx(addon.documents.at(-1)!));
    const table = docx.tables.find((t) => t[0]![2] === "Tổng số nhận (3)")!;
    const body = table.slice(1, -1);
    const total = table.at(-1)!;
    expect(body[0]![3]).toBe("—");
    const n = (t: string) => (t === "—" ? 0 : Number(t.replace(/\./g, "")));
    for (let c = 2; c < total.length; c++) expect(n(total[c]!)).toBe(body.reduce((a, r) => a + n(r[c]!), 0));
    expect(docx.text).toMatch(/“—”: ô không đọc được; dòng tổng chỉ cộng các ô đọc được, chưa đủ số liệu của: Xã A\./);
  });
});

describe("workbooks: rows the report cannot count are named", () => {
  it("an unknown unit code is a finding on its cell and is named in the report's data-status section", () => {
    const addon = addonWith({ "Đơn vị": UNITS, "Số liệu": submissionRows([goodRow("A"), goodRow("ZZZ"), goodRow("B")]) });
    const f = findingsOf(addon).find((x) => x.rule === "unknown_unit")!;
    expect(f.cell).toBe("B3");
    expect(f.message).toBe('Mã đơn vị ZZZ không có trong trang "Đơn vị"');
    addon.call("generateReport", "2023-Q1");
    expect(docText(addon)).toContain('ô B3 (mã đơn vị ZZZ không có trong trang "Đơn vị")');
  });
  it("a date typed in Kỳ báo cáo is read as the period that contains it, with a warning on its cell (issue 18)", () => {
    const addon = addonWith({
      "Đơn vị": UNITS,
      "Số liệu": submissionRows([goodRow("A"), goodRow("B"), goodRow("C", new Date(2023, 1, 1) as unknown as string)]),
    });
    const f = findingsOf(addon).find((x) => x.rule === "period_from_date")!;
    expect([f.cell, f.severity]).toEqual(["A4", "warning"]);
    expect(f.message).toMatch(/"Kỳ báo cáo" ghi ngày 01\/02\/2023, không phải kỳ báo cáo: được đọc là quý I năm 2023/);
    expect(findingsOf(addon).some((x) => x.rule === "bad_period")).toBe(false);
    addon.call("generateReport", "2023-Q1");
    expect(docText(addon)).toContain("3/3 đơn vị");
  });
  it.each([["Q5/2023"], ["2023-Q"], ["quý một"]])("Kỳ báo cáo %j is an unreadable period", (period) => {
    const addon = addonWith({ "Đơn vị": UNITS, "Số liệu": submissionRows([goodRow("A"), goodRow("B", period)]) });
    const f = findingsOf(addon).find((x) => x.rule === "bad_period")!;
    expect(f.cell).toBe("A3");
    expect(f.message).toContain(`không đọc được ("${period}")`);
  });
  it("the same unit twice in a period: the second row is named and not counted", () => {
    const addon = addonWith({ "Đơn vị": UNITS, "Số liệu": submissionRows([goodRow("A"), goodRow("A")]) });
    const f = findingsOf(addon).find((x) => x.rule === "duplicate_row")!;
    expect(f.cell).toBe("B3");
    expect(f.message).toMatch(/đã có số liệu quý I năm 2023 ở dòng 2/);
  });
  it("a period in which no unit submitted gets no report, and the action says so", () => {
    const addon = withRow({});
    corpus.workbooks++;
    const before = JSON.stringify(snapshot(addon));
    expect(() => addon.call("generateReport", "2024-Q1")).toThrow("Kỳ quý I năm 2024 chưa có đơn vị nào nộp số liệu; không tạo báo cáo.");
    expect(addon.documents).toHaveLength(0);
    expect(JSON.stringify(snapshot(addon))).toBe(before);
  });
});

describe("workbooks: sheets and columns", () => {
  it("findings on Chỉ tiêu carry unit null, not an empty code", () => {
    const addon = withRow(
      {},
      {
        "Chỉ tiêu": targetRows([
          ["ONLINE_RATE", 2023, 5],
          ["NO_SUCH", 2023, 0.3],
        ]),
      },
    );
    const fs = findingsOf(addon).filter((x) => x.sheet === "Chỉ tiêu");
    expect(fs.map((x) => [x.cell, x.unit])).toEqual([
      ["C2", null],
      ["A3", null],
    ]);
    expect(fs[0]!.message).toMatch(/lớn hơn 100%/);
    expect(fs[1]!.message).toMatch(/Mã chỉ tiêu "NO_SUCH" không có trong danh mục/);
    const json = addon.call<{ findings: { sheet: string; unit: unknown }[] }>("periodResults", "2023-Q1");
    expect(json.findings.filter((x) => x.sheet === "Chỉ tiêu").map((x) => x.unit)).toEqual([null, null]);
  });
  it("a two-row header with group titles merged over (4)(5)(6) is read (the usual form 06 layout)", () => {
    const keys = SUBMISSION_COLUMNS.map((c) => c.key);
    const [header, ...rows] = submissionRows([goodRow("A"), goodRow("B"), goodRow("C")]);
    // Row 1: a title; row 2: group titles (Kỳ báo cáo and Mã đơn vị merged down, so empty below); row 3: the columns.
    const title = ["BIỂU 06: TÌNH HÌNH GIẢI QUYẾT TTHC", ...header!.slice(1).map(() => "")];
    const groups = keys.map((k, i) =>
      k === "period" || k === "unit"
        ? header![i]
        : k === "received_online"
          ? "Số hồ sơ nhận"
          : k === "resolved_early"
            ? "Số hồ sơ đã giải quyết"
            : "",
    );
    const lower = keys.map((k, i) => (k === "period" || k === "unit" ? "" : header![i]));
    const addon = addonWith({ "Đơn vị": UNITS, "Số liệu": [title, groups, lower, ...rows] });
    const fs = findingsOf(addon);
    expect(fs.filter((f) => f.severity === "error")).toEqual([]);
    const json = addon.call<{ units: unknown[] }>("periodResults", "2023-Q1");
    expect(json.units).toHaveLength(3);
  });
  it.each([
    ["Mã đơn vị", /Trang "Số liệu" thiếu cột "Mã đơn vị"/],
    ["Kỳ báo cáo", /Trang "Số liệu" thiếu cột "Kỳ báo cáo"/],
  ])("a missing %s column is one message naming the sheet and column", (header, says) => {
    const rows = submissionRows([goodRow("A")]);
    const i = rows[0]!.indexOf(header);
    const addon = addonWith({ "Đơn vị": UNITS, "Số liệu": rows.map((r) => r.filter((_, c) => c !== i)) });
    corpus.workbooks++;
    const before = JSON.stringify(snapshot(addon));
    expect(() => addon.call("validatePeriod", "2023-Q1")).toThrow(says);
    expect(JSON.stringify(snapshot(addon))).toBe(before);
  });
  it("two columns with the same header are named by their positions", () => {
    const rows = submissionRows([goodRow("A")]).map((r) => [...r, r[2]]);
    const addon = addonWith({ "Đơn vị": UNITS, "Số liệu": rows });
    corpus.workbooks++;
    expect(() => addon.call("validatePeriod", "2023-Q1")).toThrow(/có hai cột "Tổng số hồ sơ nhận" \(cột 3 và cột \d+\)/);
  });
  it("a moved column is read by its header", () => {
    const rows = submissionRows([goodRow("A"), goodRow("B"), goodRow("C")]).map((r) => [...r.slice(1), r[0]]);
    const fs = findingsOf(addonWith({ "Đơn vị": UNITS, "Số liệu": rows }));
    expect(fs.filter((f) => f.severity === "error")).toEqual([]);
  });
  it("one stray cell far away (column 1,001 of row 300,000) is refused from the sheet's size, before any cell is read", () => {
    const addon = withRow({});
    const sheet = addon.env.document.getSheetByName("Số liệu")!;
    sheet.insertRowsAfter(sheet.getMaxRows(), 300_000 - sheet.getMaxRows());
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1001 - sheet.getMaxColumns());
    sheet.getRange(300_000, 1001).setValue("x");
    corpus.workbooks++;
    const corner = () => JSON.stringify(sheet.getRange(1, 1, 5, 29).getValues()) + sheet.getRange(300_000, 1001).getValue();
    const before = corner();
    addon.env.resetCounts();
    expect(() => addon.call("validatePeriod", "2023-Q1")).toThrow(
      'Trang "Số liệu" dùng đến dòng 300.000, cột 1.001: quá giới hạn 200.000 dòng, 1.000 cột.',
    );
    expect(addon.env.count("Range.getValues")).toBe(1); // Đơn vị only: Số liệu was never read
    expect(corner()).toBe(before);
  });
  it("a missing Đơn vị sheet is one message saying what to do", () => {
    const addon = addonWith({ "Số liệu": submissionRows([goodRow("A")]) });
    corpus.workbooks++;
    expect(() => addon.call("validatePeriod", "2023-Q1")).toThrow(/Không tìm thấy trang "Đơn vị"\. Hãy chạy "Thiết lập bảng tính"/);
  });
  const unitCases: [string, unknown[][], string, RegExp][] = [
    ["a duplicate unit code", [...UNITS, ["A", "Xã A bis", "Xã", "", true]], "A5", /Mã đơn vị A trùng với dòng 2/],
    ["a merger without a date", [...UNITS, ["D", "Xã D", "Xã", "", false, "A", ""]], "G5", /sáp nhập vào A nhưng ô .* chưa nhập/],
    ["an unknown successor", [...UNITS, ["D", "Xã D", "Xã", "", false, "QQ", "01/07/2025"]], "F5", /QQ/],
    [
      "a Hoạt động that is not a tick box",
      [...UNITS.slice(0, 3), ["C", "Xã C", "Xã", "", "maybe"]],
      "E4",
      /không phải ô đánh dấu \("maybe"\)/,
    ],
  ];
  it.each(unitCases)("Đơn vị: %s", (_, units, cell, says) => {
    const header = [...(units[0] as unknown[])];
    const width = Math.max(...units.map((r) => r.length));
    const full = units.map((r) => [...r, ...Array(width - r.length).fill("")]);
    if (header.length < width) full[0] = [...header, "Sáp nhập vào", "Từ ngày"].slice(0, width);
    const addon = addonWith({ "Đơn vị": full, "Số liệu": submissionRows([goodRow("A"), goodRow("B"), goodRow("C")]) });
    const all = findingsOf(addon);
    const f = all.find((x) => x.sheet === "Đơn vị" && x.cell === cell);
    expect(f, JSON.stringify(all)).toBeDefined();
    expect(f!.message).toMatch(says);
  });
});

// ------------------------------------------------------------ the command line

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "cchc-bad-cli-"));
let book = "";

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, ["--import", "tsx", join(ROOT, "src/local/cli/report.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe("the command line: exit 2, one Vietnamese line, nothing written", () => {
  beforeAll(async () => {
    const addon = withRow({});
    book = join(work, "book.xlsx");
    writeFileSync(book, await saveXlsx(addon.env.spreadsheet));
    writeFileSync(join(work, "not-a-book.xlsx"), "Kỳ báo cáo,Mã đơn vị\n2023-Q1,A\n");
    writeFileSync(join(work, "a-file"), "x");
    writeFileSync(join(work, "bad.json"), "{ level: tỉnh");
    writeFileSync(join(work, "wrong-shape.json"), JSON.stringify({ level: "quận", recipients: "Bộ Nội vụ" }));
    mkdirSync(join(work, "a-folder.docx"));
    const noSubmissions = startAddon({ sheets: { "Đơn vị": UNITS } });
    writeFileSync(join(work, "no-submissions.xlsx"), await saveXlsx(noSubmissions.env.spreadsheet));
    noSubmissions.dispose();
  });
  const level = ["--level", "huyện", "--name", "Vĩnh Linh"];
  const cases: [string, () => string[], RegExp][] = [
    ["a text file named .xlsx", () => [join(work, "not-a-book.xlsx"), "--period", "2023-Q1", ...level], /không phải là bảng tính Excel/],
    ["a missing file", () => [join(work, "nowhere.xlsx"), "--period", "2023-Q1", ...level], /Không tìm thấy tệp/],
    ["a folder", () => [work, "--period", "2023-Q1", ...level], /là một thư mục/],
    ["an unreadable period", () => [book, "--period", "2023-Q5", ...level], /Kỳ báo cáo "2023-Q5" không đọc được/],
    ["an unknown option", () => [book, "--period", "2023-Q1", "--fast", ...level], /Không hiểu tùy chọn --fast/],
    ["a bad level", () => [book, "--period", "2023-Q1", "--level", "quận", "--name", "X"], /Cấp báo cáo "quận" không hợp lệ/],
    ["no level at all", () => [book, "--period", "2023-Q1"], /Thiếu cấp báo cáo/],
    ["a bad period rule", () => [book, "--period", "2023-Q1", "--period-rule", "weekly", ...level], /Cách tính kỳ "weekly" không hợp lệ/],
    ["--out under a file", () => [book, "--period", "2023-Q1", "--out", join(work, "a-file", "r.docx"), ...level], /không phải là thư mục/],
    ["--out a folder", () => [book, "--period", "2023-Q1", "--out", join(work, "a-folder.docx"), ...level], /đó là một thư mục/],
    [
      "--json unwritable while --out is fine",
      () => [book, "--period", "2023-Q1", "--out", join(work, "ok.docx"), "--json", join(work, "a-file", "r.json"), ...level],
      /Không ghi được tệp .*r\.json/,
    ],
    ["settings that are not JSON", () => [book, "--period", "2023-Q1", "--settings", join(work, "bad.json")], /không phải JSON đọc được/],
    [
      "settings of the wrong shape",
      () => [book, "--period", "2023-Q1", "--settings", join(work, "wrong-shape.json")],
      /Cấp báo cáo phải là tỉnh, xã hoặc huyện/,
    ],
    ["a period nobody submitted", () => [book, "--period", "2024-Q1", ...level], /Kỳ quý I năm 2024 chưa có đơn vị nào nộp số liệu/],
    [
      "a workbook without Số liệu",
      () => [join(work, "no-submissions.xlsx"), "--period", "2023-Q1", ...level],
      /Không tìm thấy trang "Số liệu"/,
    ],
  ];
  it.concurrent.each(cases)("%s", async (_, args, says) => {
    corpus.cli++;
    const before = readdirSync(work).sort();
    const r = await run(...args());
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(says);
    expect(lines[0]).toMatch(VIETNAMESE);
    expect(readdirSync(work).sort()).toEqual(before);
    expect(existsSync(join(work, "ok.docx"))).toBe(false);
  });
});

describe("the command line reads a real form 06 workbook with merged header cells", () => {
  it("a title row, then group titles merged across (4)(5)(6) with Kỳ báo cáo and Mã đơn vị merged down: exit 0, every unit read", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet("Đơn vị");
    for (const r of UNITS) units.addRow(r);
    const ws = wb.addWorksheet("Số liệu");
    const [header, ...rows] = submissionRows([goodRow("A"), goodRow("B"), goodRow("C")]);
    const keys = SUBMISSION_COLUMNS.map((c) => c.key);
    const at = (key: string) => keys.indexOf(key as never) + 1;
    ws.addRow(["BIỂU 06: TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"]);
    ws.mergeCells(1, 1, 1, 10);
    const groups: unknown[] = header!.map(() => null);
    groups[at("period") - 1] = "Kỳ báo cáo";
    groups[at("unit") - 1] = "Mã đơn vị";
    groups[at("received_online") - 1] = "Số hồ sơ nhận";
    ws.addRow(groups);
    ws.addRow(header!.map((h, i) => (i === at("period") - 1 || i === at("unit") - 1 ? null : h)));
    ws.mergeCells(2, at("period"), 3, at("period"));
    ws.mergeCells(2, at("unit"), 3, at("unit"));
    ws.mergeCells(2, at("received_online"), 2, at("received_carried"));
    for (const r of rows) ws.addRow(r);
    const file = join(work, "form06-merged.xlsx");
    await wb.xlsx.writeFile(file);
    corpus.cli++;
    const json = join(work, "form06-merged.json");
    const r = await run(
      file,
      "--period",
      "2023-Q1",
      "--level",
      "huyện",
      "--name",
      "Vĩnh Linh",
      "--out",
      join(work, "form06-merged.docx"),
      "--json",
      json,
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(json, "utf8")) as { units: unknown[]; findings: { severity: string }[] };
    expect(result.units).toHaveLength(3);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("the corpus", () => {
  it("has at least 60 distinct inputs, every one handled with no user cell changed", () => {
    const total = corpus.functions + corpus.workbooks + corpus.cli;
    console.log(
      `bad-input corpus: ${corpus.functions} custom-function, ${corpus.workbooks} workbook, ${corpus.cli} command-line inputs = ${total}; user cells changed: ${cellsChanged}`,
    );
    expect(total).toBeGreaterThanOrEqual(60);
    expect(cellsChanged).toBe(0);
  });
});
