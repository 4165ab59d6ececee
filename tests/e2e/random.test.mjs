// A random-action test: 2,000 clicks, key presses and imports with a fixed seed (set
// FTZ_SEED to replay another), ending with no console error, no panic banner, and a page
// that still draws every chart. Links that would leave the page are not clicked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useApp, canvasStats } from "./harness.mjs";

const env = useApp();
const SEED = Number(process.env.FTZ_SEED ?? 20261128);
const ACTIONS = Number(process.env.FTZ_ACTIONS ?? 2000);

/** mulberry32: a small seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n";
const KEYS = ["Tab", "Shift+Tab", "Enter", "Escape", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", " ", "PageDown"];

/** A file to import: good, bad, hostile or random bytes. */
function randomFile(r, n) {
  const kind = Math.floor(r() * 5);
  const id = `r${n}`;
  switch (kind) {
    case 0:
      return { name: `good-${n}.csv`, text: `${HEADER}${id},area_market_entities_cumulative,xiyong,asof:2024-${String(1 + (n % 12)).padStart(2, "0")},exact,${1000 + n},enterprises,,,,\n` };
    case 1:
      return { name: `bad-${n}.csv`, text: `${HEADER}${id},nope,ftz,20x3,roughly,lots,carts,,,,\n` };
    case 2:
      return { name: `<img src=x onerror=alert(${n})>.csv`, text: `${HEADER}${id},ftz_nev_exports,ftz,${2026 + (n % 3)},exact,${n},vehicles,,"=HYPERLINK(""x"")","<script>window.__pwned=1</script>",\n` };
    case 3:
      return { name: `data-${n}.json`, text: JSON.stringify([{ id, metric: "city_foreign_trade_total", scope: "city", period: "2030", qualifier: "about", value: 9000 + n, unit: "yi_yuan" }]) };
    default: {
      const bytes = Buffer.alloc(1 + Math.floor(r() * 300));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
      return { name: `noise-${n}.bin`, buffer: bytes };
    }
  }
}

test(`${ACTIONS} random actions (seed ${SEED}) leave no console error and no panic`, { timeout: 900_000 }, async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { viewport: { width: 1100, height: 800 } });
  page.on("dialog", (d) => d.dismiss());
  const r = rng(SEED);
  const log = [];
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) log.push(`navigated: ${f.url()} after ${log.filter((l) => !l.startsWith("navigated")).slice(-3).join(" | ")}`);
  });
  for (let n = 0; n < ACTIONS; n++) {
    const choice = r();
    try {
      if (choice < 0.55) {
        // Click a random visible control that stays on the page (canvases with the mouse, at
        // a random point, so hit testing runs; the rest with a DOM click, one round trip).
        const picked = await page.evaluate(([x, y, z]) => {
          const all = [...document.querySelectorAll("button:not([disabled]), summary, input[type=checkbox], canvas[data-chart], a[href^='#']")]
            .filter((e) => e.getClientRects().length > 0 && !e.closest(".import-pick"));
          if (all.length === 0) return null;
          const el = all[Math.floor(x * all.length)];
          const what = `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 60);
          if (el.tagName === "CANVAS") {
            el.scrollIntoView({ block: "center" });
            const r = el.getBoundingClientRect();
            return { what, at: [r.left + y * r.width, r.top + z * r.height] };
          }
          el.click();
          return { what };
        }, [r(), r(), r()]);
        if (!picked) {
          const state = await page.evaluate(() => `${document.querySelector("main")?.className ?? "no main"} ${location.search} ${document.body.innerText.slice(0, 60).replace(/\s+/g, " ")}`);
          log.push(`skip: nothing to click (${state})`);
          continue;
        }
        log.push(`click ${picked.what}`);
        if (picked.at) await page.mouse.click(picked.at[0], picked.at[1]);
      } else if (choice < 0.9) {
        const key = KEYS[Math.floor(r() * KEYS.length)];
        log.push(`key ${key}`);
        await page.keyboard.press(key);
      } else {
        const f = randomFile(r, n);
        log.push(`import ${f.name}`);
        const input = await page.$(".import input[type=file]");
        if (!input || (await input.isDisabled())) continue;
        await input.setInputFiles({ name: f.name, mimeType: "application/octet-stream", buffer: f.buffer ?? Buffer.from(f.text) });
        // Add it when it passes, sometimes.
        if (r() < 0.7) await page.click(".import-add", { timeout: 500 }).catch(() => {});
      }
    } catch (e) {
      // A target that went away between listing and clicking is fine; a closed page is not.
      if (page.isClosed()) throw e;
      log.push(`skip: ${String(e).split("\n")[0]}`);
    }
    if (errors.length > 0) break;
  }
  const counts = (p) => log.filter((l) => l.startsWith(p)).length;
  const skips = [...new Set(log.filter((l) => l.startsWith("skip")))].slice(0, 5);
  for (const n of log.filter((l) => l.startsWith("navigated")).slice(0, 3)) console.log(`# ${n}`);
  console.log(`# ${counts("import")} imports, ${counts("click")} clicks, ${counts("key")} keys, ${counts("skip")} skipped (${skips.join(" | ")})`);
  assert.ok(errors.length > 0 || (counts("import") > ACTIONS / 20 && counts("click") > ACTIONS / 3 && counts("key") > ACTIONS / 5), `too few actions of a kind: ${counts("import")} imports, ${counts("click")} clicks, ${counts("key")} keys; ${counts("skip")} skipped: ${skips.join(" | ")}`);
  // Still a working page: out of presentation mode, every chart drawn.
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  const panic = await page.$(".panic-banner:not([hidden])");
  assert.equal(panic, null, `panic after: ${log.slice(-20).join(" | ")}`);
  assert.deepEqual(errors, [], `console errors after: ${log.slice(-20).join(" | ")}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  if (!(await page.$(".presenting"))) {
    const stats = await canvasStats(page);
    assert.ok(stats.length >= 1 && stats.every((s) => s.ink > 500), JSON.stringify(stats));
  }
  await context.close();
});
