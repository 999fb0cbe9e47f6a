/**
 * npm run deploy [-- --prod]: builds dist/ and pushes it with clasp to the
 * development script (.clasp-dev.json, the default) or the production one
 * (.clasp-prod.json), as google/aside keeps them. `.clasp.json` stays the
 * file clasp reads: the chosen settings are copied into it for the push, and
 * after a production push it is put back to the development settings, so
 * that a plain `clasp push` never reaches production by accident.
 * Refuses, writing nothing, while the chosen file still holds a placeholder.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const prod = process.argv.includes("--prod");
const source = prod ? ".clasp-prod.json" : ".clasp-dev.json";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function read(path: string): { scriptId?: unknown; rootDir?: unknown } {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    fail(`Không đọc được ${path} (${(e as Error).message}). Xem mục "Deploy" trong README.md.`);
  }
}

const settings = read(source);
const scriptId = String(settings.scriptId ?? "");
if (!scriptId || scriptId.startsWith("REPLACE_WITH") || !/^[\w-]{20,}$/.test(scriptId)) {
  fail(
    `Chưa cấu hình dự án Apps Script ${prod ? "chính thức (prod)" : "thử nghiệm (dev)"}: ${source} có scriptId "${scriptId}". ` +
      `Hãy dán Script ID của dự án vào ${source} rồi chạy lại npm run deploy${prod ? " -- --prod" : ""}. ` +
      `(The scriptId in ${source} is still a placeholder; see README "Deploy".)`,
  );
}
if (settings.rootDir !== "dist") fail(`${source} phải có "rootDir": "dist" (hiện là ${JSON.stringify(settings.rootDir)}).`);

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  return r.status ?? 1;
};
if (run("npm", ["run", "build"]) !== 0) process.exit(1);
const dev = readFileSync(".clasp-dev.json", "utf8");
writeFileSync(".clasp.json", readFileSync(source, "utf8"));
const status = run("npx", ["clasp", "push", "-f"]);
if (prod) writeFileSync(".clasp.json", dev);
console.log(status === 0 ? `Đã đẩy dist/ lên dự án ${prod ? "chính thức" : "thử nghiệm"} (${scriptId}).` : "clasp push không thành công.");
process.exit(status);
