/**
 * npm start [-- path/to.xlsx]: the whole add-on running locally. Loads the
 * province sample (or the given workbook) into the stand-ins, runs the real
 * dist/Code.js on them, and serves a preview on http://localhost:$PORT
 * (default 8080): the sheets as a grid, the add-on menu, and the real
 * sidebar wired to the real server code. Reports open as HTML and download
 * as .docx. The page's top bar switches between the two samples (and the
 * given workbook): each switch starts a fresh add-on on a fresh copy. It also
 * switches the user (the spreadsheet's owner, the reviewers in the settings,
 * each unit's clerk from `Đơn vị`), as when that person opens the
 * spreadsheet: protections then decide what their edits in the grid may
 * change, and the sidebar shows what that user may do.
 *
 * The server listens on the loopback interface only and answers only its own
 * page: a request must be addressed to localhost, 127.0.0.1 or [::1] at its
 * port (a foreign Host, as after DNS rebinding, gets nothing, not even the
 * page); an Origin, when sent, must be that address; every /api/ request
 * carries the session's random token (in the page, sent as X-CCHC-Token);
 * a POST is JSON (a text/plain POST, which another site may send without a
 * preflight, is refused) of at most 1 MB, decoded once as UTF-8.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { columnToLetters, type FakeSpreadsheet, formulasWithoutValue } from "@cchc/gas-standins";
import { entryPoints } from "../../entrypoints";
import { formulaEngine } from "./formulas";
import { loadWorkbook, unsavedFormulasWarning, WorkbookUnusable } from "../workbook/load";
import { renderHtml } from "../render/document-html";
import { toDocx } from "../render/docx-writer";
import { escapeHtml } from "../../core/text";
import { settingsFor, type ReportSettings } from "../../core/settings";
import { emailsOf } from "../../core/approval";
import { openSheet } from "../../core/read";
import { SHEET_UNITS, UNITS_SHEET } from "../../core/schema";
import { DIST, ROOT, runFromSidebar, startAddon, type LocalAddon } from "../runtime";
import { googleScriptShim } from "./google-script-shim";

/** The bundled sample district (npm run sample regenerates it). */
export const SAMPLE_XLSX = join(ROOT, "samples", "vinh-linh.xlsx");
/** The district sample is shown as of a day of its quarter, so that the current period is 2023-Q1. */
export const SAMPLE_TODAY = new Date("2023-03-10T09:00:00+07:00");
/** The bundled sample province (npm run sample regenerates it). */
export const PROVINCE_XLSX = join(ROOT, "samples", "quang-tri-2026.xlsx");
/** The second province, set up by the add-on from the national unit list (src/local/samples/province.ts): one quarter, 2026-Q2. */
export const SECOND_PROVINCE_XLSX = join(ROOT, "samples", "ha-tinh-2026.xlsx");
/** The province sample is shown as of a day of 2026-Q2 (15/03–14/06/2026), its quarter with findings. */
export const PROVINCE_TODAY = new Date("2026-06-10T09:00:00+07:00");
/** The document property the add-on keeps its settings in (src/gas/settings.ts). */
const SETTINGS_PROPERTY = "cchc.settings";

/** What the preview can show: a sample, or the workbook given on the command line. */
export interface PreviewSource {
  /** "quang-tri", "vinh-linh", or "file". */
  id: string;
  /** Its entry in the page's switch. */
  label: string;
  path: string;
  /** The spreadsheet's name (the page's title); the file's name when absent. */
  title?: string;
  /** The script's "now"; the real clock when absent. */
  today?: Date;
  /** The report settings stored in the document properties before the add-on runs; the add-on's defaults when absent. */
  settings?: ReportSettings;
  /** The spreadsheet's owner (a reviewer), who opens it first; the stand-ins' default user when absent. */
  owner?: string;
}

/** The province sample's owner: the provincial office's focal officer. */
export const PROVINCE_OWNER = "vanphong@quangtri.example.vn";
/** The province sample's reviewer named in the settings: the Department of Home Affairs' CCHC officer. */
export const PROVINCE_REVIEWER = "cchc@snv.quangtri.example.vn";

/** The samples, the default first. */
export const SAMPLES: readonly PreviewSource[] = [
  {
    id: "quang-tri",
    label: "Mẫu tỉnh Quảng Trị (2026)",
    path: PROVINCE_XLSX,
    title: "CCHC tỉnh Quảng Trị (mẫu)",
    today: PROVINCE_TODAY,
    settings: { ...settingsFor("tỉnh", "Quảng Trị"), reviewers: [PROVINCE_REVIEWER] },
    owner: PROVINCE_OWNER,
  },
  {
    id: "ha-tinh",
    label: "Mẫu tỉnh Hà Tĩnh (2026, thiết lập từ danh sách đơn vị hành chính)",
    path: SECOND_PROVINCE_XLSX,
    title: "CCHC tỉnh Hà Tĩnh (mẫu)",
    today: PROVINCE_TODAY,
    settings: settingsFor("tỉnh", "Hà Tĩnh"),
    owner: "vanphong@hatinh.example.vn",
  },
  {
    id: "vinh-linh",
    label: "Mẫu huyện Vĩnh Linh (2023)",
    path: SAMPLE_XLSX,
    title: "CCHC huyện Vĩnh Linh (mẫu)",
    today: SAMPLE_TODAY,
    settings: settingsFor("huyện", "Vĩnh Linh"),
    owner: "vanphong@vinhlinh.example.vn",
  },
];
const MARK_FORMULA = '=N("Báo cáo CCHC: chưa đạt mục tiêu")=0';
const MAX_ROWS = 2000;
/** The add-on's custom functions, which the preview's formulas may call. */
const CUSTOM_FUNCTIONS = entryPoints()
  .filter((e) => e.kind === "custom")
  .map((e) => e.name);
/** The header in which the page sends the session's token with every /api/ request. */
export const TOKEN_HEADER = "x-cchc-token";
/** The largest request body read, in bytes; a larger one is answered 413. */
export const MAX_BODY = 1_000_000;
/** Past this many bytes, a too-large body is no longer drained: the connection is cut. */
const MAX_DRAIN = 16 * MAX_BODY;

export interface PreviewOptions {
  port: number;
  /** An .xlsx to load; the province sample when absent. */
  workbook?: string;
  /** The sample to open first when no workbook is given ("quang-tri" by default). */
  sample?: string;
}

export class PreviewError extends Error {}

/** A request refused before it reaches the add-on: its status and a Vietnamese line. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON of a request body (collected whole, then decoded once: a character split between packets stays whole). */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const tooLarge = () => new RequestError(413, `Nội dung yêu cầu quá lớn (tối đa ${MAX_BODY / 1_000_000} MB).`);
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > MAX_DRAIN) req.destroy();
      else chunks.length = 0; // drained and dropped, so that the client reads the 413
    });
    req.on("end", () => {
      done = true;
      if (size > MAX_BODY) return fail(tooLarge());
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        return fail(new RequestError(400, "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ."));
      }
      try {
        ok(text ? JSON.parse(text) : {});
      } catch {
        fail(new RequestError(400, "Nội dung yêu cầu không phải JSON hợp lệ."));
      }
    });
    req.on("error", (e) => {
      done = true;
      fail(e);
    });
    req.on("close", () => {
      if (!done) fail(size > MAX_BODY ? tooLarge() : new RequestError(400, "Yêu cầu bị ngắt giữa chừng."));
    });
  });
}

async function loadSpreadsheet(path: string, name?: string): Promise<FakeSpreadsheet> {
  const full = resolve(path);
  if (!existsSync(full)) throw new PreviewError(`Không tìm thấy tệp "${path}".`);
  try {
    const spreadsheet = await loadWorkbook(full, path, name ?? basename(full, extname(full)));
    const unsaved = unsavedFormulasWarning(
      spreadsheet,
      path,
      "bản xem trước tính lại các ô này như Google Trang tính khi nhập tệp (công thức nào không tính được thì ô ghi rõ).",
    );
    if (unsaved) console.warn(unsaved);
    return spreadsheet;
  } catch (e) {
    if (e instanceof WorkbookUnusable) throw new PreviewError(e.message);
    throw e;
  }
}

async function pageScript(): Promise<string> {
  const r = await build({
    entryPoints: [join(ROOT, "src/local/preview/page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2019",
    minify: true,
    logLevel: "warning",
  });
  return r.outputFiles[0]!.text.replace(/<\/(script)/gi, "<\\/$1");
}

const PAGE_CSS = `
*{box-sizing:border-box} body{margin:0;font-family:Arial,sans-serif;font-size:13px;color:#202124;height:100vh;display:flex;flex-direction:column}
header{display:flex;align-items:center;gap:16px;padding:6px 12px;border-bottom:1px solid #dadce0;background:#f8f9fa}
header h1{font-size:15px;margin:0;font-weight:normal} .note{color:#5f6368;font-size:12px} #source,#user{font:inherit;font-size:12px;padding:2px 4px} #user{max-width:320px}
.menu{position:relative} .menu>button{font:inherit;padding:4px 10px;border:1px solid #dadce0;border-radius:4px;background:#fff;cursor:pointer}
#menu-items{position:absolute;top:30px;left:0;z-index:10;background:#fff;border:1px solid #dadce0;box-shadow:0 2px 6px rgba(0,0,0,.2);min-width:240px;display:flex;flex-direction:column}
#menu-items[hidden]{display:none} .menu-item{font:inherit;text-align:left;padding:8px 12px;border:0;background:#fff;cursor:pointer} .menu-item:hover{background:#f1f3f4}
#workspace{flex:1;display:flex;min-height:0} #sheet{flex:1;display:flex;flex-direction:column;min-width:0}
#cell-form{display:flex;gap:6px;padding:4px 8px;border-bottom:1px solid #dadce0} #cell-name{width:60px;font-family:monospace;color:#5f6368;padding-top:4px} #cell-input{flex:1;font:inherit;padding:3px}
#grid-wrap{flex:1;overflow:auto} #grid{border-collapse:collapse;font-size:12px} #grid th,#grid td{border:1px solid #e0e0e0;padding:2px 5px;white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis}
#grid th{background:#f8f9fa;color:#5f6368;font-weight:normal;position:sticky;top:0} #grid th.rowhead{position:sticky;left:0;z-index:1} #grid th.corner{z-index:2;left:0}
#grid td.selected{outline:2px solid #1a73e8;outline-offset:-2px} #grid td{scroll-margin:24px 0 0 48px} #grid tr.frozen td{background:#fafafa}
#tabs{display:flex;gap:2px;padding:4px 8px;border-top:1px solid #dadce0;background:#f8f9fa;overflow-x:auto} .tab{font:inherit;padding:4px 12px;border:1px solid transparent;background:none;cursor:pointer}
.tab.active{background:#fff;border-color:#dadce0;color:#1a73e8;font-weight:bold}
#sidebar-wrap{width:340px;border-left:1px solid #dadce0;overflow-y:auto} #sidebar-wrap[hidden]{display:none}
#grid td.invalid{background-image:linear-gradient(225deg,#d93025 6px,transparent 6px)} #grid td.check{text-align:center;font-size:14px}
#status{color:#a50e0e} dialog{border:1px solid #dadce0;border-radius:8px;max-width:420px} dialog h2{font-size:15px;margin-top:0}
`;

/**
 * The sidebar inside the page (not in an iframe, so that a person or a test
 * finds its buttons in the page itself): its style (every rule scoped to
 * #app), its markup, the google.script.run shim and its script.
 */
function sidebarFragment(content: string, index: number | null, token: string): string {
  const style = /<style>([\s\S]*?)<\/style>/i.exec(content)?.[1] ?? "";
  const main = /<main[\s\S]*<\/main>/i.exec(content)?.[0] ?? "";
  const scripts = [...content.matchAll(/<script>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
  const shim = shimSource(token);
  return (
    `<aside id="sidebar-wrap" aria-label="Bảng điều khiển Báo cáo CCHC" data-sidebar="${index ?? ""}"${index === null ? " hidden" : ""}>` +
    `<style>${style.replace(/(^|\n)body \{[^}]*\}/, "")}</style>${main}<script>${shim}</script>${scripts.map((x) => `<script>${x}</script>`).join("")}</aside>`
  );
}

/** Someone the page can act as: an email and how the switch names them. */
export interface PreviewUser {
  email: string;
  label: string;
}

/** Each unit's clerks as `Đơn vị` lists them ("Email nhập liệu"), in sheet order; none when the sheet cannot be read. */
function clerksOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { unit: string; email: string }[] {
  const sheet = ss.getSheetByName(SHEET_UNITS);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  try {
    const opened = openSheet(UNITS_SHEET, values);
    const { code, name, editors } = opened.map.columns;
    if (editors === undefined) return [];
    return opened.dataRows(values).flatMap((i) => {
      const row = values[i]!;
      const unit = String(row[name ?? code ?? 0] ?? "").trim() || String(row[code ?? 0] ?? "");
      return emailsOf(row[editors]).map((email) => ({ unit, email }));
    });
  } catch {
    return []; // a sheet without its columns: the add-on says so; the switch offers the reviewers only
  }
}

/** The reviewers stored in the settings (document property), lower-cased. */
function storedReviewers(addon: LocalAddon): string[] {
  try {
    const raw = addon.env.globals.PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY);
    const reviewers = (JSON.parse(raw ?? "{}") as { reviewers?: unknown }).reviewers;
    return Array.isArray(reviewers) ? emailsOf(reviewers.join(" ")) : [];
  } catch {
    return [];
  }
}

/** "Xã A, Xã B và 3 đơn vị khác": the units a clerk enters figures for. */
function unitList(units: readonly string[]): string {
  return units.length <= 2 ? units.join(", ") : `${units.slice(0, 2).join(", ")} và ${units.length - 2} đơn vị khác`;
}

/**
 * The people the page can act as: the spreadsheet's owner, the reviewers in
 * the settings, each unit's clerk; and the current user if none of these.
 */
export function previewUsers(addon: LocalAddon): PreviewUser[] {
  const out = new Map<string, string>();
  const owner = (addon.env.document.getOwner()?.getEmail() ?? "").toLowerCase();
  if (owner) out.set(owner, `Người duyệt (chủ sở hữu) — ${owner}`);
  for (const r of storedReviewers(addon)) if (!out.has(r)) out.set(r, `Người duyệt — ${r}`);
  const clerks = new Map<string, string[]>();
  for (const { unit, email } of clerksOf(addon.env.document)) clerks.set(email, [...(clerks.get(email) ?? []), unit]);
  for (const [email, units] of clerks) if (!out.has(email)) out.set(email, `${unitList(units)} — ${email}`);
  const current = addon.env.user.toLowerCase();
  if (current && !out.has(current)) out.set(current, `Người dùng khác — ${current}`);
  return [...out].map(([email, label]) => ({ email, label }));
}

/** The switch between the people the page can act as; choosing one reloads the page as that person. */
function userSwitch(users: readonly PreviewUser[], current: string): string {
  const options = users.map(
    (u) => `<option value="${escapeHtml(u.email)}"${u.email === current ? " selected" : ""}>${escapeHtml(u.label)}</option>`,
  );
  return `<label class="note">Người dùng: <select id="user" aria-label="Người dùng">${options.join("")}</select></label>`;
}

/** The switch between the samples (and the given workbook); choosing one reloads the page on a fresh add-on. */
function sourceSwitch(sources: readonly PreviewSource[], current: string): string {
  const options = sources.map(
    (s) => `<option value="${escapeHtml(s.id)}"${s.id === current ? " selected" : ""}>${escapeHtml(s.label)}</option>`,
  );
  return `<label class="note">Dữ liệu: <select id="source" aria-label="Dữ liệu xem trước">${options.join("")}</select></label>`;
}

function pageHtml(script: string, title: string, sidebar: string, switcher: string, token: string, users: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="cchc-token" content="${escapeHtml(token)}"><title>${escapeHtml(title)} · Báo cáo CCHC (xem trước)</title><style>${PAGE_CSS}</style></head>
<body>
<header>
  <h1>${escapeHtml(title)}</h1>
  ${switcher}
  ${users}
  <nav class="menu" aria-label="Tiện ích mở rộng"><button type="button" id="menu-button" aria-haspopup="menu">Tiện ích mở rộng ▸ <span id="menu-title">Báo cáo CCHC</span></button><div id="menu-items" role="menu" hidden></div></nav>
  <span class="note">Xem trước cục bộ: mã thật của tiện ích chạy trên bản mô phỏng Google Sheets. Ngày của tập lệnh: <span id="today"></span></span>
  <span id="status" role="status"></span>
</header>
<div id="workspace">
  <section id="sheet" aria-label="Bảng tính">
    <form id="cell-form"><span id="cell-name"></span><input id="cell-input" aria-label="Nội dung ô" disabled placeholder="Chọn một ô để sửa, Enter để lưu"></form>
    <div id="grid-wrap"></div>
    <nav id="tabs" role="tablist" aria-label="Trang tính"></nav>
  </section>
  ${sidebar}
</div>
<dialog id="alert"><h2 id="alert-title"></h2><p id="alert-text"></p><button type="button" id="alert-ok">OK</button></dialog>
<dialog id="rejected" role="alertdialog" aria-labelledby="rejected-title"><h2 id="rejected-title">Có sự cố</h2><p id="rejected-text"></p><p id="rejected-help" class="note"></p><button type="button" id="rejected-ok">OK</button></dialog>
<script>${script}</script>
</body></html>`;
}

/** google.script.run for the preview: calls go to /api/run, with the session's token. */
function shimSource(token: string): string {
  const headers = JSON.stringify({ "content-type": "application/json", [TOKEN_HEADER]: token });
  return googleScriptShim(
    `(name, args) => fetch("/api/run", { method: "POST", headers: ${headers}, body: JSON.stringify({ name, args }) }).then((r) => r.json())`,
  ).replace(/<\/(script)/gi, "<\\/$1");
}

/** The sidebar alone, as Google would serve it in its iframe. */
function sidebarHtml(content: string, token: string): string {
  return content.replace(/<head>/i, `<head><script>${shimSource(token)}</script>`);
}

interface Mark {
  row: number;
  col: number;
  rows: number;
  cols: number;
  background: string | null;
}

/** The add-on's marks (its always-true rule), applied to the grid as Sheets would show them. */
function marks(sheet: GoogleAppsScript.Spreadsheet.Sheet): Mark[] {
  const out: Mark[] = [];
  for (const rule of sheet.getConditionalFormatRules()) {
    const cond = rule.getBooleanCondition();
    if (!cond || String(cond.getCriteriaType()) !== "CUSTOM_FORMULA" || cond.getCriteriaValues()[0] !== MARK_FORMULA) continue;
    for (const r of rule.getRanges()) {
      out.push({
        row: r.getRow() - 1,
        col: r.getColumn() - 1,
        rows: r.getNumRows(),
        cols: r.getNumColumns(),
        background: cond.getBackground(),
      });
    }
  }
  return out;
}

/** A fresh add-on on a fresh copy of a source: its settings stored, then the add-on opened with its sidebar. */
async function openSource(source: PreviewSource, documentBaseUrl: string, before?: () => void): Promise<LocalAddon> {
  const spreadsheet = await loadSpreadsheet(source.path, source.title);
  // The spreadsheet is shared with the reviewers and every unit's clerk; its owner opens it first.
  const editors = [
    ...(source.settings?.reviewers ?? []),
    ...clerksOf(spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).map((c) => c.email),
  ];
  // The previous add-on goes first: an environment restores on dispose the process time zone it found.
  before?.();
  // Formulas computed as Sheets would, for what the preview can: the add-on's custom functions from the bundle, SUM, arithmetic.
  let running: LocalAddon | null = null;
  const custom = (name: string) => {
    const fn = running ? (running.context as Record<string, unknown>)[name] : undefined;
    return typeof fn === "function" ? (fn as (...a: unknown[]) => unknown) : undefined;
  };
  const addon = startAddon({
    spreadsheet,
    documentBaseUrl,
    evaluateFormula: formulaEngine(custom, CUSTOM_FUNCTIONS),
    ...(source.owner ? { ownerEmail: source.owner, userEmail: source.owner } : {}),
    editors: [...new Set(editors)],
    ...(source.today ? { today: source.today } : {}),
    ...(source.settings ? { documentProperties: { [SETTINGS_PROPERTY]: JSON.stringify(source.settings) } } : {}),
  });
  running = addon;
  // A formula the file saved without a value (a tool that does not compute) is computed now, as Sheets does on import.
  for (const f of formulasWithoutValue(spreadsheet)) spreadsheet.getSheetByName(f.sheet)?.getRange(f.cell).setFormula(f.formula);
  addon.call("onOpen", { authMode: "FULL" });
  addon.call("showSidebar");
  return addon;
}

export interface Preview {
  url: string;
  /** The add-on now shown (a switch replaces it). */
  readonly addon: LocalAddon;
  /** The id of the source now shown. */
  readonly source: string;
  close: () => Promise<void>;
}

/** Listens on a loopback address; a busy or forbidden port says so in Vietnamese. */
function listen(server: Server, port: number, address: string): Promise<void> {
  return new Promise<void>((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE")
        fail(
          new PreviewError(
            `Cổng ${port} đang được chương trình khác dùng. Hãy đóng chương trình đó hoặc chọn cổng khác, ví dụ: PORT=8081 npm start`,
          ),
        );
      else if (e.code === "EACCES")
        fail(new PreviewError(`Không được phép mở cổng ${port}; hãy chọn cổng khác, ví dụ: PORT=8081 npm start`));
      else fail(e);
    });
    server.listen(port, address, () => ok());
  });
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const sources: PreviewSource[] = [...SAMPLES];
  if (options.workbook) {
    const path = resolve(options.workbook);
    sources.unshift({ id: "file", label: `Tệp ${basename(path)}`, path });
  }
  const first = sources.find((s) => s.id === (options.workbook ? "file" : (options.sample ?? SAMPLES[0]!.id)));
  if (!first) throw new PreviewError(`Không có dữ liệu mẫu "${options.sample}"; hãy chọn: ${SAMPLES.map((s) => s.id).join(", ")}.`);

  // The loopback interface only, IPv4 and (where the machine has it) IPv6: no other machine reaches the preview.
  // Requests wait until the add-on is open.
  let opened: () => void = () => {};
  const ready = new Promise<void>((ok) => (opened = ok));
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    ready
      .then(() => handle(req, res))
      .catch((e) => {
        if (e instanceof RequestError) refuse(req, res, e.status, e.message);
        else json(res, 500, { message: (e as Error).message });
      });
  };
  const server = createServer(listener);
  const server6 = createServer(listener);
  await listen(server, options.port, "127.0.0.1");
  const port = (server.address() as AddressInfo).port;
  // "localhost" may resolve to ::1 first: serve IPv6 loopback too (no IPv6, or ::1 taken: IPv4 alone serves).
  const ipv6 = await listen(server6, port, "::1").then(
    () => true,
    () => false,
  );
  const closeServers = () =>
    new Promise<void>((ok) => {
      server6.closeAllConnections?.();
      if (ipv6) server6.close();
      server.closeAllConnections?.();
      server.close(() => ok());
    });
  const base = `http://localhost:${port}`;
  /** The Host headers of the page's own addresses: any other (a rebinding name, another port) is refused. */
  const hosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  /** The session's token: in the page, required on every /api/ request. */
  const token = randomBytes(32).toString("base64url");
  const tokenBytes = Buffer.from(token);

  let current = first;
  let addon: LocalAddon;
  let script: string;
  try {
    addon = await openSource(current, `${base}/docs/`);
    script = await pageScript();
  } catch (e) {
    await closeServers();
    throw e;
  }
  let version = 1;
  let cached: { version: number; body: string } | null = null;

  const state = () => {
    const ss = addon.env.document;
    const sheets = ss.getSheets().map((sheet) => {
      const range = sheet.getDataRange();
      // One blank row below the data, as Sheets shows more rows than there are values: a user can type a new row there.
      const rows = Math.min(range.getNumRows() + (range.getNumRows() < sheet.getMaxRows() ? 1 : 0), MAX_ROWS);
      const r = sheet.getRange(1, 1, rows, range.getNumColumns());
      const backgrounds = r.getBackgrounds() as (string | null)[][];
      for (const m of marks(sheet)) {
        for (let r = m.row; r < m.row + m.rows && r < backgrounds.length; r++) {
          for (let c = m.col; c < m.col + m.cols; c++) backgrounds[r]![c] = m.background;
        }
      }
      // Checkboxes as Sheets draws them: ticked for the checked value, unticked otherwise (a blank cell too).
      const validations = r.getDataValidations();
      const values = r.getValues();
      const checks = validations.map((row, i) =>
        row.map((dv, j) => {
          if (!dv || String(dv.getCriteriaType()) !== "CHECKBOX") return null;
          const on = dv.getCriteriaValues()[0] ?? true;
          return values[i]![j] === on;
        }),
      );
      return {
        name: sheet.getName(),
        values: r.getDisplayValues(),
        backgrounds,
        bold: r.getFontWeights().map((row) => row.map((w) => w === "bold")),
        frozenRows: sheet.getFrozenRows(),
        checks: checks.some((row) => row.some((c) => c !== null)) ? checks : null,
        invalid: addon.env.invalidCells(sheet.getName()),
      };
    });
    const menu = addon.env.ui.menus.at(-1);
    const items = (menu?.items ?? []).flatMap((i) => (i.kind === "item" ? [{ caption: i.caption, fn: i.functionName }] : []));
    const active = ss.getActiveSheet();
    return {
      version,
      activeSheet: active.getName(),
      activeCell: ss.getActiveRange()?.getA1Notation() ?? null,
      sheets,
      menu: { title: "Báo cáo CCHC", items },
      sidebar: addon.env.ui.sidebars.length ? addon.env.ui.sidebars.length - 1 : null,
      alerts: addon.env.ui.alerts.map((a) => ({ title: a.title ?? "", prompt: a.prompt ?? "" })),
      // The script's clock (shifted for a sample; the context's own Date otherwise, not a property of the sandbox object).
      today: new Date(vm.runInContext("Date.now()", addon.context) as number).toLocaleDateString("vi-VN"),
      source: current.id,
    };
  };

  /**
   * Calls so far that may change what the page shows: every SpreadsheetApp or Ui method but a
   * getter (get…, is…, has…, can…). A province's state takes half a second to build on an idle
   * machine, so the read-only calls the sidebar makes at each start do not ask for a new one.
   */
  const pageChanges = () => {
    let n = 0;
    for (const family of ["SpreadsheetApp", "Ui"] as const) {
      for (const [name, count] of addon.env.callsOf(family)) if (!/\.(get|is|has|can)[A-Z]/.test(name)) n += count;
    }
    return n;
  };

  /** Switches to another source: a fresh add-on on a fresh copy; the page reloads on it. */
  const switchTo = async (id: string) => {
    const next = sources.find((s) => s.id === id);
    if (!next) throw new PreviewError(`Không có dữ liệu "${id}".`);
    const previous = addon;
    addon = await openSource(next, `${base}/docs/`, () => previous.dispose());
    current = next;
    version++;
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    if (res.headersSent) return;
    res.writeHead(status, {
      "content-type": type,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      // No other site frames the page (to trick a click).
      "content-security-policy": "frame-ancestors 'self'",
      "x-frame-options": "SAMEORIGIN",
      ...extra,
    });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, data: unknown) =>
    send(res, status, "application/json; charset=utf-8", JSON.stringify(data));
  /** A refusal: JSON with its message for the page's /api/ calls, a line of text otherwise. */
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, message: string) => {
    if ((req.url ?? "").startsWith("/api/")) json(res, status, { message });
    else send(res, status, "text/plain; charset=utf-8", message);
  };

  /** Only the page's own requests: its address, its origin, its token, JSON. Throws the refusal. */
  const admit = (req: IncomingMessage, path: string) => {
    const host = (req.headers.host ?? "").toLowerCase();
    if (!hosts.has(host)) throw new RequestError(421, `Bản xem trước chỉ trả lời tại ${base} (hoặc 127.0.0.1:${port}).`);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) throw new RequestError(403, "Yêu cầu từ trang khác bị từ chối.");
    if (!path.startsWith("/api/")) return;
    const given = req.headers[TOKEN_HEADER];
    const bytes = Buffer.from(typeof given === "string" ? given : "");
    if (bytes.length !== tokenBytes.length || !timingSafeEqual(bytes, tokenBytes))
      throw new RequestError(403, "Yêu cầu bị từ chối: thiếu hoặc sai mã phiên của bản xem trước. Hãy tải lại trang.");
    if (req.method === "POST") {
      const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/json") throw new RequestError(415, "Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json).");
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", base);
    const path = url.pathname;
    admit(req, path);
    if (req.method === "GET" && path === "/") {
      const records = addon.env.ui.sidebars;
      const index = records.length ? records.length - 1 : null;
      const content = index === null ? "" : records[index]!.content;
      const title = addon.env.document.getName();
      return send(
        res,
        200,
        "text/html; charset=utf-8",
        pageHtml(
          script,
          title,
          sidebarFragment(content, index, token),
          sourceSwitch(sources, current.id),
          token,
          userSwitch(previewUsers(addon), addon.env.user.toLowerCase()),
        ),
      );
    }
    if (req.method === "POST" && path === "/api/source") {
      const body = (await readJsonBody(req)) as { id?: string };
      try {
        await switchTo(String(body.id ?? ""));
      } catch (e) {
        return json(res, e instanceof PreviewError ? 400 : 500, { message: (e as Error).message });
      }
      return json(res, 200, { ok: true, source: current.id });
    }
    if (req.method === "POST" && path === "/api/user") {
      // Another person opens the spreadsheet: one of those the switch offers, nobody else.
      const body = (await readJsonBody(req)) as { email?: unknown } | null;
      const email = String(body?.email ?? "")
        .trim()
        .toLowerCase();
      if (!previewUsers(addon).some((u) => u.email === email)) {
        return json(res, 400, { message: `Không có người dùng "${email}" trong danh sách của bản xem trước.` });
      }
      addon.env.setUser(email);
      // As Sheets shows it to them: the sidebar opened afresh (not re-running the previous user's menu action).
      addon.call("showSidebar");
      version++;
      return json(res, 200, { ok: true, user: email });
    }
    // The user is read live (not from the cached state): a page rendered for another user reloads.
    if (req.method === "GET" && path === "/api/version") return json(res, 200, { version, user: addon.env.user.toLowerCase() });
    if (req.method === "GET" && path === "/api/state") {
      // A province's Số liệu takes a second to format: the state is made once per version.
      if (cached?.version !== version) cached = { version, body: JSON.stringify(state()) };
      return send(res, 200, "application/json; charset=utf-8", cached.body);
    }
    if (req.method === "GET" && path === "/sidebar") {
      const n = Number(url.searchParams.get("n") ?? addon.env.ui.sidebars.length - 1);
      const record = addon.env.ui.sidebars[n] ?? addon.env.ui.sidebars.at(-1);
      const content = record?.content ?? readFileSync(join(DIST, "sidebar.html"), "utf8");
      return send(res, 200, "text/html; charset=utf-8", sidebarHtml(content, token));
    }
    if (req.method === "POST" && path === "/api/run") {
      const body = (await readJsonBody(req)) as { name?: string; args?: unknown };
      const before = pageChanges();
      const result = runFromSidebar(addon, String(body.name ?? ""), body.args ?? []);
      // A call that only read (the sidebar's state, a check) leaves the page as it is: no new state to build.
      if (pageChanges() !== before) version++;
      return json(res, 200, result);
    }
    if (req.method === "POST" && path === "/api/menu") {
      const body = (await readJsonBody(req)) as { fn?: string };
      const fn = String(body.fn ?? "");
      const allowed = addon.env.ui.menus.flatMap((m) => m.items).some((i) => i.kind === "item" && i.functionName === fn);
      if (!allowed) return json(res, 400, { message: `Không có mục menu gọi ${fn}.` });
      const r = runFromSidebar(addon, fn, []);
      version++;
      return json(res, r.ok ? 200 : 500, r.ok ? { ok: true } : r);
    }
    if (req.method === "POST" && path === "/api/cell") {
      // The user types into a cell: Sheets' rules for users (protections, validations that reject input), not a script's setValue.
      const body = (await readJsonBody(req)) as { sheet?: string; row?: number; col?: number; value?: string };
      const name = String(body.sheet ?? "");
      const sheet = addon.env.document.getSheetByName(name);
      const { row, col } = body;
      if (
        !sheet ||
        !Number.isInteger(row) ||
        !Number.isInteger(col) ||
        row! < 1 ||
        col! < 1 ||
        row! > sheet.getMaxRows() ||
        col! > sheet.getMaxColumns()
      ) {
        return json(res, 400, { message: "Ô không hợp lệ." });
      }
      const result = addon.env.userEdit(name, `${columnToLetters(col!)}${row}`, String(body.value ?? ""));
      if (result.ok) version++;
      return json(res, 200, result);
    }
    const doc = /^\/docs\/([^/]+?)(\.docx)?$/.exec(path);
    if (req.method === "GET" && doc) {
      const found = addon.documents.find((d) => d.id === decodeURIComponent(doc[1]!));
      if (!found) return send(res, 404, "text/plain; charset=utf-8", "Không tìm thấy tài liệu.");
      if (doc[2]) {
        const file = `${found.name}.docx`;
        return send(res, 200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", await toDocx(found), {
          "content-disposition": `attachment; filename="bao-cao.docx"; filename*=UTF-8''${encodeURIComponent(file)}`,
        });
      }
      const bar =
        `<div style="font:14px Arial;padding:10px;background:#e8f0fe;border-bottom:1px solid #c6dafc;position:sticky;top:0">` +
        `${escapeHtml(found.name)} · <a id="download-docx" href="/docs/${encodeURIComponent(found.id)}.docx" download>Tải về (.docx)</a></div>`;
      return send(res, 200, "text/html; charset=utf-8", renderHtml(found).replace(/<body([^>]*)>/i, `<body$1>${bar}`));
    }
    return send(res, 404, "text/plain; charset=utf-8", "Không có trang này.");
  };

  opened();
  return {
    url: base,
    get addon() {
      return addon;
    },
    get source() {
      return current.id;
    },
    close: async () => {
      await closeServers();
      addon.dispose();
    },
  };
}

async function main(): Promise<void> {
  const raw = process.env["PORT"] ?? "8080";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PreviewError(`PORT "${raw}" không phải số cổng hợp lệ (1–65535).`);
  const workbook = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const preview = await startPreview({ port, ...(workbook ? { workbook } : {}) });
  console.log(`Báo cáo CCHC, xem trước cục bộ${workbook ? ` (${workbook})` : " (dữ liệu mẫu tỉnh Quảng Trị)"}: ${preview.url}`);
  console.log(`Chuyển dữ liệu (${SAMPLES.map((s) => s.label).join(", ")}) ở ô "Dữ liệu" trên đầu trang. Nhấn Ctrl-C để dừng.`);
  const stop = () => {
    void preview.close().then(() => {
      console.log("Đã dừng bản xem trước.");
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // Stopping only `npm start` (not Ctrl-C, which reaches every process of the terminal) must not leave the server
  // running: it exits when the process that started it (npm, the shell, tsx) is gone.
  const ancestors = ancestorPids();
  setInterval(() => {
    if (ancestors.some((pid) => !alive(pid))) stop();
  }, 1000).unref();
}

/** The pids above this process (parent, grandparent…), up to 4, not init: read from /proc where there is one. */
export function ancestorPids(): number[] {
  const out: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && out.length < 4) {
    out.push(pid);
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      pid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      break;
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, "src/local/preview/server.ts")) {
  main().catch((e) => {
    console.error(e instanceof PreviewError ? e.message : `Lỗi không mong đợi: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  });
}
