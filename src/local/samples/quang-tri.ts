/**
 * The province sample (samples/quang-tri-2026.xlsx, level `tỉnh`): the new
 * Quảng Trị from 1 July 2025, built at generation time from the public data
 * ../shared/data/quang-tri-2025-units.json (Resolution 1680/NQ-UBTVQH15,
 * statistics codes of list 1027/CTK-CSCL).
 *
 * - `Đơn vị`: the 78 commune-level units (xã, phường, đặc khu) with their
 *   statistics codes, 15 provincial departments and the provincial service
 *   centre, all active; then the old communes, towns and wards they were
 *   formed from, inactive, merged into their successor(s) from 01/07/2025.
 *   An old unit whose code a new unit kept takes the marked code `<code>-CU`;
 *   an old unit split among several new units lists every one of them.
 * - `Chỉ tiêu`: a target for every indicator of the catalogue for 2026, a
 *   few for 2025, each with its basis.
 * - `Số liệu`: 2025-Q1 and 2025-Q2 for the old units (they still existed
 *   then), the departments and the centre; 2025-Q3 to 2026-Q3 for every
 *   active unit: the whole of 2025 across the merger (the annual report, SPEC
 *   "Six-month, nine-month and annual reports").
 *   Figures are drawn from a seeded generator per unit and period (the same
 *   workbook every run): sizes by kind (a ward receives more than a mountain
 *   commune, a department fewer dossiers but most of them online, the centre
 *   many), rates that rise over the quarters, a new unit about the size of
 *   the old units it was formed from (so that 2026-Q2 compares sensibly with
 *   2025-Q2 across the merger), dossiers pending at the end of a quarter
 *   carried into the next, and every validation rule of SPEC holding, except
 *   the findings made on purpose in 2026-Q2 (FINDINGS below) and one unit
 *   that has not submitted for 2026-Q2 (MISSING_UNIT).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INDICATORS, type IndicatorCode } from "../../core/catalogue";
import { SUBMISSION_COLUMNS, TARGET_COLUMNS, UNIT_COLUMNS, type SubmissionKey, type UnitKey } from "../../core/schema";
import { OLD_CODE_SUFFIX, PROVINCE_CENTRE, PROVINCE_OFFICES } from "../../core/setup";
import { ROOT } from "../runtime";
import { between } from "./seeded";
import { drawProfile, figures as drawFigures, oldBase, type Profile, row } from "./figures";
import type { SampleRow, SampleWorkbook } from "./vinh-linh";

/** The public data the sample is built from (not copied into this repository). */
export const UNITS_DATA = join(ROOT, "..", "shared", "data", "quang-tri-2025-units.json");

interface SourceOldUnit {
  code: string;
  name: string;
  district: string | null;
  province: string | null;
  /** false: the old unit was split among several new units. */
  whole: boolean;
}

interface SourceUnit {
  code: string;
  name: string;
  kind: string;
  merged_from: SourceOldUnit[];
}

/** The day the new units took over (Resolution 1680/NQ-UBTVQH15), as exceljs writes a date cell (UTC midnight). */
export const MERGED_ON = new Date(Date.UTC(2025, 6, 1));
/**
 * The sample's quarters from 2025-Q2 on, oldest first: 2025-Q2 is the last quarter of the old communes. The
 * figures' trend counts quarters from 2025-Q2 (t = 0), so 2025-Q1 (QT_FIRST, t = -1) came later without changing them.
 */
export const QT_PERIODS = ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"] as const;
/** The first quarter of 2025, for the old units, the departments and the centre: 2025 is whole in the sample. */
export const QT_FIRST = "2025-Q1";
export type QtPeriod = (typeof QT_PERIODS)[number];
/** The quarter the preview opens on, with the findings and the missing unit. */
export const QT_CURRENT: QtPeriod = "2026-Q2";
/** The suffix of an old unit's code when a new unit kept its statistics code (set-up's, SPEC's `19363-CU`). */
export { OLD_CODE_SUFFIX };
/** A mountain commune that has not submitted for 2026-Q2. */
export const MISSING_UNIT = "19588";
/**
 * What the provincial offices' figures are drawn from (./province.ts uses it
 * too): dossiers received a quarter, the share received online in 2025-Q2,
 * the public investment plan (triệu đồng) a year (0 for none).
 */
export const OFFICE_FIGURES: Readonly<Record<string, { base: number; online: number; plan: number }>> = {
  VPUBND: { base: 160, online: 0.82, plan: 0 },
  SNV: { base: 950, online: 0.66, plan: 0 },
  STP: { base: 2350, online: 0.71, plan: 0 },
  STC: { base: 1480, online: 0.88, plan: 0 },
  SCT: { base: 720, online: 0.84, plan: 0 },
  SNNMT: { base: 2640, online: 0.43, plan: 285000 },
  SXD: { base: 5180, online: 0.52, plan: 352000 },
  SGDDT: { base: 610, online: 0.78, plan: 96000 },
  SYT: { base: 830, online: 0.73, plan: 124000 },
  SVHTTDL: { base: 310, online: 0.77, plan: 61000 },
  SKHCN: { base: 190, online: 0.86, plan: 0 },
  SDTTG: { base: 85, online: 0.58, plan: 0 },
  BQLKKT: { base: 240, online: 0.8, plan: 214000 },
  TTT: { base: 45, online: 0.31, plan: 0 },
  SNGV: { base: 70, online: 0.69, plan: 0 },
  TTPVHCC: { base: 7200, online: 0.57, plan: 0 },
};
/** Provincial departments (sở, ban, ngành): the list set-up gives every province (src/core/setup.ts), with their figures. */
export const DEPARTMENTS: readonly { code: string; name: string; base: number; online: number; plan: number }[] = PROVINCE_OFFICES.map(([code, name]) => ({
  code,
  name,
  ...OFFICE_FIGURES[code]!,
}));
/** The provincial service centre. */
export const CENTRE = { code: PROVINCE_CENTRE[0], name: PROVINCE_CENTRE[1], ...OFFICE_FIGURES[PROVINCE_CENTRE[0]]! };

export const TARGET_BASIS_2026 = "Kế hoạch CCHC năm 2026 của UBND tỉnh Quảng Trị (mẫu)";
export const TARGET_BASIS_2025 = "Kế hoạch CCHC năm 2025 của UBND tỉnh Quảng Trị (mẫu)";

/** 2026 targets of the sample; an indicator added to the catalogue without one here is reported, not judged. */
export const TARGETS_2026: Partial<Record<IndicatorCode, { target: number; basis?: string }>> = {
  online_submission_rate: { target: 0.8 },
  online_origin_rate: { target: 0.6 },
  online_payment_rate: { target: 0.5 },
  digitization_rate: { target: 0.9 },
  ontime_rate: { target: 1 },
  apology_rate: { target: 1 },
  disbursement_rate: {
    target: 0.5,
    basis: "Chỉ đạo giải ngân vốn đầu tư công năm 2026: lũy kế đến hết quý II đạt từ 50% kế hoạch trở lên (mẫu)",
  },
  digital_signature_rate: { target: 0.95 },
  electronic_records_rate: { target: 0.8 },
  full_online_rate: { target: 0.6 },
  results_digitization_rate: { target: 0.8 },
  satisfaction_rate: { target: 0.9 },
  overdue_dossiers: { target: 0 },
};

/** A few 2025 targets (the other indicators fall back on the built-in defaults). */
const TARGETS_2025: Partial<Record<IndicatorCode, number>> = {
  online_submission_rate: 0.6,
  online_payment_rate: 0.45,
  digitization_rate: 0.8,
  full_online_rate: 0.4,
  results_digitization_rate: 0.6,
};

export type UnitGroup = "commune" | "department" | "centre" | "old";

/** A row of `Đơn vị` with what the figures are drawn from. */
export interface QtUnit {
  code: string;
  name: string;
  kind: string;
  group: UnitGroup;
  /** Successor codes (old units only). */
  successors: string[];
  /** Old units: "huyện Vĩnh Linh, tỉnh Quảng Trị"; new units: the old units' names. */
  note: string;
  /** Old units: the code in the data (the statistics code). */
  sourceCode: string;
  /** New units: the codes of the old units it was formed from (marked codes as in the sheet). */
  predecessors: string[];
  /** New units: formed with part of a split old unit. */
  fromSplit: boolean;
}

/** Findings made on purpose, all in 2026-Q2: where, which rule, why. */
export interface PlannedFinding {
  unit: string;
  field: SubmissionKey;
  rule: string;
  severity: "error" | "warning";
  note: string;
}

/**
 * The findings of 2026-Q2, each on purpose (FINDINGS is also what the tests check):
 * - 19654 Xã Triệu Cơ typed "chưa thống kê" for its online payments (text in a count cell);
 * - 19333 Phường Đông Hà's total received (3) is 3 more than (4)+(5)+(6);
 * - 19597 Xã Cam Lộ swapped its two rating columns (more satisfied ratings than ratings);
 * - 19204 Xã Trường Sơn disbursed more than the plan in the sheet (a warning: the plan was raised);
 * - a row for SGTVT, the former Sở Giao thông vận tải (merged into Sở Xây dựng in March 2025), an unknown code.
 */
export const FINDINGS: readonly PlannedFinding[] = [
  {
    unit: "19654",
    field: "paid_online",
    rule: "not_a_number",
    severity: "error",
    note: "text in a count cell: the clerk wrote that online payments are not counted yet",
  },
  {
    unit: "19333",
    field: "received_total",
    rule: "received_total",
    severity: "error",
    note: "total received (3) is 3 more than (4)+(5)+(6)",
  },
  {
    unit: "19597",
    field: "ratings_satisfied",
    rule: "satisfied_le_ratings",
    severity: "error",
    note: "the two rating columns swapped: more satisfied ratings than ratings",
  },
  {
    unit: "19204",
    field: "investment_disbursed",
    rule: "disbursed_gt_plan",
    severity: "warning",
    note: "disbursed more than the plan in the sheet (the plan was raised, the sheet not updated)",
  },
  {
    unit: "SGTVT",
    field: "unit",
    rule: "unknown_unit",
    severity: "error",
    note: "the former Sở Giao thông vận tải, merged into Sở Xây dựng in March 2025: its code is not in Đơn vị",
  },
];

/** The units' explanations of their 2026-Q2 shortfalls (their figures are drawn to match). */
const EXPLANATIONS: Record<string, string> = {
  "18880":
    "Một số hồ sơ đất đai tiếp nhận trước khi sắp xếp đơn vị hành chính phải xác minh lại nguồn gốc, đo đạc thực địa nên giải quyết quá hạn; đã gửi phiếu xin lỗi người dân.",
  SNNMT:
    "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất phải lấy ý kiến nhiều cơ quan và chờ xác định nghĩa vụ tài chính; một số phiếu xin lỗi đang trình ký.",
  "19441":
    "Địa bàn miền núi, nhiều người dân chưa có tài khoản thanh toán điện tử; đường truyền Internet tại bộ phận một cửa thường gián đoạn.",
  "19372": "Bộ phận một cửa mới kiện toàn sau sắp xếp, công chức chưa thành thạo việc số hóa kết quả giải quyết trên hệ thống.",
  "19742": "Đặc khu chưa có điểm thanh toán không dùng tiền mặt; hồ sơ ít, người dân chủ yếu nộp trực tiếp tại bộ phận một cửa.",
  "19654": "Số liệu thanh toán trực tuyến đang chờ đối chiếu với Kho bạc, sẽ cập nhật sau.",
};

/** Units with dossiers overdue in 2026-Q2 whatever their draw: [late resolved, pending overdue, apologies short]. */
const OVERDUE_2026Q2: Record<string, [number, number, number]> = {
  "18880": [7, 3, 0],
  SNNMT: [12, 5, 6],
  "19441": [2, 1, 1],
  "19363": [3, 0, 0],
};

/** Profile adjustments that the explanations describe. */
const PROFILE_OVERRIDES: Record<string, Partial<Profile>> = {
  "19441": { online0: 0.12, onlineSlope: 0.015, paid0: 0.05, paidSlope: 0.015 },
  "19372": { result0: 0.35, resultSlope: 0.02 },
  "19742": { online0: 0.08, onlineSlope: 0.01, paid0: 0, paidSlope: 0 },
};

const MOUNTAIN_DISTRICTS = new Set(["Huyện Hướng Hóa", "Huyện Đa Krông", "Huyện Minh Hóa"]);

// ---------------------------------------------------------------------------
// Seeded draws (./seeded): the same number for the same unit, period and purpose, whatever the order.


// ---------------------------------------------------------------------------
// Units

function readSource(): SourceUnit[] {
  const data = JSON.parse(readFileSync(UNITS_DATA, "utf8")) as { units: SourceUnit[] };
  return data.units;
}

/** "Thị Trấn Ái Tử" → "Thị trấn"; "Huyện Cồn Cỏ" → "Huyện". */
function oldKind(name: string): string {
  const n = name.toLowerCase();
  if (n.startsWith("thị trấn")) return "Thị trấn";
  if (n.startsWith("phường")) return "Phường";
  if (n.startsWith("huyện")) return "Huyện";
  return "Xã";
}

/** "Thành Phố Đồng Hới", "Tỉnh Quảng Bình" → "thành phố Đồng Hới, tỉnh Quảng Bình". */
function oldPlace(o: SourceOldUnit): string {
  const lower = (s: string) => s.replace(/^(Huyện|Thành [Pp]hố|Thị xã|Tỉnh)(?= )/u, (w) => w.toLowerCase());
  const province = lower(o.province ?? "Tỉnh Quảng Trị");
  return o.district ? `${lower(o.district)}, ${province}` : province;
}

/** Every row of `Đơn vị`, in sheet order: new units, departments, centre, old units. */
export function quangTriUnits(source: SourceUnit[] = readSource()): QtUnit[] {
  const newCodes = new Set(source.map((u) => u.code));
  const oldCode = (code: string) => (newCodes.has(code) ? code + OLD_CODE_SUFFIX : code);
  const olds = new Map<string, QtUnit>();
  const news: QtUnit[] = source.map((u) => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    group: "commune",
    successors: [],
    note: `Sắp xếp từ ${u.merged_from.map((o) => (o.whole ? o.name : `một phần ${o.name}`)).join(", ")}`,
    sourceCode: u.code,
    predecessors: u.merged_from.map((o) => oldCode(o.code)),
    fromSplit: u.merged_from.some((o) => !o.whole),
  }));
  for (const u of source) {
    for (const o of u.merged_from) {
      const code = oldCode(o.code);
      const known = olds.get(code);
      if (known) {
        known.successors.push(u.code);
        continue;
      }
      olds.set(code, {
        code,
        name: o.name,
        kind: oldKind(o.name),
        group: "old",
        successors: [u.code],
        note: `Thuộc ${oldPlace(o)} trước ngày 01/07/2025`,
        sourceCode: o.code,
        predecessors: [],
        fromSplit: false,
      });
    }
  }
  for (const o of olds.values()) {
    if (o.successors.length > 1) {
      const names = o.successors.map((c) => source.find((u) => u.code === c)!.name);
      o.note += `; chia tách, sáp nhập vào ${names.join(" và ")}`;
    }
  }
  const others: QtUnit[] = [...DEPARTMENTS, CENTRE].map((d) => ({
    code: d.code,
    name: d.name,
    kind: d === CENTRE ? "Trung tâm PVHCC" : "Sở, ban, ngành",
    group: d === CENTRE ? "centre" : "department",
    successors: [],
    note: "",
    sourceCode: d.code,
    predecessors: [],
    fromSplit: false,
  }));
  return [...news, ...others, ...olds.values()];
}

// ---------------------------------------------------------------------------
// Figures

/** A unit's figures for the t-th quarter of QT_PERIODS (t = -1: QT_FIRST), with the overdue dossiers 2026-Q2's explanations describe. */
function qtFigures(code: string, p: Profile, t: number, carried: number | null) {
  const period = t < 0 ? QT_FIRST : QT_PERIODS[t]!;
  return drawFigures(code, p, t, period, carried, period === QT_CURRENT ? OVERDUE_2026Q2[code] : undefined);
}

/** The findings of FINDINGS written into their rows. */
function addFindings(rows: SampleRow[]): void {
  const at = (unit: string) => rows.find((r) => r.period === QT_CURRENT && r.unit === unit)!;
  at("19654").paid_online = "chưa thống kê";
  const dh = at("19333");
  dh.received_total = Number(dh.received_total) + 3;
  const cl = at("19597");
  [cl.ratings, cl.ratings_satisfied] = [cl.ratings_satisfied!, cl.ratings!];
  const ts = at("19204");
  ts.investment_disbursed = Number(ts.investment_plan) + 350;
  // The former Sở Giao thông vận tải still sends its figures: a row after Sở Xây dựng's.
  const sxd = rows.findIndex((r) => r.period === QT_CURRENT && r.unit === "SXD");
  const ghost = qtFigures("SGTVT", drawProfile(unitOf("SGTVT"), 640, 0.5, 0, PROFILE_OVERRIDES), QT_PERIODS.indexOf(QT_CURRENT), null);
  rows.splice(sxd + 1, 0, row(QT_CURRENT, "SGTVT", ghost));
}

function unitOf(code: string): QtUnit {
  return {
    code,
    name: code,
    kind: "",
    group: "department",
    successors: [],
    note: "",
    sourceCode: code,
    predecessors: [],
    fromSplit: false,
  };
}

/** The `Số liệu` rows, period by period, units in sheet order. */
export function quangTriSubmissions(units: QtUnit[] = quangTriUnits(), source: SourceUnit[] = readSource()): SampleRow[] {
  const district = new Map<string, string | null>();
  for (const u of source) for (const o of u.merged_from) district.set(o.code, o.district);
  const profiles = new Map<string, Profile>();
  const byCode = new Map(units.map((u) => [u.code, u]));
  // Old units first: a new unit is about the size of what it was formed from (half of a split unit).
  for (const u of units.filter((x) => x.group === "old")) {
    const place = district.get(u.sourceCode) ?? null;
    const b = oldBase(u, place !== null && MOUNTAIN_DISTRICTS.has(place));
    profiles.set(u.code, drawProfile(u, b.base, b.online0, b.plan, PROFILE_OVERRIDES));
  }
  for (const u of units) {
    if (u.group === "commune") {
      let base = 0;
      let plan = 0;
      let online = 0;
      for (const c of u.predecessors) {
        const share = 1 / byCode.get(c)!.successors.length;
        const p = profiles.get(c)!;
        base += p.base * share;
        plan += p.plan * share;
        online += p.base * share * p.online0;
      }
      // One service point a commune from 1 July 2025: a little more online than the old units were.
      profiles.set(
        u.code,
        drawProfile(u, base * between(1, 1.08, u.code, "merged"), online / base + 0.03, Math.round(plan / 10) * 10, PROFILE_OVERRIDES),
      );
    } else if (u.group !== "old") {
      const d = [...DEPARTMENTS, CENTRE].find((x) => x.code === u.code)!;
      profiles.set(u.code, drawProfile(u, d.base, d.online, d.plan, PROFILE_OVERRIDES));
    }
  }
  // Dossiers pending at the end of a quarter are carried into the next, through the merger too.
  const pending = new Map<string, number>();
  const rows: SampleRow[] = [];
  QT_PERIODS.forEach((period, t) => {
    for (const u of units) {
      const before = t === 0;
      if (u.group === "old" ? !before : u.group === "commune" && before) continue;
      let carried: number | null = pending.get(u.code) ?? null;
      if (u.group === "commune" && t === 1) {
        carried = Math.round(u.predecessors.reduce((a, c) => a + pending.get(c)! / byCode.get(c)!.successors.length, 0));
      }
      const f = qtFigures(u.code, profiles.get(u.code)!, t, carried);
      pending.set(u.code, f.pending_within + f.pending_overdue);
      if (period === QT_CURRENT && u.code === MISSING_UNIT) continue;
      rows.push(row(period, u.code, f, period === QT_CURRENT ? (EXPLANATIONS[u.code] ?? "") : ""));
    }
  });
  // 2025-Q1, drawn after the rest so that the later quarters stay as they were: what it leaves pending is
  // what 2025-Q2 received from the quarter before, (11) = (6) of the next quarter, the on-time count taking the difference.
  const first = rows
    .filter((r) => r.period === QT_PERIODS[0])
    .map((next) => {
      const code = String(next.unit);
      const f = qtFigures(code, profiles.get(code)!, -1, null);
      const within = Number(next.received_carried) - f.pending_overdue;
      const resolved = f.resolved_early + f.resolved_ontime + f.resolved_late + f.pending_within - within;
      return row(QT_FIRST, code, { ...f, pending_within: within, resolved_ontime: resolved - f.resolved_early - f.resolved_late });
    });
  rows.unshift(...first);
  addFindings(rows);
  return rows;
}

/** The province sample's three sheets, header rows first. */
export function quangTriWorkbook(): SampleWorkbook {
  const source = readSource();
  const units = quangTriUnits(source);
  const submissions = quangTriSubmissions(units, source);
  const unitCell = (u: QtUnit, key: UnitKey): unknown => {
    switch (key) {
      case "code":
        return u.code;
      case "name":
        return u.name;
      case "kind":
        return u.kind;
      case "editors":
        return u.group === "old" ? "" : `mot-cua.${u.code.toLowerCase()}@quangtri.example.vn`;
      case "active":
        return u.group !== "old";
      case "successors":
        return u.successors.join(", ");
      case "merged_on":
        return u.group === "old" ? MERGED_ON : "";
    }
  };
  const targets: unknown[][] = [
    ...INDICATORS.flatMap((d) => {
      const t = TARGETS_2026[d.code];
      return t ? [[d.code, 2026, t.target, t.basis ?? TARGET_BASIS_2026]] : [];
    }),
    ...INDICATORS.filter((d) => TARGETS_2025[d.code] !== undefined).map((d) => [d.code, 2025, TARGETS_2025[d.code]!, TARGET_BASIS_2025]),
  ];
  return {
    units: [
      [...UNIT_COLUMNS.map((c) => c.header), NOTE_HEADER],
      ...units.map((u) => [...UNIT_COLUMNS.map((c) => unitCell(u, c.key)), u.note]),
    ],
    targets: [TARGET_COLUMNS.map((c) => c.header), ...targets],
    submissions: [SUBMISSION_COLUMNS.map((c) => c.header), ...submissions.map((r) => SUBMISSION_COLUMNS.map((c) => r[c.key] ?? ""))],
  };
}

/** An extra column of `Đơn vị` (SPEC: extra columns are left alone): where an old unit was, what a new unit was formed from. */
export const NOTE_HEADER = "Ghi chú";
