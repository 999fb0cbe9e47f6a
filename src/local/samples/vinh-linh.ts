/**
 * The sample district: the communes, towns and offices of Vĩnh Linh
 * (Quảng Trị), quarters 2022-Q4 and 2023-Q1. Its 2023-Q1 district figures
 * reproduce the source report's: online payment 5,9% (59/1.000), online
 * origin 4,42% (221/5.000), 23 overdue dossiers with only 9 apologies, one
 * unit (Vĩnh Ô) not submitted, and a few findings for the clerks to fix.
 *
 * The district totals of each quarter (QuarterPlan) are shared out among the
 * units in proportion to each unit's size (the district town Hồ Xá largest,
 * the mountain communes Vĩnh Ô, Vĩnh Hà and Vĩnh Khê smallest, the land
 * office TNMT the busiest office) times a seeded draw per unit, quarter and
 * figure, so that no two units report alike while the totals stay exactly
 * the source's. Every row keeps SPEC's validation rules but the findings
 * made on purpose (addFindings). Deterministic: the same workbook every time.
 */
import { SUBMISSION_COLUMNS, TARGET_COLUMNS, UNIT_COLUMNS, type SubmissionKey, type UnitKey } from "../../core/schema";
import { between } from "./seeded";

export interface SampleUnit {
  code: string;
  name: string;
  kind: "Xã" | "Thị trấn" | "Phòng ban";
  /** Relative size: the unit's share of the district's dossiers is about weight / Σ weight. */
  weight: number;
}

export const SAMPLE_UNITS: readonly SampleUnit[] = [
  { code: "HOXA", name: "Thị trấn Hồ Xá", kind: "Thị trấn", weight: 9.2 },
  { code: "CUATUNG", name: "Thị trấn Cửa Tùng", kind: "Thị trấn", weight: 5.1 },
  { code: "BENQUAN", name: "Thị trấn Bến Quan", kind: "Thị trấn", weight: 3.4 },
  { code: "VINHTHAI", name: "Xã Vĩnh Thái", kind: "Xã", weight: 2.9 },
  { code: "VINHTU", name: "Xã Vĩnh Tú", kind: "Xã", weight: 3.2 },
  { code: "VINHCHAP", name: "Xã Vĩnh Chấp", kind: "Xã", weight: 3.6 },
  { code: "TRUNGNAM", name: "Xã Trung Nam", kind: "Xã", weight: 2.7 },
  { code: "KIMTHACH", name: "Xã Kim Thạch", kind: "Xã", weight: 4.1 },
  { code: "VINHLONG", name: "Xã Vĩnh Long", kind: "Xã", weight: 3.3 },
  { code: "VINHKHE", name: "Xã Vĩnh Khê", kind: "Xã", weight: 1.7 },
  { code: "VINHHOA", name: "Xã Vĩnh Hòa", kind: "Xã", weight: 3.0 },
  { code: "HIENTHANH", name: "Xã Hiền Thành", kind: "Xã", weight: 2.5 },
  { code: "VINHTHUY", name: "Xã Vĩnh Thủy", kind: "Xã", weight: 3.5 },
  { code: "VINHLAM", name: "Xã Vĩnh Lâm", kind: "Xã", weight: 4.3 },
  { code: "VINHGIANG", name: "Xã Vĩnh Giang", kind: "Xã", weight: 3.1 },
  { code: "VINHSON", name: "Xã Vĩnh Sơn", kind: "Xã", weight: 2.6 },
  { code: "VINHTHANH", name: "Xã Vĩnh Thành", kind: "Xã", weight: 2.8 },
  { code: "VINHHA", name: "Xã Vĩnh Hà", kind: "Xã", weight: 1.5 },
  { code: "VINHO", name: "Xã Vĩnh Ô", kind: "Xã", weight: 1.3 },
  { code: "VP", name: "Văn phòng HĐND và UBND huyện", kind: "Phòng ban", weight: 3.9 },
  { code: "TNMT", name: "Phòng Tài nguyên và Môi trường", kind: "Phòng ban", weight: 6.4 },
  { code: "TCKH", name: "Phòng Tài chính - Kế hoạch", kind: "Phòng ban", weight: 3.7 },
  { code: "KTHT", name: "Phòng Kinh tế và Hạ tầng", kind: "Phòng ban", weight: 3.4 },
  { code: "TUPHAP", name: "Phòng Tư pháp", kind: "Phòng ban", weight: 2.2 },
  { code: "LDTBXH", name: "Phòng Lao động - Thương binh và Xã hội", kind: "Phòng ban", weight: 2.9 },
];

/** Integer shares of a total in proportion to weights (largest remainder), deterministic. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, v) => a + v, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]! += 1;
  return out;
}

/** A quarter's district totals: the source's (2023-Q1) or the quarter before's; the units' rows add up to them exactly. */
interface QuarterPlan {
  period: string;
  online: number;
  direct: number;
  carried: number;
  /** Dossiers of procedures with an online public service, (4) included. */
  onlineService: number;
  early: number;
  late: number;
  within: number;
  pendingOverdue: number;
  apologies: number;
  digitized: number;
  fee: number;
  paid: number;
  /** Units that have not submitted. */
  missing: string[];
}

export const SAMPLE_Q1: QuarterPlan = {
  period: "2023-Q1",
  online: 221,
  direct: 4779,
  carried: 254,
  onlineService: 2371,
  early: 1444,
  late: 15,
  within: 424,
  pendingOverdue: 8,
  apologies: 9,
  digitized: 3472,
  fee: 1000,
  paid: 59,
  missing: ["VINHO"],
};
const SAMPLE_Q4: QuarterPlan = {
  period: "2022-Q4",
  online: 180,
  direct: 4620,
  carried: 238,
  onlineService: 2267,
  early: 1388,
  late: 21,
  within: 406,
  pendingOverdue: 9,
  apologies: 12,
  digitized: 3273,
  fee: 950,
  paid: 39,
  missing: [],
};

/** Units with overdue dossiers in the sample (the others have none). */
const OVERDUE_UNITS = ["HOXA", "TNMT", "KIMTHACH", "VINHLAM", "CUATUNG", "VINHHOA", "KTHT"];

const EXPLANATIONS: Record<string, string> = {
  HOXA: "Một số hồ sơ đất đai phải xác minh nguồn gốc, đo đạc lại thực địa nên giải quyết quá hạn; người dân còn quen nộp hồ sơ và nộp phí trực tiếp.",
  TNMT: "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất phải lấy ý kiến nhiều cơ quan; đã gửi phiếu xin lỗi cho một phần hồ sơ trễ hạn.",
  KIMTHACH: "Cán bộ một cửa nghỉ ốm dài ngày, chưa bố trí người thay thế kịp thời.",
  VINHLAM: "Đường truyền Internet tại bộ phận một cửa thường xuyên gián đoạn.",
};

export type SampleRow = Partial<Record<SubmissionKey, string | number>>;

/** How much more of a unit's dossiers come online than the district's average: offices and towns more, communes less. */
const ONLINE_LEAN: Record<SampleUnit["kind"], number> = { "Phòng ban": 1.5, "Thị trấn": 1.3, Xã: 0.75 };

function quarterRows(plan: QuarterPlan): SampleRow[] {
  const units = SAMPLE_UNITS.filter((u) => !plan.missing.includes(u.code));
  const draw = (lo: number, hi: number, u: SampleUnit, what: string) => between(lo, hi, "vinh-linh", u.code, plan.period, what);
  /** The unit's size this quarter: its weight give or take 8%. */
  const size = units.map((u) => u.weight * draw(0.92, 1.08, u, "size"));
  const online = apportion(
    plan.online,
    units.map((u, i) => size[i]! * ONLINE_LEAN[u.kind] * draw(0.6, 1.4, u, "online")),
  );
  const direct = apportion(plan.direct, size);
  const fresh = units.map((_, i) => online[i]! + direct[i]!);
  const carried = apportion(
    plan.carried,
    units.map((u, i) => fresh[i]! * draw(0.6, 1.4, u, "carried")),
  );
  const serviceDirect = apportion(
    plan.onlineService - plan.online,
    units.map((u, i) => direct[i]! * draw(0.6, 1.4, u, "service")),
  );
  const digitized = apportion(
    plan.digitized,
    units.map((u, i) => fresh[i]! * draw(0.8, 1.2, u, "digitized")),
  );
  const fee = apportion(
    plan.fee,
    units.map((u, i) => size[i]! * (u.code === "TNMT" ? 2 : 1) * draw(0.7, 1.3, u, "fee")),
  );
  const paid = apportion(
    plan.paid,
    units.map((u, i) => fee[i]! * ONLINE_LEAN[u.kind] * draw(0.3, 1.7, u, "paid")),
  );
  const od = units.map((u) => (OVERDUE_UNITS.includes(u.code) ? OVERDUE_UNITS.length - OVERDUE_UNITS.indexOf(u.code) : 0));
  const late = apportion(plan.late, od);
  const pendingOverdue = apportion(
    plan.pendingOverdue,
    od.map((x, i) => (i % 2 === 0 ? x : 0)),
  );
  const overdue = late.map((l, i) => l + pendingOverdue[i]!);
  const apologies = apportion(plan.apologies, overdue).map((a, i) => Math.min(a, overdue[i]!));
  const received = units.map((_, i) => fresh[i]! + carried[i]!);
  const within = apportion(
    plan.within,
    units.map((u, i) => received[i]! * draw(0.7, 1.3, u, "within")),
  );
  const resolved = units.map((_, i) => received[i]! - within[i]! - pendingOverdue[i]!);
  const early = apportion(
    plan.early,
    units.map((u, i) => (resolved[i]! - late[i]!) * draw(0.75, 1.25, u, "early")),
  );
  const rows = units.map((u, i): SampleRow => {
    const plan_ = u.kind === "Phòng ban" ? "" : Math.round((1200 + u.weight * 650 * draw(0.85, 1.15, u, "plan")) / 50) * 50;
    const issued = Math.round(28 + u.weight * 13 * draw(0.85, 1.15, u, "issued"));
    const records = Math.round(12 + u.weight * 5 * draw(0.8, 1.2, u, "records"));
    return {
      period: plan.period,
      unit: u.code,
      received_total: received[i]!,
      received_online: online[i]!,
      received_direct: direct[i]!,
      received_carried: carried[i]!,
      online_service_dossiers: online[i]! + serviceDirect[i]!,
      resolved_total: resolved[i]!,
      resolved_early: early[i]!,
      resolved_ontime: resolved[i]! - early[i]! - late[i]!,
      resolved_late: late[i]!,
      pending_total: within[i]! + pendingOverdue[i]!,
      pending_within: within[i]!,
      pending_overdue: pendingOverdue[i]!,
      apologies: apologies[i]!,
      digitized: digitized[i]!,
      fee_dossiers: fee[i]!,
      paid_online: paid[i]!,
      investment_plan: plan_,
      investment_disbursed: plan_ === "" ? "" : Math.round(plan_ * draw(0.15, 0.35, u, "disbursed")),
      documents_issued: issued,
      documents_signed: Math.round(issued * draw(0.7, 0.88, u, "signed")),
      work_records: records,
      work_records_electronic: Math.round(records * draw(0.3, 0.6, u, "e-records")),
      explanation: plan.period === SAMPLE_Q1.period ? (EXPLANATIONS[u.code] ?? "") : "",
    };
  });
  checkQuarter(plan, rows);
  return rows;
}

/** The rows add up to the plan and keep every validation rule (before addFindings); a generator change that breaks either fails here. */
function checkQuarter(plan: QuarterPlan, rows: SampleRow[]): void {
  const n = (r: SampleRow, k: SubmissionKey) => Number(r[k] ?? 0);
  const total = (k: SubmissionKey) => rows.reduce((a, r) => a + n(r, k), 0);
  const totals: [SubmissionKey, number][] = [
    ["received_online", plan.online],
    ["received_direct", plan.direct],
    ["received_carried", plan.carried],
    ["online_service_dossiers", plan.onlineService],
    ["resolved_early", plan.early],
    ["resolved_late", plan.late],
    ["pending_within", plan.within],
    ["pending_overdue", plan.pendingOverdue],
    ["apologies", plan.apologies],
    ["digitized", plan.digitized],
    ["fee_dossiers", plan.fee],
    ["paid_online", plan.paid],
  ];
  for (const [k, want] of totals) if (total(k) !== want) throw new Error(`${plan.period}: ${k} adds up to ${total(k)}, not ${want}`);
  for (const r of rows) {
    const fresh = n(r, "received_online") + n(r, "received_direct");
    const ok =
      n(r, "resolved_ontime") >= 0 &&
      n(r, "paid_online") <= n(r, "fee_dossiers") &&
      n(r, "digitized") <= fresh &&
      n(r, "apologies") <= n(r, "resolved_late") + n(r, "pending_overdue") &&
      n(r, "investment_disbursed") <= n(r, "investment_plan") &&
      n(r, "documents_signed") <= n(r, "documents_issued") &&
      n(r, "work_records_electronic") <= n(r, "work_records");
    if (!ok) throw new Error(`${plan.period} ${r.unit}: a row breaks a validation rule`);
  }
}

/**
 * The sample's findings, each made on purpose. A unit is left out of every
 * indicator whose fields a failed rule touches (SPEC), so the errors sit on
 * fields outside the source's headline figures, which stay as reported.
 */
function addFindings(rows: SampleRow[]): void {
  const row = (code: string) => rows.find((r) => r.unit === code && r.period === SAMPLE_Q1.period)!;
  // More documents signed than issued: signed_le_issued error (HOXA left out of the digital-signature rate).
  const hx = row("HOXA");
  hx.documents_signed = Number(hx.documents_issued) + 4;
  // More electronic work records than records: e_records_le_records error.
  const tu = row("VINHTU");
  tu.work_records_electronic = Number(tu.work_records) + 5;
  // Disbursed more than planned: disbursed_gt_plan warning.
  const khe = row("VINHKHE");
  khe.investment_disbursed = Number(khe.investment_plan) + 120;
  // Text in a count cell: not_a_number error on an optional figure.
  row("VINHHA").documents_signed = "chưa thống kê";
  // A count typed as text digits: read as a number, no finding.
  row("VINHSON").received_carried = String(row("VINHSON").received_carried);
  // The period written another way SPEC reads.
  row("VINHGIANG").period = "Quý I/2023";
}

export interface SampleWorkbook {
  units: unknown[][];
  targets: unknown[][];
  submissions: unknown[][];
}

export function sampleWorkbook(): SampleWorkbook {
  const rows = [...quarterRows(SAMPLE_Q4), ...quarterRows(SAMPLE_Q1)];
  addFindings(rows);
  return {
    units: [
      UNIT_COLUMNS.map((c) => c.header),
      ...SAMPLE_UNITS.map((u) => {
        const cells: Partial<Record<UnitKey, unknown>> = {
          code: u.code,
          name: u.name,
          kind: u.kind,
          editors: `vanthu.${u.code.toLowerCase()}@vinhlinh.example.vn`,
          active: true,
        };
        return UNIT_COLUMNS.map((c) => cells[c.key] ?? "");
      }),
    ],
    targets: [
      TARGET_COLUMNS.map((c) => c.header),
      ["online_payment_rate", 2023, 0.3, "Kế hoạch CCHC năm 2023 của UBND huyện (mẫu)"],
      ["online_submission_rate", 2023, 0.5, "Kế hoạch CCHC năm 2023 của UBND huyện (mẫu)"],
      ["online_origin_rate", 2023, 0.2, "Kế hoạch CCHC năm 2023 của UBND huyện (mẫu)"],
      ["digitization_rate", "", 0.8, "Mục tiêu số hóa hồ sơ, kết quả giải quyết TTHC (mẫu)"],
      ["ontime_rate", "", 1, "Mục tiêu 100% hồ sơ giải quyết đúng hạn"],
      ["apology_rate", "", 1, "Xin lỗi người dân, tổ chức đối với mọi hồ sơ trễ hạn"],
      ["overdue_dossiers", "", 0, "Không để hồ sơ trễ hạn"],
      ["disbursement_rate", 2023, 0.25, "Kế hoạch giải ngân vốn đầu tư công quý I (mẫu)"],
      ["digital_signature_rate", "", 0.9, "Văn bản đi được ký số (mẫu)"],
    ],
    submissions: [SUBMISSION_COLUMNS.map((c) => c.header), ...rows.map((r) => SUBMISSION_COLUMNS.map((c) => r[c.key] ?? ""))],
  };
}
