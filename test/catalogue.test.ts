/**
 * The catalogue is the one place an indicator lives. This test copies src/,
 * adds ONE entry to the catalogue and its two columns to the schema (no
 * other edit), builds that copy with the real build script and runs the
 * built Code.js on the stand-ins: the new indicator has its custom function
 * with JSDoc, its "≤" rule (in VALIDATE_SUBMISSION and in the sheet's
 * validation), its sidebar row, its results-sheet column and its report line.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATORS } from "../src/core/catalogue";
import { SUBMISSION_COLUMNS, TARGET_COLUMNS } from "../src/core/schema";
import { settingsFor } from "../src/core/settings";
import type { ValidationView } from "../src/core/view";
import { ROOT, startAddon, type LocalAddon } from "../src/local/runtime";
import { goodRow, unitRows } from "./fixtures";

const COPY = join(ROOT, "test-results", "catalogue-plus-one");

const ENTRY = `  {
    code: "feedback_rate", fn: "FEEDBACK_RATE", name: "Tỷ lệ phản ánh, kiến nghị được xử lý", shortName: "Phản ánh",
    numerator: ["feedback_resolved"], denominator: ["feedback_received"],
    better: "higher", unit: "rate", missing: "skipIfAnyMissing",
    terms: ["số phản ánh, kiến nghị đã xử lý", "số phản ánh, kiến nghị nhận được"],
    bound: { rule: "feedback_le_received", severity: "error" },
  },
`;
const COLUMNS = `  { key: "feedback_received", header: "Phản ánh, kiến nghị nhận được", kind: "count", required: false },
  { key: "feedback_resolved", header: "Phản ánh, kiến nghị đã xử lý", kind: "count", required: false },
`;

function patch(file: string, marker: string, insert: string): void {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not in ${file}`);
  writeFileSync(file, text.slice(0, at) + insert + text.slice(at));
}

let addon: LocalAddon;
let code: string;

beforeAll(() => {
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(COPY, { recursive: true });
  cpSync(join(ROOT, "src"), join(COPY, "src"), { recursive: true });
  patch(join(COPY, "src/core/catalogue.ts"), "  // @catalogue-end-of-rates", ENTRY);
  patch(join(COPY, "src/core/schema.ts"), '  { key: "explanation"', COLUMNS);
  execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/build.ts"), "--root", COPY, "--quiet"], {
    cwd: ROOT,
    stdio: "pipe",
  });
  code = readFileSync(join(COPY, "dist/Code.js"), "utf8");

  const header = [...SUBMISSION_COLUMNS.map((c) => c.header), "Phản ánh, kiến nghị nhận được", "Phản ánh, kiến nghị đã xử lý"];
  const row = (unit: string, received: number, resolved: number) => [
    ...SUBMISSION_COLUMNS.map((c) => goodRow(unit)[c.key] ?? ""),
    received,
    resolved,
  ];
  addon = startAddon({
    codePath: join(COPY, "dist/Code.js"),
    documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Thử")) },
    sheets: {
      "Đơn vị": unitRows([{ code: "A" }, { code: "B" }, { code: "C" }]),
      "Chỉ tiêu": [TARGET_COLUMNS.map((c) => c.header), ["feedback_rate", 2023, 0.9, "Kế hoạch thử"]],
      "Số liệu": [header, row("A", 10, 5), row("B", 10, 5), row("C", 4, 6)],
    },
  });
}, 120_000);

afterAll(() => {
  addon?.dispose();
  rmSync(COPY, { recursive: true, force: true });
});

describe("one more catalogue entry, no other edit", () => {
  it("the real catalogue does not have it (the test adds it)", () => {
    expect(INDICATORS.map((d) => d.fn)).not.toContain("FEEDBACK_RATE");
  });
  it("yields its custom function, top-level with its JSDoc", () => {
    const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction FEEDBACK_RATE\(numerator, denominator\)/.exec(code);
    expect(m).not.toBeNull();
    expect(m![1]).toContain("Tỷ lệ phản ánh, kiến nghị được xử lý");
    expect(m![1]).toContain("@customfunction");
    expect(addon.call("FEEDBACK_RATE", 3, 4)).toBe(0.75);
    expect(() => addon.call("FEEDBACK_RATE", 5, 4)).toThrow(/lớn hơn số phản ánh, kiến nghị nhận được/);
  });
  it("yields its rule, in VALIDATE_SUBMISSION and in the sheet's validation", () => {
    const values = addon.env.values("Số liệu");
    expect(addon.call("VALIDATE_SUBMISSION", [values[0]], [values[3]])).toMatch(/Phản ánh, kiến nghị đã xử lý \(6\) lớn hơn/);
    const view = addon.call<ValidationView>("validatePeriod", "2023-Q1");
    const finding = view.groups.flatMap((g) => g.findings).find((f) => f.rule === "feedback_le_received");
    expect(finding).toMatchObject({ unit: "C", severity: "error", values: { left: 6, operator: "<=", right: 4 } });
  });
  it("yields its sidebar row, judged against its target, with the failing unit left out", () => {
    const view = addon.call<ValidationView>("validatePeriod", "2023-Q1");
    const row = view.indicators.find((i) => (i.code as string) === "feedback_rate");
    expect(row).toMatchObject({ name: "Tỷ lệ phản ánh, kiến nghị được xử lý", valueText: "50%", targetText: "≥ 90%", met: false });
  });
  it("yields its report line and its column in the results sheet", () => {
    addon.call("generateReport", "2023-Q1");
    const doc = JSON.stringify(addon.documents.at(-1));
    expect(doc).toContain("Tỷ lệ phản ánh, kiến nghị được xử lý chỉ đạt 50% so với mục tiêu 90% trở lên");
    expect(doc).toContain("Phản ánh");
    addon.call("highlightPeriod", "2023-Q1");
    expect(addon.env.values("Kết quả CCHC")[1]).toContain("Tỷ lệ phản ánh, kiến nghị được xử lý");
  });
});

describe("one home per custom function", () => {
  it("each custom function's name appears in exactly one product source file", async () => {
    const { entryPoints } = await import("../src/entrypoints");
    const { readdirSync, statSync } = await import("node:fs");
    const files: string[] = [join(ROOT, "src/entrypoints.ts")];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|html|css)$/.test(f)) files.push(p);
      }
    };
    for (const d of ["src/core", "src/gas", "src/ui"]) walk(join(ROOT, d));
    const texts = files.map((f) => [f.slice(ROOT.length), readFileSync(f, "utf8")] as const);
    for (const e of entryPoints().filter((x) => x.kind === "custom")) {
      const homes = texts.filter(([, t]) => new RegExp(`\\b${e.name}\\b`).test(t)).map(([f]) => f);
      expect(homes, e.name).toHaveLength(1);
    }
  });
});
