// Runs in <head> before the body paints (a classic, render-blocking script: the page's CSP
// allows no inline script). Sets on <html> what the app will open in, by the same rules
// (src/url.rs, src/web/store.rs): `lang` from ?lang= or the browser's language, `data-theme`
// from ?theme= or prefers-color-scheme, `data-embed` from ?embed=, and the class `js`. The
// stylesheet then shows only the matching variant of the prerendered page (src/prerender.rs).
(() => {
  const root = document.documentElement;
  const lang = (code) => ({ zh: "zh-CN", en: "en" })[String(code).split(/[-_]/)[0].toLowerCase()];
  const theme = (code) => (code === "light" || code === "dark" ? code : undefined);
  const chart = (code) =>
    ["trade-share", "nev-exports", "innovation", "enterprises", "areas"].includes(code) ? code : undefined;
  // The last valid value wins, as in src/url.rs.
  const pairs = location.search.replace(/^\?/, "").split("&").map((p) => [p.split("=")[0], p.slice(p.indexOf("=") + 1)]);
  const last = (key, parse) => pairs.reduce((found, [k, v]) => (k === key && parse(v)) || found, undefined);
  root.lang = last("lang", lang) ?? lang(navigator.language) ?? "zh-CN";
  root.dataset.theme = last("theme", theme) ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  const embed = last("embed", chart);
  if (embed) root.dataset.embed = embed;
  root.classList.add("js");
})();
