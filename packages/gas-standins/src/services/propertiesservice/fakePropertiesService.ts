/** PropertiesService: document (of the spreadsheet), script and user property stores. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import { FakeProperties } from "./fakeProperties";

type Properties = GoogleAppsScript.Properties.Properties;
type PropertiesService = GoogleAppsScript.Properties.PropertiesService;

export type PropertiesServiceApi = Pick<PropertiesService, "getDocumentProperties" | "getScriptProperties" | "getUserProperties">;

export class FakePropertiesService implements PropertiesServiceApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _documentStore: () => Map<string, string>,
  ) {}

  getDocumentProperties(): Properties {
    return gas<Properties>(new FakeProperties(this._rt, this._documentStore()));
  }

  getScriptProperties(): Properties {
    return gas<Properties>(new FakeProperties(this._rt, this._rt.scriptProperties));
  }

  getUserProperties(): Properties {
    return gas<Properties>(new FakeProperties(this._rt, this._rt.userProperties));
  }
}

instrument(FakePropertiesService, "PropertiesService", "PropertiesService");

export type _PropertiesServiceOnlyApi = Assert<OnlyApi<FakePropertiesService, PropertiesServiceApi>>;
