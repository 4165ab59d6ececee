import { serve, launch } from "./harness.mjs";
const A = await serve("/tmp/dist-A"), B = await serve("/tmp/dist-B");
const b = await launch();
const res = { A: [], B: [] };
for (let i = 0; i < 12; i++) for (const [k, s] of i % 2 ? [["A", A], ["B", B]] : [["B", B], ["A", A]]) {
  const c = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await c.newPage();
  await p.goto(s.url); await p.waitForFunction(() => document.body.dataset.ready === "1");
  const r = await p.evaluate(() => ({ fp: performance.getEntriesByName("first-paint")[0]?.startTime, ready: performance.now() }));
  res[k].push(r); await c.close();
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
for (const k of ["A", "B"]) console.log(k, "fp", med(res[k].map((r) => r.fp)).toFixed(0), "ready~", med(res[k].map((r) => r.ready)).toFixed(0));
await b.close(); await A.close(); await B.close();
