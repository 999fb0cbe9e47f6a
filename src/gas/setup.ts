/**
 * Set-up from the national unit list (src/core/setup.ts): the list is
 * dist/units.html, a file of the project that no custom function loads; it is
 * read here, only when set-up needs it, with one
 * HtmlService.createHtmlOutputFromFile call (Google's "include" pattern:
 * https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript),
 * and handed to the sidebar, which finds the name the user types, shows what
 * will be added and sends the rows to setupSheets (src/gas/actions.ts), which
 * checks them (checkSetupUnits). Matching and the rows are src/core/setup.ts,
 * run by the sidebar and the command line; none of it is in Code.js, which
 * every custom-function call loads.
 */
import { sheetsByName, activeSpreadsheet } from "./workbook";
import { SHEET_UNITS } from "../core/schema";

/** The list's text (dist/units.html): one HtmlService call. */
const listText = (): string => HtmlService.createHtmlOutputFromFile("units").getContent();

/** Sidebar: the list (its text form) and whether `Đơn vị` exists (set-up never changes it then). */
export function setupList(): { list: string; unitsExist: boolean } {
  return { list: listText(), unitsExist: sheetsByName(activeSpreadsheet())(SHEET_UNITS) !== null };
}
