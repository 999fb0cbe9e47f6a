/**
 * Set-up from the national unit list (SPEC "Setting up for any province or
 * commune"): the list's compact text form, matching a name as people type
 * it, and the `Đơn vị` rows set-up writes at level `tỉnh` or `xã`.
 *
 * The list (../shared/data/vn-2025-units.json, 34 provinces, 3,321
 * commune-level units and the old units they were formed from) is not in
 * Code.js, which Apps Script loads on every custom-function call: the build
 * writes it as dist/units.html in the form below, and set-up reads it with one
 * HtmlService.createHtmlOutputFromFile("units").getContent() call.
 *
 * The form, one line each, UTF-8, no "<", "&", "|" or "," inside a name:
 *
 *     % the data's source
 *     #44 Tỉnh Quảng Trị|Tỉnh Quảng Bình,Tỉnh Quảng Trị
 *     19363 XVĩnh Linh|19363 THồ Xá,19366 XVĩnh Thạch*,…
 *
 * a province line (`#`, its code, its name, after `|` the provinces it was
 * formed from), then each of its units: code,
 * kind letter and bare name, then after `|` the old units it was formed
 * from, each code (`*` when the old unit was split among several new ones),
 * kind letter and bare name. Kind letters: X Xã, P Phường, D Đặc khu,
 * T Thị trấn, H Huyện. Before the provinces, the provincial offices every
 * province gets (PROVINCE_OFFICES), one a line: `!S VPUBND Văn phòng UBND
 * tỉnh` (S a department, C the service centre). Data lives in the file, not
 * in Code.js, which every custom-function call loads.
 */
import { normalizeKey } from "./text";

export interface ListedOld {
  readonly code: string;
  readonly name: string;
  /** "Xã", "Phường", "Thị trấn", "Huyện". */
  readonly kind: string;
  /** false: the old unit was split among several new units. */
  readonly whole: boolean;
}
export interface ListedUnit {
  readonly code: string;
  /** "Xã Vĩnh Linh". */
  readonly name: string;
  /** "Xã", "Phường", "Đặc khu". */
  readonly kind: string;
  readonly from: readonly ListedOld[];
  /** The province it belongs to. */
  readonly province: ListedProvince;
}
/** The list: provinces, and the offices every province has (code, name with " tỉnh", kind). */
export interface UnitList {
  readonly provinces: ListedProvince[];
  readonly offices: (readonly [code: string, name: string, kind: string])[];
}
export interface ListedProvince {
  readonly code: string;
  /** "Tỉnh Quảng Trị", "Thành phố Huế". */
  readonly name: string;
  /** The provinces it was formed from ("Tỉnh Quảng Bình", "Tỉnh Quảng Trị"). */
  readonly formerly: readonly string[];
  readonly units: ListedUnit[];
}

export const KIND_LETTERS: Readonly<Record<string, string>> = { X: "Xã", P: "Phường", D: "Đặc khu", T: "Thị trấn", H: "Huyện" };

/** "THồ Xá" → "Thị trấn Hồ Xá". */
const named = (s: string) => `${KIND_LETTERS[s[0]!] ?? ""} ${s.slice(1)}`;

/** The JSON of ../shared/data/vn-2025-units.json, as far as set-up reads it. */
export interface UnitListJson {
  source: string;
  provinces: {
    code: string;
    name: string;
    merged_from?: { name: string }[];
    units: { code: string; name: string; merged_from: { code: string; name: string; whole: boolean }[] }[];
  }[];
}

/** "Thị Trấn Ái Tử" → "TÁi Tử" (build time: the text form of the list; throws on what the form cannot hold). */
function letterName(name: string): string {
  const m = /^(Xã|Phường|Đặc khu|Thị [Tt]rấn|Huyện) (\S.*)$/u.exec(name.trim().replace(/\s+/g, " "));
  const letter = m && Object.keys(KIND_LETTERS).find((k) => KIND_LETTERS[k]!.toLowerCase() === m[1]!.toLowerCase());
  if (!m || !letter || /[<&|,\n]/.test(m[2]!)) throw new Error(`the unit list cannot hold the name ${JSON.stringify(name)}`);
  return letter + m[2];
}

/** The list in its text form (scripts/build.ts writes it as dist/units.html). */
export function encodeUnitList(data: UnitListJson): string {
  const lines = [
    `% ${data.source.replace(/[<&\n]/g, " ")}`,
    ...PROVINCE_OFFICES.map(([c, n]) => `!S ${c} ${n}`),
    `!C ${PROVINCE_CENTRE.join(" ")}`,
  ];
  for (const p of data.provinces) {
    lines.push(`#${p.code} ${p.name}|${(p.merged_from ?? []).map((o) => o.name).join(",")}`);
    for (const u of p.units) {
      const olds = u.merged_from.map((o) => `${o.code}${o.whole ? "" : "*"} ${letterName(o.name)}`);
      lines.push(`${u.code} ${letterName(u.name)}|${olds.join(",")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const OFFICE_KINDS: Readonly<Record<string, string>> = { S: "Sở, ban, ngành", C: "Trung tâm PVHCC" };

/** The list read from its text form. */
export function parseUnitList(text: string): UnitList {
  const out: ListedProvince[] = [];
  const offices: [string, string, string][] = [];
  let p: ListedProvince | undefined;
  for (const line of text.split("\n")) {
    if (line[0] === "!") {
      const code = line.split(" ", 2)[1]!;
      offices.push([code, line.slice(4 + code.length), OFFICE_KINDS[line[1]!]!]);
      continue;
    }
    if (line[0] === "#") {
      const at = line.indexOf(" ");
      const [name, formerly] = line.slice(at + 1).split("|");
      out.push((p = { code: line.slice(1, at), name: name!.trim(), formerly: formerly ? formerly.split(",") : [], units: [] }));
      continue;
    }
    const [head, olds] = line.split("|");
    if (!p || !head || olds === undefined) continue;
    const at = head.indexOf(" ");
    const from = (olds ? olds.split(",") : []).map((o) => {
      const sp = o.indexOf(" ");
      const code = o.slice(0, sp);
      return { code: code.replace("*", ""), name: named(o.slice(sp + 1)), kind: KIND_LETTERS[o[sp + 1]!]!, whole: !code.endsWith("*") };
    });
    p.units.push({ code: head.slice(0, at), name: named(head.slice(at + 1)), kind: KIND_LETTERS[head[at + 1]!]!, from, province: p });
  }
  return { provinces: out, offices };
}

// ------------------------------------------------------------------ names as people type them

/** Lower case with the diacritics kept, letters and digits only: "Tỉnh  Hà Tĩnh" → "tỉnhhàtĩnh". */
const strict = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
/** The words of a kind people put before a name (with or without diacritics, "TP", "P."). */
const PREFIX = /^(tỉnh|tinh|thành phố|thanh pho|tp\.?|xã|xa|phường|phuong|p\.|x\.|đặc khu|dac khu|thị trấn|thi tran)(\s+|(?<=\.))/;
const KIND_OF: Readonly<Record<string, string>> = {
  tinh: "Tỉnh",
  thanhpho: "Thành phố",
  tp: "Thành phố",
  xa: "Xã",
  x: "Xã",
  phuong: "Phường",
  p: "Phường",
  dackhu: "Đặc khu",
};
/** A few names people use for a province that are not its name. */
const ALIASES: Readonly<Record<string, string>> = { hcm: "hochiminh", saigon: "hochiminh", hn: "hanoi" };

interface Typed {
  /** The kind the user typed ("Phường"), if any. */
  kind?: string;
  whole: string[];
  bare: string[];
}

function typed(text: string): Typed {
  const t = text.normalize("NFC").trim().toLowerCase();
  const m = PREFIX.exec(t);
  const rest = m ? t.slice(m[0].length) : t;
  const loose = normalizeKey(rest);
  return {
    kind: m ? KIND_OF[normalizeKey(m[1])] : undefined,
    whole: [strict(t), normalizeKey(t)],
    bare: [strict(rest), ALIASES[loose] ?? loose],
  };
}

/** An item's name as typed() reads it, worked out once per item (the sidebar asks at every keystroke, over 3,321 units). */
const typedNames = new WeakMap<object, Typed>();
function typedName(item: { name: string }): Typed {
  let t = typedNames.get(item);
  if (!t) typedNames.set(item, (t = typed(item.name)));
  return t;
}

/** Not found: `several` when the candidates all bear the name typed (ambiguous), not merely resemble it. */
export type Found<T> = { ok: true; item: T } | { ok: false; candidates: T[]; several?: boolean };

/**
 * The item a name means: the name with or without its kind ("Tỉnh", "TP",
 * "Xã"...), any case and spacing, with diacritics first and then without;
 * several items of the same name are ambiguous, none gives the nearest names.
 */
export function findByName<T extends { name: string }>(items: readonly T[], text: string, kindOf: (t: T) => string): Found<T> {
  const want = typed(text);
  const keyed = items.map((item) => ({ item, t: typedName(item), kind: kindOf(item) }));
  for (const i of [0, 1]) {
    let hits = keyed.filter((k) => k.t.bare[i] === want.bare[i] || k.t.whole[i] === want.whole[i] || k.t.bare[i] === want.whole[i]);
    const sameKind = hits.filter((k) => k.kind === want.kind);
    if (want.kind && sameKind.length) hits = sameKind;
    if (hits.length === 1) return { ok: true, item: hits[0]!.item };
    if (hits.length) return { ok: false, candidates: hits.map((k) => k.item), several: true };
  }
  const part = want.bare[1]!;
  const near = part ? keyed.filter((k) => k.t.bare[1]!.includes(part) || (part.length > 3 && part.includes(k.t.bare[1]!))) : [];
  return { ok: false, candidates: near.slice(0, 12).map((k) => k.item) };
}

/** The province a name means; a province merged on 1 July 2025 ("Quảng Bình") gives its successor as the candidate. */
export function findProvince(list: readonly ListedProvince[], text: string): Found<ListedProvince> {
  const found = findByName(list, text, (p) => (p.name.startsWith("Tỉnh") ? "Tỉnh" : "Thành phố"));
  if (found.ok || found.candidates.length) return found;
  const key = typed(text).bare[1];
  return { ok: false, candidates: list.filter((p) => p.formerly.some((n) => typed(n).bare[1] === key)) };
}

/**
 * The commune-level unit a name means, in the province named when there is
 * one ("Xã Tân Hiệp", or "Xã Tân Hiệp, An Giang" in one line).
 */
export function findCommune(
  list: readonly ListedProvince[],
  text: string,
  province?: string,
): Found<ListedUnit> | { ok: false; province: { ok: false; candidates: ListedProvince[] } } {
  let name = text;
  let where = province?.trim() ?? "";
  const comma = text.lastIndexOf(",");
  if (!where && comma > 0) [name, where] = [text.slice(0, comma), text.slice(comma + 1)];
  let pool = list;
  if (where) {
    const p = findProvince(list, where);
    if (!p.ok) return { ok: false, province: p };
    pool = [p.item];
  }
  const units = pool.flatMap((p) => p.units);
  const found = findByName(units, name, (u) => u.kind);
  if (found.ok || found.candidates.length) return found;
  // An old commune, town or ward: the units it became part of.
  const key = typed(name).bare[1];
  return { ok: false, candidates: units.filter((u) => u.from.some((o) => typed(o.name).bare[1] === key)).slice(0, 12) };
}

// ------------------------------------------------------------------ what set-up writes

/** The day the new units took over (Resolution 202/2025/QH15). */
export const MERGED_ON: readonly [number, number, number] = [2025, 6, 1];
/** The suffix of an old unit's code when a new unit kept its statistics code (SPEC: `19363-CU`). */
export const OLD_CODE_SUFFIX = "-CU";

/** A row of `Đơn vị` set-up adds. */
export interface SetupUnit {
  code: string;
  name: string;
  kind: string;
  active: boolean;
  /** The successors' codes, ", "-separated; "" for a unit that exists. */
  successors: string;
}

/**
 * A province's departments (sở, ban, ngành) and its service centre, the same
 * list for every province (the province sample's); " tỉnh" becomes
 * " thành phố" for the five cities.
 */
export const PROVINCE_OFFICES: readonly (readonly [code: string, name: string])[] = [
  ["VPUBND", "Văn phòng UBND tỉnh"],
  ["SNV", "Sở Nội vụ"],
  ["STP", "Sở Tư pháp"],
  ["STC", "Sở Tài chính"],
  ["SCT", "Sở Công Thương"],
  ["SNNMT", "Sở Nông nghiệp và Môi trường"],
  ["SXD", "Sở Xây dựng"],
  ["SGDDT", "Sở Giáo dục và Đào tạo"],
  ["SYT", "Sở Y tế"],
  ["SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"],
  ["SKHCN", "Sở Khoa học và Công nghệ"],
  ["SDTTG", "Sở Dân tộc và Tôn giáo"],
  ["BQLKKT", "Ban Quản lý Khu kinh tế"],
  ["TTT", "Thanh tra tỉnh"],
  ["SNGV", "Sở Ngoại vụ"],
];
export const PROVINCE_CENTRE = ["TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh"] as const;

/**
 * A province's `Đơn vị`: its commune-level units (active), its departments
 * and service centre, then every old unit they were formed from (inactive,
 * merged into its successor(s)); an old code a new unit kept is marked.
 */
export function provinceUnits(p: ListedProvince, offices: UnitList["offices"]): SetupUnit[] {
  const noun = p.name.startsWith("Tỉnh") ? "tỉnh" : "thành phố";
  const news = new Set(p.units.map((u) => u.code));
  const olds = new Map<string, SetupUnit>();
  for (const u of p.units)
    for (const o of u.from) {
      const code = news.has(o.code) ? o.code + OLD_CODE_SUFFIX : o.code;
      const seen = olds.get(code);
      if (seen) seen.successors += `, ${u.code}`;
      else olds.set(code, { code, name: o.name, kind: o.kind, active: false, successors: u.code });
    }
  return [
    ...p.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, active: true, successors: "" })),
    ...offices.map(([code, name, kind]) => ({ code, name: name.replace(/ tỉnh$/, ` ${noun}`), kind, active: true, successors: "" })),
    ...olds.values(),
  ];
}

/** A commune's offices and its service centre, coded `<its statistics code>-VP` and so on. */
export function communeUnits(u: ListedUnit): SetupUnit[] {
  const noun = u.kind.toLowerCase();
  const rows: [string, string, string][] = [
    ["VP", `Văn phòng HĐND và UBND ${noun}`, "Phòng ban"],
    ["KT", u.kind === "Phường" ? "Phòng Kinh tế, Hạ tầng và Đô thị" : "Phòng Kinh tế", "Phòng ban"],
    ["VHXH", "Phòng Văn hóa - Xã hội", "Phòng ban"],
    ["TTPVHCC", `Trung tâm Phục vụ hành chính công ${noun}`, "Trung tâm PVHCC"],
  ];
  return rows.map(([c, name, kind]) => ({ code: `${u.code}-${c}`, name, kind, active: true, successors: "" }));
}

/** What set-up takes from the list for a level and a name. */
export interface ListPlan {
  level: "tỉnh" | "xã";
  /** The name settings keep ("Hà Tĩnh", "Thành phố Huế", "Vĩnh Linh"). */
  name: string;
  /** "Tỉnh Hà Tĩnh", "Xã Vĩnh Linh (Tỉnh Quảng Trị)". */
  title: string;
  units: SetupUnit[];
}

export type ListAnswer = ({ ok: true } & ListPlan) | { ok: false; message: string; candidates: string[] };

/**
 * The list's answer for a level and a name: the units set-up would add, or
 * the refusal with the candidates. Pure: the sidebar runs it too, on the
 * list setupList gives it, to show what will be added before it writes.
 */
export function fromList(list: UnitList, level: unknown, name: unknown, province?: unknown): ListAnswer {
  const text = String(name ?? "");
  const where = (u: ListedUnit) => `${u.name} (${u.province.name})`;
  const refuse = (what: string, typed: string, candidates: string[], several: boolean): ListAnswer => ({
    ok: false,
    message: several
      ? `"${typed.trim()}" có ở nhiều nơi; hãy chọn một: ${candidates.join("; ")}.`
      : `Không tìm thấy ${what} "${typed.trim()}" trong danh sách đơn vị hành chính từ 01/07/2025.` +
        (candidates.length ? ` Có phải: ${candidates.join("; ")}?` : ""),
    candidates,
  });
  if (level === "tỉnh") {
    const p = findProvince(list.provinces, text);
    if (!p.ok)
      return refuse(
        "tỉnh, thành phố",
        text,
        p.candidates.map((c) => c.name),
        p.several === true,
      );
    return { ok: true, level, name: bodyName(p.item.name), title: p.item.name, units: provinceUnits(p.item, list.offices) };
  }
  const u = findCommune(list.provinces, text, province === undefined || province === null ? undefined : String(province));
  if ("province" in u)
    return refuse(
      "tỉnh, thành phố",
      String(province || text.slice(text.lastIndexOf(",") + 1)),
      u.province.candidates.map((c) => c.name),
      false,
    );
  if (!u.ok) return refuse("xã, phường, đặc khu", text, u.candidates.map(where), u.several === true);
  return { ok: true, level: "xã", name: bodyName(u.item.name), title: where(u.item), units: communeUnits(u.item) };
}

/**
 * The rows a caller gives set-up (the sidebar and the command line work them
 * out with fromList on the list setupList gives), checked before anything is
 * written: set-up is a reviewer's, and reviewers may type `Đơn vị` by hand
 * anyway, so the rows are trusted as a reviewer's typing is, but never
 * half-formed (a code twice, a successor not in the rows, a formula).
 */
export function checkSetupUnits(input: unknown): SetupUnit[] {
  const bad = (why: string) => new Error(`Danh sách đơn vị để thiết lập không hợp lệ: ${why}. Chưa có gì được ghi.`);
  if (!Array.isArray(input) || input.length > 5000) throw bad("không phải danh sách (tối đa 5.000 đơn vị)");
  const text = (v: unknown) => typeof v === "string" && v.length < 200 && !/^[=+@-]/.test(v);
  const rows = input.map((r: Partial<SetupUnit> | null, i): SetupUnit => {
    const { code, name, kind, active, successors } = r ?? {};
    if (!text(code) || !code!.trim() || !text(name) || !text(kind) || typeof active !== "boolean" || !text(successors))
      throw bad(`dòng ${i + 1}`);
    return { code: code!, name: name!, kind: kind!, active, successors: successors! };
  });
  const codes = new Set(rows.map((u) => u.code));
  if (codes.size < rows.length) throw bad("có mã đơn vị lặp lại");
  for (const u of rows)
    for (const s of u.successors ? u.successors.split(", ") : [])
      if (!codes.has(s) || s === u.code) throw bad(`${u.code} sáp nhập vào ${s}`);
  return rows;
}

/** The name settings keep for a body: "Tỉnh Hà Tĩnh" → "Hà Tĩnh", "Xã Vĩnh Linh" → "Vĩnh Linh"; "Thành phố Huế", "Phường Đông Hà" stay. */
export const bodyName = (name: string) => name.replace(/^(Tỉnh|Xã) /, "");
