// Interaction and accessibility: theme switch and URL, keyboard navigation through every data
// point with its tooltip, Enter opening the source, the data table holding the chart's own
// figures, and axe-core finding no violations in zh/en × light/dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { open, OUT, useApp } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const env = useApp();

test("the theme switch redraws the charts dark and keeps ?theme= in the address", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en&theme=light`);
  const pixel = () =>
    page.$eval("canvas[data-chart=areas]", (c) => Array.from(c.getContext("2d").getImageData(2, 2, 1, 1).data));
  assert.deepEqual((await pixel()).slice(0, 3), [255, 255, 255]);
  await page.getByRole("button", { name: "Switch to the dark theme" }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  await page.waitForFunction(
    () => document.querySelector("canvas[data-chart=areas]").getContext("2d").getImageData(2, 2, 1, 1).data[0] < 60,
  );
  assert.match(page.url(), /theme=dark/);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(246, 245, 242)");
  await page.screenshot({ path: join(OUT, "page-en-dark.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard only: one tab stop per chart, arrows reach every data point, Enter opens its source", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`);
  const canvas = page.locator("canvas[data-chart=nev-exports]");
  await canvas.focus();
  const drawn = await page.$$eval("#nev-exports .figure-list li", (lis) => lis.map((li) => li.id.replace("nev-exports-fig-", "")));
  const seen = [];
  for (let i = 0; i < drawn.length; i++) {
    await page.keyboard.press("ArrowRight");
    const tip = page.locator("#nev-exports .tooltip");
    await tip.waitFor();
    seen.push(await tip.getAttribute("data-figure"));
    const status = await page.textContent("#nev-exports [role=status]");
    assert.ok(status.length > 5, "the live region announces the point");
  }
  assert.deepEqual([...seen].sort(), [...drawn].sort(), "every drawn figure is reachable");
  // The tooltip states value, period and source.
  await page.keyboard.press("Home");
  const text = await page.textContent("#nev-exports .tooltip");
  assert.match(text, /vehicles/);
  assert.match(text, /Source:/);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id?.startsWith("nev-exports-fig-"));
  assert.equal(await page.getAttribute("#nev-exports-sources", "open"), "");
  // Escape leaves the chart.
  await canvas.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#nev-exports .tooltip").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hovering a mark shows its tooltip; a click pins it", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=zh`, { viewport: { width: 1280, height: 900 } });
  const box = await page.locator("canvas[data-chart=nev-exports]").boundingBox();
  // Sweep across the upper panel until a bar is under the pointer.
  let figure = null;
  for (let x = 0.1; x < 0.9 && !figure; x += 0.05) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.3);
    figure = await page.locator("#nev-exports .tooltip").getAttribute("data-figure", { timeout: 200 }).catch(() => null);
  }
  assert.ok(figure, "no tooltip on hover");
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await page.mouse.move(box.x + 2, box.y + 2);
  await context.close();
});

test("the data table holds exactly the figures the chart draws", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=en`);
  const card = page.locator("#trade-share");
  const notes = await card.locator(".figure-list li").evaluateAll((lis) => lis.map((li) => li.id.replace("trade-share-fig-", "")));
  await card.getByRole("button", { name: "Show this chart's figures as a table" }).click();
  const rows = await card.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.figure));
  assert.deepEqual(rows, notes);
  const values = await card.locator("table tbody td.num").allTextContents();
  assert.ok(values.includes("more than 60%") && values.includes("nearly 2/3"), values.join(" | "));
  await card.getByRole("button", { name: "Show the chart" }).click();
  await card.locator("canvas").waitFor();
  await context.close();
});

test("series can be switched off and on from the keyboard", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=en`);
  const card = page.locator("#nev-exports");
  const ev = card.getByRole("button", { name: "Chongqing, electric vehicles" });
  await ev.focus();
  await page.keyboard.press("Enter");
  assert.equal(await ev.getAttribute("aria-pressed"), "false");
  const ids = await card.locator(".figure-list li").evaluateAll((lis) => lis.map((li) => li.id));
  assert.ok(!ids.some((id) => id.includes("city_ev_value")), "hidden series still listed");
  await page.keyboard.press("Space");
  assert.equal(await ev.getAttribute("aria-pressed"), "true");
  await context.close();
});

test("a redraw at the same size repaints without resizing the canvas, and is counted in body[data-drawn]", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const canvas = page.locator("canvas[data-chart=nev-exports]");
  const state = () =>
    canvas.evaluate((c) => ({ size: [c.width, c.height, c.style.width, c.style.height], pixels: c.toDataURL(), drawn: Number(document.body.dataset.drawn) }));
  const first = await state();
  assert.ok(first.drawn >= 5, `five charts drawn at start, counted ${first.drawn}`);
  // Watch for any write to the canvas's size attributes during the redraw.
  await canvas.evaluate((c) => {
    window.__resized = 0;
    new MutationObserver(() => window.__resized++).observe(c, { attributes: true, attributeFilter: ["width", "height", "style"] });
  });
  // A series the chart's height does not depend on: the value axis rescales, the layout stays.
  await page.locator("#nev-exports .series-toggle").first().click();
  await page.waitForFunction((n) => Number(document.body.dataset.drawn) === n + 1, first.drawn);
  const second = await state();
  assert.notEqual(second.pixels, first.pixels, "the chart did not change");
  assert.deepEqual(second.size, first.size);
  assert.equal(await page.evaluate(() => window.__resized), 0, "the canvas was resized for a same-size redraw");
  assert.deepEqual(errors, []);
  await context.close();
});

for (const lang of ["zh", "en"]) {
  for (const theme of ["light", "dark"]) {
    test(`axe-core finds no violations (${lang}, ${theme})`, async () => {
      // axe is injected as an inline script, which the page's own CSP rightly blocks.
      const { context, page } = await open(env.browser, `${env.server.url}?lang=${lang}&theme=${theme}`, { bypassCSP: true });
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      assert.deepEqual(summary, []);
      await context.close();
    });
  }
}

test("the address holds each chart's view: a copied link opens the same view", async () => {
  const url = `${env.server.url}?lang=en&table.trade-share=1&hide.nev-exports=1&point.areas=area_xiyong`;
  const { context, page, errors } = await open(env.browser, url);
  assert.equal(await page.locator("#trade-share table").count(), 1, "table view not restored");
  const ev = page.locator("#nev-exports").getByRole("button", { name: "Chongqing, electric vehicles" });
  assert.equal(await ev.getAttribute("aria-pressed"), "false", "hidden series not restored");
  await page.locator("#areas .tooltip[data-figure=area_xiyong]").waitFor();
  // Changing a view updates the address; other charts' state stays.
  await page.locator("#innovation").getByRole("button", { name: "Show this chart's figures as a table" }).click();
  await page.waitForFunction(() => location.search.includes("table.innovation=1"));
  const search = await page.evaluate(() => location.search);
  for (const part of ["lang=en", "table.trade-share=1", "hide.nev-exports=1", "point.areas=area_xiyong"]) {
    assert.ok(search.includes(part), `${part} lost from ${search}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
  // Broken values fall back to defaults without an error.
  const bad = await open(env.browser, `${env.server.url}?hide.nev-exports=abc&point.areas=%3Cb%3E&table.areas=yes&theme=neon`);
  assert.equal(await bad.page.locator("#areas canvas").count(), 1);
  assert.equal(await bad.page.locator(".tooltip").count(), 0);
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
});
