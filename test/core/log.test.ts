import { describe, expect, it } from "vitest";
import {
  LEGACY_HEADER,
  LOG_HEADER,
  type LogEntry,
  type LogHead,
  logRow,
  readLog,
  readQueue,
  rejectedEntry,
  rowFingerprint,
  seal,
  statusesOf,
} from "../../src/core/log";

const entry = (unit: string, from: LogEntry["from"], to: LogEntry["to"], period = "2023-Q1", note = ""): LogEntry => ({
  time: "2023-03-20 08:00:00",
  user: "r@x.vn",
  period,
  unit,
  from,
  to,
  note,
  fingerprint: "",
});

/** A log of three changes as the add-on writes it, with its head. */
function written(): { values: string[][]; head: LogHead } {
  const records = seal(
    [entry("A", "Đang nhập", "Đã nộp"), entry("A", "Đã nộp", "Trả lại", "2023-Q1", "sai"), entry("B", "Đã nộp", "Đã duyệt", "2022-Q4")],
    {
      seq: 0,
      check: "",
    },
  );
  const last = records[records.length - 1]!;
  return { values: [LOG_HEADER, ...records.map(logRow)], head: { sheetId: "7", seq: last.seq, check: last.check } };
}

describe("the log of record", () => {
  it("reads what the add-on wrote, and the status of a unit is its last change in sequence order", () => {
    const { values, head } = written();
    const read = readLog(values, head);
    expect(read.problem).toBeNull();
    expect(read.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(statusesOf(read.records, "2023-Q1").get("A")!.to).toBe("Trả lại");
    expect(statusesOf(read.records, "2022-Q4").get("B")!.to).toBe("Đã duyệt");
  });

  it("a sort (newest first) changes nothing: rows are read by their own numbers", () => {
    const { values, head } = written();
    const sorted = [values[0]!, ...values.slice(1).reverse()];
    const read = readLog(sorted, head);
    expect(read.problem).toBeNull();
    expect(statusesOf(read.records, "2023-Q1").get("A")!.to).toBe("Trả lại");
  });

  it.each([
    ["a cell edited", (v: string[][]) => (v[2]![6] = "Đã duyệt"), /dòng số thứ tự 2 .*đã bị thay đổi|trạng thái không hợp lệ/],
    ["a row deleted", (v: string[][]) => v.splice(2, 1), /thiếu dòng số thứ tự 2/],
    ["the last row deleted", (v: string[][]) => v.splice(3, 1), /thiếu dòng số thứ tự 3 đến 3/],
    [
      "a row added by hand",
      (v: string[][]) => v.push(["4", "x", "x", "2023-Q1", "A", "Trả lại", "Đã duyệt", "", "", "0"]),
      /số thứ tự 4 không do tiện ích ghi/,
    ],
    ["a row copied", (v: string[][]) => v.push([...v[1]!]), /số thứ tự 1 xuất hiện hai lần/],
    ["the header renamed", (v: string[][]) => (v[0] = ["x", ...LOG_HEADER.slice(1)]), /dòng tiêu đề/],
    ["a number blanked", (v: string[][]) => (v[1]![0] = ""), /dòng 2 không có số thứ tự/],
    ["a forged status", (v: string[][]) => (v[3]![6] = "HACK"), /trạng thái không hợp lệ/],
  ])("%s is reported, and no status silently falls back", (_what, edit, message) => {
    const { values, head } = written();
    edit(values);
    const read = readLog(values, head);
    expect(read.problem).toMatch(/^Nhật ký CCHC đã bị sửa bằng tay/);
    expect(read.problem).toMatch(message);
  });

  it("a whole log rewritten with fresh checksums does not match the head kept in document properties", () => {
    const { values, head } = written();
    const forged = seal(
      [entry("A", "Đang nhập", "Đã nộp"), entry("A", "Đã nộp", "Đã duyệt"), entry("B", "Đã nộp", "Đã duyệt", "2022-Q4")],
      { seq: 0, check: "" },
    );
    const read = readLog([values[0]!, ...forged.map(logRow)], head);
    expect(read.problem).toMatch(/không khớp với dấu kiểm tra/);
  });

  it("a deleted log is reported with how many rows it had", () => {
    expect(readLog(null, written().head).problem).toMatch(/Nhật ký CCHC đã bị xóa \(tiện ích đã ghi 3 dòng\)/);
    expect(readLog(null, null).problem).toBeNull();
  });

  it("a write Apps Script stopped after the head and before the rows reads as the log before it", () => {
    const { values, head } = written();
    const more = seal([entry("C", "Đang nhập", "Đã nộp")], head);
    const ahead: LogHead = { sheetId: "7", seq: more[0]!.seq, check: more[0]!.check, prev: { seq: head.seq, check: head.check } };
    expect(readLog(values, ahead).problem).toBeNull();
    expect(readLog([...values, logRow(more[0]!)], ahead).problem).toBeNull();
    // Without the previous head kept, the same log is a log with a row missing.
    expect(readLog(values, { ...ahead, prev: undefined }).problem).toMatch(/thiếu dòng số thứ tự 4/);
  });

  it("a log of the previous version (no numbers) is read in sheet order", () => {
    const read = readLog(
      [
        LEGACY_HEADER,
        ["2023-03-20 08:00:00", "a@x.vn", "2023-Q1", "a", "Đang nhập", "Đã nộp", ""],
        ["2023-03-21 08:00:00", "r@x.vn", "2023-Q1", "A", "Đã nộp", "Trả lại", "sai"],
        ["rác", "", "", "", "x", "y", ""],
      ],
      null,
    );
    expect(read.legacy).toBe(true);
    expect(read.records).toHaveLength(2);
    expect(statusesOf(read.records, "2023-Q1").get("A")!.to).toBe("Trả lại");
  });
});

describe("the queue of clerks' submissions", () => {
  const good = { ...entry("A", "Đang nhập", "Đã nộp"), fingerprint: "00000000000abc" };
  const known = (c: string) => c === "A";
  it("a clerk's submission is accepted; every damaged entry is set aside with why", () => {
    const { queued, rejected } = readQueue(
      {
        "cchc.log.000000000000001.A": JSON.stringify(good),
        "cchc.log.000000000000002.A": JSON.stringify({ ...good, to: "HACK" }),
        "cchc.log.000000000000003.A": JSON.stringify({ ...good, from: "Đã nộp", to: "Đã duyệt" }),
        "cchc.log.000000000000004.Z": JSON.stringify({ ...good, unit: "Z" }),
        "cchc.log.000000000000005.A": JSON.stringify({ ...good, period: "2023-Q9" }),
        "cchc.log.000000000000006.A": "{not json",
        "cchc.settings": "{}",
      },
      known,
    );
    expect(queued.map((q) => q.key)).toEqual(["cchc.log.000000000000001.A"]);
    expect(rejected.map((r) => r.key.slice(-3))).toEqual(["2.A", "3.A", "4.Z", "5.A", "6.A"]);
    expect(rejected[2]!.why).toMatch(/đơn vị "Z"/);
    expect(rejected[3]!.why).toMatch(/kỳ "2023-Q9"/);
    const logged = rejectedEntry(rejected[0]!, "t", "r@x.vn");
    expect(logged.to).toBe("");
    expect(logged.note).toMatch(/HACK/);
  });

  it("a fingerprint changes with any figure and not with a moved column, the status or the reviewer's note", () => {
    const cols = { period: 0, unit: 1, received_online: 2, status: 3, review_note: 4 };
    const f = rowFingerprint(["2023-Q1", "A", 5, "Đã nộp", ""], cols);
    expect(rowFingerprint(["2023-Q1", "A", 6, "Đã nộp", ""], cols)).not.toBe(f);
    expect(rowFingerprint(["2023-Q1", "A", 5, "Đã duyệt", "ok"], cols)).toBe(f);
    expect(rowFingerprint(["Đã nộp", "2023-Q1", "A", 5], { status: 0, period: 1, unit: 2, received_online: 3 })).toBe(f);
  });
});
