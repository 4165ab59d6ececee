import { serve, launch } from "./harness.mjs";
import { writeFileSync } from "node:fs";
const s = await serve("/tmp/dist-prof");
const b = await launch();
const c = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await c.newPage();
await p.goto(s.url); await p.waitForFunction(() => document.body.dataset.ready === "1");
await p.waitForTimeout(500);
const cdp = await c.newCDPSession(p);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
const which = process.argv[2] ?? "lang";
await cdp.send("Profiler.start");
const t0 = Date.now();
for (let i = 0; i < 10; i++) {
  if (which === "lang") {
    await p.evaluate(() => new Promise((r) => { const before = document.querySelector("h1").textContent; document.querySelector(".lang-switch").click(); const chk = () => document.querySelector("h1").textContent !== before ? requestAnimationFrame(() => r()) : setTimeout(chk, 0); chk(); }));
  } else {
    await p.evaluate(() => new Promise((r) => { document.querySelector("#nev-exports .series-toggle").click(); setTimeout(() => requestAnimationFrame(() => r()), 0); }));
  }
}
console.log("elapsed", Date.now() - t0);
const { profile } = await cdp.send("Profiler.stop");
// self time by function
const dt = {}; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const name = n.callFrame.functionName || "(anon " + n.callFrame.url.split("/").pop() + ")"; dt[name] = (dt[name] ?? 0) + (profile.timeDeltas[i] ?? 0); }
const total = Object.values(dt).reduce((a, b) => a + b, 0);
console.log("total sampled ms", (total / 1000).toFixed(1));
for (const [k, v] of Object.entries(dt).sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 150));
// inclusive time for selected frames
await b.close(); await s.close();
