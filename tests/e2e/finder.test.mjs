// The figure finder (issue 14): search as you type in zh and en finds a figure, its permalink
// opens the page scrolled to it with its details open, "copy citation" puts the citation on
// the clipboard, "find this figure" from a chart's table leads there, a bad ?figure= value is
// ignored with a notice, and axe-core finds no violations with a figure open (zh/en ×
// light/dark). Screenshots of the finder at 360 and 1920 px go to tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { open, OUT, useApp } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const env = useApp();

/** The ids of the figures the finder lists. */
const listed = (page) => page.$$eval("#finder-results > li", (lis) => lis.map((li) => li.dataset.figure));

test("typing part of a figure's name finds it, in Chinese and in English", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=zh`);
  const search = page.locator("#finder-query");
  await search.fill("新能源 出口量 2023");
  await page.waitForFunction(() => document.querySelectorAll("#finder-results > li").length < 10);
  assert.ok((await listed(page)).includes("ftz_nev_2023"), "zh search");
  // Full-width digits and no separator find 2.7万 (27,000).
  await search.fill("２７０００");
  await page.waitForFunction(() => !!document.querySelector("#finder-results > li[data-figure=ftz_nev_2023]"));
  // A query that matches nothing says so.
  await search.fill("zzzz-nothing");
  await page.locator(".finder-none").waitFor();
  assert.deepEqual(await listed(page), []);
  // English: the same figure by its English name, whatever the case.
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await search.fill("NEW-ENERGY vehicle exports 2022");
  await page.waitForFunction(() => !!document.querySelector("#finder-results > li[data-figure=ftz_nev_2022]"));
  const ids = await listed(page);
  assert.ok(ids.length < 10, `${ids}`);
  // The derived value shows no more precision than its inputs, and its computation.
  await page.locator("#finder-ftz_nev_2022-toggle").click();
  const details = page.locator("#finder-ftz_nev_2022-details");
  await details.waitFor();
  const text = await details.innerText();
  assert.match(text, /about 14,000 vehicles/);
  assert.match(text, /27,000 ÷ \(1 \+ 90\.5%\) ≈ 14,173 vehicles; inputs rounded, so 13,907–14,439 vehicles/);
  assert.match(page.url(), /figure=ftz_nev_2022/, "an open figure is in the address");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a filter by chart, scope and qualifier narrows the list; show more lists more", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  const all = (await listed(page)).length;
  assert.ok(all > 0);
  await page.selectOption("#finder-chart", "nev-exports");
  await page.waitForFunction((n) => document.querySelectorAll("#finder-results > li").length < n, all);
  assert.ok((await listed(page)).includes("ftz_nev_2022"));
  await page.selectOption("#finder-qualifier", "about");
  await page.waitForFunction(() => !document.querySelector("#finder-results > li[data-figure=ftz_nev_2023]"));
  assert.ok((await listed(page)).includes("ftz_nev_2022"));
  await page.selectOption("#finder-scope", "liangjiang");
  await page.locator(".finder-none").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a permalink opens the page scrolled to the figure with its details open", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en&figure=ftz_nev_2023`, {
    viewport: { width: 1280, height: 800 },
  });
  const toggle = page.locator("#finder-ftz_nev_2023-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await page.waitForFunction(() => document.activeElement?.id === "finder-ftz_nev_2023-toggle");
  const box = await toggle.boundingBox();
  assert.ok(box && box.y > -1 && box.y < 800, `in view: ${JSON.stringify(box)}`);
  const details = await page.locator("#finder-ftz_nev_2023-details").innerText();
  assert.match(details, /27,000 vehicles/);
  assert.match(details, /2023年,重庆自贸试验区新增注册企业18673户/, "the quote, verbatim");
  const href = await page.locator("#finder-ftz_nev_2023 a.permalink").getAttribute("href");
  assert.equal(href, "?lang=en&figure=ftz_nev_2023");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bad or unknown ?figure= value is ignored with a notice", async () => {
  for (const value of ["Bad!", "no_such_figure"]) {
    const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en&figure=${value}`);
    await page.locator(".notice", { hasText: "figure" }).waitFor();
    assert.equal(await page.locator(".finder-toggle[aria-expanded=true]").count(), 0);
    await page.waitForFunction(() => !location.search.includes("figure="));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

for (const lang of ["zh", "en"]) {
  test(`copy citation puts the citation on the clipboard (${lang})`, async () => {
    const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=${lang}&figure=ftz_nev_2023`);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url.replace(/\/$/, "") });
    const item = page.locator("#finder-ftz_nev_2023");
    const shown = await item.locator(".citation-text").innerText();
    await item.locator("button.copy-citation").click();
    await item.locator(".copy-result").waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clip, shown);
    if (lang === "zh") {
      // GB/T 7714: [1] 发布者. 题名[EB/OL]. (发布日期)[引用日期]. URL.
      assert.match(clip, /^\[1\] 重庆市人民政府\. .+\[EB\/OL\]\. \(2024-06-27\)\[\d{4}-\d\d-\d\d\]\. https:\/\/www\.cqrd\.gov\.cn\/.+\.$/);
    } else {
      // Publisher (date). Title. URL
      assert.match(clip, /^重庆市人民政府 \(2024-06-27\)\. .+ https:\/\/www\.cqrd\.gov\.cn\/\S+$/);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("find this figure, from a chart's table, opens it in the finder", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en&table.nev-exports=1`);
  await page.locator("#finder-query").fill("something else");
  await page.locator("#nev-exports tr[data-figure=ftz_nev_2022] button.find-figure").click();
  await page.waitForFunction(() => document.activeElement?.id === "finder-ftz_nev_2022-toggle");
  assert.equal(await page.locator("#finder-query").inputValue(), "", "the search is cleared so it is listed");
  assert.equal(await page.locator("#finder-ftz_nev_2022-toggle").getAttribute("aria-expanded"), "true");
  assert.match(page.url(), /figure=ftz_nev_2022/);
  // The table row shows the computation with its range too.
  assert.match(await page.locator("#nev-exports tr[data-figure=ftz_nev_2022]").innerText(), /13,907–14,439/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an imported figure is found by its file and cited as the file", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  const csv =
    "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n" +
    "my_nev_2024,ftz_nev_exports,ftz,2024,exact,4.1,wan_vehicles,,,,\n";
  await page.setInputFiles(".import input[type=file]", { name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector(".import-ok");
  await page.click(".import-add");
  await page.locator("#finder-query").fill("MINE.csv 2024");
  await page.waitForFunction(() => {
    const ids = [...document.querySelectorAll("#finder-results > li")].map((li) => li.dataset.figure);
    return ids.length === 1 && ids[0] === "my_nev_2024";
  });
  await page.locator("#finder-my_nev_2024-toggle").click();
  assert.equal(await page.locator("#finder-my_nev_2024 .citation-text").innerText(), "Imported file mine.csv");
  assert.deepEqual(errors, []);
  await context.close();
});

for (const lang of ["zh", "en"]) {
  for (const theme of ["light", "dark"]) {
    test(`the finder with a figure open: axe-core finds no violations, screenshots (${lang}, ${theme})`, async () => {
      const { context, page } = await open(
        env.browser,
        `${env.server.url}?lang=${lang}&theme=${theme}&figure=ftz_nev_2022`,
        { bypassCSP: true, viewport: { width: 1920, height: 1080 } },
      );
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(() =>
        window.axe.run(document.querySelector("#finder"), { resultTypes: ["violations"] }),
      );
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      assert.deepEqual(summary, []);
      for (const width of [1920, 360]) {
        await page.setViewportSize({ width, height: 1000 });
        await page.locator("#finder").screenshot({ path: join(OUT, `finder-${lang}-${theme}-${width}.png`) });
      }
      await context.close();
    });
  }
}
