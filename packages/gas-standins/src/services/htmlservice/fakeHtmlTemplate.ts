/**
 * HtmlTemplate: properties assigned to it become variables of its scriptlets
 * (<? code ?>, <?= escaped ?>, <?!= raw ?>).
 */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { escapeHtml } from "../../support/html";
import type { FakeHtmlOutput } from "./fakeHtmlOutput";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlOutputClass = new (rt: Runtime, content: string) => FakeHtmlOutput;

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
    /** The HtmlOutput class evaluate() makes (given by its creator: HtmlOutput and HtmlTemplate refer to each other). */
    readonly _Output: HtmlOutputClass,
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
    const make =
      this._rt.compileInScript ?? ((params: string[], code: string) => new Function(...params, code) as (...a: unknown[]) => unknown);
    const fn = make(["__vars", "__str", "__esc"], body);
    const str = (x: unknown) => (x === null || x === undefined ? "" : String(x));
    let html: string;
    try {
      html = String(fn(vars, str, escapeHtml));
    } catch (e) {
      throw this._rt.exception(e instanceof Error ? e.message : String(e));
    }
    return gas<HtmlOutput>(new this._Output(this._rt, html));
  }
}

instrument(FakeHtmlTemplate, "HtmlTemplate", "HtmlService");

export type _HtmlTemplateOnlyApi = Assert<OnlyApi<FakeHtmlTemplate, HtmlTemplate>>;
