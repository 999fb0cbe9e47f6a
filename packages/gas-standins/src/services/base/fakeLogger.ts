/** Logger: lines go to env.logs (not to the console). */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeUtilities } from "../utilities/fakeUtilities";

type Logger = GoogleAppsScript.Base.Logger;

export type LoggerApi = Pick<Logger, "clear" | "getLog" | "log">;

/** Logger: lines go to env.logs (not to the console). */
export class FakeLogger implements LoggerApi {
  constructor(readonly _rt: Runtime) {}

  log(data: any, ...values: any[]): Logger {
    const line =
      values.length && typeof data === "string"
        ? new FakeUtilities(this._rt).formatString(data, ...values)
        : typeof data === "string"
          ? data
          : (JSON.stringify(data) ?? String(data));
    this._rt.logs.push(line);
    return gas<Logger>(this);
  }

  getLog(): string {
    return this._rt.logs.map((l) => l + "\n").join("");
  }

  clear(): void {
    this._rt.logs.length = 0;
  }
}

instrument(FakeLogger, "Logger", "Logger");

export type _LoggerOnlyApi = Assert<OnlyApi<FakeLogger, LoggerApi>>;
