/**
 * `Sheets`, the Advanced Sheets service (enabled in appsscript.json as
 * dependencies.enabledAdvancedServices { userSymbol "Sheets", serviceId
 * "sheets", version "v4" }); the stand-ins model its Spreadsheets collection
 * (fakeSpreadsheetsCollection.ts).
 */
import type { Runtime } from "../../support/runtime";
import type { FakeSpreadsheet } from "../spreadsheetapp/fakeSpreadsheet";
import { FakeSpreadsheetsCollection } from "./fakeSpreadsheetsCollection";

export type SheetsApi = Pick<GoogleAppsScript.Sheets, "Spreadsheets">;

export class FakeSheets {
  readonly Spreadsheets: FakeSpreadsheetsCollection;

  constructor(
    readonly _rt: Runtime,
    doc: () => FakeSpreadsheet,
  ) {
    this.Spreadsheets = new FakeSpreadsheetsCollection(_rt, doc);
  }
}
