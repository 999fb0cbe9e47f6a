/**
 * Loading a user's .xlsx for the command line and the preview, with one
 * Vietnamese line for every way it can fail (not a workbook, too large) and
 * the cells whose formulas have no saved value (named, never invented).
 */
import { formulasWithoutValue, loadXlsx, XlsxFormatError, XlsxTooLargeError, type FakeSpreadsheet } from "@cchc/gas-standins";
import { formatNumber } from "../../core/text";

/** The workbook cannot be used: the message is one Vietnamese line. */
export class WorkbookUnusable extends Error {}

const n = (x: number) => formatNumber(x, 0);

/** One line for a workbook refused by the size limits, naming the sheet and the farthest cell. */
export function tooLargeMessage(e: XlsxTooLargeError, file: string): string {
  if (e.kind === "expanded") {
    const mb = (bytes: number) => n(Math.ceil(bytes / (1024 * 1024)));
    return (
      `Tệp "${file}" khi giải nén lớn tới ${mb(e.expandedBytes)} MB, quá giới hạn ${mb(e.limits.maxExpandedBytes)} MB; ` +
      "hãy bỏ bớt hình ảnh, trang không dùng hoặc chia tệp."
    );
  }
  const rows = e.tooManyRows;
  const columns = e.tooManyColumns;
  const both = (r: string, c: string) => [rows ? r : "", columns ? c : ""].filter(Boolean).join(" và ");
  const fix = both("các dòng trống ở cuối", "các cột trống bên phải");
  return (
    `Trang "${e.sheet}" của tệp "${file}" có ${both(`${n(e.rows)} dòng`, `${n(e.columns)} cột`)}` +
    (e.cell ? ` (đến ô ${e.cell})` : "") +
    `, quá giới hạn ${both(`${n(e.limits.maxRows)} dòng`, `${n(e.limits.maxColumns)} cột`)}; hãy xóa ${fix} hoặc chia tệp.`
  );
}

/** Loads the workbook at `path` (shown to the user as `file`); throws WorkbookUnusable with one Vietnamese line. */
export async function loadWorkbook(path: string, file: string, name: string): Promise<FakeSpreadsheet> {
  try {
    return await loadXlsx(path, { name });
  } catch (e) {
    if (e instanceof XlsxTooLargeError) throw new WorkbookUnusable(tooLargeMessage(e, file));
    if (e instanceof XlsxFormatError) throw new WorkbookUnusable(`Tệp "${file}" không phải là bảng tính Excel (.xlsx) đọc được.`);
    throw new WorkbookUnusable(`Không đọc được tệp "${file}": ${(e as Error).message}`);
  }
}

/**
 * A warning line when formula cells have no saved value (a file written by a
 * tool that did not compute them): they read as blank, so their rows get
 * "chưa nhập" findings; the fix is to open and save the file in Excel.
 */
export function unsavedFormulasWarning(
  spreadsheet: FakeSpreadsheet,
  file: string,
  /** What the caller does with them (the command line reads each as its formula's text; the preview computes them). */
  how = 'các ô này được đọc là chính công thức (ví dụ "=U7"), không phải giá trị của nó; ô số liệu như vậy được báo lỗi trên chính ô đó.',
): string | null {
  const cells = formulasWithoutValue(spreadsheet);
  if (cells.length === 0) return null;
  const shown = cells
    .slice(0, 5)
    .map((c) => `${c.sheet}!${c.cell}`)
    .join(", ");
  return (
    `Cảnh báo: tệp "${file}" có ${n(cells.length)} ô công thức chưa có giá trị lưu sẵn (${shown}${cells.length > 5 ? ", …" : ""}); ` +
    `${how} Hãy mở tệp bằng Excel hoặc Google Trang tính, lưu lại rồi chạy lại.`
  );
}

/**
 * Each formula cell saved without a value is given its formula's text as its
 * value, in the loaded copy only (the file is not touched): a reader that
 * cannot compute `=U7` sees "=U7", not a blank, so the add-on names the cell
 * in every column, optional ones included (a blank optional cell would just
 * mean "not tracked"). Returns how many cells.
 */
export function unsavedFormulasAsText(spreadsheet: FakeSpreadsheet): number {
  const cells = formulasWithoutValue(spreadsheet);
  for (const c of cells) spreadsheet.getSheetByName(c.sheet)?.getRange(c.cell).setNumberFormat("@").setValue(c.formula);
  return cells.length;
}
