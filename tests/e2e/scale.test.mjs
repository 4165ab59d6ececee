// Imports that scale (issue 15): generated files of 3, 40 and 1,000 districts and of 150,000
// figures are added, drawn and reset with the page responding; every chart canvas has drawn
// pixels and stays inside the canvas size limit; the 片区 chart's filter finds a district;
// each district's years are drawn. The longest main-thread task while adding and resetting
// (a PerformanceObserver for 'longtask') is reported; only a ceiling that cannot flake (2 s) is
// asserted. Also: .xlsx files through the file input, good and bad. Screenshots of the 片区
// chart go to tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { canvasStats, download, open, OUT, ROOT, useApp } from "./harness.mjs";

const env = useApp();
const HEADER = "id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en";
/** The page's canvas limit (web::canvas::MAX_CANVAS_PX). */
const MAX_PX = 8000;
const CEILING_MS = 2000;

/** `districts` new scopes × `years` years from `first`, with `metrics` of the 片区 chart (1–3). */
function districts(n, years, first = 2015, metrics = 3) {
  const rows = [HEADER];
  for (let d = 0; d < n; d++) {
    const key = `district_${String(d).padStart(4, "0")}`;
    const zh = `区县${String(d).padStart(4, "0")}`, en = `District ${String(d).padStart(4, "0")}`;
    for (let y = 0; y < years; y++) {
      const year = first + y;
      const share = (1 + ((d * 7 + y * 3) % 50) / 2).toString();
      rows.push(`d${d}_s${year},bonded_zone_trade_share_of_city,${key},${year},exact,${share},pct,${zh},${en}`);
      if (metrics > 1) rows.push(`d${d}_e${year},area_market_entities_cumulative,${key},${year},exact,${1000 + d * 10 + y * 100},market_entities,,`);
      if (metrics > 2) rows.push(`d${d}_a${year},area_km2,${key},${year},exact,${10 + (d % 30)}.5,km2,,`);
    }
  }
  return rows.join("\n") + "\n";
}

/** Starts recording long tasks; `settle` reads the longest since the last read. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    window.__tasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__tasks++;
        window.__longest = Math.max(window.__longest, e.duration);
      }
    }).observe({ type: "longtask", buffered: false });
  });
}
async function longest(page) {
  // Let the observer deliver the entries of the last task.
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
  return page.evaluate(() => {
    const out = { longest: Math.round(window.__longest), tasks: window.__tasks };
    window.__longest = 0;
    window.__tasks = 0;
    return out;
  });
}

/** Waits until the charts are drawn again after a change: the page's draw counter
 *  (body[data-drawn]) moves from `draws`, then stays put for 300 ms. */
async function redrawn(page, draws) {
  await page.waitForFunction((d) => Number(document.body.dataset.drawn ?? 0) !== d, draws, { timeout: 120_000 });
  let last = -1;
  for (;;) {
    const now = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    if (now === last) break;
    last = now;
    await page.waitForTimeout(300);
  }
}

function checkCanvases(stats, label) {
  for (const s of stats) {
    assert.ok(s.ink > 0, `${label}: the ${s.chart} chart is blank`);
    assert.ok(s.height <= MAX_PX && s.width <= MAX_PX, `${label}: ${s.chart} canvas ${s.width}×${s.height}`);
  }
}

/** Picks a generated file. Written to tests/e2e/out/ and picked by path: Playwright hands a
 *  buffer to the page through a script, which for 14 MB is itself a 2 s main-thread task. */
async function pick(page, name, text) {
  const path = join(OUT, name);
  writeFileSync(path, text);
  await page.setInputFiles(".import input[type=file]", path);
}

const CASES = [
  { name: "3 districts", file: "districts-3.csv", csv: () => districts(3, 11), find: "District 0002", shots: true },
  { name: "40 districts", file: "districts-40.csv", csv: () => districts(40, 11), find: "District 0037", shots: true },
  { name: "1,000 districts", file: "districts-1000.csv", csv: () => districts(1000, 3), find: "District 0777", shots: true },
  // 150,000 figures: one share per district and year, 1900–2049.
  { name: "150,000 figures", file: "districts-150k.csv", csv: () => districts(1000, 150, 1900, 1), find: "District 0999" },
];

for (const c of CASES) {
  test(`${c.name}: added, drawn, filtered and reset with the page responding`, { timeout: 600_000 }, async () => {
    const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`, { viewport: { width: 1280, height: 900 } });
    const csv = c.csv();
    await watchLongTasks(page);
    const t0 = Date.now();
    await pick(page, c.file, csv);
    await page.waitForSelector(".import-ok", { timeout: 300_000 });
    const check = { ms: Date.now() - t0, ...(await longest(page)) };
    const draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    const t1 = Date.now();
    await page.click(".import-add");
    await page.waitForSelector(".import-loaded li", { timeout: 120_000 });
    await redrawn(page, draws);
    const add = { ms: Date.now() - t1, ...(await longest(page)) };
    checkCanvases(await canvasStats(page), c.name);
    // The 片区 chart says how many districts it does not draw, and its filter finds one.
    const description = () => page.textContent("#areas-description");
    if (c.name.startsWith("1,000") || c.name.startsWith("150")) {
      assert.match(await description(), /960 more imported scopes not drawn/);
    } else {
      assert.match(await description(), new RegExp(c.find));
    }
    const t2 = Date.now();
    const before = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    await page.fill("#areas .scope-filter-input", c.find.toLowerCase());
    await redrawn(page, before);
    const filter = { ms: Date.now() - t2, ...(await longest(page)) };
    const found = await description();
    assert.match(found, new RegExp(c.find));
    assert.doesNotMatch(found, /more imported scopes not drawn/);
    checkCanvases(await canvasStats(page), `${c.name}, filtered`);
    const filtered = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    await page.fill("#areas .scope-filter-input", "");
    await redrawn(page, filtered);
    await longest(page);
    if (c.shots) {
      const n = c.name.split(" ")[0].replace(",", "");
      await page.locator("#areas").screenshot({ path: join(OUT, `scale-areas-${n}-en.png`) });
    }
    // Reset: back to the published data.
    const t3 = Date.now();
    const resetDraws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    await page.click(".import-reset");
    await page.waitForFunction(() => !document.querySelector(".import-loaded"));
    await redrawn(page, resetDraws);
    const reset = { ms: Date.now() - t3, ...(await longest(page)) };
    checkCanvases(await canvasStats(page), `${c.name}, reset`);
    console.log(
      `# ${c.name} (${csv.length} bytes): check ${check.ms} ms (longest task ${check.longest} ms); ` +
        `add+draw ${add.ms} ms (longest task ${add.longest} ms, ${add.tasks} over 50 ms); ` +
        `filter ${filter.ms} ms (longest ${filter.longest} ms); reset ${reset.ms} ms (longest ${reset.longest} ms)`,
    );
    for (const [what, r] of [["check", check], ["add", add], ["filter", filter], ["reset", reset]]) {
      assert.ok(r.longest < CEILING_MS, `${c.name}: a ${r.longest} ms task while ${what}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
    rmSync(join(OUT, c.file), { force: true });
  });
}

test("show all: 1,000 districts page by page under their file; the table and the CSV hold all", { timeout: 600_000 }, async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchLongTasks(page);
  await pick(page, "districts-1000.csv", districts(1000, 3));
  await page.waitForSelector(".import-ok", { timeout: 300_000 });
  let draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
  await page.click(".import-add");
  await redrawn(page, draws);
  const card = page.locator("#areas");
  const status = () => card.locator(".scope-page").textContent();
  const description = () => page.textContent("#areas-description");
  // Grouped under the file: named above the filter and as the matrix's group heading.
  assert.equal(await card.locator(".scope-files").textContent(), "Imported scopes by file: districts-1000.csv (1,000)");
  assert.match(await description(), /Imported file districts-1000\.csv/);
  assert.equal(await status(), "showing imported scopes 1–40 of 1,000");
  assert.equal(await card.locator(".scope-page").getAttribute("aria-live"), "polite");
  // "Previous" on the first page does nothing (and keeps its focus).
  assert.equal(await card.locator(".scope-previous").getAttribute("aria-disabled"), "true");
  // Next 40, by mouse.
  draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
  await card.locator(".scope-next").click();
  await redrawn(page, draws);
  assert.equal(await status(), "showing imported scopes 41–80 of 1,000");
  let text = await description();
  assert.match(text, /District 0040/);
  assert.match(text, /District 0079/);
  assert.doesNotMatch(text, /District 0039|District 0080/);
  checkCanvases(await canvasStats(page), "page 2");
  // By keyboard: Enter on the focused button; focus stays on it.
  draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
  await card.locator(".scope-next").focus();
  await page.keyboard.press("Enter");
  await redrawn(page, draws);
  assert.equal(await status(), "showing imported scopes 81–120 of 1,000");
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("scope-next")), true);
  // Every page is drawn inside the limits: walk to the last one (25 pages), timing the tasks.
  await longest(page);
  for (let i = 3; i < 25; i++) {
    draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    await card.locator(".scope-next").click();
    await redrawn(page, draws);
  }
  const paging = await longest(page);
  assert.equal(await status(), "showing imported scopes 961–1,000 of 1,000");
  assert.equal(await card.locator(".scope-next").getAttribute("aria-disabled"), "true");
  assert.match(await description(), /District 0999/);
  checkCanvases(await canvasStats(page), "last page");
  // Its "Next" does nothing now (forced: Playwright does not click an aria-disabled button).
  await card.locator(".scope-next").click({ force: true });
  await page.waitForTimeout(300);
  assert.equal(await status(), "showing imported scopes 961–1,000 of 1,000");
  // The filter starts again at its first page.
  draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
  await page.fill("#areas .scope-filter-input", "district 01");
  await redrawn(page, draws);
  assert.equal(await status(), "showing imported scopes 1–40 of 100");
  await page.fill("#areas .scope-filter-input", "");
  // The CSV holds every district (9,000 figures), not only the drawn 40.
  const csv = (await download(page, card, "CSV data")).bytes.toString("utf8");
  const rows = csv.trim().split("\r\n").slice(1);
  const districtRows = rows.filter((r) => /,District \d{4},/.test(r));
  assert.equal(districtRows.length, 9000);
  assert.ok(rows.some((r) => r.startsWith("d999_a2017,")));
  // "All 1,000 in the table": the table, grouped, listing 200 rows at a time.
  await card.locator(".scope-all").click();
  await card.locator(".data-table").waitFor();
  const groups = await card.locator(".table-group th").allTextContents();
  assert.deepEqual(groups, ["The 片区 and the published scopes", "Imported file districts-1000.csv"]);
  const listed = () => card.locator(".data-table tbody tr[data-figure]").count();
  assert.equal(await listed(), 200);
  const tableStatus = () => card.locator(".table-more [role=status]").textContent();
  assert.match(await tableStatus(), /^[\d,]+ rows, showing 1–200$/);
  // Page through the whole table: every row once, 200 at a time, the last district's on the
  // last page; at the ends the buttons stay focusable and do nothing.
  await longest(page);
  const seen = new Set();
  const next = card.locator(".table-more .table-next");
  for (;;) {
    for (const id of await card.locator(".data-table tbody tr[data-figure]").evaluateAll((trs) => trs.map((tr) => tr.dataset.figure))) seen.add(id);
    if ((await next.getAttribute("aria-disabled")) === "true") break;
    const before = await tableStatus();
    await next.click();
    await page.waitForFunction((b) => document.querySelector("#areas .table-more [role=status]")?.textContent !== b, before);
    assert.ok((await listed()) <= 200);
  }
  const table = await longest(page);
  assert.equal(seen.size, rows.length);
  assert.match(await tableStatus(), new RegExp(`^${rows.length.toLocaleString("en")} rows, showing [\\d,]+–${rows.length.toLocaleString("en")}$`));
  assert.equal(await card.locator(".data-table tr[data-figure=d999_a2017]").count(), 1);
  const last = await tableStatus();
  await next.click({ force: true });
  assert.equal(await tableStatus(), last);
  await card.locator(".table-more .table-previous").click();
  await page.waitForFunction((b) => document.querySelector("#areas .table-more [role=status]")?.textContent !== b, last);
  console.log(`# show all, 1,000 districts: 25 pages (longest task ${paging.longest} ms); table of ${rows.length} rows (longest task ${table.longest} ms)`);
  assert.ok(paging.longest < CEILING_MS && table.longest < CEILING_MS);
  assert.deepEqual(errors, []);
  await context.close();
  rmSync(join(OUT, "districts-1000.csv"), { force: true });
});

test("show all in Chinese: the pager's words", { timeout: 600_000 }, async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 360, height: 800 } });
  await pick(page, "districts-1000-zh.csv", districts(1000, 3));
  await page.waitForSelector(".import-ok", { timeout: 300_000 });
  const draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
  await page.click(".import-add");
  await redrawn(page, draws);
  const card = page.locator("#areas");
  // 15 a page in a narrow window.
  assert.equal(await card.locator(".scope-page").textContent(), "显示导入的范围第 1–15 个，共 1,000 个");
  assert.equal(await card.locator(".scope-next").textContent(), "下 15 个");
  assert.equal(await card.locator(".scope-all").textContent(), "在表格中查看全部 1,000 个");
  assert.equal(await card.locator(".scope-files").textContent(), "导入的范围按文件分组：districts-1000-zh.csv（1,000 个）");
  assert.match(await page.textContent("#areas-description"), /导入文件 districts-1000-zh\.csv/);
  checkCanvases(await canvasStats(page), "zh 360");
  // Drawn at a device pixel or more per CSS pixel (not blurred).
  const areas = (await canvasStats(page)).find((s) => s.chart === "areas");
  assert.ok(areas.width >= areas.cssWidth, `areas canvas ${areas.width} px for ${areas.cssWidth} CSS px`);
  assert.deepEqual(errors, []);
  await context.close();
  rmSync(join(OUT, "districts-1000-zh.csv"), { force: true });
});

test("the 片区 chart in Chinese at 3, 40 and 1,000 districts (screenshots)", { timeout: 600_000 }, async () => {
  for (const [n, csv] of [["3", districts(3, 11)], ["40", districts(40, 11)], ["1000", districts(1000, 3)]]) {
    const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
    await pick(page, `districts-${n}.csv`, csv);
    await page.waitForSelector(".import-ok", { timeout: 300_000 });
    const draws = await page.evaluate(() => Number(document.body.dataset.drawn ?? 0));
    await page.click(".import-add");
    await redrawn(page, draws);
    checkCanvases(await canvasStats(page), `zh ${n}`);
    assert.match(await page.textContent("#areas-description"), /各范围逐年数字/);
    await page.locator("#areas").screenshot({ path: join(OUT, `scale-areas-${n}-zh.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test(".xlsx through the file input: a workbook imports, a broken one gives its exact message", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  const accept = await page.getAttribute(".import input[type=file]", "accept");
  assert.match(accept, /\.xlsx/);
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const good = readFileSync(join(ROOT, "tests/fixtures/import/good/openpyxl_template_sheet.xlsx"));
  await page.setInputFiles(".import input[type=file]", { name: "openpyxl_template_sheet.xlsx", mimeType: xlsx, buffer: good });
  await page.waitForSelector(".import-ok");
  assert.match(await page.textContent(".import-ok"), /openpyxl_template_sheet\.xlsx: 3 figures checked/);
  await page.click(".import-add");
  await page.waitForSelector(".import-loaded li");
  assert.match(await page.textContent(".import-loaded"), /openpyxl_template_sheet\.xlsx/);
  const bad = readFileSync(join(ROOT, "tests/fixtures/import/xlsx_encrypted.xlsx"));
  await page.setInputFiles(".import input[type=file]", { name: "xlsx_encrypted.xlsx", mimeType: xlsx, buffer: bad });
  await page.waitForSelector(".import-bad");
  const items = await page.$$eval(".import-issues li", (li) => li.map((x) => x.textContent));
  assert.deepEqual(items, [
    "xlsx_encrypted.xlsx: the workbook's part xl/workbook.xml is compressed or encrypted in a way that is not supported; save it as a plain .xlsx or as CSV",
  ]);
  // Dropped on the page, as bytes too.
  await page.click(".import-bad button:last-child");
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "dropped.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    return dt;
  }, [...good]);
  await page.dispatchEvent("#trade-share canvas", "dragover", { dataTransfer });
  await page.dispatchEvent("#trade-share canvas", "drop", { dataTransfer });
  await page.waitForSelector(".import-ok, .import-bad");
  assert.match(await page.textContent(".import-report"), /dropped\.xlsx/);
  assert.deepEqual(errors, []);
  await context.close();
});
