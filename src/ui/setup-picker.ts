/**
 * The set-up panel's picker (SPEC "Setting up for any province or commune"):
 * at level `tỉnh` or `xã` the user types a name, picks it from the national
 * list (searchable, diacritics optional) and sees what set-up will add to
 * `Đơn vị` before anything is written. The list comes from the server once
 * (setupList: the text of dist/units.html); finding the name and the rows is
 * src/core/setup.ts, the same code the command line runs. Every string from
 * the list reaches the page as textContent, never as HTML.
 */
import { fromList, type ListAnswer, parseUnitList, type SetupUnit, type UnitList } from "../core/setup";
import { normalizeKey } from "../core/text";

export type ListLevel = "tỉnh" | "xã";
export const isListLevel = (level: string): level is ListLevel => level === "tỉnh" || level === "xã";

export interface LoadedList {
  list: UnitList;
  /** `Đơn vị` exists: set-up will not add or change a unit. */
  unitsExist: boolean;
}

export function loadList(given: { list: string; unitsExist: boolean }): LoadedList {
  return { list: parseUnitList(given.list), unitsExist: given.unitsExist };
}

/** A name and the words of what it is: "Xã Tân Hiệp, Tỉnh An Giang" for a commune, the province's full name for a province. */
type Choice = { label: string; name: string; where: string };
/** The choices of a list and level, made once (suggest runs at every keystroke). */
const made = new WeakMap<UnitList, Partial<Record<ListLevel, Choice[]>>>();
function choices(list: UnitList, level: ListLevel): Choice[] {
  const known = made.get(list) ?? {};
  made.set(list, known);
  return (known[level] ??= makeChoices(list, level));
}

function makeChoices(list: UnitList, level: ListLevel): Choice[] {
  return level === "tỉnh"
    ? list.provinces.map((p) => ({ label: p.name, name: normalizeKey(p.name.replace(/^(Tỉnh|Thành phố) /, "")), where: "" }))
    : list.provinces.flatMap((p) =>
        p.units.map((u) => ({
          label: `${u.name}, ${p.name}`,
          name: normalizeKey(u.name.replace(/^(Xã|Phường|Đặc khu) /, "")),
          where: normalizeKey(p.name),
        })),
      );
}

const KIND_WORDS = /^\s*(tỉnh|tinh|thành phố|thanh pho|tp\.?|xã|xa|phường|phuong|đặc khu|dac khu)\s+/i;

/**
 * Up to `max` names for what the user has typed so far (a commune with its
 * province after a comma narrows to that province): names that start with
 * it first, then names that contain it; diacritics, case and spacing ignored.
 */
export function suggest(list: UnitList, level: ListLevel, typed: string, max = 8): string[] {
  const comma = typed.lastIndexOf(",");
  const [namePart, wherePart] = comma >= 0 ? [typed.slice(0, comma), typed.slice(comma + 1)] : [typed, ""];
  const q = normalizeKey(namePart.replace(KIND_WORDS, ""));
  const w = normalizeKey(wherePart.replace(KIND_WORDS, ""));
  if (!q) return [];
  const all = choices(list, level).filter((c) => c.name.includes(q) && c.where.includes(w));
  const first = all.filter((c) => c.name.startsWith(q));
  return [...first, ...all.filter((c) => !c.name.startsWith(q))].slice(0, max).map((c) => c.label);
}

/** What set-up will do with the list for this level and name. */
export function answer(loaded: LoadedList, level: ListLevel, typed: string): ListAnswer {
  return fromList(loaded.list, level, typed);
}

/** "Sẽ thêm vào trang Đơn vị: …" */
export function previewText(a: Extract<ListAnswer, { ok: true }>, unitsExist: boolean): string {
  if (unitsExist)
    return `Trang "Đơn vị" đã có: thiết lập không thêm, không sửa đơn vị nào (chỉ tạo các trang còn thiếu). Địa phương: ${a.title}.`;
  const active = a.units.filter((u) => u.active).length;
  const old = a.units.length - active;
  return (
    `Sẽ thêm vào trang "Đơn vị" của ${a.title}: ${active} đơn vị đang hoạt động` +
    (old ? ` và ${old} đơn vị cũ (không hoạt động, sáp nhập từ 01/07/2025, để so sánh cùng kỳ năm trước)` : "") +
    "."
  );
}

/** The rows of the preview's table: code, name, kind, what became of it. */
export function previewRows(units: readonly SetupUnit[]): [string, string, string, string][] {
  return units.map((u) => [u.code, u.name, u.kind, u.active ? "Đang hoạt động" : `Sáp nhập vào ${u.successors}`]);
}
