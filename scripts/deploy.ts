/**
 * npm run deploy: refuses while .clasp.json still holds the placeholder
 * scriptId, else builds dist/ and runs `clasp push -f`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const PLACEHOLDER = "REPLACE_WITH_YOUR_SCRIPT_ID";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let scriptId = "";
try {
  scriptId = String(JSON.parse(readFileSync(".clasp.json", "utf8")).scriptId ?? "");
} catch (e) {
  fail(`Không đọc được .clasp.json (${(e as Error).message}). Xem mục "Deploy" trong README.md.`);
}
if (!scriptId || scriptId === PLACEHOLDER || !/^[\w-]{20,}$/.test(scriptId)) {
  fail(
    `Chưa cấu hình dự án Apps Script: .clasp.json có scriptId "${scriptId}". ` +
      `Hãy tạo dự án (npx clasp create-script --type sheets --rootDir dist) hoặc dán Script ID của dự án vào .clasp.json, ` +
      `rồi chạy lại npm run deploy. (The scriptId in .clasp.json is still the placeholder; see README "Deploy".)`,
  );
}
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run("npm", ["run", "build"]);
run("npx", ["clasp", "push", "-f"]);
