/**
 * Protection of a range or a sheet: description, editors, warning-only,
 * unprotected ranges; enforced on writes by protectionGuard.ts
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import { FakeUser } from "../session/fakeUser";
import { currentUser, guardProtection, isOwner, spreadsheetEditors, userCanEdit } from "./protectionGuard";
import { fromRuleRange, toRuleRange } from "./rangeRef";
import type { RangeRef, RuleRange } from "./rangeRef";
import type { FakeSheet } from "./fakeSheet";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type User = GoogleAppsScript.Base.User;

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
  /**
   * The editors' emails; null until the script changes the list: "the
   * permissions mirror those of the spreadsheet itself, which effectively
   * means that the range remains unprotected" (Range.protect(), Sheet.protect()).
   */
  _editors: string[] | null = null;
  _range: RuleRange | null;
  _unprotected: RuleRange[] = [];
  /** The protectedRangeId the Sheets API knows it by (services/sheets). */
  _id: number;

  constructor(
    public _sheet: FakeSheet,
    readonly _type: "RANGE" | "SHEET",
    range: RangeRef | null,
  ) {
    this._range = range ? range._ruleRange() : null;
    this._id = _sheet._ss._nextProtectionId();
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

  /** The list of editors, made explicit (from the spreadsheet's) the first time the script changes it. */
  _list(): string[] {
    if (this._editors === null) this._editors = spreadsheetEditors(this._sheet._ss);
    return this._editors;
  }

  addEditor(emailAddress: string | User): Protection {
    const e = this._email(emailAddress);
    const list = this._list();
    if (!list.includes(e)) list.push(e);
    return this._self;
  }

  addEditors(emailAddresses: string[]): Protection {
    for (const e of emailAddresses) this.addEditor(e);
    return this._self;
  }

  /**
   * "Neither the owner of the spreadsheet nor the current user can be removed":
   * they stay, silently. Removing a Google Group through which alone the
   * current user may edit throws (Google's sample: "Ensure the current user is
   * an editor before removing others. Otherwise, if the user's edit permission
   * comes from a group, the script throws an exception upon removing the group").
   */
  removeEditor(emailAddress: string | User): Protection {
    const e = String(this._email(emailAddress)).toLowerCase();
    const ss = this._sheet._ss;
    const list = this._list();
    const me = currentUser(ss);
    if (isOwner(ss, e) || e === me) return this._self;
    if (!isOwner(ss, me) && !list.includes(me) && ss._groups.get(e)?.has(me)) {
      throw this._rt.exception(`You can't remove ${e}: your own permission to edit this protected range comes from that group.`);
    }
    this._editors = list.filter((x) => x !== e);
    return this._self;
  }

  removeEditors(emailAddresses: string[] | User[]): Protection {
    for (const e of emailAddresses) this.removeEditor(e);
    return this._self;
  }

  getEditors(): User[] {
    const emails = this._editors ?? spreadsheetEditors(this._sheet._ss);
    return this._rt.list(emails.map((e) => gas<User>(new FakeUser(this._rt, e))));
  }

  /** Whether the current user may edit the protected cells ("The spreadsheet owner is always able to edit protected ranges and sheets"). */
  canEdit(): boolean {
    return userCanEdit(this, currentUser(this._sheet._ss));
  }

  canDomainEdit(): boolean {
    return this._domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this._list();
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
    return gas<Range>(this._sheet._range(1, 1, this._sheet._maxRows, this._sheet._maxColumns));
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

instrument(FakeProtection, "Protection", "SpreadsheetApp", { check: guardProtection });

export type _ProtectionOnlyApi = Assert<OnlyApi<FakeProtection, ProtectionApi>>;
