/**
 * The sample district: the communes, towns and offices of Vĩnh Linh
 * (Quảng Trị), quarters 2022-Q4 and 2023-Q1. Its 2023-Q1 district figures
 * reproduce the source report's: online payment 5,9% (59/1.000), online
 * origin 4,42% (221/5.000), 23 overdue dossiers with only 9 apologies, one
 * unit (Vĩnh Ô) not submitted, and a few findings for the clerks to fix.
 * Deterministic: the same workbook every time.
 */
import { SUBMISSION_COLUMNS, TARGET_COLUMNS, UNIT_COLUMNS, type SubmissionKey, type UnitKey } from "../core/schema";

export interface SampleUnit {
  code: string;
  name: string;
  kind: "Xã" | "Thị trấn" | "Phòng ban";
  weight: number;
}

export const SAMPLE_UNITS: readonly SampleUnit[] = [
  { code: "HOXA", name: "Thị trấn Hồ Xá", kind: "Thị trấn", weight: 9 },
  { code: "CUATUNG", name: "Thị trấn Cửa Tùng", kind: "Thị trấn", weight: 5 },
  { code: "BENQUAN", name: "Thị trấn Bến Quan", kind: "Thị trấn", weight: 3 },
  { code: "VINHTHAI", name: "Xã Vĩnh Thái", kind: "Xã", weight: 3 },
  { code: "VINHTU", name: "Xã Vĩnh Tú", kind: "Xã", weight: 3 },
  { code: "VINHCHAP", name: "Xã Vĩnh Chấp", kind: "Xã", weight: 3 },
  { code: "TRUNGNAM", name: "Xã Trung Nam", kind: "Xã", weight: 3 },
  { code: "KIMTHACH", name: "Xã Kim Thạch", kind: "Xã", weight: 4 },
  { code: "VINHLONG", name: "Xã Vĩnh Long", kind: "Xã", weight: 3 },
  { code: "VINHKHE", name: "Xã Vĩnh Khê", kind: "Xã", weight: 2 },
  { code: "VINHHOA", name: "Xã Vĩnh Hòa", kind: "Xã", weight: 3 },
  { code: "HIENTHANH", name: "Xã Hiền Thành", kind: "Xã", weight: 3 },
  { code: "VINHTHUY", name: "Xã Vĩnh Thủy", kind: "Xã", weight: 3 },
  { code: "VINHLAM", name: "Xã Vĩnh Lâm", kind: "Xã", weight: 4 },
  { code: "VINHGIANG", name: "Xã Vĩnh Giang", kind: "Xã", weight: 3 },
  { code: "VINHSON", name: "Xã Vĩnh Sơn", kind: "Xã", weight: 3 },
  { code: "VINHTHANH", name: "Xã Vĩnh Thành", kind: "Xã", weight: 3 },
  { code: "VINHHA", name: "Xã Vĩnh Hà", kind: "Xã", weight: 2 },
  { code: "VINHO", name: "Xã Vĩnh Ô", kind: "Xã", weight: 2 },
  { code: "VP", name: "Văn phòng HĐND và UBND huyện", kind: "Phòng ban", weight: 4 },
  { code: "TNMT", name: "Phòng Tài nguyên và Môi trường", kind: "Phòng ban", weight: 6 },
  { code: "TCKH", name: "Phòng Tài chính - Kế hoạch", kind: "Phòng ban", weight: 4 },
  { code: "KTHT", name: "Phòng Kinh tế và Hạ tầng", kind: "Phòng ban", weight: 3 },
  { code: "TUPHAP", name: "Phòng Tư pháp", kind: "Phòng ban", weight: 3 },
  { code: "LDTBXH", name: "Phòng Lao động - Thương binh và Xã hội", kind: "Phòng ban", weight: 3 },
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

interface QuarterPlan {
  period: string;
  online: number;
  direct: number;
  fee: number;
  paid: number;
  late: number;
  pendingOverdue: number;
  apologies: number;
  /** Units that have not submitted. */
  missing: string[];
}

export const SAMPLE_Q1: QuarterPlan = {
  period: "2023-Q1",
  online: 221,
  direct: 4779,
  fee: 1000,
  paid: 59,
  late: 15,
  pendingOverdue: 8,
  apologies: 9,
  missing: ["VINHO"],
};
const SAMPLE_Q4: QuarterPlan = {
  period: "2022-Q4",
  online: 180,
  direct: 4620,
  fee: 950,
  paid: 39,
  late: 21,
  pendingOverdue: 9,
  apologies: 12,
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

function quarterRows(plan: QuarterPlan): SampleRow[] {
  const units = SAMPLE_UNITS.filter((u) => !plan.missing.includes(u.code));
  const w = units.map((u) => u.weight);
  const online = apportion(plan.online, w);
  const direct = apportion(plan.direct, w);
  const fee = apportion(plan.fee, w);
  const paid = apportion(
    plan.paid,
    w.map((x, i) => (i % 3 === 0 ? x * 2 : x)),
  );
  const od = units.map((u) => (OVERDUE_UNITS.includes(u.code) ? OVERDUE_UNITS.length - OVERDUE_UNITS.indexOf(u.code) : 0));
  const late = apportion(plan.late, od);
  const pendingOverdue = apportion(
    plan.pendingOverdue,
    od.map((x, i) => (i % 2 === 0 ? x : 0)),
  );
  const overdue = late.map((l, i) => l + pendingOverdue[i]!);
  const apologies = apportion(plan.apologies, overdue).map((a, i) => Math.min(a, overdue[i]!));
  return units.map((u, i) => {
    const o = online[i]!,
      d = direct[i]!;
    const carried = Math.round((o + d) * 0.05);
    const received = o + d + carried;
    const po = pendingOverdue[i]!;
    const within = Math.round(received * 0.08);
    const resolved = received - within - po;
    const early = Math.round(resolved * 0.3);
    const lt = late[i]!;
    const ontime = resolved - early - lt;
    const plan_ = u.kind === "Phòng ban" ? "" : 1500 + u.weight * 700;
    const row: SampleRow = {
      period: plan.period,
      unit: u.code,
      received_total: received,
      received_online: o,
      received_direct: d,
      received_carried: carried,
      online_service_dossiers: o + Math.round(d * 0.45),
      resolved_total: resolved,
      resolved_early: early,
      resolved_ontime: ontime,
      resolved_late: lt,
      pending_total: within + po,
      pending_within: within,
      pending_overdue: po,
      apologies: apologies[i]!,
      digitized: Math.round((o + d) * (0.55 + (i % 4) * 0.1)),
      fee_dossiers: fee[i]!,
      paid_online: Math.min(paid[i]!, fee[i]!),
      investment_plan: plan_,
      investment_disbursed: plan_ === "" ? "" : Math.round(plan_ * (0.18 + (i % 5) * 0.05)),
      documents_issued: 40 + u.weight * 12,
      documents_signed: 30 + u.weight * 10,
      work_records: 20 + u.weight * 4,
      work_records_electronic: 8 + u.weight * 2,
      explanation: plan.period === SAMPLE_Q1.period ? (EXPLANATIONS[u.code] ?? "") : "",
    };
    return row;
  });
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
