// Builds one self-contained HTML file from the release build in dist/: CSS, the JS glue, the
// wasm (base64) and the icon inside it, so it works when opened from disk (file://) with no
// network. Its Content-Security-Policy allows exactly its own inline script and style by hash.
//   node scripts/single-file.mjs [dist] [out]     (default: dist → dist-single/ftz-atlas.html)
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dist = "dist", out = "dist-single/ftz-atlas.html"] = process.argv.slice(2);
const read = (f) => readFileSync(join(dist, f));
const html = read("index.html").toString("utf8");
const css = read("style.css").toString("utf8");
let glue = read("ftz-atlas.js").toString("utf8");
const wasm = read("ftz-atlas_bg.wasm").toString("base64");
const icon = read("favicon.svg").toString("base64");
// The PowerPoint writer (fetched on first use on the served page) is inside the file too.
const office = read("office.wasm").toString("base64");

// The glue ends with `export{<init> as default, …}`: keep the code, call <init> directly.
const exportStatement = glue.match(/export\s*\{([^}]*)\}\s*;?\s*$/);
const init = exportStatement?.[1].split(",").map((s) => s.trim()).find((s) => s.endsWith(" as default"))?.split(/\s+/)[0];
if (!exportStatement || !init) {
  console.error("single-file: cannot find the default export (the init function) in ftz-atlas.js");
  process.exit(1);
}
glue = glue.slice(0, exportStatement.index);
// boot.js runs as it is (the message on a trap, the embed height), with the glue in place of
// its import and the wasm bytes in place of the wasm's address.
// It is minified in dist/, so both are found by pattern, whatever the names.
const named = exportStatement[1].split(",").map((s) => s.trim().split(/\s+as\s+/)).filter(([, name]) => name !== "default");
const boot = read("boot.js").toString("utf8");
const IMPORT = /import\s*([\w$]+)\s*,\s*\*\s*as\s*([\w$]+)\s*from\s*["']\.\/ftz-atlas\.js["']\s*;?/;
const DOWNLOAD = /new URL\(\s*["']\.\/ftz-atlas_bg\.wasm["']\s*,\s*import\.meta\.url\s*\)/;
const OFFICE = /fetch\(\s*new URL\(\s*["']\.\/office\.wasm["']\s*,\s*import\.meta\.url\s*\)\s*\)/;
const imported = boot.match(IMPORT);
if (!imported || !DOWNLOAD.test(boot) || !OFFICE.test(boot)) {
  console.error("single-file: boot.js does not have the expected import, wasm download and office.wasm fetch");
  process.exit(1);
}
const [, initName, bindingsName] = imported;
// Both were minified apart, so boot.js's names may repeat the glue's: it runs in a block of its own.
const script = `${glue}
const __ftzInit = ${init};
const __ftzBindings = { ${named.map(([local, name = local]) => `${name}: ${local}`).join(", ")} };
{
const ${initName} = __ftzInit, ${bindingsName} = __ftzBindings;
${boot
  .replace(IMPORT, "")
  .replace(DOWNLOAD, () => `Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0))`)
  .replace(OFFICE, () => `Promise.resolve(new Response(Uint8Array.from(atob("${office}"), (c) => c.charCodeAt(0))))`)}
}
`;
const sha = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
// prefs.js (the reader's language and theme on <html> before the body paints) stays a classic
// script in <head>, inline here.
const prefs = read("prefs.js").toString("utf8");
const csp = `default-src 'none'; script-src ${sha(script)} ${sha(prefs)} 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'`;

let page = html
  .replace(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/<base[^>]*>/i, "")
  .replace(/<link[^>]*rel=["']?icon["']?[^>]*>/i, `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`)
  .replace(/<link[^>]*rel=["']?stylesheet["']?[^>]*>/i, () => `<style>${css}</style>`)
  .replace(/<link[^>]*rel=["']?modulepreload["']?[^>]*>/gi, "")
  .replace(/<link[^>]*data-trunk[^>]*>/gi, "")
  .replace(/<script[^>]*src=["']?prefs\.js["']?[^>]*><\/script>/i, () => `<script>${prefs}</script>`)
  .replace(/<script[^>]*src=["']?boot\.js["']?[^>]*><\/script>/i, () => `<script type="module">${script}</script>`);
if (!page.includes(`<style>${css}</style>`) || !page.includes("<script type=\"module\">") || !page.includes(`<script>${prefs}</script>`)) {
  console.error("single-file: index.html does not have the expected stylesheet and boot.js tags");
  process.exit(1);
}
mkdirSync(join(out, ".."), { recursive: true });
writeFileSync(out, page);
console.log(`${out}: ${(Buffer.byteLength(page) / 1024).toFixed(0)} KB`);
