/** What `npm run deploy` would push, and its refusal while the scriptId is the placeholder. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

describe("clasp", () => {
  it(".clasp.json pushes dist/ and only the dist files", () => {
    const cfg = JSON.parse(readFileSync(join(root, ".clasp.json"), "utf8"));
    expect(cfg.rootDir).toBe("dist");
    const r = spawnSync("npx", ["clasp", "show-file-status", "--json"], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect([...status.filesToPush].sort()).toEqual(["dist/Code.js", "dist/appsscript.json", "dist/sidebar.html", "dist/units.html"]);
  });
  it("npm run deploy refuses with a clear message while the dev scriptId is the placeholder, and leaves .clasp.json alone", () => {
    const before = readFileSync(join(root, ".clasp.json"), "utf8");
    const r = spawnSync("npx", ["tsx", "scripts/deploy.ts"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Chưa cấu hình dự án Apps Script thử nghiệm (dev)");
    expect(r.stderr).toContain("REPLACE_WITH_YOUR_SCRIPT_ID");
    expect(readFileSync(join(root, ".clasp.json"), "utf8")).toBe(before);
  });
  it("npm run deploy -- --prod picks the production settings", () => {
    const r = spawnSync("npx", ["tsx", "scripts/deploy.ts", "--prod"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("chính thức (prod): .clasp-prod.json");
    expect(r.stderr).toContain("REPLACE_WITH_YOUR_PROD_SCRIPT_ID");
  });
  it("dev and prod settings both push dist/, and .clasp.json holds the dev settings", () => {
    const dev = JSON.parse(readFileSync(join(root, ".clasp-dev.json"), "utf8"));
    const prod = JSON.parse(readFileSync(join(root, ".clasp-prod.json"), "utf8"));
    expect(dev.rootDir).toBe("dist");
    expect(prod.rootDir).toBe("dist");
    expect(prod.scriptId).not.toBe(dev.scriptId);
    expect(JSON.parse(readFileSync(join(root, ".clasp.json"), "utf8"))).toEqual(dev);
  });
});
