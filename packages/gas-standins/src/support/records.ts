/**
 * What a script showed the user (menus, sidebars, dialogs, alerts, prompts,
 * toasts), recorded by the Ui and SpreadsheetApp stand-ins, and the answers
 * queued for its alerts and prompts.
 */

export type MenuEntry =
  | { readonly kind: "item"; readonly caption: string; readonly functionName: string }
  | { readonly kind: "separator" }
  | { readonly kind: "submenu"; readonly title: string; readonly items: readonly MenuEntry[] };

/** A menu as added to the Ui by `Menu.addToUi()`. */
export interface MenuRecord {
  readonly title: string;
  /** true for `Ui.createAddonMenu()` (the add-on's own menu under Extensions). */
  readonly addon: boolean;
  readonly items: readonly MenuEntry[];
}

export interface HtmlRecord {
  readonly title: string;
  /** The HTML content at the time it was shown. */
  readonly content: string;
  readonly width: number;
  readonly height: number;
  /** The HtmlOutput object itself (later changes to it show here). */
  readonly output: unknown;
}

export interface DialogRecord extends HtmlRecord {
  readonly modal: boolean;
}

/** `buttons` is the ButtonSet name ("OK", "YES_NO"...); `response` the Button returned. */
export interface AlertRecord {
  readonly title: string | null;
  readonly prompt: string;
  readonly buttons: string;
  readonly response: string;
}

export interface PromptRecord extends AlertRecord {
  readonly responseText: string;
}

export interface ToastRecord {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number | null;
}

/** What the script showed the user. Arrays are appended to; clear them freely. */
export class UiRecords {
  /** Menus currently on the Ui (a later addToUi of the same title replaces it). */
  readonly menus: MenuRecord[] = [];
  readonly sidebars: HtmlRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  /** Buttons the next alerts return, in order (names: "OK", "CANCEL", "YES", "NO", "CLOSE"). */
  readonly alertResponses: string[] = [];
  /** Replies the next prompts return, in order. */
  readonly promptResponses: { button: string; text: string }[] = [];

  /** The items of the add-on menu (or of the menu titled `title`), flattened to captions. */
  menuCaptions(title?: string): string[] {
    const menu = this.menus.find((m) => (title === undefined ? m.addon : m.title === title));
    const out: string[] = [];
    const walk = (items: readonly MenuEntry[]) => {
      for (const it of items) {
        if (it.kind === "item") out.push(it.caption);
        else if (it.kind === "submenu") walk(it.items);
      }
    };
    if (menu) walk(menu.items);
    return out;
  }

  clear(): void {
    for (const list of [this.menus, this.sidebars, this.dialogs, this.alerts, this.prompts, this.toasts]) list.length = 0;
  }
}
