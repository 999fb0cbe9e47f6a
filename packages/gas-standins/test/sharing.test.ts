/**
 * Who the spreadsheet is shared with, as protections see it: Google Groups
 * named as editors, a shared drive's file (no owner), users whose email
 * Google withholds from scripts.
 */
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../src/index";
import type { GasEnvironmentOptions } from "../src/index";
import { thrown } from "./fixtures/thrown";

const OWNER = "owner@x.vn";
const GROUP = "duyet@x.vn";
const MEMBER = "r@x.vn";
const OTHER_MEMBER = "r2@x.vn";
const CLERK = "clerk@x.vn";
const PROTECTED =
  "Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

function env(options: GasEnvironmentOptions = {}) {
  const e = createGasEnvironment({ userEmail: OWNER, sheets: { "Số liệu": [["a", "b"]] }, processTimeZone: false, ...options });
  const SA = e.globals.SpreadsheetApp;
  const sheet = SA.getActiveSpreadsheet().getSheetByName("Số liệu")!;
  return { env: e, SA, sheet, Session: e.globals.Session };
}

const emails = (p: GoogleAppsScript.Spreadsheet.Protection) => p.getEditors().map((u) => u.getEmail());

describe("Google Groups", () => {
  const groups = { [GROUP]: [MEMBER, OTHER_MEMBER] };

  it("a protection whose editors name a group lets its members edit, and nobody else", () => {
    const { env: e, sheet } = env({ groups, editors: [GROUP, CLERK] });
    const p = sheet.getRange("A1").protect();
    p.removeEditors(p.getEditors() as unknown as string[]);
    p.addEditor(GROUP);
    expect(emails(p)).toEqual([OWNER, GROUP]);

    e.setUser(MEMBER);
    expect(p.canEdit()).toBe(true);
    sheet.getRange("A1").setValue("member");
    expect(e.userEdit("Số liệu", "A1", "member typed").ok).toBe(true);
    e.setUser(CLERK);
    expect(p.canEdit()).toBe(false);
    expect(thrown(() => sheet.getRange("A1").setValue("clerk"))).toBe(PROTECTED);
    expect(e.userEdit("Số liệu", "A1", "clerk typed").ok).toBe(false);
    expect(e.values("'Số liệu'!A1")).toEqual([["member typed"]]);
  });

  it("the Sheets API: a group in editors.groups, reported back in editors.groups", () => {
    const { env: e } = env({ groups, editors: [CLERK] });
    const Sheets = e.globals.Sheets!;
    const id = e.document.getId();
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
                editors: { groups: [GROUP] },
              },
            },
          },
        ],
      },
      id,
    );
    e.setUser(MEMBER);
    expect(e.userEdit("Số liệu", "B1", "member").ok).toBe(true);
    const [pr] = Sheets.Spreadsheets.get(id, { fields: "sheets.protectedRanges(editors,requestingUserCanEdit)" }).sheets![0]!
      .protectedRanges!;
    expect(pr).toEqual({ editors: { users: [OWNER], groups: [GROUP], domainUsersCanEdit: false }, requestingUserCanEdit: true });
    e.setUser(CLERK);
    expect(e.userEdit("Số liệu", "B1", "clerk").ok).toBe(false);
  });

  it("removing the group that is the current user's only access throws; Google's sample (add yourself first) works", () => {
    const { env: e, sheet, Session } = env({ groups, editors: [GROUP] });
    const p = sheet.getRange("A1").protect();
    p.removeEditors(p.getEditors() as unknown as string[]);
    p.addEditor(GROUP);

    e.setUser(MEMBER);
    expect(thrown(() => p.removeEditor(GROUP))).toMatch(/^Exception: You can't remove duyet@x\.vn/);
    expect(thrown(() => p.removeEditors(p.getEditors() as unknown as string[]))).toMatch(/^Exception: You can't remove duyet@x\.vn/);
    expect(emails(p)).toEqual([OWNER, GROUP]); // unchanged
    expect(p.canEdit()).toBe(true);

    // "Ensure the current user is an editor before removing others."
    p.addEditor(Session.getEffectiveUser());
    p.removeEditors(p.getEditors() as unknown as string[]);
    expect(emails(p)).toEqual([OWNER, MEMBER]);
    sheet.getRange("A1").setValue("still mine");
    e.setUser(OTHER_MEMBER);
    expect(p.canEdit()).toBe(false); // the group is gone
    expect(e.userEdit("Số liệu", "A1", "x").ok).toBe(false);
  });

  it("the owner may remove a group", () => {
    const { env: e, sheet } = env({ groups, editors: [GROUP] });
    const p = sheet.getRange("A1").protect();
    p.removeEditors(p.getEditors() as unknown as string[]);
    p.addEditor(GROUP);
    p.removeEditor(GROUP);
    expect(emails(p)).toEqual([OWNER]);
    e.setUser(MEMBER);
    expect(e.userEdit("Số liệu", "A1", "x").ok).toBe(false);
  });
});

describe("a shared drive's file (ownerEmail: null)", () => {
  const FIRST = "first@x.vn";
  const SECOND = "second@x.vn";

  it("getOwner() is null", () => {
    const { SA } = env({ userEmail: FIRST, ownerEmail: null });
    expect(SA.getActiveSpreadsheet().getOwner()).toBeNull();
    const owned = env({ userEmail: FIRST });
    expect(owned.SA.getActiveSpreadsheet().getOwner()!.getEmail()).toBe(FIRST);
  });

  it("nobody edits as owner: the first user, left out of a protection, is refused like anyone", () => {
    for (const ownerEmail of [undefined, null]) {
      const { env: e, sheet } = env({ userEmail: FIRST, editors: [SECOND], ownerEmail });
      e.setUser(SECOND);
      const p = sheet.getRange("A1").protect();
      p.removeEditors(p.getEditors() as unknown as string[]);
      e.setUser(FIRST);
      if (ownerEmail === undefined) {
        // FIRST owns the spreadsheet: kept as an editor, and always able to edit.
        expect(emails(p)).toEqual([FIRST, SECOND]);
        expect(p.canEdit()).toBe(true);
        expect(e.userEdit("Số liệu", "A1", "owner").ok).toBe(true);
      } else {
        expect(p.canEdit()).toBe(false);
        expect(thrown(() => p.getEditors())).toBe(PROTECTED);
        expect(thrown(() => sheet.getRange("A1").setValue("first"))).toBe(PROTECTED);
        expect(e.userEdit("Số liệu", "A1", "first").ok).toBe(false);
        expect(e.userEdit("Số liệu", "B1", "open").ok).toBe(true);
        e.setUser(SECOND);
        expect(emails(p)).toEqual([SECOND]);
      }
    }
  });

  it("the Sheets API keeps no owner among a protection's editors", () => {
    const { env: e } = env({ userEmail: FIRST, editors: [SECOND], ownerEmail: null });
    const Sheets = e.globals.Sheets!;
    const id = e.document.getId();
    e.setUser(SECOND);
    const reply = Sheets.Spreadsheets.batchUpdate(
      { requests: [{ addProtectedRange: { protectedRange: { range: { sheetId: 0 }, editors: { users: [] } } } }] },
      id,
    );
    const pr = reply.replies![0]!.addProtectedRange!.protectedRange!;
    expect(pr.editors!.users).toEqual([SECOND]);
    e.setUser(FIRST);
    expect(e.userEdit("Số liệu", "A1", "x").ok).toBe(false);
    expect(
      thrown(() =>
        Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteProtectedRange: { protectedRangeId: pr.protectedRangeId } }] }, id),
      ),
    ).toContain(`The caller does not have permission to edit protected range ${pr.protectedRangeId}.`);
  });
});

describe("hiddenEmails: users whose email Google withholds from scripts", () => {
  const HIDDEN = "x@y.vn";

  it("Session's users and a protection's editors give '' for them", () => {
    const { env: e, sheet, Session } = env({ editors: [HIDDEN], hiddenEmails: [HIDDEN] });
    expect(Session.getActiveUser().getEmail()).toBe(OWNER);
    const p = sheet.getRange("A1").protect();
    expect(emails(p)).toEqual([OWNER, ""]);

    e.setUser(HIDDEN);
    expect(e.user).toBe(HIDDEN); // the environment still knows who it is
    expect(Session.getActiveUser().getEmail()).toBe("");
    expect(p.canEdit()).toBe(true); // hidden, not shut out
    sheet.getRange("A1").setValue("hidden user");

    e.setUser(OWNER);
    expect(Session.getActiveUser().getEmail()).toBe(OWNER);
    expect(e.values("'Số liệu'!A1")).toEqual([["hidden user"]]);
  });

  it("without hiddenEmails the same user's email is given", () => {
    const { env: e, sheet, Session } = env({ editors: [HIDDEN] });
    expect(emails(sheet.getRange("A1").protect())).toEqual([OWNER, HIDDEN]);
    e.setUser(HIDDEN);
    expect(Session.getActiveUser().getEmail()).toBe(HIDDEN);
  });
});
