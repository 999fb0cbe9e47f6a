/** RangeList: several ranges of one sheet (Sheet.getRangeList(["A1", "C3:D4"])); setters apply to each. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import { guardRangeList } from "./protectionGuard";
import type { Runtime } from "../../support/runtime";
import type { FakeRange } from "./fakeRange";

type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

export type RangeListApi = Pick<
  RangeList,
  | "activate"
  | "check"
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "clearFormat"
  | "clearNote"
  | "getRanges"
  | "insertCheckboxes"
  | "removeCheckboxes"
  | "setBackground"
  | "setFontColor"
  | "setFontFamily"
  | "setFontSize"
  | "setFontStyle"
  | "setFontWeight"
  | "setFormula"
  | "setHorizontalAlignment"
  | "setNote"
  | "setNumberFormat"
  | "setValue"
  | "setVerticalAlignment"
  | "setWrap"
  | "setWrapStrategy"
  | "uncheck"
>;

export class FakeRangeList implements RangeListApi {
  constructor(
    readonly _rt: Runtime,
    readonly _ranges: readonly FakeRange[],
  ) {}

  _all(f: (r: FakeRange) => unknown): RangeList {
    for (const r of this._ranges) f(r);
    return gas<RangeList>(this);
  }

  getRanges(): Range[] {
    return this._rt.list(this._ranges.map((r) => gas<Range>(r)));
  }

  /** Selects the ranges; the stand-in's selection keeps the last one. */
  activate(): RangeList {
    return this._all((r) => r.activate());
  }

  check(): RangeList {
    return this._all((r) => r.check());
  }

  uncheck(): RangeList {
    return this._all((r) => r.uncheck());
  }

  clear(options?: Parameters<FakeRange["clear"]>[0]): RangeList {
    return this._all((r) => r.clear(options));
  }

  clearContent(): RangeList {
    return this._all((r) => r.clearContent());
  }

  clearDataValidations(): RangeList {
    return this._all((r) => r.clearDataValidations());
  }

  clearFormat(): RangeList {
    return this._all((r) => r.clearFormat());
  }

  clearNote(): RangeList {
    return this._all((r) => r.clearNote());
  }

  insertCheckboxes(checkedValue?: any, uncheckedValue?: any): RangeList {
    return this._all((r) => r.insertCheckboxes(checkedValue, uncheckedValue));
  }

  removeCheckboxes(): RangeList {
    return this._all((r) => r.removeCheckboxes());
  }

  setBackground(color: string | null): RangeList {
    return this._all((r) => r.setBackground(color));
  }

  setFontColor(color: string | null): RangeList {
    return this._all((r) => r.setFontColor(color));
  }

  setFontFamily(fontFamily: string | null): RangeList {
    return this._all((r) => r.setFontFamily(fontFamily));
  }

  setFontSize(size: number): RangeList {
    return this._all((r) => r.setFontSize(size));
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): RangeList {
    return this._all((r) => r.setFontStyle(fontStyle));
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): RangeList {
    return this._all((r) => r.setFontWeight(fontWeight));
  }

  setFormula(formula: string): RangeList {
    return this._all((r) => r.setFormula(formula));
  }

  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): RangeList {
    return this._all((r) => r.setHorizontalAlignment(alignment));
  }

  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): RangeList {
    return this._all((r) => r.setVerticalAlignment(alignment));
  }

  setNote(note: string | null): RangeList {
    return this._all((r) => r.setNote(note));
  }

  setNumberFormat(numberFormat: string): RangeList {
    return this._all((r) => r.setNumberFormat(numberFormat));
  }

  setValue(value: any): RangeList {
    return this._all((r) => r.setValue(value));
  }

  setWrap(isWrapEnabled: boolean): RangeList {
    return this._all((r) => r.setWrap(isWrapEnabled));
  }

  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): RangeList {
    return this._all((r) => r.setWrapStrategy(strategy));
  }
}

instrument(FakeRangeList, "RangeList", "SpreadsheetApp", { check: guardRangeList });

export type _RangeListOnlyApi = Assert<OnlyApi<FakeRangeList, RangeListApi>>;
