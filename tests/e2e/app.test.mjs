// The release build, in Chromium: it becomes ready, every chart draws, Chinese renders,
// the language switch redraws in place, sources open, high-DPI canvases are sharp, and the
// console stays clean. Screenshots go to tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { open, canvasStats, OUT, useApp } from "./harness.mjs";

mkdirSync(OUT, { recursive: true });
const env = useApp();

const CHARTS = ["trade-share", "nev-exports", "innovation", "enterprises", "areas"];

test("the page becomes ready and every chart canvas has drawn pixels", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const stats = await canvasStats(page);
  assert.deepEqual(stats.map((s) => s.chart), CHARTS);
  for (const s of stats) {
    assert.ok(s.width > 200 && s.height > 200, `${s.chart} has no size: ${JSON.stringify(s)}`);
    assert.ok(s.ink > 500, `${s.chart} looks blank: ${JSON.stringify(s)}`);
  }
  assert.equal(await page.textContent("h1"), "重庆自贸试验区数据图鉴");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  const cards = await page.$$eval(".headline-value", (els) => els.map((e) => e.textContent));
  assert.deepEqual(cards, ["18,673户", "超60%", "2.7万辆", "28项"]);
  await page.screenshot({ path: join(OUT, "page-zh.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("switching language redraws in place and keeps the language in the address", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const before = await page.$eval("canvas[data-chart=trade-share]", (c) => c.toDataURL());
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "FTZ Atlas");
  assert.match(page.url(), /\?lang=en$/, "only what the reader chose is in the address");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const afterSwitch = await page.$eval("canvas[data-chart=trade-share]", (c) => c.toDataURL());
  assert.notEqual(afterSwitch, before, "the chart was not redrawn in English");
  const cards = await page.$$eval(".headline-value", (els) => els.map((e) => e.textContent));
  assert.deepEqual(cards, ["18,673 enterprises", "more than 60%", "27,000 vehicles", "28 items"]);
  await page.screenshot({ path: join(OUT, "page-en.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("?lang=en opens in English; a bad lang falls back without an error", async () => {
  const en = await open(env.browser, `${env.server.url}?lang=en`);
  assert.equal(await en.page.textContent("h1"), "FTZ Atlas");
  await en.context.close();
  const bad = await open(env.browser, `${env.server.url}?lang=%3Cscript%3E&x=1`);
  assert.equal(await bad.page.textContent("h1"), "重庆自贸试验区数据图鉴");
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
});

test("clicking a source line shows the figures with their exact quotes", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  const card = page.locator("#nev-exports");
  await card.locator(".source-notes summary").click();
  const quote = card.locator("#nev-exports-fig-ftz_nev_2023 blockquote");
  await quote.waitFor({ state: "visible" });
  assert.match(await quote.textContent(), /出口新能源汽车2\.7万辆、同比增长90\.5%/);
  const derived = card.locator("#nev-exports-fig-ftz_nev_2022 .formula");
  assert.match(await derived.textContent(), /ftz_nev_2023 \/ \(1 \+ ftz_nev_yoy_2023\)/);
  // …and the computation with its inputs and the range their rounding allows (issue 14).
  const computation = card.locator("#nev-exports-fig-ftz_nev_2022 .computation");
  assert.equal(await computation.textContent(), "27,000 ÷ (1 + 90.5%) ≈ 14,173辆；输入值经过四舍五入，故实际值在13,907–14,439辆之间");
  assert.match(await card.locator("#nev-exports-fig-ftz_nev_2022 .figure-line").textContent(), /^约1\.4万辆 · /);
  await context.close();
});

test("canvases are sized for the device pixel ratio, and the layout holds at 360 px", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, {
    viewport: { width: 360, height: 800 },
    deviceScaleFactor: 2,
  });
  for (const s of await canvasStats(page)) {
    assert.equal(s.width, s.cssWidth * 2, `${s.chart}: backing store is not 2× its CSS width`);
    assert.ok(s.cssWidth <= 360, `${s.chart} overflows the viewport`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: join(OUT, "page-zh-360.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the page runs under its strict Content-Security-Policy with no violation", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30_000 });
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script");
  // Tooltips are positioned without style attributes.
  await page.focus("canvas[data-chart=areas]");
  await page.keyboard.press("ArrowRight");
  await page.locator("#areas .tooltip").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

test("when the wasm stops (a trap), the page says so in its language and offers a reload", async () => {
  for (const [query, lang, text] of [
    ["", "zh", "页面出现内部错误，已停止更新。重新加载"],
    ["?lang=en", "en", "Something went wrong inside the page and it stopped updating. Reload"],
  ]) {
    const context = await env.browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    // boot.js hands the raw wasm exports to this event; keep them to call one the wrong way.
    await page.addInitScript(() =>
      addEventListener("TrunkApplicationStarted", (e) => {
        window.__wasm = e.detail.wasm;
      }),
    );
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(env.server.url + query);
    await page.waitForFunction(() => document.body.dataset.ready === "1");
    assert.equal(await page.locator(".panic-banner:visible").count(), 0, "a message before anything went wrong");
    // An allocation with an invalid alignment makes the allocator abort: a real trap, raised
    // from a timer as it would be from an event handler.
    await page.evaluate(() => setTimeout(() => window.__wasm.__wbindgen_malloc(8, 3)));
    const banner = page.locator(".panic-banner:visible");
    await banner.waitFor();
    assert.equal(await banner.count(), 1);
    assert.equal(await banner.getAttribute("lang"), lang);
    assert.equal(await banner.getAttribute("role"), "alert");
    assert.equal((await banner.textContent()).trim(), text);
    assert.equal(await banner.getByRole("link").getAttribute("href"), "");
    assert.ok(errors.some((e) => /RuntimeError/.test(e)), `no trap reported: ${errors}`);
    await context.close();
  }
});
