// Importing the reader's own figures in the release build: a good file changes the charts
// after the report; a bad file shows every problem and changes nothing; hostile labels stay
// text; figures can be removed, reset and kept in the browser; bad address parameters give a
// notice. Screenshots go to tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { download, open, OUT, useApp } from "./harness.mjs";

const env = useApp();

const HEADER = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n";
const GOOD =
  HEADER +
  "my_lj_entities,area_market_entities_cumulative,liangjiang,asof:2024-12,exact,52000,enterprises,,两江新区统计,,\n" +
  "my_xy_entities,area_market_entities_cumulative,xiyong,asof:2024-12,more_than,9000,enterprises,,,,\n" +
  "my_gyg_entities,area_market_entities_cumulative,guoyuangang,asof:2024-12,about,3000,enterprises,,,,\n" +
  "my_nev_2024,ftz_nev_exports,ftz,2024,exact,4.1,wan_vehicles,,,,\n";
const BAD =
  HEADER +
  "a,nope,ftz,2023,exact,1,items,,,,\n" +
  "b,ftz_nev_exports,ftz,2023,exact,1,carts,,,,\n" +
  "c,ftz_nev_exports,ftz,20x3,exact,1,vehicles,,,,\n" +
  "d,ftz_nev_exports,ftz,2024,exact,lots,vehicles,,,,\n";
const HOSTILE =
  HEADER +
  'x1,ftz_nev_exports,ftz,2025,exact,3,wan_vehicles,,"=HYPERLINK(""http://evil"",""x"")","<img src=x onerror=alert(1)>","""><script>window.__pwned=1</script>"\n';

/** Drawn pixels of every chart canvas, as data URLs. */
const drawings = (page) => page.$$eval("canvas[data-chart]", (cs) => cs.map((c) => c.toDataURL()));

async function pick(page, name, text, mimeType = "text/csv") {
  await page.setInputFiles(".import input[type=file]", { name, mimeType, buffer: Buffer.from(text) });
}

test("a good file: report first, then the charts change; remove and reset restore them", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const before = await drawings(page);
  await pick(page, "regions.csv", GOOD);
  await page.waitForSelector(".import-ok");
  const report = await page.textContent(".import-ok");
  assert.match(report, /regions\.csv：4 个数字检查无误/);
  // Nothing changes before "Add".
  assert.deepEqual(await drawings(page), before, "the charts changed before the reader added the figures");
  await page.click(".import-add");
  await page.waitForSelector(".import-loaded li");
  await page.waitForFunction((b) => {
    const now = [...document.querySelectorAll("canvas[data-chart]")].map((c) => c.toDataURL());
    return now[1] !== b[1] && now[4] !== b[4];
  }, before);
  const after = await drawings(page);
  assert.notEqual(after[1], before[1], "NEV chart unchanged by a 2024 FTZ figure");
  assert.notEqual(after[4], before[4], "片区 chart unchanged by per-片区 figures");
  assert.equal(after[0], before[0], "the trade chart has no imported figure and must not change");
  // The imported figure is in the NEV chart's table, marked as the reader's file.
  await page.click("#nev-exports .view-switch");
  const table = await page.textContent("#nev-exports table");
  assert.match(table, /4\.1万辆/);
  await page.click("#nev-exports .view-switch");
  await page.screenshot({ path: join(OUT, "import-zh.png"), fullPage: true });
  // Remove: back to the published data.
  await page.click(".import-remove");
  await page.waitForFunction((b) => {
    const now = [...document.querySelectorAll("canvas[data-chart]")].map((c) => c.toDataURL());
    return now[1] === b[1] && now[4] === b[4];
  }, before);
  // Import again, then reset.
  await pick(page, "regions.csv", GOOD);
  await page.click(".import-add");
  await page.waitForSelector(".import-reset");
  await page.click(".import-reset");
  await page.waitForFunction(() => !document.querySelector(".import-loaded"));
  assert.deepEqual(await drawings(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a file dropped anywhere on the page is imported, not opened by the browser", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  const url = page.url();
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
    return dt;
  }, GOOD);
  // Dropped on a chart, far from the import panel.
  await page.dispatchEvent("#trade-share canvas", "dragover", { dataTransfer });
  await page.dispatchEvent("#trade-share canvas", "drop", { dataTransfer });
  await page.waitForSelector(".import-ok");
  assert.match(await page.textContent(".import-ok"), /dropped\.csv：4 个数字检查无误/);
  assert.equal(page.url(), url);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bad file: every problem with its line and column, and nothing changes", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  await pick(page, "regions.csv", GOOD);
  await page.click(".import-add");
  await page.waitForSelector(".import-loaded li");
  const before = await drawings(page);
  await pick(page, "bad.csv", BAD);
  await page.waitForSelector(".import-bad");
  const items = await page.$$eval(".import-issues li", (li) => li.map((x) => x.textContent));
  assert.deepEqual(items, [
    "bad.csv, line 2, column metric: unknown metric “nope” (the template lists the known ones)",
    "bad.csv, line 3, column unit: unknown unit “carts”; expected one of yi_yuan, bn_yuan, yi_usd, wan_usd, vehicles, wan_vehicles, enterprises, market_entities, items, cases, units, km2, pct, fraction, pct_yoy",
    "bad.csv, line 4, column period: period “20x3” does not parse; expected 2023, 2025-01..2025-10, asof:2020-03-31, stated:2018-12 or undated",
    "bad.csv, line 5, column value: value “lots” should be a plain number (7137.4) or a fraction (2/3), without separators or qualifier signs",
  ].map((s) => s.normalize()));
  assert.match(await page.textContent(".import-bad"), /4 problems found; nothing was imported/);
  assert.deepEqual(await drawings(page), before, "a bad file changed the charts");
  assert.equal(await page.$$eval(".import-loaded li", (l) => l.length), 1, "the loaded file was lost");
  // A damaged workbook and a JSON syntax error are reported too.
  await page.click(".import-bad button:last-child");
  // (A damaged workbook has its own message since spreadsheets are read.)
  await pick(page, "sheet.xlsx", "PK\u0003\u0004binary", "application/octet-stream");
  await page.waitForSelector(".import-bad");
  assert.match(await page.textContent(".import-bad"), /sheet\.xlsx: not a valid Excel workbook \(\.xlsx\): the file is damaged or is not an \.xlsx/);
  await pick(page, "broken.json", '[{"id": "a",\n "value": NaN}]', "application/json");
  await page.waitForFunction(() => /line 2/.test(document.querySelector(".import-bad")?.textContent ?? ""));
  assert.deepEqual(await drawings(page), before);
  await page.locator(".import").screenshot({ path: join(OUT, "import-bad-en.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile labels stay text: no script runs, no console error", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await pick(page, '<img src=x onerror=alert(1)>.csv', HOSTILE);
  await page.waitForSelector(".import-ok");
  await page.click(".import-add");
  await page.waitForSelector(".import-loaded li");
  assert.equal(await page.textContent(".import-name"), "<img src=x onerror=alert(1)>.csv");
  await page.click("#nev-exports-sources summary");
  const notes = await page.textContent("#nev-exports-sources");
  assert.match(notes, /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.$$eval("img", (imgs) => imgs.filter((i) => i.getAttribute("src") === "x").length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Exports carry the labels as text: the CSV defuses the formula cell, the SVG escapes markup.
  const card = page.locator("#nev-exports");
  const csv = (await download(page, card, "CSV 数据")).bytes.toString("utf8");
  assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil"",""x""\)"/);
  assert.match(csv, /<img src=x onerror=alert\(1\)>/);
  const svg = (await download(page, card, "SVG 矢量图")).bytes.toString("utf8");
  assert.doesNotMatch(svg, /<img|<script/i);
  assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("kept in the browser only after consent; restored on reload", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await pick(page, "regions.csv", GOOD);
  await page.click(".import-add");
  await page.waitForSelector(".import-keep input");
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "1");
  assert.equal(await page.$(".import-loaded"), null, "kept without consent");
  await pick(page, "regions.csv", GOOD);
  await page.click(".import-add");
  await page.check(".import-keep input");
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "1");
  await page.waitForSelector(".import-loaded li");
  assert.match(await page.textContent(".import-loaded"), /regions\.csv4 个数字/);
  await page.uncheck(".import-keep input");
  assert.equal(await page.evaluate(() => localStorage.getItem("ftz-atlas-imports")), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the skip link moves the focus without reloading (the address keeps its query, imports stay)", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  await pick(page, "regions.csv", GOOD);
  await page.click(".import-add");
  await page.waitForSelector(".import-loaded li");
  await page.focus(".skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "charts-heading");
  assert.match(page.url(), /\?lang=en/);
  await page.$eval(".skip-link", (a) => a.click());
  assert.match(page.url(), /\?lang=en/);
  assert.equal(await page.$$eval(".import-loaded li", (l) => l.length), 1, "the imported file was lost");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bad address parameter falls back to the default with a notice", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en&theme=<script>&present=99`);
  const notice = await page.textContent(".notice");
  assert.match(notice, /Invalid address parameters were ignored and the defaults used: theme, present/);
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  await page.click(".notice button");
  assert.equal(await page.$(".notice"), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("100,000 figures import in steps: the page keeps painting and shows progress", { timeout: 300_000 }, async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  const rows = [HEADER.trim()];
  for (let i = 0; i < 100_000; i++) {
    const y = 2017 + (i % 9), m = 1 + (Math.floor(i / 9) % 12), d = 1 + (Math.floor(i / 108) % 28);
    rows.push(`u${i},ftz_trade_share_of_city,ftz,stated:${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")},exact,${40 + (i % 30)}.${String(i).padStart(5, "0")},pct,,,,`);
  }
  // Count animation frames and note whether progress was shown while the file is checked.
  await page.evaluate(() => {
    window.__frames = 0;
    window.__progress = false;
    const tick = () => {
      window.__frames++;
      if (document.querySelector(".import progress")) window.__progress = true;
      if (!document.querySelector(".import-ok, .import-bad")) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await pick(page, "big.csv", rows.join("\n") + "\n");
  await page.waitForSelector(".import-ok", { timeout: 240_000 });
  const took = Date.now() - started;
  const { frames, progress } = await page.evaluate(() => ({ frames: window.__frames, progress: window.__progress }));
  assert.match(await page.textContent(".import-ok"), /big\.csv: 100000 figures checked/);
  assert.ok(frames >= 5, `the page froze: ${frames} frames painted in ${took} ms`);
  if (took > 1500) assert.ok(progress, `no progress shown in ${took} ms`);
  console.log(`# 100k import: ${took} ms, ${frames} frames, progress shown: ${progress}`);
  await page.click(".import-add");
  await page.waitForSelector(".import-loaded li", { timeout: 120_000 });
  await page.waitForFunction(() => document.body.dataset.ready === "1");
  assert.deepEqual(errors, []);
  await context.close();
});
