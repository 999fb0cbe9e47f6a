/** User: an email address (Session's users, a protection's editors). */
import { type Assert, type OnlyApi, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";

type User = GoogleAppsScript.Base.User;

export type UserApi = Pick<User, "getEmail">;

export class FakeUser implements UserApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _emailAddress: string,
  ) {}

  /** "If security policies do not allow access to the user's email address, this method returns a blank string." */
  getEmail(): string {
    return this._rt.settings.hiddenEmails.has(this._emailAddress) ? "" : this._emailAddress;
  }
}

instrument(FakeUser, "User", "Session");

export type _UserOnlyApi = Assert<OnlyApi<FakeUser, UserApi>>;
