/** Menu: items, separators and submenus; addToUi records it in env.ui.menus. */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { Runtime } from "../../support/runtime";
import type { MenuEntry } from "../../support/records";

type Menu = GoogleAppsScript.Base.Menu;

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

instrument(FakeMenu, "Menu", "Ui");

export type _MenuOnlyApi = Assert<OnlyApi<FakeMenu, MenuApi>>;
