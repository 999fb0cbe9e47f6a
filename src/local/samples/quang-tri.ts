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
 * - `Số liệu`: 2025-Q2 for the old units (they still existed then), the
 *   departments and the centre; 2025-Q3 to 2026-Q3 for every active unit.
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
import { ROOT } from "../runtime";
import { between, draw } from "./seeded";
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
/** The sample's quarters, oldest first: 2025-Q2 is the last quarter of the old communes. */
export const QT_PERIODS = ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"] as const;
export type QtPeriod = (typeof QT_PERIODS)[number];
/** The quarter the preview opens on, with the findings and the missing unit. */
export const QT_CURRENT: QtPeriod = "2026-Q2";
/** The suffix of an old unit's code when a new unit kept its statistics code. */
export const OLD_CODE_SUFFIX = "-CU";
/** A mountain commune that has not submitted for 2026-Q2. */
export const MISSING_UNIT = "19588";
/** Provincial departments (sở, ban, ngành) and the provincial service centre: their codes and names. */
export const DEPARTMENTS: readonly { code: string; name: string; base: number; online: number; plan: number }[] = [
  // base: dossiers received a quarter; online: share received online in 2025-Q2; plan: public investment (triệu đồng) a year, 0 for none.
  { code: "VPUBND", name: "Văn phòng UBND tỉnh", base: 160, online: 0.82, plan: 0 },
  { code: "SNV", name: "Sở Nội vụ", base: 950, online: 0.66, plan: 0 },
  { code: "STP", name: "Sở Tư pháp", base: 2350, online: 0.71, plan: 0 },
  { code: "STC", name: "Sở Tài chính", base: 1480, online: 0.88, plan: 0 },
  { code: "SCT", name: "Sở Công Thương", base: 720, online: 0.84, plan: 0 },
  { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", base: 2640, online: 0.43, plan: 285000 },
  { code: "SXD", name: "Sở Xây dựng", base: 5180, online: 0.52, plan: 352000 },
  { code: "SGDDT", name: "Sở Giáo dục và Đào tạo", base: 610, online: 0.78, plan: 96000 },
  { code: "SYT", name: "Sở Y tế", base: 830, online: 0.73, plan: 124000 },
  { code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", base: 310, online: 0.77, plan: 61000 },
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", base: 190, online: 0.86, plan: 0 },
  { code: "SDTTG", name: "Sở Dân tộc và Tôn giáo", base: 85, online: 0.58, plan: 0 },
  { code: "BQLKKT", name: "Ban Quản lý Khu kinh tế", base: 240, online: 0.8, plan: 214000 },
  { code: "TTT", name: "Thanh tra tỉnh", base: 45, online: 0.31, plan: 0 },
  { code: "SNGV", name: "Sở Ngoại vụ", base: 70, online: 0.69, plan: 0 },
];
export const CENTRE = { code: "TTPVHCC", name: "Trung tâm Phục vụ hành chính công tỉnh", base: 7200, online: 0.57, plan: 0 };

export const TARGET_BASIS_2026 = "Kế hoạch CCHC năm 2026 của UBND tỉnh Quảng Trị (mẫu)";
export const TARGET_BASIS_2025 = "Kế hoạch CCHC năm 2025 của UBND tỉnh Quảng Trị (mẫu)";

/** 2026 targets of the sample; an indicator added to the catalogue without one here is reported, not judged. */
const TARGETS_2026: Partial<Record<IndicatorCode, { target: number; basis?: string }>> = {
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

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

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

/** What a unit's figures are drawn from; rates at period index t (2025-Q2 = 0) are start + slope × t. */
interface Profile {
  /** Dossiers received in the period ((4)+(5)) in 2025-Q2, before the season. */
  base: number;
  growth: number;
  online0: number;
  onlineSlope: number;
  /** Share of the direct dossiers that belong to procedures with an online service. */
  serviceShare: number;
  full0: number;
  fee: number;
  paid0: number;
  paidSlope: number;
  digit0: number;
  result0: number;
  resultSlope: number;
  rating0: number;
  satisfied: number;
  /** Chance of late dossiers in a quarter. */
  lateProne: number;
  documents: number;
  signed0: number;
  records: number;
  electronic0: number;
  /** Public investment plan a year (triệu đồng), 0 for none. */
  plan: number;
}

function drawProfile(u: QtUnit, base: number, online0: number, plan: number): Profile {
  const k = u.code;
  const dept = u.group === "department";
  const p: Profile = {
    base,
    growth: between(0.005, 0.025, k, "growth"),
    online0,
    onlineSlope: dept ? between(0.01, 0.03, k, "onlineSlope") : between(0.03, 0.06, k, "onlineSlope"),
    serviceShare: between(0.08, 0.4, k, "service"),
    full0: dept ? between(0.7, 0.85, k, "full") : between(0.5, 0.7, k, "full"),
    fee: dept ? between(0.3, 0.7, k, "fee") : between(0.25, 0.5, k, "fee"),
    paid0: dept ? between(0.4, 0.6, k, "paid") : between(0.12, 0.38, k, "paid"),
    paidSlope: between(0.03, 0.06, k, "paidSlope"),
    digit0: between(0.62, 0.82, k, "digit"),
    result0: between(0.46, 0.68, k, "result"),
    resultSlope: between(0.045, 0.075, k, "resultSlope"),
    rating0: between(0.25, 0.5, k, "rating"),
    satisfied: between(0.86, 0.995, k, "satisfied"),
    lateProne: dept ? between(0.05, 0.35, k, "late") : between(0.05, 0.4, k, "late"),
    documents: dept ? between(420, 1500, k, "docs") : u.group === "centre" ? 260 : between(0.06, 0.1, k, "docs") * base + 40,
    signed0: between(0.84, 0.97, k, "signed"),
    records: dept ? between(180, 520, k, "records") : between(0.02, 0.04, k, "records") * base + 25,
    electronic0: between(0.48, 0.78, k, "electronic"),
    plan,
  };
  // The old units of a place share its habits (online submission and payment), not its new staff's.
  const successor = u.group === "old" && u.successors.length === 1 ? PROFILE_OVERRIDES[u.successors[0]!] : undefined;
  const habits: Partial<Profile> = {};
  for (const key of ["online0", "onlineSlope", "paid0", "paidSlope"] as const) {
    if (successor?.[key] !== undefined) habits[key] = successor[key] - (key === "online0" ? 0.03 : 0);
  }
  return { ...p, ...habits, ...PROFILE_OVERRIDES[k] };
}

/** An old unit's size and investment plan, by kind and place (mountain communes are small, wards large). */
function oldBase(u: QtUnit, district: string | null): { base: number; online0: number; plan: number } {
  const k = u.code;
  const mountain = district !== null && MOUNTAIN_DISTRICTS.has(district);
  let base: number;
  if (u.kind === "Phường") base = between(520, 1050, k, "base");
  else if (u.kind === "Thị trấn") base = between(380, 820, k, "base");
  else if (u.kind === "Huyện") base = between(24, 40, k, "base");
  else if (mountain) base = between(70, 190, k, "base");
  else base = between(160, 420, k, "base");
  const online0 = mountain ? between(0.08, 0.22, k, "online") : between(0.16, 0.4, k, "online") + (u.kind === "Phường" ? 0.08 : 0);
  const plan = Math.round(between(1200, mountain ? 9500 : 6500, k, "plan") / 10) * 10;
  return { base, online0, plan };
}

const SEASON: Record<number, number> = { 1: 0.9, 2: 1.05, 3: 1, 4: 1.09 };
/** Share of the year's investment plan disbursed by the end of each quarter (cumulative): [low, high]. */
const DISBURSED_BY_QUARTER: Record<number, [number, number]> = { 1: [0.08, 0.22], 2: [0.3, 0.62], 3: [0.52, 0.8], 4: [0.72, 0.97] };

interface Figures {
  received_online: number;
  received_direct: number;
  received_carried: number;
  online_service_dossiers: number;
  resolved_early: number;
  resolved_ontime: number;
  resolved_late: number;
  pending_within: number;
  pending_overdue: number;
  apologies: number;
  digitized: number;
  fee_dossiers: number;
  paid_online: number;
  investment_plan: number | "";
  investment_disbursed: number | "";
  documents_issued: number;
  documents_signed: number;
  work_records: number;
  work_records_electronic: number;
  received_online_full: number;
  results_digitized: number;
  ratings: number;
  ratings_satisfied: number;
}

/** A unit's figures for period index t; `carried` is the pending dossiers of its previous quarter. */
function figures(code: string, p: Profile, t: number, carried: number | null): Figures {
  const period = QT_PERIODS[t]!;
  const q = Number(period.slice(-1));
  const d = (what: string) => draw(code, period, what);
  const received = Math.max(3, Math.round(p.base * SEASON[q]! * (1 + p.growth) ** t * (0.94 + 0.12 * d("received"))));
  const online = Math.round(received * clamp(p.online0 + p.onlineSlope * t + 0.03 * (d("online") - 0.5), 0.02, 0.97));
  const direct = received - online;
  const carriedIn = carried ?? Math.round(received * (0.03 + 0.05 * d("carried")));
  const total = received + carriedIn;
  const forced = period === QT_CURRENT ? OVERDUE_2026Q2[code] : undefined;
  const late0 = d("lateEvent") < p.lateProne * (1 - 0.12 * t);
  const late = forced ? forced[0] : late0 ? 1 + Math.floor(d("late") * Math.min(8, 1 + received / 450)) : 0;
  const pendingOverdue = forced ? forced[1] : late0 && d("pendingOverdue") < 0.4 ? 1 + Math.floor(d("po") * 3) : 0;
  const pendingWithin = Math.round(total * (0.035 + 0.05 * d("pending")));
  const resolved = total - pendingWithin - pendingOverdue;
  const early = Math.round((resolved - late) * (0.18 + 0.35 * d("early")));
  const overdue = late + pendingOverdue;
  const short = forced ? forced[2] : overdue > 1 && d("apologies") < 0.15 ? 1 + Math.floor(d("short") * (overdue - 1)) : 0;
  const fee = Math.round(received * clamp(p.fee + 0.04 * (d("fee") - 0.5), 0, 1));
  const ratings = Math.round(resolved * clamp(p.rating0 + 0.04 * t + 0.05 * (d("rating") - 0.5), 0, 0.9));
  const year = Number(period.slice(0, 4));
  const plan = p.plan ? Math.round((p.plan * (year === 2026 ? 1 + between(0.08, 0.3, code, "plan2026") : 1)) / 10) * 10 : 0;
  const [lo, hi] = DISBURSED_BY_QUARTER[q]!;
  const documents = Math.round(p.documents * SEASON[q]! * (0.9 + 0.2 * d("documents")));
  const records = Math.round(p.records * (0.9 + 0.2 * d("records")));
  return {
    received_online: online,
    received_direct: direct,
    received_carried: carriedIn,
    online_service_dossiers: online + Math.round(direct * p.serviceShare),
    resolved_early: early,
    resolved_ontime: resolved - late - early,
    resolved_late: late,
    pending_within: pendingWithin,
    pending_overdue: pendingOverdue,
    apologies: overdue - short,
    digitized: Math.round(received * clamp(p.digit0 + 0.05 * t + 0.04 * (d("digitized") - 0.5), 0, 0.99)),
    fee_dossiers: fee,
    paid_online: Math.round(fee * clamp(p.paid0 + p.paidSlope * t + 0.04 * (d("paid") - 0.5), 0, 0.97)),
    investment_plan: plan || "",
    investment_disbursed: plan ? Math.round(plan * between(lo, hi, code, year, "disbursed")) : "",
    documents_issued: documents,
    documents_signed: Math.round(documents * clamp(p.signed0 + 0.012 * t + 0.02 * (d("signed") - 0.5), 0, 1)),
    work_records: records,
    work_records_electronic: Math.round(records * clamp(p.electronic0 + 0.05 * t + 0.04 * (d("electronic") - 0.5), 0, 1)),
    received_online_full: Math.round(online * clamp(p.full0 + 0.035 * t + 0.04 * (d("full") - 0.5), 0, 0.98)),
    results_digitized: Math.round(resolved * clamp(p.result0 + p.resultSlope * t + 0.04 * (d("results") - 0.5), 0, 0.99)),
    ratings,
    ratings_satisfied: Math.round(ratings * clamp(p.satisfied + 0.01 * (d("satisfied") - 0.5), 0, 1)),
  };
}

function row(period: string, unit: string, f: Figures, explanation = ""): SampleRow {
  return {
    period,
    unit,
    received_total: f.received_online + f.received_direct + f.received_carried,
    resolved_total: f.resolved_early + f.resolved_ontime + f.resolved_late,
    pending_total: f.pending_within + f.pending_overdue,
    ...f,
    explanation,
  };
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
  const ghost = figures("SGTVT", drawProfile(unitOf("SGTVT"), 640, 0.5, 0), QT_PERIODS.indexOf(QT_CURRENT), null);
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
    const b = oldBase(u, district.get(u.sourceCode) ?? null);
    profiles.set(u.code, drawProfile(u, b.base, b.online0, b.plan));
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
      profiles.set(u.code, drawProfile(u, base * between(1, 1.08, u.code, "merged"), online / base + 0.03, Math.round(plan / 10) * 10));
    } else if (u.group !== "old") {
      const d = [...DEPARTMENTS, CENTRE].find((x) => x.code === u.code)!;
      profiles.set(u.code, drawProfile(u, d.base, d.online, d.plan));
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
      const f = figures(u.code, profiles.get(u.code)!, t, carried);
      pending.set(u.code, f.pending_within + f.pending_overdue);
      if (period === QT_CURRENT && u.code === MISSING_UNIT) continue;
      rows.push(row(period, u.code, f, period === QT_CURRENT ? (EXPLANATIONS[u.code] ?? "") : ""));
    }
  });
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
