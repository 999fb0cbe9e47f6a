/**
 * The stand-ins under the real bundled server code (dist/Code.js, built by
 * `npm run build`), as a classic script in a vm context. Skipped when the
 * bundle has not been built. Only behaviour fixed by SPEC is asserted.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "@cchc/gas-standins";

const DIST = join(__dirname, "..", "dist");
const CODE = join(DIST, "Code.js");

function load(options: Parameters<typeof createGasEnvironment>[0] = {}) {
  const env = createGasEnvironment({ htmlDir: DIST, addonName: "Báo cáo CCHC", ...options });
  const context = env.createContext();
  vm.runInContext(readFileSync(CODE, "utf8"), context, { filename: "Code.js" });
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  return { env, context, call };
}

describe.skipIf(!existsSync(CODE))("dist/Code.js on the stand-ins", () => {
  it("onOpen in AuthMode.NONE builds the add-on menu; every item names a top-level function", () => {
    const { env, context, call } = load({ authMode: "NONE" });
    call("onOpen", { authMode: "NONE" });
    expect(env.ui.menus).toHaveLength(1);
    const menu = env.ui.menus[0]!;
    expect(menu.addon).toBe(true);
    expect(env.ui.menuCaptions()).toEqual(
      expect.arrayContaining(["Thiết lập bảng tính", "Kiểm tra số liệu", "Tô sáng chỉ tiêu chưa đạt", "Tạo báo cáo quý"]),
    );
    for (const item of menu.items) if (item.kind === "item") expect(typeof context[item.functionName], item.functionName).toBe("function");
    expect(env.count("SpreadsheetApp") + env.count("Ui")).toBe(env.count());
  });

  it("a custom function gets a Date read from the sheet in the script time zone", () => {
    const { env, context, call } = load();
    env.document
      .getActiveSheet()
      .getRange("A1:A2")
      .setValues([["14/03/2023"], ["15/03/2023"]]);
    const dates = vm.runInContext(`SpreadsheetApp.getActiveSheet().getRange("A1:A2").getValues()`, context) as unknown[][];
    expect(vm.runInContext("(function (v) { return v[0][0] instanceof Date; })", context)(dates)).toBe(true);
    expect(call("REPORTING_PERIOD", dates[0]![0])).toBe("2023-Q1");
    expect(call("REPORTING_PERIOD", dates[1]![0])).toBe("2023-Q2");
  });

  it("REPORTING_PERIOD reads a cell's day in the spreadsheet's time zone, not the script's", () => {
    // Midnight of 15/03/2023 in Tokyo is 08:00 on 14/03 in Los Angeles: the script's own fields say the 14th.
    const { env, context, call } = load({ timeZone: "Asia/Tokyo", scriptTimeZone: "America/Los_Angeles" });
    try {
      env.document
        .getActiveSheet()
        .getRange("A1:A2")
        .setValues([["14/03/2023"], ["15/03/2023"]]);
      const dates = vm.runInContext(`SpreadsheetApp.getActiveSheet().getRange("A1:A2").getValues()`, context) as Date[][];
      expect(vm.runInContext("(function (v) { return v.map(function (r) { return r[0].getDate(); }); })", context)(dates)).toEqual([
        13, 14,
      ]);
      expect(call("REPORTING_PERIOD", dates[0]![0])).toBe("2023-Q1");
      expect(call("REPORTING_PERIOD", dates[1]![0])).toBe("2023-Q2");
      expect(call("REPORTING_PERIOD", dates)).toEqual([["2023-Q1"], ["2023-Q2"]]);
    } finally {
      env.dispose();
    }
  });

  it("REPORTING_PERIOD without a spreadsheet (a bare runtime) reads the script's own fields", () => {
    const env = createGasEnvironment({ htmlDir: DIST, timeZone: "Asia/Tokyo", scriptTimeZone: "America/Los_Angeles" });
    try {
      const context = env.createContext();
      delete (context as Record<string, unknown>).SpreadsheetApp;
      vm.runInContext(readFileSync(CODE, "utf8"), context, { filename: "Code.js" });
      // Midnight of 15/03/2023 in Tokyo: the 14th in the script's time zone, so 2023-Q1 here.
      const day = (iso: string) => vm.runInContext(`new Date(${JSON.stringify(iso)})`, context) as Date;
      const period = context.REPORTING_PERIOD as (d: unknown) => unknown;
      expect(period(day("2023-03-15T00:00:00+09:00"))).toBe("2023-Q1");
      expect(period(day("2023-03-15T00:00:00-07:00"))).toBe("2023-Q2");
    } finally {
      env.dispose();
    }
  });
});
