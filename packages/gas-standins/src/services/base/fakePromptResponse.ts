/** PromptResponse: the text typed and the button pressed in a Ui.prompt. */
import { Button } from "../../support/enums";
import { type Assert, type OnlyApi, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";

type ButtonT = GoogleAppsScript.Base.Button;
type PromptResponse = GoogleAppsScript.Base.PromptResponse;

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

instrument(FakePromptResponse, "PromptResponse", "Ui");

export type _PromptResponseOnlyApi = Assert<OnlyApi<FakePromptResponse, PromptResponseApi>>;
