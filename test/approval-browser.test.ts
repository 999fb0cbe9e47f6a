/**
 * Issue 12 end to end in headless Chromium, through the preview server
 * (npm start) on the province sample: the owner prepares the period; a
 * commune's clerk cannot touch another commune's row, is refused while the
 * row has an error, fixes it and submits; a reviewer returns it with a
 * reason; the clerk sees the note and resubmits; the owner approves, after
 * which the clerk can no longer edit the row; `Nhật ký CCHC` shows every
 * step. Each person is chosen in the page's "Người dùng" switch, which makes
 * them the user the stand-ins' protections check. The reviewer's view is
 * saved as test-results/approval-reviewer.png.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { columnToLetters } from "@cchc/gas-standins";
import { launchChromium } from "./helpers/browser";
import { actAs as actAsIn, approvalSection, freePort, shown, typeInto } from "./helpers/preview";
import { SUBMISSION_COLUMNS, type SubmissionKey } from "../src/core/schema";
import type { ApprovalView } from "../src/gas/approval";
import { QT_CURRENT, quangTriWorkbook } from "../src/local/samples/quang-tri";
import { PROVINCE_OWNER, PROVINCE_REVIEWER, type Preview, startPreview } from "../src/local/preview/server";

const ROOT = join(__dirname, "..");
/** Unit A, whose clerk goes round the loop, and unit B, a neighbour: communes with a clerk and a 2026-Q2 row without findings. */
const A = { code: "18904", name: "Xã Dân Hóa", clerk: "mot-cua.18904@quangtri.example.vn" };
const B = { code: "18919", name: "Xã Tân Thành", clerk: "mot-cua.18919@quangtri.example.vn" };
const REASON = "Số văn bản đi được ký số chưa khớp sổ văn bản";

const province = quangTriWorkbook();
/** 1-based sheet row of a unit's 2026-Q2 row in the sample's `Số liệu`. */
const rowOf = (unit: string) => province.submissions.findIndex((r) => r[0] === QT_CURRENT && r[1] === unit) + 1;
const column = (key: SubmissionKey) => SUBMISSION_COLUMNS.findIndex((c) => c.key === key);
const cellOf = (unit: string, key: SubmissionKey) => `${columnToLetters(column(key) + 1)}${rowOf(unit)}`;
const sampleValue = (unit: string, key: SubmissionKey) => province.submissions[rowOf(unit) - 1]![column(key)] as number;

let browser: Browser;
let here: Preview;

beforeAll(async () => {
  here = await startPreview({ port: await freePort(), sample: "quang-tri" });
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await here?.close();
});

const sidebar = approvalSection;
const unitRow = (page: Page, unit: { code: string; name: string }) =>
  sidebar(page).getByRole("row", { name: new RegExp(`^${unit.name} \\(${unit.code}\\)`) });
/** A cell of Số liệu as the stand-ins hold it. */
const stored = (a1: string) => here.addon.env.values(`'Số liệu'!${a1}`)[0]![0];
/** What the server says of a unit now, as the owner would see it (read without changing the user). */
function statusOf(code: string): string {
  const user = here.addon.env.user;
  here.addon.env.setUser(PROVINCE_OWNER);
  try {
    return here.addon.call<ApprovalView>("approvalState", QT_CURRENT).units.find((u) => u.code === code)!.status;
  } finally {
    here.addon.env.setUser(user);
  }
}

const actAs = (page: Page, email: string) => actAsIn(here, page, email);

/** The edit is refused in Sheets' dialog, with a line on who may edit; the cell keeps its value, on screen and in the sheet. */
async function expectRefused(page: Page, a1: string, before: unknown): Promise<void> {
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ state: "visible", timeout: 15000 });
  expect(await dialog.locator("#rejected-text").innerText()).toBe(
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
  );
  expect(await dialog.locator("#rejected-help").innerText()).toMatch(/^Tài khoản .+ không được sửa ô này\. /);
  await dialog.getByRole("button", { name: "OK" }).click();
  expect(stored(a1)).toBe(before);
  expect(await shown(page, a1)).toBe(String(before));
  expect(await page.getByLabel("Nội dung ô").inputValue()).toBe(String(before));
}

describe("Nộp và duyệt số liệu in the browser (issue 12)", { timeout: 240000 }, () => {
  it("prepare, a refused edit of another unit, a refused then accepted submission, a return with a reason, resubmission, approval, a locked row, and the log", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(here.url);
    await page.locator("#grid").waitFor();
    await expect.poll(() => page.locator("#period").inputValue(), { timeout: 20000 }).toBe(QT_CURRENT);
    const region = sidebar(page);

    // The switch offers the owner, the reviewer in the settings, and each unit's clerk.
    const users = page.getByLabel("Người dùng");
    expect(await users.inputValue()).toBe(PROVINCE_OWNER);
    const labels = await users.locator("option").allInnerTexts();
    expect(labels.slice(0, 2)).toEqual([`Người duyệt (chủ sở hữu) — ${PROVINCE_OWNER}`, `Người duyệt — ${PROVINCE_REVIEWER}`]);
    expect(labels).toContain(`${A.name} — ${A.clerk}`);
    expect(labels.length).toBeGreaterThan(90);

    // 1. The owner prepares the period: a row for the unit without one, each unit's row protected, the log sheet created.
    await expect
      .poll(() => page.locator("#approval-user").innerText(), { timeout: 20000 })
      .toBe(`Tài khoản: ${PROVINCE_OWNER} (người duyệt).`);
    await region.getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).click();
    await expect
      .poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 })
      .toMatch(/^Kỳ quý II năm 2026: đã thêm 1 dòng cho đơn vị chưa có dòng, bảo vệ dòng của 94 đơn vị \(94 bảo vệ mới\)\./);
    await expect.poll(() => page.getByRole("tab").allInnerTexts(), { timeout: 15000 }).toContain("Nhật ký CCHC");
    expect(await unitRow(page, A).locator("td").nth(1).innerText()).toBe("Đang nhập");
    expect(await unitRow(page, A).locator("td").nth(2).innerText()).toBe("0"); // no findings in A's row

    // 2. A's clerk: only A in their view; B's row is protected against them.
    await actAs(page, A.clerk);
    const mine = page.locator("#approval-mine li");
    expect(await mine.count()).toBe(1);
    expect(await mine.innerText()).toMatch(new RegExp(`^${A.name} \\(${A.code}\\)\\s+Trạng thái: Đang nhập`));
    expect(await region.getByRole("button", { name: "Chuẩn bị kỳ báo cáo" }).count()).toBe(0);
    const bOnline = cellOf(B.code, "received_online");
    await typeInto(page, bOnline, "1");
    await expectRefused(page, bOnline, sampleValue(B.code, "received_online"));

    // 3. An error in A's row (more documents signed than issued): the submission is refused with the finding.
    const signed = cellOf(A.code, "documents_signed");
    const issued = sampleValue(A.code, "documents_issued");
    const original = sampleValue(A.code, "documents_signed");
    await typeInto(page, signed, String(issued + 5));
    await expect.poll(() => stored(signed), { timeout: 15000 }).toBe(issued + 5);
    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    const alert = region.getByRole("alert");
    await expect
      .poll(() => alert.innerText({ timeout: 1000 }).catch(() => ""), { timeout: 20000 })
      .toBe(`Chưa nộp số liệu được: số liệu của ${A.name} còn 1 lỗi. Hãy sửa các ô được nêu rồi nộp số liệu lại.`);
    const finding = page.locator("#approval-findings").getByRole("button", { name: new RegExp(signed) });
    expect(await finding.innerText()).toMatch(/Lỗi: /);
    expect(statusOf(A.code)).toBe("Đang nhập");
    // The finding selects its cell in the grid (another cell selected first, so that the move is the finding's).
    await page.locator(`#grid td[data-cell="A${rowOf(A.code)}"]`).click();
    await expect.poll(() => page.locator("#cell-name").innerText()).toBe(`A${rowOf(A.code)}`);
    await finding.click();
    await expect.poll(() => page.locator("#grid td.selected").getAttribute("data-cell"), { timeout: 15000 }).toBe(signed);

    // 4. Fixed, then submitted.
    await typeInto(page, signed, String(original));
    await expect.poll(() => stored(signed), { timeout: 15000 }).toBe(original);
    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    await expect
      .poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 })
      .toBe(`${A.name} đã nộp số liệu quý II năm 2026. Trạng thái mới: Đã nộp.`);
    expect(await alert.isVisible()).toBe(false);
    expect(await mine.innerText()).toContain("Đã nộp, chờ người duyệt.");
    const statusCell = cellOf(A.code, "status");
    await expect.poll(() => shown(page, statusCell).catch(() => ""), { timeout: 15000 }).toBe("Đã nộp");

    // 5. The reviewer returns it with a reason.
    await actAs(page, PROVINCE_REVIEWER);
    const rowA = unitRow(page, A);
    expect(await rowA.locator("td").nth(1).innerText()).toBe("Đã nộp");
    expect(await rowA.getByRole("button").allInnerTexts()).toEqual(["Trả lại", "Duyệt"]);
    await rowA.getByRole("button", { name: "Trả lại" }).click(); // no reason yet: refused here
    await expect.poll(() => alert.innerText()).toBe(`Hãy ghi lý do trả lại cho ${A.name} vào ô “Lý do trả lại” rồi bấm “Trả lại”.`);
    expect(statusOf(A.code)).toBe("Đã nộp");
    await rowA.getByLabel("Lý do trả lại").fill(REASON);
    await rowA.getByRole("button", { name: "Trả lại" }).click();
    await expect
      .poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 })
      .toBe(`Đã trả lại số liệu của ${A.name} với lý do: ${REASON}. Dòng đã mở lại cho đơn vị sửa. Trạng thái mới: Trả lại.`);
    expect(await rowA.locator("td").nth(1).innerText()).toBe("Trả lại");

    // 6. A's clerk sees the note, corrects the figure and resubmits.
    await actAs(page, A.clerk);
    expect(await mine.innerText()).toMatch(new RegExp(`Trạng thái: Trả lại\\s+Ý kiến: ${REASON}`));
    await typeInto(page, signed, String(original - 1));
    await expect.poll(() => stored(signed), { timeout: 15000 }).toBe(original - 1);
    await region.getByRole("button", { name: "Nộp số liệu" }).click();
    await expect.poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 }).toMatch(/Trạng thái mới: Đã nộp\.$/);

    // 7. The owner approves: the row is locked to the reviewers. The reviewer's view is the screenshot.
    await actAs(page, PROVINCE_OWNER);
    await region.getByLabel("Hiện các đơn vị").selectOption("Đã nộp");
    expect(await region.getByRole("row").count()).toBe(2); // the header and A
    await region.getByLabel("Hiện các đơn vị").selectOption("");
    await unitRow(page, A).scrollIntoViewIfNeeded();
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "test-results", "approval-reviewer.png") });
    await unitRow(page, A).getByRole("button", { name: "Duyệt" }).click();
    await expect
      .poll(() => page.locator("#approval-status").innerText(), { timeout: 20000 })
      .toBe(`Đã duyệt số liệu của ${A.name}; dòng đã khóa, chỉ người duyệt sửa được. Trạng thái mới: Đã duyệt.`);
    expect(await unitRow(page, A).getByRole("button").allInnerTexts()).toEqual(["Trả lại", "Mở lại"]);
    await expect
      .poll(() => page.locator("#approval-counts").innerText())
      .toBe("Kỳ quý II năm 2026: 93 đang nhập, 0 đã nộp, 0 trả lại, 1 đã duyệt.");

    // 8. A's clerk can no longer change A's row.
    await actAs(page, A.clerk);
    expect(await mine.innerText()).toContain("Đã duyệt: dòng đã khóa, chỉ người duyệt sửa được.");
    expect(await region.getByRole("button", { name: "Nộp số liệu" }).count()).toBe(0);
    await typeInto(page, signed, "1");
    await expectRefused(page, signed, original - 1);

    // 9. Nhật ký CCHC, as the grid shows it: every step, with who took it.
    await page.getByRole("tab", { name: "Nhật ký CCHC" }).click();
    await expect.poll(() => page.locator("#grid").getAttribute("data-sheet")).toBe("Nhật ký CCHC");
    const row = async (r: number) => Promise.all(["C", "D", "E", "F", "G", "H"].map((c) => shown(page, `${c}${r}`)));
    expect(await row(1)).toEqual(["Người thực hiện", "Kỳ báo cáo", "Mã đơn vị", "Từ trạng thái", "Sang trạng thái", "Ghi chú"]);
    expect(await Promise.all([2, 3, 4, 5].map(row))).toEqual([
      [A.clerk, QT_CURRENT, A.code, "Đang nhập", "Đã nộp", ""],
      [PROVINCE_REVIEWER, QT_CURRENT, A.code, "Đã nộp", "Trả lại", REASON],
      [A.clerk, QT_CURRENT, A.code, "Trả lại", "Đã nộp", ""],
      [PROVINCE_OWNER, QT_CURRENT, A.code, "Đã nộp", "Đã duyệt", ""],
    ]);
    expect(await shown(page, "A6")).toBe(""); // nothing else: the grid's blank row below the log
    expect(await shown(page, "A2")).toBe("1"); // the log's own sequence numbers
    expect(await shown(page, "B2")).toMatch(/^2026-06-10 \d\d:\d\d:\d\d$/); // the script's clock: the sample's day
    await page.close();
  });
});
