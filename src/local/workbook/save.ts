/**
 * Writing a new workbook for the command line: the stand-in spreadsheet as
 * .xlsx (saveXlsx of @cchc/gas-standins), never over a file that exists.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type FakeSpreadsheet, saveXlsx } from "@cchc/gas-standins";

/** The file cannot be written: the message is one Vietnamese line. */
export class CannotSave extends Error {}

const WHY: Record<string, string> = {
  EEXIST: "tệp đã có (tiện ích không ghi đè; hãy chọn tên khác hoặc xóa tệp cũ)",
  ENOENT: "thư mục không tồn tại và không tạo được",
  EACCES: "không có quyền ghi",
  EPERM: "không được phép ghi",
  EISDIR: "đó là một thư mục",
  ENOTDIR: "một phần của đường dẫn không phải là thư mục",
  ENOSPC: "ổ đĩa đã đầy",
  EROFS: "ổ đĩa chỉ đọc",
};

/** Checked before any work: a file (or folder) already at `path` is refused. */
export function checkNewFile(path: string, shown: string): void {
  if (existsSync(path)) throw new CannotSave(`Không ghi được "${shown}": ${statSync(path).isDirectory() ? WHY.EISDIR : WHY.EEXIST}.`);
}

/** Writes the spreadsheet to `path` as .xlsx; the write itself refuses a file made meanwhile (flag "wx"). */
export async function saveNewWorkbook(spreadsheet: FakeSpreadsheet, path: string, shown: string): Promise<void> {
  checkNewFile(path, shown);
  const bytes = await saveXlsx(spreadsheet);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes, { flag: "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new CannotSave(`Không ghi được "${shown}": ${WHY[code] ?? (e as Error).message}${code && !WHY[code] ? ` (${code})` : ""}.`);
  }
}
