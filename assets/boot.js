// Starts FTZ Atlas from a file rather than an inline script, so the page runs under a strict
// Content-Security-Policy (no 'unsafe-inline'; 'wasm-unsafe-eval' only).
import init, * as bindings from "./ftz-atlas.js";

const wasm = await init({ module_or_path: new URL("./ftz-atlas_bg.wasm", import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
