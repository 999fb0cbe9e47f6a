/**
 * The local preview page: the spreadsheet as a grid with a tab per sheet,
 * the add-on menu, the real sidebar (dist/sidebar.html in the page, wired to
 * the real server code), the switch between the samples and the switch of
 * the user (the owner, a reviewer, a unit's clerk). Everything from a sheet
 * goes in as text. Every call to the server carries the session's token,
 * which the server put in the page.
 */

import { columnLetter } from "../../core/a1";
import { escapeHtml } from "../../core/text";
import { lettersToColumn } from "@cchc/gas-standins/a1";

interface SheetView {
  name: string;
  values: string[][];
  backgrounds: (string | null)[][];
  bold: boolean[][];
  frozenRows: number;
  /** Checkbox cells: true ticked, false unticked (a blank one too); null elsewhere, or no checkbox at all. */
  checks: (boolean | null)[][] | null;
  /** Cells whose content fails their data validation (Sheets marks them with a red corner). */
  invalid: string[];
}

/** What the server answers a cell edit: kept, or refused with Sheets' message. */
type EditResult =
  | { ok: true; cell: string; invalid: boolean }
  | { ok: false; cell: string; reason: "protected" | "validation"; message: string; helpText: string };

interface State {
  version: number;
  activeSheet: string;
  activeCell: string | null;
  sheets: SheetView[];
  menu: { title: string; items: { caption: string; fn: string }[] };
  sidebar: number | null;
  alerts: { title: string; prompt: string }[];
  today: string;
  /** The sample or workbook shown (the top bar's switch). */
  source: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let state: State | null = null;
let shownSheet = "";
const shown = document.getElementById("sidebar-wrap")?.dataset["sidebar"];
const shownSidebar: number | null = shown ? Number(shown) : null;
let seenAlerts = 0;
const sourceSelect = document.getElementById("source") as HTMLSelectElement | null;
/** The source this page was rendered for: another one (switched in another tab) reloads the page. */
const pageSource = sourceSelect?.value ?? null;
const userSelect = document.getElementById("user") as HTMLSelectElement | null;
/** The user this page was rendered for: another one (switched in another tab) reloads the page. */
const pageUser = userSelect?.value ?? null;
/** The selected cell, which the edit bar shows: a click on a cell selects it, and so does the add-on (a finding's cell). */
let editing: { sheet: string; row: number; col: number } | null = null;
/** The session's token (the server refuses an /api/ call without it). */
const TOKEN = document.querySelector<HTMLMetaElement>('meta[name="cchc-token"]')?.content ?? "";

const letters = columnLetter;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** A call to the server: its JSON, or an Error with the server's message. */
async function call(path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { "x-cchc-token": TOKEN };
  const init: RequestInit = body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) };
  if (body !== undefined) headers["content-type"] = "application/json";
  const r = await fetch(path, init);
  const data = (await r.json().catch(() => ({}))) as { message?: string };
  if (!r.ok) throw new Error(String(data.message ?? r.statusText));
  return data;
}

const post = (path: string, body: unknown): Promise<unknown> => call(path, body);

function parseCell(a1: string | null): { row: number; col: number } | null {
  const m = a1 ? /^([A-Z]+)(\d+)/.exec(a1) : null;
  if (!m) return null;
  return { row: Number(m[2]), col: lettersToColumn(m[1]!) };
}

function renderTabs(): void {
  const tabs = $("tabs");
  tabs.replaceChildren(
    ...state!.sheets.map((s) => {
      const b = el("button", s.name, s.name === shownSheet ? "tab active" : "tab");
      b.type = "button";
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(s.name === shownSheet));
      b.addEventListener("click", () => {
        shownSheet = s.name;
        render();
      });
      return b;
    }),
  );
}

/** What the grid shows now: rebuilt only when it changes (a province's Số liệu has 20,000 cells). */
let gridKey = "";

/** The grid as HTML text (every value escaped): much faster than a DOM call per cell. */
function gridHtml(sheet: SheetView, width: number): string {
  const invalid = new Set(sheet.invalid);
  const out: string[] = ['<tr><th class="corner"></th>'];
  for (let c = 1; c <= width; c++) out.push(`<th class="colhead">${letters(c)}</th>`);
  out.push("</tr>");
  sheet.values.forEach((row, r) => {
    out.push(r < sheet.frozenRows ? '<tr class="frozen">' : "<tr>", `<th class="rowhead">${r + 1}</th>`);
    for (let c = 0; c < width; c++) {
      const a1 = `${letters(c + 1)}${r + 1}`;
      const bg = sheet.backgrounds[r]?.[c];
      const style = [bg && bg !== "#ffffff" ? `background:${escapeHtml(bg)}` : "", sheet.bold[r]?.[c] ? "font-weight:bold" : ""]
        .filter(Boolean)
        .join(";");
      const check = sheet.checks?.[r]?.[c] ?? null;
      const classes = [check === null ? "" : "check", invalid.has(a1) ? "invalid" : ""].filter(Boolean).join(" ");
      const title = invalid.has(a1) ? `${a1}: không hợp lệ theo quy tắc xác thực dữ liệu` : a1;
      const text = check === null ? escapeHtml(row[c] ?? "") : check ? "☑" : "☐";
      out.push(
        `<td data-cell="${a1}" title="${escapeHtml(title)}"${classes ? ` class="${classes}"` : ""}${check === null ? "" : ` data-checked="${check}"`}${style ? ` style="${style}"` : ""}>${text}</td>`,
      );
    }
    out.push("</tr>");
  });
  return out.join("");
}

function renderGrid(): void {
  const sheet = state!.sheets.find((s) => s.name === shownSheet) ?? state!.sheets[0];
  if (!sheet) return;
  shownSheet = sheet.name;
  const width = Math.max(1, ...sheet.values.map((r) => r.length));
  const key = JSON.stringify([
    sheet.name,
    width,
    sheet.values,
    sheet.backgrounds,
    sheet.bold,
    sheet.frozenRows,
    sheet.checks,
    sheet.invalid,
  ]);
  let table = document.getElementById("grid") as HTMLTableElement | null;
  if (key !== gridKey || !table) {
    gridKey = key;
    table = el("table");
    table.id = "grid";
    table.dataset["sheet"] = sheet.name;
    table.innerHTML = gridHtml(sheet, width);
    table.addEventListener("click", (ev) => {
      const td = (ev.target as HTMLElement).closest("td");
      const cell = parseCell(td?.dataset["cell"] ?? null);
      if (cell) select(sheet.name, cell.row, cell.col);
    });
    $("grid-wrap").replaceChildren(table);
  }
  markSelected();
}

/** The selected cell's content as the grid shows it. */
function shownValue(at: { sheet: string; row: number; col: number }): string {
  return state?.sheets.find((s) => s.name === at.sheet)?.values[at.row - 1]?.[at.col - 1] ?? "";
}

/** Outlines the selected cell, if on the sheet shown. */
function markSelected(): HTMLElement | null {
  document.querySelectorAll("#grid td.selected").forEach((e) => e.classList.remove("selected"));
  const grid = document.getElementById("grid");
  // The edit bar never shows a cell of a sheet that is not on screen (it showed another sheet's A1).
  if (editing && grid && grid.dataset["sheet"] !== editing.sheet) {
    editing = null;
    $("cell-name").textContent = "";
    const input = $<HTMLInputElement>("cell-input");
    input.value = "";
    input.disabled = true;
  }
  if (!editing || !grid || grid.dataset["sheet"] !== editing.sheet) return null;
  const td = grid.querySelector<HTMLElement>(`td[data-cell="${letters(editing.col)}${editing.row}"]`);
  td?.classList.add("selected");
  return td;
}

/** Selects a cell: outlined in the grid, its name and content in the edit bar (a click, or the add-on choosing it). */
function select(sheet: string, row: number, col: number): void {
  editing = { sheet, row, col };
  $("cell-name").textContent = `${letters(col)}${row}`;
  const input = $<HTMLInputElement>("cell-input");
  input.value = shownValue(editing);
  input.disabled = false;
  markSelected();
}

function renderMenu(): void {
  const m = state!.menu;
  $("menu-title").textContent = m.title;
  $("menu-items").replaceChildren(
    ...m.items.map((item) => {
      const b = el("button", item.caption, "menu-item");
      b.type = "button";
      b.setAttribute("role", "menuitem");
      b.addEventListener("click", () => {
        $("menu-items").hidden = true;
        void post("/api/menu", { fn: item.fn }).then(refresh, showError);
      });
      return b;
    }),
  );
}

/** A menu item opened the sidebar again (perhaps to run an action): load the page with it. */
function renderSidebar(): void {
  if (state!.sidebar !== null && state!.sidebar !== shownSidebar) location.reload();
}

function renderAlerts(): void {
  const alerts = state!.alerts;
  if (alerts.length <= seenAlerts) return;
  const a = alerts[alerts.length - 1]!;
  seenAlerts = alerts.length;
  $("alert-title").textContent = a.title;
  $("alert-text").textContent = a.prompt;
  $<HTMLDialogElement>("alert").showModal();
}

/** What a protection means here, under Sheets' own words (which name neither the user nor the rule). */
function protectionHelp(): string {
  const who = pageUser ? `Tài khoản ${pageUser}` : "Bạn";
  return (
    `${who} không được sửa ô này. Chỉ người duyệt sửa trang Đơn vị, Chỉ tiêu, các dòng tiêu đề, các kỳ trước và các trang của tiện ích; ` +
    "dòng của mỗi đơn vị trong kỳ đang nhập chỉ người nhập liệu của đơn vị đó và người duyệt sửa được, cho đến khi nộp."
  );
}

/** Sheets refused the input (a protection, or a validation that rejects invalid data): its dialog; the cell keeps its content. */
function showRejected(
  result: { reason?: string; message: string; helpText: string },
  at: { sheet: string; row: number; col: number },
): void {
  $("rejected-text").textContent = result.message;
  $("rejected-help").textContent = result.helpText || (result.reason === "protected" ? protectionHelp() : "");
  $<HTMLInputElement>("cell-input").value = shownValue(at);
  $<HTMLDialogElement>("rejected").showModal();
}

function showError(e: unknown): void {
  $("status").textContent = `Lỗi: ${e instanceof Error ? e.message : String(e)}`;
}

function render(): void {
  if (!state) return;
  if (pageSource !== null && state.source !== pageSource) {
    location.reload();
    return;
  }
  renderTabs();
  renderGrid();
  renderMenu();
  renderSidebar();
  renderAlerts();
  $("today").textContent = state.today;
}

async function refresh(): Promise<void> {
  const next = (await call("/api/state")) as State;
  const activeChanged = !state || next.activeSheet !== state.activeSheet || next.activeCell !== state.activeCell;
  // The add-on selected a cell (a finding's, or A1 on opening): it becomes the page's selection, as in Sheets.
  const moved = activeChanged && next.activeCell ? parseCell(next.activeCell) : null;
  if (moved) shownSheet = next.activeSheet;
  if (!shownSheet) shownSheet = next.activeSheet;
  if (!state) seenAlerts = next.alerts.length; // alerts shown before this page load are not shown again
  state = next;
  render();
  if (moved && !(pageSource !== null && next.source !== pageSource)) {
    // The page may have selected that cell already (a finding's, before the server answered) and the user begun
    // typing in it: selecting it again would put the cell's old content back over what they typed.
    const same = editing?.sheet === next.activeSheet && editing.row === moved.row && editing.col === moved.col;
    if (!same) select(next.activeSheet, moved.row, moved.col);
    markSelected()?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

async function poll(): Promise<void> {
  try {
    const { version, user } = (await call("/api/version")) as { version: number; user?: string };
    if (pageUser !== null && user !== undefined && user !== pageUser) {
      location.reload(); // another tab switched the user
      return;
    }
    if (!state || version !== state.version) await refresh();
  } catch (e) {
    // The server stopped, or refused (a restarted server has another token: the page must be reloaded).
    $("status").textContent =
      e instanceof TypeError ? "Mất kết nối với máy chủ xem trước (npm start đã dừng?)." : `Lỗi: ${(e as Error).message}`;
  }
  setTimeout(() => void poll(), 700);
}

/** The sidebar asked to select a cell (a finding's): shown at once, on its sheet, before the server answers. */
function selectNow(sheet: string, a1: string): void {
  const at = parseCell(a1);
  if (!state || !at || !state.sheets.some((s) => s.name === sheet)) return;
  shownSheet = sheet;
  render();
  select(sheet, at.row, at.col);
  markSelected()?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function start(): void {
  window.addEventListener("cchc:select", (e) => {
    const d = (e as CustomEvent<{ sheet: string; cell: string }>).detail;
    selectNow(String(d.sheet), String(d.cell));
  });
  $("menu-button").addEventListener("click", () => {
    const items = $("menu-items");
    items.hidden = !items.hidden;
  });
  $("alert-ok").addEventListener("click", () => $<HTMLDialogElement>("alert").close());
  sourceSelect?.addEventListener("change", () => {
    sourceSelect.disabled = true;
    $("status").textContent = "Đang mở dữ liệu…";
    void post("/api/source", { id: sourceSelect.value }).then(
      () => location.reload(),
      (e) => {
        sourceSelect.disabled = false;
        showError(e);
      },
    );
  });
  userSelect?.addEventListener("change", () => {
    userSelect.disabled = true;
    $("status").textContent = "Đang chuyển người dùng…";
    void post("/api/user", { email: userSelect.value }).then(
      () => location.reload(),
      (e) => {
        userSelect.value = pageUser ?? "";
        userSelect.disabled = false;
        showError(e);
      },
    );
  });
  $("cell-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!editing) return;
    const value = $<HTMLInputElement>("cell-input").value;
    const at = editing;
    void post("/api/cell", { ...at, value }).then((r) => {
      const result = r as EditResult;
      if (!result.ok) showRejected(result, at);
      return refresh();
    }, showError);
  });
  $("rejected-ok").addEventListener("click", () => $<HTMLDialogElement>("rejected").close());
  void refresh().then(() => void poll());
}

start();
