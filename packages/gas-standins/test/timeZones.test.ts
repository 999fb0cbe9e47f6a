/**
 * The spreadsheet's time zone and the script's, set apart: dates in cells are
 * midnight in the spreadsheet's zone, the script's own Date fields are in the
 * script's ("If the spreadsheet and the script use different time zones ...
 * the custom function needs to compensate":
 * https://developers.google.com/apps-script/guides/sheets/functions), and
 * Utilities.formatDate formats in the zone it is given.
 */
import vm from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { createGasEnvironment, fromValues, type GasEnvironment } from "../src/index";

let env: GasEnvironment | null = null;
afterEach(() => {
  env?.dispose();
  env = null;
});

/** An environment whose active sheet holds "14/03/2023" in A1 and "15/03/2023" in A2, typed in the vi_VN locale. */
function sheetIn(timeZone: string, scriptTimeZone: string) {
  env = createGasEnvironment({ timeZone, scriptTimeZone });
  const context = env.createContext();
  env.document
    .getActiveSheet()
    .getRange("A1:A2")
    .setValues([["14/03/2023"], ["15/03/2023"]]);
  const read = vm.runInContext(
    `(function () {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var dates = ss.getActiveSheet().getRange("A1:A2").getValues();
      return dates.map(function (r) {
        var d = r[0];
        return {
          isDate: d instanceof Date,
          iso: d.toISOString(),
          shown: Utilities.formatDate(d, ss.getSpreadsheetTimeZone(), "yyyy-MM-dd"),
          inScript: Utilities.formatDate(d, Session.getScriptTimeZone(), "yyyy-MM-dd"),
          getDate: d.getDate(),
        };
      });
    })()`,
    context,
  ) as { isDate: boolean; iso: string; shown: string; inScript: string; getDate: number }[];
  return { env, context, read };
}

describe("time zones: the spreadsheet's and the script's", () => {
  it("are separate options, read by getSpreadsheetTimeZone and getScriptTimeZone; the script's is the process's", () => {
    const { env: e } = sheetIn("Asia/Tokyo", "Asia/Ho_Chi_Minh");
    expect(e.document.getSpreadsheetTimeZone()).toBe("Asia/Tokyo");
    expect(e.globals.Session.getScriptTimeZone()).toBe("Asia/Ho_Chi_Minh");
    expect(process.env.TZ).toBe("Asia/Ho_Chi_Minh");
    expect(() => createGasEnvironment({ timeZone: "Mars/Olympus", processTimeZone: false })).toThrow(/not a time zone/);
    const adopted = createGasEnvironment({ spreadsheet: fromValues({ A: [[1]] }), timeZone: "Europe/Paris", processTimeZone: false });
    expect(adopted.document.getSpreadsheetTimeZone()).toBe("Europe/Paris");
  });

  it("a sheet in Asia/Tokyo, the script in Asia/Ho_Chi_Minh: the cell's day in the sheet's zone; getDate() the day before", () => {
    const { read } = sheetIn("Asia/Tokyo", "Asia/Ho_Chi_Minh");
    expect(read.every((r) => r.isDate)).toBe(true);
    // Midnight in Tokyo is 15:00 UTC the day before, 22:00 in Vietnam.
    expect(read.map((r) => r.iso)).toEqual(["2023-03-13T15:00:00.000Z", "2023-03-14T15:00:00.000Z"]);
    expect(read.map((r) => r.shown)).toEqual(["2023-03-14", "2023-03-15"]);
    expect(read.map((r) => r.inScript)).toEqual(["2023-03-13", "2023-03-14"]);
    expect(read.map((r) => r.getDate)).toEqual([13, 14]);
  });

  it("the reverse: a sheet in Asia/Ho_Chi_Minh, the script in Asia/Tokyo: getDate() happens to agree", () => {
    const { read } = sheetIn("Asia/Ho_Chi_Minh", "Asia/Tokyo");
    expect(read.map((r) => r.iso)).toEqual(["2023-03-13T17:00:00.000Z", "2023-03-14T17:00:00.000Z"]);
    expect(read.map((r) => r.shown)).toEqual(["2023-03-14", "2023-03-15"]);
    expect(read.map((r) => r.getDate)).toEqual([14, 15]); // 02:00 in Tokyo
  });

  it("a western zone: a sheet in Asia/Tokyo, the script in America/Los_Angeles; and a sheet in America/Los_Angeles", () => {
    const tokyo = sheetIn("Asia/Tokyo", "America/Los_Angeles").read;
    expect(tokyo.map((r) => r.shown)).toEqual(["2023-03-14", "2023-03-15"]);
    expect(tokyo.map((r) => r.getDate)).toEqual([13, 14]); // 08:00 (PDT since 12 March) the day before
    env?.dispose();
    const la = sheetIn("America/Los_Angeles", "Asia/Ho_Chi_Minh").read;
    // Midnight in Los Angeles: 07:00 UTC (PDT); 14:00 the same day in Vietnam.
    expect(la.map((r) => r.iso)).toEqual(["2023-03-14T07:00:00.000Z", "2023-03-15T07:00:00.000Z"]);
    expect(la.map((r) => r.shown)).toEqual(["2023-03-14", "2023-03-15"]);
    expect(la.map((r) => r.getDate)).toEqual([14, 15]);
  });

  it("a Date written by the script is stored as its day in the sheet's zone", () => {
    const { env: e, context } = sheetIn("Asia/Tokyo", "America/Los_Angeles");
    // 14/03/2023 20:00 in Los Angeles is 15/03/2023 12:00 in Tokyo.
    vm.runInContext(`SpreadsheetApp.getActiveSheet().getRange("B1").setValue(new Date(2023, 2, 14, 20, 0, 0))`, context);
    expect(e.document.getActiveSheet().getRange("B1").getDisplayValue()).toBe("15/03/2023 12:00:00");
  });
});

describe("Utilities.formatDate in any IANA zone", () => {
  it("yyyy, MM, M, dd, d, HH, mm, ss, with daylight saving and half-hour offsets", () => {
    env = createGasEnvironment({ processTimeZone: false });
    const U = env.globals.Utilities;
    const d = new Date(Date.UTC(2023, 2, 14, 15, 4, 5)); // 2023-03-14 15:04:05 UTC
    const pattern = "yyyy-MM-dd HH:mm:ss|M/d";
    const cases: [string, string][] = [
      ["UTC", "2023-03-14 15:04:05|3/14"],
      ["Asia/Ho_Chi_Minh", "2023-03-14 22:04:05|3/14"],
      ["Asia/Tokyo", "2023-03-15 00:04:05|3/15"],
      ["Asia/Kolkata", "2023-03-14 20:34:05|3/14"],
      ["Australia/Adelaide", "2023-03-15 01:34:05|3/15"], // ACDT, +10:30
      ["America/Los_Angeles", "2023-03-14 08:04:05|3/14"], // PDT
      ["America/New_York", "2023-03-14 11:04:05|3/14"], // EDT
      ["Europe/London", "2023-03-14 15:04:05|3/14"], // GMT until 26 March
      ["Pacific/Kiritimati", "2023-03-15 05:04:05|3/15"], // +14
      ["Pacific/Pago_Pago", "2023-03-14 04:04:05|3/14"], // -11
    ];
    for (const [zone, expected] of cases) expect(U.formatDate(d, zone, pattern), zone).toBe(expected);
    // Before the change to daylight saving time in New York (12 March 2023, 02:00).
    expect(U.formatDate(new Date(Date.UTC(2023, 2, 12, 6, 59, 59)), "America/New_York", "d HH:mm:ss")).toBe("12 01:59:59");
    expect(U.formatDate(new Date(Date.UTC(2023, 2, 12, 7, 0, 0)), "America/New_York", "d HH:mm:ss")).toBe("12 03:00:00");
    expect(U.formatDate(new Date(Date.UTC(2023, 0, 5)), "UTC", "d/M/yy")).toBe("5/1/23");
  });
});
