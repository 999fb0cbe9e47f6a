/**
 * HtmlService: outputs from strings or from files of the html directory (the
 * built dist/ folder; "sidebar" means "sidebar.html"), and templates with
 * scriptlets (<? code ?>, <?= escaped ?>, <?!= raw ?>).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SandboxMode, XFrameOptionsMode } from "./enums";
import { type Assert, type OnlyApi, type Runtime, gas, instrument } from "./runtime";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlService = GoogleAppsScript.HTML.HtmlService;

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

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

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
    return gas<HtmlTemplate>(new FakeHtmlTemplate(this._rt, this._content));
  }
}

export type HtmlTemplateApi = Pick<HtmlTemplate, "evaluate" | "getCode" | "getCodeWithComments" | "getRawContent">;

/** Compiles scriptlets to a function body that appends to `output`. */
function compileTemplate(raw: string): string {
  const parts: string[] = ["var output = '';"];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (m.index > last) parts.push(`output += ${JSON.stringify(raw.slice(last, m.index))};`);
    const code = m[2]!.trim();
    if (m[1] === "!=") parts.push(`output += __str(${code});`);
    else if (m[1] === "=") parts.push(`output += __esc(__str(${code}));`);
    else parts.push(code);
    last = re.lastIndex;
  }
  if (last < raw.length) parts.push(`output += ${JSON.stringify(raw.slice(last))};`);
  parts.push("return output;");
  return parts.join("\n");
}

/**
 * An HtmlTemplate: properties assigned to it become variables of its
 * scriptlets. Scriptlets run in the script's vm context when the environment
 * created one (so they can call the script's functions), else in Node.
 */
export class FakeHtmlTemplate implements HtmlTemplateApi {
  [propName: string]: any;

  constructor(
    readonly _rt: Runtime,
    readonly _raw: string,
  ) {}

  getRawContent(): string {
    return this._raw;
  }

  getCode(): string {
    return compileTemplate(this._raw);
  }

  getCodeWithComments(): string {
    return compileTemplate(this._raw);
  }

  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (!key.startsWith("_")) vars[key] = this[key];
    const body = `with (__vars) {\n${compileTemplate(this._raw)}\n}`;
    const make = this._rt.compileInScript ?? ((params: string[], code: string) => new Function(...params, code) as (...a: unknown[]) => unknown);
    const fn = make(["__vars", "__str", "__esc"], body);
    const str = (x: unknown) => (x === null || x === undefined ? "" : String(x));
    let html: string;
    try {
      html = String(fn(vars, str, escapeHtml));
    } catch (e) {
      throw this._rt.exception(e instanceof Error ? e.message : String(e));
    }
    return gas<HtmlOutput>(new FakeHtmlOutput(this._rt, html));
  }
}

export type HtmlServiceApi = Pick<
  HtmlService,
  "SandboxMode" | "XFrameOptionsMode" | "createHtmlOutput" | "createHtmlOutputFromFile" | "createTemplate" | "createTemplateFromFile" | "getUserAgent"
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
    return gas<HtmlTemplate>(new FakeHtmlTemplate(this._rt, this._text(html)));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return gas<HtmlTemplate>(new FakeHtmlTemplate(this._rt, this._read(filename)));
  }

  getUserAgent(): string {
    return "Mozilla/5.0 (stand-in)";
  }
}

instrument(FakeHtmlOutput, "HtmlOutput", "HtmlService");
instrument(FakeHtmlTemplate, "HtmlTemplate", "HtmlService");
instrument(FakeHtmlService, "HtmlService", "HtmlService");

export type _HtmlOnlyApi = [
  Assert<OnlyApi<FakeHtmlOutput, HtmlOutputApi>>,
  Assert<OnlyApi<FakeHtmlTemplate, HtmlTemplate>>,
  Assert<OnlyApi<FakeHtmlService, HtmlServiceApi>>,
];
