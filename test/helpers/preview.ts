/** Driving the preview page (npm start) in Chromium: its grid, its edit bar and its "Người dùng" switch. */
import { createServer } from "node:net";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Preview } from "../../src/local/preview/server";

export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** The sidebar's submission and approval section. */
export const approvalSection = (page: Page) => page.getByRole("region", { name: "Nộp và duyệt số liệu" });

/** A cell of the grid as shown. */
export const shown = (page: Page, a1: string) => page.locator(`#grid td[data-cell="${a1}"]`).innerText({ timeout: 2000 });

/** Chooses a person in the page's "Người dùng" switch: the page reloads as them; waits until the sidebar says who. */
export async function actAs(here: Preview, page: Page, email: string): Promise<void> {
  await page.getByLabel("Người dùng").selectOption(email);
  await expect
    .poll(
      () =>
        page
          .locator("#approval-user")
          .innerText({ timeout: 1000 })
          .catch(() => ""),
      { timeout: 20000 },
    )
    .toMatch(new RegExp(`^Tài khoản: ${email.replace(/\./g, "\\.")}`));
  expect(here.addon.env.user).toBe(email);
  await page.locator("#grid").waitFor();
}

/** Types a value into a cell of a sheet through the grid and the edit bar, as a person does. */
export async function typeInto(page: Page, a1: string, value: string, sheet = "Số liệu"): Promise<void> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await expect.poll(() => page.locator("#grid").getAttribute("data-sheet")).toBe(sheet);
  await page.locator(`#grid td[data-cell="${a1}"]`).click();
  await expect.poll(() => page.locator("#cell-name").innerText()).toBe(a1);
  const input = page.getByLabel("Nội dung ô");
  await input.fill(value);
  await input.press("Enter");
}
