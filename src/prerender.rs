//! The prerendered page: what the reader sees before the app has started, written into the
//! release build's `index.html` natively (`ftz-atlas prerender dist/index.html`, run by
//! `scripts/build.sh` after `trunk build`).
//!
//! It holds the page as the app first renders it (header, headline cards, every chart card with
//! its chart, the source notes, "About the data", the footer), with the same elements and
//! classes, for both languages; each chart is drawn by the one draw routine as SVG
//! ([`crate::render::svg::page_svg`]) in both themes and at the two widths where the page's
//! chart box has a fixed width (`WIDTHS`). `assets/prefs.js`, a render-blocking script in
//! `<head>`, sets `lang`, `data-theme` and `data-embed` on `<html>` before the body paints, and
//! the stylesheet shows only the matching variant. When the app mounts it replaces all of this in
//! one task, so nothing paints in between; the canvases it draws have the SVGs' sizes.

use std::collections::BTreeSet;

use crate::chart::{build, catalog, ChartModel, Theme};
use crate::data::Dataset;
use crate::format::{figure_value, Style};
use crate::i18n::{colon, fill, Lang, Text};
use crate::render::svg::page_svg;

/// The widths the charts are prerendered at: the chart box at a 360 px wide window (narrow
/// layout, `max-width: 480px` in the stylesheet), and in two columns at 1320 px and wider.
pub const WIDTHS: [(u32, &str); 2] = [(312, "narrow"), (602, "wide")];

/// Where the prerendered page goes in `index.html`: the content of `<div id="app">` (as
/// written, or as Trunk's minifier writes it).
const STARTS: [&str; 2] = ["<div id=\"app\">", "<div id=app>"];

use crate::office::xml::esc;

/// The page's SVG of a chart made smaller for inlining, drawing the same: the font family
/// (the stylesheet gives `.pre-svg` the page's font stack, the same one), attributes with their
/// default value and the line breaks around text (SVG collapses that white space) are dropped.
pub fn compact(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() / 2);
    let mut rest = svg;
    while let Some(start) = rest.find(" font-family=\"") {
        out.push_str(&rest[..start]);
        let after = &rest[start + " font-family=\"".len()..];
        match after.find('"') {
            Some(end) => rest = &after[end + 1..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    // Attributes that say what SVG does by default (nothing in these SVGs inherits otherwise).
    for default in [" opacity=\"1\"", " text-anchor=\"start\"", " stroke=\"none\"", " stroke-width=\"1\""] {
        out = out.replace(default, "");
    }
    out.replace(">\n", ">").replace("\n<", "<")
}

/// One chart's SVG as the prerendered page holds it: [`page_svg`], [`compact`]ed, with the
/// classes that pick its variant and hidden from assistive technology (the card's
/// description says what it shows).
pub fn chart_svg(model: &ChartModel, width: u32, class: &str, theme: Theme) -> Result<String, String> {
    let svg = page_svg(model, width, theme).map_err(|e| e.0)?;
    let svg = compact(&svg);
    let open = format!("<svg class=\"pre-svg {class}\" aria-hidden=\"true\" focusable=\"false\"");
    Ok(svg.replacen("<svg", &open, 1))
}

fn button(class: &str, text: &str) -> String {
    format!("<button type=\"button\" class=\"{class}\" tabindex=\"-1\">{}</button>", esc(text))
}

fn card(model: &ChartModel, colours: &mut BTreeSet<(String, String, String)>) -> Result<String, String> {
    let l = model.lang;
    let slug = model.id.slug();
    let toggles = catalog::toggleable(model.id);
    let mut s = format!("<article class=\"chart-card\" data-pre=\"{slug}\">");
    s += &format!(
        "<div class=\"card-head\"><h3>{}</h3><div class=\"card-tools needs-js\">{}<details class=\"export-menu\"><summary class=\"switch\" tabindex=\"-1\">{}</summary></details></div></div>",
        esc(&model.title),
        button("switch view-switch", Text::ShowTable.t(l)),
        esc(Text::Download.t(l)),
    );
    s += &format!("<p class=\"subtitle\">{}</p>", esc(&model.subtitle));
    s += &format!(
        "<div class=\"series-toggles needs-js\"{}>",
        if toggles.is_empty() { " hidden" } else { "" }
    );
    for (_, name, color) in &toggles {
        s += &format!(
            "<button type=\"button\" class=\"series-toggle series-{color}\" tabindex=\"-1\"><span class=\"swatch\"></span>{}</button>",
            esc(name.t(l))
        );
    }
    s += "</div><div class=\"chart-body\"><div class=\"chart-canvas\" role=\"img\"";
    s += &format!(" aria-label=\"{}\">", esc(&model.title));
    for (width, class) in WIDTHS {
        let light = chart_svg(model, width, class, Theme::Light)?;
        let dark = chart_svg(model, width, class, Theme::Dark)?;
        match theme_map(&light, &dark) {
            // The dark chart is the light one with other colours: the stylesheet recolours it.
            Some(pairs) if consistent(colours, &pairs) => {
                colours.extend(pairs);
                s += &light;
            }
            _ => s += &format!("<div class=\"pre-light\">{light}</div><div class=\"pre-dark\">{dark}</div>"),
        }
    }
    s += "</div></div>";
    s += &format!("<p class=\"visually-hidden\">{}</p>", esc(&model.description));
    s += &source_notes(model);
    s += "</article>";
    Ok(s)
}

/// The source line and, folded, every drawn figure with its quote and source, as the app's
/// source notes.
fn source_notes(m: &ChartModel) -> String {
    let l = m.lang;
    let mut s = format!(
        "<details class=\"source-notes\"><summary><span class=\"source-line\">{}</span><span class=\"source-toggle\">{}</span></summary><ol class=\"figure-list\">",
        esc(&m.source_line),
        esc(Text::SourcesDetails.t(l))
    );
    for d in &m.details {
        s += &format!(
            "<li><p class=\"figure-line\"><strong>{}</strong>{}</p>",
            esc(&d.value),
            esc(&format!(" · {} · {} · {}", d.metric, d.scope, d.period))
        );
        if d.derived {
            s += &format!(
                "<p class=\"formula\"><span class=\"tag\">{}</span>{}</p>",
                esc(Text::Derived.t(l)),
                esc(&format!(" {}{}{}", Text::FormulaLabel.t(l), colon(l), d.formula))
            );
        }
        if !d.quote.is_empty() {
            s += &format!("<blockquote lang=\"zh\">{}</blockquote>", esc(&d.quote));
        }
        let title = esc(&d.source_title);
        let cite = if d.url.is_empty() {
            format!("<cite>{title}</cite>")
        } else {
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\"><cite>{title}</cite></a>",
                esc(&d.url)
            )
        };
        s += &format!(
            "<p class=\"source-detail\">{}{cite}",
            esc(&format!("{}{}", Text::SourceLabel.t(l), colon(l)))
        );
        for extra in [&d.publisher, &d.published] {
            if !extra.is_empty() {
                s += &esc(&format!(" · {extra}"));
            }
        }
        s += "</p>";
        if !d.note.is_empty() {
            s += &format!(
                "<p class=\"note\">{}</p>",
                esc(&format!("{}{}{}", Text::NoteLabel.t(l), colon(l), d.note))
            );
        }
        s += "</li>";
    }
    s += "</ol></details>";
    s
}

fn headline(ds: &Dataset, l: Lang) -> String {
    let card = |id: &str, label: Text, extra: Option<&str>| {
        let Some(f) = ds.figure(id) else { return String::new() };
        let extra = extra.and_then(|x| ds.figure(x)).map(|g| {
            format!(
                "<span class=\"headline-extra\">{}</span>",
                esc(&format!(
                    "{} {}",
                    Text::CardNevGrowth.t(l),
                    figure_value(g, l, Style::Full).replacen("", "+", 1)
                ))
            )
        });
        format!(
            "<li class=\"headline-card\" title=\"{}\"><span class=\"headline-value\">{}</span>{}<span class=\"headline-label\">{}</span></li>",
            esc(&f.quote),
            esc(&figure_value(f, l, Style::Full)),
            extra.unwrap_or_default(),
            esc(label.t(l))
        )
    };
    format!(
        "<section class=\"headline\"><h2>{}</h2><ul class=\"headline-cards\">{}{}{}{}</ul><p class=\"headline-note\">{}</p></section>",
        esc(Text::HeadlineHeading.t(l)),
        card("ftz_new_ent_2023", Text::CardNewEnterprises, None),
        card("trade_share_2023", Text::CardTradeShare, None),
        card("ftz_nev_2023", Text::CardNevExports, Some("ftz_nev_yoy_2023")),
        card("replicated_citywide_2023", Text::CardReplicated, None),
        esc(Text::HeadlineNote.t(l)),
    )
}

/// The prerendered page in `lang`: a `<div class="pre" data-lang=…>` the stylesheet shows when
/// `<html lang>` is that language.
pub fn page(
    ds: &Dataset,
    lang: Lang,
    colours: &mut BTreeSet<(String, String, String)>,
) -> Result<String, String> {
    let l = lang;
    let theme_text = |light: Text, dark: Text| {
        format!(
            "<span class=\"pre-light\">{}</span><span class=\"pre-dark\">{}</span>",
            esc(light.t(l)),
            esc(dark.t(l))
        )
    };
    let mut s = format!("<div class=\"pre\" data-lang=\"{}\" lang=\"{}\">", l.code(), html_lang(l));
    s += &format!(
        "<header class=\"page-header\"><div class=\"page-header-inner\"><div><h1>{}</h1><p class=\"lede\">{}</p></div><div class=\"switches needs-js\">{}<button type=\"button\" class=\"switch theme-switch\" tabindex=\"-1\">{}</button>{}{}</div></div></header>",
        esc(Text::AppTitle.t(l)),
        esc(Text::AppSubtitle.t(l)),
        button("switch lang-switch", Text::SwitchLanguage.t(l)),
        theme_text(Text::ThemeToDark, Text::ThemeToLight),
        button("switch present-switch", Text::Present.t(l)),
        button("switch deck-switch", Text::DeckDownload.t(l)),
    );
    s += "<main>";
    s += &headline(ds, l);
    s += &format!(
        "<section class=\"charts\"><h2 class=\"visually-hidden\">{}</h2>",
        esc(Text::ChartsHeading.t(l))
    );
    for spec in catalog::all() {
        let model = build(ds, &spec, l);
        s += &card(&model, colours)?;
    }
    s += "</section>";
    s += &format!("<noscript><p class=\"needs-js-note\">{}</p></noscript>", esc(Text::NeedsJavaScript.t(l)));
    let counts = fill(Text::AboutCounts.t(l), &[ds.figures.len().to_string(), ds.sources.len().to_string()]);
    s += &format!(
        "<section class=\"about\"><h2>{}</h2><p>{} {}</p><p>{}</p><p>{}</p><p>{}</p><p class=\"muted\">{}</p></section>",
        esc(Text::AboutHeading.t(l)),
        esc(Text::AboutCoverage.t(l)),
        esc(&counts),
        esc(Text::AboutGaps.t(l)),
        esc(Text::AboutQualifiers.t(l)),
        esc(Text::AboutConflicts.t(l)),
        esc(Text::AboutDataset.t(l)),
    );
    s += "</main>";
    s += &format!("<footer class=\"page-footer\">{}</footer>", esc(Text::Footer.t(l)));
    s += "</div>";
    Ok(s)
}

fn html_lang(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// `index` (the built page) with the content of its `<div id="app">` replaced by the
/// prerendered page in both languages, and the stylesheet rules its dark theme needs
/// ([`dark_rules`]). The app's element must be the page's last `<div>`.
pub fn into_index(index: &str, ds: &Dataset) -> Result<(String, String), String> {
    let start = STARTS
        .iter()
        .find_map(|tag| index.find(tag).map(|i| i + tag.len()))
        .ok_or("no <div id=\"app\"> in the page")?;
    let close = index.rfind("</div>").filter(|&c| c >= start).ok_or("<div id=\"app\"> is not closed")?;
    let mut out = String::with_capacity(index.len() + 400_000);
    let mut colours = BTreeSet::new();
    out.push_str(&index[..start]);
    for lang in [Lang::Zh, Lang::En] {
        out.push_str(&page(ds, lang, &mut colours)?);
    }
    out.push_str(&index[close..]);
    Ok((out, dark_rules(&colours)))
}

/// Where a light SVG and its dark twin differ, if only in colours and each light colour always
/// becomes the same dark one: every `(attribute, light, dark)`. `None` when they differ in
/// anything else.
pub fn theme_map(light: &str, dark: &str) -> Option<BTreeSet<(String, String, String)>> {
    let mut pairs = BTreeSet::new();
    let (mut a, mut b) = (light, dark);
    loop {
        match (a.find("=\"#"), b.find("=\"#")) {
            (None, None) if a == b => break,
            (Some(i), Some(j)) if a[..i] == b[..j] => {
                let attr = a[..i].rsplit(' ').next().unwrap_or("").to_string();
                let (ca, cb) = (a.get(i + 2..i + 9)?, b.get(j + 2..j + 9)?);
                if ca != cb {
                    pairs.insert((attr, ca.to_string(), cb.to_string()));
                }
                a = &a[i + 9..];
                b = &b[j + 9..];
            }
            _ => return None,
        }
    }
    // One dark colour for each light colour and attribute.
    let keys: BTreeSet<_> = pairs.iter().map(|(attr, l, _)| (attr, l)).collect();
    (keys.len() == pairs.len()).then_some(pairs)
}

/// Whether `more` maps no light colour to another dark one than `known` does.
fn consistent(known: &BTreeSet<(String, String, String)>, more: &BTreeSet<(String, String, String)>) -> bool {
    more.iter()
        .all(|(attr, light, dark)| known.iter().all(|(a, l, d)| !(a == attr && l == light && d != dark)))
}

/// The stylesheet rules that recolour the prerendered light charts in the dark theme: when the
/// reader chose it (`data-theme=dark`), and when the system prefers it and nothing was chosen
/// (scripts off).
pub fn dark_rules(colours: &BTreeSet<(String, String, String)>) -> String {
    let rules = |scope: &str| {
        colours
            .iter()
            .map(|(attr, light, dark)| format!("{scope} .pre-svg [{attr}=\"{light}\"]{{{attr}:{dark}}}"))
            .collect::<String>()
    };
    format!(
        "{}@media (prefers-color-scheme:dark){{{}}}",
        rules("html[data-theme=dark]"),
        rules("html:not([data-theme])")
    )
}

/// Marks where the prerender's rules start in the stylesheet, so a second run replaces them.
pub const CSS_MARK: &str = "/* prerendered charts, dark theme */";

/// The built stylesheet with the dark rules of the prerendered charts at its end (replacing
/// those of an earlier run).
pub fn into_css(css: &str, rules: &str) -> String {
    let kept = css.find(CSS_MARK).map_or(css, |i| &css[..i]);
    format!("{kept}{CSS_MARK}{rules}")
}
