// PowerPoint and SVG in the programs people make slides with: each chart's "PowerPoint
// (editable)" and the deck of all charts, in zh and en, read back with python-pptx (chart types,
// series, every value against the chart's CSV export, alt text, the embedded workbook) and
// converted by LibreOffice (pages, Chinese glyphs, drawn chart frames; PNGs saved under
// tests/e2e/out/office/ to look at); the SVG export drawn by LibreOffice where Chromium draws it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { download, open, OUT, ROOT, useApp } from "./harness.mjs";

const env = useApp();
const DIR = join(OUT, "office");
const PYTHON = process.env.FTZ_PYTHON ?? join(process.env.FTZ_VENV ?? join(homedir(), ".cache/ftz-atlas/venv"), "bin/python");

/** Runs a checker in tests/office/; returns its output, failing the test with it on exit ≠ 0. */
function check(script, args) {
  try {
    return execFileSync(PYTHON, [join(ROOT, "tests/office", script), ...args], { encoding: "utf8", timeout: 240_000 });
  } catch (e) {
    assert.fail(`${script} ${args.join(" ")}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

function save(name, bytes) {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, name);
  writeFileSync(path, bytes);
  return path;
}

const MENU = {
  zh: { pptx: "PowerPoint（可编辑图表）", csv: "CSV 数据", svg: "SVG 矢量图", deck: "全部图表（PPT）" },
  en: { pptx: "PowerPoint (editable)", csv: "CSV data", svg: "SVG image", deck: "Deck of all charts" },
};

for (const lang of ["zh", "en"]) {
  test(`each chart's editable PowerPoint holds its figures and opens in LibreOffice (${lang})`, async () => {
    const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=${lang}`, { acceptDownloads: true });
    for (const chart of ["trade-share", "nev-exports", "innovation", "enterprises", "areas"]) {
      const card = page.locator(`#${chart}`);
      const pptx = await download(page, card, MENU[lang].pptx);
      assert.equal(pptx.name, `ftz-atlas-${chart}-${lang}.pptx`);
      assert.equal(pptx.bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004");
      const csv = await download(page, card, MENU[lang].csv);
      const args = [save(pptx.name, pptx.bytes), "--csv", save(csv.name, csv.bytes), "--lang", lang, "--out", DIR];
      // Only the areas chart has panels that are pictures (the matrix, the side-by-side multiples).
      if (chart !== "areas") args.push("--all-native");
      const out = check("check_pptx.py", args);
      assert.match(out, /LibreOffice converts it to PDF/);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`the deck of all charts has every chart and the sources (${lang})`, async () => {
    const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=${lang}`, { acceptDownloads: true });
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: MENU[lang].deck, exact: false }).first().click(),
    ]);
    assert.equal(file.suggestedFilename(), `ftz-atlas-deck-${lang}.pptx`);
    const path = await file.path();
    const bytes = readFileSync(path);
    const out = check("check_pptx.py", [save(`deck-${lang}.pptx`, bytes), "--lang", lang, "--out", DIR, "--min-slides", "14"]);
    // Native charts for the panels that are values on one scale, pictures for the others.
    assert.match(out, /COLUMN_CLUSTERED/);
    assert.match(out, /BAR_CLUSTERED/);
    assert.match(out, /LINE_MARKERS/);
    assert.match(out, /picture has alt text/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("the SVG export is drawn by LibreOffice where Chromium draws it", async () => {
  const { context, page } = await open(env.browser, `${env.server.url}?lang=zh`, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const svg = await download(page, page.locator("#nev-exports"), MENU.zh.svg);
  const svgPath = save(svg.name, svg.bytes);
  const text = svg.bytes.toString("utf8");
  assert.doesNotMatch(text, / dy="/, "no relative text offsets");
  assert.doesNotMatch(text, /dominant-baseline/);
  const [, w, h] = text.match(/<svg width="(\d+)" height="(\d+)"/) ?? [];
  const shot = await context.newPage();
  await shot.setViewportSize({ width: Number(w), height: Number(h) });
  await shot.setContent(`<html><body style="margin:0">${text}</body></html>`);
  const png = save("nev-exports-zh-chromium.png", await shot.screenshot());
  const out = check("check_svg.py", [svgPath, png, "--out", DIR]);
  assert.match(out, /within 4 px/);
  await context.close();
});

test("when the PowerPoint writer cannot be fetched, the reader is told, and the next click works", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`, { acceptDownloads: true });
  // The page itself never fetches the writer: only a click on a PowerPoint item does.
  const fetched = [];
  page.on("request", (r) => r.url().endsWith("/office.wasm") && fetched.push(r.url()));
  await page.waitForTimeout(500);
  assert.deepEqual(fetched, [], "office.wasm was fetched before anyone asked for a PowerPoint file");
  await page.route("**/office.wasm", (route) => route.fulfill({ status: 503, body: "down" }));
  const card = page.locator("#innovation");
  await card.locator(".export-menu summary").click();
  await card.getByRole("button", { name: MENU.en.pptx }).click();
  await page.getByText("its writer (office.wasm) did not load or run").first().waitFor({ timeout: 10_000 });
  await page.unroute("**/office.wasm");
  const pptx = await download(page, card, MENU.en.pptx);
  assert.equal(pptx.bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004");
  assert.equal(fetched.length, 2);
  // The failed fetch is a console error of the browser's own (503); nothing else is.
  assert.deepEqual(errors.filter((e) => !/503|Failed to load resource/.test(e)), []);
  await context.close();
});
