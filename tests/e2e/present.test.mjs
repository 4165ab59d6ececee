// Presentation mode: one chart per 16:9 slide, moved by keyboard, the slide in the address,
// Escape back to the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, useApp } from "./harness.mjs";

const env = useApp();

test("presentation mode walks the charts by keyboard with the slide in the address", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en`, { viewport: { width: 1280, height: 900 } });
  await page.getByRole("button", { name: "Present: one chart per full-screen slide" }).click();
  const slide = page.locator(".presentation canvas");
  await slide.waitFor();
  const size = await slide.evaluate((c) => [c.clientWidth, c.clientHeight]);
  assert.ok(Math.abs(size[0] / size[1] - 16 / 9) < 0.01, `not 16:9: ${size}`);
  assert.ok(size[0] === 1280 || size[1] === 900, "the slide does not fill the window");
  const order = [];
  order.push(await slide.getAttribute("data-slide"));
  for (const key of ["ArrowRight", "Space", "PageDown", "ArrowDown"]) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => location.search.includes(`present=${n}`), order.length + 1);
    order.push(await slide.getAttribute("data-slide"));
  }
  assert.deepEqual(order, ["trade-share", "nev-exports", "innovation", "enterprises", "areas"]);
  // Each slide is drawn (not blank).
  const ink = await slide.evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 64) if (d[i] < 200) n++;
    return n;
  });
  assert.ok(ink > 200, "blank slide");
  await page.keyboard.press("PageUp");
  await page.waitForFunction(() => location.search.includes("present=4"));
  await page.keyboard.press("Home");
  await page.waitForFunction(() => location.search.includes("present=1"));
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !location.search.includes("present="));
  await page.locator("canvas[data-chart=areas]").waitFor();
  assert.deepEqual(errors.filter((e) => !/fullscreen/i.test(e)), []);
  await context.close();
  // A link to a slide opens on it; a broken one falls back to the page.
  const direct = await open(env.browser, `${env.server.url}?present=3`);
  assert.equal(await direct.page.locator(".presentation canvas").getAttribute("data-slide"), "innovation");
  await direct.context.close();
  const broken = await open(env.browser, `${env.server.url}?present=99`);
  assert.equal(await broken.page.locator(".presentation").count(), 0);
  await broken.context.close();
});

test("presentation mode has buttons for a mouse or a touch screen: previous, next, leave", async () => {
  const { context, page, errors } = await open(env.browser, `${env.server.url}?lang=en&present=1`, { viewport: { width: 1280, height: 900 } });
  const slide = page.locator(".presentation canvas");
  await slide.waitFor();
  assert.equal(await page.isDisabled(".slide-prev"), true, "previous on the first slide");
  await page.getByRole("button", { name: "Next slide" }).click();
  await page.waitForFunction(() => location.search.includes("present=2"));
  assert.equal(await slide.getAttribute("data-slide"), "nev-exports");
  await page.getByRole("button", { name: "Previous slide" }).click();
  await page.waitForFunction(() => location.search.includes("present=1"));
  await page.getByRole("button", { name: "Leave" }).click();
  await page.waitForFunction(() => !location.search.includes("present="));
  await page.locator("canvas[data-chart=areas]").waitFor();
  assert.deepEqual(errors.filter((e) => !/fullscreen/i.test(e)), []);
  await context.close();
});
