/**
 * The seeded figure generator both province samples draw from
 * (./quang-tri.ts, ./province.ts): a unit's profile (its size, how much it
 * does online, how prone to late dossiers it is) drawn from its code, and its
 * figures for a quarter drawn from the profile, the quarter and its code
 * (./seeded: the same workbook every run). Every validation rule of SPEC
 * holds for what it draws; findings are made on purpose by each sample.
 */
import { between, draw } from "./seeded";
import type { SampleRow } from "./vinh-linh";

/** What the generator needs of a unit. */
export interface GenUnit {
  code: string;
  kind: string;
  /** "commune" (xã, phường, đặc khu), "department", "centre" or "old" (merged on 1 July 2025). */
  group: "commune" | "department" | "centre" | "old";
  /** Old units: the codes they were merged into. */
  successors: readonly string[];
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** What a unit's figures are drawn from; rates at period index t (2025-Q2 = 0) are start + slope × t. */
export interface Profile {
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

export function drawProfile(
  u: GenUnit,
  base: number,
  online0: number,
  plan: number,
  overrides: Readonly<Record<string, Partial<Profile>>> = {},
): Profile {
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
  const successor = u.group === "old" && u.successors.length === 1 ? overrides[u.successors[0]!] : undefined;
  const habits: Partial<Profile> = {};
  for (const key of ["online0", "onlineSlope", "paid0", "paidSlope"] as const) {
    if (successor?.[key] !== undefined) habits[key] = successor[key] - (key === "online0" ? 0.03 : 0);
  }
  return { ...p, ...habits, ...overrides[k] };
}

/** An old unit's size and investment plan, by kind and place (mountain communes are small, wards large). */
export function oldBase(u: Pick<GenUnit, "code" | "kind">, mountain: boolean): { base: number; online0: number; plan: number } {
  const k = u.code;
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

export interface Figures {
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

/**
 * A unit's figures for `period`, the t-th quarter since 2025-Q2 (rates grow
 * with t); `carried` is the pending dossiers of its previous quarter (drawn
 * when null); `forced`: [late resolved, pending overdue, apologies short]
 * whatever the draw.
 */
export function figures(code: string, p: Profile, t: number, period: string, carried: number | null, forced?: readonly [number, number, number]): Figures {
  const q = Number(period.slice(-1));
  const d = (what: string) => draw(code, period, what);
  const received = Math.max(3, Math.round(p.base * SEASON[q]! * (1 + p.growth) ** t * (0.94 + 0.12 * d("received"))));
  const online = Math.round(received * clamp(p.online0 + p.onlineSlope * t + 0.03 * (d("online") - 0.5), 0.02, 0.97));
  const direct = received - online;
  const carriedIn = carried ?? Math.round(received * (0.03 + 0.05 * d("carried")));
  const total = received + carriedIn;
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

/** A `Số liệu` row: the figures and the totals (3), (7), (11). */
export function row(period: string, unit: string, f: Figures, explanation = ""): SampleRow {
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

