/**
 * Builds dist/: Code.js (esbuild IIFE + one top-level function per entry
 * point of src/entrypoints.ts, with its JSDoc), appsscript.json and the
 * sidebar HTML and the national unit list (units.html). Run: npm run build.
 */
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fileURLToPath } from "node:url";
import { encodeUnitList, type UnitListJson } from "../src/core/setup";
import type { EntryPoint } from "../src/entrypoints";

/** The project's root, or another copy of its sources (`--root <dir>`, used by the catalogue test). */
function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const root = resolve(argValue("--root") ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const dist = join(root, "dist");
/** The IIFE's global; entry functions forward to GLOBAL.entry(name). */
export const GLOBAL = "CCHC";

function jsdoc(e: EntryPoint): string {
  const lines = [e.description];
  // Sheets shows a custom function's description and parameters as the user types it. The others' descriptions are
  // for readers and stay in src/entrypoints.ts: in Code.js, which every custom-function call loads, only their
  // parameters' names and types (the Apps Script editor's autocomplete), so the budget goes to code.
  if (e.kind !== "custom") return e.params.length ? `/** ${e.params.map((p) => `@param {${p.type}} ${p.name}`).join(" ")} */` : "/** */";
  lines.push("");
  for (const p of e.params) lines.push(`@param {${p.type}} ${p.name} ${p.description}`);
  // No @return: Sheets' formula helper does not show it (https://developers.google.com/apps-script/concepts/jsdoc#supported_tags_and_ui_limitations);
  // it stays in src/entrypoints.ts for readers.
  if (e.kind === "custom") lines.push("@customfunction");
  return ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"].join("\n");
}

export function entryFunctions(entries: readonly EntryPoint[]): string {
  return entries
    .map((e) => {
      const params = e.params.map((p) => p.name).join(", ");
      return `${jsdoc(e)}\nfunction ${e.name}(${params}){return ${GLOBAL}.entry("${e.name}")(${params})}\n`;
    })
    .join("");
}

/** The sidebar as one self-contained HTML file: CSS and the esbuild bundle of src/ui/sidebar.ts inlined. */
async function buildSidebar(): Promise<string> {
  const js = await build({
    entryPoints: [join(root, "src/ui/sidebar.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2019",
    charset: "utf8",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  const script = js.outputFiles[0]!.text.replace(/<\/(script)/gi, "<\\/$1");
  const css = readFileSync(join(root, "src/ui/sidebar.css"), "utf8");
  const html = readFileSync(join(root, "src/ui/sidebar.html"), "utf8");
  if (script.includes('data-autorun=""')) throw new Error("sidebar script must not contain the autorun marker");
  return html.replace("/*__CSS__*/", () => css).replace("//__JS__", () => script);
}

/** The national unit list (SPEC "Setting up for any province or commune") in its text form: read by set-up on demand, never by a custom function. */
export const UNITS_JSON = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "data", "vn-2025-units.json");
function unitList(): string {
  if (!existsSync(UNITS_JSON)) throw new Error(`${UNITS_JSON} is missing: the build writes dist/units.html from it (see README, Set-up).`);
  return encodeUnitList(JSON.parse(readFileSync(UNITS_JSON, "utf8")) as UnitListJson);
}

async function main(): Promise<void> {
  const { entryPoints } = (await import(pathToFileURL(join(root, "src/entrypoints.ts")).href)) as typeof import("../src/entrypoints");
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const result = await build({
    entryPoints: [join(root, "src/gas/main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: GLOBAL,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    // Every custom-function call loads the whole script: keep it small. Identifiers are
    // minified too (the entry points appended below keep their names, which is what
    // Apps Script's executions list shows; users see the Vietnamese messages of src/core/errors.ts).
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: true,
    keepNames: false,
    treeShaking: true,
    // The entry points' docs are JSDoc written below; the bundle drops them (src/entrypoints.ts, JSDOC).
    define: { __JSDOC__: "false" },
    logLevel: "warning",
  });
  const bundle = result.outputFiles[0]!.text;
  const header = "// Báo cáo CCHC: built by scripts/build.ts from src/. Do not edit; edit src/ and run npm run build.\n";
  const code = `${header}${bundle}\n${entryFunctions(entryPoints())}`;
  writeFileSync(join(dist, "Code.js"), code);
  copyFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "appsscript.json"), join(dist, "appsscript.json"));
  writeFileSync(join(dist, "sidebar.html"), await buildSidebar());
  writeFileSync(join(dist, "units.html"), unitList());
  if (!process.argv.includes("--quiet"))
    console.log(`dist/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, ${entryPoints().length} entry points`);
}

await main();
