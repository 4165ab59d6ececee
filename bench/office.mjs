// How long the page takes to write a chart's editable PowerPoint, and the deck of all charts:
// for each chart and language, the click on "PowerPoint (editable)" is timed inside the page
// from the click to the moment the app hands the file to the download link (it builds the slides,
// draws the picture panels, writes the workbooks, the chart XML and the ZIP, synchronously in
// the click handler), median of N clicks.
// Printed, never checked: the budget (under 300 ms a chart) is read off the table.
//   node bench/office.mjs [--n N] [--dist DIR]
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch, serve } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const n = Number(args[args.indexOf("--n") + 1]) || 5;
const dist = resolve(args.includes("--dist") ? args[args.indexOf("--dist") + 1] : join(import.meta.dirname, "../dist"));
const CHARTS = ["trade-share", "nev-exports", "innovation", "enterprises", "areas"];
const ITEM = { zh: "PowerPoint（可编辑图表）", en: "PowerPoint (editable)" };
const DECK = { zh: "全部图表（PPT）", en: "Deck of all charts" };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Records, in the page, when a click starts (capture phase, before the app's handler) and when
 *  the handler hands a file to the download link: the time the app took to write it. */
function installTimer() {
  document.addEventListener("click", () => { window.__t0 = performance.now(); }, true);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.__t1 = performance.now();
    return click.call(this);
  };
}

const server = await serve(dist);
const browser = await launch();
const rows = [];
for (const lang of ["zh", "en"]) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=${lang}`);
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 60_000 });
  await page.evaluate(installTimer);
  const targets = [...CHARTS.map((c) => [`#${c}`, ITEM[lang], c]), [".page-header", DECK[lang], "deck of all charts"]];
  for (const [scope, text, label] of targets) {
    const times = [];
    let size = null;
    for (let i = 0; i < n; i++) {
      if (scope !== ".page-header") await page.click(`${scope} .export-menu summary`);
      const button = page.locator(scope).getByRole("button", { name: text }).first();
      const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
      times.push(await page.evaluate(() => window.__t1 - window.__t0));
      size = readFileSync(await file.path()).length;
    }
    rows.push({ lang, label, ms: median(times), min: Math.min(...times), max: Math.max(...times), kb: size / 1000 });
  }
  await context.close();
}
await browser.close();
await server.close();

console.log(`\nPowerPoint written in the page (median [min–max] of ${n} clicks; budget: under 300 ms a chart)`);
console.log("lang  file                  ms (median)   [min–max]         size");
for (const r of rows) {
  console.log(
    `${r.lang.padEnd(5)} ${r.label.padEnd(21)} ${r.ms.toFixed(1).padStart(8)}      [${r.min.toFixed(1)}–${r.max.toFixed(1)}]`.padEnd(58) +
      `${r.kb.toFixed(1)} KB`,
  );
}
