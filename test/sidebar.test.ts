/**
 * The built sidebar (dist/sidebar.html) in real headless Chromium, with a
 * google.script.run bridge to the built server code on the stand-ins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DIST, runFromSidebar, startAddon, type LocalAddon } from "../src/local/runtime";
import { googleScriptShim } from "../src/local/preview/google-script-shim";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS, SUBMISSION_COLUMNS, type SubmissionKey } from "../src/core/schema";
import { columnLetter } from "../src/core/a1";
import type { ApprovalView } from "../src/gas/approval";
import { settingsFor, type ReportSettings } from "../src/core/settings";
import type { ValidationView } from "../src/core/view";
import { goodRow, submissionRows, unitRows } from "./fixtures";
import { launchChromium } from "./helpers/browser";
import { sampleAddon } from "./helpers/addon";

let browser: Browser;
let addon: LocalAddon;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  addon?.dispose();
});

/** What the server has stored, read as the sidebar reads it. */
function storedSettings(a: LocalAddon): ReportSettings {
  return (runFromSidebar(a, "getSettings", []) as { ok: true; value: ReportSettings }).value;
}

function saveFromServer(a: LocalAddon, settings: ReportSettings): void {
  expect(runFromSidebar(a, "saveSettings", [settings])).toMatchObject({ ok: true });
}

function sheetNames(a: LocalAddon): string[] {
  return a.env.document.getSheets().map((sh) => sh.getName());
}

async function openSidebar(a: LocalAddon, opts: { delayMs?: number; content?: string } = {}): Promise<Page> {
  addon = a;
  page = await browser.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction("__gasCall", async (name: string, args: unknown) => {
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    return runFromSidebar(addon, name, args);
  });
  await page.addInitScript(googleScriptShim("(name, args) => window.__gasCall(name, args)"));
  const html = opts.content ?? readFileSync(join(DIST, "sidebar.html"), "utf8");
  await page.route("http://sidebar.test/**", (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await page.goto("http://sidebar.test/");
  await page.waitForFunction(() => !(document.getElementById("period") as HTMLSelectElement).disabled);
  return page;
}

describe("sidebar", () => {
  it("is one self-contained file: no external script, style or font", () => {
    const html = readFileSync(join(DIST, "sidebar.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("offers a period picker defaulting to the current period and SPEC's three buttons", async () => {
    const p = await openSidebar(sampleAddon());
    const state = runFromSidebar(addon, "sidebarState", []) as { ok: true; value: { currentPeriod: string } };
    expect(await p.locator("#period").inputValue()).toBe(state.value.currentPeriod);
    for (const name of ["Kiểm tra số liệu", "Tô sáng chỉ tiêu chưa đạt", "Tạo báo cáo quý"]) {
      await expect.poll(() => p.getByRole("button", { name, exact: true }).isEnabled()).toBe(true);
    }
  });

  it("Kiểm tra số liệu: shows missing units, findings by unit, and the whole body's indicators with bars", async () => {
    const p = await openSidebar(sampleAddon());
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.locator("#findings").waitFor({ state: "visible" });
    expect(await p.locator("#missing-list").innerText()).toContain("Xã Vĩnh Ô (VINHO)");
    expect(await p.locator("#findings-summary").innerText()).toBe(
      "Quý I năm 2023 (từ ngày 15/12/2022 đến ngày 14/03/2023): 3 lỗi, 2 cảnh báo. 24/25 đơn vị đã nộp.",
    );
    // The sample's sheet has no saved settings: a district's, as before levels existed.
    expect(await p.getByRole("heading", { name: "Chỉ tiêu toàn huyện Vĩnh Linh" }).isVisible()).toBe(true);
    const firstGroup = p.locator("#findings-list details").first();
    expect(await firstGroup.locator("summary").innerText()).toBe("Thị trấn Hồ Xá (HOXA): 1 lỗi");
    const payment = p.locator('tr[data-code="online_payment_rate"]');
    expect(await payment.innerText()).toMatch(/Tỷ lệ thanh toán trực tuyến[\s\S]*5,9%[\s\S]*≥ 30%/);
    expect(await payment.getAttribute("class")).toBe("missed");
    expect(await payment.locator(".meter span").evaluate((e) => (e as HTMLElement).style.width)).toBe("6%");
  });

  it("a click on a finding selects its cell in the sheet", async () => {
    const p = await openSidebar(sampleAddon());
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.getByRole("button", { name: /V27/ }).click();
    await expect.poll(() => addon.env.document.getActiveRange()?.getA1Notation()).toBe("V27");
  });

  it("Tô sáng chỉ tiêu chưa đạt: marks the sheet and says so", async () => {
    const p = await openSidebar(sampleAddon());
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Tô sáng chỉ tiêu chưa đạt", exact: true }).click();
    await p.locator("#result").waitFor({ state: "visible" });
    expect(await p.locator("#result").innerText()).toMatch(/^Đã tô sáng \d+ ô chưa đạt mục tiêu trên trang "Số liệu"/);
    expect(addon.env.values("Kết quả CCHC").length).toBeGreaterThan(20);
  });

  it("Tạo báo cáo quý: shows a link to the new document", async () => {
    const p = await openSidebar(sampleAddon());
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Tạo báo cáo quý", exact: true }).click();
    const link = p.locator("#report-link");
    await link.waitFor({ state: "visible" });
    expect(await link.innerText()).toBe("Mở báo cáo: Báo cáo tình hình thực hiện công tác CCHC quý I năm 2023 - huyện Vĩnh Linh");
    expect(await link.getAttribute("href")).toBe(addon.documents[0]!.url);
  });

  it("shows progress while working, with the buttons disabled", async () => {
    const p = await openSidebar(sampleAddon(), { delayMs: 400 });
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await expect.poll(() => p.locator("#progress").isVisible()).toBe(true);
    expect(await p.locator("#progress-text").innerText()).toBe("Đang kiểm tra số liệu…");
    expect(await p.getByRole("button", { name: "Tạo báo cáo quý", exact: true }).isDisabled()).toBe(true);
    await p.locator("#findings").waitFor({ state: "visible" });
    expect(await p.locator("#progress").isVisible()).toBe(false);
  });

  it("a failure shows a Vietnamese message, never a blank panel", async () => {
    const p = await openSidebar(sampleAddon());
    const release = addon.env.holdDocumentLock();
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Tô sáng chỉ tiêu chưa đạt", exact: true }).click();
    const alert = p.getByRole("alert");
    await alert.waitFor({ state: "visible" });
    expect(await alert.innerText()).toMatch(/^Không thực hiện được: Một thao tác khác của tiện ích/);
    release();
    expect(await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).isEnabled()).toBe(true);
  });

  it("a sheet with a missing column: the message names the sheet and the header", async () => {
    const a = sampleAddon();
    a.env.sheet(SHEET_SUBMISSIONS).getRange("R1").setValue("Thanh toán");
    const p = await openSidebar(a);
    expect(await p.locator("#notice").innerText()).toBe('Trang "Số liệu" thiếu cột "Hồ sơ thanh toán trực tuyến".');
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.getByRole("alert").waitFor({ state: "visible" });
    expect(await p.getByRole("alert").innerText()).toBe('Không thực hiện được: Trang "Số liệu" thiếu cột "Hồ sơ thanh toán trực tuyến".');
  });

  it("strings from the sheet show as text: a unit named <img src=x onerror=alert(1)>", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const a = startAddon({
      sheets: {
        [SHEET_UNITS]: [
          ...unitRows([
            { code: "A", name: evil },
            { code: "B", name: `${evil} 2` },
          ]),
        ],
        [SHEET_SUBMISSIONS]: submissionRows([goodRow("A", "2023-Q1", { paid_online: -1, explanation: evil })]),
      },
    });
    saveFromServer(a, settingsFor("tỉnh", evil));
    const p = await openSidebar(a);
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.locator("#findings").waitFor({ state: "visible" });
    expect(await p.locator("#missing-list").innerText()).toContain(`${evil} 2 (B)`);
    expect(await p.locator("#findings-list").innerText()).toContain(`${evil} (A)`);
    expect(await p.locator("#indicators-title").innerText()).toBe(`Chỉ tiêu toàn tỉnh ${evil}`);
    await p.locator("#settings summary").click();
    expect(await p.locator("#s-name-hint").innerText()).toContain(`“tỉnh ${evil}”`);
    expect(await p.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("report settings are edited and saved from the sidebar; the server's message shows when it refuses", async () => {
    const p = await openSidebar(sampleAddon());
    await p.locator("#settings summary").click();
    const form = p.locator("#settings-form");
    await expect.poll(() => form.getByLabel("Cơ quan ban hành").inputValue()).toBe("ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH");
    await form.getByLabel("Họ tên người ký").fill("Nguyễn Văn An");
    await p.getByRole("button", { name: "Lưu thông tin" }).click();
    await expect.poll(() => p.locator("#settings-status").innerText()).toBe("Đã lưu.");
    expect(storedSettings(addon).signerName).toBe("Nguyễn Văn An");

    await form.getByLabel("Cơ quan ban hành").fill(" ");
    await p.getByRole("button", { name: "Lưu thông tin" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor({ state: "visible" });
    expect(await alert.innerText()).toBe("Chưa lưu được: Cơ quan ban hành không được để trống.");

    await form.getByLabel("Cơ quan ban hành").fill("ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH");
    const longLine = `UBND các xã ${"Vĩnh Thái, Vĩnh Tú, Vĩnh Chấp, ".repeat(8)}(để biết);`;
    await form.getByLabel("Nơi nhận").fill(`Sở Nội vụ (b/c);\n${longLine}\nLưu: VT.`);
    await p.getByRole("button", { name: "Lưu thông tin" }).click();
    await expect.poll(() => alert.innerText()).toBe("Chưa lưu được: Nơi nhận dài quá 200 ký tự.");
    expect(await p.locator("#settings-status").innerText()).toBe("");
    expect(storedSettings(addon).recipients).not.toContain(longLine);
  });

  it("choosing a level fills the other fields with its defaults and keeps what the user typed", async () => {
    const p = await openSidebar(sampleAddon());
    await p.locator("#settings summary").click();
    const form = p.locator("#settings-form");
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await expect.poll(() => field("Cơ quan ban hành").inputValue()).toBe("ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH");
    // The level first, then the name, then the period rule.
    const labels = await form.locator("label").allInnerTexts();
    expect(labels.slice(0, 3)).toEqual(["Cấp báo cáo", "Tên địa phương", "Cách tính kỳ báo cáo"]);
    expect(await field("Cấp báo cáo").locator("option").allInnerTexts()).toEqual(["Tỉnh", "Xã", "Huyện"]);
    expect(await field("Cách tính kỳ báo cáo").locator("option").allInnerTexts()).toEqual([
      "Từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP)",
      "Theo quý dương lịch",
    ]);

    await field("Cấp báo cáo").selectOption("tỉnh");
    await field("Tên địa phương").fill("Quảng Trị");
    expect(await field("Cơ quan ban hành").inputValue()).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ");
    expect(await field("Địa danh (ghi trước ngày tháng)").inputValue()).toBe("Quảng Trị");
    expect(await form.getByLabel("Nơi nhận").inputValue()).toContain("UBND các xã, phường, đặc khu;");
    expect(await p.locator("#s-name-hint").innerText()).toBe("Chỉ ghi tên, không ghi chữ “tỉnh” (báo cáo ghi “tỉnh Quảng Trị”).");

    await field("Chức vụ người ký").fill("PHÓ CHỦ TỊCH");
    await field("Cấp báo cáo").selectOption("xã");
    expect(await field("Cơ quan ban hành").inputValue()).toBe("ỦY BAN NHÂN DÂN XÃ QUẢNG TRỊ");
    expect(await field("Chức vụ người ký").inputValue()).toBe("PHÓ CHỦ TỊCH");
    expect((await form.getByLabel("Nơi nhận").inputValue()).split("\n")).toEqual(settingsFor("xã", "Quảng Trị").recipients);
    expect(await p.locator("#s-name-hint").innerText()).toBe("Chỉ ghi tên, không ghi chữ “xã” (báo cáo ghi “xã Quảng Trị”).");

    // A new name carries the defaults along, typing letter by letter as a clerk does.
    await field("Tên địa phương").fill("");
    await field("Tên địa phương").pressSequentially("Vĩnh Linh");
    expect(await field("Tên địa phương").inputValue()).toBe("Vĩnh Linh");
    expect(await field("Cơ quan ban hành").inputValue()).toBe("ỦY BAN NHÂN DÂN XÃ VĨNH LINH");
    expect(await field("Chức vụ người ký").inputValue()).toBe("PHÓ CHỦ TỊCH");
  });

  it("the level, name and period rule saved are there when the sidebar opens again, and the indicators follow them", async () => {
    const a = sampleAddon();
    const first = await openSidebar(a);
    await first.selectOption("#period", "2023-Q1");
    await first.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await expect.poll(() => first.locator("#indicators-title").innerText()).toBe("Chỉ tiêu toàn huyện Vĩnh Linh");
    await first.locator("#settings summary").click();
    const form = first.locator("#settings-form");
    await expect.poll(() => form.getByLabel("Cơ quan ban hành").inputValue()).not.toBe("");
    await form.getByLabel("Cấp báo cáo").selectOption("tỉnh");
    await form.getByLabel("Tên địa phương").fill("Quảng Trị");
    await form.getByLabel("Cách tính kỳ báo cáo").selectOption("calendar");
    await first.getByRole("button", { name: "Lưu thông tin" }).click();
    await expect.poll(() => first.locator("#settings-status").innerText()).toBe("Đã lưu.");
    expect(storedSettings(a)).toMatchObject({
      level: "tỉnh",
      name: "Quảng Trị",
      periodRule: "calendar",
      issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
    });
    // Results worded for the district are taken off the screen.
    await expect.poll(() => first.locator("#indicators").isHidden()).toBe(true);
    await first.close();

    const p = await openSidebar(a);
    await p.locator("#settings summary").click();
    await expect.poll(() => p.locator("#s-level").inputValue()).toBe("tỉnh");
    expect(await p.locator("#s-name").inputValue()).toBe("Quảng Trị");
    expect(await p.locator("#s-periodRule").inputValue()).toBe("calendar");
    expect(await p.locator("#s-issuingBody").inputValue()).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ");

    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.locator("#indicators").waitFor({ state: "visible" });
    expect(await p.getByRole("heading", { name: "Chỉ tiêu toàn tỉnh Quảng Trị" }).isVisible()).toBe(true);
    expect(await p.locator("#findings-summary").innerText()).toMatch(/^Quý I năm 2023 \(từ ngày 01\/01\/2023 đến ngày 31\/03\/2023\): /);
    // No word of the sidebar's own names a district (the level select still offers one).
    for (const id of ["#indicators", "#findings-summary", "#s-name-hint", "#settings summary"]) {
      expect(await p.locator(id).innerText()).not.toMatch(/huyện/i);
    }
  });

  it("the indicators table shows the previous quarter and the same quarter a year before, and the units left out", async () => {
    const p = await openSidebar(sampleAddon());
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.locator("#indicators").waitFor({ state: "visible" });
    const headers = (await p.locator("#indicators th").allInnerTexts()).map((h) => h.replace(/\s+/g, " ").trim());
    expect(headers).toEqual(["Chỉ tiêu", "Đạt được", "Quý trước 2022-Q4", "Cùng kỳ 2022-Q1", "Mục tiêu"]);

    const view = (runFromSidebar(addon, "validatePeriod", ["2023-Q1"]) as { ok: true; value: ValidationView }).value;
    expect(view.indicators.filter((i) => i.previousText).length).toBeGreaterThan(5); // the sample has 2022-Q4
    expect(view.indicators.some((i) => i.excludedText)).toBe(true); // and rows that fail validation in 2023-Q1
    for (const i of view.indicators) {
      const row = p.locator(`tr[data-code="${i.code}"]`);
      const cells = await row.locator("td").allInnerTexts();
      expect(cells.slice(1).map((c) => c.trim())).toEqual([
        i.valueText || "—",
        i.previousText || "—",
        i.yearAgoText || "—",
        i.targetText || "không có",
      ]);
      if (i.excludedText) expect(await row.locator(".excluded").innerText()).toBe(i.excludedText);
      else expect(await row.locator(".excluded").count()).toBe(0);
    }
    const payment = p.locator('tr[data-code="online_payment_rate"] td');
    expect(await payment.nth(2).innerText()).toMatch(/^\d+(,\d+)?%$/);
    expect(await payment.nth(3).innerText()).toBe("—"); // no 2022-Q1 in the sample
    expect(await payment.nth(3).getAttribute("title")).toBe("quý I năm 2022 (15/12/2021–14/03/2022): không có số liệu");
  });

  it("a span in the period list: checked and reported like a quarter, compared with the year before only; highlighting and approval wait for a quarter", async () => {
    const p = await openSidebar(sampleAddon({ today: new Date("2023-03-10T09:00:00+07:00") }));
    // The district's sample has 2022-Q4 and 2023-Q1, here as of 10/03/2023: the year 2022 is offered, 2023's spans are not yet.
    const options = await p.locator("#period option").evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toEqual([
      ["2023-Q1", "quý I năm 2023 (15/12/2022–14/03/2023), kỳ hiện tại"],
      ["2022-Y", "năm 2022 (15/12/2021–14/12/2022)"],
      ["2022-Q4", "quý IV năm 2022 (15/09–14/12/2022)"],
    ]);
    await p.selectOption("#period", "2022-Y");
    await expect
      .poll(() => p.locator("#approval-counts").innerText())
      .toBe("Số liệu năm 2022 được cộng từ các quý; nộp và duyệt số liệu theo từng quý: hãy chọn một quý.");
    expect(await p.getByRole("button", { name: "Tô sáng chỉ tiêu chưa đạt", exact: true }).isDisabled()).toBe(true);
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.locator("#indicators").waitFor({ state: "visible" });
    const headers = (await p.locator("#indicators th:visible").allInnerTexts()).map((h) => h.replace(/\s+/g, " ").trim());
    expect(headers).toEqual(["Chỉ tiêu", "Đạt được", "Cùng kỳ 2021-Y", "Mục tiêu"]);
    expect(await p.locator('tr[data-code="online_payment_rate"] td').count()).toBe(4);
    expect(await p.locator("#findings-summary").innerText()).toMatch(/^Năm 2022 \(từ ngày 15\/12\/2021 đến ngày 14\/12\/2022\): /);
    await p.getByRole("button", { name: "Tạo báo cáo quý", exact: true }).click();
    const link = p.locator("#report-link");
    await link.waitFor({ state: "visible" });
    expect(await link.innerText()).toBe("Mở báo cáo: Báo cáo tình hình thực hiện công tác CCHC năm 2022 - huyện Vĩnh Linh");
    // Back on a quarter, highlighting is offered again.
    await p.selectOption("#period", "2023-Q1");
    await expect.poll(() => p.getByRole("button", { name: "Tô sáng chỉ tiêu chưa đạt", exact: true }).isDisabled()).toBe(false);
  });

  it("Thiết lập bảng tính from the menu on an empty spreadsheet asks for the level first, then creates the sheets", async () => {
    const a = startAddon();
    a.call("menuSetup");
    const p = await openSidebar(a, { content: a.env.ui.sidebars[0]!.content });
    const panel = p.getByRole("region", { name: "Thiết lập bảng tính" });
    await panel.waitFor({ state: "visible" });
    expect(await panel.getByLabel("Cấp báo cáo").inputValue()).toBe("");
    expect(await panel.getByLabel("Tên địa phương").inputValue()).toBe("");
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("setup-level");
    const setup = p.getByRole("button", { name: "Thiết lập bảng tính", exact: true });
    expect(await setup.count()).toBe(1); // the buttons that open the panel are hidden while it is open

    await setup.click();
    await expect.poll(() => panel.getByRole("alert").innerText()).toBe("Hãy chọn cấp báo cáo.");
    expect(sheetNames(a)).not.toContain(SHEET_UNITS);

    await panel.getByLabel("Cấp báo cáo").selectOption("xã");
    await panel.getByLabel("Tên địa phương").fill("Vĩnh Linh");
    // At level xã the name is found in the national list, and the panel says what set-up will add before it writes.
    await expect
      .poll(() => p.locator("#setup-preview-text").innerText())
      .toBe('Sẽ thêm vào trang "Đơn vị" của Xã Vĩnh Linh (Tỉnh Quảng Trị): 4 đơn vị đang hoạt động.');
    expect(sheetNames(a)).not.toContain(SHEET_UNITS);
    await setup.click();
    await expect.poll(() => p.locator("#setup-status").innerText()).toMatch(/^Đã tạo trang "Đơn vị"/);
    expect(sheetNames(a)).toEqual(expect.arrayContaining([SHEET_UNITS, SHEET_TARGETS, SHEET_SUBMISSIONS]));
    expect(storedSettings(a)).toMatchObject({ level: "xã", name: "Vĩnh Linh", issuingBody: "ỦY BAN NHÂN DÂN XÃ VĨNH LINH" });
    expect(
      a.env
        .values(SHEET_UNITS)
        .slice(1, 5)
        .map((r) => r.slice(0, 3)),
    ).toEqual([
      ["19363-VP", "Văn phòng HĐND và UBND xã", "Phòng ban"],
      ["19363-KT", "Phòng Kinh tế", "Phòng ban"],
      ["19363-VHXH", "Phòng Văn hóa - Xã hội", "Phòng ban"],
      ["19363-TTPVHCC", "Trung tâm Phục vụ hành chính công xã", "Trung tâm PVHCC"],
    ]);
    // The period list and the notice are read again; the settings form shows the new level.
    await expect.poll(() => p.locator("#notice-box").isHidden()).toBe(true);
    expect(await p.locator("#period option").count()).toBeGreaterThan(0);
    expect(await p.locator("#s-level").inputValue()).toBe("xã");
    expect(await p.locator("#s-issuingBody").inputValue()).toBe("ỦY BAN NHÂN DÂN XÃ VĨNH LINH");
    expect(await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).isEnabled()).toBe(true);
  });

  it("set-up picks the province or commune from the national list, shows what it will add, then writes it (issue 17)", async () => {
    const a = startAddon();
    a.call("menuSetup");
    const p = await openSidebar(a, { content: a.env.ui.sidebars[0]!.content });
    const panel = p.getByRole("region", { name: "Thiết lập bảng tính" });
    await panel.waitFor({ state: "visible" });
    await panel.getByLabel("Cấp báo cáo").selectOption("xã");
    // An ambiguous name: the panel says so and lists each with its province; picking one shows what will be added.
    await panel.getByLabel("Tên địa phương").fill("tan hiep");
    await expect.poll(() => p.locator("#setup-preview-text").innerText()).toMatch(/^"tan hiep" có ở nhiều nơi; hãy chọn một: /);
    const picks = p.locator("#setup-suggest button");
    await expect
      .poll(() => picks.allInnerTexts())
      .toEqual(
        expect.arrayContaining(["Xã Tân Hiệp, Thành phố Đà Nẵng", "Phường Tân Hiệp, Thành phố Hồ Chí Minh", "Xã Tân Hiệp, Tỉnh An Giang"]),
      );
    await p.getByRole("button", { name: "Xã Tân Hiệp, Tỉnh An Giang" }).click();
    expect(await panel.getByLabel("Tên địa phương").inputValue()).toBe("Xã Tân Hiệp, Tỉnh An Giang");
    await expect
      .poll(() => p.locator("#setup-preview-text").innerText())
      .toBe('Sẽ thêm vào trang "Đơn vị" của Xã Tân Hiệp (Tỉnh An Giang): 4 đơn vị đang hoạt động.');
    // A province typed without diacritics: found, and every unit to be added is listed before anything is written.
    await panel.getByLabel("Cấp báo cáo").selectOption("tỉnh");
    await panel.getByLabel("Tên địa phương").fill("ha tinh");
    await expect
      .poll(() => p.locator("#setup-preview-text").innerText())
      .toMatch(/^Sẽ thêm vào trang "Đơn vị" của Tỉnh Hà Tĩnh: 85 đơn vị đang hoạt động và (\d+) đơn vị cũ/);
    await p.locator("#setup-preview-details summary").click();
    const listed = await p.locator("#setup-preview-rows tr").count();
    expect(listed).toBeGreaterThan(85);
    expect(await p.locator("#setup-preview-rows tr").first().innerText()).toMatch(/^18\d+\s+(Phường|Xã) /);
    expect(sheetNames(a)).not.toContain(SHEET_UNITS);
    await p.getByRole("button", { name: "Thiết lập bảng tính", exact: true }).click();
    await expect.poll(() => p.locator("#setup-status").innerText()).toMatch(/Trang "Đơn vị" có 85 đơn vị đang hoạt động/);
    expect(a.env.values(SHEET_UNITS).filter((r) => r[0] !== "").length - 1).toBe(listed);
    expect(storedSettings(a)).toMatchObject({ level: "tỉnh", name: "Hà Tĩnh", issuingBody: "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" });
    // Now Đơn vị exists: the panel says set-up will not add or change a unit.
    await panel.getByLabel("Tên địa phương").fill("Hà Tĩnh ");
    await expect.poll(() => p.locator("#setup-preview-text").innerText()).toMatch(/^Trang "Đơn vị" đã có: thiết lập không thêm, không sửa/);
    expect(await p.locator("#setup-preview-details").isHidden()).toBe(true);
    await p.close();
    a.dispose();
  });

  it("a notice of missing sheets offers Thiết lập bảng tính; the settings always do, prefilled once saved", async () => {
    const empty = startAddon();
    const p = await openSidebar(empty);
    expect(await p.locator("#notice").innerText()).toContain('Không tìm thấy trang "Đơn vị"');
    const open = p.getByRole("button", { name: "Thiết lập bảng tính", exact: true });
    expect(await open.getAttribute("aria-expanded")).toBe("false");
    await open.click();
    await p.getByRole("region", { name: "Thiết lập bảng tính" }).waitFor({ state: "visible" });
    expect(await p.locator("#setup-level").inputValue()).toBe("");
    await p.getByRole("button", { name: "Đóng" }).click();
    expect(await p.locator("#setup").isHidden()).toBe(true);
    expect(await open.isVisible()).toBe(true);
    await p.close();
    empty.dispose();

    const a = sampleAddon();
    saveFromServer(a, settingsFor("tỉnh", "Quảng Trị"));
    const before = storedSettings(a);
    const q = await openSidebar(a);
    expect(await q.locator("#notice-box").isHidden()).toBe(true);
    await q.locator("#settings summary").click();
    await q.locator("#settings").getByRole("button", { name: "Thiết lập bảng tính", exact: true }).click();
    const panel = q.getByRole("region", { name: "Thiết lập bảng tính" });
    await panel.waitFor({ state: "visible" });
    expect(await panel.getByLabel("Cấp báo cáo").inputValue()).toBe("tỉnh");
    expect(await panel.getByLabel("Tên địa phương").inputValue()).toBe("Quảng Trị");
    await panel.getByRole("button", { name: "Thiết lập bảng tính", exact: true }).click();
    await expect.poll(() => q.locator("#setup-status").innerText()).toContain("đã có; tiện ích không thay đổi gì");
    expect(storedSettings(a)).toEqual(before);
  });

  it("opened from a menu item, it runs that action by itself", async () => {
    const a = sampleAddon();
    a.call("menuValidate");
    const p = await openSidebar(a, { content: a.env.ui.sidebars[0]!.content });
    await p.locator("#findings").waitFor({ state: "visible" });
    expect(await p.locator("#findings-summary").innerText()).toMatch(/^Quý (I|II|III|IV) năm \d{4}/);
  });
});

// ---------------------------------------------------------------- submission and approval (issue 12)

const OWNER = "owner@tinh.example.vn";
const REVIEWER = "review@tinh.example.vn";
const CLERK_A = "a@xa.example.vn";
const CLERK_B = "b@xa.example.vn";
const P = "2023-Q1";
const col = (key: SubmissionKey) => SUBMISSION_COLUMNS.findIndex((c) => c.key === key);
const letter = (key: SubmissionKey) => columnLetter(col(key) + 1);

/**
 * A province of three units: A (clerk CLERK_A) has a row with an error
 * (signed > issued), B (clerk CLERK_B) a good row, C no clerk and no row.
 * Reviewers: the owner and REVIEWER.
 */
function approvalAddon(opts: { names?: Partial<Record<"A" | "B" | "C", string>>; user?: string; withhold?: boolean } = {}): LocalAddon {
  const emails: Record<string, string> = { A: CLERK_A, B: CLERK_B, C: "" };
  const units = unitRows(["A", "B", "C"].map((code) => ({ code, name: opts.names?.[code as "A"] ?? `Xã ${code}` }))).map((r, i) =>
    i === 0 ? r : [r[0], r[1], r[2], emails[String(r[0])], r[4]],
  );
  return startAddon({
    today: new Date("2023-03-10T09:00:00+07:00"), // the current period is P
    ownerEmail: OWNER,
    userEmail: opts.user ?? OWNER,
    editors: [REVIEWER, CLERK_A, CLERK_B],
    ...(opts.withhold ? { hiddenEmails: [CLERK_A] } : {}),
    sheets: {
      [SHEET_UNITS]: units,
      [SHEET_SUBMISSIONS]: submissionRows([goodRow("A", P, { documents_signed: 250 }), goodRow("B", P)]),
    },
    documentProperties: { "cchc.settings": JSON.stringify({ ...settingsFor("tỉnh", "Quảng Trị"), reviewers: [REVIEWER] }) },
  });
}

/** The sidebar with the period P chosen, once its approval section has loaded. */
async function openApproval(a: LocalAddon, opts: { delayMs?: number; content?: string } = {}): Promise<Page> {
  const p = await openSidebar(a, opts);
  if (!opts.content) await p.selectOption("#period", P);
  await expect.poll(() => p.locator("#approval-counts").innerText()).toMatch(/^Kỳ quý I năm 2023: /);
  return p;
}

const approvalRegion = (p: Page) => p.getByRole("region", { name: "Nộp và duyệt số liệu" });
const unitRow = (p: Page, name: string) => approvalRegion(p).getByRole("row", { name: new RegExp(`^${name} \\(`) });
const logOf = (a: LocalAddon) =>
  a.env
    .values("Nhật ký CCHC")
    .slice(1)
    .map((r) => [r[2], r[4], r[5], r[6], r[7]]);

describe("sidebar: Nộp và duyệt số liệu", () => {
  it("a clerk sees their own unit with its status and Nộp số liệu; a refusal shows the message and the findings, which select their cells", async () => {
    const a = approvalAddon();
    a.call("preparePeriod", P);
    a.env.setUser(CLERK_A);
    const p = await openApproval(a);
    const region = approvalRegion(p);
    expect(await region.isVisible()).toBe(true);
    expect(await p.locator("#approval-counts").innerText()).toBe("Kỳ quý I năm 2023: 3 đang nhập, 0 đã nộp, 0 trả lại, 0 đã duyệt.");
    expect(await p.locator("#approval-user").innerText()).toBe(`Tài khoản: ${CLERK_A}.`);
    expect(await p.locator("#approval-loading").isVisible()).toBe(false);
    // Only the clerk's own unit, no reviewer's table and no picker.
    const mine = p.locator("#approval-mine li");
    expect(await mine.count()).toBe(1);
    expect(await mine.innerText()).toMatch(/^Xã A \(A\)\s+Trạng thái: Đang nhập\s+Còn 1 lỗi\./);
    expect(await region.getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).count()).toBe(0);
    expect(await region.getByRole("row").count()).toBe(0);
    expect(await region.getByLabel("Đơn vị của bạn").isVisible()).toBe(false);

    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    const alert = region.getByRole("alert");
    await alert.waitFor({ state: "visible" });
    expect(await alert.innerText()).toMatch(/^Chưa nộp số liệu được: số liệu của Xã A còn 1 lỗi\./);
    const cell = `${letter("documents_signed")}2`;
    const finding = region.getByRole("button", { name: new RegExp(cell) });
    expect(await finding.innerText()).toMatch(/Lỗi: /);
    await finding.click();
    await expect.poll(() => addon.env.document.getActiveRange()?.getA1Notation()).toBe(cell);

    // Fixed by hand in the grid (the clerk's own row), then submitted.
    expect(a.env.userEdit(SHEET_SUBMISSIONS, cell, 150).ok).toBe(true);
    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    const status = region.getByRole("status").filter({ hasText: "đã nộp" });
    await expect.poll(() => status.innerText()).toBe("Xã A đã nộp số liệu quý I năm 2023. Trạng thái mới: Đã nộp.");
    expect(await alert.isVisible()).toBe(false);
    expect(await p.locator("#approval-findings").isVisible()).toBe(false);
    expect(await mine.innerText()).toMatch(/Trạng thái: Đã nộp[\s\S]*Đã nộp, chờ người duyệt\./);
    expect(await region.getByRole("button", { name: "Nộp số liệu" }).count()).toBe(0);
    expect(await p.locator("#approval-counts").innerText()).toBe("Kỳ quý I năm 2023: 2 đang nhập, 1 đã nộp, 0 trả lại, 0 đã duyệt.");
    expect(a.env.values(SHEET_SUBMISSIONS)[1]![col("status")]).toBe("Đã nộp");
  });

  it("a reviewer sees every unit with the buttons its status allows; Trả lại needs a reason; Duyệt and Mở lại; every step logged", async () => {
    const a = approvalAddon();
    a.call("preparePeriod", P);
    a.env.setUser(CLERK_A);
    a.env.userEdit(SHEET_SUBMISSIONS, `${letter("documents_signed")}2`, 150);
    a.call("submitUnit", P, "A");
    a.env.setUser(CLERK_B);
    a.call("submitUnit", P, "B");
    // A status typed by hand in C's row (no clerk: open to every editor) is not the log's.
    expect(a.env.userEdit(SHEET_SUBMISSIONS, `${letter("status")}4`, "Đã duyệt").ok).toBe(true);
    a.env.setUser(REVIEWER);
    const p = await openApproval(a);
    const region = approvalRegion(p);
    expect(await p.locator("#approval-counts").innerText()).toBe("Kỳ quý I năm 2023: 1 đang nhập, 2 đã nộp, 0 trả lại, 0 đã duyệt.");
    expect(await p.locator("#approval-user").innerText()).toBe(`Tài khoản: ${REVIEWER} (người duyệt).`);
    expect(await region.getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).isVisible()).toBe(true);
    expect(await p.locator("#approval-notes").innerText()).toContain(
      "1 đơn vị chưa có email nhập liệu, dòng của họ mở cho mọi người sửa: Xã C.",
    );
    expect(await p.locator("#approval-notes").innerText()).toContain("2 lần nộp của người nhập liệu đang chờ ghi vào trang “Nhật ký CCHC”");
    // Header and one row per unit, in the sheet's order: name, status, errors.
    const rows = region.getByRole("row");
    expect(await rows.count()).toBe(4);
    const cells = async (name: string) => (await unitRow(p, name).locator("td").allInnerTexts()).map((t) => t.trim());
    expect((await cells("Xã A"))[1]).toBe("Đã nộp");
    expect((await cells("Xã A"))[2]).toBe("0");
    expect((await cells("Xã C"))[2]).toBe("—");
    expect(await unitRow(p, "Xã C").innerText()).toContain(
      `Ô Trạng thái (${letter("status")}4) ghi “Đã duyệt” nhưng nhật ký ghi “Đang nhập”; tiện ích theo nhật ký.`,
    );
    const buttons = async (name: string) => unitRow(p, name).getByRole("button").allInnerTexts();
    expect(await buttons("Xã A")).toEqual(["Trả lại", "Duyệt"]);
    expect(await buttons("Xã B")).toEqual(["Trả lại", "Duyệt"]);
    expect(await buttons("Xã C")).toEqual([]);

    // Trả lại without a reason: refused here, nothing sent.
    await unitRow(p, "Xã A").getByRole("button", { name: "Trả lại" }).click();
    const alert = region.getByRole("alert");
    await expect.poll(() => alert.innerText()).toBe("Hãy ghi lý do trả lại cho Xã A vào ô “Lý do trả lại” rồi bấm “Trả lại”.");
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Lý do trả lại");
    expect(a.call<ApprovalView>("approvalState", P).units[0]!.status).toBe("Đã nộp");

    await unitRow(p, "Xã A").getByLabel("Lý do trả lại").fill("Số văn bản đi chưa khớp sổ");
    await unitRow(p, "Xã A").getByRole("button", { name: "Trả lại" }).click();
    const status = p.locator("#approval-status");
    await expect
      .poll(() => status.innerText())
      .toBe("Đã trả lại số liệu của Xã A với lý do: Số văn bản đi chưa khớp sổ. Dòng đã mở lại cho đơn vị sửa. Trạng thái mới: Trả lại.");
    expect((await cells("Xã A"))[1]).toBe("Trả lại");
    expect(await unitRow(p, "Xã A").innerText()).toContain("Ý kiến: Số văn bản đi chưa khớp sổ");
    expect(await buttons("Xã A")).toEqual([]); // back with the clerk

    await unitRow(p, "Xã B").getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => status.innerText()).toMatch(/^Đã duyệt số liệu của Xã B; dòng đã khóa, .*Trạng thái mới: Đã duyệt\.$/);
    expect(await buttons("Xã B")).toEqual(["Trả lại", "Mở lại"]);
    expect(await p.locator("#approval-counts").innerText()).toBe("Kỳ quý I năm 2023: 1 đang nhập, 0 đã nộp, 1 trả lại, 1 đã duyệt.");

    await unitRow(p, "Xã B").getByRole("button", { name: "Mở lại" }).click();
    await expect.poll(() => status.innerText()).toBe("Đã mở lại dòng của Xã B cho đơn vị sửa. Trạng thái mới: Đang nhập.");
    expect(await buttons("Xã B")).toEqual([]);

    // The filter shows the units of one status.
    await region.getByLabel("Hiện các đơn vị").selectOption("Trả lại");
    expect(await region.getByRole("row").count()).toBe(2);
    expect(await unitRow(p, "Xã A").isVisible()).toBe(true);

    expect(logOf(a)).toEqual([
      [CLERK_A, "A", "Đang nhập", "Đã nộp", ""],
      [CLERK_B, "B", "Đang nhập", "Đã nộp", ""],
      [REVIEWER, "A", "Đã nộp", "Trả lại", "Số văn bản đi chưa khớp sổ"],
      [REVIEWER, "B", "Đã nộp", "Đã duyệt", ""],
      [REVIEWER, "B", "Đã duyệt", "Đang nhập", ""],
    ]);
    expect(dialogs).toEqual([]);
  });

  it("Chuẩn bị kỳ báo cáo from the menu opens the section and prepares the chosen period; a clerk who tries is told why", async () => {
    const a = approvalAddon();
    a.call("menuPrepare");
    const content = a.env.ui.sidebars.at(-1)!.content;
    expect(content).toContain('data-autorun="prepare"');
    const p = await openSidebar(a, { content });
    const status = p.locator("#approval-status");
    await expect
      .poll(() => status.innerText())
      .toBe(
        "Kỳ quý I năm 2023: đã thêm 1 dòng cho đơn vị chưa có dòng, bảo vệ dòng của 2 đơn vị (2 bảo vệ mới). " +
          "1 đơn vị chưa có email nhập liệu nên dòng vẫn mở cho mọi người sửa: Xã C.",
      );
    expect(await p.locator("#period").inputValue()).toBe(P);
    expect(await approvalRegion(p).getByRole("row").count()).toBe(4);
    await p.close();

    // Again, from the button: nothing more to add.
    const q = await openApproval(a);
    await approvalRegion(q).getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).click();
    await expect.poll(() => q.locator("#approval-status").innerText()).toMatch(/^Kỳ quý I năm 2023: đã thêm 0 dòng .*\(0 bảo vệ mới\)\./);
    await q.close();

    a.env.setUser(CLERK_A);
    a.call("menuPrepare");
    const r = await openSidebar(a, { content: a.env.ui.sidebars.at(-1)!.content });
    await expect
      .poll(() => approvalRegion(r).getByRole("alert").innerText())
      .toMatch(
        /^Không thực hiện được: Chỉ người duyệt \(.*\) mới được chuẩn bị kỳ báo cáo\. Tài khoản a@xa\.example\.vn không phải người duyệt/,
      );
    // The section is not blank: the clerk's own unit is there.
    await expect.poll(() => r.locator("#approval-mine").innerText()).toContain("Xã A (A)");
  });

  it("a submission shows progress with the buttons disabled", async () => {
    const a = approvalAddon();
    a.call("preparePeriod", P);
    a.env.setUser(CLERK_A);
    a.env.userEdit(SHEET_SUBMISSIONS, `${letter("documents_signed")}2`, 150);
    const p = await openApproval(a, { delayMs: 400 });
    const submit = approvalRegion(p).getByRole("button", { name: "Nộp số liệu" });
    await submit.click();
    await expect.poll(() => p.locator("#progress").isVisible()).toBe(true);
    expect(await p.locator("#progress-text").innerText()).toBe("Đang nộp số liệu…");
    expect(await submit.isDisabled()).toBe(true);
    expect(await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => p.locator("#approval-status").innerText()).toMatch(/Trạng thái mới: Đã nộp\.$/);
    expect(await p.locator("#progress").isVisible()).toBe(false);
  });

  it("names, notes and messages from the sheet show as text: a unit named <img src=x onerror=alert(1)>", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const a = approvalAddon({ names: { A: `${evil} A`, B: `<b>B</b>`, C: `<script>alert(2)</script>` } });
    a.call("preparePeriod", P);
    a.env.setUser(CLERK_B);
    a.call("submitUnit", P, "B");
    a.env.setUser(REVIEWER);
    a.call("returnUnit", P, "B", `${evil} lý do`);
    // The reviewer's table, its notes and the result of an action.
    const p = await openApproval(a);
    const region = approvalRegion(p);
    const b = region.getByRole("row", { name: /^<b>B<\/b> \(B\)/ });
    expect(await b.innerText()).toContain(`Ý kiến: ${evil} lý do`);
    expect(await p.locator("#approval-notes").innerText()).toContain("<script>alert(2)</script>");
    expect(await region.getByRole("row", { name: /^<img src=x onerror=alert\(1\)> A \(A\)/ }).isVisible()).toBe(true);
    await region.getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).click();
    await expect.poll(() => p.locator("#approval-status").innerText()).toContain("<script>alert(2)</script>");
    expect(await p.locator("#approval img, #approval b, #approval script").count()).toBe(0);
    await p.close();
    // The clerk's view, with the reviewer's note.
    a.env.setUser(CLERK_B);
    const q = await openApproval(a);
    expect(await q.locator("#approval-mine").innerText()).toContain(`Ý kiến: ${evil} lý do`);
    expect(await q.locator("#approval-mine").innerText()).toContain("<b>B</b> (B)");
    expect(await q.locator("#approval img, #approval b").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("when Google withholds the email, the clerk picks the unit from Đơn vị của bạn and submits it", async () => {
    const a = approvalAddon({ withhold: true });
    a.call("preparePeriod", P);
    a.env.setUser(CLERK_A);
    a.env.userEdit(SHEET_SUBMISSIONS, `${letter("documents_signed")}2`, 150);
    const p = await openApproval(a);
    const region = approvalRegion(p);
    expect(await p.locator("#approval-user").innerText()).toBe("Google không cho biết email của bạn.");
    const pick = region.getByLabel("Đơn vị của bạn");
    expect(await pick.isVisible()).toBe(true);
    expect(await pick.locator("option").allInnerTexts()).toEqual(["— Chọn đơn vị —", "Xã A (A)", "Xã B (B)", "Xã C (C)"]);
    expect(await region.getByRole("button", { name: "Nộp số liệu" }).count()).toBe(0);
    expect(await region.getByRole("row").count()).toBe(0); // nobody is a reviewer without an email
    await pick.selectOption("A");
    expect(await p.locator("#approval-mine").innerText()).toMatch(/^Xã A \(A\)\s+Trạng thái: Đang nhập/);
    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    await expect.poll(() => p.locator("#approval-status").innerText()).toMatch(/^Xã A đã nộp số liệu quý I năm 2023\./);
    expect(await pick.inputValue()).toBe("A"); // the choice stays after the redraw
    expect(a.env.values(SHEET_SUBMISSIONS)[1]![col("status")]).toBe("Đã nộp");
  });

  it("Người duyệt in Thông tin báo cáo: a clerk cannot save (hidden, and refused by the server); the owner saves one email a line; a bad email is refused", async () => {
    const a = approvalAddon({ user: CLERK_B });
    const p = await openApproval(a);
    expect(await approvalRegion(p).getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).count()).toBe(0);
    await p.locator("#settings summary").click();
    const reviewers = p.locator("#settings-form").getByLabel("Người duyệt", { exact: true });
    await expect.poll(() => reviewers.inputValue()).toBe(REVIEWER);
    // The clerk sees the settings but no save button, and the server refuses the call made by hand.
    expect(await p.getByRole("button", { name: "Lưu thông tin" }).count()).toBe(0);
    expect(await p.locator("#settings-readonly").isVisible()).toBe(true);
    const before = storedSettings(a);
    const refused = await p.evaluate(
      (clerk) =>
        new Promise<string>((resolve) => {
          type Run = {
            withSuccessHandler(f: () => void): Run;
            withFailureHandler(f: (e: Error) => void): Run;
            saveSettings(s: object): void;
          };
          const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
          run
            .withSuccessHandler(() => resolve("saved"))
            .withFailureHandler((e) => resolve(e.message))
            .saveSettings({ level: "tỉnh", name: "Quảng Trị", reviewers: [clerk] });
        }),
      CLERK_B,
    );
    expect(refused).toMatch(/^Chỉ người duyệt \(.*\) mới được lưu Thông tin báo cáo\. Tài khoản b@xa\.example\.vn không phải người duyệt/);
    expect(storedSettings(a)).toEqual(before);
    await p.close();

    a.env.setUser(OWNER);
    const q = await openApproval(a);
    await q.locator("#settings summary").click();
    const owned = q.locator("#settings-form").getByLabel("Người duyệt", { exact: true });
    await expect.poll(() => owned.inputValue()).toBe(REVIEWER);
    await owned.fill(`${REVIEWER}\n\n  ${CLERK_B.toUpperCase()}  `);
    await q.getByRole("button", { name: "Lưu thông tin" }).click();
    await expect.poll(() => q.locator("#settings-status").innerText()).toBe("Đã lưu.");
    expect(storedSettings(a).reviewers).toEqual([REVIEWER, CLERK_B]);
    expect(await owned.inputValue()).toBe(`${REVIEWER}\n${CLERK_B}`);

    await owned.fill("khong-phai-email");
    await q.getByRole("button", { name: "Lưu thông tin" }).click();
    await expect
      .poll(() => q.locator("#settings-form").getByRole("alert").innerText())
      .toBe("Chưa lưu được: Email người duyệt không hợp lệ (ví dụ: vanphong@quangtri.gov.vn).");
    expect(storedSettings(a).reviewers).toEqual([REVIEWER, CLERK_B]);
  });

  it("a log edited by hand is shown to everyone; only a reviewer gets Xác nhận nhật ký; a sorted sheet is a note for the reviewer", async () => {
    const a = approvalAddon();
    a.call("preparePeriod", P);
    a.env.setUser(CLERK_B);
    a.call("submitUnit", P, "B");
    a.env.setUser(OWNER);
    a.call("preparePeriod", P); // the submission is logged
    // A sort of Số liệu (A's and B's rows swap values; protections stay).
    const sheet = a.env.sheet(SHEET_SUBMISSIONS);
    const rows = sheet.getRange(2, 1, 2, sheet.getLastColumn()).getValues();
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).setValues([rows[1]!, rows[0]!]);
    const p = await openApproval(a);
    await expect.poll(() => p.locator("#approval-notes").innerText()).toContain("Bảo vệ dòng của Xã A lệch khỏi dòng của đơn vị");
    expect(await p.locator("#approval-log").isVisible()).toBe(false);
    await p.close();
    // The log's row edited by hand.
    a.env.sheet("Nhật ký CCHC").getRange("G2").setValue("Đã duyệt");
    a.env.setUser(CLERK_A);
    const clerk = await openApproval(a);
    await expect.poll(() => clerk.locator("#approval-log-text").innerText()).toMatch(/^Nhật ký CCHC đã bị sửa bằng tay: dòng số thứ tự 1/);
    expect(await clerk.getByRole("button", { name: "Xác nhận nhật ký" }).isVisible()).toBe(false);
    await clerk.close();
    a.env.setUser(OWNER);
    const q = await openApproval(a);
    const accept = q.getByRole("button", { name: "Xác nhận nhật ký" });
    await expect.poll(() => accept.isVisible()).toBe(true);
    await q.evaluate(() => {
      window.confirm = () => true;
    });
    await accept.click();
    await expect.poll(() => q.locator("#approval-status").innerText()).toMatch(/^Đã xác nhận Nhật ký CCHC như hiện có \(1 dòng đọc được\)/);
    expect(await q.locator("#approval-log").isVisible()).toBe(false);
    expect(dialogs).toEqual([]);
  });

  it("when the state cannot be read, the section says why instead of staying blank", async () => {
    const a = sampleAddon();
    a.env.sheet(SHEET_SUBMISSIONS).getRange("R1").setValue("Thanh toán");
    const p = await openSidebar(a);
    await expect
      .poll(() => p.locator("#approval-load-error").innerText())
      .toBe('Chưa xem được trạng thái nộp, duyệt: Trang "Số liệu" thiếu cột "Hồ sơ thanh toán trực tuyến".');
    expect(await approvalRegion(p).isVisible()).toBe(true);
  });
});
