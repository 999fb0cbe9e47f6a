/** Properties: one property store, with Apps Script's quotas. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";

type Properties = GoogleAppsScript.Properties.Properties;

/** Apps Script quotas: 9 KB per value, 500 KB per property store. */
const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export type PropertiesApi = Pick<
  Properties,
  "deleteAllProperties" | "deleteProperty" | "getKeys" | "getProperties" | "getProperty" | "setProperties" | "setProperty"
>;

export class FakeProperties implements PropertiesApi {
  constructor(
    readonly _rt: Runtime,
    readonly _store: Map<string, string>,
  ) {}

  private get _self(): Properties {
    return gas<Properties>(this);
  }

  _checkQuota(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > PROPERTY_VALUE_LIMIT) throw this._rt.exception("Argument too large: value");
      total += bytes(k) + bytes(v);
    }
    if (total > PROPERTY_STORE_LIMIT) {
      throw this._rt.exception("You have exceeded the property storage quota. Please remove some properties and try again.");
    }
  }

  _commit(next: Map<string, string>): void {
    this._checkQuota(next);
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    const next = new Map(this._store);
    next.set(String(key), String(value));
    this._commit(next);
    return this._self;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of Object.entries(properties ?? {})) next.set(k, String(v));
    this._commit(next);
    return this._self;
  }

  getProperties(): { [key: string]: string } {
    return this._rt.object(Object.fromEntries(this._store));
  }

  getKeys(): string[] {
    return this._rt.list([...this._store.keys()]);
  }

  deleteProperty(key: string): Properties {
    this._store.delete(String(key));
    return this._self;
  }

  deleteAllProperties(): Properties {
    this._store.clear();
    return this._self;
  }
}

instrument(FakeProperties, "Properties", "PropertiesService");

export type _PropertiesOnlyApi = Assert<OnlyApi<FakeProperties, PropertiesApi>>;
