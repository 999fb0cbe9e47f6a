/** HtmlOutput: HTML content with a title and size, as shown in a sidebar or dialog. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { escapeHtml } from "../../support/html";
import { FakeHtmlTemplate } from "./fakeHtmlTemplate";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export type HtmlOutputApi = Pick<
  HtmlOutput,
  | "addMetaTag"
  | "append"
  | "appendUntrusted"
  | "asTemplate"
  | "clear"
  | "getContent"
  | "getHeight"
  | "getTitle"
  | "getWidth"
  | "setContent"
  | "setHeight"
  | "setSandboxMode"
  | "setTitle"
  | "setWidth"
  | "setXFrameOptionsMode"
>;

export class FakeHtmlOutput implements HtmlOutputApi {
  _title = "";
  /** 0 until set (Apps Script then uses its own default size). */
  _width = 0;
  _height = 0;
  _sandboxMode = "IFRAME";
  _xFrameOptionsMode = "DEFAULT";
  readonly _metaTags: { name: string; content: string }[] = [];

  constructor(
    readonly _rt: Runtime,
    public _content: string,
  ) {}

  private get _self(): HtmlOutput {
    return gas<HtmlOutput>(this);
  }

  getContent(): string {
    return this._content;
  }

  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this._self;
  }

  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this._self;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this._content += escapeHtml(String(addedContent));
    return this._self;
  }

  clear(): HtmlOutput {
    this._content = "";
    return this._self;
  }

  getTitle(): string {
    return this._title;
  }

  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this._self;
  }

  getWidth(): number {
    return this._width;
  }

  setWidth(width: number): HtmlOutput {
    this._width = Number(width);
    return this._self;
  }

  getHeight(): number {
    return this._height;
  }

  setHeight(height: number): HtmlOutput {
    this._height = Number(height);
    return this._self;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this._sandboxMode = String(mode);
    return this._self;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this._xFrameOptionsMode = String(mode);
    return this._self;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this._self;
  }

  asTemplate(): HtmlTemplate {
    return gas<HtmlTemplate>(new FakeHtmlTemplate(this._rt, this._content, FakeHtmlOutput));
  }
}

instrument(FakeHtmlOutput, "HtmlOutput", "HtmlService");

export type _HtmlOutputOnlyApi = Assert<OnlyApi<FakeHtmlOutput, HtmlOutputApi>>;
