/** SpreadsheetApp: the active spreadsheet, its Ui, rule and validation builders, enums. */
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from "../../support/enums";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeUi } from "../base/fakeUi";
import { FakeConditionalFormatRule } from "./fakeConditionalFormatRule";
import { FakeConditionalFormatRuleBuilder } from "./fakeConditionalFormatRuleBuilder";
import { FakeDataValidation } from "./fakeDataValidation";
import { FakeDataValidationBuilder } from "./fakeDataValidationBuilder";
import type { FakeSpreadsheet } from "./fakeSpreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export type SpreadsheetAppApi = Pick<
  SpreadsheetApp,
  | "BooleanCriteria"
  | "BorderStyle"
  | "DataValidationCriteria"
  | "Dimension"
  | "ProtectionType"
  | "SheetType"
  | "WrapStrategy"
  | "flush"
  | "getActive"
  | "getActiveRange"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getCurrentCell"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation"
  | "openById"
  | "openByUrl"
  | "setActiveRange"
  | "setActiveSheet"
>;

export class FakeSpreadsheetApp implements SpreadsheetAppApi {
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;
  private readonly _ui: FakeUi;

  constructor(
    readonly _rt: Runtime,
    private readonly _doc: () => FakeSpreadsheet,
  ) {
    this._ui = new FakeUi(_rt);
  }

  getActive(): Spreadsheet {
    return gas<Spreadsheet>(this._doc());
  }

  getActiveSpreadsheet(): Spreadsheet {
    return gas<Spreadsheet>(this._doc());
  }

  getActiveSheet(): Sheet {
    return this._doc().getActiveSheet();
  }

  getActiveRange(): Range {
    return this._doc().getActiveRange()!;
  }

  getCurrentCell(): Range {
    return this._doc().getActiveCell();
  }

  setActiveSheet(sheet: Sheet, restoreSelection?: boolean): Sheet {
    return this._doc().setActiveSheet(sheet, restoreSelection);
  }

  setActiveRange(range: Range): Range {
    return this._doc().setActiveRange(range);
  }

  /** Throws as in triggers and custom functions when the environment has no Ui (option ui: false). */
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this._rt.settings.ui) throw this._rt.exception("Cannot call SpreadsheetApp.getUi() from this context.");
    return gas<GoogleAppsScript.Base.Ui>(this._ui);
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return gas(new FakeConditionalFormatRuleBuilder(this._rt, FakeConditionalFormatRule));
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return gas(new FakeDataValidationBuilder(this._rt, FakeDataValidation));
  }

  /** Nothing is pending in memory; counted like any call. */
  flush(): void {}

  /** Only the environment's own document can be opened. */
  openById(id: string): Spreadsheet {
    const doc = this._doc();
    if (String(id) !== doc._id)
      throw this._rt.exception("Unexpected error while getting the method or property openById on object SpreadsheetApp.");
    return gas<Spreadsheet>(doc);
  }

  openByUrl(url: string): Spreadsheet {
    const doc = this._doc();
    if (!String(url).includes(doc._id))
      throw this._rt.exception("Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.");
    return gas<Spreadsheet>(doc);
  }
}

instrument(FakeSpreadsheetApp, "SpreadsheetApp", "SpreadsheetApp");

export type _SpreadsheetAppOnlyApi = Assert<OnlyApi<FakeSpreadsheetApp, SpreadsheetAppApi>>;
