/**
 * The bundle's entry: one implementation per entry of src/entrypoints.ts.
 * scripts/build.ts wraps this in an esbuild IIFE (global `CCHC`) and appends
 * a top-level function per entry that forwards to `CCHC.api`.
 * Nothing here runs at load: only definitions.
 */
import type { Api } from "../entrypoints";
import { INDICATORS, type IndicatorCode } from "../core/indicators";
import * as fn from "../core/functions";
import { menuHighlight, menuReport, menuSetup, menuValidate, onInstall, onOpen, showSidebar } from "./ui";
import { generateReport, getSettings, saveSettings } from "./report";
import { periodResults, highlightPeriod, selectCell, setupSheets, sidebarState, validatePeriod } from "./actions";

const def = (code: IndicatorCode) => INDICATORS.find((d) => d.code === code)!;
const rateFn = (code: IndicatorCode) => (numerator: unknown, denominator: unknown) => fn.rate(def(code), numerator, denominator);

export const api = {
  ONLINE_RATE: rateFn("online_submission_rate"),
  ONLINE_ORIGIN_RATE: rateFn("online_origin_rate"),
  ONLINE_PAYMENT_RATE: rateFn("online_payment_rate"),
  DIGITIZATION_RATE: rateFn("digitization_rate"),
  ONTIME_RATE: rateFn("ontime_rate"),
  APOLOGY_RATE: rateFn("apology_rate"),
  DISBURSEMENT_RATE: rateFn("disbursement_rate"),
  DIGITAL_SIGNATURE_RATE: rateFn("digital_signature_rate"),
  E_RECORDS_RATE: rateFn("electronic_records_rate"),
  OVERDUE_COUNT: fn.overdueCount,
  SHORTFALL: fn.shortfallOf,
  MEETS_TARGET: fn.meetsTarget,
  REPORTING_PERIOD: fn.reportingPeriod,
  VALIDATE_SUBMISSION: fn.validateSubmission,
  onOpen,
  onInstall,
  showSidebar: () => showSidebar(),
  menuSetup,
  menuValidate,
  menuHighlight,
  menuReport,
  sidebarState,
  validatePeriod,
  highlightPeriod,
  selectCell,
  setupSheets,
  generateReport,
  periodResults,
  getSettings,
  saveSettings,
} satisfies Api;
