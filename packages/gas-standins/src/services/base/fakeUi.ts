/** Ui: menus, sidebars, dialogs, alerts and prompts are recorded in runtime.records. */
import { Button, ButtonSet } from "../../support/enums";
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeHtmlOutput } from "../htmlservice/fakeHtmlOutput";
import { FakeMenu } from "./fakeMenu";
import { FakePromptResponse } from "./fakePromptResponse";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type ButtonT = GoogleAppsScript.Base.Button;
type ButtonSetT = GoogleAppsScript.Base.ButtonSet;
type PromptResponse = GoogleAppsScript.Base.PromptResponse;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type UiApi = Pick<
  Ui,
  "Button" | "ButtonSet" | "alert" | "createAddonMenu" | "createMenu" | "prompt" | "showModalDialog" | "showModelessDialog" | "showSidebar"
>;

/** The button an unanswered dialog returns: OK for OK/OK_CANCEL, YES for YES_NO(_CANCEL). */
function defaultButton(set: string): string {
  return set.startsWith("YES") ? "YES" : "OK";
}

export class FakeUi implements UiApi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly _rt: Runtime) {}

  _output(userInterface: unknown, method: string): FakeHtmlOutput {
    if (!(userInterface instanceof FakeHtmlOutput)) {
      throw this._rt.exception(`The parameters (Object) don't match the method signature for Ui.${method}.`);
    }
    return userInterface;
  }

  _dialogArgs(a: string, b?: string | ButtonSetT, c?: ButtonSetT): { title: string | null; prompt: string; buttons: string } {
    if (c !== undefined) return { title: String(a), prompt: String(b), buttons: String(c) };
    if (b !== undefined) return { title: null, prompt: String(a), buttons: String(b) };
    return { title: null, prompt: String(a), buttons: "OK" };
  }

  createAddonMenu(): Menu {
    return gas<Menu>(new FakeMenu(this._rt, this._rt.settings.addonName, true));
  }

  createMenu(caption: string): Menu {
    return gas<Menu>(new FakeMenu(this._rt, String(caption), false));
  }

  /** Returns the next queued response (env.ui.alertResponses) or the set's default button. */
  alert(a: string, b?: string | ButtonSetT, c?: ButtonSetT): ButtonT {
    const { title, prompt, buttons } = this._dialogArgs(a, b, c);
    if (!(buttons in ButtonSet)) throw this._rt.exception("The parameters don't match the method signature for Ui.alert.");
    const response = this._rt.records.alertResponses.shift() ?? defaultButton(buttons);
    this._rt.records.alerts.push({ title, prompt, buttons, response });
    return (Button as unknown as Record<string, ButtonT>)[response]!;
  }

  /** Returns the next queued reply (env.ui.promptResponses) or the default button with "". */
  prompt(a: string, b?: string | ButtonSetT, c?: ButtonSetT): PromptResponse {
    const { title, prompt, buttons } = this._dialogArgs(a, b, c);
    const reply = this._rt.records.promptResponses.shift() ?? { button: defaultButton(buttons), text: "" };
    this._rt.records.prompts.push({ title, prompt, buttons, response: reply.button, responseText: reply.text });
    return gas<PromptResponse>(new FakePromptResponse(this._rt, reply.text, reply.button));
  }

  showSidebar(userInterface: HtmlOutput): void {
    const o = this._output(userInterface, "showSidebar");
    this._rt.records.sidebars.push({ title: o._title, content: o._content, width: o._width, height: o._height, output: o });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    const o = this._output(userInterface, "showModalDialog");
    this._rt.records.dialogs.push({
      title: String(title),
      content: o._content,
      width: o._width,
      height: o._height,
      output: o,
      modal: true,
    });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    const o = this._output(userInterface, "showModelessDialog");
    this._rt.records.dialogs.push({
      title: String(title),
      content: o._content,
      width: o._width,
      height: o._height,
      output: o,
      modal: false,
    });
  }
}

instrument(FakeUi, "Ui", "Ui");

export type _UiOnlyApi = Assert<OnlyApi<FakeUi, UiApi>>;
