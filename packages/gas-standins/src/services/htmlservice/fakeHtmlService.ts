/**
 * HtmlService: outputs from strings or from files of the html directory (the
 * built dist/ folder; "sidebar" means "sidebar.html"), and templates.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SandboxMode, XFrameOptionsMode } from "../../support/enums";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeHtmlOutput } from "./fakeHtmlOutput";
import { FakeHtmlTemplate } from "./fakeHtmlTemplate";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlService = GoogleAppsScript.HTML.HtmlService;

export type HtmlServiceApi = Pick<
  HtmlService,
  | "SandboxMode"
  | "XFrameOptionsMode"
  | "createHtmlOutput"
  | "createHtmlOutputFromFile"
  | "createTemplate"
  | "createTemplateFromFile"
  | "getUserAgent"
>;

export class FakeHtmlService implements HtmlServiceApi {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(readonly _rt: Runtime) {}

  /** File text of `name` ("sidebar" → sidebar.html) in the html directory. */
  _read(name: string): string {
    const dir = this._rt.settings.htmlDir;
    const file = String(name);
    for (const candidate of [`${file}.html`, file]) {
      const path = join(dir, candidate);
      if (existsSync(path)) return readFileSync(path, "utf8");
    }
    throw this._rt.exception(`No HTML file named ${file} was found.`);
  }

  _text(x: unknown): string {
    if (x === undefined || x === null) return "";
    if (typeof x === "object" && typeof (x as { getDataAsString?: unknown }).getDataAsString === "function") {
      return String((x as { getDataAsString(): string }).getDataAsString());
    }
    if (typeof x === "object" && typeof (x as { getBlob?: unknown }).getBlob === "function") {
      return this._text((x as { getBlob(): unknown }).getBlob());
    }
    return String(x);
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    return gas<HtmlOutput>(new FakeHtmlOutput(this._rt, this._text(html)));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return gas<HtmlOutput>(new FakeHtmlOutput(this._rt, this._read(filename)));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    return gas<HtmlTemplate>(new FakeHtmlTemplate(this._rt, this._text(html), FakeHtmlOutput));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return gas<HtmlTemplate>(new FakeHtmlTemplate(this._rt, this._read(filename), FakeHtmlOutput));
  }

  getUserAgent(): string {
    return "Mozilla/5.0 (stand-in)";
  }
}

instrument(FakeHtmlService, "HtmlService", "HtmlService");

export type _HtmlServiceOnlyApi = Assert<OnlyApi<FakeHtmlService, HtmlServiceApi>>;
