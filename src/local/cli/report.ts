/**
 * npm run report -- <workbook.xlsx> --period 2023-Q1 [--out report.docx] [--json result.json] [--strict]
 *
 * Runs the bundled add-on (dist/Code.js) on the stand-ins over a workbook
 * exported as .xlsx: the same code, the same findings, the same report.
 * Exit 0 when the report was produced (findings or not); 2 with one line on
 * standard error when the workbook cannot be used; 1 with --strict when the
 * findings include errors.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { FakeSpreadsheet } from "@cchc/gas-standins";
import { loadWorkbook, unsavedFormulasAsText, unsavedFormulasWarning, WorkbookUnusable } from "../workbook/load";
import { toDocx } from "../render/docx-writer";
import { parsePeriod, periodId, periodText, readPeriodRule } from "../../core/period";

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
import { completeSettings, DEFAULT_SETTINGS, LEVELS, levelWords, settingsFor, type Level, type ReportSettings } from "../../core/settings";
import { startAddon } from "../runtime";

const USAGE =
  "Cách dùng: npm run report -- <tệp.xlsx> --period 2023-Q1|2026-H1|2026-9M|2026-Y [--out báo-cáo.docx] [--json kết-quả.json] " +
  '[--settings thông-tin.json] [--level tỉnh|xã|huyện] [--name "Quảng Trị"] [--period-rule 15-14|calendar] [--strict]';

/** A problem that makes the workbook or the command unusable: one line on stderr, exit 2. */
class Unusable extends Error {}

interface Args {
  workbook: string;
  period: string;
  out: string | null;
  json: string | null;
  strict: boolean;
  /** The report's settings, from --settings, --level, --name, --period-rule. */
  settings: ReportSettings;
}

/** --settings, then --level/--name (which fill the other fields with the level's defaults), then --period-rule. */
function settingsFrom(file: string | null, level: string | null, name: string | null, rule: string | null): ReportSettings {
  if (file === null && level === null) {
    throw new Unusable(
      'Thiếu cấp báo cáo: hãy ghi --level tỉnh|xã|huyện và --name (ví dụ --level tỉnh --name "Quảng Trị"), hoặc --settings thông-tin.json.',
    );
  }
  let given: Partial<ReportSettings> = {};
  if (file !== null) {
    let text: string;
    try {
      text = readFileSync(resolve(file), "utf8");
    } catch (e) {
      throw new Unusable(`Không đọc được tệp thông tin báo cáo "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
    }
    try {
      given = JSON.parse(text) as Partial<ReportSettings>;
    } catch (e) {
      throw new Unusable(`Tệp thông tin báo cáo "${file}" không phải JSON đọc được: ${(e as Error).message}`);
    }
    if (given === null || typeof given !== "object" || Array.isArray(given))
      throw new Unusable(`Tệp thông tin báo cáo "${file}" phải là một đối tượng JSON.`);
  }
  if (level !== null) {
    if (!LEVELS.includes(level as Level)) throw new Unusable(`Cấp báo cáo "${level}" không hợp lệ; dùng --level tỉnh, xã hoặc huyện.`);
    given = { ...given, level: level as Level };
  }
  if (name !== null) given = { ...given, name };
  if (rule !== null) {
    const r = readPeriodRule(rule);
    if (!r) throw new Unusable(`Cách tính kỳ "${rule}" không hợp lệ; dùng --period-rule 15-14 hoặc calendar.`);
    given = { ...given, periodRule: r };
  }
  if (given.level === undefined) {
    throw new Unusable("Thiếu cấp báo cáo: hãy ghi --level tỉnh|xã|huyện cùng --name, hoặc --settings với trường level.");
  }
  // --level or --name without a file: every other field from the level's defaults.
  const base = file === null ? settingsFor(given.level ?? DEFAULT_SETTINGS.level, given.name ?? DEFAULT_SETTINGS.name) : DEFAULT_SETTINGS;
  try {
    return completeSettings(given, base);
  } catch (e) {
    throw new Unusable(`Thông tin báo cáo không hợp lệ: ${(e as Error).message}`);
  }
}

export function parseArgs(argv: readonly string[]): Args {
  let workbook = "";
  let period = "";
  let out: string | null = null;
  let json: string | null = null;
  let strict = false;
  let settings: string | null = null;
  let level: string | null = null;
  let name: string | null = null;
  let rule: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Unusable(`Thiếu giá trị sau ${a}. ${USAGE}`);
      return v;
    };
    if (a === "--period") period = value();
    else if (a.startsWith("--period=")) period = a.slice(9);
    else if (a === "--out") out = value();
    else if (a.startsWith("--out=")) out = a.slice(6);
    else if (a === "--json") json = value();
    else if (a.startsWith("--json=")) json = a.slice(7);
    else if (a === "--strict") strict = true;
    else if (a === "--settings") settings = value();
    else if (a.startsWith("--settings=")) settings = a.slice(11);
    else if (a === "--level") level = value();
    else if (a.startsWith("--level=")) level = a.slice(8);
    else if (a === "--name") name = value();
    else if (a.startsWith("--name=")) name = a.slice(7);
    else if (a === "--period-rule") rule = value();
    else if (a.startsWith("--period-rule=")) rule = a.slice(14);
    else if (a === "--help" || a === "-h") throw new Unusable(USAGE);
    else if (a.startsWith("--")) throw new Unusable(`Không hiểu tùy chọn ${a}. ${USAGE}`);
    else if (!workbook) workbook = a;
    else throw new Unusable(`Chỉ nhận một tệp bảng tính, thừa "${a}". ${USAGE}`);
  }
  if (!workbook) throw new Unusable(`Thiếu tệp bảng tính. ${USAGE}`);
  if (!period) throw new Unusable(`Thiếu --period (ví dụ --period 2023-Q1). ${USAGE}`);
  const p = parsePeriod(period);
  if (!p) throw new Unusable(`Kỳ báo cáo "${period}" không đọc được; hãy ghi dạng 2023-Q1, 2026-H1, 2026-9M hoặc 2026-Y.`);
  return { workbook, period: periodId(p), out, json, strict, settings: settingsFrom(settings, level, name, rule) };
}

/** The folders to create for an output file, after checking, writing nothing, that it can be written. */
function checkOutput(path: string): string[] {
  const missing: string[] = [];
  let dir = dirname(path);
  while (!existsSync(dir)) {
    missing.unshift(dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const fail = (why: string) => new Unusable(`Không ghi được tệp "${path}": ${why}.`);
  if (!statSync(dir).isDirectory()) throw fail(`"${dir}" không phải là thư mục`);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw fail("đó là một thư mục");
      accessSync(path, constants.W_OK);
    }
  } catch (e) {
    if (e instanceof Unusable) throw e;
    throw fail(`không có quyền ghi (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return missing;
}

/** Writes an output file, creating its folders one by one (a recursive mkdir can spin on /proc); a failure is one clear line. */
function writeOutput(path: string, data: string | Buffer): void {
  try {
    for (const dir of checkOutput(path)) mkdirSync(dir);
    writeFileSync(path, data);
  } catch (e) {
    if (e instanceof Unusable) throw e;
    throw new Unusable(`Không ghi được tệp "${path}": ${reason(e)}.`);
  }
}

/** A file-system error in Vietnamese, with its code for whoever looks it up. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const text: Record<string, string> = {
    ENOENT: "thư mục không tồn tại và không tạo được",
    EACCES: "không có quyền ghi",
    EPERM: "không được phép ghi",
    EROFS: "ổ đĩa chỉ cho đọc",
    ENOSPC: "ổ đĩa đã đầy",
    EISDIR: "đó là một thư mục",
    ENOTDIR: "một phần của đường dẫn không phải là thư mục",
  };
  return text[code] ? `${text[code]} (${code})` : code || (e as Error).message;
}

interface JsonResult {
  body: { level: ReportSettings["level"]; name: string };
  district: { indicators: Record<string, { value: number | null; met: boolean | null }> };
  findings: { severity: string }[];
  missing_units: string[];
  /** A span's units that lack one of its quarters. */
  incomplete_units?: unknown[];
  units: unknown[];
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const path = resolve(args.workbook);
  // Without --out the .docx goes next to the workbook (SPEC). Both outputs are checked before any work.
  const out = resolve(args.out ?? join(dirname(path), `${basename(path, extname(path))}-${args.period}.docx`));
  checkOutput(out);
  if (args.json) checkOutput(resolve(args.json));
  if (!existsSync(path)) throw new Unusable(`Không tìm thấy tệp "${args.workbook}".`);
  if (statSync(path).isDirectory()) throw new Unusable(`"${args.workbook}" là một thư mục, không phải tệp .xlsx.`);
  let spreadsheet: FakeSpreadsheet;
  try {
    spreadsheet = await loadWorkbook(path, args.workbook, basename(path, extname(path)));
  } catch (e) {
    if (e instanceof WorkbookUnusable) throw new Unusable(e.message);
    throw e;
  }
  const unsaved = unsavedFormulasWarning(spreadsheet, args.workbook);
  if (unsaved) console.error(unsaved);
  unsavedFormulasAsText(spreadsheet);
  const addon = startAddon({ spreadsheet });
  try {
    let result: JsonResult;
    let report: { name: string };
    try {
      // The same settings the sidebar saves, through the add-on's own entry point.
      addon.call("saveSettings", args.settings);
      result = addon.call<JsonResult>("periodResults", args.period);
      report = addon.call<{ name: string }>("generateReport", args.period);
    } catch (e) {
      // The add-on's own messages (a sheet or a column missing) are already one clear Vietnamese line.
      throw new Unusable(`Không dùng được bảng tính "${args.workbook}": ${(e as Error).message}`);
    }
    const docx = await toDocx(addon.documents.at(-1)!);
    if (args.json) writeOutput(resolve(args.json), JSON.stringify(result, null, 2) + "\n");
    writeOutput(out, docx);
    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.length - errors;
    const missed = Object.values(result.district.indicators).filter((r) => r.met === false).length;
    // A span (6 tháng, 9 tháng, năm): the units that lack one of its quarters are counted apart.
    const incomplete = result.incomplete_units?.length ?? 0;
    const submitted = incomplete
      ? `${result.units.length - incomplete} đơn vị đã nộp đủ, ${incomplete} chưa đủ các quý`
      : `${result.units.length} đơn vị đã nộp`;
    console.log(
      `${capitalized(periodText(args.period, args.settings.periodRule))}: ${submitted}, ${result.missing_units.length} chưa nộp; ${errors} lỗi, ${warnings} cảnh báo; ${missed} chỉ tiêu toàn ${levelWords(result.body).noun} chưa đạt.`,
    );
    console.log(`Báo cáo: ${out} (${report.name})`);
    if (args.json) console.log(`JSON: ${resolve(args.json)}`);
    if (args.strict && errors > 0) {
      console.error(`Có ${errors} lỗi trong số liệu ${periodText(args.period, args.settings.periodRule)} (--strict).`);
      return 1;
    }
    return 0;
  } finally {
    addon.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof Unusable) {
      console.error(e.message);
      process.exit(2);
    }
    console.error(`Lỗi không mong đợi: ${(e as Error)?.stack ?? e}`);
    process.exit(3);
  },
);
