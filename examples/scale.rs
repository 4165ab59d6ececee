//! How the native core scales with the size of the dataset:
//!
//! ```sh
//! cargo run --release --example scale
//! ```
//!
//! For 1,000, 10,000 and 100,000 figures it writes a synthetic but valid `figures.csv` (the
//! schema of `assets/data/README.md`, with keys from the embedded dictionary and sources), then
//! times, median of 5 runs each:
//!
//! - parse + validate: `Dataset::parse` over it and the embedded `sources.csv` and
//!   `dictionary.csv` (CSV reading, checks, formula parsing and resolving the derived figures);
//! - build: `chart::build` of the trade-share chart over that dataset;
//! - draw: `render::svg::to_svg` of that model, 960 px wide with its header.
//!
//! The synthetic figures are Chongqing's foreign trade (`city_foreign_trade_total`, published,
//! one in ten a part-year) in years 1900–2100, and one row in ten is a derived FTZ bound
//! (`ftz_trade_value` = 0.6 × the figure just before it). The chart's Columns panel picks one
//! figure per series and year, so the chart stays at 201 columns (at most 402 figures drawn)
//! whatever the size: build scans the whole dataset, draw does not grow with it.
//!
//! A second table does the same for a dense timeline: `n` imported statements of the FTZ's
//! trade share (`ftz_trade_share_of_city`, source `file:scale.csv`, dates spread over
//! 2017–2025) in the trade-share chart, whose timeline thins them to at most 1,200 drawn marks
//! (the lowest and highest of each of 600 intervals, plus the published figures).
//!
//! Peak RSS is the process's `VmHWM` (`/proc/self/status`), reset before each size through
//! `/proc/self/clear_refs` when the kernel allows it (else it is the high-water mark so far).

use std::fmt::Write as _;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use ftz_atlas::chart::{self, catalog, ChartId};
use ftz_atlas::data::{Dataset, EMBEDDED};
use ftz_atlas::i18n::{issue_message, Lang};
use ftz_atlas::render::svg;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const RUNS: usize = 5;
const FIRST_YEAR: usize = 1900;
const YEARS: usize = 201; // 1900..=2100, the years a period may name

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scale: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let resettable = reset_peak_rss();
    println!("FTZ Atlas core at scale: median of {RUNS} runs per size (trade-share chart, SVG 960 px wide)");
    println!("\nyearly city totals (one column per series and year):");
    table(figures_csv, EMBEDDED.sources.to_string())?;
    println!("\nimported statements of the trade share (a dense timeline):");
    table(statements_csv, format!("{}file:scale.csv,scale.csv,-,,,\n", EMBEDDED.sources))?;
    scopes_table()?;
    println!(
        "drawn: figures in the chart model; peak RSS: VmHWM, {}",
        if resettable {
            "reset before each size (so it includes that size's CSV text and allocator leftovers)"
        } else {
            "not resettable here, so the high-water mark of the whole run so far"
        }
    );
    Ok(())
}

fn table(make_csv: fn(usize) -> String, sources: String) -> Result<(), String> {
    let header = ["figures", "CSV bytes", "parse+validate", "build", "draw", "peak RSS", "drawn", "SVG"];
    print_row(&header.map(String::from));
    print_row(&WIDTHS.map(|w| "-".repeat(w)));
    for &n in &SIZES {
        reset_peak_rss();
        let csv = make_csv(n);
        let mut parse = Vec::with_capacity(RUNS);
        let mut build = Vec::with_capacity(RUNS);
        let mut draw = Vec::with_capacity(RUNS);
        let mut drawn = 0;
        let mut svg_bytes = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let ds = Dataset::parse(black_box(&csv), &sources, EMBEDDED.dictionary)
                .map_err(|issues| describe_issues(n, &issues))?;
            parse.push(ms(t));
            if ds.figures.len() != n {
                return Err(format!("{n} figures written, {} parsed", ds.figures.len()));
            }

            let t = Instant::now();
            let model = chart::build(&ds, &catalog::spec(ChartId::TradeShare), Lang::Zh);
            build.push(ms(t));

            let t = Instant::now();
            let out = svg::to_svg(&model, &svg::SvgOptions::export(960))
                .map_err(|e| format!("drawing {n}: {e}"))?;
            draw.push(ms(t));

            drawn = model.figures.len();
            svg_bytes = black_box(out).len();
        }
        print_row(&[
            thousands(n),
            thousands(csv.len()),
            format!("{:.1} ms", median(&mut parse)),
            format!("{:.1} ms", median(&mut build)),
            format!("{:.1} ms", median(&mut draw)),
            peak_rss_kb().map_or("–".to_string(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
            drawn.to_string(),
            format!("{} KB", svg_bytes / 1000),
        ]);
    }
    Ok(())
}

/// Imported per-district series (issue 15): `districts` new scopes × `years` years × `metrics`
/// of the 片区 chart, imported as the page does (decode, `ImportJob` in steps of 2,000 rows,
/// finish), added (`with_imports`), every chart built, and every chart drawn as SVG 960 px wide.
/// "Longest step" is the longest of the pieces the page runs as one main-thread task: one
/// import step of 2,000 rows, the finish, one merge step of 10,000 figures, building one
/// chart, drawing one chart (natively; the browser's long tasks are in the e2e report,
/// tests/e2e/scale.test.mjs).
fn scopes_table() -> Result<(), String> {
    use ftz_atlas::data::import::{decode, ImportJob};
    use ftz_atlas::data::Merge;
    println!("\nimported per-district series, added to the charts (median of {RUNS} runs):");
    let header =
        ["scopes", "figures", "CSV bytes", "import", "add+build", "draw (5)", "longest step", "片区 px"];
    let widths = [7, 8, 10, 10, 10, 10, 12, 8];
    let row = |cells: &[String]| {
        let line: Vec<String> = cells.iter().zip(widths).map(|(c, w)| format!("{c:>w$}")).collect();
        println!("{}", line.join("  "));
    };
    row(&header.map(String::from));
    row(&widths.map(|w| "-".repeat(w)));
    let base = Dataset::embedded().map_err(|i| describe_issues(0, &i))?;
    for (districts, years, first, metrics) in
        [(3, 11, 2015, 3), (40, 11, 2015, 3), (1_000, 3, 2015, 3), (1_000, 150, 1900, 1)]
    {
        let csv = districts_csv(districts, years, first, metrics);
        let (mut import_t, mut add_t, mut draw_t, mut longest) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut figures, mut areas_h) = (0, 0.0);
        for _ in 0..RUNS {
            let mut long: f64 = 0.0;
            let t = Instant::now();
            let text = decode("districts.csv", csv.as_bytes()).map_err(|i| issue_message(&i, Lang::En))?;
            let mut job = ImportJob::new("districts.csv", text, &base);
            long = long.max(ms(t));
            loop {
                let s = Instant::now();
                let done = job.step(2_000, &base).done;
                long = long.max(ms(s));
                if done {
                    break;
                }
            }
            let s = Instant::now();
            let import = job.finish(&base).map_err(|(i, _)| describe_issues(districts, &i))?;
            long = long.max(ms(s));
            import_t.push(ms(t));
            figures = import.figures.len();
            // As the page does: the merge in steps of 10,000 figures, then each chart's model
            // in a task of its own (web::deferred).
            let t = Instant::now();
            let mut merge = Merge::new(&base, [&import]);
            loop {
                let s = Instant::now();
                let done = merge.step(10_000);
                long = long.max(ms(s));
                if done {
                    break;
                }
            }
            let ds = merge.finish();
            let mut models = Vec::new();
            for &id in &ChartId::ALL {
                let s = Instant::now();
                models.push(chart::build(&ds, &catalog::spec(id), Lang::Zh));
                long = long.max(ms(s));
            }
            add_t.push(ms(t));
            let t = Instant::now();
            for m in &models {
                let s = Instant::now();
                let out =
                    svg::to_svg(m, &svg::SvgOptions::export(960)).map_err(|e| format!("drawing: {e}"))?;
                black_box(out);
                long = long.max(ms(s));
            }
            draw_t.push(ms(t));
            longest.push(long);
            let f = chart::Frame { width: 960.0, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
            areas_h = models.iter().find(|m| m.id == ChartId::Areas).map_or(0.0, |m| chart::height(m, &f));
        }
        row(&[
            thousands(districts),
            thousands(figures),
            thousands(csv.len()),
            format!("{:.1} ms", median(&mut import_t)),
            format!("{:.1} ms", median(&mut add_t)),
            format!("{:.1} ms", median(&mut draw_t)),
            format!("{:.1} ms", median(&mut longest)),
            format!("{areas_h:.0}"),
        ]);
    }
    Ok(())
}

/// `districts` new scopes (named in `scope_zh`/`scope_en`) × `years` years from `first` ×
/// `metrics` (1–3) of the 片区 chart: a share, market entities, an area.
fn districts_csv(districts: usize, years: usize, first: usize, metrics: usize) -> String {
    let mut out = String::from("id,metric,scope,period,qualifier,value,unit,scope_zh,scope_en\n");
    for d in 0..districts {
        for y in 0..years {
            let year = first + y;
            let share = 1.0 + ((d * 7 + y * 3) % 50) as f64 / 2.0;
            let _ = writeln!(
                out,
                "d{d}_s{year},bonded_zone_trade_share_of_city,district_{d:04},{year},exact,{share},pct,区县{d:04},District {d:04}"
            );
            if metrics > 1 {
                let v = 1000 + d * 10 + y * 100;
                let _ = writeln!(out, "d{d}_e{year},area_market_entities_cumulative,district_{d:04},{year},exact,{v},market_entities,,");
            }
            if metrics > 2 {
                let _ = writeln!(
                    out,
                    "d{d}_a{year},area_km2,district_{d:04},{year},exact,{}.5,km2,,",
                    10 + d % 30
                );
            }
        }
    }
    out
}

/// A valid `figures.csv` of `n` imported statements of the FTZ's share of the city's trade:
/// ids `u0`…, dated 2017-01-01 to 2025-12-28 in file order, percent values that rise and fall.
fn statements_csv(n: usize) -> String {
    let mut out = String::with_capacity(n * 90);
    out.push_str("id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n");
    for i in 0..n {
        let slot = i * 3024 / n.max(1); // 9 years × 12 months × 28 days
        let (year, month, day) = (2017 + slot / 336, slot % 336 / 28 + 1, slot % 28 + 1);
        let v = (i * 7919 + (i / 97) * 131) % 9001;
        let _ = writeln!(
            out,
            "u{i},ftz_trade_share_of_city,ftz,stated:{year}-{month:02}-{day:02},exact,{}.{:02},pct,,file:scale.csv,row {i},",
            v / 100,
            v % 100
        );
    }
    out
}

/// A valid `figures.csv` of `n` rows: published city totals and, one row in ten, a derived FTZ
/// bound over the row before it. Ids `f0000000`…, years spread over 1900–2100.
fn figures_csv(n: usize) -> String {
    let mut out = String::with_capacity(n * 150);
    out.push_str("id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n");
    let year = |i: usize| FIRST_YEAR + (i * 37) % YEARS;
    for i in 0..n {
        // Writing into a String cannot fail; the results are ignored for that reason.
        if i % 10 == 9 {
            let _ = writeln!(
                out,
                "f{i:07},ftz_trade_value,ftz,{},more_than,,yi_yuan,f{:07} * 0.6,SEED,synthetic bound {i},",
                year(i - 1),
                i - 1
            );
        } else {
            let period = if i % 10 == 4 { format!("{0}-01..{0}-10", year(i)) } else { year(i).to_string() };
            let qualifier = if i % 7 == 0 { "about" } else { "exact" };
            let value = format!("{}.{}", 3000 + (i * 7919) % 6000, i % 10);
            let note = if i % 20 == 0 { "\"synthetic, with a comma and \"\"quotes\"\"\"" } else { "" };
            let _ = writeln!(
                out,
                "f{i:07},city_foreign_trade_total,city,{period},{qualifier},{value},yi_yuan,,SEED,synthetic figure {i},{note}"
            );
        }
    }
    out
}

const WIDTHS: [usize; 8] = [8, 10, 14, 10, 8, 9, 5, 6];

fn print_row(cells: &[String; 8]) {
    let line: Vec<String> = cells.iter().zip(WIDTHS).map(|(c, w)| format!("{c:>w$}")).collect();
    println!("{}", line.join("  "));
}

fn describe_issues(n: usize, issues: &[ftz_atlas::data::Issue]) -> String {
    let mut text = format!("the synthetic dataset of {n} figures has {} problem(s):", issues.len());
    for issue in issues.iter().take(5) {
        let _ = write!(text, "\n  {}", issue_message(issue, Lang::En));
    }
    text
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    match xs.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => xs[len / 2],
        len => (xs[len / 2 - 1] + xs[len / 2]) / 2.0,
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `VmHWM` of this process in KiB, if `/proc/self/status` has it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets `VmHWM` to the current RSS (Linux ≥ 4.0: "5" into `/proc/self/clear_refs`).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}
