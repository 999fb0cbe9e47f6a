/** Session: the active and effective user, the user's locale, the script time zone. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeUser } from "./fakeUser";

type Session = GoogleAppsScript.Base.Session;
type User = GoogleAppsScript.Base.User;

export type SessionApi = Pick<
  Session,
  "getActiveUser" | "getActiveUserLocale" | "getEffectiveUser" | "getScriptTimeZone" | "getTemporaryActiveUserKey"
>;

export class FakeSession implements SessionApi {
  constructor(readonly _rt: Runtime) {}

  /**
   * The active user; its email is "" when withheld ("If security policies do
   * not allow access to the user's identity, User.getEmail() returns a blank
   * string": https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
   */
  getActiveUser(): User {
    const s = this._rt.settings;
    return gas<User>(new FakeUser(this._rt, s.withholdActiveUserEmail ? "" : s.userEmail));
  }

  getEffectiveUser(): User {
    return gas<User>(new FakeUser(this._rt, this._rt.settings.effectiveUserEmail));
  }

  getActiveUserLocale(): string {
    return this._rt.settings.userLocale;
  }

  getScriptTimeZone(): string {
    return this._rt.settings.scriptTimeZone ?? "Asia/Ho_Chi_Minh";
  }

  /** A stable opaque key per user. */
  getTemporaryActiveUserKey(): string {
    return Buffer.from(`standin:${this._rt.settings.userEmail}`).toString("base64url");
  }
}

instrument(FakeSession, "Session", "Session");

export type _SessionOnlyApi = Assert<OnlyApi<FakeSession, SessionApi>>;
