/** DataValidationBuilder: criteria, help text, allow-invalid; build() makes the immutable validation. */
import { DataValidationCriteria } from "../../support/enums";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import type { FakeDataValidation } from "./fakeDataValidation";
import { RangeRef, copyValue } from "./rangeRef";

type SS = typeof GoogleAppsScript.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidationCriteriaT = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ValidationClass = new (
  rt: Runtime,
  criteria: DataValidationCriteriaT,
  values: readonly unknown[],
  allowInvalid: boolean,
  helpText: string,
) => FakeDataValidation;

export type DataValidationBuilderApi = Pick<
  DataValidationBuilder,
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireFormulaSatisfied"
  | "requireNumberBetween"
  | "requireNumberEqualTo"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireNumberLessThanOrEqualTo"
  | "requireNumberNotBetween"
  | "requireNumberNotEqualTo"
  | "requireTextContains"
  | "requireTextDoesNotContain"
  | "requireTextEqualTo"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireValueInList"
  | "requireValueInRange"
  | "setAllowInvalid"
  | "setHelpText"
  | "withCriteria"
>;

export class FakeDataValidationBuilder implements DataValidationBuilderApi {
  private _criteria: DataValidationCriteriaT | null = null;
  private _values: unknown[] = [];
  private _allowInvalid = true;
  private _helpText: string | null = null;

  constructor(
    readonly _rt: Runtime,
    /** The validation class build() makes (given by the creator: a validation and its builder refer to each other). */
    readonly _Validation: ValidationClass,
    from?: FakeDataValidation,
  ) {
    if (from) {
      this._criteria = from._criteria;
      this._values = from._values.slice();
      this._allowInvalid = from._allowInvalid;
      this._helpText = from._helpText || null;
    }
  }

  private get _self(): DataValidationBuilder {
    return gas<DataValidationBuilder>(this);
  }

  _require(criteria: keyof SS["DataValidationCriteria"], values: unknown[]): DataValidationBuilder {
    this._criteria = DataValidationCriteria[criteria];
    this._values = values;
    return this._self;
  }

  /** Apps Script refuses to build a validation without criteria. */
  build(): DataValidation {
    if (this._criteria === null) throw this._rt.exception("You must specify a data validation criteria.");
    return gas(new this._Validation(this._rt, this._criteria, this._values.slice(), this._allowInvalid, this._helpText ?? ""));
  }

  copy(): DataValidationBuilder {
    const b = new FakeDataValidationBuilder(this._rt, this._Validation);
    b._criteria = this._criteria;
    b._values = this._values.slice();
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return gas(b);
  }

  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }

  getCriteriaType(): DataValidationCriteriaT {
    return this._criteria as DataValidationCriteriaT;
  }

  getCriteriaValues(): any[] {
    return this._rt.list(this._values.map((v) => copyValue(this._rt, v)));
  }

  getHelpText(): string | null {
    return this._helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this._allowInvalid = Boolean(allowInvalidData);
    return this._self;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this._helpText = String(helpText);
    return this._self;
  }

  requireCheckbox(checkedValue?: any, uncheckedValue?: any): DataValidationBuilder {
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._require("CHECKBOX", values);
  }

  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._require("CUSTOM_FORMULA", [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._require("NUMBER_BETWEEN", [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    return this._require("NUMBER_NOT_BETWEEN", [start, end]);
  }

  requireNumberEqualTo(number: number): DataValidationBuilder {
    return this._require("NUMBER_EQUAL_TO", [number]);
  }

  requireNumberNotEqualTo(number: number): DataValidationBuilder {
    return this._require("NUMBER_NOT_EQUAL_TO", [number]);
  }

  requireNumberGreaterThan(number: number): DataValidationBuilder {
    return this._require("NUMBER_GREATER_THAN", [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this._require("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberLessThan(number: number): DataValidationBuilder {
    return this._require("NUMBER_LESS_THAN", [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    return this._require("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  requireTextContains(text: string): DataValidationBuilder {
    return this._require("TEXT_CONTAINS", [String(text)]);
  }

  requireTextDoesNotContain(text: string): DataValidationBuilder {
    return this._require("TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }

  requireTextEqualTo(text: string): DataValidationBuilder {
    return this._require("TEXT_EQUAL_TO", [String(text)]);
  }

  requireTextIsEmail(): DataValidationBuilder {
    return this._require("TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(): DataValidationBuilder {
    return this._require("TEXT_IS_VALID_URL", []);
  }

  /** Criteria values: [values, showDropdown]. */
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values))
      throw this._rt.exception(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      );
    return this._require("VALUE_IN_LIST", [values.map(String), showDropdown ?? true]);
  }

  /** Criteria values: [range, showDropdown]. */
  requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder {
    if (!(range instanceof RangeRef))
      throw this._rt.exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
      );
    return this._require("VALUE_IN_RANGE", [range, showDropdown ?? true]);
  }

  withCriteria(criteria: DataValidationCriteriaT, args: any[]): DataValidationBuilder {
    const name = String(criteria);
    if (!(name in DataValidationCriteria)) throw this._rt.exception("Invalid argument: criteria");
    return this._require(name as keyof SS["DataValidationCriteria"], Array.from(args ?? []));
  }
}

instrument(FakeDataValidationBuilder, "DataValidationBuilder", "SpreadsheetApp");

export type _DataValidationBuilderOnlyApi = Assert<OnlyApi<FakeDataValidationBuilder, DataValidationBuilderApi>>;
