/**
 * npm run setup -- <new.xlsx> --level tỉnh|xã --name "Hà Tĩnh" [--province "Hà Tĩnh"]
 *
 * Writes a new workbook set up from the national unit list (SPEC "Setting up
 * for any province or commune") exactly as the menu would: the bundled add-on
 * on the stand-ins (../workbook/new.ts). Refuses to overwrite a file. Exit 0
 * when written; 2 with the reason on standard error (and the candidates, one a
 * line, for a name that is unknown or found in several places).
 */
import { basename, extname, resolve } from "node:path";
import { CannotSave, checkNewFile, saveNewWorkbook } from "../workbook/save";
import { setUpNew } from "../workbook/new";

const USAGE = 'Cách dùng: npm run setup -- <tệp-mới.xlsx> --level tỉnh|xã --name "Hà Tĩnh" [--province "Hà Tĩnh"]';

class Refused extends Error {
  constructor(
    message: string,
    readonly candidates: readonly string[] = [],
  ) {
    super(message);
  }
}

interface Args {
  file: string;
  level: "tỉnh" | "xã";
  name: string;
  province?: string;
}

export function parseArgs(argv: readonly string[]): Args {
  let file = "";
  const got: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--(level|name|province)(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[2] ?? argv[++i];
      if (v === undefined || (m[2] === undefined && v.startsWith("--"))) throw new Refused(`Thiếu giá trị sau ${a}. ${USAGE}`);
      got[m[1]!] = v;
    } else if (a === "--help" || a === "-h") throw new Refused(USAGE);
    else if (a.startsWith("--")) throw new Refused(`Không hiểu tùy chọn ${a}. ${USAGE}`);
    else if (!file) file = a;
    else throw new Refused(`Chỉ nhận một tệp, thừa "${a}". ${USAGE}`);
  }
  if (!file) throw new Refused(`Thiếu tên tệp bảng tính mới. ${USAGE}`);
  if (extname(file).toLowerCase() !== ".xlsx") throw new Refused(`Tệp mới phải có đuôi .xlsx: "${file}".`);
  const level = got.level;
  if (level !== "tỉnh" && level !== "xã")
    throw new Refused(
      `${level === undefined ? "Thiếu --level" : `Cấp "${level}" không dùng được ở đây`}: thiết lập theo danh sách đơn vị hành chính từ 01/07/2025 có cấp tỉnh hoặc xã (--level tỉnh|xã). ${USAGE}`,
    );
  if (!got.name?.trim()) throw new Refused(`Thiếu --name (tên tỉnh hoặc xã). ${USAGE}`);
  return { file, level, name: got.name, ...(got.province?.trim() ? { province: got.province } : {}) };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const path = resolve(args.file);
  checkNewFile(path, args.file);
  const { addon, answer, message } = setUpNew(args.level, args.name, args.province, { name: basename(path, ".xlsx") });
  try {
    if (!answer.ok) throw new Refused(answer.message, answer.candidates);
    await saveNewWorkbook(addon.env.spreadsheet, path, args.file);
    console.log(message);
    console.log(`Đã ghi ${args.file} (${answer.title}). Tải tệp lên Google Drive, mở bằng Google Trang tính rồi cài tiện ích.`);
    return 0;
  } finally {
    addon.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof Refused || e instanceof CannotSave) {
      console.error(e.message);
      if (e instanceof Refused && e.candidates.length) {
        console.error("Các tên có thể là:");
        for (const c of e.candidates) console.error(`  ${c}`);
      }
      process.exit(2);
    }
    console.error(`Lỗi không mong đợi: ${(e as Error)?.stack ?? e}`);
    process.exit(3);
  },
);
