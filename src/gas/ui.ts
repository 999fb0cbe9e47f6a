/** Menu and sidebar: the only code here that touches the Ui and HtmlService. */

/** The add-on menu's title and the sidebar's. */
export const MENU_TITLE = "Báo cáo CCHC";

/** What the sidebar runs by itself when opened from a menu item. */
export type SidebarAction = "" | "validate" | "highlight" | "report" | "setup" | "prepare";

/** SPEC's menu, in order: label and the entry point it calls. */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ["Mở bảng điều khiển", "showSidebar"],
  ["Thiết lập bảng tính", "menuSetup"],
  ["Kiểm tra số liệu", "menuValidate"],
  ["Tô sáng chỉ tiêu chưa đạt", "menuHighlight"],
  ["Tạo báo cáo quý", "menuReport"],
  ["Chuẩn bị kỳ báo cáo", "menuPrepare"],
];

/**
 * Builds the add-on menu. Works in AuthMode.NONE: it touches nothing but the
 * Ui (no properties, no sheet reads).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [label, fnName] of MENU_ITEMS) menu.addItem(label, fnName);
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The marker in the built sidebar.html that a menu item fills with its action. */
export const AUTORUN_MARKER = 'data-autorun=""';

export function showSidebar(action: SidebarAction = ""): void {
  let html = HtmlService.createHtmlOutputFromFile("sidebar");
  if (action) html = HtmlService.createHtmlOutput(html.getContent().replace(AUTORUN_MARKER, `data-autorun="${action}"`));
  SpreadsheetApp.getUi().showSidebar(html.setTitle(MENU_TITLE));
}

/** "Thiết lập bảng tính": the sidebar opens on set-up, which asks for the level first on a new sheet. */
export const menuSetup = () => showSidebar("setup");
export const menuValidate = () => showSidebar("validate");
export const menuHighlight = () => showSidebar("highlight");
export const menuReport = () => showSidebar("report");
/** "Chuẩn bị kỳ báo cáo" (reviewers): the sidebar opens on the approval panel and prepares the chosen period. */
export const menuPrepare = () => showSidebar("prepare");
