/** ConditionalFormatRuleBuilder: a condition, a format and ranges; build() makes the immutable rule. */
import { BooleanCriteria } from "../../support/enums";
import { normalizeColor } from "../../support/cells";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeBooleanCondition } from "./fakeBooleanCondition";
import type { ConditionSpec } from "./fakeBooleanCondition";
import type { FakeConditionalFormatRule } from "./fakeConditionalFormatRule";
import { fromRuleRange, toRuleRange } from "./rangeRef";
import type { RuleRange } from "./rangeRef";

type Range = GoogleAppsScript.Spreadsheet.Range;
type BooleanCriteriaT = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type RuleClass = new (rt: Runtime, ranges: readonly RuleRange[], condition: ConditionSpec | null) => FakeConditionalFormatRule;

const NO_FORMAT = { background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null } as const;

export type ConditionalFormatRuleBuilderApi = Pick<
  ConditionalFormatRuleBuilder,
  | "build"
  | "copy"
  | "getBooleanCondition"
  | "getGradientCondition"
  | "getRanges"
  | "setBackground"
  | "setBold"
  | "setFontColor"
  | "setItalic"
  | "setRanges"
  | "setStrikethrough"
  | "setUnderline"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenFormulaSatisfied"
  | "whenNumberBetween"
  | "whenNumberEqualTo"
  | "whenNumberGreaterThan"
  | "whenNumberGreaterThanOrEqualTo"
  | "whenNumberLessThan"
  | "whenNumberLessThanOrEqualTo"
  | "whenNumberNotBetween"
  | "whenNumberNotEqualTo"
  | "whenTextContains"
  | "whenTextDoesNotContain"
  | "whenTextEndsWith"
  | "whenTextEqualTo"
  | "whenTextStartsWith"
  | "withCriteria"
>;

export class FakeConditionalFormatRuleBuilder implements ConditionalFormatRuleBuilderApi {
  private _criteria: string | null;
  private _values: unknown[];
  private _format: Omit<ConditionSpec, "criteria" | "values">;

  constructor(
    readonly _rt: Runtime,
    /** The rule class build() makes (given by the creator: a rule and its builder refer to each other). */
    readonly _Rule: RuleClass,
    private _ranges: RuleRange[] = [],
    condition: ConditionSpec | null = null,
  ) {
    this._criteria = condition?.criteria ?? null;
    this._values = condition ? condition.values.slice() : [];
    this._format = condition
      ? {
          background: condition.background,
          fontColor: condition.fontColor,
          bold: condition.bold,
          italic: condition.italic,
          strikethrough: condition.strikethrough,
          underline: condition.underline,
        }
      : { ...NO_FORMAT };
  }

  private get _self(): ConditionalFormatRuleBuilder {
    return gas<ConditionalFormatRuleBuilder>(this);
  }

  _spec(): ConditionSpec | null {
    return this._criteria === null ? null : { criteria: this._criteria, values: this._values.slice(), ...this._format };
  }

  _when(criteria: string, values: unknown[]): ConditionalFormatRuleBuilder {
    this._criteria = criteria;
    this._values = values;
    return this._self;
  }

  _set(patch: Partial<Omit<ConditionSpec, "criteria" | "values">>): ConditionalFormatRuleBuilder {
    this._format = { ...this._format, ...patch };
    return this._self;
  }

  build(): ConditionalFormatRule {
    return gas(new this._Rule(this._rt, this._ranges.slice(), this._spec()));
  }

  copy(): ConditionalFormatRuleBuilder {
    return gas(new FakeConditionalFormatRuleBuilder(this._rt, this._Rule, this._ranges.slice(), this._spec()));
  }

  getBooleanCondition(): BooleanCondition | null {
    const spec = this._spec();
    return spec ? gas<BooleanCondition>(new FakeBooleanCondition(this._rt, spec)) : null;
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }

  getRanges(): Range[] {
    return this._rt.list(this._ranges.map(fromRuleRange));
  }

  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    this._ranges = Array.from(ranges, (r) => toRuleRange(this._rt, r));
    return this._self;
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    return this._set({ background: normalizeColor(color) });
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    return this._set({ fontColor: normalizeColor(color) });
  }

  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    return this._set({ bold });
  }

  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder {
    return this._set({ italic });
  }

  setStrikethrough(strikethrough: boolean | null): ConditionalFormatRuleBuilder {
    return this._set({ strikethrough });
  }

  setUnderline(underline: boolean | null): ConditionalFormatRuleBuilder {
    return this._set({ underline });
  }

  whenCellEmpty(): ConditionalFormatRuleBuilder {
    return this._when("CELL_EMPTY", []);
  }

  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this._when("CELL_NOT_EMPTY", []);
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this._when("CUSTOM_FORMULA", [String(formula)]);
  }

  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_BETWEEN", [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_NOT_BETWEEN", [start, end]);
  }

  whenNumberEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_EQUAL_TO", [number]);
  }

  whenNumberNotEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_NOT_EQUAL_TO", [number]);
  }

  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_GREATER_THAN", [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  whenNumberLessThan(number: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_LESS_THAN", [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): ConditionalFormatRuleBuilder {
    return this._when("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    return this._when("TEXT_CONTAINS", [String(text)]);
  }

  whenTextDoesNotContain(text: string): ConditionalFormatRuleBuilder {
    return this._when("TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }

  whenTextEndsWith(text: string): ConditionalFormatRuleBuilder {
    return this._when("TEXT_ENDS_WITH", [String(text)]);
  }

  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this._when("TEXT_EQUAL_TO", [String(text)]);
  }

  whenTextStartsWith(text: string): ConditionalFormatRuleBuilder {
    return this._when("TEXT_STARTS_WITH", [String(text)]);
  }

  withCriteria(criteria: BooleanCriteriaT, args: any[]): ConditionalFormatRuleBuilder {
    const name = String(criteria);
    if (!(name in BooleanCriteria)) throw this._rt.exception(`Invalid argument: criteria`);
    return this._when(name, Array.from(args ?? []));
  }
}

instrument(FakeConditionalFormatRuleBuilder, "ConditionalFormatRuleBuilder", "SpreadsheetApp");

export type _ConditionalFormatRuleBuilderOnlyApi = Assert<OnlyApi<FakeConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderApi>>;
