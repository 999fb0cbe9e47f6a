/**
 * Conditional format rules (+ builder, boolean condition), data validations
 * (+ builder) and protections. Rules and validations are immutable values;
 * builders copy. Rule ranges are kept as coordinates and follow row/column
 * inserts and deletes (see FakeSheet._shift).
 */
import { BooleanCriteria, DataValidationCriteria } from "./enums";
import { normalizeColor } from "./cells";
import { FakeRange } from "./range";
import { type Assert, type OnlyApi, type Runtime, gas, instrument, isDate } from "./runtime";
import { FakeUser } from "./services";
import type { FakeSheet } from "./sheet";

type SS = typeof GoogleAppsScript.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type BooleanCriteriaT = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type DataValidationCriteriaT = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type User = GoogleAppsScript.Base.User;

/** A rectangle on a sheet, kept by coordinates. */
export interface RuleRange {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

function toRuleRange(rt: Runtime, r: unknown): RuleRange {
  if (!(r instanceof FakeRange)) throw rt.exception("The parameters (Object[]) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
  return { sheet: r._sheet, row: r._row, column: r._col, numRows: r._nr, numColumns: r._nc };
}

function fromRuleRange(rr: RuleRange): Range {
  return gas<Range>(new FakeRange(rr.sheet, rr.row, rr.column, rr.numRows, rr.numColumns));
}

function copyValue(rt: Runtime, v: unknown): unknown {
  if (isDate(v)) return rt.date(v.getTime());
  if (Array.isArray(v)) return rt.list(v);
  return v;
}

// ---------------------------------------------------- conditional formatting

export interface ConditionSpec {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
  readonly italic: boolean | null;
  readonly strikethrough: boolean | null;
  readonly underline: boolean | null;
}

const NO_FORMAT = { background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null } as const;

export type BooleanConditionApi = Pick<
  BooleanCondition,
  "getBackground" | "getBold" | "getCriteriaType" | "getCriteriaValues" | "getFontColor" | "getItalic" | "getStrikethrough" | "getUnderline"
>;

export class FakeBooleanCondition implements BooleanConditionApi {
  constructor(
    readonly _rt: Runtime,
    readonly _spec: ConditionSpec,
  ) {}

  getBackground(): string | null {
    return this._spec.background;
  }

  getBold(): boolean | null {
    return this._spec.bold;
  }

  getCriteriaType(): BooleanCriteriaT {
    return (BooleanCriteria as unknown as Record<string, BooleanCriteriaT>)[this._spec.criteria]!;
  }

  getCriteriaValues(): any[] {
    return this._rt.list(this._spec.values.map((v) => copyValue(this._rt, v)));
  }

  getFontColor(): string | null {
    return this._spec.fontColor;
  }

  getItalic(): boolean | null {
    return this._spec.italic;
  }

  getStrikethrough(): boolean | null {
    return this._spec.strikethrough;
  }

  getUnderline(): boolean | null {
    return this._spec.underline;
  }
}

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
    return gas(new FakeConditionalFormatRuleBuilder(this._rt, this._ranges.slice(), this._condition));
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
    return gas(new FakeConditionalFormatRule(this._rt, this._ranges.slice(), this._spec()));
  }

  copy(): ConditionalFormatRuleBuilder {
    return gas(new FakeConditionalFormatRuleBuilder(this._rt, this._ranges.slice(), this._spec()));
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

// ---------------------------------------------------------- data validation

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
    return gas(new FakeDataValidationBuilder(this._rt, this));
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
    return gas(new FakeDataValidation(this._rt, this._criteria, this._values.slice(), this._allowInvalid, this._helpText ?? ""));
  }

  copy(): DataValidationBuilder {
    const b = new FakeDataValidationBuilder(this._rt);
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
    if (!Array.isArray(values)) throw this._rt.exception("The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.");
    return this._require("VALUE_IN_LIST", [values.map(String), showDropdown ?? true]);
  }

  /** Criteria values: [range, showDropdown]. */
  requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder {
    if (!(range instanceof FakeRange)) throw this._rt.exception("The parameters (Object) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.");
    return this._require("VALUE_IN_RANGE", [range, showDropdown ?? true]);
  }

  withCriteria(criteria: DataValidationCriteriaT, args: any[]): DataValidationBuilder {
    const name = String(criteria);
    if (!(name in DataValidationCriteria)) throw this._rt.exception("Invalid argument: criteria");
    return this._require(name as keyof SS["DataValidationCriteria"], Array.from(args ?? []));
  }
}

// --------------------------------------------------------------- protection

export type ProtectionApi = Pick<
  Protection,
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "getRangeName"
  | "getUnprotectedRanges"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setRange"
  | "setUnprotectedRanges"
  | "setWarningOnly"
>;

export class FakeProtection implements ProtectionApi {
  _description = "";
  _warningOnly = false;
  _domainEdit = false;
  _editors: string[];
  _range: RuleRange | null;
  _unprotected: RuleRange[] = [];

  constructor(
    public _sheet: FakeSheet,
    readonly _type: "RANGE" | "SHEET",
    range: FakeRange | null,
  ) {
    this._range = range ? { sheet: range._sheet, row: range._row, column: range._col, numRows: range._nr, numColumns: range._nc } : null;
    this._editors = [_sheet._rt.settings.effectiveUserEmail];
  }

  get _rt() {
    return this._sheet._rt;
  }

  private get _self(): Protection {
    return gas<Protection>(this);
  }

  /** Follows row/column changes; a protected range that disappears is removed. */
  _shift(sheet: FakeSheet, move: (rr: RuleRange) => RuleRange | null): void {
    if (this._sheet !== sheet) return;
    if (this._range) {
      const moved = move(this._range);
      if (!moved) {
        this._sheet._ss._removeProtection(this);
        return;
      }
      this._range = moved;
    }
    this._unprotected = this._unprotected.map(move).filter((x): x is RuleRange => x !== null);
  }

  _email(who: string | User): string {
    return typeof who === "string" ? who : who.getEmail();
  }

  addEditor(emailAddress: string | User): Protection {
    const e = this._email(emailAddress);
    if (!this._editors.includes(e)) this._editors.push(e);
    return this._self;
  }

  addEditors(emailAddresses: string[]): Protection {
    for (const e of emailAddresses) this.addEditor(e);
    return this._self;
  }

  removeEditor(emailAddress: string | User): Protection {
    const e = this._email(emailAddress);
    this._editors = this._editors.filter((x) => x !== e);
    return this._self;
  }

  removeEditors(emailAddresses: string[] | User[]): Protection {
    for (const e of emailAddresses) this.removeEditor(e);
    return this._self;
  }

  getEditors(): User[] {
    return this._rt.list(this._editors.map((e) => gas<User>(new FakeUser(this._rt, e))));
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this._domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this._domainEdit = Boolean(editable);
    return this._self;
  }

  getDescription(): string {
    return this._description;
  }

  setDescription(description: string): Protection {
    this._description = String(description);
    return this._self;
  }

  isWarningOnly(): boolean {
    return this._warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this._warningOnly = Boolean(warningOnly);
    return this._self;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this._type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  /** The protected range; the whole sheet for a sheet protection. */
  getRange(): Range {
    if (this._range) return fromRuleRange(this._range);
    return gas<Range>(new FakeRange(this._sheet, 1, 1, this._sheet._maxRows, this._sheet._maxColumns));
  }

  setRange(range: Range): Protection {
    if (this._type !== "RANGE") throw this._rt.exception("Cannot set the range of a sheet protection.");
    const rr = toRuleRange(this._rt, range);
    this._range = rr;
    this._sheet = rr.sheet;
    return this._self;
  }

  getRangeName(): string | null {
    return null;
  }

  getUnprotectedRanges(): Range[] {
    return this._rt.list(this._unprotected.map(fromRuleRange));
  }

  setUnprotectedRanges(ranges: Range[]): Protection {
    this._unprotected = Array.from(ranges, (r) => toRuleRange(this._rt, r));
    return this._self;
  }

  remove(): void {
    this._sheet._ss._removeProtection(this);
  }
}

instrument(FakeBooleanCondition, "BooleanCondition", "SpreadsheetApp");
instrument(FakeConditionalFormatRule, "ConditionalFormatRule", "SpreadsheetApp");
instrument(FakeConditionalFormatRuleBuilder, "ConditionalFormatRuleBuilder", "SpreadsheetApp");
instrument(FakeDataValidation, "DataValidation", "SpreadsheetApp");
instrument(FakeDataValidationBuilder, "DataValidationBuilder", "SpreadsheetApp");
instrument(FakeProtection, "Protection", "SpreadsheetApp");

export type _RulesOnlyApi = [
  Assert<OnlyApi<FakeBooleanCondition, BooleanConditionApi>>,
  Assert<OnlyApi<FakeConditionalFormatRule, ConditionalFormatRuleApi>>,
  Assert<OnlyApi<FakeConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderApi>>,
  Assert<OnlyApi<FakeDataValidation, DataValidationApi>>,
  Assert<OnlyApi<FakeDataValidationBuilder, DataValidationBuilderApi>>,
  Assert<OnlyApi<FakeProtection, ProtectionApi>>,
];
