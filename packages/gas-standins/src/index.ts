/**
 * @cchc/gas-standins: in-memory stand-ins for the Apps Script services, so
 * that a script's real code runs in tests, a local preview or a command line,
 * with every service call counted. See README.md.
 *
 *     const env = createGasEnvironment({ sheets: { "Số liệu": [["Kỳ báo cáo", "Mã đơn vị"], ["2023-Q1", "HOXA"]] } });
 *     const ctx = env.createContext();            // a vm context with the services as globals
 *     vm.runInContext(readFileSync("dist/Code.js", "utf8"), ctx);
 *     ctx.onOpen();
 *     env.ui.menuCaptions();                      // ["Mở bảng điều khiển", ...]
 *     env.count("SpreadsheetApp");                // calls the script made on spreadsheet objects
 */
export { createGasEnvironment, fromValues } from "./environment";
export type { GasEnvironment, GasEnvironmentOptions, GasGlobals } from "./environment";
export type { AuthModeName, Family, FormulaEvaluator } from "./support/runtime";
export type { AlertRecord, DialogRecord, HtmlRecord, MenuEntry, MenuRecord, PromptRecord, ToastRecord, UiRecords } from "./support/records";
export type { FakeSpreadsheet, SpreadsheetInit } from "./services/spreadsheetapp/fakeSpreadsheet";
export type { UserEditResult } from "./services/spreadsheetapp/validationCheck";
export { DEFAULT_XLSX_LIMITS, formulasWithoutValue, loadXlsx, saveXlsx, XlsxFormatError, XlsxTooLargeError } from "./support/xlsx";
export type { FormulaWithoutValue, LoadXlsxOptions, XlsxLimits } from "./support/xlsx";
export { surveyXlsx } from "./support/xlsx-guard";
export type { SheetSurvey, XlsxSurvey } from "./support/xlsx-guard";
export { columnToLetters, lettersToColumn, parseA1 } from "./support/a1";
export { paragraphText } from "./services/documentapp/tree";
export type {
  NamedStyle,
  ParagraphStyle,
  RecordedBlock,
  RecordedCell,
  RecordedDocument,
  RecordedHorizontalRule,
  RecordedInline,
  RecordedList,
  RecordedPageBreak,
  RecordedParagraph,
  RecordedRow,
  RecordedRun,
  RecordedSection,
  RecordedTable,
  RecordedText,
  TextStyle,
} from "./support/documentRecords";
export { STYLE_KEYS } from "./support/documentRecords";
export type { AlignmentName, AttributeName, ElementTypeName, GlyphTypeName, HeadingName, VerticalAlignmentName } from "./support/enums";
