/**
 * The sidebar: a period picker, SPEC's three buttons, progress, the findings
 * (a click selects the cell), the units that have not submitted and the
 * indicators of the whole reporting body against targets and the earlier
 * periods; set-up (the level and name first) and the report's settings.
 * Every string from a sheet goes on screen through textContent, never as
 * markup; every word that names the level comes from the settings or the
 * server's view.
 */
import type { HighlightResult, SidebarState } from "../gas/actions";
import { applyLevel, LEVELS, levelWords, type Level, type PeriodRule, type ReportSettings } from "../core/settings";
import type { FindingView, IndicatorView, ValidationView } from "../core/view";
import { serverCall } from "./server";

type Action = "validate" | "highlight" | "report";
type Work = Action | "setup";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const c of children) node.appendChild(c);
  return node;
}

function option(value: string, text: string): HTMLOptionElement {
  const o = el("option", { text });
  o.value = value;
  return o;
}

const PROGRESS: Record<Work, string> = {
  validate: "Đang kiểm tra số liệu…",
  highlight: "Đang tô sáng các chỉ tiêu chưa đạt…",
  report: "Đang tạo báo cáo quý (có thể mất vài chục giây)…",
  setup: "Đang thiết lập bảng tính…",
};

/** The period rules as a clerk reads them. */
const PERIOD_RULE_TEXT: Record<PeriodRule, string> = {
  "15-14": "Từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP)",
  calendar: "Theo quý dương lịch",
};

/** "Tỉnh" for tỉnh: the level as an option of a select. */
function levelText(level: Level): string {
  return level.charAt(0).toLocaleUpperCase("vi-VN") + level.slice(1);
}

function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

let busy = false;

function setBusy(work: Work | null): void {
  busy = work !== null;
  document.querySelectorAll<HTMLButtonElement>("button[data-action]").forEach((b) => (b.disabled = busy));
  $<HTMLButtonElement>("btn-setup").disabled = busy;
  $<HTMLSelectElement>("period").disabled = busy;
  $("progress").hidden = !busy;
  $("progress-text").textContent = work ? PROGRESS[work] : "";
}

function showIn(id: string, message: string): void {
  const box = $(id);
  box.textContent = message;
  box.hidden = !message;
}

function showError(message: string): void {
  showIn("error", message);
}

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^(Exception|Error):\s*/, "") || "lỗi không rõ nguyên nhân";
}

function messageOf(e: unknown): string {
  return `Không thực hiện được: ${reason(e)}`;
}

function period(): string {
  return $<HTMLSelectElement>("period").value;
}

// ---------------------------------------------------------------- results

function renderMissing(view: ValidationView): void {
  const list = $("missing-list");
  list.replaceChildren(...view.missing.map((m) => el("li", { text: `${m.name} (${m.code})` })));
  $("missing").hidden = view.missing.length === 0;
}

function findingNode(f: FindingView): HTMLElement {
  const parts = [el("span", { className: "sev", text: `${f.severityText}: ` })];
  if (f.cell) parts.unshift(el("span", { className: "cell", text: f.cell }));
  const text = el("span", { text: f.message });
  if (!f.cell) return el("div", { className: `finding ${f.severity}` }, ...parts, text);
  const button = el("button", { className: `finding ${f.severity}` }, ...parts, text);
  button.type = "button";
  button.title = `Chọn ô ${f.cell} trên trang ${f.sheet}`;
  button.addEventListener("click", () => {
    serverCall("selectCell", f.sheet, f.cell!).catch((e) => showError(messageOf(e)));
  });
  return button;
}

function renderFindings(view: ValidationView): void {
  const when = view.periodRange ? `Kỳ ${view.period} (${view.periodRange})` : `Kỳ ${view.period}`;
  const counts = view.errorCount + view.warningCount === 0 ? "không có lỗi." : `${view.errorCount} lỗi, ${view.warningCount} cảnh báo.`;
  $("findings-summary").textContent = `${when}: ${counts} ${view.submitted}/${view.expected} đơn vị đã nộp.`;
  $("findings-list").replaceChildren(
    ...view.groups.map((g) => {
      const counts = [g.errors ? `${g.errors} lỗi` : "", g.warnings ? `${g.warnings} cảnh báo` : ""].filter(Boolean).join(", ");
      const details = el(
        "details",
        {},
        el("summary", { text: `${g.name}${g.unit && g.unit !== g.name ? ` (${g.unit})` : ""}: ${counts}` }),
        ...g.findings.map(findingNode),
      );
      details.open = g.errors > 0;
      return details;
    }),
  );
  $("findings").hidden = false;
}

/** A value of an earlier period: "—" when it has none, the period in the cell's title. */
function earlierCell(text: string, periodId: string, className: string): HTMLTableCellElement {
  const cell = el("td", { className: `num ${className}`, text: text || "—" });
  cell.title = text ? `Kỳ ${periodId}: ${text}` : `Kỳ ${periodId}: không có số liệu`;
  return cell;
}

function indicatorRow(i: IndicatorView, view: ValidationView): HTMLTableRowElement {
  const meter = el("div", { className: "meter" }, el("span"));
  (meter.firstChild as HTMLElement).style.width = `${Math.round(i.bar * 100)}%`;
  const nameCell = el("td", {}, el("span", { text: i.name }), meter);
  if (i.gapText) nameCell.appendChild(el("span", { className: "gap", text: i.gapText }));
  if (i.excludedText) nameCell.appendChild(el("span", { className: "excluded", text: i.excludedText }));
  const status = i.met === false ? "Chưa đạt" : i.met === true ? "Đạt" : "";
  const row = el(
    "tr",
    { className: i.met === false ? "missed" : i.met === true ? "met" : "" },
    nameCell,
    el("td", { className: "num value", text: i.valueText || "—" }),
    earlierCell(i.previousText, view.previousPeriod, "previous"),
    earlierCell(i.yearAgoText, view.yearAgoPeriod, "year-ago"),
    el("td", { className: "num target", text: i.targetText || "không có" }),
  );
  row.title = status ? `${i.name}: ${status}` : i.name;
  row.dataset["code"] = i.code;
  return row;
}

function renderIndicators(view: ValidationView): void {
  $("indicators-title").textContent = view.scopeTitle;
  $("th-previous-period").textContent = view.previousPeriod;
  $("th-yearago-period").textContent = view.yearAgoPeriod;
  $("indicator-rows").replaceChildren(...view.indicators.map((i) => indicatorRow(i, view)));
  $("indicators").hidden = false;
}

function renderView(view: ValidationView): void {
  renderMissing(view);
  renderFindings(view);
  renderIndicators(view);
}

/** Results worded for other settings (another level, name or period rule) are taken off the screen. */
function clearView(): void {
  for (const id of ["missing", "findings", "indicators", "result"]) $(id).hidden = true;
}

function sameScope(a: ReportSettings, b: ReportSettings): boolean {
  return a.level === b.level && a.name === b.name && a.periodRule === b.periodRule;
}

function showResult(text: string): void {
  showIn("result", text);
}

async function run(action: Action): Promise<void> {
  if (busy) return;
  showError("");
  showResult("");
  setBusy(action);
  try {
    if (action === "validate") {
      renderView(await serverCall("validatePeriod", period()));
    } else if (action === "highlight") {
      const r: HighlightResult = await serverCall("highlightPeriod", period());
      renderView(r.view);
      showResult(r.message);
    } else {
      const r = await serverCall("generateReport", period());
      const link = $<HTMLAnchorElement>("report-link");
      link.href = r.url;
      link.textContent = `Mở báo cáo: ${r.name}`;
      $("report").hidden = false;
      showResult(`Đã tạo báo cáo kỳ ${r.period} thành một tài liệu mới.`);
    }
  } catch (e) {
    showError(messageOf(e));
  } finally {
    setBusy(null);
  }
}

// ---------------------------------------------------------------- settings

/** The settings as stored, or null while nobody has saved them (set-up then asks for the level first). */
let stored: ReportSettings | null = null;
/** The settings in effect (stored or the defaults), as the last results on screen were worded for. */
let effective: ReportSettings | null = null;
/** The level and name the form's other fields were last filled for: a change of either is measured from it. */
let formBase: Pick<ReportSettings, "level" | "name"> | null = null;

const TEXT_FIELDS = ["name", "parentBody", "issuingBody", "place", "numberSuffix", "signerAuthority", "signerTitle", "signerName"] as const;

function setValue(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  if (control.value !== value) control.value = value; // leaves the caret alone in the field being typed in
}

/** "Chỉ ghi tên, không ghi chữ “tỉnh” (báo cáo ghi “tỉnh Quảng Trị”).": the name's hint follows the level. */
function nameHint(level: string, name: string): string {
  if (!isLevel(level)) return "Chọn cấp báo cáo, rồi ghi tên địa phương (không ghi chữ chỉ cấp).";
  const trimmed = name.trim();
  const head = `Chỉ ghi tên, không ghi chữ “${level}”`;
  return trimmed ? `${head} (báo cáo ghi “${levelWords({ level, name: trimmed }).body}”).` : `${head}.`;
}

function fillSettings(s: ReportSettings): void {
  setValue($<HTMLSelectElement>("s-level"), s.level);
  setValue($<HTMLSelectElement>("s-periodRule"), s.periodRule);
  for (const f of TEXT_FIELDS) setValue($<HTMLInputElement>(`s-${f}`), s[f]);
  setValue($<HTMLTextAreaElement>("s-recipients"), s.recipients.join("\n"));
  $("s-name-hint").textContent = nameHint(s.level, $<HTMLInputElement>("s-name").value);
  formBase = { level: s.level, name: s.name.trim() };
  $<HTMLButtonElement>("settings-save").disabled = false;
}

function readSettings(): ReportSettings {
  const out = {} as Record<string, unknown>;
  out["level"] = $<HTMLSelectElement>("s-level").value;
  out["periodRule"] = $<HTMLSelectElement>("s-periodRule").value;
  for (const f of TEXT_FIELDS) out[f] = $<HTMLInputElement>(`s-${f}`).value;
  out["recipients"] = $<HTMLTextAreaElement>("s-recipients")
    .value.split("\n")
    .map((x) => x.trim())
    .filter(Boolean);
  return out as unknown as ReportSettings;
}

/** A change of level or name: fields left at the old defaults take the new ones; what the user typed stays. */
function onLevelOrName(): void {
  const current = readSettings();
  if (!formBase || !isLevel(current.level)) return;
  const name = current.name.trim();
  const next = applyLevel({ ...current, level: formBase.level, name: formBase.name }, current.level, name);
  fillSettings({ ...next, name: current.name }); // the name field stays as typed, spaces and all
}

function setupSettingsForm(): void {
  $<HTMLSelectElement>("s-level").replaceChildren(...LEVELS.map((l) => option(l, levelText(l))));
  $<HTMLSelectElement>("s-periodRule").replaceChildren(
    ...(Object.keys(PERIOD_RULE_TEXT) as PeriodRule[]).map((r) => option(r, PERIOD_RULE_TEXT[r])),
  );
  $("s-level").addEventListener("change", onLevelOrName);
  $("s-name").addEventListener("input", onLevelOrName);
  const form = $<HTMLFormElement>("settings-form");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const status = $("settings-status");
    status.textContent = "Đang lưu…";
    showIn("settings-error", "");
    serverCall("saveSettings", readSettings())
      .then(async (saved) => {
        stored = saved;
        fillSettings(saved);
        status.textContent = "Đã lưu.";
        await refreshState(false); // the period rule decides the current period
      })
      .catch((e) => {
        status.textContent = "";
        showIn("settings-error", `Chưa lưu được: ${reason(e)}`);
      });
  });
}

// ---------------------------------------------------------------- set-up

/** sidebarState's notice says a sheet is missing: the notice then offers set-up. */
let sheetsMissing = false;

/** sidebarState's notice for a sheet that does not exist (a missing column is not set-up's to fix). */
function noticeNeedsSetup(notice: string): boolean {
  return /Không tìm thấy trang/i.test(notice);
}

function updateSetupOpeners(): void {
  const open = !$("setup").hidden;
  const fromNotice = $<HTMLButtonElement>("setup-open-notice");
  const fromSettings = $<HTMLButtonElement>("setup-open-settings");
  fromNotice.hidden = open || !sheetsMissing;
  fromSettings.hidden = open;
  for (const b of [fromNotice, fromSettings]) b.setAttribute("aria-expanded", String(open));
}

function showSetupHint(): void {
  $("setup-name-hint").textContent = nameHint($<HTMLSelectElement>("setup-level").value, $<HTMLInputElement>("setup-name").value);
}

function openSetup(): void {
  const panel = $("setup");
  if (panel.hidden) {
    setValue($<HTMLSelectElement>("setup-level"), stored?.level ?? "");
    setValue($<HTMLInputElement>("setup-name"), stored?.name ?? "");
    $("setup-status").textContent = "";
    showIn("setup-error", "");
    showSetupHint();
    panel.hidden = false;
  }
  updateSetupOpeners();
  panel.scrollIntoView({ block: "nearest" });
  $(stored ? "btn-setup" : "setup-level").focus();
}

function closeSetup(): void {
  $("setup").hidden = true;
  updateSetupOpeners();
  const back = $<HTMLButtonElement>("setup-open-notice");
  (back.hidden ? $("setup-open-settings") : back).focus();
}

async function runSetup(): Promise<void> {
  if (busy) return;
  const levelBox = $<HTMLSelectElement>("setup-level");
  const nameBox = $<HTMLInputElement>("setup-name");
  const level = levelBox.value;
  const name = nameBox.value.trim();
  $("setup-status").textContent = "";
  if (!isLevel(level)) {
    showIn("setup-error", "Hãy chọn cấp báo cáo.");
    levelBox.focus();
    return;
  }
  if (!name) {
    showIn("setup-error", "Hãy nhập tên địa phương.");
    nameBox.focus();
    return;
  }
  showIn("setup-error", "");
  showError("");
  const changed = !stored || stored.level !== level || stored.name !== name;
  setBusy("setup");
  try {
    const r = changed ? await serverCall("setupSheets", level, name) : await serverCall("setupSheets");
    $("setup-status").textContent = r.message;
    await refreshState(changed);
  } catch (e) {
    showIn("setup-error", messageOf(e));
  } finally {
    setBusy(null);
  }
}

function setupSetupPanel(): void {
  $<HTMLSelectElement>("setup-level").append(...LEVELS.map((l) => option(l, levelText(l))));
  $("setup-level").addEventListener("change", showSetupHint);
  $("setup-name").addEventListener("input", showSetupHint);
  $("btn-setup").addEventListener("click", () => void runSetup());
  $("setup-close").addEventListener("click", closeSetup);
  for (const id of ["setup-open-notice", "setup-open-settings"]) $(id).addEventListener("click", openSetup);
}

// ---------------------------------------------------------------- start

/** Reads the periods, the notice and the settings again; `refill` puts the stored settings back in the form. */
async function refreshState(refill: boolean): Promise<void> {
  const state: SidebarState = await serverCall("sidebarState");
  const select = $<HTMLSelectElement>("period");
  const chosen = select.value;
  select.replaceChildren(...state.periods.map((p) => option(p, p === state.currentPeriod ? `${p} (kỳ hiện tại)` : p)));
  select.value = state.periods.includes(chosen) && !refill ? chosen : state.currentPeriod;
  $("notice").textContent = state.notice;
  $("notice-box").hidden = !state.notice;
  sheetsMissing = noticeNeedsSetup(state.notice);
  updateSetupOpeners();
  if (effective && !sameScope(effective, state.settings)) clearView();
  effective = state.settings;
  stored = state.settingsSaved ? state.settings : null;
  if (refill || !formBase) fillSettings(state.settings);
}

async function start(): Promise<void> {
  setupSettingsForm();
  setupSetupPanel();
  document
    .querySelectorAll<HTMLButtonElement>("button[data-action]")
    .forEach((b) => b.addEventListener("click", () => void run(b.dataset["action"] as Action)));
  try {
    await refreshState(true);
    setBusy(null);
    const autorun = $("app").dataset["autorun"] as Work | "";
    if (autorun === "setup") openSetup();
    else if (autorun) await run(autorun);
  } catch (e) {
    $<HTMLSelectElement>("period").replaceChildren(el("option", { text: "—" }));
    showError(messageOf(e));
    serverCall("getSettings").then(
      (s) => {
        if (!formBase) fillSettings(s);
      },
      () => undefined,
    );
  }
}

void start();
