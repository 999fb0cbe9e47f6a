/**
 * The bundle's entry. scripts/build.ts wraps this in an esbuild IIFE (global
 * `CCHC`) and appends a top-level function per entry point of
 * src/entrypoints.ts that forwards to `CCHC.entry(name)`.
 * Nothing here runs at load: only definitions.
 */
import { entryPoints } from "../entrypoints";
import { inVietnamese } from "../core/errors";

type Impl = (...args: unknown[]) => unknown;
let table: Map<string, Impl> | null = null;

/** The implementation of an entry point, by its name; whatever it throws reaches the user in Vietnamese. */
export function entry(name: string): Impl {
  table ??= new Map(entryPoints().map((e) => [e.name, inVietnamese(e.impl as Impl)]));
  const impl = table.get(name);
  if (!impl) throw new Error(`Không có hàm ${name} trong tiện ích.`);
  return impl;
}
