/**
 * Apps Script enums as plain frozen objects whose values are the member names
 * (String(SpreadsheetApp.ProtectionType.SHEET) === "SHEET", as in Apps Script,
 * and members compare with ===). Typed as the @types enums so code written
 * against the real API type-checks; only types come from @types, never values.
 */
type S = typeof GoogleAppsScript.Spreadsheet;
type B = typeof GoogleAppsScript.Base;
type H = typeof GoogleAppsScript.HTML;

function enumOf<E>(names: readonly string[]): E {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as unknown as E;
}

export const ProtectionType = enumOf<S["ProtectionType"]>(["RANGE", "SHEET"]);

export const DataValidationCriteria = enumOf<S["DataValidationCriteria"]>([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);

export const BooleanCriteria = enumOf<S["BooleanCriteria"]>([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);

export const WrapStrategy = enumOf<S["WrapStrategy"]>(["WRAP", "OVERFLOW", "CLIP"]);
export const Dimension = enumOf<S["Dimension"]>(["COLUMNS", "ROWS"]);
export const BorderStyle = enumOf<S["BorderStyle"]>(["DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE"]);
export const SheetType = enumOf<S["SheetType"]>(["GRID", "OBJECT"]);

export const Button = enumOf<B["Button"]>(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = enumOf<B["ButtonSet"]>(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);

export const SandboxMode = enumOf<H["SandboxMode"]>(["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = enumOf<H["XFrameOptionsMode"]>(["ALLOWALL", "DEFAULT"]);
