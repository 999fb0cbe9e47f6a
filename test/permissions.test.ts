/**
 * SPEC "Who may change what" as a matrix: every role × every action the
 * add-on offers and every region of the sheet, each cell its own test case,
 * on the built dist/Code.js and the stand-ins (which enforce protections as
 * Sheets does). The expectations below are written from SPEC's table, not
 * computed from src/core/permissions.ts; a test checks that the code's table
 * names the same actions and regions.
 */
import { describe, expect, it } from "vitest";
import { columnLetter } from "../src/core/a1";
import { ACTIONS, REGIONS, ROLES, type Role } from "../src/core/permissions";
import { SUBMISSION_COLUMNS } from "../src/core/schema";
import { settingsFor } from "../src/core/settings";
import { type LocalAddon, startAddon } from "../src/local/runtime";
import { goodRow, submissionRows, targetRows, unitRows } from "./fixtures";
import { disposeAfterEach, fullState } from "./helpers/addon";

const OWNER = "owner@tinh.example.vn";
const REVIEWER = "review@tinh.example.vn";
const CLERK_A = "a@xa.example.vn";
const CLERK_B = "b@xa.example.vn";
const EDITOR = "editor@tinh.example.vn";
const ANON = "an.danh@gmail.com";
const P = "2023-Q1";

const EMAIL: Record<Role, string> = {
  owner: OWNER,
  reviewer: REVIEWER,
  clerk: CLERK_A,
  otherClerk: CLERK_B,
  noUnit: EDITOR,
  anonymous: ANON,
};

const track = disposeAfterEach();
const col = (key: string) => SUBMISSION_COLUMNS.findIndex((c) => c.key === key);
const letter = (key: string) => columnLetter(col(key) + 1);

const SETTINGS = { ...settingsFor("tỉnh", "Quảng Trị"), reviewers: [REVIEWER] };

/** Units A (clerk a@), B (clerk b@), C (no clerk); A has a row of 2022-Q4 and one of 2023-Q1; the owner has prepared 2023-Q1. */
function province(): LocalAddon {
  const emails: Record<string, string> = { A: CLERK_A, B: CLERK_B, C: "" };
  const units = unitRows(["A", "B", "C"].map((code) => ({ code }))).map((r, i) =>
    i === 0 ? r : [r[0], r[1], r[2], emails[String(r[0])], r[4]],
  );
  const a = track(
    startAddon({
      ownerEmail: OWNER,
      userEmail: OWNER,
      editors: [REVIEWER, CLERK_A, CLERK_B, EDITOR, ANON],
      hiddenEmails: [ANON],
      sheets: {
        "Đơn vị": units,
        "Chỉ tiêu": targetRows([]),
        "Số liệu": submissionRows([goodRow("A", "2022-Q4"), goodRow("A", P), goodRow("B", P)]),
      },
      documentProperties: { "cchc.settings": JSON.stringify(SETTINGS) },
    }),
  );
  a.call("preparePeriod", P);
  a.call("highlightPeriod", P); // Kết quả CCHC exists
  return a;
}

const everything = fullState;

/** A refusal names who may (SPEC: "Chỉ người duyệt … mới được …") or that the caller is not the unit's clerk. */
const REFUSED = /Chỉ người duyệt|chỉ người nhập liệu của đơn vị hoặc người duyệt mới được/;

// ---------------------------------------------------------------- actions

/** Each action with its arguments, and who may (SPEC's table). */
const ACTION_CASES: Record<keyof typeof ACTIONS, { args: unknown[]; allowed: readonly Role[] }> = {
  sidebarState: { args: [], allowed: ROLES },
  getSettings: { args: [], allowed: ROLES },
  validatePeriod: { args: [P], allowed: ROLES },
  periodResults: { args: [P], allowed: ROLES },
  approvalState: { args: [P], allowed: ROLES },
  selectCell: { args: ["Số liệu", "B2"], allowed: ROLES },
  generateReport: { args: [P], allowed: ROLES },
  saveSettings: { args: [{ ...SETTINGS, reviewers: [REVIEWER, CLERK_A, CLERK_B, EDITOR] }], allowed: ["owner", "reviewer"] },
  setupSheets: { args: [], allowed: ["owner", "reviewer"] },
  setupList: { args: [], allowed: ROLES },
  preparePeriod: { args: [P], allowed: ["owner", "reviewer"] },
  highlightPeriod: { args: [P], allowed: ["owner", "reviewer"] },
  acceptLog: { args: [P], allowed: ["owner", "reviewer"] },
  submitUnit: { args: [P, "A"], allowed: ["owner", "reviewer", "clerk"] },
  returnUnit: { args: [P, "A", "Thiếu số liệu"], allowed: ["owner", "reviewer"] },
  approveUnit: { args: [P, "A"], allowed: ["owner", "reviewer"] },
  reopenUnit: { args: [P, "A", ""], allowed: ["owner", "reviewer"] },
};

describe("the permission table in code names SPEC's actions and regions", () => {
  it("every action the sidebar can call is in the table, and nothing else", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(ACTION_CASES).sort());
  });
  it("every region of SPEC's table is in the code's table", () => {
    expect(Object.keys(REGIONS).sort()).toEqual(Object.keys(REGION_CASES).sort());
  });
});

describe.each(ROLES.map((r) => [r]))("as %s", (role) => {
  it.each(Object.entries(ACTION_CASES).map(([name, c]) => [name, c] as const))("%s", (name, c) => {
    const a = province();
    a.env.setUser(EMAIL[role]);
    const before = everything(a);
    let message = "";
    try {
      a.call(name, ...c.args);
    } catch (e) {
      message = (e as Error).message;
    }
    if (c.allowed.includes(role)) {
      expect(message).not.toMatch(REFUSED);
    } else {
      expect(message).toMatch(REFUSED);
      expect(everything(a)).toBe(before);
    }
  });

  it.each(Object.entries(REGION_CASES).map(([name, c]) => [name, c] as const))("region %s", (_name, c) => {
    const a = province();
    c.arrange?.(a);
    a.env.setUser(EMAIL[role]);
    const before = everything(a);
    const changed = c.attempt ? c.attempt(a, EMAIL[role]) : a.env.userEdit(c.sheet!, c.cell!, "12").ok;
    expect(changed, `${role}: ${c.sheet ?? "settings"}!${c.cell ?? ""}`).toBe(c.allowed.includes(role));
    if (!changed) expect(everything(a)).toBe(before);
  });
});

// ---------------------------------------------------------------- regions

interface RegionCase {
  /** A user's edit of this cell (env.userEdit, which obeys protections and validations)... */
  sheet?: string;
  cell?: string;
  /** ...or another way to change the region; true when the change went through. */
  attempt?: (a: LocalAddon, email: string) => boolean;
  allowed: readonly Role[];
  /** What happens before the user tries. */
  arrange?: (a: LocalAddon) => void;
}

const REVIEWERS: readonly Role[] = ["owner", "reviewer"];

/** Rows of Số liệu after prepare: 1 header, 2 A 2022-Q4, 3 A 2023-Q1, 4 B 2023-Q1, 5 C 2023-Q1 (added). */
const REGION_CASES: Record<keyof typeof REGIONS, RegionCase> = {
  // Settings live in document properties, which only the add-on's code writes: its saveSettings is the only way in.
  settings: {
    allowed: REVIEWERS,
    attempt(a, email) {
      try {
        a.call("saveSettings", { ...SETTINGS, reviewers: [REVIEWER, email] });
      } catch (e) {
        expect((e as Error).message).toMatch(REFUSED);
        return false;
      }
      return true;
    },
  },
  units: { sheet: "Đơn vị", cell: "B3", allowed: REVIEWERS },
  targets: { sheet: "Chỉ tiêu", cell: "C2", allowed: REVIEWERS },
  header: { sheet: "Số liệu", cell: `${letter("received_online")}1`, allowed: REVIEWERS },
  ownSheets: { sheet: "Nhật ký CCHC", cell: "A2", allowed: REVIEWERS },
  openRow: { sheet: "Số liệu", cell: `${letter("received_online")}3`, allowed: ["owner", "reviewer", "clerk"] },
  keyCells: { sheet: "Số liệu", cell: `${letter("review_note")}3`, allowed: REVIEWERS },
  submittedRow: {
    sheet: "Số liệu",
    cell: `${letter("received_online")}3`,
    allowed: REVIEWERS,
    arrange(a) {
      a.env.setUser(CLERK_A);
      expect(a.call<{ ok: boolean }>("submitUnit", P, "A").ok).toBe(true);
      a.env.setUser(OWNER);
      a.call("preparePeriod", P); // the reviewer's next action closes the row
    },
  },
  earlierRow: { sheet: "Số liệu", cell: `${letter("received_online")}2`, allowed: REVIEWERS },
  outsideRow: { sheet: "Số liệu", cell: `${letter("received_online")}9`, allowed: REVIEWERS },
};

describe("the add-on's own results sheet", () => {
  it.each(ROLES.map((r) => [r]))("as %s", (role) => {
    const a = province();
    a.env.setUser(EMAIL[role]);
    expect(a.env.userEdit("Kết quả CCHC", "B5", "x").ok).toBe(REVIEWERS.includes(role));
  });
});

describe("a shared drive's file, no reviewer named", () => {
  it("actions that need a reviewer say how to name one; nothing is left open by default", () => {
    const a = track(
      startAddon({
        ownerEmail: null,
        userEmail: EDITOR,
        editors: [CLERK_A],
        sheets: { "Đơn vị": unitRows([{ code: "A" }]), "Số liệu": submissionRows([goodRow("A", P)]) },
        documentProperties: { "cchc.settings": JSON.stringify(settingsFor("tỉnh", "Quảng Trị")) },
      }),
    );
    const before = everything(a);
    for (const fn of ["preparePeriod", "highlightPeriod", "saveSettings", "setupSheets"]) {
      let message = "";
      try {
        a.call(fn, fn === "saveSettings" ? { ...SETTINGS, reviewers: [EDITOR] } : P);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, fn).toMatch(/^Bảng tính chưa có người duyệt: tệp trong bộ nhớ dùng chung không có chủ sở hữu/);
      expect(message).toMatch(/chuyển tệp về "Drive của tôi"/);
    }
    expect(everything(a)).toBe(before);
  });

  it("with a reviewer named, that reviewer prepares and the protections name the reviewer, not an owner", () => {
    const a = track(
      startAddon({
        ownerEmail: null,
        userEmail: REVIEWER,
        editors: [CLERK_A, EDITOR],
        sheets: {
          "Đơn vị": unitRows([{ code: "A" }]).map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], CLERK_A, r[4]])),
          "Số liệu": submissionRows([goodRow("A", P)]),
        },
        documentProperties: { "cchc.settings": JSON.stringify(SETTINGS) },
      }),
    );
    a.call("preparePeriod", P);
    a.env.setUser(EDITOR);
    expect(a.env.userEdit("Đơn vị", "B2", "x").ok).toBe(false);
    a.env.setUser(CLERK_A);
    expect(a.env.userEdit("Số liệu", `${letter("received_online")}2`, 3).ok).toBe(true);
    expect(a.env.userEdit("Đơn vị", "B2", "x").ok).toBe(false);
  });
});
