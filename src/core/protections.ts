/**
 * The Sheets protections that enforce SPEC "Who may change what"
 * (permissions.ts), as a plan, and the Sheets API requests that turn what the
 * spreadsheet has into it. Pure: src/gas/protections.ts reads the protected
 * ranges (one Sheets.Spreadsheets.get) and sends the requests (one
 * Sheets.Spreadsheets.batchUpdate, atomic).
 *
 * The plan, from Google's model of protections
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange):
 * a cell may be edited by a user only when every protection over it lets them.
 * - `Đơn vị`, `Chỉ tiêu`, `Nhật ký CCHC`, `Kết quả CCHC`: each a protected
 *   sheet, reviewers only.
 * - `Số liệu`, once a period is open (prepared): a protected sheet, reviewers
 *   only, except (unprotected ranges) the open period's rows of the units
 *   whose status is open to them, outside the key columns (Kỳ báo cáo, Mã đơn
 *   vị, Ý kiến). Inside those, each unit with a clerk has a protected range on
 *   its row for its clerks and the reviewers, so one unit's clerk cannot edit
 *   another's. Header rows, earlier periods, rows below the prepared ones and
 *   closed rows fall under the sheet's protection: the number of protections
 *   grows with the units, never with the quarters.
 * - Before any period is opened, only the header rows of `Số liệu` are
 *   protected (every editor may still type rows, as before approval existed).
 * Every protection's editors are the reviewers (the owner and the person
 * running are kept by Google whatever a request says).
 */

export interface GridRange {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface PlannedProtection {
  /** The tag in the description that tells our protections apart: "so-lieu", "dong:19363". */
  readonly key: string;
  readonly description: string;
  /** Only `sheetId`: the whole sheet. */
  readonly range: GridRange;
  readonly unprotected: readonly GridRange[];
  /** Lower-cased emails. */
  readonly editors: readonly string[];
}

export interface OpenRow {
  readonly code: string;
  readonly name: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The status lets the unit's clerks edit (Đang nhập, Trả lại). */
  readonly open: boolean;
  readonly clerks: readonly string[];
}

export interface PlanInput {
  /** The reviewers: the owner (when known), the settings' reviewers and the reviewer running. */
  readonly reviewers: readonly string[];
  /** Sheet ids; null when the sheet does not exist. */
  readonly units: number | null;
  readonly targets: number | null;
  readonly log: number | null;
  readonly results: number | null;
  readonly submissions: {
    readonly sheetId: number;
    /** How many rows the header takes (title, group titles, the header itself). */
    readonly headerRows: number;
    /** 0-based columns only reviewers write: Kỳ báo cáo, Mã đơn vị, Ý kiến. */
    readonly keyColumns: readonly number[];
    /** The sheet's columns (getMaxColumns): an unprotected span never starts past them. */
    readonly columnCount: number;
  } | null;
  /** The open (prepared) period, or null before any. */
  readonly open: { readonly label: string; readonly rows: readonly OpenRow[] } | null;
}

const PREFIX = "Báo cáo CCHC [";
const ONLY = "chỉ người duyệt sửa";

function describe(key: string, text: string): string {
  return `${PREFIX}${key}]: ${text}`;
}

/** The key of one of our protections, from its description; "" for a protection made by the previous version; null for a user's. */
export function protectionKey(description: string): string | null {
  if (description.startsWith(PREFIX)) {
    const end = description.indexOf("]", PREFIX.length);
    return end > 0 ? description.slice(PREFIX.length, end) : null;
  }
  return description.startsWith("Báo cáo CCHC:") ? "" : null;
}

export const rowKey = (code: string) => `dong:${code}`;

/** Runs of consecutive numbers, sorted: [first, count]. */
export function runsOf(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}

/** Column spans [start, end) of the sheet's columns without the key columns; end undefined: to the last column (columns added later included). */
function columnSpans(keyColumns: readonly number[], count: number): [number, number | undefined][] {
  const keys = [...new Set(keyColumns)].sort((a, b) => a - b);
  const out: [number, number | undefined][] = [];
  let start = 0;
  for (const k of keys) {
    if (k > start) out.push([start, k]);
    start = k + 1;
  }
  if (start < count) out.push([start, undefined]);
  return out;
}

const sorted = (emails: Iterable<string>) => [...new Set([...emails].map((e) => e.trim().toLowerCase()).filter(Boolean))].sort();

export function plan(input: PlanInput): PlannedProtection[] {
  const reviewers = sorted(input.reviewers);
  const out: PlannedProtection[] = [];
  const whole = (key: string, sheetId: number | null, text: string) => {
    if (sheetId !== null) out.push({ key, description: describe(key, text), range: { sheetId }, unprotected: [], editors: reviewers });
  };
  whole("don-vi", input.units, ONLY);
  whole("chi-tieu", input.targets, ONLY);
  whole("nhat-ky", input.log, ONLY);
  whole("ket-qua", input.results, ONLY);
  const s = input.submissions;
  if (!s) return out;
  if (!input.open) {
    out.push({
      key: "tieu-de",
      description: describe("tieu-de", ONLY),
      range: { sheetId: s.sheetId, startRowIndex: 0, endRowIndex: s.headerRows },
      unprotected: [],
      editors: reviewers,
    });
    return out;
  }
  const openRows = input.open.rows.filter((r) => r.open).map((r) => r.row);
  const unprotected: GridRange[] = [];
  for (const [first, count] of runsOf([...new Set(openRows)].sort((a, b) => a - b))) {
    for (const [c0, c1] of columnSpans(s.keyColumns, s.columnCount)) {
      unprotected.push({
        sheetId: s.sheetId,
        startRowIndex: first - 1,
        endRowIndex: first - 1 + count,
        startColumnIndex: c0,
        ...(c1 === undefined ? {} : { endColumnIndex: c1 }),
      });
    }
  }
  out.push({
    key: "so-lieu",
    description: describe("so-lieu", `${ONLY}, trừ dòng đang nhập ${input.open.label} (ngoài Kỳ báo cáo, Mã đơn vị, Ý kiến)`),
    range: { sheetId: s.sheetId },
    unprotected,
    editors: reviewers,
  });
  for (const r of input.open.rows) {
    if (r.clerks.length === 0) continue;
    out.push({
      key: rowKey(r.code),
      description: describe(rowKey(r.code), `${r.name}: người nhập liệu của đơn vị và người duyệt`),
      range: { sheetId: s.sheetId, startRowIndex: r.row - 1, endRowIndex: r.row },
      unprotected: [],
      editors: sorted([...r.clerks, ...reviewers]),
    });
  }
  return out;
}

/** A protected range as the Sheets API returned it (the fields read). */
export interface ExistingProtection {
  readonly id: number;
  readonly description: string;
  readonly range: GridRange;
  readonly unprotected: readonly GridRange[];
  /** Lower-cased users and groups; null when Google hides them (the user may not edit the protection). */
  readonly editors: readonly string[] | null;
  readonly canEdit: boolean;
  readonly warningOnly: boolean;
}

/** Each sheet's size, to compare a bound left out (to the end) with one given. */
export type SheetSizes = ReadonlyMap<number, { readonly rows: number; readonly columns: number }>;

function norm(g: GridRange, sizes: SheetSizes): string {
  const size = sizes.get(g.sheetId) ?? { rows: 0, columns: 0 };
  const whole =
    g.startRowIndex === undefined && g.endRowIndex === undefined && g.startColumnIndex === undefined && g.endColumnIndex === undefined;
  if (whole) return `${g.sheetId}:sheet`;
  return `${g.sheetId}:${g.startRowIndex ?? 0}-${g.endRowIndex ?? size.rows}:${g.startColumnIndex ?? 0}-${g.endColumnIndex ?? size.columns}`;
}

const normAll = (list: readonly GridRange[], sizes: SheetSizes) =>
  list
    .map((g) => norm(g, sizes))
    .sort()
    .join(";");

/** One difference between the spreadsheet's protections and the plan, in words for the reviewer. */
export interface Drift {
  readonly key: string;
  readonly kind: "missing" | "moved" | "editors" | "open" | "extra" | "description" | "warning";
}

export interface Sync {
  /** The Sheets API requests, in order (empty: nothing to change). */
  readonly requests: object[];
  /** What differs, per protection. */
  readonly drift: readonly Drift[];
  /** Our protections the user running may not change (Google refuses a request on them). */
  readonly locked: readonly ExistingProtection[];
}

function apiRange(p: PlannedProtection): object {
  return { ...p.range };
}

/** The requests that make the spreadsheet's protections (ours: tagged, or from the previous version) the plan; a user's own are left alone. */
export function sync(
  planned: readonly PlannedProtection[],
  existing: readonly ExistingProtection[],
  sizes: SheetSizes,
  always: readonly string[],
): Sync {
  const requests: object[] = [];
  const drift: Drift[] = [];
  const locked: ExistingProtection[] = [];
  const byKey = new Map<string, ExistingProtection>();
  const stale: ExistingProtection[] = [];
  for (const e of existing) {
    const key = protectionKey(e.description);
    if (key === null) continue;
    if (key === "" || byKey.has(key) || !planned.some((p) => p.key === key)) stale.push(e);
    else byKey.set(key, e);
  }
  const touch = (e: ExistingProtection) => {
    if (!e.canEdit) locked.push(e);
  };
  for (const e of stale) {
    touch(e);
    drift.push({ key: protectionKey(e.description) || e.description, kind: "extra" });
    requests.push({ deleteProtectedRange: { protectedRangeId: e.id } });
  }
  for (const p of planned) {
    const editors = sorted([...p.editors, ...always]);
    const e = byKey.get(p.key);
    const body = {
      description: p.description,
      range: apiRange(p),
      warningOnly: false,
      editors: { users: editors, domainUsersCanEdit: false },
      ...(p.unprotected.length || p.range.startRowIndex === undefined ? { unprotectedRanges: p.unprotected.map((g) => ({ ...g })) } : {}),
    };
    if (!e) {
      drift.push({ key: p.key, kind: "missing" });
      requests.push({ addProtectedRange: { protectedRange: body } });
      continue;
    }
    const fields: string[] = [];
    if (norm(e.range, sizes) !== norm(p.range, sizes)) {
      fields.push("range");
      drift.push({ key: p.key, kind: "moved" });
    }
    if (normAll(e.unprotected, sizes) !== normAll(p.unprotected, sizes)) {
      fields.push("unprotectedRanges");
      drift.push({ key: p.key, kind: "open" });
    }
    if (e.warningOnly) {
      fields.push("warningOnly");
      drift.push({ key: p.key, kind: "warning" });
    }
    if (e.editors === null || sorted(e.editors).join(",") !== editors.join(",")) {
      fields.push("editors");
      drift.push({ key: p.key, kind: "editors" });
    }
    if (e.description !== p.description) fields.push("description");
    if (fields.length === 0) continue;
    touch(e);
    if (fields.includes("warningOnly") && !fields.includes("editors")) fields.push("editors");
    requests.push({ updateProtectedRange: { protectedRange: { protectedRangeId: e.id, ...body }, fields: fields.join(",") } });
  }
  return { requests, drift: drift.filter((d) => d.kind !== "description"), locked };
}
