/**
 * The report's settings (issuing body, district, place, signer...), kept in
 * document properties and edited in the sidebar; validated with zod.
 */
import * as z from "zod/mini";

export interface ReportSettings {
  /** The body above the issuer, first line of the header block; may be empty. */
  parentBody: string;
  /** "ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH". */
  issuingBody: string;
  /** "Vĩnh Linh": used in sentences ("toàn huyện Vĩnh Linh"). */
  district: string;
  /** "Vĩnh Linh": the place in "<place>, ngày … tháng … năm …". */
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
}

export const DEFAULT_SETTINGS: ReportSettings = {
  parentBody: "",
  issuingBody: "ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH",
  district: "Vĩnh Linh",
  place: "Vĩnh Linh",
  numberSuffix: "BC-UBND",
  signerAuthority: "TM. ỦY BAN NHÂN DÂN",
  signerTitle: "CHỦ TỊCH",
  signerName: "",
  recipients: [
    "UBND tỉnh (b/c);",
    "Sở Nội vụ (b/c);",
    "TT Huyện ủy, TT HĐND huyện (b/c);",
    "CT, các PCT UBND huyện;",
    "Các phòng, ban, UBND các xã, thị trấn;",
    "Lưu: VT.",
  ],
};

const line = (label: string, max: number) => z.string().check(z.trim(), z.maxLength(max, `${label} dài quá ${max} ký tự.`));

const required = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `${label} không được để trống.`), z.maxLength(max, `${label} dài quá ${max} ký tự.`));

let schema: ReturnType<typeof settingsSchema> | null = null;

/** Built on first use (nothing runs at load). */
function settingsSchema() {
  return z.object({
    parentBody: line("Cơ quan cấp trên", 120),
    issuingBody: required("Cơ quan ban hành", 120),
    district: required("Tên huyện", 60),
    place: required("Địa danh", 60),
    numberSuffix: required("Ký hiệu văn bản", 30),
    signerAuthority: line("Thẩm quyền ký", 80),
    signerTitle: required("Chức vụ người ký", 80),
    signerName: line("Họ tên người ký", 80),
    recipients: z.array(line("Nơi nhận", 200)).check(z.maxLength(30, "Nơi nhận có quá 30 dòng.")),
  });
}

/** Parses settings from the sidebar or from a stored JSON; throws an Error with the Vietnamese messages. */
export function parseSettings(input: unknown): ReportSettings {
  schema ??= settingsSchema();
  const r = schema.safeParse(input);
  if (!r.success) throw new Error(r.error.issues.map((i) => i.message).join(" "));
  return { ...r.data, recipients: r.data.recipients.filter((x) => x !== "") };
}

/** Stored JSON (or null) to settings; unreadable or partial JSON falls back to the defaults field by field. */
export function loadSettings(json: string | null): ReportSettings {
  if (!json) return { ...DEFAULT_SETTINGS };
  try {
    return parseSettings({ ...DEFAULT_SETTINGS, ...(JSON.parse(json) as object) });
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}
