//! The prerendered page (src/prerender.rs): what the release build's `index.html` shows before
//! the app starts. Every chart is there in both languages, drawn by the same routine as the
//! SVG snapshots and at the size the app's canvas takes; the dark theme's recolouring gives
//! exactly the dark chart; the page needs no inline script or style (the CSP).

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::chart::{build, catalog, ChartId, ChartLayout, Frame, Theme};
use ftz_atlas::data::Dataset;
use ftz_atlas::i18n::{Lang, Text};
use ftz_atlas::office::xml::esc;
use ftz_atlas::prerender::{chart_svg, compact, dark_rules, into_css, into_index, theme_map, WIDTHS};
use ftz_atlas::render::svg::{page_svg, to_svg, SvgOptions};

fn ds() -> Dataset {
    Dataset::embedded().unwrap_or_else(|issues| panic!("dataset: {issues:?}"))
}

const INDEX: &str = include_str!("../index.html");

fn built() -> (String, String) {
    into_index(INDEX, &ds()).unwrap_or_else(|e| panic!("prerender: {e}"))
}

/// The value of `name="…"` in the first tag of `svg`.
fn attr(svg: &str, name: &str) -> Option<f64> {
    let tag = &svg[..svg.find('>')?];
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()?.parse().ok()
}

#[test]
fn the_page_svg_is_the_snapshot_drawn_by_the_same_routine() {
    // tests/snapshots/<chart>-zh-360.svg is `to_svg` without the header at 360 px: the page's
    // SVG at that width is the same document, and its prerendered form is that snapshot compacted.
    let ds = ds();
    for id in ChartId::ALL {
        let m = build(&ds, &catalog::spec(id), Lang::Zh);
        let path = format!("{}/tests/snapshots/{}-zh-360.svg", env!("CARGO_MANIFEST_DIR"), id.slug());
        let snapshot = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let svg = page_svg(&m, 360, Theme::Light).unwrap_or_default();
        assert_eq!(svg, snapshot, "{id:?}");
        let pre = chart_svg(&m, 360, "narrow", Theme::Light).unwrap_or_default();
        assert_eq!(
            pre,
            compact(&snapshot).replacen(
                "<svg",
                "<svg class=\"pre-svg narrow\" aria-hidden=\"true\" focusable=\"false\"",
                1
            )
        );
    }
}

#[test]
fn every_chart_is_in_the_page_in_both_languages_at_both_widths() {
    let ds = ds();
    let (page, _) = built();
    for lang in [Lang::Zh, Lang::En] {
        for id in ChartId::ALL {
            let m = build(&ds, &catalog::spec(id), lang);
            for (width, class) in WIDTHS {
                let svg = chart_svg(&m, width, class, Theme::Light).unwrap_or_default();
                assert!(svg.len() > 1000 && page.contains(&svg), "{id:?} {lang:?} {width}");
                // The size the app's canvas takes at that width, one device pixel per CSS pixel.
                let frame = Frame {
                    width: f64::from(width),
                    scale: 1.0,
                    header: false,
                    dark: false,
                    font_scale: 1.0,
                };
                let canvas = ChartLayout::new(&m, &frame).height;
                assert_eq!(attr(&svg, "height"), Some(canvas), "{id:?} {lang:?} {width}");
                assert_eq!(attr(&svg, "width"), Some(f64::from(width)));
            }
            let title = esc(&m.title);
            assert!(page.contains(&format!("<h3>{title}</h3>")), "{title}");
            assert!(page.contains(&esc(&m.source_line)), "{}", m.source_line);
            for d in &m.details {
                assert!(page.contains(&esc(&d.quote)), "quote of {}", d.figure);
            }
        }
        for text in
            [Text::AppTitle, Text::AboutHeading, Text::HeadlineHeading, Text::NeedsJavaScript, Text::Footer]
        {
            assert!(page.contains(&esc(text.t(lang))), "{text:?} {lang:?}");
        }
    }
    assert_eq!(page.matches("<article class=\"chart-card\" data-pre=").count(), 2 * ChartId::ALL.len());
    assert_eq!(page.matches("<div class=\"pre\" data-lang=").count(), 2);
}

#[test]
fn the_page_keeps_the_csp() {
    let (page, _) = built();
    // The CSP allows no inline script or style: one <script> in <head> for the preferences
    // (prefs.js) and the loader, both files; no style attribute anywhere.
    assert_eq!(page.matches("<script").count(), 2);
    assert!(page.contains("<script src=\"prefs.js\"></script>"));
    assert!(!page.contains(" style=") && !page.contains("<style"));
    // The skeleton is gone, the page's head and its closing tags are kept.
    assert!(!page.contains("skeleton"));
    assert!(page.starts_with("<!doctype html>") && page.trim_end().ends_with("</html>"));
    assert!(into_index("<html><body></body></html>", &ds()).is_err());
}

#[test]
fn the_dark_rules_turn_each_light_chart_into_the_dark_one() {
    let ds = ds();
    let (page, css) = built();
    for lang in [Lang::Zh, Lang::En] {
        for id in ChartId::ALL {
            let m = build(&ds, &catalog::spec(id), lang);
            for (width, class) in WIDTHS {
                let light = chart_svg(&m, width, class, Theme::Light).unwrap_or_default();
                let dark = chart_svg(&m, width, class, Theme::Dark).unwrap_or_default();
                assert_ne!(light, dark);
                let Some(pairs) = theme_map(&light, &dark) else {
                    // Not a recolouring: the page holds both.
                    assert!(page.contains(&dark), "{id:?} {lang:?}: dark chart missing");
                    continue;
                };
                // Recolour the light chart as the stylesheet does: the dark chart.
                let mut out = String::new();
                let mut rest = light.as_str();
                while let Some(i) = rest.find("=\"#") {
                    let attr = rest[..i].rsplit(' ').next().unwrap_or("");
                    let colour = &rest[i + 2..i + 9];
                    let to = pairs
                        .iter()
                        .find(|(a, l, _)| a == attr && l == colour)
                        .map_or(colour, |p| p.2.as_str());
                    let rule = format!("html[data-theme=dark] .pre-svg [{attr}=\"{colour}\"]{{{attr}:{to}}}");
                    assert!(to == colour || css.contains(&rule), "{rule}");
                    out.push_str(&rest[..i + 2]);
                    out.push_str(to);
                    rest = &rest[i + 9..];
                }
                out.push_str(rest);
                assert_eq!(out, dark, "{id:?} {lang:?} {width}");
            }
        }
    }
    // Charts that differ in more than colours are no recolouring.
    assert!(theme_map("<rect fill=\"#FFFFFF\"/>", "<rect fill=\"#000000\" x=\"1\"/>").is_none());
    // Nor is a light colour that becomes two dark ones.
    assert!(theme_map(
        "<a fill=\"#FFFFFF\"/><b fill=\"#FFFFFF\"/>",
        "<a fill=\"#000000\"/><b fill=\"#111111\"/>"
    )
    .is_none());
    let pairs =
        theme_map("<a fill=\"#FFFFFF\" stroke=\"#222222\"/>", "<a fill=\"#000000\" stroke=\"#222222\"/>");
    assert_eq!(pairs.map(|p| dark_rules(&p)).unwrap_or_default().matches("{fill:#000000}").count(), 2);
}

#[test]
fn the_stylesheet_gets_the_rules_once() {
    let (_, rules) = built();
    let once = into_css("body{}", &rules);
    assert_eq!(into_css(&once, &rules), once);
    assert!(once.starts_with("body{}") && once.ends_with(&rules));
}

#[test]
fn compacting_only_drops_defaults() {
    let svg = "<svg width=\"10\" height=\"5\">\n<text x=\"1\" font-family=\"a, &apos;b&apos;\" opacity=\"1\" text-anchor=\"start\" fill=\"#1A1A1A\">\nA &amp; B\n</text>\n<rect x=\"0\" stroke=\"none\" stroke-width=\"1\" opacity=\"0.5\" text-anchor=\"end\"/>\n</svg>\n";
    assert_eq!(
        compact(svg),
        "<svg width=\"10\" height=\"5\"><text x=\"1\" fill=\"#1A1A1A\">A &amp; B</text><rect x=\"0\" opacity=\"0.5\" text-anchor=\"end\"/></svg>"
    );
    // The real charts keep their marks and texts.
    let m = build(&ds(), &catalog::spec(ChartId::NevExports), Lang::En);
    let full = to_svg(&m, &SvgOptions { width: 602, header: false, dark: false }).unwrap_or_default();
    let small = compact(&full);
    assert!(small.len() * 3 < full.len() * 2, "{} of {}", small.len(), full.len());
    for tag in ["<text", "<rect", "<polyline", "<circle", "<polygon"] {
        assert_eq!(small.matches(tag).count(), full.matches(tag).count(), "{tag}");
    }
}
