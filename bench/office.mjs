// How long the page takes to write a chart's editable PowerPoint, and the deck of all charts:
// for each chart and language, the click on "PowerPoint (editable)" is timed inside the page
// from the click to the moment the app hands the file to the download link (it builds the slides,
// draws the picture panels, writes the workbooks, the chart XML and the ZIP, synchronously in
// the click handler), median of N clicks.
// The peer: PptxGenJS (bench/office/, npm), the library web apps use to write editable charts,
// writing the same charts (from bench/data.js's library-neutral models, a slide per panel: native
// column, bar and line charts with data labels, the matrix as a table) in a page of the same
// Chromium, timed around its `write()`, median of N. Printed, never checked: the budget
// (under 300 ms a chart) is read off the table.
//   node bench/office.mjs [--n N] [--dist DIR]
import { existsSync, readFileSync } from "node:fs";
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

/** In a page with PptxGenJS loaded: writes `chart` (a bench/data.js model) as a deck, a slide a
 *  panel, `n` times; returns the ms of each write and the size of the last file. */
async function peerWrite([chart, n]) {
  const times = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const pptx = new PptxGenJS(); // eslint-disable-line no-undef
    pptx.layout = "LAYOUT_WIDE";
    for (const panel of chart.panels) {
      const slide = pptx.addSlide();
      slide.addText(chart.title, { x: 0.5, y: 0.3, w: 12.3, h: 0.6, fontSize: 26, bold: true });
      slide.addText(`${panel.title} · ${chart.subtitle}`, { x: 0.5, y: 0.9, w: 12.3, h: 0.5, fontSize: 15 });
      const box = { x: 0.5, y: 1.5, w: 12.3, h: 5.2, showValue: true, showLegend: true, legendPos: "t" };
      if (panel.kind === "columns") {
        const data = panel.series.map((s) => ({ name: s.name, labels: panel.categories, values: s.marks.map((m) => (m ? m.value : null)) }));
        slide.addChart(pptx.ChartType.bar, data, { ...box, barDir: "col", chartColors: panel.series.map((s) => s.color.slice(1)) });
      } else if (panel.kind === "bars") {
        const data = [{ name: panel.title, labels: panel.rows.map((r) => r.label), values: panel.rows.map((r) => r.value) }];
        slide.addChart(pptx.ChartType.bar, data, { ...box, barDir: "bar" });
      } else if (panel.kind === "timeline") {
        const data = [{ name: panel.name, labels: panel.points.map((p) => p.label), values: panel.points.map((p) => p.value) }];
        slide.addChart(pptx.ChartType.line, data, { ...box, lineSize: 0, lineDataSymbol: "circle" });
      } else if (panel.kind === "dots") {
        const data = panel.rows.map((r) => ({ name: r.label, labels: r.marks.map((m) => m.period), values: r.marks.map((m) => m.value) }));
        slide.addChart(pptx.ChartType.line, data, { ...box, lineSize: 0, lineDataSymbol: "circle" });
      } else {
        const rows = [[{ text: "" }, ...(panel.columns ?? []).map((c) => ({ text: c }))]];
        (panel.rows ?? []).forEach((r, i) => rows.push([{ text: String(r) }, ...(panel.counts?.[i] ?? []).map((c) => ({ text: String(c) }))]));
        slide.addTable(rows, { x: 0.5, y: 1.5, w: 12.3 });
      }
    }
    const bytes = await pptx.write({ outputType: "uint8array" });
    times.push(performance.now() - t0);
    size = bytes.length;
  }
  return { times, size };
}

/** bench/data.js's models of the five charts, built in Node from the dataset files. */
async function peerModels(lang) {
  const root = resolve(import.meta.dirname, "..");
  globalThis.fetch = async (path) => ({ text: async () => readFileSync(join(root, "assets/data", path.split("/").pop()), "utf8") });
  const { loadDataset, buildCharts } = await import("./data.js");
  return buildCharts(await loadDataset("/"), lang);
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
// The peer, when its npm package is installed (bench/office/; `make bench` installs it).
const bundle = join(import.meta.dirname, "office/node_modules/pptxgenjs/dist/pptxgen.bundle.js");
const peer = new Map();
if (existsSync(bundle)) {
  for (const lang of ["zh", "en"]) {
    let models = [];
    try {
      models = await peerModels(lang);
    } catch (e) {
      console.error(`the peer's chart models could not be built (${lang}): ${e.message}`);
    }
    const page = await browser.newPage();
    await page.addScriptTag({ path: bundle });
    for (const chart of models) {
      const { times, size } = await page.evaluate(peerWrite, [chart, n]);
      peer.set(`${lang} ${chart.id}`, { ms: median(times), kb: size / 1000 });
    }
    await page.close();
  }
} else {
  console.error(`no ${bundle}: run npm ci --prefix bench/office for the peer column`);
}
await browser.close();
await server.close();

console.log(`\nPowerPoint written in the page (median [min–max] of ${n} clicks; budget: under 300 ms a chart)`);
console.log("PptxGenJS: the same charts' panels as native charts, in a page of the same Chromium, median of its write()");
console.log("lang  file                  FTZ Atlas ms  [min–max]           size      PptxGenJS ms   size      ratio");
for (const r of rows) {
  const p = peer.get(`${r.lang} ${r.label}`);
  const ours = `${r.lang.padEnd(5)} ${r.label.padEnd(21)} ${r.ms.toFixed(1).padStart(8)}      [${r.min.toFixed(1)}–${r.max.toFixed(1)}]`.padEnd(60);
  const theirs = p ? `${p.ms.toFixed(1).padStart(8)}       ${p.kb.toFixed(1).padStart(6)} KB   ${(r.ms / p.ms).toFixed(2)}×` : "";
  console.log(`${ours}${r.kb.toFixed(1).padStart(6)} KB  ${theirs}`);
}
