/**
 * The add-on's own sheets (`Kết quả CCHC`, `Nhật ký CCHC`): found by the id
 * kept in document properties, never by name alone, so that a user's sheet of
 * that name, even an empty or only formatted one, is never taken over.
 */
import { sheetsByName } from "./workbook";
import type { Undo } from "./undo";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The add-on's sheet when it exists, or null when it is still to be created; a user's sheet of that name is refused. */
export function ownedSheet(ss: Spreadsheet, name: string, property: string): Sheet | null {
  const id = PropertiesService.getDocumentProperties().getProperty(property);
  const existing = sheetsByName(ss)(name);
  if (!existing) return null;
  if (String(existing.getSheetId()) === id) return existing;
  throw new Error(
    `Đã có trang "${existing.getName()}" không do tiện ích tạo. Hãy đổi tên trang đó (hoặc xóa nếu không dùng) rồi chạy lại; ` +
      "tiện ích không ghi vào trang của bạn và chưa thay đổi gì.",
  );
}

/** Creates the add-on's sheet at the end, keeps the clerk on their sheet, records its id; undo removes both. */
export function createOwnedSheet(ss: Spreadsheet, name: string, property: string, undo: Undo): Sheet {
  const props = PropertiesService.getDocumentProperties();
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  undo.push(() => {
    props.deleteProperty(property);
    ss.deleteSheet(sheet);
  });
  ss.setActiveSheet(active); // insertSheet activates the new sheet: keep the clerk where they were
  props.setProperty(property, String(sheet.getSheetId()));
  return sheet;
}
