//! The one layout pass: every box of a chart (header lines, legend entries, panels with their
//! headings, notes and bodies, source lines) is computed here once, at a frame's width. The
//! chart's height is the bottom of the last box, and the painter draws into the same boxes.

use super::geom::{legend, Rect};
use super::model::{ChartModel, Glyph, LegendItem};
use super::panel::{self, PanelBox};
use super::text::{leading, text_width, Block};
use super::theme::{self, Palette, DARK, LIGHT};

/// The margin around the chart.
pub const PAD: f64 = 12.0;

/// The size and resolution to draw at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width in CSS pixels.
    pub width: f64,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Draw title, subtitle, series legend and source line into the image (exports); the page
    /// shows them as HTML.
    pub header: bool,
    /// Dark theme.
    pub dark: bool,
    /// Font-size factor for the backend: plotters' SVG backend writes sizes divided by 1.24
    /// (its point-size convention), so SVG passes 1.24 to get the same pixel sizes as canvas.
    pub font_scale: f64,
}

impl Frame {
    /// The palette of the frame's theme.
    pub fn palette(&self) -> &'static Palette {
        if self.dark {
            &DARK
        } else {
            &LIGHT
        }
    }
}

/// One legend entry, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry<'m> {
    pub item: &'m LegendItem,
    /// Where the swatch is drawn.
    pub swatch: Rect,
    /// The left end and the middle of the label.
    pub label: (f64, f64),
}

/// Every box of one chart at one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout<'m> {
    /// The frame it was laid out for.
    pub frame: Frame,
    /// Left and right edges of the content.
    pub x0: f64,
    pub x1: f64,
    /// Title and subtitle lines (empty without a header), from their tops.
    pub title: (f64, Block),
    pub subtitle: (f64, Block),
    pub legend: Vec<LegendEntry<'m>>,
    pub panels: Vec<PanelBox>,
    /// The citation and address lines under the panels (empty without a header).
    pub source: (f64, Block),
    /// The height the chart needs, in CSS pixels (whole).
    pub height: f64,
}

/// The legend entries drawn on the canvas: on the page, series are toggled by HTML buttons
/// above the chart, so only the key to qualifiers is drawn; exports draw everything.
fn legend_items<'m>(model: &'m ChartModel, frame: &Frame) -> Vec<&'m LegendItem> {
    model.legend.iter().filter(|i| frame.header || !matches!(i.glyph, Glyph::Series(_))).collect()
}

/// Places `items` in rows of `width` from `(x0, top)`; returns the entries and the rows' bottom.
pub fn place_legend<'m>(
    items: &[&'m LegendItem],
    x0: f64,
    width: f64,
    top: f64,
) -> (Vec<LegendEntry<'m>>, f64) {
    let mut entries = Vec::new();
    let (mut x, mut y) = (0.0, top);
    for (i, item) in items.iter().enumerate() {
        let w = legend::ADVANCE + text_width(&item.label, theme::SMALL_SIZE);
        if x + w > width && x > 0.0 {
            x = 0.0;
            y += legend::ROW;
        }
        let left = x0 + x;
        let swatch = Rect::new(
            left,
            y + legend::SWATCH_TOP,
            left + legend::SWATCH,
            y + legend::SWATCH_TOP + legend::SWATCH,
        );
        entries.push(LegendEntry { item, swatch, label: (left + legend::LABEL_DX, y + legend::LABEL_DY) });
        x += w;
        if i + 1 == items.len() {
            y += legend::ROW;
        }
    }
    // An empty legend still takes its one row.
    if items.is_empty() {
        y += legend::ROW;
    }
    (entries, y)
}

impl<'m> ChartLayout<'m> {
    /// Lays `model` out at `frame`.
    pub fn new(model: &'m ChartModel, frame: &Frame) -> ChartLayout<'m> {
        // Space under the header (title and subtitle), under the legend, under the sources.
        const HEADER_GAP: f64 = 10.0;
        const LEGEND_GAP: f64 = 6.0;
        const SOURCE_GAP: f64 = 8.0;
        let (x0, x1) = (PAD, frame.width - PAD);
        let w = x1 - x0;
        let wrapped = |text: &str, size: f64, lead: f64| {
            if frame.header {
                Block::wrapped(text, size, w, lead)
            } else {
                Block { lines: Vec::new(), leading: lead }
            }
        };
        let mut y = PAD;
        let title = (y, wrapped(&model.title, theme::TITLE_SIZE, leading::TITLE));
        y += title.1.height();
        let subtitle = (y, wrapped(&model.subtitle, theme::SUBTITLE_SIZE, leading::SUBTITLE));
        y += subtitle.1.height();
        if frame.header {
            y += HEADER_GAP;
        }
        let (legend, bottom) = place_legend(&legend_items(model, frame), x0, w, y);
        y = bottom + LEGEND_GAP;
        let mut panels = Vec::with_capacity(model.panels.len());
        for p in &model.panels {
            let b = panel::layout(p, x0, x1, y, model.lang);
            y = b.bottom;
            panels.push(b);
        }
        // Exports also carry the address they came from (the chart's permalink).
        let mut source = wrapped(&model.citation, theme::SMALL_SIZE, leading::BODY);
        if frame.header && !model.address.is_empty() {
            source.lines.extend(Block::wrapped(&model.address, theme::SMALL_SIZE, w, leading::BODY).lines);
        }
        let source_top = y;
        if frame.header {
            y += source.height() + SOURCE_GAP;
        }
        ChartLayout {
            frame: *frame,
            x0,
            x1,
            title,
            subtitle,
            legend,
            panels,
            source: (source_top, source),
            height: y.ceil(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::model::Glyph;

    fn item(label: &str) -> LegendItem {
        LegendItem { glyph: Glyph::Exact, label: label.to_string() }
    }

    #[test]
    fn legend_entries_wrap_onto_rows_within_the_width() {
        // Each entry takes 36 px beside its label; "abcdefghij" is 10 × 0.56 × 11 = 61.6 px.
        let items = [item("abcdefghij"), item("abcdefghij"), item("abcdefghij")];
        let refs: Vec<&LegendItem> = items.iter().collect();
        let (entries, bottom) = place_legend(&refs, 12.0, 200.0, 50.0);
        let lefts: Vec<(f64, f64)> = entries.iter().map(|e| (e.swatch.x0, e.swatch.y0)).collect();
        // Two fit in 200 px (2 × 97.6), the third starts a new row at the left.
        assert_eq!(lefts.len(), 3);
        assert!((lefts[1].0 - (12.0 + 97.6)).abs() < 1e-9);
        assert_eq!(lefts[0].1, 52.0);
        assert_eq!(lefts[2], (12.0, 72.0));
        assert_eq!(bottom, 90.0);
        // The label starts right of its swatch, centred on it.
        let e = &entries[0];
        assert!(e.label.0 > e.swatch.x1 && e.label.1 > e.swatch.y0 && e.label.1 < e.swatch.y1);
        // An empty legend still takes its row.
        assert_eq!(place_legend(&[], 12.0, 200.0, 50.0).1, 70.0);
    }

    #[test]
    fn boxes_overlap_with_two_pixels_of_air_sideways() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(a.overlaps(&Rect::new(11.0, 0.0, 20.0, 10.0)));
        assert!(!a.overlaps(&Rect::new(12.0, 0.0, 20.0, 10.0)));
        assert!(!a.overlaps(&Rect::new(0.0, 10.0, 10.0, 20.0)));
        assert_eq!((a.center_x(), a.center_y(), a.width(), a.height()), (5.0, 5.0, 10.0, 10.0));
    }

    #[test]
    fn the_header_and_the_source_lines_are_laid_out_only_for_exports() {
        let ds = crate::data::Dataset::embedded().unwrap_or_default();
        let spec = crate::chart::catalog::spec(crate::chart::ChartId::NevExports);
        let m = crate::chart::build(&ds, &spec, crate::i18n::Lang::En);
        let page = Frame { width: 720.0, scale: 1.0, header: false, dark: false, font_scale: 1.0 };
        let export = Frame { header: true, ..page };
        let (a, b) = (ChartLayout::new(&m, &page), ChartLayout::new(&m, &export));
        assert!(a.title.1.lines.is_empty() && a.source.1.lines.is_empty());
        assert!(!b.title.1.lines.is_empty() && !b.source.1.lines.is_empty());
        // The page draws only the key to qualifiers; the export also names the series.
        assert!(a.legend.iter().all(|e| !matches!(e.item.glyph, Glyph::Series(_))));
        assert!(b.legend.iter().any(|e| matches!(e.item.glyph, Glyph::Series(_))));
        // The export's panels move down by the header, and it ends under the source lines.
        let shift = b.panels[0].top - a.panels[0].top;
        assert!(shift > 0.0);
        let last = b.panels.last().map_or(0.0, |p| p.bottom);
        assert_eq!(b.source.0, last);
        assert!(b.height >= last + b.source.1.height());
        // A narrow chart wraps its panel headings: the bodies start lower.
        let narrow = ChartLayout::new(&m, &Frame { width: 200.0, ..page });
        let p = &narrow.panels[0];
        assert!(p.heading.lines.len() > a.panels[0].heading.lines.len());
        assert!(p.body.y0 - p.top > a.panels[0].body.y0 - a.panels[0].top);
    }
}
