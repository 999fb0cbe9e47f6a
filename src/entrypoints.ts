/**
 * THE list of functions Sheets sees, each with its JSDoc and its
 * implementation. The indicators' custom functions come from the catalogue
 * (src/core/catalogue.ts); the others are entries of OTHER_ENTRIES below.
 * scripts/build.ts turns each entry into a top-level `function` declaration
 * after the esbuild bundle, with this JSDoc, forwarding to its implementation
 * through `CCHC.entry(name)` (src/gas/main.ts).
 */
import { INDICATORS, type IndicatorDef } from "./core/catalogue";
import * as fn from "./core/functions";
import { formList, type FigureKey } from "./core/schema";
import { highlightPeriod, periodResults, selectCell, setupSheets, sidebarState, validatePeriod } from "./gas/actions";
import { generateReport } from "./gas/report";
import { spreadsheetDays } from "./gas/workbook";
import { getSettings } from "./gas/settings";
import { setupList } from "./gas/setup";
import { menuHighlight, menuPrepare, menuReport, menuSetup, menuValidate, onInstall, onOpen, showSidebar } from "./gas/ui";
import { acceptLog, approvalState, approveUnit, preparePeriod, reopenUnit, returnUnit, saveSettings, submitUnit } from "./gas/approval";

/**
 * Whether the entries' docs are wanted, written out at each use as
 * `typeof __JSDOC__ === "undefined" || __JSDOC__`: true when scripts/build.ts
 * imports this file to write the JSDoc; false inside the bundle (the build
 * defines `__JSDOC__` false). Written at each use, not as a constant, so that
 * esbuild drops every `… ? {docs} : NO_DOC` while parsing, with the constants and
 * helpers only the docs use (in a module with imports, esbuild inlines a
 * constant only after it has kept what the dead branch referenced).
 */
declare const __JSDOC__: boolean | undefined;

export interface ParamDoc {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly optional?: boolean;
}

export interface EntryPoint {
  readonly name: string;
  /** custom: a formula in a cell; trigger: onOpen/onInstall; menu: a menu item; server: called by the sidebar. */
  readonly kind: "custom" | "trigger" | "menu" | "server";
  readonly description: string;
  readonly params: readonly ParamDoc[];
  readonly returns?: { readonly type: string; readonly description: string };
  // biome-ignore lint/suspicious/noExplicitAny: each entry has its own signature
  readonly impl: (...args: any[]) => unknown;
}

/** A cell, a number or a range (Sheets passes a range as an array of rows). */
const RANGE = "number|number[][]";
const PERIOD = { name: "period", type: "string", description: "Kỳ báo cáo, ví dụ 2023-Q1." } as const;
const UNIT = { name: "unit", type: "string", description: "Mã đơn vị." } as const;

/** "số hồ sơ đã giải quyết (8)+(9)+(10)": a term and, for a sum of form 06 columns, the columns. */
function termWithColumns(term: string, keys: readonly FigureKey[]): string {
  return keys.length > 1 ? `${term} ${formList(keys)}` : term;
}

/** An entry's docs inside the bundle (see __JSDOC__ above). */
const NO_DOC: { readonly description: ""; readonly params: readonly [] } = { description: "", params: [] };

/** The custom function of a catalogue entry, with its JSDoc. */
function indicatorEntry(def: IndicatorDef): EntryPoint {
  const impl = fn.indicatorFunction(def);
  return { name: def.fn, kind: "custom", impl, ...(typeof __JSDOC__ === "undefined" || __JSDOC__ ? indicatorDoc(def) : NO_DOC) };
}

function indicatorDoc(def: IndicatorDef): Pick<EntryPoint, "description" | "params" | "returns"> {
  if (def.unit === "count") {
    const args = def.args ?? [{ name: "value", term: def.terms[0], description: `${def.name}: một ô, một số hoặc một vùng.` }];
    return {
      description: `${def.name}: ${termWithColumns(def.terms[0], def.numerator)}, cộng theo dòng.${def.doc ? ` ${def.doc}` : ""}`,
      params: args.map((a, i) => ({ name: a.name, type: RANGE, description: a.description, ...(i > 0 ? { optional: true } : {}) })),
      returns: { type: RANGE, description: `${def.name}, một giá trị mỗi dòng.` },
    };
  }
  const [num, den] = [termWithColumns(def.terms[0], def.numerator), termWithColumns(def.terms[1], def.denominator)];
  return {
    description: `${def.name}, theo dòng (vùng nhiều cột cộng lại); trống khi mẫu số bằng 0.${def.doc ? ` ${def.doc}` : ""}`,
    params: [
      { name: "numerator", type: RANGE, description: `Tử số: ${num}.` },
      { name: "denominator", type: RANGE, description: `Mẫu số: ${den}.` },
    ],
    returns: {
      type: RANGE,
      description: "Tỷ lệ (0,059 là 5,9%) mỗi dòng.",
    },
  };
}

const DIRECTION: ParamDoc = {
  name: "direction",
  type: "string",
  optional: true,
  description: 'Không bắt buộc. ">=" (mặc định, càng cao càng tốt) hoặc "<=" (càng thấp càng tốt).',
};
const VALUE: ParamDoc = { name: "value", type: RANGE, description: "Giá trị đạt được (ví dụ 0,059 hoặc một vùng tỷ lệ)." };
const TARGET: ParamDoc = { name: "target", type: RANGE, description: "Mục tiêu (ví dụ 0,3 là 30%)." };

/** Every entry that is not an indicator's custom function. */
const OTHER_ENTRIES = [
  {
    name: "SHORTFALL",
    kind: "custom",
    impl: fn.shortfallOf,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Khoảng cách từ giá trị đến mục tiêu (0 khi đạt), theo từng dòng; một mục tiêu dùng cho mọi dòng.",
          params: [VALUE, TARGET, DIRECTION],
          returns: { type: RANGE, description: "Phần còn thiếu so với mục tiêu; 0 khi đã đạt." },
        }
      : NO_DOC),
  },
  {
    name: "MEETS_TARGET",
    kind: "custom",
    impl: fn.meetsTarget,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Giá trị có đạt mục tiêu không (TRUE/FALSE), theo từng dòng; một mục tiêu dùng cho mọi dòng.",
          params: [VALUE, TARGET, DIRECTION],
          returns: { type: "boolean|Array<Array<boolean>>", description: "TRUE khi đạt mục tiêu, FALSE khi chưa đạt." },
        }
      : NO_DOC),
  },
  {
    name: "REPORTING_PERIOD",
    kind: "custom",
    impl: (date: unknown, rule?: unknown) => fn.reportingPeriod(date, rule, spreadsheetDays()),
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description:
            'Kỳ báo cáo quý của một ngày, theo ngày hiển thị trong múi giờ của bảng tính. Mặc định tính từ ngày 15 tháng cuối quý trước đến ngày 14 tháng cuối quý (14/03/2023 → 2023-Q1, 15/03/2023 → 2023-Q2); "calendar" theo quý dương lịch (31/03/2023 → 2023-Q1, 01/04/2023 → 2023-Q2).',
          params: [
            { name: "date", type: "Date|Array<Array<Date>>", description: "Ngày (một ô hoặc một vùng ngày)." },
            {
              name: "rule",
              type: "string",
              description: 'Không bắt buộc. "15-14" (mặc định, Nghị định 09/2019/NĐ-CP) hoặc "calendar".',
              optional: true,
            },
          ],
          returns: { type: "string|Array<Array<string>>", description: 'Kỳ báo cáo dạng "2023-Q1".' },
        }
      : NO_DOC),
  },
  {
    name: "VALIDATE_SUBMISSION",
    kind: "custom",
    impl: fn.validateSubmission,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: 'Kiểm tra dòng số liệu theo các quy tắc của trang Số liệu; trả về "OK" hoặc các lỗi của dòng, nối bằng "; ".',
          params: [
            { name: "header", type: "Array<Array<string>>", description: "Dòng tiêu đề của trang Số liệu (ví dụ A1:Z1)." },
            {
              name: "rows",
              type: "Array<Array<string|number>>",
              description: "Một hoặc nhiều dòng số liệu, rộng bằng dòng tiêu đề (ví dụ A2:Z23).",
            },
          ],
          returns: { type: "string|Array<Array<string>>", description: '"OK" hoặc các lỗi của từng dòng.' },
        }
      : NO_DOC),
  },
  {
    name: "onOpen",
    kind: "trigger",
    impl: onOpen,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Tạo menu tiện ích Báo cáo CCHC khi mở bảng tính (chạy được ở AuthMode.NONE).",
          params: [{ name: "e", type: "Object", description: "Sự kiện mở bảng tính." }],
        }
      : NO_DOC),
  },
  {
    name: "onInstall",
    kind: "trigger",
    impl: onInstall,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Khi cài tiện ích: tạo menu như onOpen.",
          params: [{ name: "e", type: "Object", description: "Sự kiện cài đặt." }],
        }
      : NO_DOC),
  },
  {
    name: "showSidebar",
    kind: "menu",
    impl: () => showSidebar(),
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__ ? { description: "Menu: mở bảng điều khiển Báo cáo CCHC.", params: [] } : NO_DOC),
  },
  {
    name: "menuSetup",
    kind: "menu",
    impl: menuSetup,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? { description: "Menu: Thiết lập bảng tính (tạo các trang còn thiếu).", params: [] }
      : NO_DOC),
  },
  {
    name: "menuValidate",
    kind: "menu",
    impl: menuValidate,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Menu: Kiểm tra số liệu (mở bảng điều khiển và kiểm tra kỳ hiện tại).",
          params: [],
        }
      : NO_DOC),
  },
  {
    name: "menuHighlight",
    kind: "menu",
    impl: menuHighlight,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Menu: Tô sáng chỉ tiêu chưa đạt (mở bảng điều khiển và tô sáng).",
          params: [],
        }
      : NO_DOC),
  },
  {
    name: "menuReport",
    kind: "menu",
    impl: menuReport,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Menu: Tạo báo cáo quý (mở bảng điều khiển và tạo báo cáo).",
          params: [],
        }
      : NO_DOC),
  },
  {
    name: "menuPrepare",
    kind: "menu",
    impl: menuPrepare,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Menu: Chuẩn bị kỳ báo cáo (người duyệt: thêm dòng cho từng đơn vị và bảo vệ dòng của mỗi đơn vị).",
          params: [],
        }
      : NO_DOC),
  },
  {
    name: "sidebarState",
    kind: "server",
    impl: sidebarState,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: kỳ hiện tại và các kỳ có số liệu.",
          params: [],
        }
      : NO_DOC),
  },
  {
    name: "validatePeriod",
    kind: "server",
    impl: validatePeriod,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: kiểm tra số liệu của một kỳ (không ghi gì vào bảng tính).",
          params: [PERIOD],
        }
      : NO_DOC),
  },
  {
    name: "highlightPeriod",
    kind: "server",
    impl: highlightPeriod,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: tô sáng các chỉ tiêu chưa đạt của một kỳ.",
          params: [PERIOD],
        }
      : NO_DOC),
  },
  {
    name: "selectCell",
    kind: "server",
    impl: selectCell,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: chọn ô của một phát hiện.",
          params: [
            { name: "sheet", type: "string", description: "Tên trang." },
            { name: "cell", type: "string", description: "Ô dạng A1." },
          ],
        }
      : NO_DOC),
  },
  {
    name: "setupSheets",
    kind: "server",
    impl: setupSheets,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: thiết lập bảng tính; lần đầu chọn cấp báo cáo (tỉnh, xã, huyện) và tên địa phương.",
          params: [
            { name: "level", type: "string", description: "Không bắt buộc. Cấp báo cáo: tỉnh, xã hoặc huyện.", optional: true },
            { name: "name", type: "string", description: "Không bắt buộc. Tên địa phương, ví dụ Quảng Trị.", optional: true },
            {
              name: "units",
              type: "Object[]",
              description: "Không bắt buộc. Các đơn vị lấy từ danh sách đơn vị hành chính (setupList).",
              optional: true,
            },
          ],
        }
      : NO_DOC),
  },
  {
    name: "setupList",
    kind: "server",
    impl: setupList,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? { description: "Bảng điều khiển: danh sách đơn vị hành chính để chọn khi thiết lập.", params: [] }
      : NO_DOC),
  },
  {
    name: "generateReport",
    kind: "server",
    impl: generateReport,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: tạo báo cáo quý thành một Google Doc mới.",
          params: [PERIOD],
        }
      : NO_DOC),
  },
  {
    name: "periodResults",
    kind: "server",
    impl: periodResults,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Kết quả một kỳ theo định dạng JSON của SPEC (dòng lệnh npm run report dùng).",
          params: [PERIOD],
        }
      : NO_DOC),
  },
  {
    name: "getSettings",
    kind: "server",
    impl: getSettings,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: thông tin cơ quan, người ký dùng trong báo cáo.",
          params: [],
        }
      : NO_DOC),
  },
  {
    name: "saveSettings",
    kind: "server",
    impl: saveSettings,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: lưu thông tin cơ quan, người ký.",
          params: [{ name: "settings", type: "Object", description: "Thông tin báo cáo." }],
        }
      : NO_DOC),
  },
  {
    name: "approvalState",
    kind: "server",
    impl: approvalState,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: trạng thái nộp, duyệt của từng đơn vị trong một kỳ (không ghi gì).",
          params: [PERIOD],
        }
      : NO_DOC),
  },
  {
    name: "preparePeriod",
    kind: "server",
    impl: preparePeriod,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: Chuẩn bị kỳ báo cáo (chỉ người duyệt).",
          params: [PERIOD],
        }
      : NO_DOC),
  },
  {
    name: "submitUnit",
    kind: "server",
    impl: submitUnit,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: Nộp số liệu của một đơn vị (người nhập liệu của đơn vị).",
          params: [PERIOD, UNIT],
        }
      : NO_DOC),
  },
  {
    name: "returnUnit",
    kind: "server",
    impl: returnUnit,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: Trả lại số liệu của một đơn vị kèm lý do (chỉ người duyệt).",
          params: [PERIOD, UNIT, { name: "reason", type: "string", description: "Lý do trả lại, ghi vào cột Ý kiến." }],
        }
      : NO_DOC),
  },
  {
    name: "approveUnit",
    kind: "server",
    impl: approveUnit,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: Duyệt số liệu của một đơn vị và khóa dòng (chỉ người duyệt).",
          params: [PERIOD, UNIT],
        }
      : NO_DOC),
  },
  {
    name: "reopenUnit",
    kind: "server",
    impl: reopenUnit,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: Mở lại dòng đã duyệt cho đơn vị sửa (chỉ người duyệt).",
          params: [PERIOD, UNIT, { name: "note", type: "string", description: "Không bắt buộc. Ghi chú.", optional: true }],
        }
      : NO_DOC),
  },
  {
    name: "acceptLog",
    kind: "server",
    impl: acceptLog,
    ...(typeof __JSDOC__ === "undefined" || __JSDOC__
      ? {
          description: "Bảng điều khiển: Xác nhận Nhật ký CCHC như hiện có sau khi bị sửa bằng tay (chỉ người duyệt).",
          params: [PERIOD],
        }
      : NO_DOC),
  },
] as const satisfies readonly EntryPoint[];

type Other = (typeof OTHER_ENTRIES)[number];

/** What the sidebar may call through google.script.run, typed from the entries themselves (src/ui/server.ts). */
export type ServerApi = { readonly [E in Extract<Other, { kind: "server" }> as E["name"]]: E["impl"] };

let all: readonly EntryPoint[] | null = null;

/** Every entry point: the catalogue's custom functions, then the others. Built on first use. */
export function entryPoints(): readonly EntryPoint[] {
  all ??= [...INDICATORS.map(indicatorEntry), ...OTHER_ENTRIES];
  return all;
}
