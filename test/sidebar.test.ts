/**
 * The built sidebar (dist/sidebar.html) in real headless Chromium, with a
 * google.script.run bridge to the built server code on the stand-ins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DIST, runFromSidebar, startAddon, type LocalAddon } from "../src/local/runtime";
import { googleScriptShim } from "../src/local/google-script-shim";
import { SHEET_SUBMISSIONS, SHEET_UNITS } from "../src/core/schema";
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
      "Kỳ 2023-Q1 (từ ngày 15/12/2022 đến ngày 14/03/2023): 3 lỗi, 2 cảnh báo. 24/25 đơn vị đã nộp.",
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
    expect(await link.innerText()).toBe("Mở báo cáo: Báo cáo CCHC quý I năm 2023 - huyện Vĩnh Linh");
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
    const p = await openSidebar(a);
    await p.selectOption("#period", "2023-Q1");
    await p.getByRole("button", { name: "Kiểm tra số liệu", exact: true }).click();
    await p.locator("#findings").waitFor({ state: "visible" });
    expect(await p.locator("#missing-list").innerText()).toContain(`${evil} 2 (B)`);
    expect(await p.locator("#findings-list").innerText()).toContain(`${evil} (A)`);
    expect(await p.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("report settings are edited and saved from the sidebar", async () => {
    const p = await openSidebar(sampleAddon());
    await p.locator("#settings summary").click();
    await expect.poll(() => p.locator("#s-issuingBody").inputValue()).toBe("ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH");
    await p.getByLabel("Họ tên người ký").fill("Nguyễn Văn An");
    await p.getByRole("button", { name: "Lưu thông tin" }).click();
    await expect.poll(() => p.locator("#settings-status").innerText()).toBe("Đã lưu.");
    expect((runFromSidebar(addon, "getSettings", []) as { value: { signerName: string } }).value.signerName).toBe("Nguyễn Văn An");
    await p.getByLabel("Cơ quan ban hành").fill(" ");
    await p.getByRole("button", { name: "Lưu thông tin" }).click();
    await p.getByRole("alert").waitFor({ state: "visible" });
    expect(await p.getByRole("alert").innerText()).toContain("Cơ quan ban hành không được để trống.");
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
    expect(await payment.nth(3).getAttribute("title")).toBe("Kỳ 2022-Q1: không có số liệu");
  });

  it("opened from a menu item, it runs that action by itself", async () => {
    const a = sampleAddon();
    a.call("menuValidate");
    const p = await openSidebar(a, { content: a.env.ui.sidebars[0]!.content });
    await p.locator("#findings").waitFor({ state: "visible" });
    expect(await p.locator("#findings-summary").innerText()).toMatch(/^Kỳ \d{4}-Q[1-4]/);
  });
});
