/**
 * A typed promise wrapper over google.script.run: the names and signatures
 * come from the server's own entry points, so a typo or a wrong argument does
 * not compile.
 */
import type { ServerApi } from "../entrypoints";

type Server = ServerApi;
type Fn = (...args: never[]) => unknown;

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error | string) => void): Runner;
  [name: string]: unknown;
}

declare const google: { script: { run: Runner } };

export function serverCall<K extends keyof Server>(
  name: K,
  ...args: Server[K] extends Fn ? Parameters<Server[K]> : never
): Promise<Server[K] extends Fn ? ReturnType<Server[K]> : never> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as never))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    const fn = runner[name as string];
    if (typeof fn !== "function") {
      reject(new Error(`Máy chủ không có hàm ${String(name)}.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
