/**
 * `google.script.run` and `google.script.host` for a page outside Google:
 * the sidebar's calls go to a transport (a Playwright-exposed function in
 * tests, an HTTP endpoint in the local preview) that runs the real bundled
 * server code on the stand-ins. Arguments and results cross as JSON, as
 * they do between a sidebar and Apps Script; handlers run asynchronously.
 */

/**
 * The shim's source, to run in the page before the sidebar's script.
 * `transport` is a JS expression evaluating to `(name, args) => Promise<{ok, value} | {ok: false, message}>`.
 */
export function googleScriptShim(transport: string): string {
  return `(() => {
  const transport = ${transport};
  function runner(h) {
    return new Proxy({}, {
      get(_, prop) {
        if (prop === "withSuccessHandler") return (fn) => runner({ ...h, ok: fn });
        if (prop === "withFailureHandler") return (fn) => runner({ ...h, fail: fn });
        if (prop === "withUserObject") return (o) => runner({ ...h, user: o });
        if (typeof prop !== "string" || prop === "then") return undefined;
        return (...args) => {
          let payload;
          try { payload = JSON.parse(JSON.stringify(args)); } catch (e) { payload = args; }
          // Sheets shows a selection at once: the page around the sidebar (the local preview) selects the cell
          // now, not when the server's answer and the next poll arrive.
          if (prop === "selectCell") window.dispatchEvent(new CustomEvent("cchc:select", { detail: { sheet: payload[0], cell: payload[1] } }));
          Promise.resolve()
            .then(() => transport(prop, payload))
            .then((r) => {
              if (r && r.ok) { if (h.ok) h.ok(r.value, h.user); }
              else if (h.fail) { const e = new Error(r ? r.message : "Không gọi được máy chủ"); e.name = "ScriptError"; h.fail(e, h.user); }
            }, (err) => { if (h.fail) h.fail(new Error(String(err && err.message || err)), h.user); });
        };
      },
    });
  }
  window.google = { script: { run: runner({}), host: { close() { window.__sidebarClosed = true; }, setHeight() {}, setWidth() {}, editor: { focus() {} } } } };
})();`;
}
