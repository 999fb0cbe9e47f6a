/**
 * Submission and approval (SPEC "Submission and approval", issue 12) from the
 * built dist/Code.js on the stand-ins, which enforce protections as Sheets
 * does: a script runs as the user who clicks.
 */
import { afterEach, describe, expect, it } from "vitest";
import { columnLetter } from "../src/core/a1";
import { LOG_HEADER } from "../src/core/log";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import { settingsFor } from "../src/core/settings";
import type { ApprovalResult, ApprovalView, PrepareResult } from "../src/gas/approval";
import { type LocalAddon, startAddon } from "../src/local/runtime";
import { goodRow, submissionRows, unitRows } from "./fixtures";
import { refusal } from "./helpers/addon";

const OWNER = "owner@tinh.example.vn";
const REVIEWER = "review@tinh.example.vn";
const CLERK_A = "a@xa.example.vn";
const CLERK_B = "b@xa.example.vn";
const P = "2023-Q1";

let open: LocalAddon[] = [];
afterEach(() => {
  for (const a of open) a.dispose();
  open = [];
});

const col = (key: string) => SUBMISSION_COLUMNS.findIndex((c) => c.key === key);
const letter = (key: string) => columnLetter(col(key) + 1);

/** Units A and B with clerks, C without; A has a row with an error (signed > issued), B and C none. */
function province(extra: { units?: number } = {}): LocalAddon {
  const units = [
    { code: "A", editors: CLERK_A },
    { code: "B", editors: CLERK_B },
    { code: "C", editors: "" },
    ...Array.from({ length: extra.units ?? 0 }, (_, i) => ({ code: `U${i}`, editors: `u${i}@xa.example.vn` })),
  ];
  const unitSheet = unitRows(units.map((u) => ({ code: u.code }))).map((r, i) => {
    const row = [...r];
    if (i > 0) row[3] = units[i - 1]!.editors;
    return row;
  });
  const a = startAddon({
    ownerEmail: OWNER,
    userEmail: OWNER,
    editors: [REVIEWER, CLERK_A, CLERK_B],
    sheets: {
      "Đơn vị": unitSheet,
      "Số liệu": submissionRows([goodRow("A", P, { documents_signed: 250 })]),
    },
    documentProperties: { "cchc.settings": JSON.stringify({ ...settingsFor("tỉnh", "Quảng Trị"), reviewers: [REVIEWER] }) },
  });
  open.push(a);
  return a;
}

const as = (a: LocalAddon, user: string) => a.env.setUser(user);
const state = (a: LocalAddon) => a.call<ApprovalView>("approvalState", P);
const unit = (a: LocalAddon, code: string) => state(a).units.find((u) => u.code === code)!;
const figures = (a: LocalAddon) =>
  JSON.stringify(a.env.values("Số liệu").map((r) => r.filter((_, c) => c !== col("status") && c !== col("review_note"))));
const logRows = (a: LocalAddon) => a.env.values("Nhật ký CCHC").slice(1);

describe("Chuẩn bị kỳ báo cáo", () => {
  it("only a reviewer may prepare; a clerk is refused on the server and nothing changes", () => {
    const a = province();
    as(a, CLERK_A);
    const before = JSON.stringify(a.env.values("Số liệu"));
    expect(refusal(a, "preparePeriod", P)).toMatch(
      /^Chỉ người duyệt \(.*\) mới được chuẩn bị kỳ báo cáo\. Tài khoản a@xa\.example\.vn không phải người duyệt/,
    );
    expect(JSON.stringify(a.env.values("Số liệu"))).toBe(before);
    expect(a.env.document.getSheetByName("Nhật ký CCHC")).toBeNull();
  });

  it("adds a row per expected unit, protects each unit's row for its clerk and the reviewers, names units without email; idempotent", () => {
    const a = province();
    const r = a.call<PrepareResult>("preparePeriod", P);
    expect(r.added).toBe(2);
    expect(r.withoutEmail).toEqual(["Xã C"]);
    expect(r.message).toMatch(/1 đơn vị chưa có email nhập liệu nên dòng vẫn mở cho mọi người sửa: Xã C/);
    const rows = a.env.values("Số liệu");
    expect(rows.slice(2).map((row) => [row[col("period")], row[col("unit")], row[col("status")]])).toEqual([
      [P, "B", "Đang nhập"],
      [P, "C", "Đang nhập"],
    ]);
    const sheet = a.env.document.getSheetByName("Số liệu")!;
    const protections = sheet.getProtections(a.env.globals.SpreadsheetApp.ProtectionType.RANGE);
    expect(protections.map((p) => p.getRange().getRow()).sort()).toEqual([2, 3]);
    const editors = protections.map((p) =>
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    );
    expect(editors).toContainEqual([CLERK_A, OWNER, REVIEWER].sort());
    // Again: nothing added, no second protection.
    const again = a.call<PrepareResult>("preparePeriod", P);
    expect(again.added).toBe(0);
    expect(sheet.getProtections(a.env.globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(2);
    expect(a.env.values("Số liệu")).toHaveLength(4);
    // The log sheet exists, protected for the reviewers.
    expect(a.env.values("Nhật ký CCHC")[0]).toEqual(LOG_HEADER);
    as(a, CLERK_A);
    expect(a.env.userEdit("Nhật ký CCHC", "A5", "giả mạo").ok).toBe(false);
  });

  it("on a sheet made before approval existed, adds the Trạng thái and Ý kiến columns after the last one, changing no other cell", () => {
    const old = SUBMISSION_COLUMNS.filter((c) => c.key !== "status" && c.key !== "review_note").map((c) => c.key);
    const a = startAddon({
      ownerEmail: OWNER,
      userEmail: OWNER,
      sheets: {
        "Đơn vị": unitRows([{ code: "A" }]).map((r, i) => (i === 1 ? [r[0], r[1], r[2], CLERK_A, r[4]] : r)),
        "Số liệu": submissionRows([goodRow("A", P)], old),
      },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Quảng Trị")) },
    });
    open.push(a);
    const before = a.env.values("Số liệu");
    const r = a.call<PrepareResult>("preparePeriod", P);
    expect(r.message).toContain('thêm cột "Trạng thái", "Ý kiến" vào trang "Số liệu"');
    const after = a.env.values("Số liệu");
    expect(after[0]!.slice(old.length)).toEqual(["Trạng thái", "Ý kiến"]);
    expect(after.map((row) => row.slice(0, old.length))).toEqual(before.map((row) => row.slice(0, old.length)));
    as(a, CLERK_A);
    expect(a.call<ApprovalResult>("submitUnit", P, "A").ok).toBe(true);
    expect(a.env.values("Số liệu")[1]![old.length]).toBe("Đã nộp");
  });

  it("a clerk of unit A cannot change unit B's row, but can change A's; the unit without email stays open", () => {
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    const b = a.env.userEdit("Số liệu", `${letter("received_online")}3`, 5);
    expect(b.ok).toBe(false);
    expect(a.env.userEdit("Số liệu", `${letter("documents_signed")}2`, 150).ok).toBe(true);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}4`, 5).ok).toBe(true);
  });

  it("after a sort moved the rows, running it again moves each protection back onto its unit's row", () => {
    const a = province();
    a.call("preparePeriod", P);
    const sheet = a.env.document.getSheetByName("Số liệu")!;
    // Swap A's and B's rows by value (what a sort does); the protections stay where they were.
    const rows = sheet.getRange(2, 1, 2, sheet.getLastColumn()).getValues();
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).setValues([rows[1]!, rows[0]!]);
    as(a, CLERK_A);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}3`, 31).ok).toBe(false); // A's row, still B's protection
    as(a, OWNER);
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}3`, 31).ok).toBe(true);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}2`, 31).ok).toBe(false);
  });

  it("costs a fixed number of service calls per unit", () => {
    const calls = (n: number) => {
      const a = province({ units: n });
      a.env.resetCounts();
      a.call("preparePeriod", P);
      return a.env.count();
    };
    const [c10, c20, c30] = [calls(10), calls(20), calls(30)];
    expect(c30 - c20).toBe(c20 - c10);
    expect((c20 - c10) / 10).toBeLessThanOrEqual(12);
  });
});

describe("the whole loop", () => {
  it("submit refused with errors, fixed, submitted, returned with a reason, resubmitted, approved and locked; every step logged; no figure lost", () => {
    const a = province();
    a.call("preparePeriod", P);

    // A submits with an error: refused with the findings, nothing changed.
    as(a, CLERK_A);
    const beforeRefusal = JSON.stringify(a.env.values("Số liệu"));
    const refused = a.call<ApprovalResult>("submitUnit", P, "A");
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/Chưa nộp số liệu được: số liệu của Xã A còn 1 lỗi/);
    expect(refused.findings.map((f) => f.cell)).toEqual([`${letter("documents_signed")}2`]);
    expect(JSON.stringify(a.env.values("Số liệu"))).toBe(beforeRefusal);

    // A fixes and submits.
    expect(a.env.userEdit("Số liệu", `${letter("documents_signed")}2`, 150).ok).toBe(true);
    const submitted = a.call<ApprovalResult>("submitUnit", P, "A");
    expect(submitted.ok).toBe(true);
    expect(unit(a, "A").status).toBe("Đã nộp");
    expect(a.env.values("Số liệu")[1]![col("status")]).toBe("Đã nộp");
    // A clerk cannot approve, return or reopen (checked on the server).
    expect(refusal(a, "approveUnit", P, "A")).toMatch(/Chỉ người duyệt/);
    expect(refusal(a, "returnUnit", P, "A", "x")).toMatch(/Chỉ người duyệt/);
    // Nor submit another unit's figures.
    expect(refusal(a, "submitUnit", P, "B")).toMatch(/không có trong ô "Email nhập liệu" của Xã B/);

    // The reviewer returns it with a reason.
    as(a, REVIEWER);
    const figs = figures(a);
    expect(refusal(a, "returnUnit", P, "A", "  ")).toMatch(/Hãy ghi lý do trả lại cho Xã A/);
    a.call<ApprovalResult>("returnUnit", P, "A", "Số văn bản đi chưa khớp sổ");
    expect(unit(a, "A").status).toBe("Trả lại");
    expect(a.env.values("Số liệu")[1]![col("review_note")]).toBe("Số văn bản đi chưa khớp sổ");
    expect(figures(a)).toBe(figs);

    // A fixes and resubmits.
    as(a, CLERK_A);
    expect(a.env.userEdit("Số liệu", `${letter("documents_signed")}2`, 160).ok).toBe(true);
    expect(a.call<ApprovalResult>("submitUnit", P, "A").ok).toBe(true);

    // The owner approves: the row is locked to the reviewers.
    as(a, OWNER);
    const figs2 = figures(a);
    a.call<ApprovalResult>("approveUnit", P, "A");
    expect(unit(a, "A").status).toBe("Đã duyệt");
    expect(figures(a)).toBe(figs2);
    as(a, CLERK_A);
    const locked = a.env.userEdit("Số liệu", `${letter("documents_signed")}2`, 1);
    expect(locked.ok).toBe(false);
    expect(a.env.values("Số liệu")[1]![col("documents_signed")]).toBe(160);

    // The log has every step, in order.
    as(a, OWNER);
    a.call("approvalState", P);
    const log = logRows(a).map((r) => [r[2], r[4], r[5], r[6], r[7]]);
    expect(log).toEqual([
      [CLERK_A, "A", "Đang nhập", "Đã nộp", ""],
      [REVIEWER, "A", "Đã nộp", "Trả lại", "Số văn bản đi chưa khớp sổ"],
      [CLERK_A, "A", "Trả lại", "Đã nộp", ""],
      [OWNER, "A", "Đã nộp", "Đã duyệt", ""],
    ]);

    // Reopening unlocks the row for the clerk again and changes no figure.
    const figs3 = figures(a);
    a.call("reopenUnit", P, "A", "Bổ sung số liệu đánh giá");
    expect(figures(a)).toBe(figs3);
    as(a, CLERK_A);
    expect(a.env.userEdit("Số liệu", `${letter("ratings")}2`, 10).ok).toBe(true);
  });

  it("approving a unit without a clerk's email still locks its row; reopening opens it to every editor again", () => {
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_B);
    // C's clerk types a whole row (C has no email: its row is open to every editor).
    for (const [key, v] of Object.entries(goodRow("C", P))) {
      if (key !== "period" && key !== "unit" && v !== "") expect(a.env.userEdit("Số liệu", `${letter(key)}4`, v).ok).toBe(true);
    }
    expect(a.call<ApprovalResult>("submitUnit", P, "C").ok).toBe(true); // any editor may submit it
    as(a, OWNER);
    a.call("approveUnit", P, "C");
    as(a, CLERK_B);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}4`, 31).ok).toBe(false);
    as(a, OWNER);
    a.call("returnUnit", P, "C", "Thiếu số liệu đánh giá");
    a.call("submitUnit", P, "C");
    a.call("approveUnit", P, "C");
    a.call("reopenUnit", P, "C", "");
    // A reopening without a note keeps the last reason in Ý kiến.
    expect(a.env.values("Số liệu")[3]![col("review_note")]).toBe("Thiếu số liệu đánh giá");
    as(a, CLERK_B);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}4`, 31).ok).toBe(true);
  });

  it("a status typed by hand does not count: the log's does, and the view shows the difference", () => {
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_B);
    expect(a.env.userEdit("Số liệu", `${letter("status")}4`, "Đã duyệt").ok).toBe(true); // C's row has no email: open
    const c = unit(a, "C");
    expect(c.status).toBe("Đang nhập");
    expect(c.cellStatus).toBe("Đã duyệt");
  });

  it("the sidebar counts by status and the report names the units not yet approved", () => {
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    a.env.userEdit("Số liệu", `${letter("documents_signed")}2`, 150);
    a.call("submitUnit", P, "A");
    as(a, OWNER);
    a.call("approveUnit", P, "A");
    expect(state(a).counts).toEqual({ "Đang nhập": 2, "Đã nộp": 0, "Trả lại": 0, "Đã duyệt": 1 });
    a.call("generateReport", P);
    const text = JSON.stringify(a.documents.at(-1));
    expect(text).toContain("Tình trạng duyệt số liệu: 2 đang nhập, 0 đã nộp, 0 trả lại, 1 đã duyệt.");
    expect(text).toContain("Báo cáo này lập khi số liệu của 2 đơn vị chưa được duyệt: Xã B, Xã C.");
  });

  it("when Google does not give the email, the clerk picks the unit and the row's protection still decides", () => {
    const a = startAddon({
      ownerEmail: OWNER,
      userEmail: OWNER,
      editors: [CLERK_A, CLERK_B],
      hiddenEmails: [CLERK_A],
      sheets: {
        "Đơn vị": unitRows([{ code: "A" }, { code: "B" }]).map((r, i) =>
          i === 0 ? r : [r[0], r[1], r[2], i === 1 ? CLERK_A : CLERK_B, r[4]],
        ),
        "Số liệu": submissionRows([goodRow("A", P), goodRow("B", P)]),
      },
      documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Quảng Trị")) },
    });
    open.push(a);
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    const view = state(a);
    expect(view.user).toBe("");
    expect(view.units.filter((u) => u.mine)).toEqual([]); // the sidebar shows a picker
    // Nobody without an email is a reviewer.
    expect(refusal(a, "approveUnit", P, "A")).toMatch(
      /Google không cho tiện ích biết email của bạn nên không xác định được bạn là người duyệt/,
    );
    // B's row protection refuses A: refused before any write, in Vietnamese.
    const before = JSON.stringify(a.env.values("Số liệu"));
    expect(refusal(a, "submitUnit", P, "B")).toMatch(
      /Google không cho tiện ích biết email của bạn, và bảo vệ dòng của Xã B không cho bạn sửa/,
    );
    expect(JSON.stringify(a.env.values("Số liệu"))).toBe(before);
    // A's own row protection lets A edit it: that is how Google says A is A's clerk.
    expect(a.call<ApprovalResult>("submitUnit", P, "A").ok).toBe(true);
  });
});
