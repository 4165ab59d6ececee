//! Chart models → a [`Deck`]: one slide per panel, each a native chart where the panel is
//! values on one scale (columns, a timeline, bars, dot rows) and the exact picture where a
//! native chart would misrepresent it (the coverage matrix, whose cells are not values; the
//! side-by-side multiples, each with its own unit). Values are in the panel's display unit of
//! the model's language; the qualifier words travel in the data labels, a derived value is
//! hatched, a part-year one outlined dashed, a bound hollow, a gap an empty cell.

use std::collections::HashMap;

use super::{Body, ChartSeries, Deck, Kind, NativeChart, Point, PointStyle, Slide};
use crate::chart::model::describe;
use crate::chart::model::{Detail, Mark};
use crate::chart::panel::{heading_text, PanelModel};
use crate::chart::theme::Palette;
use crate::chart::ChartModel;
use crate::data::{Qualifier, Unit};
use crate::format::axis_unit;
use crate::i18n::{Lang, Text};

/// A picture of one panel (PNG bytes and size in pixels), made by whoever can rasterize.
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The language tag office files name their text with.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

fn style(m: &Mark) -> PointStyle {
    PointStyle {
        hatched: m.derived,
        dashed: m.partial(),
        hollow: matches!(m.qualifier, Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan),
    }
}

/// Builds one native chart, point by point, with the Figures sheet beside it.
struct Grid<'m> {
    lang: Lang,
    palette: &'m Palette,
    details: HashMap<&'m str, &'m Detail>,
    chart: NativeChart,
}

impl<'m> Grid<'m> {
    fn new(
        model: &'m ChartModel,
        palette: &'m Palette,
        kind: Kind,
        unit: Unit,
        categories: Vec<String>,
    ) -> Self {
        let lang = model.lang;
        let header = [
            "id",
            "series",
            "category",
            "drawn",
            "drawn_unit",
            "number",
            "unit",
            "qualifier",
            "period",
            "scope",
            "metric",
            "source",
            "quote",
        ];
        Grid {
            lang,
            palette,
            details: model.details.iter().map(|d| (d.figure.as_str(), d)).collect(),
            chart: NativeChart {
                kind,
                category_title: Text::OfficeCategory.t(lang).to_string(),
                categories,
                series: Vec::new(),
                axis_title: axis_unit(unit, lang).to_string(),
                max: (unit == Unit::Pct).then_some(100.0),
                figures: vec![header.iter().map(|h| (*h).to_string()).collect()],
            },
        }
    }

    /// A series named `name` in series colour `color`, empty.
    fn series(&mut self, name: &str, color: usize) -> usize {
        let n = self.chart.categories.len();
        self.chart.series.push(ChartSeries {
            name: name.to_string(),
            color: self.palette.series(color),
            points: vec![None; n],
        });
        self.chart.series.len() - 1
    }

    /// Puts `m` at category `c` of series `s`, and its row on the Figures sheet.
    fn put(&mut self, s: usize, c: usize, m: &Mark) {
        let (Some(series), Some(category)) = (self.chart.series.get_mut(s), self.chart.categories.get(c))
        else {
            return;
        };
        let Some(slot) = series.points.get_mut(c) else { return };
        let value = m.value();
        *slot = Some(Point { value, label: m.label.clone(), style: style(m) });
        let d = self.details.get(m.figure.as_str());
        let field = |get: fn(&Detail) -> &String| d.map(|d| get(d).clone()).unwrap_or_default();
        self.chart.figures.push(vec![
            m.figure.clone(),
            series.name.clone(),
            category.clone(),
            super::xlsx::number(value),
            self.chart.axis_title.clone(),
            field(|d| &d.number),
            field(|d| &d.unit),
            m.qualifier.key().to_string(),
            m.period_text(self.lang),
            field(|d| &d.scope),
            field(|d| &d.metric),
            field(|d| &d.source_name),
            field(|d| &d.quote),
        ]);
    }
}

/// The native chart of a panel, or `None` where only a picture is honest.
fn native(model: &ChartModel, panel: &PanelModel, palette: &Palette) -> Option<NativeChart> {
    let lang = model.lang;
    let title = heading_text(&panel.heading(lang), lang);
    match panel {
        PanelModel::Columns(p) => {
            let mut g = Grid::new(model, palette, Kind::Columns, p.unit, p.categories.clone());
            for (si, s) in p.series.iter().enumerate() {
                let k = g.series(&s.name, s.color);
                for (ci, row) in p.cells.iter().enumerate() {
                    if let Some(Some(m)) = row.get(si) {
                        g.put(k, ci, m);
                    }
                }
            }
            Some(g.chart)
        }
        PanelModel::Timeline(p) => {
            let mut cats: Vec<String> = p.points.iter().map(|(_, m)| m.short_period(lang)).collect();
            cats.extend(p.undated.iter().map(|_| Text::OfficeUndated.t(lang).to_string()));
            let mut g = Grid::new(model, palette, Kind::Points, p.unit, cats);
            let color = p.points.first().map_or(0, |(_, m)| m.color);
            let k = g.series(&title, color);
            for (i, m) in p.points.iter().map(|(_, m)| m).chain(&p.undated).enumerate() {
                g.put(k, i, m);
            }
            Some(g.chart)
        }
        PanelModel::Bars(p) => {
            // A row, then the zones inside it; the total a part is of, and other sources'
            // values, as series of their own at the same row.
            let mut cats = Vec::new();
            let mut at: Vec<(usize, &Mark, u8)> = Vec::new();
            for r in &p.rows {
                let c = cats.len();
                cats.push(r.label.clone());
                at.push((c, &r.mark, 0));
                if let Some(t) = &r.total {
                    at.push((c, t, 1));
                }
                for m in &r.conflicts {
                    at.push((c, m, 2));
                }
                for (name, m) in &r.inner {
                    at.push((cats.len(), m, 0));
                    cats.push(format!("· {name}"));
                }
            }
            let mut g = Grid::new(model, palette, Kind::Bars, p.unit, cats);
            let color = p.rows.first().map_or(0, |r| r.mark.color);
            let main = g.series(&title, color);
            let total =
                p.rows.iter().any(|r| r.total.is_some()).then(|| g.series(Text::OfficeTotal.t(lang), 3));
            let other = p
                .rows
                .iter()
                .any(|r| !r.conflicts.is_empty())
                .then(|| g.series(Text::OfficeOtherSource.t(lang), 1));
            for (c, m, which) in at {
                match (which, total, other) {
                    (1, Some(s), _) | (2, _, Some(s)) => g.put(s, c, m),
                    _ => g.put(main, c, m),
                }
            }
            Some(g.chart)
        }
        PanelModel::DotRows(p) => {
            // One category per row, one series per period.
            let cats: Vec<String> = p.rows.iter().map(|r| r.label.clone()).collect();
            let mut g = Grid::new(model, palette, Kind::Points, p.unit, cats);
            let mut by_period: Vec<(String, usize)> = Vec::new();
            for (ri, r) in p.rows.iter().enumerate() {
                for m in &r.marks {
                    let name = m.short_period(lang);
                    let free = by_period
                        .iter()
                        .find(|(n, s)| *n == name && g.chart.series[*s].points[ri].is_none())
                        .map(|(_, s)| *s);
                    let s = match free {
                        Some(s) => s,
                        None => {
                            let s = g.series(&name, by_period.len());
                            by_period.push((name, s));
                            s
                        }
                    };
                    g.put(s, ri, m);
                }
            }
            Some(g.chart)
        }
        PanelModel::Matrix(_) | PanelModel::SideBySide(_) | PanelModel::ScopeSeries(_) => None,
    }
}

/// The slides of one chart: a slide per panel.
pub fn chart_slides(
    model: &ChartModel,
    palette: &Palette,
    picture: &mut dyn FnMut(usize) -> Option<Picture>,
) -> Vec<Slide> {
    let lang = model.lang;
    let mut slides = Vec::new();
    for (i, panel) in model.panels.iter().enumerate() {
        let heading = heading_text(&panel.heading(lang), lang);
        let alt = describe(&model.title, std::slice::from_ref(panel), &model.details, lang);
        let mut footer = Vec::new();
        let body = match native(model, panel, palette) {
            Some(chart) => {
                footer.push(Text::OfficeKey.t(lang).to_string());
                Body::Chart(chart)
            }
            None => {
                footer.push(Text::OfficePicture.t(lang).to_string());
                match picture(i) {
                    Some(p) => Body::Picture { png: p.png, width: p.width, height: p.height },
                    None => Body::Lines(vec![alt.clone()]),
                }
            }
        };
        footer.push(model.citation.clone());
        if !model.address.is_empty() {
            footer.push(model.address.clone());
        }
        let subtitle =
            if model.subtitle.is_empty() { heading } else { format!("{heading} · {}", model.subtitle) };
        slides.push(Slide { title: model.title.clone(), subtitle, body, footer, alt });
    }
    slides
}

/// A deck of `slides` in the palette's colours.
pub fn deck(title: &str, lang: Lang, palette: &Palette, slides: Vec<Slide>) -> Deck {
    Deck {
        title: title.to_string(),
        lang: lang_tag(lang).to_string(),
        background: palette.background,
        text: palette.text,
        muted: palette.muted,
        grid: palette.grid,
        slides,
    }
}

/// Lines of every figure's source and quote, for the sources slides: `metric, scope, period:
/// value. Source. “quote”`.
fn source_lines(models: &[ChartModel]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for m in models {
        let (colon, stop) = match m.lang {
            Lang::Zh => ("：", "。"),
            Lang::En => (": ", ". "),
        };
        for d in &m.details {
            if seen.insert(d.figure.clone()) {
                out.push(format!(
                    "{} · {} · {}{colon}{}{stop}{}{stop}“{}”",
                    d.metric, d.scope, d.period, d.value, d.source_name, d.quote
                ));
            }
        }
    }
    out
}

/// The deck of every chart: a title slide, each chart's slides, and the sources with quotes
/// (as many slides as they need). `picture(chart, panel)` rasterizes a panel.
pub fn full_deck(
    models: &[ChartModel],
    lang: Lang,
    palette: &Palette,
    address: &str,
    picture: &mut dyn FnMut(usize, usize) -> Option<Picture>,
) -> Deck {
    let title = Text::DeckTitle.t(lang).to_string();
    let mut slides = vec![Slide {
        title: title.clone(),
        subtitle: Text::DeckSubtitle.t(lang).to_string(),
        body: Body::Lines(models.iter().map(|m| m.title.clone()).collect()),
        footer: if address.is_empty() { vec![] } else { vec![address.to_string()] },
        alt: String::new(),
    }];
    for (ci, m) in models.iter().enumerate() {
        slides.extend(chart_slides(m, palette, &mut |pi| picture(ci, pi)));
    }
    let lines = source_lines(models);
    const PER_SLIDE: usize = 9;
    let pages = lines.len().div_ceil(PER_SLIDE).max(1);
    for (i, chunk) in lines.chunks(PER_SLIDE).enumerate() {
        slides.push(Slide {
            title: Text::DeckSources.t(lang).to_string(),
            subtitle: format!("{} / {pages}", i + 1),
            body: Body::Lines(chunk.to_vec()),
            footer: vec![],
            alt: String::new(),
        });
    }
    deck(&title, lang, palette, slides)
}
