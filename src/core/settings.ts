/**
 * The report's settings ("Thông tin báo cáo"), kept in document properties
 * and edited in the sidebar or given to the command line; validated with zod.
 * The reporting level (tỉnh, xã, huyện) and the body's name decide every
 * word that names the level (levelWords) and the defaults of the other fields
 * (levelDefaults): choosing a level fills those defaults and keeps what the
 * user typed (applyLevel).
 */
import * as z from "zod/mini";

export const LEVELS = ["tỉnh", "xã", "huyện"] as const;
export type Level = (typeof LEVELS)[number];
export const PERIOD_RULES = ["15-14", "calendar"] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];

export interface ReportSettings {
  /** The reporting level: a province or a commune (from 1/7/2025), or a district (earlier periods). */
  level: Level;
  /** The body's name: "Quảng Trị", "Vĩnh Linh". */
  name: string;
  /** How a date falls into a quarter: "15-14" (Decree 09/2019/NĐ-CP) or "calendar". */
  periodRule: PeriodRule;
  /** The body above the issuer, first line of the header block; may be empty. */
  parentBody: string;
  /** "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ". */
  issuingBody: string;
  /** The place in "<place>, ngày … tháng … năm …". */
  place: string;
  /** The document number's suffix: "BC-UBND". */
  numberSuffix: string;
  /** "TM. ỦY BAN NHÂN DÂN". */
  signerAuthority: string;
  /** "CHỦ TỊCH". */
  signerTitle: string;
  /** The signer's full name; may be empty until known. */
  signerName: string;
  /** "Nơi nhận" lines. */
  recipients: string[];
  /** Emails of the reviewers who may return, approve and reopen units' rows (the spreadsheet's owner always may). */
  reviewers: string[];
}

/** The words that name a level, for sentences, tables and the masthead. */
export interface LevelWords {
  /** "tỉnh": "toàn tỉnh", "UBND tỉnh". */
  readonly noun: string;
  /** "Toàn tỉnh". */
  readonly whole: string;
  /** "tỉnh Quảng Trị". */
  readonly body: string;
  /** "Ủy ban nhân dân tỉnh Quảng Trị". */
  readonly committee: string;
  /** Who fills the sheet: "các xã, phường, đặc khu, các sở, ban, ngành và Trung tâm Phục vụ hành chính công". */
  readonly units: string;
  /** The code of the total row in the results sheet: "TỈNH". */
  readonly totalCode: string;
}

const UNITS: Record<Level, string> = {
  tỉnh: "các xã, phường, đặc khu, các sở, ban, ngành và Trung tâm Phục vụ hành chính công tỉnh",
  xã: "các phòng chuyên môn và Trung tâm Phục vụ hành chính công xã",
  huyện: "các xã, thị trấn và các phòng, ban chuyên môn",
};

function upper(text: string): string {
  return text.toLocaleUpperCase("vi-VN");
}

/**
 * The noun and bare name of a body: "Quảng Trị" at tỉnh → ["tỉnh", "Quảng Trị"];
 * a name set-up keeps with its kind ("Thành phố Huế", "Phường Đông Hà",
 * "Đặc khu Cồn Cỏ") → ["thành phố", "Huế"].
 */
function bodyParts(level: Level, name: string): [string, string] {
  const m = /^(Thành phố|Phường|Đặc khu) (.+)$/i.exec(name.trim());
  return m ? [m[1]!.toLowerCase(), m[2]!] : [level, name];
}

export function levelWords(s: Pick<ReportSettings, "level" | "name">): LevelWords {
  const [noun, bare] = bodyParts(s.level, s.name);
  const body = bare ? `${noun} ${bare}` : noun;
  return {
    noun,
    whole: `Toàn ${noun}`,
    body,
    committee: `Ủy ban nhân dân ${body}`,
    units: UNITS[s.level].replace(/ (tỉnh|xã)$/, ` ${noun}`),
    totalCode: upper(noun),
  };
}

/** The defaults a level gives the other fields, for a body's name. */
export function levelDefaults(
  level: Level,
  name: string,
): Omit<ReportSettings, "level" | "name" | "periodRule" | "signerName" | "reviewers"> {
  const [noun, bare] = bodyParts(level, name);
  const body = upper(bare ? `${noun} ${bare}` : noun);
  const common = {
    issuingBody: `ỦY BAN NHÂN DÂN ${body}`,
    place: bare,
    numberSuffix: "BC-UBND",
    signerAuthority: "TM. ỦY BAN NHÂN DÂN",
    signerTitle: "CHỦ TỊCH",
  };
  switch (level) {
    case "tỉnh":
      return {
        ...common,
        parentBody: "",
        recipients: [
          "Văn phòng Chính phủ (b/c);",
          "Bộ Nội vụ (b/c);",
          "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
          "CT, các PCT UBND tỉnh;",
          "Các sở, ban, ngành;",
          "UBND các xã, phường, đặc khu;",
          "Lưu: VT.",
        ],
      };
    case "xã":
      return {
        ...common,
        parentBody: "",
        recipients: [
          "UBND tỉnh (b/c);",
          "Sở Nội vụ (b/c);",
          "TT Đảng ủy, TT HĐND xã (b/c);",
          "CT, các PCT UBND xã;",
          "Các phòng chuyên môn, Trung tâm Phục vụ hành chính công xã;",
          "Lưu: VT.",
        ],
      };
    case "huyện":
      return {
        ...common,
        parentBody: "",
        recipients: [
          "UBND tỉnh (b/c);",
          "Sở Nội vụ (b/c);",
          "TT Huyện ủy, TT HĐND huyện (b/c);",
          "CT, các PCT UBND huyện;",
          "Các phòng, ban, UBND các xã, thị trấn;",
          "Lưu: VT.",
        ],
      };
  }
}

/** Settings of a level with every other field at its default. */
export function settingsFor(level: Level, name: string, periodRule: PeriodRule = "15-14"): ReportSettings {
  return { level, name, periodRule, signerName: "", reviewers: [], ...levelDefaults(level, name) };
}

/**
 * A change of level or name: each field the user left at the old level's
 * default takes the new default; what the user typed is kept.
 */
export function applyLevel(current: ReportSettings, level: Level, name: string): ReportSettings {
  const before = levelDefaults(current.level, current.name);
  const after = levelDefaults(level, name);
  const out: ReportSettings = { ...current, level, name };
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    const was = current[key];
    const untouched = Array.isArray(was) ? JSON.stringify(was) === JSON.stringify(before[key]) : was === before[key] || was === "";
    if (untouched) (out as unknown as Record<string, unknown>)[key] = after[key];
  }
  return out;
}

/** The settings of a document that has none yet: the district of the first sample, as before levels existed. */
export const DEFAULT_SETTINGS: ReportSettings = settingsFor("huyện", "Vĩnh Linh");

/** A document property holds at most 9 KB (Apps Script quota). */
export const PROPERTY_LIMIT = 9 * 1024;

const line = (label: string, max: number) =>
  z.string(`${label} phải là chữ.`).check(z.trim(), z.maxLength(max, `${label} dài quá ${max} ký tự.`));

const required = (label: string, max: number) =>
  z
    .string(`${label} phải là chữ.`)
    .check(z.trim(), z.minLength(1, `${label} không được để trống.`), z.maxLength(max, `${label} dài quá ${max} ký tự.`));

let schema: ReturnType<typeof settingsSchema> | null = null;

/** Built on first use (nothing runs at load). */
function settingsSchema() {
  return z.object(
    {
      level: z.enum(LEVELS, "Cấp báo cáo phải là tỉnh, xã hoặc huyện."),
      name: required("Tên địa phương", 60),
      periodRule: z.enum(PERIOD_RULES, 'Cách tính kỳ phải là "15-14" hoặc "calendar".'),
      parentBody: line("Cơ quan cấp trên", 120),
      issuingBody: required("Cơ quan ban hành", 120),
      place: required("Địa danh", 60),
      numberSuffix: required("Ký hiệu văn bản", 30),
      signerAuthority: line("Thẩm quyền ký", 80),
      signerTitle: required("Chức vụ người ký", 80),
      signerName: line("Họ tên người ký", 80),
      recipients: z.array(line("Nơi nhận", 200), "Nơi nhận phải là danh sách các dòng.").check(z.maxLength(30, "Nơi nhận có quá 30 dòng.")),
      reviewers: z.optional(
        z
          .array(
            z
              .string("Email người duyệt phải là chữ.")
              .check(
                z.trim(),
                z.toLowerCase(),
                z.regex(/^([^@\s]+@[^@\s]+\.[^@\s]+)?$/, "Email người duyệt không hợp lệ (ví dụ: vanphong@quangtri.gov.vn)."),
              ),
            "Người duyệt phải là danh sách email.",
          )
          .check(z.maxLength(20, "Người duyệt có quá 20 email.")),
      ),
    },
    "Thông tin báo cáo phải là một đối tượng (các trường như level, name, issuingBody...).",
  );
}

/** "Tỉnh Quảng Trị" with level tỉnh is "Quảng Trị": the level word is added where the name is used. */
function bareName(name: string, level: Level): string {
  const words = name.trim().split(/\s+/);
  return words.length > 1 && words[0]!.toLocaleLowerCase("vi-VN") === level ? words.slice(1).join(" ") : name.trim();
}

/** Bytes of a string in UTF-8 (Apps Script has no TextEncoder). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parses settings from the sidebar, a JSON file or a stored JSON; throws an Error with the Vietnamese messages. */
export function parseSettings(input: unknown): ReportSettings {
  schema ??= settingsSchema();
  const r = schema.safeParse(input);
  if (!r.success) throw new Error(r.error.issues.map((i) => i.message).join(" "));
  const out: ReportSettings = {
    ...r.data,
    name: bareName(r.data.name, r.data.level),
    recipients: r.data.recipients.filter((x) => x !== ""),
    reviewers: [...new Set((r.data.reviewers ?? []).filter((x) => x !== ""))],
  };
  const size = utf8Length(JSON.stringify(out));
  if (size > PROPERTY_LIMIT) {
    throw new Error(`Thông tin báo cáo dài ${size} byte, quá giới hạn 9 KB của một thuộc tính tài liệu; hãy rút gọn Nơi nhận.`);
  }
  return out;
}

/**
 * Settings from partial input (a settings file, stored JSON of an older
 * version): the level and name it gives (or the defaults'), the other fields
 * from the input where given, else the level's defaults.
 */
export function completeSettings(input: Partial<ReportSettings>, base: ReportSettings = DEFAULT_SETTINGS): ReportSettings {
  const level = input.level ?? base.level;
  const name = input.name ?? base.name;
  const start = level === base.level && name === base.name ? base : settingsFor(level, name, base.periodRule);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));
  return parseSettings({ ...start, ...given, level, name });
}

/** Stored JSON (or null) to settings; an older JSON without a level is a district's; unreadable JSON gives the defaults. */
export function loadSettings(json: string | null): ReportSettings {
  if (!json) return { ...DEFAULT_SETTINGS };
  try {
    const raw = JSON.parse(json) as Partial<ReportSettings> & { district?: string };
    const migrated = raw.level ? raw : { ...raw, level: "huyện" as const, name: raw.name ?? raw.district ?? DEFAULT_SETTINGS.name };
    delete (migrated as { district?: string }).district;
    return completeSettings(migrated);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}
