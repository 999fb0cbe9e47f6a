/**
 * ConditionalFormatRule: an immutable value (copy() gives a builder). Its
 * ranges are kept as coordinates and follow row/column inserts and deletes
 * (see FakeSheet._shift).
 */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { type ConditionSpec, FakeBooleanCondition } from "./fakeBooleanCondition";
import { FakeConditionalFormatRuleBuilder } from "./fakeConditionalFormatRuleBuilder";
import { fromRuleRange } from "./rangeRef";
import type { RuleRange } from "./rangeRef";

type Range = GoogleAppsScript.Spreadsheet.Range;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;

export type ConditionalFormatRuleApi = Pick<ConditionalFormatRule, "copy" | "getBooleanCondition" | "getGradientCondition" | "getRanges">;

export class FakeConditionalFormatRule implements ConditionalFormatRuleApi {
  constructor(
    readonly _rt: Runtime,
    readonly _ranges: readonly RuleRange[],
    readonly _condition: ConditionSpec | null,
  ) {}

  _withRanges(ranges: readonly RuleRange[]): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this._rt, ranges.slice(), this._condition);
  }

  copy(): ConditionalFormatRuleBuilder {
    return gas(new FakeConditionalFormatRuleBuilder(this._rt, FakeConditionalFormatRule, this._ranges.slice(), this._condition));
  }

  getBooleanCondition(): BooleanCondition | null {
    return this._condition ? gas<BooleanCondition>(new FakeBooleanCondition(this._rt, this._condition)) : null;
  }

  /** Gradient rules are not modelled: always null. */
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }

  getRanges(): Range[] {
    return this._rt.list(this._ranges.map(fromRuleRange));
  }
}

instrument(FakeConditionalFormatRule, "ConditionalFormatRule", "SpreadsheetApp");

export type _ConditionalFormatRuleOnlyApi = Assert<OnlyApi<FakeConditionalFormatRule, ConditionalFormatRuleApi>>;
