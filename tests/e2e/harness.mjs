// Shared set-up for the end-to-end tests: a static server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core (no browser download).
import { createServer } from "node:http";
import { mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const DIST = join(ROOT, "dist");
export const OUT = join(ROOT, "tests/e2e/out");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }. */
export function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

/** Launches headless Chromium with the flags these machines need. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Opens `url` in a fresh context; collects console errors and page errors into `errors`. */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext({ locale: "zh-CN", ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30_000 });
  return { context, page, errors };
}

/** Opens a chart card's download menu, clicks `item` and returns the file's name and bytes. */
export async function download(page, card, item) {
  await card.locator(".export-menu summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: item }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** For every chart canvas: its CSS and backing-store size and how many pixels are not white. */
export function canvasStats(page) {
  return page.$$eval("canvas[data-chart]", (canvases) =>
    canvases.map((c) => {
      const ctx = c.getContext("2d");
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 16) {
        if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
      }
      return { chart: c.dataset.chart, width: c.width, height: c.height, cssWidth: c.clientWidth, ink };
    }),
  );
}

/** Registers before/after hooks that serve dist/ and launch Chromium for a test file; the
 *  returned object gets `server` and `browser` once the hooks have run. */
export function useApp() {
  const env = {};
  before(async () => {
    mkdirSync(OUT, { recursive: true });
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
