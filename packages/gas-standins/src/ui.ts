/** Ui and Menu: menus, sidebars, dialogs, alerts and prompts are recorded in runtime.records. */
import { Button, ButtonSet } from "./enums";
import { FakeHtmlOutput } from "./html";
import { type Assert, type MenuEntry, type OnlyApi, type Runtime, gas, instrument } from "./runtime";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type ButtonT = GoogleAppsScript.Base.Button;
type ButtonSetT = GoogleAppsScript.Base.ButtonSet;
type PromptResponse = GoogleAppsScript.Base.PromptResponse;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type MenuApi = Pick<Menu, "addItem" | "addSeparator" | "addSubMenu" | "addToUi">;

export class FakeMenu implements MenuApi {
  readonly _items: MenuEntry[] = [];

  constructor(
    readonly _rt: Runtime,
    readonly _title: string,
    readonly _addon: boolean,
  ) {}

  private get _self(): Menu {
    return gas<Menu>(this);
  }

  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== "string" || typeof functionName !== "string") {
      throw this._rt.exception("The parameters don't match the method signature for Ui.Menu.addItem.");
    }
    this._items.push({ kind: "item", caption, functionName });
    return this._self;
  }

  addSeparator(): Menu {
    this._items.push({ kind: "separator" });
    return this._self;
  }

  addSubMenu(menu: Menu): Menu {
    if (!(menu instanceof FakeMenu)) throw this._rt.exception("The parameters don't match the method signature for Ui.Menu.addSubMenu.");
    this._items.push({ kind: "submenu", title: menu._title, items: menu._items.slice() });
    return this._self;
  }

  /** Adds (or replaces, by title) the menu in env.ui.menus. */
  addToUi(): void {
    const menus = this._rt.records.menus;
    const record = { title: this._title, addon: this._addon, items: this._items.slice() };
    const at = menus.findIndex((m) => m.addon === this._addon && m.title === this._title);
    if (at >= 0) menus[at] = record;
    else menus.push(record);
  }
}

export type PromptResponseApi = Pick<PromptResponse, "getResponseText" | "getSelectedButton">;

export class FakePromptResponse implements PromptResponseApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _text: string,
    private readonly _button: string,
  ) {}

  getResponseText(): string {
    return this._text;
  }

  getSelectedButton(): ButtonT {
    return (Button as unknown as Record<string, ButtonT>)[this._button]!;
  }
}

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
    this._rt.records.dialogs.push({ title: String(title), content: o._content, width: o._width, height: o._height, output: o, modal: true });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    const o = this._output(userInterface, "showModelessDialog");
    this._rt.records.dialogs.push({ title: String(title), content: o._content, width: o._width, height: o._height, output: o, modal: false });
  }
}

instrument(FakeMenu, "Menu", "Ui");
instrument(FakePromptResponse, "PromptResponse", "Ui");
instrument(FakeUi, "Ui", "Ui");

export type _UiOnlyApi = [
  Assert<OnlyApi<FakeMenu, MenuApi>>,
  Assert<OnlyApi<FakePromptResponse, PromptResponseApi>>,
  Assert<OnlyApi<FakeUi, UiApi>>,
];
