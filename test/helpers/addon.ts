/** Fixtures for running the built add-on on the stand-ins. */
import { afterEach } from "vitest";
import { startAddon, type LocalAddon, type LocalAddonOptions } from "../../src/local/runtime";
import { sampleWorkbook } from "../../src/local/samples/vinh-linh";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS } from "../../src/core/schema";
import { goodRow, submissionRows, unitRows, type SubmissionInput } from "../fixtures";
import { settingsFor } from "../../src/core/settings";

/** SPEC's add-on menu, in order. */
export const SPEC_MENU = [
  "Mở bảng điều khiển",
  "Thiết lập bảng tính",
  "Kiểm tra số liệu",
  "Tô sáng chỉ tiêu chưa đạt",
  "Tạo báo cáo quý",
  "Chuẩn bị kỳ báo cáo",
];

/** `const track = disposeAfterEach()`: `track(startAddon())` is disposed when the test ends. */
export function disposeAfterEach(): (addon: LocalAddon) => LocalAddon {
  let open: LocalAddon[] = [];
  afterEach(() => {
    for (const a of open) a.dispose();
    open = [];
  });
  return (addon) => {
    open.push(addon);
    return addon;
  };
}

/** The document properties of a sheet whose settings were saved for the sample district. */
export const DISTRICT_SETTINGS = { "cchc.settings": JSON.stringify(settingsFor("huyện", "Vĩnh Linh")) };

export function sampleAddon(options: LocalAddonOptions = {}): LocalAddon {
  const wb = sampleWorkbook();
  return startAddon({
    sheets: { [SHEET_UNITS]: wb.units, [SHEET_TARGETS]: wb.targets, [SHEET_SUBMISSIONS]: wb.submissions },
    documentProperties: DISTRICT_SETTINGS,
    ...options,
  });
}

/**
 * A district of n units for 2023-Q1: every third unit misses the online
 * payment target, every fifth has an overdue dossier, every seventh a finding.
 */
export function districtAddon(n: number, options: LocalAddonOptions = {}): LocalAddon {
  const codes = Array.from({ length: n }, (_, i) => `DV${String(i + 1).padStart(4, "0")}`);
  const rows: SubmissionInput[] = codes.map((code, i) =>
    goodRow(code, "2023-Q1", {
      paid_online: i % 3 === 0 ? 2 : 20,
      ...(i % 5 === 0 ? {} : { resolved_late: 0, resolved_ontime: 80, pending_overdue: 0, pending_within: 20, apologies: 0 }),
      ...(i % 7 === 0 ? { received_total: 999 } : {}),
    }),
  );
  return startAddon({
    sheets: { [SHEET_UNITS]: unitRows(codes.map((code) => ({ code }))), [SHEET_SUBMISSIONS]: submissionRows(rows) },
    documentProperties: DISTRICT_SETTINGS,
    ...options,
  });
}

/** Everything a user could see of every sheet: values, backgrounds, formats, notes, rules. */
export function snapshot(addon: LocalAddon): unknown {
  const out: Record<string, unknown> = {};
  for (const sheet of addon.env.document.getSheets()) {
    const r = sheet.getDataRange();
    out[sheet.getName()] = {
      values: r.getValues(),
      backgrounds: r.getBackgrounds(),
      formats: r.getNumberFormats(),
      weights: r.getFontWeights(),
      notes: r.getNotes(),
      rules: sheet.getConditionalFormatRules().length,
      frozen: sheet.getFrozenRows(),
    };
  }
  return JSON.parse(JSON.stringify(out));
}

export { goodRow };

/** The message of the error an entry point throws; fails the test when it does not throw. */
export function refusal(addon: LocalAddon, fn: string, ...args: unknown[]): string {
  try {
    addon.call(fn, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${fn} was not refused`);
}

/**
 * Everything an action could change, for all-or-nothing and refusal tests:
 * every sheet (snapshot), the data validations of every sheet, the document
 * properties, every protection (description, range, editors, unprotected
 * ranges; not its id) and the documents created.
 */
export function fullState(addon: LocalAddon): string {
  const SA = addon.env.globals.SpreadsheetApp;
  const props = addon.env.globals.PropertiesService.getDocumentProperties().getProperties();
  const validations: Record<string, unknown> = {};
  const protections: string[] = [];
  for (const sheet of addon.env.document.getSheets()) {
    validations[sheet.getName()] = sheet
      .getDataRange()
      .getDataValidations()
      .map((row) => row.map((v) => (v ? `${v.getCriteriaType()}:${v.getCriteriaValues().map(String).join("|")}` : "")));
    for (const p of [...sheet.getProtections(SA.ProtectionType.SHEET), ...sheet.getProtections(SA.ProtectionType.RANGE)]) {
      const editors = p.canEdit()
        ? p
            .getEditors()
            .map((u) => u.getEmail())
            .sort()
            .join(",")
        : "?";
      const open = p
        .getUnprotectedRanges()
        .map((r) => r.getA1Notation())
        .sort()
        .join(",");
      protections.push(`${sheet.getName()}|${p.getDescription()}|${p.getRange().getA1Notation()}|${editors}|${open}|${p.isWarningOnly()}`);
    }
  }
  return JSON.stringify([snapshot(addon), validations, Object.entries(props).sort(), protections.sort(), addon.documents.length]);
}
