// The "ECharts (SSR)" peer of the benchmark: the ECharts page's five charts (the same models,
// bench/data.js, and the same options, bench/echarts/options.js) rendered to SVG at build time
// by ECharts' own server-side renderer (`echarts.init(null, null, { renderer: "svg", ssr: true })`
// and `renderToSVGString()`, in Node), written into one static HTML page with the ECharts
// page's stylesheet. The page has no script but the ready flag: its charts are in its HTML.
//
//   import { ssrPage } from "./echarts-ssr/build.mjs";  const html = await ssrPage("zh");
//   node bench/echarts-ssr/build.mjs [zh|en] > page.html
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as echarts from "echarts";
import { buildCharts, loadDataset, panelHeight, TEXT } from "../data.js";
import { option } from "../echarts/options.js";

const BENCH = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = resolve(BENCH, "..");
/** The width of a panel at the benchmark's 1280 px viewport: two columns of (1280 − 32 − 24) / 2,
 *  less the card's padding and border (bench/echarts/index.html). */
export const PANEL_WIDTH = 578;

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The ECharts (SSR) page in `lang`, as HTML text. */
export async function ssrPage(lang = "zh") {
  const page = readFileSync(join(BENCH, "echarts/index.html"), "utf8");
  const style = page.match(/<style>[\s\S]*?<\/style>/)?.[0] ?? "";
  const font = style.match(/--font:\s*([^;]+);/)?.[1] ?? "sans-serif";
  // bench/data.js fetches the dataset by URL: read it from the repository instead.
  const files = { "figures.csv": "assets/data/figures.csv", "dictionary.csv": "assets/data/dictionary.csv" };
  const fetchFile = async (url) => ({ text: async () => readFileSync(join(ROOT, files[url.split("/").pop()]), "utf8") });
  const saved = globalThis.fetch;
  globalThis.fetch = fetchFile;
  let ds;
  try {
    ds = await loadDataset();
  } finally {
    globalThis.fetch = saved;
  }
  const models = buildCharts(ds, lang);
  const cards = models.map((chart) => {
    const toggles =
      chart.togglePanel === undefined
        ? ""
        : `<div class="series-toggles">${chart.panels[chart.togglePanel].series
            .map((s) => `<button type="button" class="series-toggle" aria-pressed="true" style="--swatch:${s.color}">${escape(s.name)}</button>`)
            .join("")}</div>`;
    const panels = chart.panels
      .map((p) => {
        const height = panelHeight(p);
        const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: PANEL_WIDTH, height });
        instance.setOption(option(p, [], lang, font));
        const svg = instance.renderToSVGString();
        instance.dispose();
        return `<div class="panel panel-${p.kind}">${svg}</div>`;
      })
      .join("");
    return `<article class="chart-card" id="${chart.id}"><h3>${escape(chart.title)}</h3><p class="subtitle">${escape(chart.subtitle)}</p>${toggles}${panels}</article>`;
  });
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(TEXT.appTitle[lang])} · ECharts (SSR)</title>
<link rel="icon" href="data:,">
${style}
</head>
<body>
<header><div><div><h1>${escape(TEXT.appTitle[lang])}</h1><p class="lede">ECharts (SSR)</p></div></div></header>
<main id="charts">${cards.join("")}</main>
<script>document.body.dataset.ready = "1";</script>
</body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(await ssrPage(process.argv[2] === "en" ? "en" : "zh"));
}
