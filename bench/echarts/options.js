// The ECharts option of each panel model (bench/data.js): shared by the ECharts page, which
// draws them on canvases in the browser, and the ECharts (SSR) page, which ECharts' server-side
// renderer draws to SVG at build time (bench/echarts-ssr/build.mjs).
const MUTED = "#5c5c5c";
const NO_OPACITY = 0.55; // derived figures are drawn lighter

/** Options shared by every panel: no animation, title with the unit, a grid for the plot. */
function base(panel, legend, FONT) {
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: panel.title, subtext: panel.unit, left: 0, top: 0, padding: 0, itemGap: 2,
      textStyle: { fontSize: 13 }, subtextStyle: { fontSize: 11, color: MUTED } },
    tooltip: { trigger: "item" },
    legend: legend ? { top: 36, left: 0, itemWidth: 12, itemHeight: 10 } : { show: false },
    grid: { left: 4, right: 24, top: legend ? 70 : 52, bottom: 4, containLabel: true },
  };
}

/** A data item: the value, its label and a lighter colour when derived. */
const item = (value, m) => ({ value, lbl: m.valueLabel ?? m.label, itemStyle: m.derived ? { opacity: NO_OPACITY } : undefined });
const labelOf = (p) => p.data?.lbl ?? "";

/** The ECharts option of one panel model (see bench/data.js); `hidden` lists hidden series;
 *  `FONT` the font family of the page. */
export function option(panel, hidden, lang, FONT) {
  // Row labels wrap: at spaces in English, anywhere in Chinese.
  const rowLabels = { width: 220, overflow: lang === "zh" ? "breakAll" : "break", fontSize: 11 };
  switch (panel.kind) {
    case "timeline":
      return { ...base(panel, false, FONT),
        xAxis: { type: "value", min: panel.xMin, max: panel.xMax, interval: 1, splitLine: { show: false },
          axisLabel: { formatter: (v) => (v === panel.undatedAt ? panel.undatedLabel : v < panel.undatedAt ? String(v) : "") } },
        yAxis: { type: "value", min: 0, max: 100, interval: 20 },
        series: [{ type: "scatter", name: panel.name, symbolSize: 10, itemStyle: { color: "#1f5f9e" },
          label: { show: true, position: "top", formatter: labelOf },
          data: panel.points.map((p) => item([p.x, p.value], p)) }] };
    case "columns": {
      const legend = panel.series.length > 1;
      return { ...base(panel, legend, FONT),
        legend: legend ? { ...base(panel, true, FONT).legend, selected: Object.fromEntries(panel.series.map((s, i) => [s.name, !hidden.includes(i)])) } : { show: false },
        xAxis: { type: "category", data: panel.categories },
        yAxis: { type: "value" },
        series: panel.series.map((s) => ({ type: "bar", name: s.name, itemStyle: { color: s.color },
          // Nested: the FTZ bounds overlap the city totals of their year.
          barGap: panel.layout === "nested" ? "-100%" : "10%",
          label: { show: true, position: "top", fontSize: 11, formatter: labelOf },
          data: s.marks.map((m) => (m ? item(m.value, m) : "-")) })) };
    }
    case "bars": {
      const series = [];
      if (panel.rows.some((r) => r.total)) {
        series.push({ type: "bar", name: "total", silent: true, barGap: "-100%", itemStyle: { color: "#e4e4e4" },
          data: panel.rows.map((r) => r.total?.value ?? "-") });
      }
      series.push({ type: "bar", barGap: "-100%", label: { show: true, position: "right", fontSize: 11, formatter: labelOf },
        data: panel.rows.map((r) => ({ ...item(r.value, r), itemStyle: { color: r.color, opacity: r.derived ? NO_OPACITY : 1 } })) });
      if (panel.rows.some((r) => r.inner)) {
        series.push({ type: "bar", name: "inner", barGap: "-100%", itemStyle: { color: "rgba(0,0,0,.4)" },
          data: panel.rows.map((r) => r.inner ?? "-") });
      }
      if (panel.rows.some((r) => r.conflicts.length)) {
        series.push({ type: "scatter", name: "conflict", symbol: "rect", symbolSize: [3, 22], itemStyle: { color: "#1a1a1a" },
          label: { show: true, position: "bottom", fontSize: 10, formatter: labelOf },
          data: panel.rows.flatMap((r, i) => r.conflicts.map((c) => item([c.value, i], c))) });
      }
      return { ...base(panel, false, FONT),
        xAxis: { type: "value" },
        yAxis: { type: "category", inverse: true, data: panel.rows.map((r) => r.label),
          axisLabel: rowLabels },
        series };
    }
    case "dots":
      return { ...base(panel, false, FONT),
        xAxis: { type: "value", min: 0, max: 100, interval: 25 },
        yAxis: { type: "category", inverse: true, data: panel.rows.map((r) => r.label),
          axisLabel: rowLabels },
        series: panel.rows.map((r, i) => ({ type: "scatter", name: r.label, symbolSize: 10, itemStyle: { color: r.color },
          label: { show: true, position: "top", fontSize: 10, formatter: labelOf },
          data: r.marks.map((m) => ({ ...item([m.value, i], m), lbl: `${m.label} ${m.period}` })) })) };
    case "matrix":
      return { ...base(panel, false, FONT),
        xAxis: { type: "category", data: panel.columns, splitArea: { show: true }, axisLabel: { interval: 0, fontSize: 11 } },
        yAxis: { type: "category", inverse: true, data: panel.rows, splitArea: { show: true } },
        visualMap: { show: false, min: 0, max: 4, inRange: { color: ["#f6f5f2", "#1f5f9e"] } },
        series: [{ type: "heatmap", label: { show: true, formatter: (p) => (p.value[2] ? `${p.value[2]}` : "–") },
          data: panel.counts.flatMap((row, i) => row.map((n, j) => [j, i, n])) }] };
  }
}

