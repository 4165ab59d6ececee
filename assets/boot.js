// Starts FTZ Atlas from a file rather than an inline script, so the page runs under a strict
// Content-Security-Policy (no 'unsafe-inline'; 'wasm-unsafe-eval' only). In the embed view
// (?embed=<chart>) it also reports the page's height to the host page, which embed.js uses to
// size the iframe.
import init, * as bindings from "./ftz-atlas.js";

// Never a dead page: the release build aborts on a panic, which reaches JS as a
// WebAssembly.RuntimeError. Show the message the app put on the page, hidden, at start
// (src/web/panic.rs), in the page's language.
const stopped = (error) => {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  const lang = document.documentElement.lang.startsWith("en") ? "en" : "zh";
  document.querySelector(`.panic-banner[lang="${lang}"]`)?.removeAttribute("hidden");
};
addEventListener("error", (e) => stopped(e.error));
addEventListener("unhandledrejection", (e) => stopped(e.reason));

const wasm = await init({ module_or_path: new URL("./ftz-atlas_bg.wasm", import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));

const chart = new URLSearchParams(location.search).get("embed");
if (chart && window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "ftz-atlas:height", chart, height }, "*");
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}
