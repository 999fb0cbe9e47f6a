/**
 * The add-on running locally: the real bundled dist/Code.js, loaded as Apps
 * Script loads it (one classic script in its own V8 context), on the
 * stand-ins of the Apps Script services. Tests, the local preview and the
 * command line all go through this.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions, type RecordedDocument } from "@cchc/gas-standins";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(ROOT, "dist");

export interface LocalAddon {
  readonly env: GasEnvironment;
  readonly context: vm.Context;
  /** Documents the script created with DocumentApp, in order (env.documents). */
  readonly documents: RecordedDocument[];
  /** DocumentApp calls per "Class.method" since the last env.resetCounts() (a copy of env.callsOf("DocumentApp")). */
  readonly docCalls: Map<string, number>;
  /** All DocumentApp calls (env.count("DocumentApp")). */
  docCount(): number;
  /** Calls a top-level function of Code.js, as Sheets or google.script.run would. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** The names of the top-level functions Code.js declares. */
  functions(): string[];
  dispose(): void;
}

export interface LocalAddonOptions extends GasEnvironmentOptions {
  /** dist/Code.js by default. */
  codePath?: string;
  /**
   * The script's "now" (its clock runs on from there): the preview of the
   * sample district runs as of a day in the sample's quarter, so that the
   * sidebar's default period (the current one) is the one that has data.
   */
  today?: Date;
}

/** Makes `new Date()` and `Date.now()` in the script's realm start from `today`. */
function shiftClock(context: vm.Context, today: Date): void {
  vm.runInContext(
    `(() => {
      const RealDate = Date;
      const offset = ${today.getTime()} - RealDate.now();
      class ScriptDate extends RealDate {
        constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
        static now() { return RealDate.now() + offset; }
      }
      globalThis.Date = ScriptDate;
    })();`,
    context,
  );
}

export function startAddon(options: LocalAddonOptions = {}): LocalAddon {
  const env = createGasEnvironment({ htmlDir: DIST, ...options });
  const context = env.createContext();
  if (options.today) shiftClock(context, options.today);
  const code = readFileSync(options.codePath ?? join(DIST, "Code.js"), "utf8");
  vm.runInContext(code, context, { filename: "Code.js" });
  const declared = new Set(Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === "function"));
  return {
    env,
    context,
    documents: env.documents,
    get docCalls() {
      return env.callsOf("DocumentApp");
    },
    docCount: () => env.count("DocumentApp"),
    call<T>(name: string, ...args: unknown[]): T {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function" || !declared.has(name)) throw new Error(`Code.js has no top-level function ${name}`);
      env.newExecution();
      return (fn as (...a: unknown[]) => T)(...args);
    },
    functions: () => [...declared],
    dispose: () => env.dispose(),
  };
}

/**
 * What google.script.run does with a call from the sidebar: JSON in, JSON
 * out; a thrown error becomes the failure handler's message.
 */
export function runFromSidebar(
  addon: LocalAddon,
  name: string,
  args: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    if (typeof name !== "string" || name.endsWith("_") || !addon.functions().includes(name)) {
      throw new Error(`Script function not found: ${String(name)}`);
    }
    const list = Array.isArray(args) ? args : [];
    const value = addon.call(name, ...JSON.parse(JSON.stringify(list)));
    return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (e) {
    const err = e as { message?: unknown };
    return { ok: false, message: String(err?.message ?? e) };
  }
}
