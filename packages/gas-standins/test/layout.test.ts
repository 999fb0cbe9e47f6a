/**
 * The package's shape: no import cycle among the modules of src/, and no
 * source or test file over 800 lines.
 *
 * An edge is an `import ... from "./x"` or `export ... from "./x"` (or a bare
 * `import "./x"`) of a relative module. `import type` and `export type`
 * declarations are not edges: they are erased when the code is compiled, so
 * they never make one module wait for another at run time, and a class may
 * name the type of an object it holds (a Range its Sheet) without the two
 * depending on each other. Everything else, `import { type A, B }` included,
 * is an edge.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");
const MAX_LINES = 800;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

/** `import`/`export` declarations with a module specifier, at the start of a line. */
const DECLARATION =
  /^(import|export)\s+(type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s+from\s+["']([^"']+)["']|^import\s+["']([^"']+)["']/gm;

/** The relative modules a file depends on at run time (paths of .ts files). */
export function runtimeImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DECLARATION)) {
    const typeOnly = m[2] !== undefined;
    const spec = m[3] ?? m[4]!;
    if (typeOnly || !spec.startsWith(".")) continue;
    const base = resolve(dirname(file), spec);
    const target = [`${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p));
    if (!target) throw new Error(`${relative(ROOT, file)}: cannot resolve "${spec}"`);
    out.push(target);
  }
  return out;
}

/** A cycle of the graph as a path that starts and ends at the same node, or null (depth-first search). */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe("package layout", () => {
  it("has no import cycle in src/ (type-only imports excluded)", () => {
    const graph = new Map<string, string[]>();
    for (const file of tsFiles(SRC)) graph.set(file, runtimeImports(file, readFileSync(file, "utf8")));
    expect(graph.size).toBeGreaterThan(30);
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => relative(SRC, f)).join(" → ") ?? null).toBeNull();
  });

  it("the cycle check sees value imports, export-from and bare imports, and leaves out type-only ones", () => {
    const file = join(SRC, "index.ts");
    const text = [
      'import { createGasEnvironment } from "./environment";',
      'import type { FakeSheet } from "./services/spreadsheetapp/fakeSheet";',
      'import {\n  columnToLetters,\n  type A1Ref,\n} from "./support/a1";',
      'export { loadXlsx } from "./support/xlsx";',
      'export type { LocaleInfo } from "./support/locale";',
      'import "./support/enums";',
      'import vm from "node:vm";',
    ].join("\n");
    expect(runtimeImports(file, text).map((f) => relative(SRC, f))).toEqual([
      "environment.ts",
      join("support", "a1.ts"),
      join("support", "xlsx.ts"),
      join("support", "enums.ts"),
    ]);
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", []],
    ]);
    expect(findCycle(graph)).toEqual(["a", "b", "c", "a"]);
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toBeNull();
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = [...tsFiles(SRC), ...tsFiles(join(ROOT, "test"))]
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, "utf8").split("\n").length }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
