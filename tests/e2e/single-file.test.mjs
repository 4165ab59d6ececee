// The single offline file: built from the release build, opened from disk (file://) with no
// server and no network, it becomes ready and draws every chart, with no console error, and it
// still shows the message when the wasm stops.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, canvasStats, ROOT, OUT } from "./harness.mjs";

test("the single HTML file works from file:// with no network", async () => {
  const out = join(OUT, "ftz-atlas.html");
  execFileSync("node", [join(ROOT, "scripts/single-file.mjs"), join(ROOT, "dist"), out]);
  const browser = await launch();
  const context = await browser.newContext({ offline: true, acceptDownloads: true });
  const page = await context.newPage();
  // The file's start-up script hands the raw wasm exports to this event (as boot.js does).
  await page.addInitScript(() =>
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasm = e.detail.wasm;
    }),
  );
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    if (!/^(file|data|blob):/.test(r.url())) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(`file://${out}?lang=zh`);
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30_000 });
  const stats = await canvasStats(page);
  assert.equal(stats.length, 5);
  assert.ok(stats.every((s) => s.ink > 500));
  // Downloads work from the file too, in both languages.
  // The editable PowerPoint too: its writer (office.wasm, fetched on first use when served) is
  // inside the file.
  const items = {
    zh: ["CSV 数据", "PNG 图片（2倍）", "PowerPoint（可编辑图表）"],
    en: ["CSV data", "PNG image (2×)", "PowerPoint (editable)"],
  };
  for (const lang of ["zh", "en"]) {
    if (lang === "en") await page.getByRole("button", { name: "Switch to English" }).click();
    const card = page.locator("#innovation");
    for (const item of items[lang]) {
      await card.locator(".export-menu summary").click();
      const [file] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: item }).click()]);
      assert.match(file.suggestedFilename(), new RegExp(`^ftz-atlas-innovation-${lang}`));
      if (item.startsWith("PowerPoint")) {
        const bytes = readFileSync(await file.path());
        assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004");
        assert.ok(bytes.includes("ppt/charts/chart1.xml"), "no native chart in the file's PowerPoint");
      }
    }
  }
  assert.deepEqual(errors, []);
  // The start-up script of boot.js came along: a trap shows the message in the page's language.
  await page.evaluate(() => setTimeout(() => window.__wasm.__wbindgen_malloc(8, 3)));
  const banner = page.locator(".panic-banner:visible");
  await banner.waitFor();
  assert.equal(await banner.getAttribute("lang"), "en");
  await browser.close();
});
