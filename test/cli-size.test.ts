/**
 * The command line refuses a workbook past the size limits (SPEC: a sheet
 * larger than 200,000 rows or 1,000 columns however small the file, a file
 * that expands past 500 MB): exit 2, one Vietnamese line, nothing written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
/** The sample's "Số liệu" is its third sheet. */
const DATA_PART = "xl/worksheets/sheet3.xml";

let work: string;

/** The sample district's workbook with something added to the end of its "Số liệu" data, saved in a folder of its own. */
async function sampleWith(name: string, rows: string, extra?: (zip: JSZip) => void): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(ROOT, "samples/vinh-linh.xlsx")));
  const xml = await zip.file(DATA_PART)!.async("string");
  zip.file(DATA_PART, xml.replace("</sheetData>", `${rows}</sheetData>`));
  extra?.(zip);
  const dir = mkdtempSync(join(work, `${name}-`));
  writeFileSync(join(dir, `${name}.xlsx`), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return dir;
}

/** Sets the uncompressed size the zip's central directory declares for one entry. */
function declareSize(zip: Buffer, entry: string, size: number): Buffer {
  for (
    let p = zip.lastIndexOf(Buffer.from("PK\u0001\u0002", "latin1"));
    p >= 0;
    p = zip.lastIndexOf(Buffer.from("PK\u0001\u0002", "latin1"), p - 1)
  ) {
    const nameLength = zip.readUInt16LE(p + 28);
    if (zip.toString("utf8", p + 46, p + 46 + nameLength) === entry) {
      zip.writeUInt32LE(size, p + 24);
      return zip;
    }
  }
  throw new Error(`no ${entry} in the zip`);
}

function cli(dir: string, file: string) {
  const r = spawnSync(
    "npx",
    ["tsx", "src/local/cli/report.ts", join(dir, file), "--period", "2023-Q1", "--level", "huyện", "--name", "Vĩnh Linh"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cchc-cli-size-"));
});

describe("the command line refuses a workbook too large to read", () => {
  it("one formatted cell at XFD1048576 in an otherwise small workbook: exit 2, one line, no report", async () => {
    const dir = await sampleWith("far", '<row r="1048576"><c r="XFD1048576" s="1"/></row>');
    const r = cli(dir, "far.xlsx");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const file = join(dir, "far.xlsx");
    expect(r.stderr).toBe(
      `Trang "Số liệu" của tệp "${file}" có 1.048.576 dòng và 16.384 cột (đến ô XFD1048576), ` +
        "quá giới hạn 200.000 dòng và 1.000 cột; hãy xóa các dòng trống ở cuối và các cột trống bên phải hoặc chia tệp.\n",
    );
    expect(readdirSync(dir)).toEqual(["far.xlsx"]);
  });

  it("rows past 200,000 (an empty row far down)", async () => {
    const dir = await sampleWith("long", '<row r="250000" ht="20" customHeight="1"/>');
    const r = cli(dir, "long.xlsx");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `Trang "Số liệu" của tệp "${join(dir, "long.xlsx")}" có 250.000 dòng, quá giới hạn 200.000 dòng; hãy xóa các dòng trống ở cuối hoặc chia tệp.\n`,
    );
    expect(readdirSync(dir)).toEqual(["long.xlsx"]);
  });

  it("columns past 1,000", async () => {
    const dir = await sampleWith("wide", '<row r="51"><c r="ALM51"><v>1</v></c></row>');
    const r = cli(dir, "wide.xlsx");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `Trang "Số liệu" của tệp "${join(dir, "wide.xlsx")}" có 1.001 cột (đến ô ALM51), quá giới hạn 1.000 cột; hãy xóa các cột trống bên phải hoặc chia tệp.\n`,
    );
    expect(readdirSync(dir)).toEqual(["wide.xlsx"]);
  });

  it("a file that expands past 500 MB", async () => {
    const dir = await sampleWith("big", "", (zip) => zip.file("xl/media/image1.png", Buffer.alloc(64), { compression: "STORE" }));
    const file = join(dir, "big.xlsx");
    writeFileSync(file, declareSize(readFileSync(file), "xl/media/image1.png", 600 * 1024 * 1024));
    const r = cli(dir, "big.xlsx");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `Tệp "${file}" khi giải nén lớn tới 601 MB, quá giới hạn 500 MB; hãy bỏ bớt hình ảnh, trang không dùng hoặc chia tệp.\n`,
    );
    expect(readdirSync(dir)).toEqual(["big.xlsx"]);
  });
});

describe("formulas without a saved value", () => {
  it("are named in a warning line; the report is still made and no number is invented", async () => {
    const dir = await sampleWith("unsaved", '<row r="60"><c r="C60"><f>SUM(C2:C3)</f></c></row>');
    const r = cli(dir, "unsaved.xlsx");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("ô công thức chưa có giá trị lưu sẵn (Số liệu!C60)");
    expect(r.stderr).toContain("Hãy mở tệp bằng Excel hoặc Google Trang tính, lưu lại rồi chạy lại.");
    expect(readdirSync(dir).sort()).toEqual(["unsaved-2023-Q1.docx", "unsaved.xlsx"]);
  });
  it("one in an optional column is a finding on its cell, not a silent blank (issue 18, item 3)", async () => {
    // Xã Vĩnh Ô's row, every count typed, and "Văn bản đi được ký số" (V) a formula saved by a tool that did not compute it.
    const cells = [
      '<c r="A60" t="inlineStr"><is><t>2023-Q1</t></is></c>',
      '<c r="B60" t="inlineStr"><is><t>VINHO</t></is></c>',
      ...["C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R"].map((c) => `<c r="${c}60"><v>0</v></c>`),
      '<c r="U60"><v>12</v></c>',
      '<c r="V60"><f>U60</f></c>',
    ];
    const dir = await sampleWith("optional", `<row r="60">${cells.join("")}</row>`);
    const json = join(dir, "r.json");
    const r = spawnSync(
      "npx",
      [
        "tsx",
        "src/local/cli/report.ts",
        join(dir, "optional.xlsx"),
        "--period",
        "2023-Q1",
        "--level",
        "huyện",
        "--name",
        "Vĩnh Linh",
        "--json",
        json,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("(Số liệu!V60)");
    const findings = (JSON.parse(readFileSync(json, "utf8")) as { findings: { cell: string | null; rule: string; message: string }[] })
      .findings;
    const f = findings.find((x) => x.cell === "V60");
    expect(f, JSON.stringify(findings.filter((x) => x.cell?.endsWith("60")))).toBeDefined();
    expect(f!.message).toContain("=U60");
  });
});
