// Embeds: ?embed=<chart> shows one chart without the page around it; a host page on another
// origin, under its own strict CSP, includes it with an <iframe> and embed.js, and the frame
// takes the height the chart reports. The snippet from the download menu is what hosts paste.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, open } from "./harness.mjs";

let app;
let host;
let browser;
let hostDir;
before(async () => {
  app = await serve();
  hostDir = mkdtempSync(join(tmpdir(), "ftz-host-"));
  host = await serve(hostDir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

test("the embed view shows one chart and no page chrome", async () => {
  const { context, page, errors } = await open(browser, `${app.url}?embed=nev-exports&lang=en`);
  assert.equal(await page.locator("canvas[data-chart]").count(), 1);
  assert.equal(await page.locator("h1").count(), 0);
  assert.equal(await page.locator("#nev-exports h3").textContent(), "New-energy-vehicle exports");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a host page under a strict CSP embeds a chart with the snippet, and the frame takes its height", async () => {
  // The snippet as the download menu gives it.
  const { context: c0, page: p0 } = await open(browser, `${app.url}?lang=en`);
  const card = p0.locator("#areas");
  await card.locator(".export-menu summary").click();
  await card.getByRole("button", { name: "Embed code" }).click();
  const snippet = await card.locator("textarea.embed-code").inputValue();
  assert.match(snippet, /^<iframe data-ftz-atlas src="http:\/\/127\.0\.0\.1:\d+\/\?embed=areas&amp;lang=en"/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>$/);
  await c0.close();

  const origin = app.url.replace(/\/$/, "");
  writeFileSync(
    join(hostDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${origin}; frame-src ${origin}">
<title>host</title></head><body><p>Host page</p>${snippet}</body></html>`,
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(host.url);
  const frame = page.frameLocator("iframe[data-ftz-atlas]");
  await frame.locator("canvas[data-chart=areas]").waitFor();
  await page.waitForFunction(() => parseFloat(document.querySelector("iframe").style.height) > 400);
  const reported = await page.$eval("iframe", (f) => parseFloat(f.style.height));
  const inner = await page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs(reported - inner) <= 1, `frame ${reported}px, content ${inner}px`);
  assert.deepEqual(errors, []);
  await context.close();
});
