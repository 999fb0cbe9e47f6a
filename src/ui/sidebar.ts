/**
 * The sidebar: a period picker, SPEC's three buttons, progress, the findings
 * (a click selects the cell), the units that have not submitted and the
 * indicators of the whole reporting body against targets and the earlier
 * periods. Every string from a sheet goes on screen through textContent,
 * never as markup.
 */
import type { HighlightResult, SidebarState } from "../gas/actions";
import type { ReportSettings } from "../core/settings";
import type { FindingView, IndicatorView, ValidationView } from "../core/view";
import { serverCall } from "./server";

type Action = "validate" | "highlight" | "report";

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

const PROGRESS: Record<Action, string> = {
  validate: "Đang kiểm tra số liệu…",
  highlight: "Đang tô sáng các chỉ tiêu chưa đạt…",
  report: "Đang tạo báo cáo quý (có thể mất vài chục giây)…",
};

let busy = false;

function setBusy(action: Action | null): void {
  busy = action !== null;
  document.querySelectorAll<HTMLButtonElement>("button[data-action]").forEach((b) => (b.disabled = busy));
  $<HTMLSelectElement>("period").disabled = busy;
  $("progress").hidden = !busy;
  $("progress-text").textContent = action ? PROGRESS[action] : "";
}

function showError(message: string): void {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return `Không thực hiện được: ${text.replace(/^(Exception|Error):\s*/, "") || "lỗi không rõ nguyên nhân"}`;
}

function period(): string {
  return $<HTMLSelectElement>("period").value;
}

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

function showResult(text: string): void {
  const box = $("result");
  box.textContent = text;
  box.hidden = !text;
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

const SETTING_FIELDS = [
  "parentBody",
  "issuingBody",
  "name",
  "place",
  "numberSuffix",
  "signerAuthority",
  "signerTitle",
  "signerName",
] as const;

function fillSettings(s: ReportSettings): void {
  for (const f of SETTING_FIELDS) $<HTMLInputElement>(`s-${f}`).value = s[f];
  $<HTMLTextAreaElement>("s-recipients").value = s.recipients.join("\n");
}

function readSettings(): ReportSettings {
  const out = {} as Record<string, unknown>;
  for (const f of SETTING_FIELDS) out[f] = $<HTMLInputElement>(`s-${f}`).value;
  out["recipients"] = $<HTMLTextAreaElement>("s-recipients")
    .value.split("\n")
    .map((x) => x.trim())
    .filter(Boolean);
  return out as unknown as ReportSettings;
}

function setupSettings(): void {
  const form = $<HTMLFormElement>("settings-form");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const status = $("settings-status");
    status.textContent = "Đang lưu…";
    serverCall("saveSettings", readSettings())
      .then((saved) => {
        fillSettings(saved);
        status.textContent = "Đã lưu.";
      })
      .catch((e) => {
        status.textContent = "";
        showError(messageOf(e));
      });
  });
  serverCall("getSettings").then(fillSettings, (e) => showError(messageOf(e)));
}

async function start(): Promise<void> {
  setupSettings();
  document
    .querySelectorAll<HTMLButtonElement>("button[data-action]")
    .forEach((b) => b.addEventListener("click", () => void run(b.dataset["action"] as Action)));
  const select = $<HTMLSelectElement>("period");
  try {
    const state: SidebarState = await serverCall("sidebarState");
    select.replaceChildren(
      ...state.periods.map((p) => {
        const o = el("option", { text: p === state.currentPeriod ? `${p} (kỳ hiện tại)` : p });
        o.value = p;
        return o;
      }),
    );
    select.value = state.currentPeriod;
    if (state.notice) {
      $("notice").textContent = state.notice;
      $("notice").hidden = false;
    }
    setBusy(null);
    const autorun = $("app").dataset["autorun"] as Action | "";
    if (autorun) await run(autorun);
  } catch (e) {
    select.replaceChildren(el("option", { text: "—" }));
    showError(messageOf(e));
  }
}

void start();
