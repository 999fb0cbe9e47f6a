/**
 * Set-up from the national unit list (SPEC "Setting up for any province or
 * commune", issue 17): every province through the bundle on the stand-ins,
 * names as people type them, what the server refuses, the command line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadXlsx } from "@cchc/gas-standins";
import { afterAll, describe, expect, it } from "vitest";
import { SHEET_UNITS, UNIT_COLUMNS } from "../src/core/schema";
import { fromList, OLD_CODE_SUFFIX, parseUnitList, PROVINCE_OFFICES, type UnitList } from "../src/core/setup";
import { ROOT, DIST, startAddon } from "../src/local/runtime";
import { setUpNew } from "../src/local/workbook/new";
import type { SetupResult } from "../src/gas/actions";
import type { ValidationView } from "../src/core/view";
import { disposeAfterEach, sampleAddon } from "./helpers/addon";

const LIST: UnitList = parseUnitList(readFileSync(join(DIST, "units.html"), "utf8"));
const DATA = JSON.parse(readFileSync(join(ROOT, "..", "shared", "data", "vn-2025-units.json"), "utf8")) as {
  provinces: {
    code: string;
    name: string;
    units: { code: string; name: string; merged_from: { code: string; name: string; whole: boolean }[] }[];
  }[];
};
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";
const col = (key: string) => UNIT_COLUMNS.findIndex((c) => c.key === key);
const track = disposeAfterEach();

describe("the list in dist/units.html is the public data, compact", () => {
  it("34 provinces, 3,321 units, every old unit, in lines of codes and names only", () => {
    expect(LIST.provinces).toHaveLength(34);
    expect(LIST.provinces.reduce((n, p) => n + p.units.length, 0)).toBe(3321);
    const olds = DATA.provinces.reduce((n, p) => n + p.units.reduce((m, u) => m + u.merged_from.length, 0), 0);
    expect(LIST.provinces.reduce((n, p) => n + p.units.reduce((m, u) => m + u.from.length, 0), 0)).toBe(olds);
    DATA.provinces.forEach((p, i) => {
      const got = LIST.provinces[i]!;
      expect([got.code, got.name]).toEqual([p.code, p.name]);
      p.units.forEach((u, j) => {
        const g = got.units[j]!;
        expect([g.code, g.name]).toEqual([u.code, u.name.replace(/\s+/g, " ").trim()]);
        expect(g.from.map((o) => [o.code, o.whole])).toEqual(u.merged_from.map((o) => [o.code, o.whole]));
        expect(g.from.map((o) => o.name.toLowerCase())).toEqual(u.merged_from.map((o) => o.name.replace(/\s+/g, " ").trim().toLowerCase()));
      });
    });
    const text = readFileSync(join(DIST, "units.html"), "utf8");
    expect(text).not.toMatch(/[<&]/); // plain text: HtmlService serves it as it is
    for (const line of text.trimEnd().split("\n").slice(1)) expect(line).toMatch(/^(![SC] \S+ .+|#\d\d [^|]+\|.*|\S+ [XPD][^|,]+\|.*)$/);
    expect(statSync(join(DIST, "units.html")).size).toBeLessThan(300 * 1024);
  });
});

describe("set-up at level tỉnh, every province through the stand-ins", () => {
  const checked: string[] = [];
  afterAll(() => expect(checked).toHaveLength(34));
  it("each of the 34: the list's units active, the offices, every old unit inactive with its successor(s) from 01/07/2025", () => {
    for (const p of LIST.provinces) {
      const { addon, answer, message } = setUpNew("tỉnh", p.name);
      try {
        expect(answer.ok, p.name).toBe(true);
        expect(message).toMatch(/^Đã tạo trang "Đơn vị", "Chỉ tiêu", "Số liệu"/);
        const rows = addon.env
          .values(SHEET_UNITS)
          .slice(1)
          .filter((r) => r[0] !== "");
        const byCode = new Map(rows.map((r) => [String(r[col("code")]), r]));
        // No code twice; codes stay text ("00004" is not 4).
        expect(byCode.size, p.name).toBe(rows.length);
        for (const r of rows) expect(typeof r[col("code")]).toBe("string");
        const active = rows.filter((r) => r[col("active")] === true);
        const communes = active.filter((r) => ["Xã", "Phường", "Đặc khu"].includes(String(r[col("kind")])));
        expect(communes.map((r) => r[col("code")])).toEqual(p.units.map((u) => u.code));
        expect(active).toHaveLength(p.units.length + PROVINCE_OFFICES.length + 1);
        const newCodes = new Set(p.units.map((u) => u.code));
        const successorsOf = new Map<string, string[]>();
        for (const u of p.units) for (const o of u.from) successorsOf.set(o.code, [...(successorsOf.get(o.code) ?? []), u.code]);
        for (const u of p.units) {
          for (const o of u.from) {
            const code = newCodes.has(o.code) ? o.code + OLD_CODE_SUFFIX : o.code;
            const r = byCode.get(code);
            expect(r, `${p.name}: ${o.name}`).toBeDefined();
            expect(r![col("active")]).toBe(false);
            const succ = String(r![col("successors")]).split(", ");
            // A whole merger points to its successor; a split unit lists every unit it went to.
            if (o.whole) expect(succ).toEqual([u.code]);
            else expect(succ.sort()).toEqual([...successorsOf.get(o.code)!].sort());
            expect(succ.length > 1).toBe(!o.whole);
          }
        }
        const old = rows.filter((r) => r[col("active")] === false);
        expect(old).toHaveLength(successorsOf.size);
        const merged = addon.env
          .sheet(SHEET_UNITS)
          .getRange(2 + active.length, col("merged_on") + 1)
          .getDisplayValue();
        expect(merged).toBe("01/07/2025");
        // The add-on reads what set-up wrote without a finding on Đơn vị (successors known, no cycle, dates read).
        const view = addon.call<ValidationView>("validatePeriod", "2025-Q3");
        expect(view.groups.flatMap((g) => g.findings).filter((f) => f.sheet === SHEET_UNITS)).toEqual([]);
        expect(view.expected).toBe(active.length);
        checked.push(p.code);
      } finally {
        addon.dispose();
      }
    }
  });
  it("an old code a new unit kept is marked (Xã Vĩnh Linh keeps 19363, Thị trấn Hồ Xá becomes 19363-CU)", () => {
    const { addon } = setUpNew("tỉnh", "Quảng Trị");
    track(addon);
    const rows = addon.env.values(SHEET_UNITS);
    expect(rows.find((r) => r[0] === "19363")!.slice(0, 3)).toEqual(["19363", "Xã Vĩnh Linh", "Xã"]);
    expect(rows.find((r) => r[0] === "19363-CU")!.slice(0, 6)).toEqual(["19363-CU", "Thị trấn Hồ Xá", "Thị trấn", "", false, "19363"]);
  });
  it("a city's offices are the city's; the settings and the report's words follow (Thành phố Huế)", () => {
    const { addon } = setUpNew("tỉnh", "TP Huế");
    track(addon);
    const rows = addon.env.values(SHEET_UNITS);
    expect(rows.find((r) => r[0] === "VPUBND")![1]).toBe("Văn phòng UBND thành phố");
    expect(rows.find((r) => r[0] === "TTPVHCC")![1]).toBe("Trung tâm Phục vụ hành chính công thành phố");
    expect(addon.call<{ name: string; issuingBody: string; place: string }>("getSettings")).toMatchObject({
      name: "Thành phố Huế",
      issuingBody: "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ",
      place: "Huế",
    });
  });
  it("the largest province in one batch: one read of the list, no service call per row", () => {
    const hcm = LIST.provinces.find((p) => p.code === "79")!;
    const a = track(startAddon());
    a.env.resetCounts();
    const { list } = a.call<{ list: string }>("setupList");
    expect(a.env.calls.get("HtmlService.createHtmlOutputFromFile")).toBe(1);
    expect(a.env.calls.get("HtmlOutput.getContent")).toBe(1);
    const answer = fromList(parseUnitList(list), "tỉnh", hcm.name);
    if (!answer.ok) throw new Error(answer.message);
    a.env.resetCounts();
    a.call("setupSheets", "tỉnh", answer.name, JSON.parse(JSON.stringify(answer.units)));
    expect(answer.units.length).toBeGreaterThan(600);
    expect(a.env.count("HtmlService")).toBe(0); // the server checks the rows; it needs no list
    expect(a.env.calls.get("Range.setValues") ?? 0).toBeLessThanOrEqual(6);
    expect(a.env.count("SpreadsheetApp") + a.env.count("Utilities")).toBeLessThan(250);
  });
});

describe("set-up at level xã", () => {
  it("the commune's offices and centre, coded with its own statistics code; a ward's economic office is the ward's", () => {
    const { addon, answer } = setUpNew("xã", "Phường Đông Hà");
    track(addon);
    expect(answer.ok && answer.title).toBe("Phường Đông Hà (Tỉnh Quảng Trị)");
    const rows = addon.env
      .values(SHEET_UNITS)
      .slice(1)
      .filter((r) => r[0] !== "");
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ["19333-VP", "Văn phòng HĐND và UBND phường", "Phòng ban", "", true],
      ["19333-KT", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng ban", "", true],
      ["19333-VHXH", "Phòng Văn hóa - Xã hội", "Phòng ban", "", true],
      ["19333-TTPVHCC", "Trung tâm Phục vụ hành chính công phường", "Trung tâm PVHCC", "", true],
    ]);
    expect(addon.call<{ issuingBody: string }>("getSettings").issuingBody).toBe("ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ");
  });
});

describe("names as people type them", () => {
  const title = (level: string, name: string, province?: string) => {
    const a = fromList(LIST, level, name, province);
    return a.ok ? a.title : { candidates: a.candidates };
  };
  it.each([
    ["tỉnh", "Hà Tĩnh", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "tỉnh hà tĩnh", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "TỈNH HÀ TĨNH", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "ha tinh", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "  Ha   Tinh ", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "hatinh", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "Tinh Ha Tinh", "Tỉnh Hà Tĩnh"],
    ["tỉnh", "TP Huế", "Thành phố Huế"],
    ["tỉnh", "Thành phố Huế", "Thành phố Huế"],
    ["tỉnh", "tp. hue", "Thành phố Huế"],
    ["tỉnh", "hue", "Thành phố Huế"],
    ["tỉnh", "TP.HCM", "Thành phố Hồ Chí Minh"],
    ["tỉnh", "tp hồ chí minh", "Thành phố Hồ Chí Minh"],
    ["tỉnh", "Sài Gòn", "Thành phố Hồ Chí Minh"],
    ["tỉnh", "Hà Nội", "Thành phố Hà Nội"],
    ["tỉnh", "thanh pho ha noi", "Thành phố Hà Nội"],
    ["tỉnh", "Đắk Lắk", "Tỉnh Đắk Lắk"],
    ["tỉnh", "dak lak", "Tỉnh Đắk Lắk"],
    ["tỉnh", "Thanh Hoá", "Tỉnh Thanh Hóa"], // the old placement of the tone mark
    ["tỉnh", "khanh hoa", "Tỉnh Khánh Hòa"],
    ["tỉnh", "Quảng Trị", "Tỉnh Quảng Trị"],
    ["tỉnh", "quang tri", "Tỉnh Quảng Trị"],
    ["tỉnh", "Đà Nẵng", "Thành phố Đà Nẵng"],
    ["tỉnh", "can tho", "Thành phố Cần Thơ"],
    ["xã", "Vĩnh Linh", "Xã Vĩnh Linh (Tỉnh Quảng Trị)"],
    ["xã", "Xã Vĩnh Linh", "Xã Vĩnh Linh (Tỉnh Quảng Trị)"],
    ["xã", "xa vinh linh", "Xã Vĩnh Linh (Tỉnh Quảng Trị)"],
    ["xã", "Phường Đông Hà", "Phường Đông Hà (Tỉnh Quảng Trị)"],
    ["xã", "p. dong ha", "Phường Đông Hà (Tỉnh Quảng Trị)"],
    ["xã", "Đặc khu Cồn Cỏ", "Đặc khu Cồn Cỏ (Tỉnh Quảng Trị)"],
    ["xã", "Xã Tân Hiệp, An Giang", "Xã Tân Hiệp (Tỉnh An Giang)"],
    ["xã", "tan hiep, tinh an giang", "Xã Tân Hiệp (Tỉnh An Giang)"],
  ])("%s %j → %s", (level, typed, expected) => {
    expect(title(level, typed)).toBe(expected);
  });
  it("a commune named with its province when the name is ambiguous; the province may be typed as people do", () => {
    expect(title("xã", "Tân Hiệp", "An Giang")).toBe("Xã Tân Hiệp (Tỉnh An Giang)");
    expect(title("xã", "Tân Hiệp", "tp hcm")).toBe("Phường Tân Hiệp (Thành phố Hồ Chí Minh)");
    expect(title("xã", "Phường Tân Hiệp")).toBe("Phường Tân Hiệp (Thành phố Hồ Chí Minh)"); // the kind typed decides
  });
  it("an ambiguous name is refused with every candidate and its province", () => {
    const a = fromList(LIST, "xã", "Tân Hiệp");
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.candidates).toEqual([
      "Xã Tân Hiệp (Thành phố Đà Nẵng)",
      "Phường Tân Hiệp (Thành phố Hồ Chí Minh)",
      "Xã Tân Hiệp (Tỉnh An Giang)",
    ]);
    expect(a.message).toMatch(/^"Tân Hiệp" có ở nhiều nơi; hãy chọn một: /);
    // Many commune names exist in several provinces: every one of them is refused the same way.
    const seen = new Map<string, number>();
    for (const p of LIST.provinces) for (const u of p.units) seen.set(u.name, (seen.get(u.name) ?? 0) + 1);
    const several = [...seen].filter(([, n]) => n > 1);
    expect(several.length).toBeGreaterThan(50);
    for (const [name, n] of several.slice(0, 40)) {
      const r = fromList(LIST, "xã", name);
      expect(r.ok ? "found" : r.candidates.length, name).toBe(n);
    }
  });
  it("a name that matches nothing is refused; a merged province or an old commune names what it became", () => {
    expect(title("tỉnh", "Quảng Bình")).toEqual({ candidates: ["Tỉnh Quảng Trị"] });
    expect(title("tỉnh", "Hà Giang")).toEqual({ candidates: ["Tỉnh Tuyên Quang"] });
    expect(title("xã", "Thị trấn Hồ Xá")).toEqual({ candidates: ["Xã Vĩnh Linh (Tỉnh Quảng Trị)"] });
    expect(title("tỉnh", "Atlantis")).toEqual({ candidates: [] });
    const a = fromList(LIST, "xã", "Vĩnh Linh", "Atlantis");
    expect(!a.ok && a.message).toBe('Không tìm thấy tỉnh, thành phố "Atlantis" trong danh sách đơn vị hành chính từ 01/07/2025.');
    expect(title("tỉnh", "quang")).toEqual({ candidates: ["Tỉnh Tuyên Quang", "Tỉnh Quảng Ninh", "Tỉnh Quảng Trị", "Tỉnh Quảng Ngãi"] });
    // Names that only resemble what was typed are not "in several places".
    const near = fromList(LIST, "tỉnh", "quang");
    expect(!near.ok && near.message).toMatch(/^Không tìm thấy tỉnh, thành phố "quang" .* Có phải: Tỉnh Tuyên Quang; /);
  });
});

describe("what the server refuses", () => {
  const units = () => {
    const a = fromList(LIST, "tỉnh", "Hà Tĩnh");
    if (!a.ok) throw new Error(a.message);
    return JSON.parse(JSON.stringify(a.units)) as { code: string; name: string; successors: string }[];
  };
  it.each([
    ["a code twice", (u: ReturnType<typeof units>) => u.push({ ...u[0]! }), /có mã đơn vị lặp lại/],
    ["a successor not in the rows", (u: ReturnType<typeof units>) => (u.at(-1)!.successors = "99999"), /sáp nhập vào 99999/],
    ["a formula for a name", (u: ReturnType<typeof units>) => (u[3]!.name = '=IMPORTXML("http://x")'), /dòng 4/],
    ["not a list", (u: ReturnType<typeof units>) => u.splice(0, u.length, null as never), /dòng 1/],
  ])("rows with %s: refused in Vietnamese, nothing created", (_what, spoil, message) => {
    const a = track(startAddon());
    const rows = units();
    spoil(rows);
    expect(() => a.call("setupSheets", "tỉnh", "Hà Tĩnh", rows)).toThrow(message);
    expect(a.env.document.getSheets().map((s) => s.getName())).toEqual(["Trang tính1"]);
  });
  it("a clerk who calls setupSheets by name with the list's rows is refused; nothing is created", () => {
    const a = track(startAddon({ userEmail: "owner@example.vn", editors: ["clerk@example.vn"] }));
    a.env.setUser("clerk@example.vn");
    expect(() => a.call("setupSheets", "tỉnh", "Hà Tĩnh", units())).toThrow(/Chỉ người duyệt/);
    expect(a.env.document.getSheets().map((s) => s.getName())).toEqual(["Trang tính1"]);
  });
  it("an existing Đơn vị is never changed, even with the list's rows", () => {
    const a = track(sampleAddon());
    const before = a.env.values(SHEET_UNITS);
    const r = a.call<SetupResult>("setupSheets", "tỉnh", "Hà Tĩnh", units());
    expect(r.created).toEqual([]);
    expect(r.message).toMatch(/Trang "Đơn vị" đã có nên không thêm đơn vị nào\./);
    expect(a.env.values(SHEET_UNITS)).toEqual(before);
  });
});

describe("npm run setup", () => {
  const work = mkdtempSync(join(tmpdir(), "cchc-setup-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/local/cli/setup.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it("writes a new workbook set up as the menu would (the same rows, read back from the .xlsx)", async () => {
    const file = join(work, "ha-tinh.xlsx");
    const r = run(file, "--level", "tỉnh", "--name", "ha tinh");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Trang "Đơn vị" có 85 đơn vị đang hoạt động và \d+ đơn vị cũ/);
    const saved = await loadXlsx(file);
    const { addon } = setUpNew("tỉnh", "Hà Tĩnh");
    track(addon);
    const menu = addon.env.values(SHEET_UNITS).filter((row) => row[0] !== "");
    const back = saved
      .getSheetByName(SHEET_UNITS)!
      .getDataRange()
      .getValues()
      .filter((row) => row[0] !== "");
    const plain = (rows: unknown[][]) => rows.map((row) => row.map((c) => (isDate(c) ? c.getTime() : c)));
    expect(plain(back)).toEqual(plain(menu));
    expect(saved.getSheetByName(SHEET_UNITS)!.getRange("A2").getNumberFormat()).toBe("@");
  });
  it("refuses to overwrite a file (exit 2, the file untouched)", () => {
    const file = join(work, "exists.xlsx");
    writeFileSync(file, "not mine");
    const r = run(file, "--level", "tỉnh", "--name", "Hà Tĩnh");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tệp đã có \(tiện ích không ghi đè/);
    expect(readFileSync(file, "utf8")).toBe("not mine");
  });
  it("an ambiguous or unknown name: exit 2 with the candidates, no file", () => {
    const file = join(work, "x.xlsx");
    const amb = run(file, "--level", "xã", "--name", "Tân Hiệp");
    expect(amb.code).toBe(2);
    expect(amb.err.split("\n").filter((l) => l.startsWith("  "))).toEqual([
      "  Xã Tân Hiệp (Thành phố Đà Nẵng)",
      "  Phường Tân Hiệp (Thành phố Hồ Chí Minh)",
      "  Xã Tân Hiệp (Tỉnh An Giang)",
    ]);
    const unknown = run(file, "--level", "tỉnh", "--name", "Quảng Bình");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("  Tỉnh Quảng Trị");
    expect(existsSync(file)).toBe(false);
    const ok = run(file, "--level", "xã", "--name", "Tân Hiệp", "--province", "An Giang");
    expect(ok.code).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
  it.each([
    [["--level", "tỉnh", "--name", "Hà Tĩnh"], /Thiếu tên tệp/],
    [["a.xlsx", "--name", "Hà Tĩnh"], /Thiếu --level/],
    [["a.xlsx", "--level", "huyện", "--name", "Vĩnh Linh"], /Cấp "huyện" không dùng được ở đây/],
    [["a.xlsx", "--level", "tỉnh"], /Thiếu --name/],
    [["a.csv", "--level", "tỉnh", "--name", "Hà Tĩnh"], /phải có đuôi \.xlsx/],
    [["a.xlsx", "--level", "tỉnh", "--name", "Hà Tĩnh", "--force"], /Không hiểu tùy chọn --force/],
  ])("%j: exit 2 with the reason", (args, message) => {
    const r = run(...(args as string[]).map((a) => (a.endsWith(".xlsx") || a.endsWith(".csv") ? join(work, a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
