/**
 * The sidebar: a period picker, SPEC's three buttons, progress, the findings
 * (a click selects the cell), the units that have not submitted and the
 * indicators of the whole reporting body against targets and the earlier
 * periods; submission and approval ("Nộp và duyệt số liệu": the clerk's
 * units with "Nộp số liệu", the reviewer's table of every unit with
 * "Trả lại", "Duyệt", "Mở lại" and "Chuẩn bị kỳ báo cáo"); set-up (the level
 * and name first) and the report's settings. Every string from a sheet goes
 * on screen through textContent (`el`), never as markup; every word that
 * names the level comes from the settings or the server's view. The server
 * checks every permission again: the buttons shown are a convenience.
 */
import type { HighlightResult, SidebarState } from "../gas/actions";
import type { ApprovalResult, ApprovalView, PrepareResult, UnitApproval } from "../gas/approval";
import { type Action as ApprovalAction, STATUSES, type Status, statusCountText, TRANSITIONS } from "../core/approval";
import { parsePeriod, periodText, periodWords } from "../core/period";
import { applyLevel, LEVELS, levelWords, type Level, type PeriodRule, type ReportSettings } from "../core/settings";
import type { FindingView, IndicatorView, ValidationView } from "../core/view";
import { serverCall } from "./server";
import { answer, isListLevel, type LoadedList, loadList, previewRows, previewText, suggest } from "./setup-picker";

type Action = "validate" | "highlight" | "report";
type Work = Action | "setup" | "prepare" | ApprovalAction;
type SetupUnits = import("../core/setup").SetupUnit[];

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
  prepare: "Đang chuẩn bị kỳ báo cáo (thêm dòng, bảo vệ dòng của từng đơn vị)…",
  submit: "Đang nộp số liệu…",
  return: "Đang trả lại số liệu…",
  approve: "Đang duyệt số liệu…",
  reopen: "Đang mở lại dòng…",
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
  // Highlighting marks a quarter's rows: a span (6 tháng, 9 tháng, năm) has none of its own.
  const span = !!parsePeriod(period())?.span;
  document
    .querySelectorAll<HTMLButtonElement>("button[data-action]")
    .forEach((b) => (b.disabled = busy || (span && b.dataset["action"] === "highlight")));
  $("btn-highlight").title = span ? "Tô sáng làm theo từng quý: hãy chọn một quý." : "";
  $<HTMLButtonElement>("btn-setup").disabled = busy;
  $<HTMLSelectElement>("period").disabled = busy;
  document
    .querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("#approval button, #approval input, #approval select")
    .forEach((c) => (c.disabled = busy));
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
  list.replaceChildren(...view.missing.map((m) => el("li", { text: `${m.name} (${m.code})${m.note ? `: ${m.note}` : ""}` })));
  // A span also lists the units that lack one of its quarters.
  $("missing-title").textContent = parsePeriod(view.period)?.span ? "Đơn vị chưa nộp đủ số liệu các quý" : "Đơn vị chưa nộp số liệu";
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
  const when = view.periodRange ? `${view.periodLabel} (${view.periodRange})` : view.periodLabel;
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
  const words = periodText(periodId, effective?.periodRule);
  cell.title = text ? `${words}: ${text}` : `${words}: không có số liệu`;
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
    // A span compares with the same span a year before only: no previous-quarter column.
    ...(view.previousPeriod ? [earlierCell(i.previousText, view.previousPeriod, "previous")] : []),
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
  $("th-previous").hidden = !view.previousPeriod;
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
    // What the click gave comes first, in view (the approval list, up to a province's 94 rows, is below it).
    if (action === "validate") {
      renderView(await serverCall("validatePeriod", period()));
      $("findings").scrollIntoView({ block: "start" });
    } else if (action === "highlight") {
      const r: HighlightResult = await serverCall("highlightPeriod", period());
      renderView(r.view);
      showResult(r.message);
      $("result").scrollIntoView({ block: "start" });
    } else {
      const r = await serverCall("generateReport", period());
      const link = $<HTMLAnchorElement>("report-link");
      link.href = r.url;
      link.textContent = `Mở báo cáo: ${r.name}`;
      $("report").hidden = false;
      showResult(`Đã tạo báo cáo ${periodText(r.period, effective?.periodRule)} thành một tài liệu mới.`);
      $("result").scrollIntoView({ block: "start" });
    }
  } catch (e) {
    showError(messageOf(e));
  } finally {
    setBusy(null);
  }
}

// ---------------------------------------------------------------- submission and approval

/** The approval view on screen (null until loaded, or after a failure to load). */
let approval: ApprovalView | null = null;
/** Each load or action takes a number: an answer that is not the latest one is dropped (a slow load after an action's state). */
let approvalSeq = 0;
/** The unit the clerk picked while Google withholds the email. */
let pickedUnit = "";
/** The reviewer's status filter ("" for every unit). */
let approvalFilter: Status | "" = "";

const FILTER_ALL = "";

/** Whether the action may move a row in `status` (TRANSITIONS of src/core/approval.ts; the server checks again). */
function allowed(action: ApprovalAction, status: Status): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** A CSS class for a status: its words without diacritics ("Đã nộp" → "st-da-nop"). */
function statusClass(status: Status): string {
  const plain = status
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
  return `st-${plain.replace(/\s+/g, "-")}`;
}

function badge(status: Status): HTMLElement {
  return el("span", { className: `badge ${statusClass(status)}`, text: status });
}

/** A status typed by hand that the log does not back: "ô Trạng thái ghi “Đã duyệt” nhưng nhật ký ghi “Đang nhập”". */
function cellStatusWarning(u: UnitApproval): string {
  if (u.cellStatus === null) return "";
  const cell = u.cell ? ` (${u.cell})` : "";
  const said = u.cellStatus.trim() === "" ? "để trống" : `ghi “${u.cellStatus}”`;
  return `Ô Trạng thái${cell} ${said} nhưng nhật ký ghi “${u.status}”; tiện ích theo nhật ký.`;
}

function unitLabel(u: UnitApproval): string {
  return u.code && u.code !== u.name ? `${u.name} (${u.code})` : u.name;
}

function clearApprovalMessages(): void {
  showIn("approval-error", "");
  showIn("approval-status", "");
  $("approval-findings").replaceChildren();
  $("approval-findings").hidden = true;
}

function showApprovalFindings(findings: readonly FindingView[]): void {
  const box = $("approval-findings");
  box.replaceChildren(...findings.map(findingNode));
  box.hidden = findings.length === 0;
}

/** A message of an approval action, scrolled into view (the row clicked may be far below it). */
function showApprovalMessage(id: "approval-error" | "approval-status", text: string): void {
  showIn(id, text);
  if (text) $(id).scrollIntoView?.({ block: "nearest" });
}

function clerkItem(u: UnitApproval): HTMLLIElement {
  const li = el("li", { className: "mine" });
  li.dataset["unit"] = u.code;
  li.append(
    el("span", { className: "unit-name", text: unitLabel(u) }),
    el("span", { className: "line" }, el("span", { text: "Trạng thái: " }), badge(u.status)),
  );
  if (u.note) li.append(el("span", { className: "line review-note", text: `Ý kiến: ${u.note}` }));
  if (u.row === null) li.append(el("span", { className: "line hint", text: "Chưa có dòng của kỳ này trong trang số liệu." }));
  else if (!u.entered) li.append(el("span", { className: "line hint", text: "Chưa nhập số liệu." }));
  else if (u.errors > 0) li.append(el("span", { className: "line errors", text: `Còn ${u.errors} lỗi.` }));
  const warning = cellStatusWarning(u);
  if (warning) li.append(el("span", { className: "line warning", text: warning }));
  if (allowed("submit", u.status)) {
    const b = el("button", { className: "primary", text: TRANSITIONS.submit.label });
    b.type = "button";
    b.disabled = busy;
    b.addEventListener("click", () => void runApproval("submit", u));
    li.append(el("div", { className: "buttons" }, b));
  } else {
    const why = u.status === "Đã nộp" ? "Đã nộp, chờ người duyệt." : "Đã duyệt: dòng đã khóa, chỉ người duyệt sửa được.";
    li.append(el("span", { className: "line hint", text: why }));
  }
  return li;
}

function renderClerk(view: ApprovalView): void {
  const pickBox = $("approval-pick-box");
  const pick = $<HTMLSelectElement>("approval-pick");
  let mine = view.units.filter((u) => u.mine);
  const picking = view.user === "";
  pickBox.hidden = !picking;
  if (picking) {
    if (!view.units.some((u) => u.code === pickedUnit)) pickedUnit = "";
    pick.replaceChildren(option("", "— Chọn đơn vị —"), ...view.units.map((u) => option(u.code, unitLabel(u))));
    pick.value = pickedUnit;
    mine = view.units.filter((u) => u.code === pickedUnit);
  }
  const list = $("approval-mine");
  list.replaceChildren(...mine.map(clerkItem));
  if (!picking && mine.length === 0 && !view.reviewer) {
    list.append(
      el("li", {
        className: "hint",
        text: `Tài khoản ${view.user} không có trong ô “Email nhập liệu” của đơn vị nào phải nộp ${view.periodLabel}. Nếu bạn nhập số liệu cho một đơn vị, hãy nhờ người duyệt ghi email của bạn vào trang Đơn vị.`,
      }),
    );
  }
  $("approval-clerk").hidden = !(picking || mine.length > 0 || !view.reviewer);
}

/** The reviewer's buttons of a row: each only where TRANSITIONS allow it from the row's status. */
function rowActions(u: UnitApproval): HTMLElement {
  const box = el("div", { className: "row-actions" });
  let reason: HTMLInputElement | null = null;
  if (allowed("return", u.status) || allowed("reopen", u.status)) {
    reason = el("input");
    reason.type = "text";
    reason.maxLength = 500;
    reason.setAttribute("aria-label", "Lý do trả lại");
    reason.placeholder = allowed("reopen", u.status) ? "Lý do trả lại (ghi chú khi mở lại)" : "Lý do trả lại";
    reason.disabled = busy;
    box.append(reason);
  }
  const button = (action: ApprovalAction, title: string) => {
    const b = el("button", { className: `act act-${action}`, text: TRANSITIONS[action].label });
    b.type = "button";
    b.title = title;
    b.disabled = busy;
    b.addEventListener("click", () => void runApproval(action, u, reason));
    return b;
  };
  const buttons = el("div", { className: "act-buttons" });
  if (allowed("return", u.status)) buttons.append(button("return", `Trả lại số liệu của ${u.name} kèm lý do; dòng mở lại cho đơn vị sửa.`));
  if (allowed("approve", u.status))
    buttons.append(button("approve", `Duyệt số liệu của ${u.name}; dòng khóa lại, chỉ người duyệt sửa được.`));
  if (allowed("reopen", u.status)) buttons.append(button("reopen", `Mở lại dòng của ${u.name} cho đơn vị sửa.`));
  if (buttons.childElementCount) box.append(buttons);
  return box;
}

function reviewerRow(u: UnitApproval): HTMLTableRowElement {
  const nameCell = el("td", {}, el("span", { className: "unit-name", text: unitLabel(u) }));
  if (u.note) nameCell.append(el("span", { className: "line review-note", text: `Ý kiến: ${u.note}` }));
  if (u.row === null) nameCell.append(el("span", { className: "line hint", text: "Chưa có dòng của kỳ này." }));
  else if (!u.entered) nameCell.append(el("span", { className: "line hint", text: "Chưa nhập số liệu." }));
  if (u.emails.length === 0)
    nameCell.append(el("span", { className: "line hint", text: "Chưa có email nhập liệu: dòng mở cho mọi người sửa." }));
  const warning = cellStatusWarning(u);
  if (warning) nameCell.append(el("span", { className: "line warning", text: warning }));
  if (u.changed)
    nameCell.append(el("span", { className: "line warning", text: "Số liệu đã bị sửa sau khi nộp: hãy trả lại để đơn vị nộp lại." }));
  const actions = rowActions(u);
  if (actions.childElementCount) nameCell.append(actions);
  const errors = el("td", { className: `num${u.errors ? " has-errors" : ""}`, text: u.entered ? String(u.errors) : "—" });
  errors.title = u.entered ? `${u.errors} lỗi, ${u.warnings} cảnh báo` : "Chưa nhập số liệu";
  const row = el("tr", { className: statusClass(u.status) }, nameCell, el("td", {}, badge(u.status)), errors);
  row.dataset["unit"] = u.code;
  return row;
}

const DRIFT_WORDS: Record<ApprovalView["drift"][number]["kind"], string> = {
  missing: "đã bị gỡ",
  moved: "lệch khỏi dòng của đơn vị (trang đã bị sắp xếp, chèn hoặc xóa dòng)",
  editors: "có người được sửa khác với Thông tin báo cáo",
  open: "mở sai dòng",
  extra: "thừa",
  description: "đã bị đổi mô tả",
  warning: "đã bị đổi thành chỉ cảnh báo",
};
const SHEET_WORDS: Record<string, string> = {
  "so-lieu": "trang “Số liệu”",
  "tieu-de": "dòng tiêu đề trang “Số liệu”",
  "don-vi": "trang “Đơn vị”",
  "chi-tieu": "trang “Chỉ tiêu”",
  "nhat-ky": "trang “Nhật ký CCHC”",
  "ket-qua": "trang “Kết quả CCHC”",
};

/** "Bảo vệ dòng của Xã A lệch khỏi dòng của đơn vị (…)." */
export function driftText(d: ApprovalView["drift"][number]): string {
  const what = d.key.startsWith("dong:") ? `dòng của ${d.name}` : (SHEET_WORDS[d.key] ?? d.key);
  return `Bảo vệ ${what} ${DRIFT_WORDS[d.kind]}.`;
}

function renderReviewerNotes(view: ApprovalView): void {
  const notes: string[] = [];
  if (view.drift.length) {
    notes.push(`Quyền sửa không còn đúng như đã đặt; hãy bấm “Chuẩn bị kỳ báo cáo” để đặt lại: ${view.drift.map(driftText).join(" ")}`);
  }
  if (view.openPeriod && view.openPeriod !== view.period)
    notes.push(`Kỳ đang nhập là ${view.openPeriod}; trạng thái kỳ này chỉ đổi được sau khi “Chuẩn bị kỳ báo cáo” cho kỳ này.`);
  const changed = view.units.filter((u) => u.changed);
  if (changed.length)
    notes.push(`Số liệu của ${changed.length} đơn vị đã bị sửa sau khi nộp hoặc duyệt: ${changed.map((u) => u.name).join(", ")}.`);
  if (view.rejectedQueue.length)
    notes.push(
      `${view.rejectedQueue.length} mục chờ ghi không hợp lệ sẽ bị bỏ qua (và ghi lại trong nhật ký) ở thao tác tiếp theo của người duyệt: ${view.rejectedQueue.join("; ")}.`,
    );
  if (!view.hasStatusColumn) notes.push(`Trang số liệu chưa có cột “Trạng thái”: “Chuẩn bị kỳ báo cáo” sẽ thêm cột này và cột “Ý kiến”.`);
  if (view.withoutEmail.length) {
    notes.push(
      `${view.withoutEmail.length} đơn vị chưa có email nhập liệu, dòng của họ mở cho mọi người sửa: ${view.withoutEmail.join(", ")}.`,
    );
  }
  if (view.pendingLog > 0) {
    notes.push(
      `${view.pendingLog} lần nộp của người nhập liệu đang chờ ghi vào trang “Nhật ký CCHC” (ghi ở lần duyệt hoặc trả lại tiếp theo).`,
    );
  }
  $("approval-notes").replaceChildren(...notes.map((n) => el("li", { text: n })));
}

function renderReviewerRows(view: ApprovalView): void {
  const filter = $<HTMLSelectElement>("approval-filter");
  filter.replaceChildren(
    option(FILTER_ALL, `Tất cả (${view.units.length})`),
    ...STATUSES.map((s) => option(s, `${s} (${view.counts[s]})`)),
  );
  filter.value = approvalFilter;
  const shown = view.units.filter((u) => approvalFilter === FILTER_ALL || u.status === approvalFilter);
  const rows = shown.map(reviewerRow);
  if (rows.length === 0) {
    const none =
      view.units.length === 0 ? `Không có đơn vị nào phải nộp số liệu ${view.periodLabel}.` : "Không có đơn vị nào ở trạng thái này.";
    const empty = el("td", { className: "hint", text: none });
    empty.colSpan = 3;
    rows.push(el("tr", {}, empty));
  }
  $("approval-rows").replaceChildren(...rows);
}

function renderLogProblem(view: ApprovalView): void {
  $("approval-log").hidden = !view.logProblem;
  $("approval-log-text").textContent = view.logProblem;
  $("btn-accept-log").hidden = !view.logProblem || !view.reviewer;
  $("accept-log-hint").hidden = !view.logProblem || !view.reviewer;
}

async function runAcceptLog(): Promise<void> {
  if (busy || !approval) return;
  if (!window.confirm("Xác nhận Nhật ký CCHC như hiện có? Chỉ làm khi không khôi phục được trang từ Nhật ký phiên bản.")) return;
  clearApprovalMessages();
  const seq = ++approvalSeq;
  setBusy("prepare");
  try {
    const r: ApprovalResult = await serverCall("acceptLog", approval.period);
    if (seq === approvalSeq) renderApproval(r.state);
    showApprovalMessage("approval-status", r.message);
  } catch (e) {
    showApprovalMessage("approval-error", messageOf(e));
  } finally {
    setBusy(null);
  }
}

function renderApproval(view: ApprovalView): void {
  approval = view;
  renderLogProblem(view);
  $("approval-load-error").hidden = true;
  $("approval-counts").textContent = `Kỳ ${view.periodLabel}: ${statusCountText(view.counts)}.`;
  const who = view.user ? `Tài khoản: ${view.user}${view.reviewer ? " (người duyệt)" : ""}.` : "Google không cho biết email của bạn.";
  $("approval-user").textContent = who;
  renderClerk(view);
  $("approval-reviewer").hidden = !view.reviewer;
  if (view.reviewer) {
    renderReviewerNotes(view);
    renderReviewerRows(view);
  } else $("approval-rows").replaceChildren();
}

/** Loads the approval view of the chosen period (no global progress: the three buttons stay usable meanwhile). */
async function loadApproval(): Promise<void> {
  const chosen = period();
  if (!chosen || $<HTMLSelectElement>("period").selectedIndex < 0) return;
  const seq = ++approvalSeq;
  const span = parsePeriod(chosen);
  if (span?.span) {
    // A span has no rows of its own: units submit, and reviewers approve, each quarter.
    approval = null;
    $("approval-loading").hidden = true; // a quarter's load still under way is no longer the one shown
    $("approval-clerk").hidden = true;
    $("approval-reviewer").hidden = true;
    $("approval-user").textContent = "";
    $("approval-counts").textContent =
      `Số liệu ${periodWords(span)} được cộng từ các quý; nộp và duyệt số liệu theo từng quý: hãy chọn một quý.`;
    return;
  }
  const loading = $("approval-loading");
  loading.textContent = "Đang tải trạng thái nộp, duyệt…";
  loading.hidden = false;
  try {
    const view = await serverCall("approvalState", chosen);
    if (seq !== approvalSeq) return;
    renderApproval(view);
  } catch (e) {
    if (seq !== approvalSeq) return;
    approval = null;
    $("approval-counts").textContent = "";
    $("approval-user").textContent = "";
    $("approval-clerk").hidden = true;
    $("approval-reviewer").hidden = true;
    showIn("approval-load-error", `Chưa xem được trạng thái nộp, duyệt: ${reason(e)}`);
  } finally {
    if (seq === approvalSeq) loading.hidden = true;
  }
}

/** A period changed, set-up ran or the settings were saved: the old messages no longer apply. */
function reloadApproval(): Promise<void> {
  clearApprovalMessages();
  return loadApproval();
}

/** "Nộp số liệu", "Trả lại", "Duyệt", "Mở lại" on one unit's row; the result's state redraws the section. */
async function runApproval(action: ApprovalAction, u: UnitApproval, reasonBox: HTMLInputElement | null = null): Promise<void> {
  if (busy || !approval) return;
  const forPeriod = approval.period;
  const note = reasonBox?.value.trim() ?? "";
  showError("");
  clearApprovalMessages();
  if (action === "return" && note === "") {
    showApprovalMessage("approval-error", `Hãy ghi lý do trả lại cho ${u.name} vào ô “Lý do trả lại” rồi bấm “Trả lại”.`);
    reasonBox?.focus();
    return;
  }
  const seq = ++approvalSeq;
  setBusy(action);
  try {
    let r: ApprovalResult;
    if (action === "submit") r = await serverCall("submitUnit", forPeriod, u.code);
    else if (action === "return") r = await serverCall("returnUnit", forPeriod, u.code, note);
    else if (action === "approve") r = await serverCall("approveUnit", forPeriod, u.code);
    else r = await serverCall("reopenUnit", forPeriod, u.code, note);
    if (seq === approvalSeq) renderApproval(r.state);
    if (r.ok) {
      const now = r.state.units.find((x) => x.code === u.code);
      showApprovalMessage("approval-status", now ? `${r.message} Trạng thái mới: ${now.status}.` : r.message);
    } else {
      showApprovalFindings(r.findings);
      showApprovalMessage("approval-error", r.message);
    }
  } catch (e) {
    showApprovalMessage("approval-error", messageOf(e));
    if (seq === approvalSeq) void loadApproval(); // what the sheet holds now, never a stale or blank panel
  } finally {
    setBusy(null);
  }
}

/** "Chuẩn bị kỳ báo cáo" (reviewers; the server refuses anyone else). */
async function runPrepare(): Promise<void> {
  if (busy) return;
  const chosen = period();
  if (!chosen) return;
  showError("");
  clearApprovalMessages();
  const seq = ++approvalSeq;
  setBusy("prepare");
  try {
    const r: PrepareResult = await serverCall("preparePeriod", chosen);
    if (seq === approvalSeq) renderApproval(r.state);
    showApprovalMessage("approval-status", r.message);
  } catch (e) {
    showApprovalMessage("approval-error", messageOf(e));
    if (seq === approvalSeq) void loadApproval();
  } finally {
    setBusy(null);
  }
}

function setupApproval(): void {
  $("btn-prepare").addEventListener("click", () => void runPrepare());
  $("btn-accept-log").addEventListener("click", () => void runAcceptLog());
  $("period").addEventListener("change", () => {
    if (!busy) setBusy(null);
    void reloadApproval();
  });
  $("approval-pick").addEventListener("change", () => {
    pickedUnit = $<HTMLSelectElement>("approval-pick").value;
    clearApprovalMessages();
    if (approval) renderClerk(approval);
  });
  $("approval-filter").addEventListener("change", () => {
    approvalFilter = $<HTMLSelectElement>("approval-filter").value as Status | "";
    if (approval) renderReviewerRows(approval);
  });
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
  setValue($<HTMLTextAreaElement>("s-reviewers"), (s.reviewers ?? []).join("\n"));
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
  // One email a line; a comma or semicolon between two on a line is forgiven.
  out["reviewers"] = $<HTMLTextAreaElement>("s-reviewers")
    .value.split(/[\s,;]+/)
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
        await reloadApproval(); // the reviewers may have changed
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
/** The user may run the reviewers' actions (sidebarState's word; the server checks every call). */
let reviewerHere = true;

/** sidebarState's notice for a sheet that does not exist (a missing column is not set-up's to fix). */
function noticeNeedsSetup(notice: string): boolean {
  return /Không tìm thấy trang/i.test(notice);
}

function updateSetupOpeners(): void {
  const open = !$("setup").hidden;
  const fromNotice = $<HTMLButtonElement>("setup-open-notice");
  const fromSettings = $<HTMLButtonElement>("setup-open-settings");
  fromNotice.hidden = open || !sheetsMissing || !reviewerHere;
  fromSettings.hidden = open || !reviewerHere;
  for (const b of [fromNotice, fromSettings]) b.setAttribute("aria-expanded", String(open));
}

/** The national list, fetched once when set-up first needs it (setupList). */
let unitList: Promise<LoadedList> | null = null;

function listFor(): Promise<LoadedList> {
  unitList ??= serverCall("setupList").then(loadList);
  unitList.catch(() => (unitList = null));
  return unitList;
}

const LIST_HINT: Record<"tỉnh" | "xã", string> = {
  tỉnh: "Gõ tên tỉnh, thành phố (có dấu hoặc không, có hoặc không chữ “tỉnh”, “TP”) rồi chọn trong danh sách.",
  xã: "Gõ tên xã, phường, đặc khu rồi chọn trong danh sách; tên có ở nhiều tỉnh thì chọn cả tỉnh (ví dụ “Tân Hiệp, An Giang”).",
};

/** The hint, the names found and what set-up will add, for what the user has chosen and typed so far. */
function showSetupHint(): void {
  const level = $<HTMLSelectElement>("setup-level").value;
  const typed = $<HTMLInputElement>("setup-name").value;
  const listed = isListLevel(level);
  $("setup-name-hint").textContent = listed ? LIST_HINT[level] : nameHint(level, typed);
  const box = $("setup-suggest");
  const preview = $("setup-preview");
  if (!listed) {
    box.hidden = preview.hidden = true;
    return;
  }
  preview.hidden = false;
  $("setup-preview-text").textContent = "Đang tải danh sách đơn vị hành chính…";
  void listFor().then(
    (loaded) => {
      // The user may have typed on while the list came: show what is there now.
      const nowLevel = $<HTMLSelectElement>("setup-level").value;
      const now = $<HTMLInputElement>("setup-name").value;
      if (nowLevel !== level || now !== typed) return;
      const names = suggest(loaded.list, level, typed).filter((n) => n !== typed.trim());
      box.replaceChildren(
        ...names.map((n) => {
          const b = el("button", { text: n });
          b.type = "button";
          b.addEventListener("click", () => {
            $<HTMLInputElement>("setup-name").value = n;
            showSetupHint();
            $("setup-name").focus();
          });
          return el("li", {}, b);
        }),
      );
      box.hidden = names.length === 0;
      const a = typed.trim() ? answer(loaded, level, typed) : null;
      $("setup-preview-text").textContent = !a ? "" : a.ok ? previewText(a, loaded.unitsExist) : a.message;
      const rows = a?.ok && !loaded.unitsExist ? previewRows(a.units) : [];
      $("setup-preview-rows").replaceChildren(...rows.map((r) => el("tr", {}, ...r.map((t) => el("td", { text: t })))));
      $("setup-preview-details").hidden = rows.length === 0;
      preview.hidden = !a;
    },
    (e: unknown) => {
      $("setup-preview-text").textContent = `Chưa tải được danh sách đơn vị hành chính: ${messageOf(e)}`;
    },
  );
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
  let saved = name;
  let units: SetupUnits | undefined;
  if (isListLevel(level)) {
    // At level tỉnh or xã the name must be one of the list's, and Đơn vị gets its units (when it does not exist yet).
    let loaded: LoadedList;
    try {
      loaded = await listFor();
    } catch (e) {
      showIn("setup-error", `Chưa tải được danh sách đơn vị hành chính: ${messageOf(e)}`);
      return;
    }
    const a = answer(loaded, level, name);
    if (!a.ok) {
      showIn("setup-error", a.message);
      nameBox.focus();
      return;
    }
    saved = a.name;
    units = loaded.unitsExist ? undefined : a.units;
  }
  const changed = !stored || stored.level !== level || stored.name !== saved;
  setBusy("setup");
  try {
    const r = changed || units ? await serverCall("setupSheets", level, saved, units) : await serverCall("setupSheets");
    // Set-up leaves a `Đơn vị` in every case: the list stays, only that changes (no second 261 KB fetch).
    void unitList?.then(
      (l) => (l.unitsExist = true),
      () => {},
    );
    $("setup-status").textContent = r.message;
    await refreshState(changed);
    void reloadApproval();
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
  // Periods in words, as users say them ("quý II năm 2026 (15/03–14/06/2026)"); the code stays the option's value.
  const words = (p: string) => periodText(p, state.settings.periodRule);
  select.replaceChildren(...state.periods.map((p) => option(p, p === state.currentPeriod ? `${words(p)}, kỳ hiện tại` : words(p))));
  select.value = state.periods.includes(chosen) && !refill ? chosen : state.currentPeriod;
  $("notice").textContent = state.notice;
  $("notice-box").hidden = !state.notice;
  sheetsMissing = noticeNeedsSetup(state.notice);
  updateSetupOpeners();
  if (effective && !sameScope(effective, state.settings)) clearView();
  effective = state.settings;
  stored = state.settingsSaved ? state.settings : null;
  reviewerHere = state.reviewer;
  // Reviewers' actions are hidden from others (the server refuses them anyway).
  $("btn-highlight").hidden = !state.reviewer;
  $("settings-save").hidden = !state.reviewer;
  $("settings-readonly").hidden = state.reviewer;
  if (refill || !formBase) fillSettings(state.settings);
}

async function start(): Promise<void> {
  setupSettingsForm();
  setupSetupPanel();
  setupApproval();
  document
    .querySelectorAll<HTMLButtonElement>("button[data-action]")
    .forEach((b) => b.addEventListener("click", () => void run(b.dataset["action"] as Action)));
  try {
    await refreshState(true);
    setBusy(null);
    const autorun = $("app").dataset["autorun"] as Work | "";
    if (autorun === "prepare") {
      // The menu's "Chuẩn bị kỳ báo cáo": the approval section, prepared for the chosen period.
      $("approval").scrollIntoView?.({ block: "start" });
      await runPrepare();
      return;
    }
    void loadApproval();
    if (autorun === "setup") openSetup();
    else if (autorun === "validate" || autorun === "highlight" || autorun === "report") await run(autorun);
  } catch (e) {
    $<HTMLSelectElement>("period").replaceChildren(el("option", { text: "—" }));
    showError(messageOf(e));
    showIn("approval-load-error", "Chưa xem được trạng thái nộp, duyệt: chưa đọc được bảng tính (xem thông báo ở trên).");
    serverCall("getSettings").then(
      (s) => {
        if (!formBase) fillSettings(s);
      },
      () => undefined,
    );
  }
}

void start();
