/**
 * The quarterly report's content, as data (blocks of paragraphs and tables),
 * independent of the output: the Google Docs writer (src/gas/report.ts) and
 * the tests read the same blocks. Laid out as a Vietnamese administrative
 * report (Decree 30/2020/NĐ-CP): header block, title, numbered sections,
 * "Nơi nhận", signature, appendix.
 *
 * Everything that grows with the number of units goes into tables, so that
 * writing the document takes the same number of service calls for 20 units
 * as for 2,000.
 */
import { INDICATORS, indicator, type IndicatorCode, type IndicatorDef } from "./catalogue";
import type { IndicatorResult } from "./indicators";
import { periodBounds, periodLabel, periodWords, vnDay, yearAgo } from "./period";
import { FORM06_TOTALS } from "./rules";
import { type Status, statusCountText } from "./approval";
import { SHEET_SUBMISSIONS, submissionColumn, type ColumnDef, type FigureKey } from "./schema";
import { levelWords, type LevelWords, type ReportSettings } from "./settings";
import { formatNumber, formatPercent } from "./text";
import { targetText, valueText } from "./view";
import { incompleteText, type Evaluation, type UnitEvaluation } from "./workbook";

export type Align = "left" | "center" | "right" | "justify";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface ParagraphBlock {
  kind: "paragraph";
  runs: Run[];
  align?: Align;
  /** "title": BÁO CÁO; "heading": I., II.; "subheading": 1., 2. */
  style?: "title" | "subtitle" | "heading" | "subheading" | "normal" | "note" | "masthead" | "rule";
  /** First-line indent (body text of administrative documents is indented). */
  indent?: boolean;
  /** A bullet "- " item. */
  bullet?: boolean;
}

export interface TableBlock {
  kind: "table";
  /** Header rows (bold, centered). */
  header: string[][];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** The last row is a total (bold). */
  totalRow?: boolean;
  /** Font size in points for this table (wide tables use a smaller one). */
  fontSize?: number;
  caption?: string;
  note?: string;
}

/** A borderless two-column block: the header of the document, and the "Nơi nhận" / signature block. */
export interface TwoColumnBlock {
  kind: "columns";
  role: "header" | "signature";
  left: ParagraphBlock[];
  right: ParagraphBlock[];
  /** Relative widths of the two columns. */
  widths: [number, number];
}

export interface PageBreakBlock {
  kind: "pageBreak";
}

export type Block = ParagraphBlock | TableBlock | TwoColumnBlock | PageBreakBlock;

export interface ReportContent {
  /** The document's name in Drive. */
  title: string;
  blocks: Block[];
}

const p = (text: string, extra: Omit<ParagraphBlock, "kind" | "runs"> & { bold?: boolean; italic?: boolean } = {}): ParagraphBlock => {
  const { bold, italic, ...rest } = extra;
  return { kind: "paragraph", runs: [{ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) }], ...rest };
};
const body = (text: string): ParagraphBlock => p(text, { align: "justify", indent: true });
/**
 * A short solid rule, centered: no-break spaces underlined (Google Docs has
 * no paragraph border in DocumentApp; the same run makes a rule in Docs, in
 * Word and in LibreOffice). `width` in no-break spaces of 6 pt (the rule's line is half a line, so it sits under the text above).
 */
const rule = (width: number): ParagraphBlock => ({
  kind: "paragraph",
  runs: [{ text: "\u00a0".repeat(width), underline: true }],
  align: "center",
  style: "rule",
});
/** As long as "Độc lập - Tự do - Hạnh phúc" in bold 12 pt, in no-break spaces of the rule's 6 pt. */
const MOTTO_RULE = 92;

/** "ngày 05 tháng 02 năm 2023": day below 10 and months 1–2 take a leading zero (Decree 30). */
export function vietnameseDate(d: { year: number; month: number; day: number }): string {
  const day = String(d.day).padStart(2, "0");
  const month = d.month < 3 ? String(d.month).padStart(2, "0") : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** Rows of `Số liệu` the report leaves out, each with its cell and why (SPEC: unknown unit codes are named). */
function uncountedRows(ev: Evaluation): string[] {
  const why: Record<string, (f: Evaluation["findings"][number]) => string> = {
    unknown_unit: (f) => `mã đơn vị ${f.unit} không có trong trang "Đơn vị"`,
    bad_period: () => "kỳ báo cáo không đọc được",
    merged_away: (f) => `đơn vị ${f.unit} đã sáp nhập trước kỳ này`,
    duplicate_row: (f) => `đơn vị ${f.unit} có hai dòng trong kỳ`,
  };
  return ev.findings
    .filter((f) => f.sheet === SHEET_SUBMISSIONS && f.cell !== null && why[f.rule] !== undefined)
    .map((f) => `ô ${f.cell} (${why[f.rule]!(f)})`);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const quarterText = periodWords;

/** The change from the previous quarter: "+1,2 điểm %", "-3", "—" when either side is missing. */
export function changeText(code: IndicatorCode, now: number | null, before: number | null): string {
  if (now === null || before === null) return "—";
  const def = indicator(code);
  // The difference of the two values as they are shown (two decimals: "53,76%", "49,7%"), so that the
  // change a reader checks by hand is the change printed.
  const shown = (v: number) => Math.round((def.unit === "rate" ? v * 100 : v) * 100) / 100;
  const rounded = Math.round((shown(now) - shown(before)) * 100) / 100;
  if (rounded === 0) return def.unit === "rate" ? "0 điểm %" : "0";
  const sign = rounded > 0 ? "+" : "-";
  return `${sign}${formatNumber(Math.abs(rounded))}${def.unit === "rate" ? " điểm %" : ""}`;
}

function verdict(r: IndicatorResult): string {
  return r.met === true ? "Đạt" : r.met === false ? "Chưa đạt" : "Không đánh giá";
}

/** How far an indicator misses, relative to its target: used to rank the shortfalls. */
export function relativeGap(def: IndicatorDef, r: IndicatorResult): number {
  if (!r.shortfall || r.value === null || r.target === null) return 0;
  if (def.unit === "rate") return r.target > 0 ? r.shortfall / r.target : r.shortfall;
  return r.value > 0 ? r.shortfall / r.value : 0;
}

/** Units below target for an indicator, worst first, as "Xã A (2,1%)". */
function worstUnits(ev: Evaluation, def: IndicatorDef, limit: number): string[] {
  return ev.units
    .filter((u) => u.indicators[def.code].met === false)
    .sort((a, b) => relativeGap(def, b.indicators[def.code]) - relativeGap(def, a.indicators[def.code]))
    .slice(0, limit)
    .map((u) => `${u.name} (${valueText(def.code, u.indicators[def.code].value)})`);
}

/** One shortfall as a sentence in the style of the source text. */
export function shortfallSentence(def: IndicatorDef, r: IndicatorResult, whole: string): string {
  if (def.unit === "count") {
    const what = def.countNoun ?? lowerFirst(def.name);
    const goal = r.target === 0 ? "mục tiêu không để hồ sơ trễ hạn" : `mục tiêu không quá ${formatNumber(r.target ?? 0)}`;
    return `${whole} còn ${formatNumber(r.value ?? 0)} ${what}, chưa đạt ${goal}`;
  }
  const target = formatPercent(r.target ?? 0);
  const cap = r.target !== null && r.target >= 1 ? target : `${target} trở lên`;
  return `${def.name} chỉ đạt ${formatPercent(r.value ?? 0)} so với mục tiêu ${cap}`;
}

function apologySentence(ev: Evaluation): string | null {
  const overdue = ev.district.indicators.overdue_dossiers.value ?? 0;
  const apology = ev.district.indicators.apology_rate;
  if (overdue === 0 || apology.met !== false) return null;
  return (
    `Việc xin lỗi người dân, tổ chức khi hồ sơ trễ hạn chưa đầy đủ: mới gửi ${formatNumber(apology.numerator ?? 0)}/` +
    `${formatNumber(apology.denominator ?? 0)} phiếu xin lỗi (${formatPercent(apology.value ?? 0)})`
  );
}

/** The form 06 columns (3)–(13): each total with its parts, as FORM06_TOTALS defines them. */
interface Form06Column {
  readonly label: string;
  readonly parts: readonly FigureKey[];
}

let form06: readonly Form06Column[] | null = null;
function form06Columns(): readonly Form06Column[] {
  form06 ??= FORM06_TOTALS.flatMap((t) => {
    const label = (k: FigureKey) => {
      const c: ColumnDef = submissionColumn(k);
      return `${c.short ?? c.header} ${c.form06 ?? ""}`.trim();
    };
    return [{ label: label(t.total), parts: t.parts }, ...t.parts.map((k) => ({ label: label(k), parts: [k] }))];
  });
  return form06;
}

/** A unit's form 06 values; null where a part is unreadable. */
function form06Values(u: UnitEvaluation): (number | null)[] {
  return form06Columns().map((c) => {
    let s = 0;
    for (const k of c.parts) {
      const v = u.figure(k);
      if (v === null) return null;
      s += v;
    }
    return s;
  });
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatNumber(v));

function form06Table(ev: Evaluation, scope: string): TableBlock {
  const columns = form06Columns();
  const totals: number[] = columns.map(() => 0);
  const incomplete: string[] = [];
  const rows = ev.units.map((u, i) => {
    const values = form06Values(u);
    values.forEach((v, c) => (totals[c]! += v ?? 0));
    if (values.includes(null)) incomplete.push(u.name);
    return [String(i + 1), u.name, ...values.map((v) => (v === null ? "—" : formatNumber(v)))];
  });
  rows.push(["", scope, ...totals.map((v) => formatNumber(v))]);
  return {
    kind: "table",
    caption: `Bảng 2. Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính ${quarterText(ev.period)} (Mẫu 06/VPCP/KSTT)`,
    header: [["STT", "Đơn vị", ...columns.map((c) => c.label)]],
    rows,
    // 8 pt and a narrower name column: the longest header word ("Trước", "tuyến") fits its column
    // with the cell's padding on A4 portrait, so no word breaks inside (seen in the LibreOffice render).
    widths: [4, 11, ...columns.map(() => 5)],
    totalRow: true,
    fontSize: 8,
    ...(incomplete.length
      ? { note: `“—”: ô không đọc được; dòng tổng chỉ cộng các ô đọc được, chưa đủ số liệu của: ${incomplete.join(", ")}.` }
      : {}),
  };
}

function indicatorTable(ev: Evaluation, whole: LevelWords): TableBlock {
  const cmp = ev.comparison;
  const prevP = cmp ? cmp.previous : null;
  const prev = prevP ? quarterText(prevP) : "";
  const ago = quarterText(cmp?.yearAgo ?? yearAgo(ev.period));
  // A span compares with the same span a year before only: no previous-quarter columns.
  const keep = (_: unknown, i: number) => !ev.period.span || i < 3 || i > 4;
  const table: TableBlock = {
    kind: "table",
    caption: `Bảng 1. Kết quả các chỉ tiêu toàn ${whole.body} ${quarterText(ev.period)}`,
    header: [
      [
        "STT",
        "Chỉ tiêu",
        `Kết quả ${quarterText(ev.period)}`,
        `Quý trước (${prev})`,
        "Tăng/giảm",
        `Cùng kỳ (${ago})`,
        "Tăng/giảm",
        "Mục tiêu",
        "Đánh giá",
      ],
    ],
    rows: INDICATORS.map((d, i) => {
      const r = ev.district.indicators[d.code];
      const before = cmp?.total.previous[d.code] ?? null;
      const yearBefore = cmp?.total.yearAgo[d.code] ?? null;
      const left = ev.excludedUnits[d.code].length;
      return [
        String(i + 1),
        d.name,
        valueText(d.code, r.value) || "—",
        before === null ? "—" : valueText(d.code, before),
        changeText(d.code, r.value, before),
        yearBefore === null ? "—" : valueText(d.code, yearBefore),
        changeText(d.code, r.value, yearBefore),
        targetText(d.code, r.target) || "—",
        r.value === null
          ? "Chưa có số liệu"
          : left && r.met !== null
            ? `${verdict(r)} (chưa gồm ${left} đơn vị có số liệu sai)`
            : verdict(r),
      ];
    }),
    widths: [6, 18, 8, 8, 9, 8, 9, 8, 11],
    fontSize: 10,
    note: `${ev.period.span ? "Cùng kỳ" : "Quý trước và cùng kỳ"}: toàn bộ đơn vị của kỳ đó, kể cả các đơn vị đã sáp nhập sau kỳ đó.`,
  };
  return {
    ...table,
    header: [table.header[0]!.filter(keep)],
    rows: table.rows.map((r) => r.filter(keep)),
    widths: table.widths.filter(keep),
  };
}

/** A span's quarters side by side for the indicators it misses (SPEC): each quarter's total, the span's and the target. */
function quartersTable(ev: Evaluation, missed: readonly IndicatorDef[]): TableBlock | null {
  const qs = ev.quarters;
  if (!qs || !missed.length) return null;
  return {
    kind: "table",
    caption: `Bảng 4. Các chỉ tiêu chưa đạt qua từng quý ${quarterText(ev.period)}`,
    header: [["STT", "Chỉ tiêu", ...qs.map((q) => periodLabel(q.period)), periodLabel(ev.period), "Mục tiêu"]],
    rows: missed.map((d, i) => [
      String(i + 1),
      d.name,
      ...[...qs, ev].map((q) => valueText(d.code, q.district.indicators[d.code].value) || "—"),
      targetText(d.code, ev.district.indicators[d.code].target) || "—",
    ]),
    widths: [6, 18, ...qs.map(() => 8), 9, 8],
    fontSize: 10,
  };
}

function overdueTable(ev: Evaluation, whole: string): TableBlock | null {
  const late = ev.units.filter((u) => (u.indicators.overdue_dossiers.value ?? 0) > 0 || (u.figure("apologies") ?? 0) > 0);
  if (!late.length) return null;
  const total = { late: 0, pending: 0, all: 0, apologies: 0 };
  const rows = late.map((u, i) => {
    const l = u.figure("resolved_late") ?? 0,
      pe = u.figure("pending_overdue") ?? 0,
      a = u.figure("apologies") ?? 0;
    total.late += l;
    total.pending += pe;
    total.all += l + pe;
    total.apologies += a;
    const rate = u.indicators.apology_rate.value;
    return [String(i + 1), u.name, num(l), num(pe), num(l + pe), num(a), rate === null ? "—" : formatPercent(rate)];
  });
  const allRate = total.all > 0 ? formatPercent(total.apologies / total.all) : "—";
  rows.push(["", whole, num(total.late), num(total.pending), num(total.all), num(total.apologies), allRate]);
  return {
    kind: "table",
    caption: "Bảng 3. Hồ sơ trễ hạn và việc xin lỗi người dân, tổ chức theo đơn vị",
    header: [
      [
        "STT",
        "Đơn vị",
        "Đã giải quyết quá hạn (10)",
        "Đang giải quyết quá hạn (13)",
        "Tổng số trễ hạn",
        "Phiếu xin lỗi đã gửi",
        "Tỷ lệ xin lỗi",
      ],
    ],
    rows,
    widths: [4, 18, 8, 8, 7, 7, 7],
    totalRow: true,
    fontSize: 11,
  };
}

/** One decimal in the appendix's narrow columns: "9,2%". */
function compactValue(def: IndicatorDef, value: number | null): string {
  if (value === null) return "";
  return def.unit === "rate" ? formatPercent(value, 1) : formatNumber(value);
}

/** At most this many indicator columns in one appendix table: more do not fit an A4 portrait page at 8 pt. */
const APPENDIX_COLUMNS = 9;

/**
 * Every unit's indicators, in tables of at most APPENDIX_COLUMNS indicators
 * (a fixed number of tables: the catalogue's size, not the units', decides it).
 * The first table also counts each unit's errors.
 */
function appendixTables(ev: Evaluation, whole: string): TableBlock[] {
  const groups: IndicatorDef[][] = [];
  for (let i = 0; i < INDICATORS.length; i += APPENDIX_COLUMNS) groups.push(INDICATORS.slice(i, i + APPENDIX_COLUMNS));
  return groups.map((group, g): TableBlock => {
    const errors = g === 0;
    const extra = (cell: string) => (errors ? [cell] : []);
    return {
      kind: "table",
      caption: `Chỉ tiêu của từng đơn vị ${quarterText(ev.period)}${groups.length > 1 ? ` (${g + 1}/${groups.length})` : ""}`,
      header: [["STT", "Đơn vị", ...group.map((d) => d.shortName), ...extra("Số lỗi")]],
      rows: [
        [
          "",
          "Mục tiêu",
          ...group.map((d) => targetText(d.code, ev.district.indicators[d.code].target).replace(" ", "") || "—"),
          ...extra(""),
        ],
        ...ev.units.map((u, i) => [
          String(i + 1),
          u.name,
          ...group.map((d) => {
            const r = u.indicators[d.code];
            const v = compactValue(d, r.value);
            return v === "" ? "—" : r.met === false ? `${v}*` : v;
          }),
          ...extra(u.errors > 0 ? String(u.errors) : ""),
        ]),
        ["", whole, ...group.map((d) => compactValue(d, ev.district.indicators[d.code].value) || "—"), ...extra("")],
      ],
      widths: [4, 12, ...group.map(() => 6), ...extra("").map(() => 4)],
      totalRow: true,
      fontSize: 8,
      ...(g === groups.length - 1
        ? {
            note: "Dấu * : chưa đạt mục tiêu. “—”: không có số liệu để tính (mẫu số bằng 0, chưa nhập hoặc số liệu sai). Số lỗi: số lỗi kiểm tra số liệu của đơn vị.",
          }
        : {}),
    };
  });
}

/**
 * Each unit against the same quarter of the previous year, for the
 * indicators the total misses most (at most four): merged units counted in
 * their successor; a unit formed by a split is not compared.
 */
function unitComparisonTable(ev: Evaluation, shortfalls: readonly IndicatorDef[]): TableBlock | null {
  const cmp = ev.comparison;
  if (!cmp) return null;
  const picked = (shortfalls.length ? shortfalls : INDICATORS.filter((d) => d.unit === "rate")).slice(0, 4);
  const ago = quarterText(cmp.yearAgo);
  return {
    kind: "table",
    caption: `So sánh từng đơn vị với cùng kỳ năm trước (${ago})`,
    header: [["STT", "Đơn vị", ...picked.flatMap((d) => [`${d.shortName} ${quarterText(ev.period)}`, `${d.shortName} ${ago}`]), "Ghi chú"]],
    rows: ev.units.map((u, i) => {
      const earlier = cmp.units.get(u.unit);
      const merged = (ev.allUnits.length && earlier && !earlier.split && hasMerged(ev, u.unit)) || false;
      return [
        String(i + 1),
        u.name,
        ...picked.flatMap((d) => [
          compactValue(d, u.indicators[d.code].value) || "—",
          earlier?.split ? "—" : compactValue(d, earlier?.yearAgo[d.code] ?? null) || "—",
        ]),
        earlier?.split ? "Không so sánh được do chia tách" : merged ? "Gồm số liệu các đơn vị sáp nhập" : "",
      ];
    }),
    widths: [3, 12, ...picked.flatMap(() => [5, 5]), 10],
    fontSize: 8,
  };
}

/** Whether units were merged into this one (its comparisons include them). */
function hasMerged(ev: Evaluation, code: string): boolean {
  return ev.allUnits.some((u) => u.successors.length === 1 && u.successors[0] === code);
}

export interface ReportInput {
  /** The period's evaluation with its comparisons (evaluateWithComparisons). */
  evaluation: Evaluation;
  settings: ReportSettings;
  /** The report's date (in the script's time zone). */
  today: { year: number; month: number; day: number };
  /** Submission and approval, when the period uses it: counts by status and the units not yet approved. */
  approval?: {
    counts: Record<Status, number>;
    notApproved: readonly string[];
    /** Units whose figures changed after they were submitted or approved. */
    changed?: readonly string[];
    /** Why the log of record cannot be trusted (SPEC "Who may change what"), or "". */
    logProblem?: string;
  } | null;
}

/**
 * Who filled the sheet for this period, from the kinds of the period's own
 * units: before 1 July 2025 "các xã, phường, thị trấn", after it "các xã,
 * phường, đặc khu"; the level's words when no unit says its kind.
 */
function unitsWords(ev: Evaluation, w: LevelWords): string {
  const kindOf = new Map(ev.allUnits.map((u) => [u.code, u.kind]));
  const kinds = new Set([...ev.units.map((u) => u.kind), ...ev.missing_units.map((c) => kindOf.get(c) ?? "")]);
  const communes = ["Xã", "Phường", "Thị trấn", "Đặc khu"].filter((k) => kinds.has(k)).map((k) => k.toLowerCase());
  const parts = [
    communes.length ? `các ${communes.join(", ")}` : "",
    kinds.has("Sở, ban, ngành") ? "các sở, ban, ngành" : "",
    kinds.has("Phòng ban") ? "các phòng, ban chuyên môn" : "",
    kinds.has("Trung tâm PVHCC") ? `Trung tâm Phục vụ hành chính công ${w.noun}` : "",
  ].filter(Boolean);
  if (!parts.length) return w.units;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}`;
}

export function buildReport(input: ReportInput): ReportContent {
  const { evaluation: ev, settings: s, today } = input;
  const bounds = periodBounds(ev.period, s.periodRule);
  const w = levelWords(s);
  const q = quarterText(ev.period);
  const unitName = new Map(ev.allUnits.map((u) => [u.code, u.name]));
  const blocks: Block[] = [];

  // Header block: issuing body and number on the left, national motto and place/date on the right.
  // Decree 30/2020/NĐ-CP, Annex I: the issuing body's name in bold capitals, "ỦY BAN NHÂN DÂN" on its own line
  // above the place, with a short solid rule under it (1/3 to 1/2 of the line); the motto with a rule as long as itself.
  const leftLines: ParagraphBlock[] = [];
  if (s.parentBody) leftLines.push(p(s.parentBody.toUpperCase(), { align: "center" }));
  const name = s.issuingBody.toUpperCase().trim();
  const split = /^(ỦY BAN NHÂN DÂN)\s+(\S.*)$/u.exec(name);
  const nameLines = split ? [split[1]!, split[2]!] : [name];
  for (const line of nameLines) leftLines.push(p(line, { align: "center", bold: true }));
  leftLines.push(rule(Math.round(Math.max(...nameLines.map((l) => l.length)) * 2.2)));
  leftLines.push(p(`Số:       /${s.numberSuffix}`, { align: "center" }));
  blocks.push({
    kind: "columns",
    role: "header",
    widths: [36, 64],
    left: leftLines,
    right: [
      p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: "center", bold: true }),
      p("Độc lập - Tự do - Hạnh phúc", { align: "center", bold: true }),
      rule(MOTTO_RULE),
      p(`${s.place}, ${vietnameseDate(today)}`, { align: "center", italic: true }),
    ],
  });
  blocks.push(p("BÁO CÁO", { style: "title", align: "center", bold: true }));
  blocks.push(p(`Tình hình thực hiện công tác cải cách hành chính ${q}`, { style: "subtitle", align: "center", bold: true }));

  blocks.push(
    body(
      `${w.committee} báo cáo tình hình thực hiện công tác cải cách hành chính (CCHC) ${q} ` +
        `(từ ngày ${vnDay(bounds.start)} đến ngày ${vnDay(bounds.end)}) ` +
        `trên cơ sở số liệu do ${unitsWords(ev, w)} cập nhật vào bảng theo dõi chung, như sau:`,
    ),
  );

  // I. Results.
  blocks.push(p("I. KẾT QUẢ THỰC HIỆN", { style: "heading", bold: true }));
  blocks.push(p("1. Tình hình cập nhật số liệu", { style: "subheading", bold: true }));
  const expected = ev.units.length + ev.missing_units.length;
  const failed = ev.units.filter((u) => u.errors > 0);
  // A span counts the units with every quarter; those that lack one are named below.
  const gaps = ev.incomplete?.length ?? 0;
  let submission = `Có ${formatNumber(ev.units.length - gaps)}/${formatNumber(expected)} đơn vị đã cập nhật ${gaps ? "đủ " : ""}số liệu ${q}.`;
  if (ev.missing_units.length) {
    submission += ` Còn ${ev.missing_units.length} đơn vị chưa cập nhật: ${ev.missing_units.map((c) => unitName.get(c) ?? c).join(", ")}.`;
  }
  if (failed.length) {
    submission += ` Số liệu của ${failed.length} đơn vị chưa hợp lệ (sai quy tắc kiểm tra), cần rà soát lại: ${failed.map((u) => `${u.name} (${u.errors} lỗi)`).join(", ")}.`;
  } else if (ev.units.length) {
    submission += " Số liệu các đơn vị đã nộp đều hợp lệ.";
  }
  const byCode = new Map(ev.allUnits.map((u) => [u.code, u]));
  if (ev.incomplete?.length) {
    submission += ` Còn ${gaps} đơn vị chưa đủ số liệu các quý: ${ev.incomplete.map((i) => incompleteText(i, ev.period, byCode)).join("; ")}.`;
  }
  if (ev.splitFrom?.size) {
    const old = [...new Set([...ev.splitFrom.values()].flat())].map((c) => unitName.get(c) ?? c);
    submission += ` Số liệu riêng của ${[...ev.splitFrom.keys()].map((c) => unitName.get(c) ?? c).join(", ")} chưa gồm các quý trước sáp nhập của đơn vị bị chia tách (${old.join(", ")}); số liệu toàn ${w.noun} gồm đủ.`;
  }
  const uncounted = uncountedRows(ev);
  if (uncounted.length) {
    submission += ` Có ${uncounted.length} dòng trong trang "Số liệu" không được tính vào báo cáo: ${uncounted.join("; ")}.`;
  }
  blocks.push(body(submission));
  // SPEC: a report made before every row is approved says which are not; before any is approved, one sentence says so.
  if (!input.approval) blocks.push(body("Số liệu chưa được duyệt."));
  else {
    const { counts, notApproved, changed = [], logProblem = "" } = input.approval;
    let approval = logProblem
      ? `Tình trạng duyệt số liệu chưa xác định được: ${logProblem}`
      : `Tình trạng duyệt số liệu: ${statusCountText(counts)}.`;
    if (!logProblem) {
      approval += !counts["Đã duyệt"]
        ? " Số liệu chưa được duyệt."
        : notApproved.length
          ? ` Báo cáo này lập khi số liệu của ${notApproved.length} đơn vị chưa được duyệt: ${notApproved.join(", ")}.`
          : " Số liệu của tất cả các đơn vị đã được duyệt.";
    }
    if (changed.length) approval += ` Số liệu của ${changed.length} đơn vị đã bị sửa sau khi nộp hoặc duyệt: ${changed.join(", ")}.`;
    blocks.push(body(approval));
  }

  blocks.push(p("2. Kết quả các chỉ tiêu", { style: "subheading", bold: true }));
  const met = INDICATORS.filter((d) => ev.district.indicators[d.code].met === true).length;
  const missed = INDICATORS.filter((d) => ev.district.indicators[d.code].met === false).length;
  blocks.push(
    body(
      `Trong ${INDICATORS.length} chỉ tiêu theo dõi, toàn ${w.noun} đạt ${met} chỉ tiêu, chưa đạt ${missed} chỉ tiêu; các chỉ tiêu còn lại chưa có mục tiêu hoặc chưa có số liệu để đánh giá (Bảng 1).`,
    ),
  );
  const unjudged = INDICATORS.filter(
    (def) => ev.district.indicators[def.code].met === null && ev.district.indicators[def.code].value !== null,
  );
  if (unjudged.length) {
    blocks.push(
      body(
        `Các chỉ tiêu chưa có mục tiêu: ${unjudged.map((def) => `${lowerFirst(def.name)} đạt ${valueText(def.code, ev.district.indicators[def.code].value)}`).join("; ")}.`,
      ),
    );
  }
  blocks.push(indicatorTable(ev, w));

  blocks.push(p("3. Tiếp nhận và giải quyết thủ tục hành chính", { style: "subheading", bold: true }));
  const d = ev.district.indicators;
  const received = ev.units.reduce(
    (a, u) => a + (u.figure("received_online") ?? 0) + (u.figure("received_direct") ?? 0) + (u.figure("received_carried") ?? 0),
    0,
  );
  const online = ev.units.reduce((a, u) => a + (u.figure("received_online") ?? 0), 0);
  // Only what the data supports: a figure with no data is said to have none, never read as 0.
  const resolved = d.ontime_rate.denominator;
  const overdueNow = d.overdue_dossiers.value;
  blocks.push(
    body(
      `${w.whole} tiếp nhận ${formatNumber(received)} hồ sơ thủ tục hành chính (trong đó ${formatNumber(online)} hồ sơ trực tuyến)` +
        (resolved !== null ? `; đã giải quyết ${formatNumber(resolved)} hồ sơ` : "; số hồ sơ đã giải quyết chưa có số liệu") +
        (d.ontime_rate.value !== null ? `, tỷ lệ giải quyết trước và đúng hạn đạt ${formatPercent(d.ontime_rate.value)}` : "") +
        (overdueNow !== null ? `; số hồ sơ trễ hạn là ${formatNumber(overdueNow)}` : "; số hồ sơ trễ hạn chưa có số liệu") +
        " (Bảng 2).",
    ),
  );
  blocks.push(form06Table(ev, w.whole));

  blocks.push(p("4. Hồ sơ trễ hạn và việc xin lỗi người dân, tổ chức", { style: "subheading", bold: true }));
  const overdue = d.overdue_dossiers.value;
  if (overdue === null) {
    blocks.push(body("Chưa có số liệu về hồ sơ trễ hạn: số liệu của các đơn vị về hồ sơ giải quyết quá hạn chưa đọc được."));
  } else if (overdue === 0) {
    blocks.push(body("Trong kỳ không có hồ sơ thủ tục hành chính trễ hạn."));
  } else {
    const apologies = d.apology_rate.numerator ?? 0;
    blocks.push(
      body(
        `${w.whole} có ${formatNumber(overdue)} hồ sơ thủ tục hành chính trễ hạn; các đơn vị đã gửi ${formatNumber(apologies)} phiếu xin lỗi` +
          (d.apology_rate.value !== null ? `, đạt ${formatPercent(d.apology_rate.value)} số hồ sơ trễ hạn` : "") +
          " (Bảng 3).",
      ),
    );
  }
  const overdueBlock = overdueTable(ev, w.whole);
  if (overdueBlock) blocks.push(overdueBlock);

  // II. Shortfalls, ranked by how far they miss.
  blocks.push(p("II. TỒN TẠI, HẠN CHẾ", { style: "heading", bold: true }));
  const shortfalls = INDICATORS.filter((def) => ev.district.indicators[def.code].met === false).sort(
    (a, b) => relativeGap(b, ev.district.indicators[b.code]) - relativeGap(a, ev.district.indicators[a.code]),
  );
  if (!shortfalls.length) {
    const judged = INDICATORS.some((def) => ev.district.indicators[def.code].met === true);
    blocks.push(
      body(
        judged
          ? "Các chỉ tiêu có mục tiêu đều đạt trong kỳ."
          : "Chưa có chỉ tiêu nào được đánh giá (chưa có mục tiêu hoặc chưa có số liệu).",
      ),
    );
  }
  const apology = apologySentence(ev);
  for (const def of shortfalls) {
    if (def.code === "apology_rate" && apology) {
      blocks.push(p(`- ${apology}.`, { align: "justify", indent: true }));
      continue;
    }
    let sentence = shortfallSentence(def, ev.district.indicators[def.code], w.whole);
    const worst = def.unit === "rate" ? worstUnits(ev, def, 5) : [];
    if (worst.length) sentence += `; thấp nhất là ${worst.join(", ")}`;
    blocks.push(p(`- ${sentence}.`, { align: "justify", indent: true }));
  }
  const byQuarter = quartersTable(ev, shortfalls);
  if (byQuarter) blocks.push(byQuarter);
  if (ev.missing_units.length || failed.length || gaps) {
    const parts = [];
    if (ev.missing_units.length) parts.push(`${ev.missing_units.length} đơn vị chưa cập nhật số liệu`);
    if (gaps) parts.push(`${gaps} đơn vị chưa đủ số liệu các quý`);
    if (failed.length) parts.push(`${failed.length} đơn vị có số liệu chưa hợp lệ`);
    blocks.push(p(`- Việc cập nhật số liệu chưa kịp thời, chính xác: ${parts.join(", ")}.`, { align: "justify", indent: true }));
  }

  // III. Explanations of the units (one table, whatever the number of units).
  blocks.push(p("III. GIẢI TRÌNH CỦA CÁC ĐƠN VỊ", { style: "heading", bold: true }));
  const explained = ev.units.filter((u) => u.explanation.trim() !== "");
  if (!explained.length) {
    blocks.push(body("Không có đơn vị nào gửi giải trình trong kỳ."));
  } else {
    blocks.push({
      kind: "table",
      header: [["STT", "Đơn vị", "Giải trình"]],
      rows: explained.map((u, i) => [String(i + 1), u.name, u.explanation.trim()]),
      widths: [3, 12, 30],
      fontSize: 11,
    });
  }

  // IV. Tasks for the next quarter.
  const next = ev.period.span
    ? ["6 THÁNG CUỐI NĂM", "QUÝ IV", "NĂM"][ev.period.quarter - 2] + ` ${ev.period.year + (ev.period.quarter > 3 ? 1 : 0)}`
    : "QUÝ TỚI";
  blocks.push(p(`IV. NHIỆM VỤ TRỌNG TÂM ${next}`, { style: "heading", bold: true }));
  const tasks = shortfalls.map((def): string => {
    const r = ev.district.indicators[def.code];
    if (def.task) return def.task;
    if (def.unit === "count") return `Giảm ${lowerFirst(def.name)} về mục tiêu không quá ${formatNumber(r.target ?? 0)}`;
    return `Nâng ${lowerFirst(def.name)} đạt mục tiêu ${formatPercent(r.target ?? 0)}${(r.target ?? 0) < 1 ? " trở lên" : ""}`;
  });
  tasks.push("Các đơn vị cập nhật số liệu đầy đủ, chính xác và đúng hạn vào bảng theo dõi chung");
  for (const t of tasks) blocks.push(p(`- ${t}.`, { align: "justify", indent: true }));

  blocks.push(body(`Trên đây là báo cáo tình hình thực hiện công tác cải cách hành chính ${q} của ${w.committee}./.`));

  // Nơi nhận and the signature.
  blocks.push({
    kind: "columns",
    role: "signature",
    widths: [1, 1],
    left: [p("Nơi nhận:", { bold: true, italic: true, style: "note" }), ...s.recipients.map((r) => p(`- ${r}`, { style: "note" }))],
    right: [
      ...(s.signerAuthority ? [p(s.signerAuthority.toUpperCase(), { align: "center", bold: true })] : []),
      p(s.signerTitle.toUpperCase(), { align: "center", bold: true }),
      p("", { align: "center" }),
      p("", { align: "center" }),
      p("", { align: "center" }),
      p(s.signerName, { align: "center", bold: true }),
    ],
  });

  // Appendix: every unit's indicators, one table.
  blocks.push({ kind: "pageBreak" });
  blocks.push(p("PHỤ LỤC", { style: "title", align: "center", bold: true }));
  blocks.push(p(`Số liệu chi tiết theo đơn vị ${q}`, { align: "center", italic: true }));
  blocks.push(...appendixTables(ev, w.whole));
  const comparisons = unitComparisonTable(ev, shortfalls);
  if (comparisons) blocks.push(comparisons);

  return { title: `Báo cáo tình hình thực hiện công tác CCHC ${q} - ${w.body}`, blocks };
}

/** All the text of a report, paragraph by paragraph and cell by cell (for tests and the command line). */
export function reportText(content: ReportContent): string {
  const out: string[] = [];
  const para = (b: ParagraphBlock) => out.push(b.runs.map((r) => r.text).join(""));
  for (const b of content.blocks) {
    if (b.kind === "paragraph") para(b);
    else if (b.kind === "columns") [...b.left, ...b.right].forEach(para);
    else if (b.kind === "table") {
      if (b.caption) out.push(b.caption);
      for (const r of [...b.header, ...b.rows]) out.push(r.join(" | "));
      if (b.note) out.push(b.note);
    }
  }
  return out.join("\n");
}
