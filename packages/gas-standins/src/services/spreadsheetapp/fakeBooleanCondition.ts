/** BooleanCondition: the condition and format of a conditional-format rule (read-only). */
import { BooleanCriteria } from "../../support/enums";
import { type Assert, type OnlyApi, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { copyValue } from "./rangeRef";

type BooleanCriteriaT = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;

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

const _NO_FORMAT = { background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null } as const;

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

instrument(FakeBooleanCondition, "BooleanCondition", "SpreadsheetApp");

export type _BooleanConditionOnlyApi = Assert<OnlyApi<FakeBooleanCondition, BooleanConditionApi>>;
