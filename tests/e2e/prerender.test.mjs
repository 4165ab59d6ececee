// The prerendered page (src/prerender.rs, written by scripts/build.sh): the served HTML shows
// every chart and its sources before any script has run, in the reader's language and theme;
// with scripts off it is the page; with scripts on the app takes over with no layout shift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, OUT, useApp } from "./harness.mjs";

const env = useApp();
const CHARTS = ["trade-share", "nev-exports", "innovation", "enterprises", "areas"];

/** The prerendered charts the reader sees: chart, language, size and the background colour. */
const visibleCharts = (page) =>
  page.$$eval(".pre svg.pre-svg", (svgs) =>
    svgs
      .filter((s) => s.getBoundingClientRect().width > 0)
      .map((s) => ({
        chart: s.closest("[data-pre]").dataset.pre,
        lang: s.closest(".pre").dataset.lang,
        width: Math.round(s.getBoundingClientRect().width),
        height: Math.round(s.getBoundingClientRect().height),
        background: getComputedStyle(s.querySelector("rect")).fill,
        texts: s.querySelectorAll("text").length,
      })),
  );

const LIGHT = "rgb(255, 255, 255)";
const DARK = "rgb(29, 31, 35)";

test("the served HTML holds every chart, drawn, and its sources", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  for (const chart of CHARTS) {
    assert.equal(html.split(`data-pre="${chart}"`).length - 1, 2, `${chart}: one card per language`);
  }
  assert.ok((html.match(/<svg class="pre-svg/g) ?? []).length >= 20, "two widths × two languages × five charts");
  assert.match(html, /来源：/);
  assert.match(html, /Source/);
});

test("with scripts off the page shows every chart, its sources and a line about JavaScript", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  const charts = await visibleCharts(page);
  assert.deepEqual(charts.map((c) => c.chart), CHARTS);
  for (const c of charts) {
    assert.equal(c.lang, "zh");
    assert.equal(c.width, 602, JSON.stringify(c));
    assert.ok(c.height > 200 && c.texts > 10, JSON.stringify(c));
    assert.equal(c.background, LIGHT);
  }
  const sources = page.locator(".pre[data-lang=zh] .source-line");
  assert.equal(await sources.count(), 5);
  for (let i = 0; i < 5; i++) {
    assert.ok(await sources.nth(i).isVisible());
    assert.match(await sources.nth(i).textContent(), /^来源：/);
  }
  // The quotes are one click away, with no script.
  await page.locator(".pre[data-lang=zh] .source-notes summary").first().click();
  assert.ok(await page.locator(".pre[data-lang=zh] .figure-list blockquote").first().isVisible());
  assert.ok(await page.locator(".needs-js-note").first().isVisible());
  assert.match(await page.locator(".pre[data-lang=zh] .needs-js-note").textContent(), /JavaScript/);
  assert.equal(await page.locator(".pre[data-lang=en]").isVisible(), false);
  // The switches and buttons that need the app are not offered.
  assert.equal(await page.locator(".pre[data-lang=zh] .switches").evaluate((e) => getComputedStyle(e).visibility), "hidden");
  await page.screenshot({ path: join(OUT, "prerender-nojs-zh-1920.png") });
  await context.close();

  // Scripts off and a dark system: the dark charts.
  const dark = await env.browser.newContext({ javaScriptEnabled: false, colorScheme: "dark", viewport: { width: 360, height: 800 } });
  const p2 = await dark.newPage();
  await p2.goto(env.server.url);
  const small = await visibleCharts(p2);
  assert.deepEqual(small.map((c) => c.chart), CHARTS);
  for (const c of small) {
    assert.equal(c.width, 312, JSON.stringify(c));
    assert.equal(c.background, DARK);
  }
  await p2.screenshot({ path: join(OUT, "prerender-nojs-dark-360.png"), fullPage: true });
  await dark.close();
});

// Before the app has started (its wasm held back), the page is in the reader's language and
// theme, from the address or the browser.
for (const [name, query, options, lang, background] of [
  ["?lang=en", "?lang=en", { locale: "zh-CN" }, "en", LIGHT],
  ["an English browser", "", { locale: "en-GB" }, "en", LIGHT],
  ["?lang=zh in an English browser", "?lang=zh", { locale: "en-US" }, "zh", LIGHT],
  ["?theme=dark", "?theme=dark", { locale: "zh-CN" }, "zh", DARK],
  ["a dark system", "", { locale: "en-US", colorScheme: "dark" }, "en", DARK],
  ["?theme=light on a dark system", "?theme=light", { locale: "zh-CN", colorScheme: "dark" }, "zh", LIGHT],
]) {
  test(`before the app starts, ${name} shows the charts in ${lang}, ${background === DARK ? "dark" : "light"}`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, ...options });
    await context.route(/\.wasm$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(env.server.url + query);
    const charts = await visibleCharts(page);
    assert.deepEqual(charts.map((c) => c.chart), CHARTS);
    for (const c of charts) {
      assert.equal(c.lang, lang);
      assert.equal(c.background, background);
    }
    assert.equal(await page.evaluate(() => document.body.dataset.ready), undefined, "the app did not start");
    await context.close();
  });
}

test("an embed shows its one chart before the app starts", async () => {
  const context = await env.browser.newContext({ viewport: { width: 700, height: 700 } });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.server.url + "?embed=nev-exports&lang=en");
  const charts = await visibleCharts(page);
  assert.deepEqual(charts.map((c) => [c.chart, c.lang]), [["nev-exports", "en"]]);
  assert.equal(await page.locator(".pre[data-lang=en] h1").isVisible(), false);
  await context.close();
});

/** Where the page's parts are (in `scope`): header, headline cards, each card, its chart and its
 *  source line, rounded to the pixel. Not "About the data", below the charts: the app's import
 *  panel, which needs the app, comes before it. */
function boxes(scope) {
  const parts = ["h1", ".lede", ".headline-card", ".chart-card", ".chart-card h3", ".chart-card .subtitle", ".chart-canvas", ".source-notes summary"];
  return parts.flatMap((part) =>
    [...document.querySelectorAll(`${scope}${part}`)]
      .filter((e) => !e.closest(".app-mounting") || scope === "")
      .filter((e) => scope !== "" || !e.closest(".pre"))
      .map((e, i) => {
        const r = e.getBoundingClientRect();
        return { what: `${part} ${i}`, x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      }),
  );
}

/** The page as the reader sees it before the app starts: the wasm held back. */
async function browserContextFor(width, lang, theme) {
  const context = await env.browser.newContext({ viewport: { width, height: 1000 }, locale: lang === "en" ? "en-GB" : "zh-CN", colorScheme: theme });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.server.url);
  return { context, page };
}

// With scripts on: from the time the prerendered page is parsed (the app starts after it) to
// ready nothing moves (layout-shift entries, buffered), and what is on screen is the app's.
// Shifts while the page is still parsed are not the take-over's: they can come from the parser
// pausing inside a row (a right-aligned group of buttons half parsed) on a loaded machine.
for (const [lang, theme, width] of [
  ["zh", "light", 1920],
  ["en", "light", 1920],
  ["zh", "dark", 1920],
  ["en", "dark", 1920],
  ["zh", "light", 360],
  ["en", "dark", 360],
]) {
  test(`the app takes over with no layout shift: ${lang}, ${theme}, ${width} px`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 1000 }, locale: lang === "en" ? "en-GB" : "zh-CN", colorScheme: theme });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(env.server.url);
    await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30_000 });
    // Two frames after ready, so a shift caused by the take-over has been reported.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(
      () =>
        new Promise((done) => {
          const found = [];
          const parsed = performance.getEntriesByType("navigation")[0].domInteractive;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              if (e.startTime < parsed) continue;
              found.push({ at: e.startTime, value: e.value, sources: e.sources.map((s) => s.node?.className ?? s.node?.nodeName ?? "") });
            }
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => done(found), 100);
        }),
    );
    assert.deepEqual(shifts, [], `layout shifts: ${JSON.stringify(shifts)}`);
    // The swap itself is no layout shift (one page leaves, the other appears): compare where
    // things are in the app with where they were in the prerendered page (the wasm held back).
    const app = await page.evaluate(boxes, "");
    const held = await browserContextFor(width, lang, theme);
    const pre = await held.page.evaluate(boxes, `.pre[data-lang=${lang}] `);
    await held.context.close();
    assert.equal(app.length, pre.length, `${JSON.stringify(app)} vs ${JSON.stringify(pre)}`);
    app.forEach((a, i) => assert.deepEqual(a, pre[i], `moved: ${a.what}`));
    assert.equal(await page.locator(".pre").count(), 0, "the app replaced the prerendered page");
    assert.equal(await page.locator("canvas[data-chart]").count(), 5);
    assert.equal(await page.getAttribute("html", "lang"), lang === "en" ? "en" : "zh-CN");
    assert.equal(await page.getAttribute("html", "data-theme"), theme);
    await page.screenshot({ path: join(OUT, `prerender-app-${lang}-${theme}-${width}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
