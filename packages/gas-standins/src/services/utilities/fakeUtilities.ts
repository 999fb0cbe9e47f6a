/** Utilities: formatDate (Java patterns), formatString, getUuid, sleep (virtual time). */
import { formatJavaDate } from "../../support/javaDate";
import { isValidTimeZone } from "../../support/locale";
import { type Assert, type OnlyApi, instrument, isDate } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";

type Utilities = GoogleAppsScript.Utilities.Utilities;

export type UtilitiesApi = Pick<Utilities, "formatDate" | "formatString" | "getUuid" | "sleep">;

export class FakeUtilities implements UtilitiesApi {
  constructor(readonly _rt: Runtime) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      const t = (x: unknown) =>
        isDate(x) ? "Date" : typeof x === "string" ? "String" : typeof x === "number" ? "number" : x === null ? "null" : "Object";
      throw this._rt.exception(
        `The parameters (${t(date)},${t(timeZone)},${t(format)}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const tz = isValidTimeZone(timeZone) ? timeZone : "UTC";
    try {
      return formatJavaDate((date as unknown as Date).getTime(), tz, format);
    } catch (e) {
      throw this._rt.exception(`Invalid argument: ${(e as Error).message}`);
    }
  }

  /** sprintf-like: %s, %d, %i, %f (with precision), %%. */
  formatString(template: string, ...args: any[]): string {
    let i = 0;
    return String(template).replace(/%(\.(\d+))?([sdif%])/g, (_m, _p, prec: string | undefined, kind: string) => {
      if (kind === "%") return "%";
      const v = args[i++];
      if (kind === "s") return String(v);
      if (kind === "d" || kind === "i") return String(Math.trunc(Number(v)));
      return prec !== undefined ? Number(v).toFixed(Number(prec)) : String(Number(v));
    });
  }

  getUuid(): string {
    return crypto.randomUUID();
  }

  /** Advances the virtual clock; returns at once. */
  sleep(milliseconds: number): void {
    this._rt.clock += Math.max(0, Number(milliseconds) || 0);
  }
}

instrument(FakeUtilities, "Utilities", "Utilities");

export type _UtilitiesOnlyApi = Assert<OnlyApi<FakeUtilities, UtilitiesApi>>;
