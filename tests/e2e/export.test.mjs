// Downloads: PNG at 2× and 4× the on-screen width with title and source drawn in, CSV (BOM,
// one row a drawn figure) and JSON that round-trips.
import { test } from "node:test";
import assert from "node:assert/strict";
import { download, open, useApp } from "./harness.mjs";

const env = useApp();

test("CSV and JSON hold exactly the figures the chart draws", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=zh`, { acceptDownloads: true });
  const card = page.locator("#nev-exports");
  const drawn = await card.locator(".figure-list li").evaluateAll((lis) => lis.map((li) => li.id.replace("nev-exports-fig-", "")));
  const csv = await download(page, card, "CSV 数据");
  assert.equal(csv.name, "ftz-atlas-nev-exports-zh.csv");
  const text = csv.bytes.toString("utf8");
  assert.ok(text.startsWith("\ufeffid,metric,scope,period,qualifier,value,number,unit,derived"), "BOM and header");
  const rows = text.trim().split("\r\n").slice(1).map((r) => r.split(",")[0]);
  assert.deepEqual(rows, drawn);
  const json = await download(page, card, "JSON 数据");
  const parsed = JSON.parse(json.bytes.toString("utf8"));
  assert.deepEqual(parsed.figures.map((f) => f.id), drawn);
  assert.equal(parsed.title, "新能源汽车出口");
  assert.deepEqual(errors, []);
  await context.close();
});

test("SVG has real text: title, labels, source line and address; it parses as XML", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=en`, { acceptDownloads: true });
  const card = page.locator("#trade-share");
  const svg = await download(page, card, "SVG image");
  assert.equal(svg.name, "ftz-atlas-trade-share-en.svg");
  const text = svg.bytes.toString("utf8");
  const ok = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return !doc.querySelector("parsererror") && doc.documentElement.nodeName === "svg";
  }, text);
  assert.ok(ok, "the SVG does not parse");
  assert.match(text, /The FTZ&apos;s share of Chongqing&apos;s foreign trade|The FTZ's share of Chongqing's foreign trade/);
  assert.match(text, /Source: China Daily 2018/);
  assert.match(text, /&gt;60%/);
  assert.match(text, /http:\/\/127\.0\.0\.1:\d+\/\?lang=en/);
  await context.close();
});

test("PNG at 1×, 2× and 4× the on-screen width, and 16:9 slides laid out for their size", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=zh`, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const card = page.locator("#areas");
  const cssWidth = await card.locator("canvas").evaluate((c) => c.clientWidth);
  for (const [item, scale] of [["PNG 图片（1倍）", 1], ["PNG 图片（2倍）", 2], ["PNG 图片（4倍）", 4]]) {
    const png = await download(page, card, item);
    assert.equal(png.name, `ftz-atlas-areas-zh@${scale}x.png`);
    assert.equal(png.bytes.subarray(1, 4).toString("latin1"), "PNG");
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    assert.equal(width, cssWidth * scale);
    assert.ok(height > 200 * scale, `height ${height}`);
  }
  for (const [item, w, h] of [["幻灯片 1920×1080", 1920, 1080], ["幻灯片 1280×720", 1280, 720]]) {
    for (const chart of ["#areas", "#enterprises"]) {
      const png = await download(page, page.locator(chart), item);
      assert.equal(png.name, `ftz-atlas-${chart.slice(1)}-zh-${w}x${h}.png`);
      assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [w, h]);
    }
  }
  await context.close();
});

test("printing gives one chart per page with its sources and no controls", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=zh`);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const allOpen = await page.$$eval("details.source-notes", (ds) => ds.every((d) => d.open));
  assert.ok(allOpen, "source notes are not opened for printing");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".card-tools").first().isVisible(), false);
  const breaks = await page.$$eval(".chart-card", (cs) => cs.map((c) => getComputedStyle(c).breakBefore));
  assert.deepEqual(breaks, ["page", "page", "page", "page", "page"]);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 6, `only ${pages} PDF pages`);
  await context.close();
});

test("copy image puts a PNG of the chart on the clipboard, ready to paste", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=en`);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  const card = page.locator("#nev-exports");
  const cssWidth = await card.locator("canvas").evaluate((c) => c.clientWidth);
  await card.locator(".export-menu summary").click();
  await card.getByRole("button", { name: "Copy image (paste into a slide)" }).click();
  // Pasting: read the clipboard until the PNG has been written (the encoding is asynchronous).
  let pasted = null;
  for (let i = 0; i < 50 && !pasted; i++) {
    pasted = await page.evaluate(async () => {
      const items = await navigator.clipboard.read().catch(() => []);
      const item = items.find((it) => it.types.includes("image/png"));
      if (!item) return null;
      const bitmap = await createImageBitmap(await item.getType("image/png"));
      return { width: bitmap.width, height: bitmap.height };
    });
    if (!pasted) await page.waitForTimeout(200);
  }
  assert.ok(pasted, "nothing pasted");
  const { width, height } = pasted;
  assert.equal(width, cssWidth * 2);
  assert.ok(height > 400);
  await context.close();
});
