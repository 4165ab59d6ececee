import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, open, serve, OUT } from "./harness.mjs";
mkdirSync(OUT, { recursive: true });
const HEADER = "id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en";
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
const [n, years, first, metrics] = (process.argv[2] ?? "1000,150,1900,1").split(",").map(Number);
const server = await serve(process.env.PROBE_DIST); const browser = await launch();
const { page } = await open(browser, `${server.url}?lang=en`, { viewport: { width: 1280, height: 900 } });
const t0 = Date.now();
page.on("console", (m) => { if (m.text().startsWith("LAP")) console.log(Date.now() - t0, m.text()); });
await page.evaluate(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask" }); });
const path = join(OUT, "probe.csv"); writeFileSync(path, districts(n, years, first, metrics));
await page.setInputFiles(".import input[type=file]", path);
await page.waitForSelector(".import-ok", { timeout: 300000 });
await page.waitForTimeout(500);
await page.evaluate(() => { window.__lt = []; });
console.log("ADD at", Date.now() - t0);


const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 }); await cdp.send("Profiler.start");
await page.click(".import-add");
await page.waitForSelector(".import-loaded li", { timeout: 120000 });
await page.waitForTimeout(8000);
await cdp.send("Profiler.stop"); await cdp.send("Profiler.start");
await page.evaluate(() => { window.__lt = []; });
if (process.env.PROBE_TABLE) {
  await page.click("#areas .scope-all"); await page.waitForSelector("#areas .data-table"); await page.waitForTimeout(1500);
  await cdp.send("Profiler.stop"); await cdp.send("Profiler.start"); await page.evaluate(() => { window.__lt = []; });
  for (let i = 0; i < 6; i++) { await page.click("#areas .table-more button"); await page.waitForTimeout(800); }
} else {
await page.click(process.env.PROBE_CLICK ?? ".import-reset");
await page.waitForTimeout(6000);
}
const { profile } = await cdp.send("Profiler.stop");
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); const incl = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  const seen = new Set(); for (let p = id; p !== undefined; p = parent.get(p)) { const f = byId.get(p).callFrame.functionName; if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + (dt[i] ?? 0) / 1000); } } });
console.log("SELF\n" + [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0)} ms ${k.slice(0, 150)}`).join("\n"));
console.log("INCL\n" + [...incl].filter(([k]) => /ftz_atlas/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0)} ms ${k.slice(0, 160)}`).join("\n"));
const lt = await page.evaluate(() => window.__lt);
console.log("long tasks (start, ms):", JSON.stringify(lt), "longest", Math.max(0, ...lt.map((x) => x[1])));
await browser.close(); await server.close();
