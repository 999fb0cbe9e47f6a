/**
 * The bundle's entry. scripts/build.ts wraps this in an esbuild IIFE (global
 * `CCHC`) and appends a top-level function per entry point of
 * src/entrypoints.ts that forwards to `CCHC.entry(name)`.
 * Nothing here runs at load: only definitions.
 */
import { entryPoints } from "../entrypoints";
import { inVietnamese } from "../core/errors";
import { guardAction } from "./roles";

type Impl = (...args: unknown[]) => unknown;
let table: Map<string, Impl> | null = null;

/** The entry point's implementation behind the permission check of src/core/permissions.ts (SPEC "Who may change what"). */
function guarded(e: { name: string; kind: string; impl: unknown }): Impl {
  const impl = e.impl as Impl;
  if (e.kind !== "server") return impl;
  return (...args) => {
    guardAction(e.name);
    return impl(...args);
  };
}

/**
 * The implementation of an entry point, by its name; whatever it throws
 * reaches the user in Vietnamese. Every editor may call any server function
 * by name, so the reviewers-only ones check the caller first, here.
 */
export function entry(name: string): Impl {
  table ??= new Map(entryPoints().map((e) => [e.name, inVietnamese(guarded(e))]));
  const impl = table.get(name);
  if (!impl) throw new Error(`Không có hàm ${name} trong tiện ích.`);
  return impl;
}
