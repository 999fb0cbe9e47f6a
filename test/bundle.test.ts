/**
 * dist/Code.js is what clasp pushes: an esbuild IIFE followed by one
 * top-level function per entry point, each with its JSDoc. Parsed here as a
 * classic script and loaded in a bare V8 context.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, type Comment, type Node } from "acorn";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../src/core/catalogue";
import { entryPoints } from "../src/entrypoints";

const ENTRY_POINTS = entryPoints();
import { CODE_PATH, DIST, loadBundle, readBundle } from "./helpers/bundle";

const code = readBundle();
const comments: Comment[] = [];
const program = parse(code, { ecmaVersion: 2020, sourceType: "script", onComment: comments, locations: true });

interface FnDecl extends Node {
  type: "FunctionDeclaration";
  id: { name: string };
  params: { type: string; name: string }[];
}

const declarations = new Map<string, FnDecl>();
for (const node of program.body) {
  if (node.type === "FunctionDeclaration") {
    const fn = node as unknown as FnDecl;
    declarations.set(fn.id.name, fn);
  }
}

/** The block comment that ends right before a node (only white space between). */
function jsdocBefore(node: Node): string | undefined {
  const c = comments.filter((k) => k.type === "Block" && k.end <= node.start).at(-1);
  if (!c || code.slice(c.end, node.start).trim() !== "") return undefined;
  return c.value;
}

describe("dist/ layout", () => {
  it("holds only what is pushed", () => {
    expect(readdirSync(DIST).sort()).toEqual(["Code.js", "appsscript.json", "sidebar.html", "units.html"]);
  });
  it("appsscript.json: V8, Asia/Ho_Chi_Minh, explicit minimal scopes", () => {
    const manifest = JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    // The Advanced Sheets service sets every protection in one request (SPEC "Who may change what").
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: "Sheets", serviceId: "sheets", version: "v4" }]);
    expect(manifest.oauthScopes).toEqual([
      // The Sheets API accepts no "currentonly" scope: spreadsheets.batchUpdate needs spreadsheets (or drive).
      "https://www.googleapis.com/auth/spreadsheets",
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/documents",
      // Submission and approval: the signed-in user's email (Session.getActiveUser), nothing more.
      "https://www.googleapis.com/auth/userinfo.email",
    ]);
  });
  it("the script files Apps Script loads on every call (Code.js and any other .js/.gs) stay within 150 KB together", () => {
    const scripts = readdirSync(DIST).filter((f) => /\.(js|gs)$/.test(f));
    expect(scripts).toEqual(["Code.js"]);
    const total = scripts.reduce((n, f) => n + statSync(join(DIST, f)).size, 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });
  it("the national unit list is not in Code.js: a file of its own, read on demand", () => {
    // Names and codes only the list holds (an old ward of Hà Nội, a commune of Cà Mau, a split unit's line).
    for (const only of ["Hoàng Văn Thụ", "Đất Mũi", "|00001 "]) expect(code).not.toContain(only);
    const list = readFileSync(join(DIST, "units.html"), "utf8");
    expect(list).toContain("Đất Mũi");
    expect(code).toContain('createHtmlOutputFromFile("units")');
  });
});

describe("Code.js as a classic script", () => {
  it("has no import/export and names no Node global", () => {
    expect(program.body.some((n) => /^(Import|Export)/.test(n.type))).toBe(false);
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\b__dirname\b|\bBuffer\./);
  });
  it("starts with the esbuild IIFE and then declares the entry points", () => {
    const firstFn = program.body.findIndex((n) => n.type === "FunctionDeclaration");
    const iife = program.body.findIndex((n) => n.type === "VariableDeclaration");
    expect(iife).toBeGreaterThanOrEqual(0);
    expect(iife).toBeLessThan(firstFn);
    expect([...declarations.keys()]).toEqual(ENTRY_POINTS.map((e) => e.name));
  });
  it.each(ENTRY_POINTS.map((e) => [e.name, e] as const))("%s: top-level, its parameters, its JSDoc", (name, entry) => {
    const fn = declarations.get(name);
    expect(fn, name).toBeDefined();
    expect(fn!.params.map((p) => p.name)).toEqual(entry.params.map((p) => p.name));
    const doc = jsdocBefore(fn!);
    expect(doc, `${name} has no JSDoc right above it`).toBeDefined();
    if (entry.kind === "custom") {
      expect(doc).toContain(entry.description);
      for (const p of entry.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.name} \\S`));
      expect(doc).toContain("@customfunction");
      expect(doc).not.toContain("@return"); // the formula helper does not show it: its text stays in src/entrypoints.ts
      expect(doc).toMatch(/[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợ]/); // Vietnamese description
    } else {
      // The others carry their parameters' names and types only (their descriptions stay in src/entrypoints.ts).
      for (const p of entry.params) expect(doc).toContain(`@param {${p.type}} ${p.name}`);
      expect(doc).not.toContain(entry.description);
      expect(doc).not.toContain("@customfunction");
    }
  });
  it("carries one @customfunction tag per custom function: the catalogue's and the four others of SPEC", () => {
    expect(code.match(/@customfunction/g)).toHaveLength(INDICATORS.length + 4);
  });
});

describe("loading", () => {
  it("runs nothing at load: no Apps Script service is touched", () => {
    const touched: string[] = [];
    const globals: Record<string, unknown> = {};
    for (const service of [
      "SpreadsheetApp",
      "DocumentApp",
      "HtmlService",
      "LockService",
      "PropertiesService",
      "Session",
      "ScriptApp",
      "DriveApp",
      "Utilities",
      "CacheService",
    ]) {
      Object.defineProperty(globals, service, {
        enumerable: true,
        get: () => {
          touched.push(service);
          return undefined;
        },
      });
    }
    const gas = loadBundle(globals);
    expect(touched).toEqual([]);
    expect(typeof gas.call).toBe("function");
  });
  it("in a bare context (no process, require, module, window or document) the custom functions compute", () => {
    const gas = loadBundle();
    expect(gas.eval("[typeof process, typeof require, typeof module, typeof window, typeof document].join()")).toBe(
      "undefined,undefined,undefined,undefined,undefined",
    );
    expect(gas.call("ONLINE_PAYMENT_RATE", 59, 1000)).toBeCloseTo(0.059, 12);
    expect(gas.call("OVERDUE_COUNT", 15, 8)).toBe(23);
    expect(gas.call("REPORTING_PERIOD", gas.eval("new Date(2023, 2, 15)"))).toBe("2023-Q2");
  });
  it("the source file path the tests load is the built one", () => {
    expect(CODE_PATH.endsWith(join("dist", "Code.js"))).toBe(true);
  });
});
