/**
 * A look at an .xlsx before exceljs reads it: how far each worksheet reaches
 * and how much the archive expands, from the file's own bytes.
 *
 * exceljs builds an object for every cell, row and column it meets and walks
 * every sheet up to its last row and column, so a small file can cost it
 * minutes and gigabytes: one styled cell at XFD1048576 in an 8 KB file, or a
 * legitimate 300,000-row sheet (121 s, 3.7 GB). This survey costs one inflate
 * of each zip entry (each capped at the size the archive declares for it) and
 * a byte scan of each worksheet's XML that builds nothing per cell.
 *
 * - The zip's central directory (end-of-central-directory record, and its
 *   zip64 form) gives every entry's declared size; their sum past
 *   `maxExpandedBytes` refuses the file. An entry that inflates past its
 *   declared size is a corrupt or hostile file (XlsxFormatError), found
 *   without ever holding more than the declared size.
 * - A worksheet's extent is the last row and column that appear in
 *   `<sheetData>`: every `<row r=…>` and `<c r=…>`, empty and styled ones too
 *   (exceljs walks up to them as well). `<dimension ref=…>` is not believed:
 *   writers leave it small with cells far beyond, or huge over a few cells.
 * - Formula cells whose saved value is an empty `<v></v>` (a formula that
 *   gives "", as Excel saves it) are listed, so that the loader can tell them
 *   from formula cells without any `<v>`, which exceljs reads the same way.
 */
import { inflateRawSync } from "node:zlib";

/** The file is not an .xlsx workbook (or exceljs cannot read it). */
export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}

/** How large a workbook may be before it is refused (SPEC: "Command line"). */
export interface XlsxLimits {
  /** The last row any worksheet may use (default 200,000). */
  maxRows: number;
  /** The last column any worksheet may use (default 1,000). */
  maxColumns: number;
  /** The sum of the uncompressed sizes of the zip's entries (default 500 MB = 500 × 2^20 bytes). */
  maxExpandedBytes: number;
}

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxRows: 200_000,
  maxColumns: 1_000,
  maxExpandedBytes: 500 * 1024 * 1024,
});

/**
 * The workbook is too large to load: a worksheet past the row or column limit
 * (`kind` "sheet"), or an archive that expands past the byte limit
 * ("expanded"). Thrown before exceljs reads anything.
 */
export class XlsxTooLargeError extends XlsxFormatError {
  readonly kind: "sheet" | "expanded";
  /** The worksheet's name (kind "sheet"), else null. */
  readonly sheet: string | null;
  /** The worksheet's last used row and column (kind "sheet"), else 0. */
  readonly rows: number;
  readonly columns: number;
  /** The cell (A1 notation) that reaches past the limit, when a cell does (an empty `<row>` does not name one). */
  readonly cell: string | null;
  /** The archive's declared uncompressed size in bytes (kind "expanded"), else 0. */
  readonly expandedBytes: number;
  readonly limits: Readonly<XlsxLimits>;

  constructor(
    label: string,
    info: {
      kind: "sheet" | "expanded";
      sheet?: string;
      rows?: number;
      columns?: number;
      cell?: string | null;
      expandedBytes?: number;
      limits: Readonly<XlsxLimits>;
    },
  ) {
    const { kind, limits } = info;
    super(
      kind === "expanded"
        ? `${label} expands to ${info.expandedBytes} bytes, past the limit of ${limits.maxExpandedBytes}.`
        : `Sheet "${info.sheet}" of ${label} reaches row ${info.rows} and column ${info.columns}` +
            (info.cell ? ` (cell ${info.cell})` : "") +
            `, past the limit of ${limits.maxRows} rows and ${limits.maxColumns} columns.`,
    );
    this.name = "XlsxTooLargeError";
    this.kind = kind;
    this.sheet = info.sheet ?? null;
    this.rows = info.rows ?? 0;
    this.columns = info.columns ?? 0;
    this.cell = info.cell ?? null;
    this.expandedBytes = info.expandedBytes ?? 0;
    this.limits = limits;
  }

  /** The rows are past the limit. */
  get tooManyRows(): boolean {
    return this.kind === "sheet" && this.rows > this.limits.maxRows;
  }

  /** The columns are past the limit. */
  get tooManyColumns(): boolean {
    return this.kind === "sheet" && this.columns > this.limits.maxColumns;
  }
}

/** One worksheet as the survey found it. */
export interface SheetSurvey {
  /** The name in xl/workbook.xml, or the part's path when the workbook does not name it. */
  name: string;
  /** The part's path in the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  /** The last row and column used (0 for an empty sheet). */
  rows: number;
  columns: number;
  /** The cells (A1 notation) that reach the last row and the last column. */
  rowCell: string | null;
  columnCell: string | null;
  /** Formula cells whose saved value is empty (`<v></v>`, `<v/>`): their value is "". */
  emptyFormulaValues: Set<string>;
}

export interface XlsxSurvey {
  /** The sum of the entries' uncompressed sizes. */
  expandedBytes: number;
  /** The worksheets, in the workbook's order (then any part the workbook does not list). */
  sheets: SheetSurvey[];
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function bigToNumber(v: bigint, label: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlsxFormatError(`${label} is not a readable .xlsx workbook (zip sizes out of range).`);
  return Number(v);
}

/** The entries of the zip's central directory (zip64 included). */
function centralDirectory(buf: Buffer, label: string): ZipEntry[] {
  const bad = (why: string) => new XlsxFormatError(`${label} is not a readable .xlsx workbook (${why}).`);
  // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad("no zip directory: the file is cut short or is not a zip archive");
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw bad("a zip archive split over several disks");
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) throw bad("a zip64 archive without its zip64 directory locator");
    const at = bigToNumber(buf.readBigUInt64LE(loc + 8), label);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) throw bad("a zip64 archive whose zip64 directory is missing");
    count = bigToNumber(buf.readBigUInt64LE(at + 32), label);
    size = bigToNumber(buf.readBigUInt64LE(at + 40), label);
    offset = bigToNumber(buf.readBigUInt64LE(at + 48), label);
  }
  if (offset + size > buf.length) throw bad("the zip directory points past the end of the file");
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw bad("a damaged zip directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressed = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength > buf.length) throw bad("a damaged zip directory");
    const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, nameEnd);
    if (uncompressed === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // The zip64 extended information: the 8-byte values of the fields that hold 0xFFFFFFFF, in this order.
      let e = nameEnd;
      const extraEnd = nameEnd + extraLength;
      let found = false;
      while (e + 4 <= extraEnd) {
        const id = buf.readUInt16LE(e);
        const length = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const next = () => {
            if (q + 8 > e + 4 + length) throw bad("a damaged zip64 field");
            const v = bigToNumber(buf.readBigUInt64LE(q), label);
            q += 8;
            return v;
          };
          if (uncompressed === 0xffffffff) uncompressed = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
          found = true;
          break;
        }
        e += 4 + length;
      }
      if (!found) throw bad("a zip64 entry without its sizes");
    }
    entries.push({ name: name.replace(/^\/+/, ""), method, flags, compressedSize, size: uncompressed, localOffset });
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated; never more than its declared size. */
function inflateEntry(buf: Buffer, entry: ZipEntry, label: string): Buffer {
  const bad = (why: string) => new XlsxFormatError(`${label} is not a readable .xlsx workbook (${entry.name}: ${why}).`);
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw bad("damaged zip entry");
  if (entry.flags & 0x1) throw bad("encrypted zip entry");
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw bad("the entry runs past the end of the file");
  const data = buf.subarray(start, end);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw bad("stored size differs from the declared size");
    return data;
  }
  if (entry.method !== 8) throw bad(`compression method ${entry.method}, which .xlsx does not use`);
  let out: Buffer;
  try {
    // maxOutputLength: a header that declares less than the data holds cannot make this allocate more than declared.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw bad("expands past its declared size");
    throw bad(`cannot be inflated: ${(e as Error).message}`);
  }
  if (out.length !== entry.size) throw bad("expands to a size other than the declared one");
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** One attribute of a start tag's text (prefixes ignored), decoded. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

/** A zip-relative path from a relationship's Target, relative to the folder of the part that holds it. */
function resolvePart(folder: string, target: string): string {
  const parts = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** The worksheets' names by part path, from xl/workbook.xml and its relationships (the parts exceljs reads). */
function sheetNames(text: (name: string) => string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) return names;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    const external = attribute(m[0], "TargetMode") === "External";
    if (id !== undefined && target !== undefined && !external) targets.set(id, resolvePart("xl", target));
  }
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const id = attribute(m[0], "id");
    const part = id !== undefined ? targets.get(id) : undefined;
    if (name !== undefined && part !== undefined && !names.has(part)) names.set(part, name);
  }
  return names;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** Where the `r` attribute's value starts in the start tag [start, tagEnd), or -1. */
function rValue(buf: Buffer, start: number, tagEnd: number): number {
  for (let i = start; i < tagEnd - 2; i++) {
    if (buf[i] !== 0x72 /* r */ || !isSpace(buf[i - 1])) continue;
    let j = i + 1;
    while (isSpace(buf[j])) j++;
    if (buf[j] !== 0x3d /* = */) continue;
    j++;
    while (isSpace(buf[j])) j++;
    if (buf[j] === QUOTE || buf[j] === APOS) return j + 1;
  }
  return -1;
}

/** The byte ends a tag's name: a space, ">" or "/". */
const endsName = (b: number | undefined) => b === GT || b === SLASH || isSpace(b);

/**
 * The extent of one worksheet's `<sheetData>`: the last row and column of
 * every `<row>` and `<c>` (a row or cell without `r` follows the one before),
 * and the formula cells whose saved value is empty. One pass over the bytes,
 * looking only at tags; text is never decoded except the address of a cell
 * that reaches further than any before it, or of an empty formula value.
 */
export function scanWorksheet(xml: Buffer): Omit<SheetSurvey, "name" | "part"> {
  const survey = {
    rows: 0,
    columns: 0,
    rowCell: null as string | null,
    columnCell: null as string | null,
    emptyFormulaValues: new Set<string>(),
  };
  const at = xml.indexOf("sheetData");
  if (at < 0) return survey;
  // The namespace prefix of the sheet's elements, if any: "<x:sheetData" → "x:".
  const lt = xml.lastIndexOf(LT, at);
  if (lt < 0 || at - lt > 32) return survey;
  const prefix = xml.subarray(lt + 1, at);
  const p = prefix.length;
  const open = xml.indexOf(GT, at);
  if (open < 0 || xml[open - 1] === SLASH) return survey; // <sheetData/>
  const close = xml.lastIndexOf(`</${prefix.toString("latin1")}sheetData>`);
  const end = close > at ? close : xml.length;
  let row = 0;
  let column = 0;
  // The cell being read: where its address starts and ends (-1: none), and whether it has a formula.
  let address = -1;
  let addressEnd = -1;
  let formula = false;
  for (let i = open + 1; i < end; i++) {
    if (xml[i] !== LT) continue;
    let j = i + 1;
    if (xml[j] === SLASH) continue; // an end tag
    if (p > 0) {
      let k = 0;
      while (k < p && xml[j + k] === prefix[k]) k++;
      if (k < p) continue;
      j += p;
    }
    const name = xml[j];
    if (name === 0x63 /* c */ && endsName(xml[j + 1])) {
      const tagEnd = xml.indexOf(GT, j);
      if (tagEnd < 0) break;
      const v = rValue(xml, j + 1, tagEnd);
      let c = 0;
      let r = 0;
      let k = v;
      if (v >= 0) {
        for (let b = xml[k]!; (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a); b = xml[++k]!) c = c * 26 + ((b & 0xdf) - 0x40);
        for (let b = xml[k]!; b >= 0x30 && b <= 0x39; b = xml[++k]!) r = r * 10 + (b - 0x30);
      }
      column = c > 0 ? c : column + 1;
      if (r > 0) row = r;
      else if (row === 0) row = 1;
      address = v >= 0 && c > 0 && r > 0 ? v : -1;
      addressEnd = k;
      formula = false;
      // An address is read only for a cell that reaches further than any before it.
      if (column > survey.columns || row > survey.rows || (row === survey.rows && survey.rowCell === null)) {
        const text = address >= 0 ? xml.toString("latin1", address, addressEnd) : null;
        if (column > survey.columns) {
          survey.columns = column;
          survey.columnCell = text;
        }
        if (row > survey.rows || (row === survey.rows && survey.rowCell === null)) {
          survey.rows = row;
          survey.rowCell = text;
        }
      }
      i = tagEnd;
    } else if (name === 0x72 /* r */ && xml[j + 1] === 0x6f /* o */ && xml[j + 2] === 0x77 /* w */ && endsName(xml[j + 3])) {
      const tagEnd = xml.indexOf(GT, j);
      if (tagEnd < 0) break;
      const v = rValue(xml, j + 3, tagEnd);
      let n = 0;
      if (v >= 0) for (let k = v, b = xml[k]!; b >= 0x30 && b <= 0x39; b = xml[++k]!) n = n * 10 + (b - 0x30);
      row = n > 0 ? n : row + 1;
      column = 0;
      if (row > survey.rows) {
        survey.rows = row;
        survey.rowCell = null;
      }
      i = tagEnd;
    } else if (name === 0x66 /* f */ && endsName(xml[j + 1])) {
      formula = true;
    } else if (name === 0x76 /* v */ && endsName(xml[j + 1]) && formula) {
      // A formula's saved value: empty when the tag closes itself or its end tag follows at once.
      const tagEnd = xml.indexOf(GT, j);
      if (tagEnd < 0) break;
      let empty = xml[tagEnd - 1] === SLASH;
      if (!empty && xml[tagEnd + 1] === LT && xml[tagEnd + 2] === SLASH) {
        let k = 0;
        while (k < p && xml[tagEnd + 3 + k] === prefix[k]) k++;
        empty = k === p && xml[tagEnd + 3 + p] === 0x76 && xml[tagEnd + 4 + p] === GT;
      }
      if (empty && address >= 0) survey.emptyFormulaValues.add(xml.toString("latin1", address, addressEnd));
      formula = false;
      i = tagEnd;
    }
  }
  return survey;
}

/**
 * Surveys an .xlsx's bytes against the limits. Throws XlsxTooLargeError past
 * a limit, XlsxFormatError when the zip cannot be read; returns the survey.
 */
export function surveyXlsx(bytes: Buffer, limits: Readonly<XlsxLimits> = DEFAULT_XLSX_LIMITS, label = "the data"): XlsxSurvey {
  const entries = centralDirectory(bytes, label);
  let expandedBytes = 0;
  for (const e of entries) expandedBytes += e.size;
  if (expandedBytes > limits.maxExpandedBytes) throw new XlsxTooLargeError(label, { kind: "expanded", expandedBytes, limits });
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!e.name.endsWith("/")) byName.set(e.name, e);
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? inflateEntry(bytes, e, label).toString("utf8") : undefined;
  };
  const names = sheetNames(text);
  // The parts the workbook names as worksheets, and any other that exceljs reads as one (its own pattern, unanchored as it is).
  const parts = [...names.keys()].filter((p) => byName.has(p));
  for (const name of byName.keys()) if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name) && !names.has(name)) parts.push(name);
  const sheets: SheetSurvey[] = [];
  for (const part of parts) {
    const extent = scanWorksheet(inflateEntry(bytes, byName.get(part)!, label));
    const sheet = { name: names.get(part) ?? part, part, ...extent };
    if (sheet.rows > limits.maxRows || sheet.columns > limits.maxColumns) {
      const cell = sheet.columns > limits.maxColumns ? sheet.columnCell : sheet.rowCell;
      throw new XlsxTooLargeError(label, { kind: "sheet", sheet: sheet.name, rows: sheet.rows, columns: sheet.columns, cell, limits });
    }
    sheets.push(sheet);
  }
  // Every other entry is inflated too (exceljs inflates them all): none may hold more than it declares.
  const seen = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", ...parts]);
  for (const [name, e] of byName) if (!seen.has(name)) inflateEntry(bytes, e, label);
  return { expandedBytes, sheets };
}
