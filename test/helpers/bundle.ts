/**
 * Loads the built dist/Code.js as Apps Script does: one classic script in a
 * fresh V8 context that has no Node or browser globals, only what the test
 * puts there (the stand-ins of the Apps Script services).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const DIST = join(__dirname, "..", "..", "dist");
export const CODE_PATH = join(DIST, "Code.js");

export function readBundle(): string {
  return readFileSync(CODE_PATH, "utf8");
}

export interface Loaded {
  readonly context: vm.Context;
  /** Calls a top-level function of the script by name. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates an expression inside the script's realm (to make Dates, arrays... of that realm). */
  eval<T = unknown>(expression: string): T;
}

export function loadBundle(globals: Record<string, unknown> = {}, code = readBundle()): Loaded {
  const sandbox = {};
  Object.defineProperties(sandbox, Object.getOwnPropertyDescriptors(globals)); // keeps getters unread
  const context = vm.createContext(sandbox);
  vm.runInContext(code, context, { filename: "Code.js" });
  return {
    context,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`Code.js has no top-level function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    eval<T>(expression: string) {
      return vm.runInContext(expression, context) as T;
    },
  };
}
