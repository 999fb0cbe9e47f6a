/**
 * The bundle's entry. scripts/build.ts wraps this in an esbuild IIFE (global
 * `CCHC`) and appends a top-level function per entry point of
 * src/entrypoints.ts that forwards to `CCHC.entry(name)`.
 * Nothing here runs at load: only definitions.
 */
import { entryPoints } from "../entrypoints";

type Impl = (...args: unknown[]) => unknown;
let table: Map<string, Impl> | null = null;

/** The implementation of an entry point, by its name. */
export function entry(name: string): Impl {
  table ??= new Map(entryPoints().map((e) => [e.name, e.impl as Impl]));
  const impl = table.get(name);
  if (!impl) throw new Error(`Không có hàm ${name} trong tiện ích.`);
  return impl;
}
