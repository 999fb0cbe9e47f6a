/** DataValidation: an immutable value (copy() gives a builder); checkboxes are validations too. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeDataValidationBuilder } from "./fakeDataValidationBuilder";
import { copyValue } from "./rangeRef";

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type DataValidationCriteriaT = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export type DataValidationApi = Pick<DataValidation, "copy" | "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText">;

export class FakeDataValidation implements DataValidationApi {
  constructor(
    readonly _rt: Runtime,
    readonly _criteria: DataValidationCriteriaT,
    readonly _values: readonly unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {}

  _isCheckbox(): boolean {
    return String(this._criteria) === "CHECKBOX";
  }

  /** [checked, unchecked] values of a checkbox validation. */
  _checkboxValues(): [unknown, unknown] {
    if (this._values.length === 0) return [true, false];
    if (this._values.length === 1) return [this._values[0], ""];
    return [this._values[0], this._values[1]];
  }

  copy(): DataValidationBuilder {
    return gas(new FakeDataValidationBuilder(this._rt, FakeDataValidation, this));
  }

  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }

  getCriteriaType(): DataValidationCriteriaT {
    return this._criteria;
  }

  getCriteriaValues(): any[] {
    return this._rt.list(this._values.map((v) => copyValue(this._rt, v)));
  }

  getHelpText(): string {
    return this._helpText;
  }
}

instrument(FakeDataValidation, "DataValidation", "SpreadsheetApp");

export type _DataValidationOnlyApi = Assert<OnlyApi<FakeDataValidation, DataValidationApi>>;
