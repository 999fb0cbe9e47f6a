import { describe, expect, it } from "vitest";
import { countByStatus, emailsOf, readStatus, refusal, statusCountText } from "../../src/core/approval";

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
    // No email from Google: only the row's protection, which Google lets the unit's clerks edit, says who they are.
    expect(refusal("submit", "Đang nhập", unknown, ["b@x.vn"], "Xã B", true)).toBeNull();
    expect(refusal("submit", "Đang nhập", unknown, ["b@x.vn"], "Xã B", false)).toMatch(/Google không cho tiện ích biết email/);
    expect(refusal("submit", "Đang nhập", unknown, [], "Xã C")).toBeNull();
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

describe("counts", () => {
  it("are given in SPEC's order of statuses", () => {
    const counts = countByStatus(["Đang nhập", "Đã duyệt", "Đã duyệt"]);
    expect(statusCountText(counts)).toBe("1 đang nhập, 0 đã nộp, 0 trả lại, 2 đã duyệt");
  });
});
