/** Apps Script's console: lines go to env.logs; not counted. */
import { format as nodeFormat } from "node:util";
import type { Runtime } from "../../support/runtime";

export type ConsoleApi = Pick<Console, "log" | "info" | "warn" | "error" | "time" | "timeEnd">;

/**
 * Apps Script's console (Cloud logging): lines go to env.logs, prefixed with
 * "[info] ", "[warn] " or "[error] " except for log. Not counted.
 */
export function makeConsole(rt: Runtime): ConsoleApi {
  const timers = new Map<string, number>();
  const write =
    (prefix: string) =>
    (...args: unknown[]) => {
      rt.logs.push(prefix + nodeFormat(...args));
    };
  return {
    log: write(""),
    info: write("[info] "),
    warn: write("[warn] "),
    error: write("[error] "),
    time(label: string) {
      timers.set(label, Date.now());
    },
    timeEnd(label: string) {
      const start = timers.get(label);
      if (start !== undefined) rt.logs.push(`${label}: ${Date.now() - start}ms`);
      timers.delete(label);
    },
  };
}
