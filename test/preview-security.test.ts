/**
 * The preview server (npm start) against hostile input, by real HTTP
 * requests to the real server: it answers only same-origin JSON requests
 * that carry the session's token, addressed to localhost, 127.0.0.1 or
 * [::1] at its port. A web page elsewhere can neither change the workbook
 * (a text/plain POST needs no preflight) nor read it by DNS rebinding (a
 * foreign Host). Request bodies are decoded once, whole (a Vietnamese
 * character split between two packets arrives intact), and capped at 1 MB.
 */
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/browser";
import { startPreview, type Preview } from "../src/local/preview/server";

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Request {
  method?: string;
  path?: string;
  /** All headers sent, Host included (none is added): Host defaults to localhost:<port>. */
  headers?: Record<string, string>;
  /** The body, in pieces written one after the other with a pause between them (so that each arrives in its own packet). */
  body?: string | Buffer | Buffer[];
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

let preview: Preview;
let port = 0;
let token = "";
const SETTINGS = "cchc.settings";

/** A raw HTTP request to the preview on 127.0.0.1: headers exactly as given (a forged Host or Origin too). */
function send(req: Request): Promise<Reply> {
  const headers = { host: `localhost:${port}`, ...req.headers };
  const pieces = req.body === undefined ? [] : Array.isArray(req.body) ? req.body : [Buffer.from(req.body)];
  const length = pieces.reduce((n, p) => n + p.length, 0);
  if (req.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length"))
    Object.assign(headers, { "content-length": String(length) });
  return new Promise((ok, fail) => {
    const r = httpRequest(
      { host: "127.0.0.1", port, method: req.method ?? "GET", path: req.path ?? "/", headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", fail);
      },
    );
    r.on("error", fail);
    void (async () => {
      for (const [i, p] of pieces.entries()) {
        if (i > 0) await pause(100);
        r.write(p);
      }
      r.end();
    })();
  });
}

/** What the page itself sends: JSON, with the token, from its own origin. */
function api(path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Reply> {
  const headers: Record<string, string> = { "x-cchc-token": token, ...extra };
  if (body === undefined) return send({ path, headers });
  return send({
    method: "POST",
    path,
    headers: { "content-type": "application/json", origin: `http://localhost:${port}`, ...headers },
    body: JSON.stringify(body),
  });
}

const cell = (a1: string) => preview.addon.env.values(`'Đơn vị'!${a1}`)[0]![0];
const settings = () => preview.addon.env.globals.PropertiesService.getDocumentProperties().getProperty(SETTINGS);
/** Text of the workbook that must never reach a foreign page. */
const WORKBOOK_TEXT = ["Vĩnh Linh", "Mã đơn vị", "Hồ Xá", "vinhlinh.example.vn"];

function expectNoWorkbook(r: Reply): void {
  for (const text of WORKBOOK_TEXT) expect(r.body).not.toContain(text);
  if (token) expect(r.body).not.toContain(token);
}

beforeAll(async () => {
  port = await freePort();
  preview = await startPreview({ port, sample: "vinh-linh" });
  const page = await send({ path: "/" });
  token = /<meta name="cchc-token" content="([^"]+)">/.exec(page.body)?.[1] ?? "";
}, 60000);

afterAll(async () => {
  await preview?.close();
});

describe("npm start: the preview server accepts only same-origin JSON requests", () => {
  it("serves its page, with a fresh random session token, for localhost, 127.0.0.1 or [::1] at its port", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const page = await send({ path: "/", headers: { host } });
      expect(page.status, host).toBe(200);
      expect(page.body).toContain(token);
      expect(page.body).toContain("CCHC huyện Vĩnh Linh (mẫu)");
    }
    // Another server has another token.
    const other = await startPreview({ port: await freePort(), sample: "vinh-linh" });
    try {
      const r = await fetch(other.url);
      const theirs = /<meta name="cchc-token" content="([^"]+)">/.exec(await r.text())?.[1];
      expect(theirs).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(theirs).not.toBe(token);
    } finally {
      await other.close();
    }
  });

  it("a foreign Host (DNS rebinding) gets no workbook: not the page, not the state, not the sidebar, not a report", async () => {
    for (const host of ["evil.example", `evil.example:${port}`, `localhost:${port + 1}`, "localhost", `127.0.0.2:${port}`]) {
      for (const path of ["/", "/api/state", "/api/version", "/sidebar", "/docs/x.docx"]) {
        const r = await send({ path, headers: { host, "x-cchc-token": token } });
        expect(r.status, `${host} ${path}`).toBe(421);
        expect(r.body).toMatch(/localhost/);
        expect(r.body).toMatch(/chỉ|không/i); // a short Vietnamese line
        expectNoWorkbook(r);
      }
    }
    // No Host at all (HTTP/1.0) is refused too.
    const bare = await send({ path: "/api/state", headers: { host: "", "x-cchc-token": token } });
    expect([400, 421]).toContain(bare.status);
    expectNoWorkbook(bare);
    // Nor does a write through a foreign Host change anything.
    const before = cell("B2");
    const w = await send({
      method: "POST",
      path: "/api/cell",
      headers: { host: `evil.example:${port}`, "content-type": "application/json", "x-cchc-token": token },
      body: JSON.stringify({ sheet: "Đơn vị", row: 2, col: 2, value: "Bị sửa" }),
    });
    expect(w.status).toBe(421);
    expect(cell("B2")).toBe(before);
  });

  it("a text/plain POST from a foreign page (no preflight) changes no cell and no setting", async () => {
    const beforeCell = cell("B2");
    const beforeSettings = settings();
    expect(beforeCell).toBe("Thị trấn Hồ Xá");
    expect(beforeSettings).toContain("Vĩnh Linh");
    const attack = (path: string, body: unknown) =>
      send({
        method: "POST",
        path,
        headers: { "content-type": "text/plain;charset=UTF-8", origin: "http://evil.example" },
        body: JSON.stringify(body),
      });
    const edit = await attack("/api/cell", { sheet: "Đơn vị", row: 2, col: 2, value: "Bị sửa" });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatch(/từ chối|không được phép/);
    const saved = await attack("/api/run", { name: "saveSettings", args: [{ level: "huyện", name: "Bị sửa" }] });
    expect(saved.status).toBe(403);
    const menu = await attack("/api/menu", { fn: "menuSetup" });
    expect(menu.status).toBe(403);
    const switched = await attack("/api/source", { id: "quang-tri" });
    expect(switched.status).toBe(403);
    expect(preview.source).toBe("vinh-linh");
    expect(cell("B2")).toBe(beforeCell);
    expect(settings()).toBe(beforeSettings);
    // The page sees nothing changed either.
    const state = JSON.parse((await api("/api/state")).body) as { sheets: { name: string; values: string[][] }[] };
    expect(state.sheets.find((s) => s.name === "Đơn vị")!.values[1]![1]).toBe("Thị trấn Hồ Xá");
  });

  it("an API request without the session token, or with a wrong one, is refused", async () => {
    const wrong = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const attempts: Record<string, string>[] = [
      {},
      { "x-cchc-token": "" },
      { "x-cchc-token": wrong },
      { "x-cchc-token": "ngan" },
      { "x-cchc-token": `${token}x` },
    ];
    for (const headers of attempts) {
      for (const path of ["/api/state", "/api/version"]) {
        const r = await send({ path, headers });
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(JSON.parse(r.body).message).toMatch(/mã phiên/);
        expectNoWorkbook(r);
      }
      const before = cell("B2");
      const w = await send({
        method: "POST",
        path: "/api/cell",
        headers: { "content-type": "application/json", origin: `http://localhost:${port}`, ...headers },
        body: JSON.stringify({ sheet: "Đơn vị", row: 2, col: 2, value: "Bị sửa" }),
      });
      expect(w.status).toBe(403);
      expect(cell("B2")).toBe(before);
    }
  });

  it("an Origin other than the page's own is refused, though the token is right", async () => {
    const before = cell("B2");
    for (const origin of [
      "http://evil.example",
      "null",
      `http://127.0.0.1:${port}`,
      `https://localhost:${port}`,
      `http://localhost:${port + 1}`,
    ]) {
      const r = await api("/api/cell", { sheet: "Đơn vị", row: 2, col: 2, value: "Bị sửa" }, { origin });
      expect(r.status, origin).toBe(403);
      expect(cell("B2")).toBe(before);
      const g = await api("/api/state", undefined, { origin });
      expect(g.status, origin).toBe(403);
      expectNoWorkbook(g);
    }
  });

  it("a POST that is not JSON is refused, though the token and origin are right", async () => {
    const before = cell("B2");
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", ""]) {
      const r = await send({
        method: "POST",
        path: "/api/cell",
        headers: { "x-cchc-token": token, origin: `http://localhost:${port}`, ...(type ? { "content-type": type } : {}) },
        body: JSON.stringify({ sheet: "Đơn vị", row: 2, col: 2, value: "Bị sửa" }),
      });
      expect(r.status, type).toBe(415);
      expect(JSON.parse(r.body).message).toMatch(/JSON/);
    }
    expect(cell("B2")).toBe(before);
    // Malformed JSON: a Vietnamese 400, nothing changed.
    const bad = await send({
      method: "POST",
      path: "/api/cell",
      headers: { "x-cchc-token": token, "content-type": "application/json" },
      body: '{"sheet": "Đơn vị", "row": 2,',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).message).toMatch(/JSON/);
    expect(cell("B2")).toBe(before);
  });

  it("a same-origin JSON request with the token works, at localhost, 127.0.0.1 and [::1]", async () => {
    const r = await api("/api/cell", { sheet: "Đơn vị", row: 2, col: 2, value: "Thị trấn Hồ Xá (sửa)" });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    expect(cell("B2")).toBe("Thị trấn Hồ Xá (sửa)");
    // The charset parameter is fine; no Origin (as a same-origin GET sends none) is fine.
    const current = JSON.parse(
      (await api("/api/run", { name: "getSettings", args: [] }, { "content-type": "application/json; charset=utf-8" })).body,
    );
    expect(current.ok).toBe(true);
    const saved = await send({
      method: "POST",
      path: "/api/run",
      headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, "content-type": "application/json", "x-cchc-token": token },
      body: JSON.stringify({ name: "saveSettings", args: [{ ...current.value, signerName: "Nguyễn Văn Thử" }] }),
    });
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true });
    expect(JSON.parse(settings()!).signerName).toBe("Nguyễn Văn Thử");
    const six = await send({
      path: "/api/version",
      headers: { host: `[::1]:${port}`, origin: `http://[::1]:${port}`, "x-cchc-token": token },
    });
    expect(six.status).toBe(200);
    // Back as it was, for the other tests.
    expect((await api("/api/cell", { sheet: "Đơn vị", row: 2, col: 2, value: "Thị trấn Hồ Xá" })).status).toBe(200);
  });

  it("in Chromium, a page of another site that posts text/plain to the preview changes nothing and reads nothing", async () => {
    const before = cell("B2");
    // The other site: a page on another origin (127.0.0.1 at another port) that tries what any web page can.
    const evil = createHttpServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Trang lạ</title><script>
        const target = "http://localhost:${port}";
        window.done = Promise.all([
          fetch(target + "/api/cell", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" },
            body: JSON.stringify({ sheet: "Đơn vị", row: 2, col: 2, value: "Bị sửa" }) }).then(() => "sent", (e) => String(e)),
          fetch(target + "/api/state").then((r) => r.text(), (e) => "blocked: " + e),
        ]);
      </script>`);
    });
    await new Promise<void>((ok) => evil.listen(0, "127.0.0.1", () => ok()));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(evil.address() as { port: number }).port}/`);
      const [, read] = (await page.evaluate("window.done")) as [string, string];
      expect(read).toMatch(/^blocked/); // no CORS: the state is not readable
      await pause(200);
      expect(cell("B2")).toBe(before);
    } finally {
      await browser.close();
      evil.close();
    }
  });

  it("listens on the loopback interface only", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (!external) return; // a machine with no network: nothing else to reach it from
    const error = await new Promise<string>((ok) => {
      const s = connect({ host: external, port }, () => {
        s.destroy();
        ok("connected");
      });
      s.on("error", (e: NodeJS.ErrnoException) => ok(e.code ?? "error"));
    });
    expect(error).toBe("ECONNREFUSED");
  });
});

describe("npm start: request bodies", () => {
  it("a Vietnamese body over 64 KB, a character split between two packets, arrives intact", async () => {
    const line = "Ủy ban nhân dân huyện Vĩnh Linh báo cáo kết quả cải cách hành chính quý I năm 2023; ";
    let value = "";
    while (Buffer.byteLength(value) < 100_000) value += line;
    const body = Buffer.from(JSON.stringify({ sheet: "Đơn vị", row: 3, col: 2, value }));
    // Cut inside a multi-byte character (a continuation byte starts the second piece).
    let cut = 65_537;
    while ((body[cut]! & 0xc0) !== 0x80) cut++;
    const r = await send({
      method: "POST",
      path: "/api/cell",
      headers: { "content-type": "application/json", origin: `http://localhost:${port}`, "x-cchc-token": token },
      body: [body.subarray(0, cut), body.subarray(cut)],
    });
    expect(r.status).toBe(200);
    expect(cell("B3")).toBe(value);
    expect(String(cell("B3"))).not.toContain("\uFFFD");
    const state = JSON.parse((await api("/api/state")).body) as { sheets: { name: string; values: string[][] }[] };
    expect(state.sheets.find((s) => s.name === "Đơn vị")!.values[2]![1]).toBe(value);
    expect((await api("/api/cell", { sheet: "Đơn vị", row: 3, col: 2, value: "Thị trấn Cửa Tùng" })).status).toBe(200);
  });

  it("a body over 1 MB is refused with 413 and a Vietnamese message; nothing changes", async () => {
    const before = cell("B3");
    const value = "Quảng Trị ".repeat(120_000); // about 1.4 MB of UTF-8
    const r = await api("/api/cell", { sheet: "Đơn vị", row: 3, col: 2, value });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).message).toMatch(/quá lớn/);
    expect(cell("B3")).toBe(before);
    // The server still answers.
    expect((await api("/api/version")).status).toBe(200);
  });
});

describe("npm start: the page's state is rebuilt only after a change", () => {
  it("the sidebar's read-only calls keep the version; a selection, a highlight and a typed cell each make a new one", async () => {
    const version = async () => (JSON.parse((await api("/api/version")).body) as { version: number }).version;
    const run = async (name: string, args: unknown[]) => {
      const r = await api("/api/run", { name, args });
      expect(r.status, name).toBe(200);
      expect(JSON.parse(r.body).ok, `${name}: ${r.body.slice(0, 200)}`).toBe(true);
    };
    const start = await version();
    // What the sidebar asks at each start, and a check: nothing in the workbook changes, so nothing for the page to fetch.
    await run("sidebarState", []);
    await run("approvalState", ["2023-Q1"]);
    await run("validatePeriod", ["2023-Q1"]);
    await run("getSettings", []);
    expect(await version()).toBe(start);
    // A finding clicked selects its cell: the page must show it.
    await run("selectCell", ["Số liệu", "B3"]);
    expect(await version()).toBe(start + 1);
    await run("highlightPeriod", ["2023-Q1"]);
    expect(await version()).toBe(start + 2);
    expect((await api("/api/cell", { sheet: "Đơn vị", row: 3, col: 2, value: "Thị trấn Cửa Tùng" })).status).toBe(200);
    expect(await version()).toBe(start + 3);
    // A refused call changed nothing either.
    const refused = await api("/api/run", { name: "validatePeriod", args: ["không phải kỳ"] });
    expect(JSON.parse(refused.body).ok).toBe(false);
    expect(await version()).toBe(start + 3);
  });
});
