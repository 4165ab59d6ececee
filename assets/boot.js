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

// The PowerPoint writer is a wasm module of its own (office-wasm/), fetched the first time a
// reader asks for an editable chart or the deck, so the page does not carry it. It takes an
// encoded deck (src/office/wire.rs) and resolves to the .pptx bytes; it rejects with
// "too large" when the deck does not fit a ZIP file, else with the reason it did not load.
let office;
const officeBytes = () =>
  fetch(new URL("./office.wasm", import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`office.wasm: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
window.ftzOffice = async (deck) => {
  office ??= officeBytes().then((bytes) => WebAssembly.instantiate(bytes));
  let x;
  try {
    x = (await office).instance.exports;
  } catch (e) {
    office = undefined; // try again on the next click
    throw e;
  }
  // Ask for room first: it may grow the memory, which detaches any view of the old buffer.
  const at = x.office_input(deck.length);
  new Uint8Array(x.memory.buffer, at, deck.length).set(deck);
  const status = x.office_write();
  if (status === 2) throw "too large";
  if (status !== 0) throw new Error(`office.wasm: status ${status}`);
  return new Uint8Array(x.memory.buffer, x.office_output(), x.office_output_len()).slice();
};

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
