/**
 * The second province sample (samples/ha-tinh-2026.xlsx, level `tỉnh`):
 * Hà Tĩnh, set up by the product itself. `Đơn vị` and `Chỉ tiêu` are what
 * "Thiết lập bảng tính" writes for "Hà Tĩnh" from the national unit list
 * (../workbook/new.ts: the bundled add-on on the stand-ins), untouched: 69
 * communes and wards with their statistics codes, the provincial offices, the
 * old communes, towns and wards inactive with their successors from
 * 01/07/2025. Then one quarter of figures, 2026-Q2, for every active unit
 * but one (HT_MISSING), from the seeded generator of the Quảng Trị sample
 * (./figures.ts): a new unit about the size of the old units it was formed
 * from, wards larger than communes, a few communes in the mountains
 * (drawn), the offices as in Quảng Trị. The 2026 targets are a row each with
 * its basis, as a province's plan would set them.
 *
 * Without a district column in the national list the mountain communes are
 * drawn (a quarter of the old xã), not looked up: the figures are plausible,
 * not Hà Tĩnh's.
 */
import { INDICATORS } from "../../core/catalogue";
import { SUBMISSION_COLUMNS } from "../../core/schema";
import { setUpNew } from "../workbook/new";
import { type Figures, drawProfile, figures, type GenUnit, oldBase, row } from "./figures";
import { OFFICE_FIGURES, TARGETS_2026 } from "./quang-tri";
import { between, draw } from "./seeded";
import type { SampleRow, SampleWorkbook } from "./vinh-linh";

export const HT_NAME = "Hà Tĩnh";
/** The sample's quarter, and its index in the generator's timeline (2025-Q2 = 0). */
export const HT_PERIOD = "2026-Q2";
const HT_T = 4;
/** A mountain commune that has not submitted (the sample's one missing unit). */
export const HT_MISSING = "18199";
export const HT_TARGET_BASIS = "Kế hoạch CCHC năm 2026 của UBND tỉnh Hà Tĩnh (mẫu)";

const COMMUNE_KINDS = new Set(["Xã", "Phường", "Đặc khu"]);

/** A Date of the stand-ins' realm as UTC midnight of the day the sheet shows (how the samples write dates with exceljs). */
function utcDay(d: Date, timeZone: string): Date {
  const [y, m, day] = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(d)
    .split("-")
    .map(Number);
  return new Date(Date.UTC(y!, m! - 1, day!));
}
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** The three sheets as set-up wrote them (blank rows left out), dates as UTC days. */
function setUpSheets(): { units: unknown[][]; targets: unknown[][]; submissionsHeader: unknown[] } {
  const { addon, answer } = setUpNew("tỉnh", HT_NAME);
  try {
    if (!answer.ok) throw new Error(answer.message);
    const zone = addon.env.spreadsheet.getSpreadsheetTimeZone();
    const read = (name: string) =>
      addon.env
        .values(name)
        .filter((r, i) => i === 0 || r.some((v) => v !== "" && v !== true))
        .map((r) => r.map((v) => (isDate(v) ? utcDay(v, zone) : v)));
    return { units: read("Đơn vị"), targets: read("Chỉ tiêu"), submissionsHeader: read("Số liệu")[0]! };
  } finally {
    addon.dispose();
  }
}

/** The Hà Tĩnh sample's three sheets, header rows first. */
export function provinceWorkbook(): SampleWorkbook {
  const { units, targets, submissionsHeader } = setUpSheets();
  const [header, ...rows] = units;
  const at = (key: string) => (header as string[]).indexOf({ code: "Mã đơn vị", kind: "Loại", active: "Hoạt động", successors: "Sáp nhập vào" }[key]!);
  const list: GenUnit[] = rows.map((r) => {
    const kind = String(r[at("kind")]);
    const active = r[at("active")] === true;
    const code = String(r[at("code")]);
    const successors = String(r[at("successors")] || "");
    return {
      code,
      kind,
      group: !active ? "old" : COMMUNE_KINDS.has(kind) ? "commune" : kind === "Trung tâm PVHCC" ? "centre" : "department",
      successors: successors ? successors.split(", ") : [],
    };
  });
  // Old units first: a new unit is about the size of what it was formed from (its share of a split unit).
  const olds = list.filter((u) => u.group === "old");
  const predecessors = new Map<string, { base: number; online: number; plan: number }[]>();
  for (const u of olds) {
    const b = oldBase(u, u.kind === "Xã" && draw(u.code, "mountain") < 0.25);
    for (const s of u.successors) {
      const share = 1 / u.successors.length;
      predecessors.set(s, [...(predecessors.get(s) ?? []), { base: b.base * share, online: b.base * share * b.online0, plan: b.plan * share }]);
    }
  }
  const out: SampleRow[] = [];
  for (const u of list) {
    if (u.group === "old" || u.code === HT_MISSING) continue;
    let f: Figures;
    if (u.group === "commune") {
      const parts = predecessors.get(u.code) ?? [];
      const base = parts.reduce((n, x) => n + x.base, 0);
      const online = parts.reduce((n, x) => n + x.online, 0) / base + 0.03;
      const plan = Math.round(parts.reduce((n, x) => n + x.plan, 0) / 10) * 10;
      f = figures(u.code, drawProfile(u, base * between(1, 1.08, u.code, "merged"), online, plan), HT_T, HT_PERIOD, null);
    } else {
      const d = OFFICE_FIGURES[u.code]!;
      // Hà Tĩnh's offices are a little smaller than Quảng Trị's (a province of 69 units, not 78).
      f = figures(u.code, drawProfile(u, Math.round(d.base * between(0.8, 0.95, u.code, "ht")), d.online, d.plan), HT_T, HT_PERIOD, null);
    }
    out.push(row(HT_PERIOD, u.code, f));
  }
  const plan2026 = INDICATORS.flatMap((d) => {
    const t = TARGETS_2026[d.code];
    return t ? [[d.code, 2026, t.target, HT_TARGET_BASIS]] : [];
  });
  return {
    units,
    targets: [...targets, ...plan2026],
    submissions: [submissionsHeader, ...out.map((r) => SUBMISSION_COLUMNS.map((c) => r[c.key] ?? ""))],
  };
}
