/**
 * THE list of functions Sheets sees. scripts/build.ts turns each entry into
 * a top-level `function` declaration after the esbuild bundle, with this
 * JSDoc, and src/gas/main.ts must implement exactly these names (the type
 * `Api` below makes a missing or extra one a compile error).
 */

export interface ParamDoc {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly optional?: boolean;
}

export interface EntryDoc {
  readonly name: string;
  /** custom: a formula in a cell; trigger: onOpen/onInstall; menu: a menu item; server: called by the sidebar. */
  readonly kind: "custom" | "trigger" | "menu" | "server";
  readonly description: string;
  readonly params: readonly ParamDoc[];
  readonly returns?: { readonly type: string; readonly description: string };
}

const RANGE = "number|Array<Array<number>>";
const RATE_RETURN = {
  type: RANGE,
  description: "Tỷ lệ dạng phân số (0,059 là 5,9%), một giá trị mỗi dòng; ô trống khi mẫu số bằng 0 hoặc cả hai vế trống.",
} as const;

function rateEntry<N extends string>(name: N, title: string, numerator: string, denominator: string) {
  return {
    name,
    kind: "custom",
    description: `${title}: ${numerator} / ${denominator}. Mỗi dòng là một đơn vị; vùng nhiều cột được cộng theo dòng.`,
    params: [
      { name: "numerator", type: RANGE, description: `Tử số: ${numerator} (một ô, một số hoặc một vùng).` },
      { name: "denominator", type: RANGE, description: `Mẫu số: ${denominator} (một ô, một số hoặc một vùng).` },
    ],
    returns: RATE_RETURN,
  } as const;
}

export const ENTRY_POINTS = [
  rateEntry("ONLINE_RATE", "Tỷ lệ hồ sơ nộp trực tuyến", "số hồ sơ nhận trực tuyến", "số hồ sơ của TTHC có DVC trực tuyến"),
  rateEntry("ONLINE_ORIGIN_RATE", "Tỷ lệ hồ sơ phát sinh trực tuyến", "số hồ sơ nhận trực tuyến", "số hồ sơ nhận trực tuyến + trực tiếp, bưu chính"),
  rateEntry("ONLINE_PAYMENT_RATE", "Tỷ lệ thanh toán trực tuyến", "số hồ sơ thanh toán trực tuyến", "số hồ sơ có phí, lệ phí"),
  rateEntry("DIGITIZATION_RATE", "Tỷ lệ số hóa hồ sơ", "số hồ sơ được số hóa", "số hồ sơ nhận trong kỳ (4)+(5)"),
  rateEntry("ONTIME_RATE", "Tỷ lệ giải quyết đúng hạn", "số hồ sơ giải quyết trước hạn + đúng hạn", "số hồ sơ đã giải quyết (8)+(9)+(10)"),
  rateEntry("APOLOGY_RATE", "Tỷ lệ xin lỗi hồ sơ trễ hạn", "số phiếu xin lỗi đã gửi", "số hồ sơ trễ hạn (10)+(13)"),
  rateEntry("DISBURSEMENT_RATE", "Tỷ lệ giải ngân vốn đầu tư công", "vốn đã giải ngân", "kế hoạch vốn đầu tư công"),
  rateEntry("DIGITAL_SIGNATURE_RATE", "Tỷ lệ văn bản ký số", "số văn bản đi được ký số", "số văn bản đi"),
  rateEntry("E_RECORDS_RATE", "Tỷ lệ hồ sơ công việc điện tử", "số hồ sơ công việc điện tử", "số hồ sơ công việc"),
  {
    name: "OVERDUE_COUNT",
    kind: "custom",
    description: "Số hồ sơ trễ hạn: giải quyết quá hạn (10) + đang giải quyết quá hạn (13), cộng theo dòng.",
    params: [
      { name: "late", type: RANGE, description: "Số hồ sơ giải quyết quá hạn (10): một ô, một số hoặc một vùng." },
      { name: "overdue_pending", type: RANGE, description: "Không bắt buộc. Số hồ sơ đang giải quyết quá hạn (13).", optional: true },
    ],
    returns: { type: RANGE, description: "Số hồ sơ trễ hạn, một giá trị mỗi dòng." },
  },
  {
    name: "SHORTFALL",
    kind: "custom",
    description: "Khoảng cách từ giá trị đến mục tiêu (0 khi đạt), theo từng dòng; một mục tiêu dùng cho mọi dòng.",
    params: [
      { name: "value", type: RANGE, description: "Giá trị đạt được (ví dụ 0,059 hoặc một vùng tỷ lệ)." },
      { name: "target", type: RANGE, description: "Mục tiêu (ví dụ 0,3 là 30%)." },
      { name: "direction", type: "string", description: 'Không bắt buộc. ">=" (mặc định, càng cao càng tốt) hoặc "<=" (càng thấp càng tốt).', optional: true },
    ],
    returns: { type: RANGE, description: "Phần còn thiếu so với mục tiêu; 0 khi đã đạt." },
  },
  {
    name: "MEETS_TARGET",
    kind: "custom",
    description: "Giá trị có đạt mục tiêu không (TRUE/FALSE), theo từng dòng; một mục tiêu dùng cho mọi dòng.",
    params: [
      { name: "value", type: RANGE, description: "Giá trị đạt được (ví dụ 0,059 hoặc một vùng tỷ lệ)." },
      { name: "target", type: RANGE, description: "Mục tiêu (ví dụ 0,3 là 30%)." },
      { name: "direction", type: "string", description: 'Không bắt buộc. ">=" (mặc định, càng cao càng tốt) hoặc "<=" (càng thấp càng tốt).', optional: true },
    ],
    returns: { type: "boolean|Array<Array<boolean>>", description: "TRUE khi đạt mục tiêu, FALSE khi chưa đạt." },
  },
  {
    name: "REPORTING_PERIOD",
    kind: "custom",
    description: "Kỳ báo cáo quý của một ngày, tính từ ngày 15 tháng cuối quý trước đến ngày 14 tháng cuối quý (14/03/2023 → 2023-Q1, 15/03/2023 → 2023-Q2).",
    params: [{ name: "date", type: "Date|Array<Array<Date>>", description: "Ngày (một ô hoặc một vùng ngày)." }],
    returns: { type: "string|Array<Array<string>>", description: 'Kỳ báo cáo dạng "2023-Q1".' },
  },
  {
    name: "VALIDATE_SUBMISSION",
    kind: "custom",
    description: 'Kiểm tra dòng số liệu theo các quy tắc của trang Số liệu; trả về "OK" hoặc các lỗi của dòng, nối bằng "; ".',
    params: [
      { name: "header", type: "Array<Array<string>>", description: "Dòng tiêu đề của trang Số liệu (ví dụ A1:Z1)." },
      { name: "rows", type: "Array<Array<string|number>>", description: "Một hoặc nhiều dòng số liệu, rộng bằng dòng tiêu đề (ví dụ A2:Z23)." },
    ],
    returns: { type: "string|Array<Array<string>>", description: '"OK" hoặc các lỗi của từng dòng.' },
  },
  {
    name: "onOpen",
    kind: "trigger",
    description: "Tạo menu tiện ích Báo cáo CCHC khi mở bảng tính (chạy được ở AuthMode.NONE).",
    params: [{ name: "e", type: "Object", description: "Sự kiện mở bảng tính." }],
  },
  {
    name: "onInstall",
    kind: "trigger",
    description: "Khi cài tiện ích: tạo menu như onOpen.",
    params: [{ name: "e", type: "Object", description: "Sự kiện cài đặt." }],
  },
  { name: "showSidebar", kind: "menu", description: "Menu: mở bảng điều khiển Báo cáo CCHC.", params: [] },
  { name: "menuSetup", kind: "menu", description: "Menu: Thiết lập bảng tính (tạo các trang còn thiếu).", params: [] },
  { name: "menuValidate", kind: "menu", description: "Menu: Kiểm tra số liệu (mở bảng điều khiển và kiểm tra kỳ hiện tại).", params: [] },
  { name: "menuHighlight", kind: "menu", description: "Menu: Tô sáng chỉ tiêu chưa đạt (mở bảng điều khiển và tô sáng).", params: [] },
  { name: "menuReport", kind: "menu", description: "Menu: Tạo báo cáo quý (mở bảng điều khiển và tạo báo cáo).", params: [] },
  { name: "sidebarState", kind: "server", description: "Bảng điều khiển: kỳ hiện tại và các kỳ có số liệu.", params: [] },
  {
    name: "validatePeriod", kind: "server", description: "Bảng điều khiển: kiểm tra số liệu của một kỳ (không ghi gì vào bảng tính).",
    params: [{ name: "period", type: "string", description: "Kỳ báo cáo, ví dụ 2023-Q1." }],
  },
  {
    name: "highlightPeriod", kind: "server", description: "Bảng điều khiển: tô sáng các chỉ tiêu chưa đạt của một kỳ.",
    params: [{ name: "period", type: "string", description: "Kỳ báo cáo, ví dụ 2023-Q1." }],
  },
  {
    name: "selectCell", kind: "server", description: "Bảng điều khiển: chọn ô của một phát hiện.",
    params: [
      { name: "sheet", type: "string", description: "Tên trang." },
      { name: "cell", type: "string", description: "Ô dạng A1." },
    ],
  },
  { name: "setupSheets", kind: "server", description: "Bảng điều khiển: thiết lập bảng tính.", params: [] },
  {
    name: "generateReport", kind: "server", description: "Bảng điều khiển: tạo báo cáo quý thành một Google Doc mới.",
    params: [{ name: "period", type: "string", description: "Kỳ báo cáo, ví dụ 2023-Q1." }],
  },
  {
    name: "periodResults", kind: "server", description: "Kết quả một kỳ theo định dạng JSON của SPEC (dòng lệnh npm run report dùng).",
    params: [{ name: "period", type: "string", description: "Kỳ báo cáo, ví dụ 2023-Q1." }],
  },
  { name: "getSettings", kind: "server", description: "Bảng điều khiển: thông tin cơ quan, người ký dùng trong báo cáo.", params: [] },
  {
    name: "saveSettings", kind: "server", description: "Bảng điều khiển: lưu thông tin cơ quan, người ký.",
    params: [{ name: "settings", type: "Object", description: "Thông tin báo cáo." }],
  },
] as const satisfies readonly EntryDoc[];

export type EntryName = (typeof ENTRY_POINTS)[number]["name"];

/** What src/gas/main.ts must export: one implementation per entry, no more, no less. */
export type Api = { readonly [K in EntryName]: (...args: never[]) => unknown };
