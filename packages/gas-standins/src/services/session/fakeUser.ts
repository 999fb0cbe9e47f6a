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

  getEmail(): string {
    return this._emailAddress;
  }
}

instrument(FakeUser, "User", "Session");

export type _UserOnlyApi = Assert<OnlyApi<FakeUser, UserApi>>;
