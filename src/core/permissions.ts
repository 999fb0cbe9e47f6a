/**
 * Who may change what (SPEC "Who may change what"): ONE table, in code, of
 * every action a user can start and every region of the sheet, and who may
 * change it. The entry points (src/entrypoints.ts) take their guard from it,
 * the server checks it before any write (src/gas/roles.ts), and "Chuẩn bị kỳ
 * báo cáo" sets the Sheets protections from it (src/core/protections.ts).
 *
 * - `everyone`: every editor of the spreadsheet;
 * - `reviewers`: the spreadsheet's owner and the emails in the settings'
 *   "Người duyệt";
 * - `unit`: the unit's clerks (its `Email nhập liệu`) and the reviewers; a unit
 *   without an email is open to every editor.
 */

export type Who = "everyone" | "reviewers" | "unit";

/** The people the add-on tells apart. */
export const ROLES = ["owner", "reviewer", "clerk", "otherClerk", "noUnit", "anonymous"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  owner: "chủ sở hữu bảng tính",
  reviewer: "người duyệt",
  clerk: "người nhập liệu của đơn vị",
  otherClerk: "người nhập liệu của đơn vị khác",
  noUnit: "người sửa không thuộc đơn vị nào",
  anonymous: "người dùng Google không cho biết email",
};

interface Rule {
  readonly who: Who;
  /** What it does, after "được" in a refusal: "lưu Thông tin báo cáo" (every editor's actions are never refused: none). */
  readonly doing?: string;
}

/** Every action a user can start (the sidebar's server functions and menu items), and who may. */
export const ACTIONS = {
  sidebarState: { who: "everyone" },
  getSettings: { who: "everyone" },
  validatePeriod: { who: "everyone" },
  periodResults: { who: "everyone" },
  approvalState: { who: "everyone" },
  selectCell: { who: "everyone" },
  generateReport: { who: "everyone" },
  saveSettings: { who: "reviewers", doing: "lưu Thông tin báo cáo" },
  setupSheets: { who: "reviewers", doing: "thiết lập bảng tính" },
  setupList: { who: "everyone" },
  preparePeriod: { who: "reviewers", doing: "chuẩn bị kỳ báo cáo" },
  highlightPeriod: { who: "reviewers", doing: "tô sáng chỉ tiêu chưa đạt" },
  acceptLog: { who: "reviewers", doing: "xác nhận Nhật ký CCHC" },
  submitUnit: { who: "unit", doing: "nộp số liệu của đơn vị" },
  returnUnit: { who: "reviewers", doing: "trả lại số liệu" },
  approveUnit: { who: "reviewers", doing: "duyệt số liệu" },
  reopenUnit: { who: "reviewers", doing: "mở lại dòng đã duyệt" },
} as const satisfies Record<string, Rule>;
export type ActionName = keyof typeof ACTIONS;

/** Every region of the spreadsheet, and who may change it (the protections "Chuẩn bị kỳ báo cáo" sets). */
export const REGIONS = {
  settings: { who: "reviewers", doing: "sửa Thông tin báo cáo" },
  units: { who: "reviewers", doing: 'sửa trang "Đơn vị"' },
  targets: { who: "reviewers", doing: 'sửa trang "Chỉ tiêu"' },
  header: { who: "reviewers", doing: 'sửa dòng tiêu đề của trang "Số liệu"' },
  ownSheets: { who: "reviewers", doing: 'sửa trang "Nhật ký CCHC" và "Kết quả CCHC"' },
  openRow: { who: "unit", doing: "sửa dòng của đơn vị trong kỳ đang nhập" },
  keyCells: { who: "reviewers", doing: 'sửa "Kỳ báo cáo", "Mã đơn vị" và "Ý kiến"' },
  submittedRow: { who: "reviewers", doing: "sửa dòng đã nộp hoặc đã duyệt" },
  earlierRow: { who: "reviewers", doing: "sửa dòng của kỳ khác kỳ đang nhập" },
  outsideRow: { who: "reviewers", doing: "thêm dòng ngoài các dòng đã chuẩn bị" },
} as const satisfies Record<string, Rule>;
export type RegionName = keyof typeof REGIONS;

/** Whether a role may do what `who` allows (`unitHasClerk`: the unit names a clerk; without one its row is open to every editor). */
export function allows(who: Who, role: Role, unitHasClerk = true): boolean {
  if (who === "everyone") return true;
  if (role === "owner" || role === "reviewer") return true;
  return who === "unit" && (role === "clerk" || !unitHasClerk);
}

export const REVIEWERS_ARE = 'chủ sở hữu bảng tính và các email trong mục "Người duyệt" của Thông tin báo cáo';

/** The refusal of an action or region for someone who is not a reviewer. */
export function reviewersOnly(doing: string, email: string): string {
  const who = email
    ? `Tài khoản ${email} không phải người duyệt`
    : "Google không cho tiện ích biết email của bạn nên không xác định được bạn là người duyệt";
  return `Chỉ người duyệt (${REVIEWERS_ARE}) mới được ${doing}. ${who}; chưa có gì bị thay đổi.`;
}

/** When no reviewer can be known (a shared drive's file has no owner, and "Người duyệt" is empty): how to name one. */
export const NO_REVIEWER =
  'Bảng tính chưa có người duyệt: tệp trong bộ nhớ dùng chung không có chủ sở hữu, và mục "Người duyệt" của Thông tin báo cáo còn trống. ' +
  'Người quản lý bộ nhớ dùng chung hãy chuyển tệp về "Drive của tôi", ghi email người duyệt vào mục "Người duyệt", lưu, rồi chuyển tệp trở lại. Chưa có gì bị thay đổi.';
