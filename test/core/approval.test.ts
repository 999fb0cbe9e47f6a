import { describe, expect, it } from "vitest";
import { countByStatus, emailsOf, readLog, readStatus, refusal, statusCountText, statusesOf, LOG_HEADER } from "../../src/core/approval";

describe("statuses", () => {
  it("blank reads as Đang nhập; spelling, case and diacritics are forgiven; other text is not a status", () => {
    expect(readStatus("")).toBe("Đang nhập");
    expect(readStatus(null)).toBe("Đang nhập");
    expect(readStatus(" đã  DUYỆT ")).toBe("Đã duyệt");
    expect(readStatus("da nop")).toBe("Đã nộp");
    expect(readStatus("Xong")).toBeNull();
  });
  it("emails are split on commas, semicolons and spaces, lower-cased, invalid ones dropped", () => {
    expect(emailsOf("A@X.vn, b@y.vn;c@z.vn  not-an-email a@x.vn")).toEqual(["a@x.vn", "b@y.vn", "c@z.vn"]);
    expect(emailsOf("")).toEqual([]);
  });
});

describe("who may do what", () => {
  const clerk = { email: "a@x.vn", reviewer: false };
  const reviewer = { email: "r@x.vn", reviewer: true };
  const unknown = { email: "", reviewer: false };
  it("a clerk submits only its own unit, from Đang nhập or Trả lại", () => {
    expect(refusal("submit", "Đang nhập", clerk, ["a@x.vn"], "Xã A")).toBeNull();
    expect(refusal("submit", "Trả lại", clerk, ["a@x.vn"], "Xã A")).toBeNull();
    expect(refusal("submit", "Đã duyệt", clerk, ["a@x.vn"], "Xã A")).toMatch(/đang ở trạng thái "Đã duyệt"/);
    expect(refusal("submit", "Đang nhập", clerk, ["b@x.vn"], "Xã B")).toMatch(/không có trong ô "Email nhập liệu" của Xã B/);
    expect(refusal("submit", "Đang nhập", clerk, [], "Xã C")).toBeNull(); // no email: open to every editor
    expect(refusal("submit", "Đang nhập", unknown, ["b@x.vn"], "Xã B")).toBeNull(); // no email from Google: the protection decides
  });
  it("only reviewers return, approve and reopen, each from its own statuses", () => {
    for (const action of ["return", "approve", "reopen"] as const)
      expect(refusal(action, "Đã nộp", clerk, ["a@x.vn"], "Xã A")).toMatch(/Chỉ người duyệt/);
    expect(refusal("approve", "Đã nộp", reviewer, [], "Xã A")).toBeNull();
    expect(refusal("approve", "Đang nhập", reviewer, [], "Xã A")).toMatch(/chỉ duyệt được khi trạng thái là "Đã nộp"/);
    expect(refusal("return", "Đã duyệt", reviewer, [], "Xã A")).toBeNull();
    expect(refusal("reopen", "Đã nộp", reviewer, [], "Xã A")).toMatch(/"Đã duyệt"/);
  });
});

describe("the log", () => {
  it("the status of record is the last change of the period, whatever came before", () => {
    const log = readLog([
      LOG_HEADER,
      ["2023-03-20 08:00:00", "a@x.vn", "2023-Q1", "a", "Đang nhập", "Đã nộp", ""],
      ["2023-03-21 08:00:00", "r@x.vn", "2023-Q1", "A", "Đã nộp", "Trả lại", "sai"],
      ["2023-03-21 09:00:00", "r@x.vn", "2022-Q4", "A", "Đã nộp", "Đã duyệt", ""],
      ["rác", "", "", "", "x", "y", ""],
    ]);
    expect(log).toHaveLength(3);
    const q1 = statusesOf(log, "2023-Q1");
    expect(q1.get("A")!.to).toBe("Trả lại");
    expect(statusesOf(log, "2022-Q4").get("A")!.to).toBe("Đã duyệt");
    const counts = countByStatus(["Đang nhập", "Đã duyệt", "Đã duyệt"]);
    expect(statusCountText(counts)).toBe("1 đang nhập, 0 đã nộp, 0 trả lại, 2 đã duyệt");
  });
});
