/**
 * A new workbook set up from the national unit list exactly as the menu sets
 * up a sheet: the bundled add-on (dist/Code.js) on the stand-ins, a blank
 * spreadsheet, the list through the add-on's setupList, the province or
 * commune found by the code the sidebar runs (src/core/setup.ts fromList),
 * and setupSheets writing `Đơn vị`, `Chỉ tiêu` and `Số liệu`. Used by
 * `npm run setup` (../cli/setup.ts), the second sample (../samples/province.ts),
 * the tests and the bench.
 */
import { fromList, type ListAnswer, parseUnitList } from "../../core/setup";
import { type LocalAddon, type LocalAddonOptions, startAddon } from "../runtime";

export interface SetUp {
  addon: LocalAddon;
  /** What the list gave: the units, or the refusal with the candidates (then nothing was written). */
  answer: ListAnswer;
  /** setupSheets' message, when it ran. */
  message: string | null;
}

/** Sets up a blank spreadsheet for a level and a name (and a commune's province); the caller disposes of the add-on. */
export function setUpNew(level: string, name: string, province?: string, options: LocalAddonOptions = {}): SetUp {
  const addon = startAddon(options);
  const { list } = addon.call<{ list: string }>("setupList");
  const answer = fromList(parseUnitList(list), level, name, province);
  if (!answer.ok) return { addon, answer, message: null };
  // As the sidebar sends them: JSON (google.script.run passes plain data).
  const units = JSON.parse(JSON.stringify(answer.units)) as unknown;
  const r = addon.call<{ message: string }>("setupSheets", level, answer.name, units);
  return { addon, answer, message: r.message };
}
