/**
 * Who is calling (SPEC "Who may change what"): the signed-in user, the
 * spreadsheet's owner and the reviewers. Every editor of a shared sheet can
 * call any server function by name, so main.ts checks permissions.ts's
 * ACTIONS here before a reviewers-only function runs, whatever the sidebar shows.
 *
 * Google's facts this follows:
 * - Session.getActiveUser().getEmail() may be blank
 *   (https://developers.google.com/apps-script/reference/base/session#getActiveUser());
 *   a blank email is never a reviewer;
 * - a file in a shared drive has no owner: Spreadsheet.getOwner() returns null
 *   (https://developers.google.com/apps-script/reference/drive/file#getOwner()),
 *   so only the settings' reviewers are reviewers there, and with none
 *   NO_REVIEWER says how to name one.
 */
import { ACTIONS, type ActionName, NO_REVIEWER, reviewersOnly } from "../core/permissions";
import type { ReportSettings } from "../core/settings";
import { getSettings } from "./settings";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Caller {
  /** Lower-cased; "" when Google withholds it. */
  readonly email: string;
  /** The owner's email, or null (a shared drive's file, or an owner Google does not name). */
  readonly owner: string | null;
  /** The owner (when known) and the settings' reviewers, lower-cased. */
  readonly reviewers: readonly string[];
  readonly reviewer: boolean;
}

const lower = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

export function callerOf(ss: Spreadsheet, settings: ReportSettings): Caller {
  const email = lower(Session.getActiveUser().getEmail());
  const owner = lower(ss.getOwner()?.getEmail()) || null;
  const reviewers = [...new Set([...(owner ? [owner] : []), ...settings.reviewers.map(lower)].filter(Boolean))];
  return { email, owner, reviewers, reviewer: email !== "" && reviewers.includes(email) };
}

/** Throws the Vietnamese refusal when the caller is not a reviewer. */
export function requireReviewer(c: Caller, doing: string): void {
  if (c.reviewer) return;
  if (c.reviewers.length === 0) throw new Error(NO_REVIEWER);
  throw new Error(reviewersOnly(doing, c.email));
}

/** The guard main.ts puts before every entry point ACTIONS lists as reviewers-only. */
export function guardAction(name: string): void {
  const rule = (ACTIONS as Record<string, { who: string; doing?: string } | undefined>)[name];
  if (rule?.who !== "reviewers") return;
  requireReviewer(callerOf(SpreadsheetApp.getActiveSpreadsheet(), getSettings()), rule.doing ?? name);
}

export type { ActionName };
