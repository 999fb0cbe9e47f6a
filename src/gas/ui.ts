/** Menu and sidebar: the only code here that touches SpreadsheetApp's Ui and HtmlService. */
import { MENU_TITLE } from "../entrypoints";

/** Menu items of SPEC, in order: label and the entry point it calls. */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [["Mở bảng điều khiển", "showSidebar"]];

/**
 * Builds the add-on menu. Works in AuthMode.NONE: it touches nothing but the
 * Ui (no properties, no sheet reads).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [label, fnName] of MENU_ITEMS) menu.addItem(label, fnName);
  menu.addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
