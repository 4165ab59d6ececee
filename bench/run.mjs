// Benchmark: FTZ Atlas's release build against the same five charts drawn with Apache ECharts and
// with Chart.js, and a blank page (the floor), in Debian's Chromium driven by playwright-core.
//
//   node bench/run.mjs [--quick] [--n N] [--dist ../dist] [--screenshots] [--size-budget KB]
//
// --quick           3 loads per target and condition instead of 10 (--n N sets any number)
// --dist DIR        FTZ Atlas's release build (default ../dist, i.e. the repository's dist/); a
//                   relative path is taken from the current directory, or else from bench/
// --screenshots     writes one full-page screenshot per target into bench/out/ (to check the peers)
// --size-budget KB  the size gate: exits 1, after the tables, when the gzip total of the build
//                   (every file of DIST gzipped at level 9, as scripts/size.mjs counts it) is
//                   over KB (1 KB = 1000 bytes). Meant for `--quick` runs; works in any mode.
//
// Every file is served gzip-compressed (level 9, Content-Encoding: gzip) by a small static server
// on 127.0.0.1, so transfer sizes are real. Each load opens a fresh browser context (empty cache),
// and the targets load in rotating order. Two conditions: localhost as it is, and a throttled one
// (10 Mbit/s down and up, 40 ms latency, 4× CPU slowdown, through the DevTools protocol).
// It prints medians with min–max and the ratios FTZ Atlas ÷ peer as a plain-text table. It never
// fails on a timing: figures are printed, not judged. Only the size gate can fail it.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ssrPage } from "./echarts-ssr/build.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = "usage: node bench/run.mjs [--quick] [--n N] [--dist DIR] [--screenshots] [--size-budget KB]";

function parseArgs(argv) {
  const opts = { quick: false, n: null, dist: "../dist", screenshots: false, sizeBudget: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") opts.quick = true;
    else if (a === "--screenshots") opts.screenshots = true;
    else if (a === "--n") opts.n = Number(argv[++i]);
    else if (a === "--dist") opts.dist = argv[++i];
    else if (a.startsWith("--dist=")) opts.dist = a.slice(7);
    else if (a.startsWith("--n=")) opts.n = Number(a.slice(4));
    else if (a === "--size-budget") opts.sizeBudget = Number(argv[++i]);
    else if (a.startsWith("--size-budget=")) opts.sizeBudget = Number(a.slice(14));
    else {
      console.error(`unknown argument: ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  if (opts.sizeBudget != null && !(opts.sizeBudget > 0)) {
    console.error(`--size-budget needs a positive number of KB (1 KB = 1000 bytes)\n${USAGE}`);
    process.exit(2);
  }
  if (!(Number.isInteger(opts.n ?? 1) && (opts.n ?? 1) > 0)) {
    console.error(`--n needs a positive whole number\n${USAGE}`);
    process.exit(2);
  }
  opts.n = opts.n ?? (opts.quick ? 3 : 10);
  // A relative --dist: from the current directory if it is there, else from bench/.
  const fromCwd = resolve(opts.dist);
  opts.dist = existsSync(join(fromCwd, "index.html")) ? fromCwd : resolve(BENCH, opts.dist);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(join(opts.dist, "index.html"))) {
  console.error(`No FTZ Atlas build at ${opts.dist} (index.html missing). Build it first (make test, or trunk build --release).`);
  process.exit(1);
}

/** The pages measured. `redraw`: the page has a series switch to time (each page counts its
 *  finished draws in body[data-drawn]). */
const TARGETS = [
  // FTZ Atlas: the draw is synchronous and sets body[data-drawn] when it has finished.
  // `export`: it also has a download menu; its PNG (4×) is timed (after the other interactions).
  // `visible`: what shows the charts in the page's HTML (the prerendered SVGs); without it the
  // charts are visible once drawn (ready).
  { key: "atlas", name: "FTZ Atlas", path: "/", redraw: true, export: true, visible: { selector: "svg.pre-svg", count: 5 } },
  // Peers: they set body[data-drawn] after their library reports the redraw done.
  { key: "echarts", name: "ECharts", path: "/bench/echarts/", redraw: true },
  { key: "chartjs", name: "Chart.js", path: "/bench/chartjs/", redraw: true },
  // ECharts' server-side renderer, at build time: SVG in the HTML, no script (bench/echarts-ssr/).
  { key: "ssr", name: "ECharts (SSR)", path: "/bench/echarts-ssr/", redraw: false, visible: { selector: ".panel svg", count: 11 } },
  // The floor: no script, nothing to redraw.
  { key: "blank", name: "blank", path: "/bench/blank/", redraw: false },
];

const CONDITIONS = [
  { key: "plain", title: "localhost, no throttling" },
  {
    key: "throttled",
    title: "throttled: 10 Mbit/s down and up, 40 ms latency, 4x CPU slowdown",
    network: { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 },
    cpu: 4,
  },
];

const VIEWPORT = { width: 1280, height: 900 };
const READY_TIMEOUT = 60_000;
const DOWNLOAD_TIMEOUT = 30_000;

/** FTZ Atlas's export: the chart card, and the menu item's text in either language. */
const EXPORT = { card: "#nev-exports", texts: ["PNG 图片（4倍）", "PNG image (4×)"], scale: 4 };

// ---------------------------------------------------------------------------------------------
// The static server: every file gzip-compressed once, in memory, served from 127.0.0.1.

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * Every served file by its URL, gzipped once. `files.dist` lists the URLs of the files of the
 * build (each file of DIST once; "/" is a second route to index.html and is not in it).
 */
function routes(dist, ssrHtml) {
  const files = new Map();
  files.dist = [];
  const add = (url, file) => {
    const body = readFileSync(file);
    files.set(url, { type: TYPES[extname(file)] ?? "application/octet-stream", gz: gzipSync(body, { level: 9 }), raw: body.length });
  };
  // FTZ Atlas at the root: its index.html refers to its files by absolute paths (<base href=/>).
  for (const name of readdirSync(dist)) {
    if (!statSync(join(dist, name)).isFile()) continue;
    add(`/${name}`, join(dist, name));
    files.dist.push(`/${name}`);
  }
  add("/", join(dist, "index.html"));
  // The peers, their shared module, the dataset they read, and the libraries' npm builds.
  for (const page of ["echarts", "chartjs", "blank"]) add(`/bench/${page}/`, join(BENCH, page, "index.html"));
  const ssr = Buffer.from(ssrHtml);
  files.set("/bench/echarts-ssr/", { type: TYPES[".html"], gz: gzipSync(ssr, { level: 9 }), raw: ssr.length });
  add("/bench/data.js", join(BENCH, "data.js"));
  add("/bench/echarts/options.js", join(BENCH, "echarts/options.js"));
  add("/bench/data/figures.csv", join(ROOT, "assets/data/figures.csv"));
  add("/bench/data/dictionary.csv", join(ROOT, "assets/data/dictionary.csv"));
  add("/vendor/echarts.min.js", join(BENCH, "node_modules/echarts/dist/echarts.min.js"));
  add("/vendor/chart.umd.js", join(BENCH, "node_modules/chart.js/dist/chart.umd.js"));
  return files;
}

function serve(files) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": file.type,
      "content-encoding": "gzip",
      "content-length": file.gz.length,
      "cache-control": "no-cache",
      vary: "accept-encoding",
    });
    res.end(file.gz);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      ok({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// In-page code (serialized by playwright into the page)

/**
 * Installed before any script of the page: records when body[data-ready] becomes "1" (a
 * mutation observer runs right after the script that set it), and keeps FTZ Atlas's wasm
 * exports, which its loader (boot.js) passes in its TrunkApplicationStarted event.
 */
function initScript(visible) {
  const bench = (window.__bench = { ready: null, wasm: null, visible: null, lcp: null });
  // Charts visible: the first animation frame in which every chart of the page is in the
  // document with a box (`visible`: the charts of its HTML), or has been drawn (ready).
  const shown = () =>
    document.body?.dataset.ready === "1" ||
    (visible != null &&
      [...document.querySelectorAll(visible.selector)].filter((e) => e.getBoundingClientRect().width > 0).length >= visible.count);
  const frame = () => (shown() ? (bench.visible = performance.now()) : requestAnimationFrame(frame));
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const observer = new MutationObserver(() => {
    if (document.body?.dataset.ready === "1") {
      bench.ready = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
  addEventListener("TrunkApplicationStarted", (e) => (bench.wasm = e.detail?.wasm ?? null));
}

/** Paint entries and the ready time, in ms since navigation start. */
function loadTimes() {
  const paint = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const { ready, lcp } = window.__bench;
  const fp = paint("first-paint");
  // The frame's callbacks run before it paints: nothing is visible before the first paint.
  const visible = window.__bench.visible == null ? null : Math.max(window.__bench.visible, fp ?? 0);
  return { fp, fcp: paint("first-contentful-paint"), ready, visible, lcp };
}

/**
 * Clicks the first series switch of #nev-exports and returns the ms until the animation frame
 * after the chart was redrawn (null if no redraw was seen within 10 s).
 */
async function redrawOnce() {
  const card = document.querySelector("#nev-exports");
  const button = card.querySelector(".series-toggle");
  const drawn = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve(true);
    });
    // Every page counts its finished draws in body[data-drawn].
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-drawn"] });
    setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, 10_000);
  });
  const t0 = performance.now();
  button.click();
  if (!(await drawn)) return null;
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}

/** Clicks .lang-switch; ms until the h1 text has changed and two animation frames have passed. */
async function switchLanguage() {
  const header = document.querySelector("h1").parentElement;
  const before = document.querySelector("h1").textContent;
  const changed = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector("h1")?.textContent !== before) {
        observer.disconnect();
        resolve(true);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(header, { subtree: true, childList: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, 10_000);
  });
  const t0 = performance.now();
  document.querySelector(".lang-switch").click();
  if (!(await changed)) return null;
  await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}

/**
 * Opens the download menu of the export card (a click on its `.export-menu summary`); returns the
 * CSS width of the card's canvas, which the PNG export scales, or null when something is missing.
 */
function openExportMenu(card) {
  const el = document.querySelector(card);
  const summary = el?.querySelector(".export-menu summary");
  if (!summary) return null;
  summary.click();
  return el.querySelector("canvas")?.clientWidth ?? null;
}

/**
 * Clicks the menu item whose text is one of `texts` (Chinese or English page); returns the ms
 * the click took (FTZ Atlas draws the PNG's canvas synchronously in the handler, then asks for
 * the blob), or null when there is no such item.
 */
function clickExport({ card, texts }) {
  const button = [...document.querySelectorAll(`${card} .export-menu button`)].find((b) =>
    texts.includes(b.textContent.trim()),
  );
  if (!button) return null;
  const t0 = performance.now();
  button.click();
  return performance.now() - t0;
}

/** Waits for two animation frames and a short pause, so the page is idle before a measurement. */
async function settle() {
  await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 150));
}

/** JS heap in use (precise with --enable-precise-memory-info) and the wasm memory, in bytes. */
function memory() {
  return {
    heap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__bench.wasm?.memory?.buffer?.byteLength ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// One load

/** Opens a fresh context and page under `condition`, with bytes and requests counted over CDP. */
async function openPage(browser, url, condition, visible = null) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN", acceptDownloads: true });
  await context.addInitScript(initScript, visible);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  const net = { bytes: 0, requests: 0, failed: 0 };
  cdp.on("Network.requestWillBeSent", () => net.requests++);
  cdp.on("Network.loadingFinished", (e) => (net.bytes += e.encodedDataLength));
  cdp.on("Network.loadingFailed", () => net.failed++);
  await cdp.send("Network.enable");
  if (condition.network) await emulateNetwork(cdp, condition.network);
  if (condition.cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: condition.cpu });
  await page.goto(url, { waitUntil: "commit" });
  return { context, page, cdp, net, errors };
}

/** Network.emulateNetworkConditions (deprecated in recent Chromium, still served); else by rule. */
async function emulateNetwork(cdp, conditions) {
  try {
    await cdp.send("Network.emulateNetworkConditions", conditions);
  } catch {
    const { latency, downloadThroughput, uploadThroughput } = conditions;
    await cdp.send("Network.emulateNetworkConditionsByRule", {
      matchedNetworkConditions: [{ urlPattern: "", latency, downloadThroughput, uploadThroughput }],
    });
  }
}

/** Loads `target` once; returns its figures (ms, bytes), or { error }. */
async function measureLoad(browser, origin, target, condition, screenshot) {
  const { context, page, net, errors } = await openPage(browser, origin + target.path, condition, target.visible ?? null);
  try {
    await page.waitForFunction(() => window.__bench?.ready != null, null, { timeout: READY_TIMEOUT, polling: 50 });
    await page.evaluate(settle);
    const times = await page.evaluate(loadTimes);
    const sample = { ...times, bytes: net.bytes, requests: net.requests, failed: net.failed };
    if (target.redraw) {
      sample.redraw = await page.evaluate(redrawOnce);
      await page.evaluate(settle);
      await page.evaluate(redrawOnce); // switch the series back on, not measured
      await page.evaluate(settle);
      sample.lang = await page.evaluate(switchLanguage);
    }
    if (target.export) {
      await page.evaluate(settle);
      Object.assign(sample, await measureExport(page));
    }
    if (screenshot) {
      mkdirSync(join(BENCH, "out"), { recursive: true });
      await page.screenshot({ path: join(BENCH, "out", `${target.key}-${condition.key}.png`), fullPage: true });
    }
    sample.errors = errors;
    return sample;
  } catch (e) {
    return { error: String(e).split("\n")[0], errors };
  } finally {
    await context.close();
  }
}

/**
 * FTZ Atlas's "PNG (4×)" of the export card: opens its menu, then times, in this process, from
 * just before the click on the menu item until playwright's `download` event. Also returns what
 * the click itself took in the page, the canvas's CSS width and the PNG's size (from its header).
 */
async function measureExport(page) {
  const out = { exportMs: null, exportClick: null, exportCss: null, png: null, exportProblem: null };
  out.exportCss = await page.evaluate(openExportMenu, EXPORT.card);
  if (out.exportCss == null) {
    out.exportProblem = `no ${EXPORT.card} .export-menu summary or canvas`;
    return out;
  }
  await page.evaluate(settle);
  const seen = page.waitForEvent("download", { timeout: DOWNLOAD_TIMEOUT }).then(
    (download) => ({ download, at: performance.now() }),
    () => null,
  );
  const t0 = performance.now();
  out.exportClick = await page.evaluate(clickExport, EXPORT);
  if (out.exportClick == null) {
    out.exportProblem = `no menu item "${EXPORT.texts.join('" or "')}" in ${EXPORT.card}`;
    return out;
  }
  const got = await seen;
  if (!got) {
    out.exportProblem = `no download within ${DOWNLOAD_TIMEOUT / 1000} s of the PNG (4×) click`;
    return out;
  }
  out.exportMs = got.at - t0;
  // Not timed: the file, to check it is the 4× PNG (its IHDR holds width and height).
  const name = got.download.suggestedFilename();
  const path = await got.download.path();
  const bytes = readFileSync(path);
  if (bytes.length >= 24 && bytes.toString("latin1", 1, 4) === "PNG") {
    out.png = { name, bytes: bytes.length, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (!out.png || !name.endsWith(`@${EXPORT.scale}x.png`)) out.exportProblem = `the download is not a ${EXPORT.scale}× PNG: ${name}`;
  else if (out.png.width !== out.exportCss * EXPORT.scale) {
    out.exportProblem = `the PNG is ${out.png.width} px wide, not ${EXPORT.scale} × ${out.exportCss} (the canvas's CSS width)`;
  }
  return out;
}

/** JS heap (after a forced GC) and wasm memory after load and after 100 redraws, plain network. */
async function measureMemory(browser, origin, target) {
  const { context, page, cdp } = await openPage(browser, origin + target.path, CONDITIONS[0]);
  try {
    await page.waitForFunction(() => window.__bench?.ready != null, null, { timeout: READY_TIMEOUT, polling: 50 });
    await page.evaluate(settle);
    await cdp.send("HeapProfiler.collectGarbage");
    const afterLoad = await page.evaluate(memory);
    let afterRedraws = null;
    if (target.redraw) {
      for (let i = 0; i < 100; i++) await page.evaluate(redrawOnce);
      await page.evaluate(settle);
      await cdp.send("HeapProfiler.collectGarbage");
      afterRedraws = await page.evaluate(memory);
    }
    return { afterLoad, afterRedraws };
  } catch (e) {
    return { error: String(e).split("\n")[0] };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and the table

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Rows of the table: label, how to read a sample, how to print a value. */
const FIGURES = [
  { label: "transfer, KB (gzip + headers)", get: (s) => s.bytes / 1000, fmt: (v) => v.toFixed(1) },
  { label: "requests", get: (s) => s.requests, fmt: (v) => String(Math.round(v)) },
  { label: "first paint, ms", get: (s) => s.fp, fmt: ms },
  { label: "first contentful paint, ms", get: (s) => s.fcp, fmt: ms },
  { label: "largest contentful paint, ms", get: (s) => s.lcp, fmt: ms },
  { label: "charts visible, ms", get: (s) => s.visible, fmt: ms },
  { label: "all charts drawn (ready), ms", get: (s) => s.ready, fmt: ms },
  { label: "redraw after series switch, ms", get: (s) => s.redraw, fmt: ms },
  { label: "switch language, ms", get: (s) => s.lang, fmt: ms },
  { label: "export PNG 4x, click to download, ms", get: (s) => s.exportMs, fmt: ms },
  { label: "  of which the click handler, ms", get: (s) => s.exportClick, fmt: ms },
];

function ms(v) {
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

/** "median [min–max]" of the samples' values, or "–" when none. */
function cell(values, fmt) {
  if (!values.length) return { text: "–", median: null };
  const m = median(values);
  const text = values.length > 1 ? `${fmt(m)} [${fmt(Math.min(...values))}–${fmt(Math.max(...values))}]` : fmt(m);
  return { text, median: m };
}

const PEERS = ["echarts", "chartjs", "ssr"];

function printTable(condition, results, n) {
  const peers = TARGETS.filter((t) => PEERS.includes(t.key));
  const header = ["", ...TARGETS.map((t) => t.name), ...peers.map((p) => `Atlas÷${p.name}`)];
  const rows = FIGURES.map((f) => {
    const cells = TARGETS.map((t) => cell(results[t.key].map(f.get).filter((v) => v != null && Number.isFinite(v)), f.fmt));
    const ratios = peers.map((p) => {
      const a = cells[0].median;
      const b = cells[TARGETS.indexOf(p)].median;
      return a != null && b ? (a / b).toFixed(2) : "–";
    });
    return [f.label, ...cells.map((c) => c.text), ...ratios];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${condition.title}: median [min–max] of ${n} loads per target`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));
  const png = results.atlas.find((s) => s.png);
  if (png) {
    console.log(
      `(export: ${png.png.name}, ${png.png.width}×${png.png.height} px, ${(png.png.bytes / 1000).toFixed(0)} KB; ` +
        `canvas ${png.exportCss} CSS px wide at this viewport, so ${EXPORT.scale}× = ${png.png.width} px; English page, after the language switch)`,
    );
  }
}

function printMemory(memory) {
  const mb = (b) => (b == null ? "–" : `${(b / 1e6).toFixed(2)} MB`);
  console.log("\nmemory (one extra load per target, no throttling, after a forced GC)");
  const rows = [["", "after load", "after 100 redraws"]];
  for (const t of TARGETS) {
    const m = memory[t.key];
    if (m.error) {
      rows.push([`${t.name}: error`, m.error, ""]);
      continue;
    }
    rows.push([`${t.name} JS heap`, mb(m.afterLoad.heap), mb(m.afterRedraws?.heap)]);
    if (m.afterLoad.wasm != null) rows.push([`${t.name} wasm memory`, mb(m.afterLoad.wasm), mb(m.afterRedraws?.wasm)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, j) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
    if (j === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
  if (memory.atlas.afterLoad && memory.atlas.afterLoad.wasm == null) {
    console.log("(FTZ Atlas's wasm memory was not reachable: its TrunkApplicationStarted event carried no exports)");
  }
}

/**
 * Issue 13's budgets, as ratios of this run's medians: printed with "holds" or "NOT HELD", never
 * failing the run (timings vary between runs on a shared machine by more than some margins).
 */
function printBudgets(byCondition) {
  const med = (cond, key, get) => {
    const values = (byCondition[cond]?.[key] ?? []).map(get).filter((v) => v != null && Number.isFinite(v));
    return values.length ? median(values) : null;
  };
  const rows = [];
  const ratio = (label, a, b, limit) => {
    const r = a != null && b ? a / b : null;
    rows.push([label, r == null ? "–" : r.toFixed(2), `≤ ${limit}`, r == null ? "no data" : r <= limit ? "holds" : "NOT HELD"]);
  };
  const absolute = (label, v, limit, unit) => {
    rows.push([label, v == null ? "–" : `${ms(v)} ${unit}`, `≤ ${limit} ${unit}`, v == null ? "no data" : v <= limit ? "holds" : "NOT HELD"]);
  };
  const fp = (s) => s.fp;
  const ready = (s) => s.ready;
  const visible = (s) => s.visible;
  ratio("charts visible ÷ blank's first paint, throttled", med("throttled", "atlas", visible), med("throttled", "blank", fp), 1.3);
  ratio("charts visible ÷ Chart.js all charts drawn, throttled", med("throttled", "atlas", visible), med("throttled", "chartjs", ready), 0.5);
  for (const cond of ["plain", "throttled"]) {
    for (const peer of PEERS) {
      const name = TARGETS.find((t) => t.key === peer).name;
      ratio(`first paint ÷ ${name}'s, ${cond === "plain" ? "localhost" : "throttled"}`, med(cond, "atlas", fp), med(cond, peer, fp), 1);
    }
  }
  ratio("interactive (ready) ÷ Chart.js's, throttled", med("throttled", "atlas", ready), med("throttled", "chartjs", ready), 0.8);
  ratio("interactive (ready) ÷ ECharts's, throttled", med("throttled", "atlas", ready), med("throttled", "echarts", ready), 0.4);
  absolute("redraw after a series switch, localhost", med("plain", "atlas", (s) => s.redraw), 8, "ms");
  absolute("language switch, localhost", med("plain", "atlas", (s) => s.lang), 40, "ms");
  ratio("total transfer ÷ ECharts's", med("plain", "atlas", (s) => s.bytes), med("plain", "echarts", (s) => s.bytes), 0.65);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  console.log("\nbudgets (issue 13), FTZ Atlas, ratios of this run's medians:");
  rows.forEach((r) => console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")));
  const kb = (paths) => (paths.reduce((sum, p) => sum + (files.get(p)?.gz.length ?? 0), 0) / 1000).toFixed(1);
  console.log(
    `bytes before the charts are visible (HTML + CSS, gzip): FTZ Atlas ${kb(["/", "/style.css", "/prefs.js"])} KB ` +
      `(index.html with the prerendered charts, style.css, prefs.js); ECharts (SSR) ${kb(["/bench/echarts-ssr/"])} KB (HTML, CSS inline)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Main

const files = routes(opts.dist, await ssrPage("zh"));
const server = await serve(files);
const gz = (p) => (files.get(p).gz.length / 1000).toFixed(1);
// The build's gzip total, counted as scripts/size.mjs counts it: gzip level 9 bodies, no headers.
// office.wasm (the PowerPoint writer) is fetched only when a reader asks for a PowerPoint file:
// reported, not counted, as scripts/size.mjs does.
const onDemand = (p) => p === "/office.wasm";
const distGzip = files.dist.filter((p) => !onDemand(p)).reduce((sum, p) => sum + files.get(p).gz.length, 0) / 1000;
if (files.has("/office.wasm")) console.log(`on demand, not counted: office.wasm ${gz("/office.wasm")} KB gzip`);
console.log(`FTZ Atlas build: ${opts.dist} (${files.dist.length} files, ${distGzip.toFixed(1)} KB gzip)`);
console.log(`served gzip (level 9) on ${server.origin}; libraries: echarts.min.js ${gz("/vendor/echarts.min.js")} KB, chart.umd.js ${gz("/vendor/chart.umd.js")} KB gzip`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--enable-precise-memory-info",
  ],
});
console.log(`browser: Chromium ${browser.version()}, headless, viewport ${VIEWPORT.width}x${VIEWPORT.height} at DPR 1; ${opts.n} loads per target and condition, rotating order`);

const problems = [];
const byCondition = {};
try {
  // One load of each target, not counted: starts the browser's processes and the OS file cache.
  for (const t of TARGETS) await measureLoad(browser, server.origin, t, CONDITIONS[0], false);

  for (const condition of CONDITIONS) {
    const results = Object.fromEntries(TARGETS.map((t) => [t.key, []]));
    for (let round = 0; round < opts.n; round++) {
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]);
      for (const t of order) {
        const screenshot = opts.screenshots && round === 0;
        const s = await measureLoad(browser, server.origin, t, condition, screenshot);
        process.stderr.write(".");
        if (s.error) problems.push(`${condition.key} ${t.name}: ${s.error}`);
        else results[t.key].push(s);
        for (const e of s.errors ?? []) problems.push(`${condition.key} ${t.name}: page error: ${e}`);
        if (s.failed) problems.push(`${condition.key} ${t.name}: ${s.failed} request(s) failed`);
        if (!s.error && t.redraw && (s.redraw == null || s.lang == null)) {
          problems.push(`${condition.key} ${t.name}: a redraw or language switch was not seen within 10 s`);
        }
        if (s.exportProblem) problems.push(`${condition.key} ${t.name}: export: ${s.exportProblem}`);
      }
    }
    process.stderr.write("\n");
    printTable(condition, results, opts.n);
    byCondition[condition.key] = results;
  }

  const memory = {};
  for (const t of TARGETS) memory[t.key] = await measureMemory(browser, server.origin, t);
  printMemory(memory);
} finally {
  await browser.close();
  await server.close();
}

if (problems.length) {
  console.log(`\nproblems seen (${problems.length}):`);
  [...new Set(problems)].forEach((p) => console.log(`  ${p}`));
}

printBudgets(byCondition);

// The size gate (--size-budget): the only check that fails the run. Timings are never judged.
console.log(`\nsize: FTZ Atlas build ${distGzip.toFixed(1)} KB gzip (level 9, every file of ${opts.dist})`);
if (opts.sizeBudget != null) {
  if (distGzip > opts.sizeBudget) {
    console.log(`OVER BUDGET: ${(distGzip - opts.sizeBudget).toFixed(1)} KB over the ${opts.sizeBudget} KB budget`);
    process.exitCode = 1;
  } else {
    console.log(`within the ${opts.sizeBudget} KB budget (${(opts.sizeBudget - distGzip).toFixed(1)} KB to spare)`);
  }
}
