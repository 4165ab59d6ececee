// Shared by the peer pages of the benchmark (bench/echarts/, bench/chartjs/): loads FTZ Atlas's
// own dataset (assets/data/figures.csv and dictionary.csv, served under /bench/data/), computes the
// derived figures from their formulas, and builds the same five charts FTZ Atlas draws as plain,
// library-neutral models. Each page turns these models into its library's options, so both peers
// draw exactly the same figures, and none of the chart logic differs between them.
//
// The selection rules mirror FTZ Atlas's src/chart/catalog.rs and src/chart/model.rs: which
// figures each panel takes, which one wins when a year has several (full year before part-year,
// published before derived, then file order), how rows are labelled, and the display units
// (亿元 in Chinese, CNY bn in English). What the peers do NOT reproduce: FTZ Atlas's qualifier
// glyphs (arrows, hatching, dashed outlines), its tooltips with sources, keyboard navigation,
// table view and source notes. Qualifiers are shown as a word or sign in the value label instead.

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes)

/** Parses CSV text into an array of objects keyed by the header row. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== "");
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

// ---------------------------------------------------------------------------------------------
// Units (assets/data/README.md): the factor to the base unit, and the dimension.

const UNITS = {
  yi_yuan: [1e8, "yuan"],
  bn_yuan: [1e9, "yuan"],
  yi_usd: [1e8, "usd"],
  wan_usd: [1e4, "usd"],
  vehicles: [1, "vehicles"],
  wan_vehicles: [1e4, "vehicles"],
  enterprises: [1, "count"],
  market_entities: [1, "count"],
  units: [1, "count"],
  items: [1, "count"],
  cases: [1, "count"],
  km2: [1, "area"],
  pct: [0.01, "ratio"],
  fraction: [1, "ratio"],
  pct_yoy: [0.01, "ratio"],
};

/** FTZ Atlas's display unit: yuan in 亿元 in Chinese and in billions in English. */
function displayUnit(unit, lang) {
  if (UNITS[unit][1] === "yuan") return lang === "zh" ? "yi_yuan" : "bn_yuan";
  return unit;
}

/** A value as the source prints it: a decimal or a fraction such as `2/3`. */
function parseNumber(text) {
  const [a, b] = text.split("/");
  return b === undefined ? Number(a) : Number(a) / Number(b);
}

// ---------------------------------------------------------------------------------------------
// Formulas: + - * / over figure ids and numbers, with parentheses. Ids stand for base values.

function evaluate(formula, lookup) {
  const tokens = formula.match(/[a-z0-9_]+(?:\.[0-9]+)?|[-+*/()]/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = () => {
    const t = tokens[pos++];
    if (t === "(") {
      const v = sum();
      pos++; // ")"
      return v;
    }
    if (t === "-") return -primary();
    return /^[0-9.]+$/.test(t) ? Number(t) : lookup(t);
  };
  const product = () => {
    let v = primary();
    while (peek() === "*" || peek() === "/") v = tokens[pos++] === "*" ? v * primary() : v / primary();
    return v;
  };
  const sum = () => {
    let v = product();
    while (peek() === "+" || peek() === "-") v = tokens[pos++] === "+" ? v + product() : v - product();
    return v;
  };
  return sum();
}

// ---------------------------------------------------------------------------------------------
// Periods: YYYY, YYYY-MM..YYYY-MM, asof:[~]date, stated:date, undated.

function parseDate(text) {
  const [y, m, d] = text.split("-").map(Number);
  return { year: y, month: m, day: d };
}

/** Position of a date on a continuous year axis (FTZ Atlas's `year_fraction`). */
function yearFraction({ year, month, day }) {
  if (!month) return year + 0.5;
  if (!day) return year + (month - 0.5) / 12;
  return year + (month - 1 + (day - 0.5) / 31) / 12;
}

function parsePeriod(text) {
  let m;
  if (/^\d{4}$/.test(text)) return { kind: "year", year: Number(text), text };
  if ((m = text.match(/^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/))) {
    return { kind: "span", start: parseDate(m[1]), end: parseDate(m[2]), text };
  }
  if ((m = text.match(/^asof:(~?)(.+)$/))) return { kind: "asof", approx: m[1] === "~", date: parseDate(m[2]), text };
  if ((m = text.match(/^stated:(.+)$/))) return { kind: "stated", date: parseDate(m[1]), text };
  return { kind: "undated", text };
}

/** The one calendar year a period covers, if any (a part-year counts as its year). */
function singleYear(p) {
  if (p.kind === "year") return p.year;
  if (p.kind === "span" && p.start.year === p.end.year) return p.start.year;
  return null;
}

function isPartYear(p) {
  return p.kind === "span" && p.start.year === p.end.year && !(p.start.month === 1 && p.end.month === 12);
}

/** Position on a year axis; null for undated figures. */
function xPosition(p) {
  switch (p.kind) {
    case "year":
      return p.year + 0.5;
    case "span":
      return yearFraction(p.end);
    case "asof":
    case "stated":
      return yearFraction(p.date);
    default:
      return null;
  }
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatDate({ year, month, day }, lang) {
  if (lang === "zh") return `${year}年${month ? `${month}月` : ""}${day ? `${day}日` : ""}`;
  return [day, month && MONTHS_EN[month - 1], year].filter(Boolean).join(" ");
}

/** A period in words, short: `2023`, `截至2018年11月24日`, `as of Mar 2017`, `Jan–Oct 2025`. */
function formatPeriod(p, lang) {
  const zh = lang === "zh";
  switch (p.kind) {
    case "year":
      return zh ? `${p.year}年` : String(p.year);
    case "span":
      if (isPartYear(p)) {
        return zh
          ? `${p.start.year}年${p.start.month}–${p.end.month}月`
          : `${MONTHS_EN[p.start.month - 1]}–${MONTHS_EN[p.end.month - 1]} ${p.start.year}`;
      }
      return `${formatDate(p.start, lang)}–${formatDate(p.end, lang)}`;
    case "asof":
      return zh ? `截至${p.approx ? "约" : ""}${formatDate(p.date, lang)}` : `as of ${p.approx ? "c. " : ""}${formatDate(p.date, lang)}`;
    case "stated":
      return zh ? `${formatDate(p.date, lang)}表述` : `stated ${formatDate(p.date, lang)}`;
    default:
      return zh ? "日期不详" : "undated";
  }
}

// ---------------------------------------------------------------------------------------------
// The dataset

/** Fetches and parses figures.csv and dictionary.csv; computes every derived figure. */
export async function loadDataset(dir = "/bench/data/") {
  const [figuresText, dictionaryText] = await Promise.all(
    ["figures.csv", "dictionary.csv"].map((f) => fetch(dir + f).then((r) => r.text())),
  );
  const figures = parseCsv(figuresText).map((r) => ({ ...r, period: parsePeriod(r.period) }));
  const byId = new Map(figures.map((f) => [f.id, f]));
  // Base value of a figure, evaluating formulas (recursively) for derived figures.
  const base = (id) => {
    const f = byId.get(id);
    if (f.base === undefined) {
      f.base = f.formula ? evaluate(f.formula, base) : parseNumber(f.value) * UNITS[f.unit][0];
    }
    return f.base;
  };
  figures.forEach((f) => base(f.id));
  const names = new Map(parseCsv(dictionaryText).map((r) => [`${r.kind}:${r.key}`, { zh: r.zh, en: r.en }]));
  return {
    figures,
    figure: (id) => byId.get(id),
    select: (metric, scope) => figures.filter((f) => f.metric === metric && f.scope === scope),
    name: (kind, key, lang) => names.get(`${kind}:${key}`)?.[lang] ?? key,
  };
}

// ---------------------------------------------------------------------------------------------
// Texts of the page and the charts, in both languages (copied from FTZ Atlas's src/i18n.rs)

export const TEXT = {
  appTitle: { zh: "重庆自贸试验区数据图鉴", en: "FTZ Atlas" },
  switchLanguage: { zh: "English", en: "中文" },
  switchLanguageLabel: { zh: "Switch to English", en: "切换到中文" },
  undated: { zh: "日期不详", en: "Undated" },
  tradeTitle: { zh: "自贸试验区外贸进出口占全市比重", en: "The FTZ's share of Chongqing's foreign trade" },
  tradeSubtitle: {
    zh: "官方表述的比重,超、近、约均照原文;下图为全市外贸总额与由此推算的自贸试验区外贸额界限",
    en: "Shares as officially stated, with their qualifiers; below, Chongqing's total foreign trade and the FTZ trade bounds derived from it",
  },
  tradePanelShare: { zh: "占全市外贸进出口总额的比重", en: "Share of Chongqing's total imports and exports" },
  tradePanelTotal: {
    zh: "重庆市外贸进出口总额与自贸试验区推算界限",
    en: "Chongqing's foreign trade, and bounds for the FTZ derived from the shares",
  },
  seriesCityTrade: { zh: "全市外贸总额", en: "Chongqing total" },
  seriesFtzBound: { zh: "自贸试验区(推算界限)", en: "FTZ (derived bound)" },
  seriesShare: { zh: "自贸试验区占比", en: "FTZ share" },
  nevTitle: { zh: "新能源汽车出口", en: "New-energy-vehicle exports" },
  nevSubtitle: {
    zh: "自贸试验区出口量(辆)与全市汽车出口额(亿元)分开绘制:辆与元不共用一个坐标轴",
    en: "FTZ exports in vehicles and Chongqing's car exports in yuan are drawn apart: vehicles and yuan never share an axis",
  },
  nevPanelUnits: { zh: "自贸试验区新能源汽车出口量", en: "FTZ new-energy-vehicle exports" },
  nevPanelValue: { zh: "重庆市汽车出口额", en: "Chongqing's car exports by value" },
  seriesFtzNev: { zh: "自贸试验区新能源汽车", en: "FTZ new-energy vehicles" },
  seriesCityVehicles: { zh: "全市汽车(全部)", en: "Chongqing, all cars" },
  seriesCityEv: { zh: "全市电动汽车", en: "Chongqing, electric vehicles" },
  innovTitle: { zh: "制度创新成果", en: "Institutional-innovation outcomes" },
  innovSubtitle: {
    zh: "总体方案151项改革试点任务的落实进度,累计与新增的制度创新成果,以及入选全国的最佳实践案例",
    en: "Progress on the Overall Plan's 151 reform tasks, cumulative and new innovation outcomes, and cases selected as national best practice",
  },
  innovPanelTasks: { zh: "总体方案改革试点任务落实(共151项)", en: "Overall Plan reform tasks implemented (of 151)" },
  innovPanelOutcomes: { zh: "制度创新成果", en: "Innovation outcomes" },
  entTitle: { zh: "企业与外资", en: "Enterprises and investment" },
  entSubtitle: {
    zh: "自贸试验区新增注册企业,以及其占全市新设企业、外资企业和利用外资的比重",
    en: "New enterprises registered in the FTZ, and its published shares of the city's new enterprises, foreign-invested enterprises and foreign capital",
  },
  entPanelNew: { zh: "自贸试验区新增注册企业(当年)", en: "New registered enterprises in the FTZ (per year)" },
  entPanelCumulative: { zh: "自挂牌以来累计", en: "Cumulative since the launch in April 2017" },
  entPanelShares: { zh: "占全市的比重", en: "Share of the city's total" },
  seriesNewEnterprises: { zh: "新增注册企业", en: "New registered enterprises" },
  areaTitle: { zh: "三个片区", en: "The three areas" },
  areaSubtitle: {
    zh: "两江、西永、果园港片区的面积,以及每个片区已公布与未公布的数字",
    en: "Area of the Liangjiang, Xiyong and Guoyuangang areas, and which figures are published for each",
  },
  areaPanelArea: { zh: "面积(平方公里,2017年总体方案)", en: "Area (km², 2017 Overall Plan)" },
  areaPanelMatrix: { zh: "各片区已公布的数字", en: "Figures published for each area" },
  matrixArea: { zh: "面积", en: "Area" },
  matrixTrade: { zh: "外贸", en: "Trade" },
  matrixNev: { zh: "新能源汽车出口", en: "NEV exports" },
  matrixEnterprises: { zh: "市场主体/企业", en: "Enterprises" },
  matrixForeignCapital: { zh: "利用外资", en: "Foreign capital" },
  matrixInnovation: { zh: "制度创新", en: "Innovation" },
};

/** Axis unit names (FTZ Atlas's `axis_unit`). */
const AXIS_UNIT = {
  yi_yuan: { zh: "亿元", en: "CNY 100 m" },
  bn_yuan: { zh: "十亿元", en: "CNY bn" },
  vehicles: { zh: "辆", en: "vehicles" },
  enterprises: { zh: "户", en: "enterprises" },
  items: { zh: "项", en: "items" },
  km2: { zh: "平方公里", en: "km²" },
  pct: { zh: "%", en: "%" },
};

/** Series colours: FTZ Atlas's light palette (Okabe–Ito, darkened for contrast). */
export const COLORS = ["#1f5f9e", "#b84f00", "#007a5a", "#8e4f7a"];

const QUALIFIER = {
  zh: { exact: "", more_than: "超", at_least: "≥", less_than: "不足", nearly: "近", about: "约" },
  en: { exact: "", more_than: ">", at_least: "≥", less_than: "<", nearly: "~", about: "≈" },
};

// ---------------------------------------------------------------------------------------------
// Chart models

/** Value of a figure in `unit`, and its label with the qualifier (`超60%`, `≈14,173`, `近2/3`). */
function mark(f, unit, lang) {
  const value = f.base / UNITS[unit][0];
  let text;
  if (f.unit === "fraction" && unit === "pct") {
    text = f.value; // keep the source's fraction, as FTZ Atlas does
  } else {
    // Published figures keep their precision; derived ones are rounded to 3 significant digits.
    const digits = f.formula ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 3 };
    text = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en", digits).format(value);
    if (unit === "pct") text += "%";
  }
  const partial = isPartYear(f.period) ? (lang === "zh" ? "(1–10月)" : " (Jan–Oct)") : "";
  return { value, label: QUALIFIER[lang][f.qualifier] + text + partial, derived: Boolean(f.formula) };
}

/** The figure drawn for `year`: full year before part-year, published before derived, file order. */
function pickForYear(figs, year) {
  const candidates = figs.filter((f) => singleYear(f.period) === year);
  const rank = (f) => (isPartYear(f.period) ? 2 : 0) + (f.formula ? 1 : 0);
  return candidates.reduce((best, f) => (best === null || rank(f) < rank(best) ? f : best), null);
}

function byPeriod(figs) {
  const key = (f) => xPosition(f.period) ?? Infinity;
  return [...figs].sort((a, b) => key(a) - key(b));
}

/** Year columns: categories, and per series the value (null = no data) and label of each year. */
function columns(ds, lang, title, unit, [lo, hi], series, layout) {
  const display = displayUnit(unit, lang);
  for (const s of series) {
    for (const f of ds.select(s.metric, s.scope)) {
      const y = singleYear(f.period);
      if (y !== null) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
    }
  }
  const years = [];
  for (let y = lo; y <= hi; y++) years.push(y);
  return {
    kind: "columns",
    title: TEXT[title][lang],
    unit: AXIS_UNIT[display][lang],
    layout,
    categories: years.map(String),
    series: series.map((s) => {
      const figs = ds.select(s.metric, s.scope);
      const marks = years.map((y) => {
        const f = pickForYear(figs, y);
        return f ? mark(f, display, lang) : null;
      });
      return { name: TEXT[s.name][lang], color: COLORS[s.color], marks };
    }),
  };
}

/** Horizontal bars, one row a figure, labelled like FTZ Atlas (scope, metric and/or period). */
function bars(ds, lang, title, unit, rows) {
  const display = displayUnit(unit, lang);
  const figs = rows.map((r) => ds.figure(r.figure));
  const same = (key) => figs.every((f) => String(f[key]?.text ?? f[key]) === String(figs[0][key]?.text ?? figs[0][key]));
  const [sameMetric, sameScope, samePeriod] = [same("metric"), same("scope"), same("period")];
  return {
    kind: "bars",
    title: TEXT[title][lang],
    unit: AXIS_UNIT[display][lang],
    rows: rows.map((r, i) => {
      const f = figs[i];
      const name = sameMetric ? ds.name("scope", f.scope, lang) : ds.name("metric", f.metric, lang);
      const period = formatPeriod(f.period, lang);
      const label = sameMetric && sameScope ? period : samePeriod ? name : `${name} · ${period}`;
      const total = r.of ? mark(ds.figure(r.of), display, lang) : null;
      // Inner parts (bonded zones inside an area, outcomes replicated nationally) are summed.
      const inner = r.inner?.length ? r.inner.map((id) => mark(ds.figure(id), display, lang).value).reduce((a, b) => a + b) : null;
      const conflicts = (r.conflicts ?? []).map((id) => mark(ds.figure(id), display, lang));
      const m = mark(f, display, lang);
      return { label, color: COLORS[r.color ?? 0], value: m.value, valueLabel: m.label, derived: m.derived, total, inner, conflicts };
    }),
  };
}

/** The five charts of FTZ Atlas, in page order, as library-neutral models. */
export function buildCharts(ds, lang) {
  const timeline = () => {
    const figs = byPeriod(ds.select("ftz_trade_share_of_city", "ftz"));
    const points = figs.map((f) => ({ x: xPosition(f.period), ...mark(f, "pct", lang) }));
    const lo = 2017;
    const hi = Math.max(2025, ...points.filter((p) => p.x !== null).map((p) => Math.floor(p.x)));
    // Undated statements go in a slot to the right of the last year, as in FTZ Atlas.
    for (const p of points) if (p.x === null) p.x = hi + 1.5;
    return {
      kind: "timeline",
      title: TEXT.tradePanelShare[lang],
      unit: "%",
      name: TEXT.seriesShare[lang],
      xMin: lo,
      xMax: hi + 2,
      undatedAt: hi + 1,
      undatedLabel: TEXT.undated[lang],
      points,
    };
  };
  const dotRows = (metrics) => ({
    kind: "dots",
    title: TEXT.entPanelShares[lang],
    unit: "%",
    rows: metrics.map((metric, i) => ({
      label: ds.name("metric", metric, lang),
      color: COLORS[i],
      marks: byPeriod(ds.select(metric, "ftz")).map((f) => ({ ...mark(f, "pct", lang), period: formatPeriod(f.period, lang) })),
    })),
  });
  const matrix = () => {
    const groups = [
      ["liangjiang", "lianglu_cuntan_bonded"],
      ["xiyong", "xiyong_cbz", "rail_bonded_b"],
      ["guoyuangang"],
    ];
    const cols = [
      ["matrixArea", ["area_km2"]],
      ["matrixTrade", ["bonded_zone_trade_value", "bonded_zone_trade_share_of_city"]],
      ["matrixNev", ["area_nev_exports_container_model"]],
      ["matrixEnterprises", ["area_market_entities_cumulative"]],
      ["matrixForeignCapital", ["area_foreign_capital"]],
      ["matrixInnovation", ["area_innovation_outcomes"]],
    ];
    return {
      kind: "matrix",
      title: TEXT.areaPanelMatrix[lang],
      columns: cols.map(([t]) => TEXT[t][lang]),
      rows: groups.map(([scope]) => ds.name("scope", scope, lang)),
      // How many figures are published for each area (with its bonded zones) and theme.
      counts: groups.map((scopes) =>
        cols.map(([, metrics]) => ds.figures.filter((f) => metrics.includes(f.metric) && scopes.includes(f.scope)).length),
      ),
    };
  };
  return [
    {
      id: "trade-share",
      title: TEXT.tradeTitle[lang],
      subtitle: TEXT.tradeSubtitle[lang],
      panels: [
        timeline(),
        columns(ds, lang, "tradePanelTotal", "yi_yuan", [2019, 2025], [
          { name: "seriesCityTrade", metric: "city_foreign_trade_total", scope: "city", color: 0 },
          { name: "seriesFtzBound", metric: "ftz_trade_value", scope: "ftz", color: 1 },
        ], "nested"),
      ],
    },
    {
      id: "nev-exports",
      title: TEXT.nevTitle[lang],
      subtitle: TEXT.nevSubtitle[lang],
      // The series switches act on this panel (FTZ Atlas: the first multi-series column panel).
      togglePanel: 1,
      panels: [
        columns(ds, lang, "nevPanelUnits", "vehicles", [2022, 2025], [
          { name: "seriesFtzNev", metric: "ftz_nev_exports", scope: "ftz", color: 2 },
        ], "grouped"),
        columns(ds, lang, "nevPanelValue", "yi_yuan", [2022, 2025], [
          { name: "seriesCityVehicles", metric: "city_vehicle_exports_value", scope: "city", color: 0 },
          { name: "seriesCityEv", metric: "city_ev_exports_value", scope: "city", color: 1 },
        ], "grouped"),
      ],
    },
    {
      id: "innovation",
      title: TEXT.innovTitle[lang],
      subtitle: TEXT.innovSubtitle[lang],
      panels: [
        bars(ds, lang, "innovPanelTasks", "items", ["plan_tasks_2018", "plan_tasks_2020", "plan_tasks_2021"].map((figure) => ({ figure, of: "plan_tasks_total" }))),
        bars(ds, lang, "innovPanelOutcomes", "items", [
          { figure: "key_outcomes_2021", inner: ["replicated_nationally_2021"] },
          { figure: "key_outcomes_147" },
          { figure: "replicated_citywide_2023", color: 1 },
          { figure: "best_practice_5th", color: 2 },
          { figure: "best_practice_6th", color: 2 },
          { figure: "best_practice_cumulative", color: 2 },
        ]),
      ],
    },
    {
      id: "enterprises",
      title: TEXT.entTitle[lang],
      subtitle: TEXT.entSubtitle[lang],
      panels: [
        columns(ds, lang, "entPanelNew", "enterprises", [2017, 2024], [
          { name: "seriesNewEnterprises", metric: "ftz_new_registered_enterprises", scope: "ftz", color: 0 },
        ], "grouped"),
        bars(ds, lang, "entPanelCumulative", "enterprises", [
          { figure: "ftz_new_ent_cum_2019" },
          { figure: "ftz_new_ent_cum_2021" },
          { figure: "ftz_new_fie_cum_2019", color: 1 },
        ]),
        dotRows([
          "ftz_share_city_new_enterprises",
          "ftz_share_city_new_fie",
          "ftz_share_city_fdi",
          "ftz_share_city_actual_foreign_capital",
        ]),
      ],
    },
    {
      id: "areas",
      title: TEXT.areaTitle[lang],
      subtitle: TEXT.areaSubtitle[lang],
      panels: [
        bars(ds, lang, "areaPanelArea", "km2", [
          { figure: "area_ftz", conflicts: ["area_ftz_govcn"] },
          { figure: "area_liangjiang", inner: ["area_lianglu_cuntan"], conflicts: ["area_ljna_stated"], color: 1 },
          { figure: "area_xiyong", inner: ["area_xiyong_cbz", "area_rail_bonded_b"], color: 2 },
          { figure: "area_guoyuangang", color: 3 },
        ]),
        matrix(),
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The page shell both peers share: header texts, one card a chart with a box a panel, the
// language switch and the series switches, with the same classes and ids as FTZ Atlas
// (`.lang-switch`, `#nev-exports .series-toggle`), so the runner drives every target alike.

/** Panel heights in CSS px, chosen so each card is about as tall as FTZ Atlas's at 1280 px. */
export function panelHeight(p) {
  if (p.kind === "bars") return 80 + 44 * p.rows.length;
  return { timeline: 260, columns: 260, dots: 260, matrix: 200 }[p.kind];
}

/**
 * Builds the cards inside `main` and returns, per chart, the panel boxes (elements the page
 * draws into). `onToggle(seriesIndex)` is called by the series switches of `#nev-exports`.
 */
export function mountShell(main, charts, onToggle) {
  main.textContent = "";
  return charts.map((chart) => {
    const card = document.createElement("article");
    card.className = "chart-card";
    card.id = chart.id;
    card.innerHTML = `<h3></h3><p class="subtitle"></p>`;
    if (chart.togglePanel !== undefined) {
      const group = document.createElement("div");
      group.className = "series-toggles";
      chart.panels[chart.togglePanel].series.forEach((s, i) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "series-toggle";
        button.setAttribute("aria-pressed", "true");
        button.style.setProperty("--swatch", s.color);
        button.addEventListener("click", () => {
          button.setAttribute("aria-pressed", String(button.getAttribute("aria-pressed") !== "true"));
          onToggle(i);
        });
        group.append(button);
      });
      card.append(group);
    }
    const boxes = chart.panels.map((p) => {
      const box = document.createElement("div");
      box.className = `panel panel-${p.kind}`;
      box.style.height = `${panelHeight(p)}px`;
      card.append(box);
      return box;
    });
    main.append(card);
    return boxes;
  });
}

/** Writes the texts of the page (everything but the charts) in `lang`; the h1 last. */
export function writeTexts(charts, lang) {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = TEXT.appTitle[lang];
  for (const chart of charts) {
    const card = document.getElementById(chart.id);
    card.querySelector("h3").textContent = chart.title;
    card.querySelector(".subtitle").textContent = chart.subtitle;
    if (chart.togglePanel !== undefined) {
      const series = chart.panels[chart.togglePanel].series;
      card.querySelectorAll(".series-toggle").forEach((b, i) => (b.textContent = series[i].name));
    }
  }
  const other = lang === "zh" ? "en" : "zh";
  const button = document.querySelector(".lang-switch");
  button.textContent = TEXT.switchLanguage[lang];
  button.lang = other === "zh" ? "zh-CN" : "en";
  button.setAttribute("aria-label", TEXT.switchLanguageLabel[lang]);
  document.querySelector("h1").textContent = TEXT.appTitle[lang];
}

/** Marks one finished redraw (the runner waits for this attribute to change). */
let redraws = 0;
export function markDrawn() {
  document.body.dataset.drawn = String(++redraws);
}

/** The language to start in: `?lang=zh|en` if given, else the browser's, as FTZ Atlas does. */
export function initialLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "zh" || asked === "en") return asked;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}
