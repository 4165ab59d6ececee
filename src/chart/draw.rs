//! The one drawing routine, generic over plotters' `DrawingBackend`: the page draws it on a
//! `<canvas>`, exports and tests draw it into SVG.
//!
//! Everything is laid out in CSS pixels and multiplied by `Frame::scale` (the device pixel
//! ratio on the page), so text and lines are crisp on high-DPI screens. Text widths come from
//! a fixed estimate (CJK ≈ 1 em, Latin ≈ 0.56 em) rather than the backend, so the layout is the
//! same in the browser, in SVG and in the native tests.
//!
//! `draw` is generic, but its body is not: it reaches the backend through the object-safe
//! `Sink`, so the browser build, which draws on canvases and into SVG, holds one copy of the
//! painter instead of two (−9 KB gzip).

use std::cell::RefCell;

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
};

use super::model::{ChartModel, Glyph, Mark, Multiple, PanelModel, Slot, SlotValue};
use super::spec::Layout;
use super::theme::{self, Palette, Rgb, FONT};
use crate::data::number::magnitude;
use crate::data::Qualifier;
use crate::i18n::{Lang, Text as T};

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

/// A drawing failure, with the backend's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

const PAD: f64 = 12.0;
const COLUMNS_H: f64 = 210.0;
const TIMELINE_H: f64 = 200.0;
/// More points than this in a timeline (dots in a row) are drawn small, and only the lowest,
/// the highest and the latest carry a label.
const DENSE_POINTS: usize = 60;
const DENSE_DOTS: usize = 12;
/// Small multiples: the narrowest cell, and the gap between cells.
const MULTIPLE_MIN_W: f64 = 280.0;
const MULTIPLE_GAP: f64 = 24.0;

/// Estimated width of `text` at `size` px.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                if c.is_ascii_uppercase() || c == '%' {
                    0.66
                } else {
                    0.56
                }
            } else if ('\u{2000}'..='\u{206f}').contains(&c) {
                0.6
            } else {
                1.0
            }
        })
        .sum::<f64>()
        * size
}

/// Breaks `text` into lines no wider than `width` (words for Latin script, characters for CJK).
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii() && c != ' ' {
            word.push(c);
        } else {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for t in tokens {
        if !line.is_empty() && text_width(&format!("{line}{t}"), size) > width && t != " " {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        if !(line.is_empty() && t == " ") {
            line.push_str(&t);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

fn legend_rows<'m>(
    items: &[&'m super::model::LegendItem],
    width: f64,
) -> Vec<Vec<&'m super::model::LegendItem>> {
    let mut rows: Vec<Vec<&super::model::LegendItem>> = vec![Vec::new()];
    let mut x = 0.0;
    for item in items {
        let w = 22.0 + text_width(&item.label, theme::SMALL_SIZE) + 14.0;
        if x + w > width && x > 0.0 {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(r) = rows.last_mut() {
            r.push(item);
        }
        x += w;
    }
    rows
}

/// A panel's heading with its unit: "Share of … (%)".
fn panel_heading(p: &PanelModel, lang: Lang) -> String {
    let (title, unit) = match p {
        PanelModel::Columns { title, unit, .. }
        | PanelModel::Timeline { title, unit, .. }
        | PanelModel::Bars { title, unit, .. }
        | PanelModel::DotRows { title, unit, .. } => (title.as_str(), unit.as_str()),
        PanelModel::Matrix { title, .. } | PanelModel::SideBySide { title, .. } => (title.as_str(), ""),
    };
    if unit.is_empty() || title.contains(unit) {
        title.to_string()
    } else {
        match lang {
            Lang::Zh => format!("{title}（{unit}）"),
            Lang::En => format!("{title} ({unit})"),
        }
    }
}

/// Lines of a row label at this width (long labels wrap rather than run off the chart).
fn label_lines(label: &str, width: f64) -> Vec<String> {
    wrap(label, theme::LABEL_SIZE, width - 2.0 * PAD)
}

/// The line under a thinned panel's heading: "显示 1,200 / 100,000 个数字：…".
fn panel_note(p: &PanelModel, lang: Lang) -> Option<String> {
    match p {
        PanelModel::Timeline { thinned, .. } | PanelModel::DotRows { thinned, .. } => {
            thinned.map(|t| t.note(lang))
        }
        PanelModel::Matrix { thinned, .. } => thinned.map(|t| t.cell_note(lang)),
        _ => None,
    }
}

fn panel_height(p: &PanelModel, width: f64, lang: Lang) -> f64 {
    let note = panel_note(p, lang).map_or(0, |n| wrap(&n, theme::SMALL_SIZE, width - 2.0 * PAD).len());
    let title = 8.0
        + 16.0 * wrap(&panel_heading(p, lang), theme::PANEL_TITLE_SIZE, width - 2.0 * PAD).len() as f64
        + 15.0 * note as f64;
    let extra = |label: &str| 15.0 * (label_lines(label, width).len().max(1) - 1) as f64;
    title
        + match p {
            PanelModel::Columns { .. } => COLUMNS_H + 28.0,
            PanelModel::Timeline { .. } => TIMELINE_H + 26.0,
            PanelModel::Bars { rows, .. } => rows
                .iter()
                .map(|r| {
                    let notes = if r.inner.is_empty() && r.conflicts.is_empty() {
                        0.0
                    } else {
                        16.0 * note_lines(r, width, lang) as f64
                    };
                    40.0 + extra(&r.label) + notes
                })
                .sum::<f64>(),
            PanelModel::DotRows { rows, .. } => {
                rows.iter().map(|r| 76.0 + extra(&r.label)).sum::<f64>() + 22.0
            }
            PanelModel::Matrix { rows, .. } => 34.0 + rows.len() as f64 * 40.0,
            PanelModel::SideBySide { multiples, missing, .. } => {
                side_by_side_height(multiples, missing, width - 2.0 * PAD, lang)
            }
        }
        + 8.0
}

/// Columns of small multiples at `width`, and the width of each.
fn multiples_grid(width: f64) -> (usize, f64) {
    let cols = ((width + MULTIPLE_GAP) / (MULTIPLE_MIN_W + MULTIPLE_GAP)).floor().clamp(1.0, 3.0) as usize;
    (cols, (width - MULTIPLE_GAP * (cols - 1) as f64) / cols as f64)
}

/// A small multiple's heading: the metric and the unit of its scale.
fn multiple_heading(m: &Multiple, lang: Lang) -> String {
    if m.unit.is_empty() {
        return m.name.clone();
    }
    match lang {
        Lang::Zh => format!("{}（{}）", m.name, m.unit),
        Lang::En => format!("{} ({})", m.name, m.unit),
    }
}

/// The width of the 片区 names to the left of the bars.
fn slot_label_w(m: &Multiple, cell_w: f64) -> f64 {
    let widest = m.slots.iter().map(|s| text_width(&s.scope, theme::LABEL_SIZE)).fold(0.0, f64::max);
    (widest + 10.0).min(cell_w * 0.38)
}

/// The text of a figure written out beside the scale (another unit).
fn apart_text(m: &Mark, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}（{}）", m.label, T::OtherUnitNote.t(lang)),
        Lang::En => format!("{} ({})", m.label, T::OtherUnitNote.t(lang)),
    }
}

/// The height of one 片区's row in a small multiple.
fn slot_height(m: &Multiple, s: &Slot, label_w: f64, cell_w: f64, lang: Lang) -> f64 {
    let name = wrap(&s.scope, theme::LABEL_SIZE, label_w - 8.0).len().max(1) as f64 * 14.0;
    let body = match &s.value {
        SlotValue::Apart(mark) => {
            wrap(&apart_text(mark, lang), theme::SMALL_SIZE, cell_w - label_w).len().max(1) as f64 * 14.0
        }
        SlotValue::Bar(_) if m.period.is_none() => 14.0 + 13.0,
        _ => 14.0,
    };
    name.max(body) + 10.0
}

/// The height of a small multiple's heading: metric and unit, and the period they share.
fn multiple_head(m: &Multiple, cell_w: f64, lang: Lang) -> f64 {
    let heading = wrap(&multiple_heading(m, lang), theme::LABEL_SIZE, cell_w).len() as f64 * 15.0;
    heading + if m.period.is_some() { 14.0 } else { 0.0 } + 6.0
}

/// The height of a small multiple's rows.
fn multiple_body(m: &Multiple, cell_w: f64, lang: Lang) -> f64 {
    let label_w = slot_label_w(m, cell_w);
    m.slots.iter().map(|s| slot_height(m, s, label_w, cell_w, lang)).sum::<f64>() + 12.0
}

/// The heading height and the height of a row of small multiples: headings share one height,
/// so the bars of a row line up.
fn multiples_row(row: &[Multiple], cell_w: f64, lang: Lang) -> (f64, f64) {
    let head = row.iter().map(|m| multiple_head(m, cell_w, lang)).fold(0.0, f64::max);
    (head, head + row.iter().map(|m| multiple_body(m, cell_w, lang)).fold(0.0, f64::max))
}

fn side_by_side_height(multiples: &[Multiple], missing: &[String], width: f64, lang: Lang) -> f64 {
    let (cols, cell_w) = multiples_grid(width);
    let grid: f64 = multiples.chunks(cols).map(|row| multiples_row(row, cell_w, lang).1).sum();
    grid + missing_lines(missing, width, lang).len() as f64 * 15.0
}

/// "No figures for any of the areas: …", wrapped to `width`; nothing when nothing is missing.
fn missing_lines(missing: &[String], width: f64, lang: Lang) -> Vec<String> {
    if missing.is_empty() {
        return Vec::new();
    }
    let names = missing.join(if lang == Lang::Zh { "、" } else { ", " });
    wrap(&format!("{}{names}", T::SideBySideMissing.t(lang)), theme::SMALL_SIZE, width)
}

fn note_lines(r: &super::model::BarRow, width: f64, lang: Lang) -> usize {
    wrap(&bar_note(r, lang), theme::SMALL_SIZE, width - 2.0 * PAD).len().max(1)
}

fn bar_note(r: &super::model::BarRow, lang: Lang) -> String {
    let (sep, list_sep) = match lang {
        Lang::Zh => ("；", "、"),
        Lang::En => ("; ", ", "),
    };
    let mut parts = Vec::new();
    if !r.inner.is_empty() {
        let list: Vec<String> = r.inner.iter().map(|(name, m)| format!("{name} {}", m.label)).collect();
        parts.push(format!("{}{}", T::BarInnerNote.t(lang), list.join(list_sep)));
    }
    for c in &r.conflicts {
        parts.push(T::OtherSourceNote.t(lang).replace("{}", &c.label));
    }
    parts.join(sep)
}

fn header_lines(model: &ChartModel, frame: &Frame) -> (Vec<String>, Vec<String>, Vec<String>) {
    let w = frame.width - 2.0 * PAD;
    (wrap(&model.title, theme::TITLE_SIZE, w), wrap(&model.subtitle, theme::SUBTITLE_SIZE, w), {
        // Exports also carry the address they came from (the chart's permalink).
        let mut lines = wrap(&model.citation, theme::SMALL_SIZE, w);
        if !model.address.is_empty() {
            lines.extend(wrap(&model.address, theme::SMALL_SIZE, w));
        }
        lines
    })
}

/// The layout for a `w`×`h`-pixel slide: the chart is laid out at a CSS width whose height,
/// scaled to the slide's width, fits the slide's height; type and marks grow with the scale and
/// nothing is stretched.
pub fn slide_frame(model: &ChartModel, w: f64, h: f64, dark: bool) -> Frame {
    let mut frame = Frame { width: w / 2.0, scale: 2.0, header: true, dark, font_scale: 1.0 };
    for _ in 0..4 {
        let needed = height(model, &frame);
        if needed * frame.scale <= h {
            break;
        }
        frame.scale = h / needed;
        frame.width = w / frame.scale;
    }
    frame
}

/// The height in CSS pixels that `model` needs at `frame.width`.
pub fn height(model: &ChartModel, frame: &Frame) -> f64 {
    let mut h = PAD;
    if frame.header {
        let (t, s, _) = header_lines(model, frame);
        h += t.len() as f64 * 26.0 + s.len() as f64 * 19.0 + 10.0;
    }
    h += legend_rows(&legend_items(model, frame), frame.width - 2.0 * PAD).len() as f64 * 20.0 + 6.0;
    h += model.panels.iter().map(|p| panel_height(p, frame.width, model.lang)).sum::<f64>();
    if frame.header {
        let (_, _, src) = header_lines(model, frame);
        h += src.len() as f64 * 15.0 + 8.0;
    }
    h.ceil()
}

/// Draws `model` onto `backend`, which must be `frame.width × height(model, frame)` CSS pixels
/// times `frame.scale`. Uses only plotters' `DrawingBackend` primitives (rectangles, paths,
/// circles, polygons, text), so the same routine draws on a canvas and into SVG.
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    model: &ChartModel,
    frame: &Frame,
) -> Result<Vec<Hit>, DrawError> {
    draw_on_sink(backend, model, frame)
}

/// The body of `draw`, compiled once: the painter reaches the backend through `Sink`, so a
/// build that draws both on a canvas and into SVG does not carry two copies of the routine.
fn draw_on_sink(backend: &mut dyn Sink, model: &ChartModel, frame: &Frame) -> Result<Vec<Hit>, DrawError> {
    let (w, h) = backend.size();
    let t = Palette::for_theme(frame.dark);
    let p = Painter {
        b: RefCell::new(backend),
        s: frame.scale,
        fs: frame.font_scale,
        t,
        hits: RefCell::new(Vec::new()),
    };
    p.b.borrow_mut().rect((0, 0), (w as i32, h as i32), &Pen(t.background, 1), true)?;
    let (x0, x1) = (PAD, frame.width - PAD);
    let mut y = PAD;
    let (title, subtitle, source) = header_lines(model, frame);
    if frame.header {
        for line in &title {
            p.text(x0, y, line, theme::TITLE_SIZE, t.text, HPos::Left, VPos::Top, true)?;
            y += 26.0;
        }
        for line in &subtitle {
            p.text(x0, y, line, theme::SUBTITLE_SIZE, t.muted, HPos::Left, VPos::Top, false)?;
            y += 19.0;
        }
        y += 10.0;
    }
    // Legend
    let items = legend_items(model, frame);
    for row in legend_rows(&items, x1 - x0) {
        let mut x = x0;
        for item in row {
            p.glyph(x, y + 2.0, item.glyph)?;
            p.text(
                x + 20.0,
                y + 8.0,
                &item.label,
                theme::SMALL_SIZE,
                t.text,
                HPos::Left,
                VPos::Center,
                false,
            )?;
            x += 22.0 + text_width(&item.label, theme::SMALL_SIZE) + 14.0;
        }
        y += 20.0;
    }
    y += 6.0;
    for panel in &model.panels {
        let h = panel_height(panel, frame.width, model.lang);
        p.panel(panel, x0, x1, y, model)?;
        y += h;
    }
    if frame.header {
        for line in &source {
            p.text(x0, y, line, theme::SMALL_SIZE, t.muted, HPos::Left, VPos::Top, false)?;
            y += 15.0;
        }
    }
    p.b.borrow_mut().present()?;
    Ok(p.hits.into_inner())
}

/// Where a mark was drawn, in CSS pixels: what a pointer or the keyboard can select.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The figure's id.
    pub figure: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Hit {
    /// True when (x, y) lies inside the mark or within `slop` pixels of it.
    pub fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        x >= self.x0 - slop && x <= self.x1 + slop && y >= self.y0 - slop && y <= self.y1 + slop
    }
}

/// The hit under (x, y): the smallest mark containing the point, so a part drawn inside a
/// whole (the FTZ inside the city total) wins over the whole.
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<usize> {
    let area = |h: &Hit| (h.x1 - h.x0).abs() * (h.y1 - h.y0).abs();
    let mut best: Option<usize> = None;
    for (i, h) in hits.iter().enumerate() {
        if h.contains(x, y, 3.0) && best.is_none_or(|b| area(h) < area(&hits[b])) {
            best = Some(i);
        }
    }
    best
}

/// The legend entries drawn on the canvas: on the page, series are toggled by HTML buttons
/// above the chart, so only the key to qualifiers is drawn; exports draw everything.
fn legend_items<'m>(model: &'m ChartModel, frame: &Frame) -> Vec<&'m super::model::LegendItem> {
    model.legend.iter().filter(|i| frame.header || !matches!(i.glyph, Glyph::Series(_))).collect()
}

fn err<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawError {
    DrawError(e.to_string())
}

/// A colour and a line width: plotters' `BackendStyle`.
struct Pen(Rgb, u32);

impl BackendStyle for Pen {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: 1.0, rgb: (self.0 .0, self.0 .1, self.0 .2) }
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// The font of one label: plotters' `BackendTextStyle`. Backends that render text themselves
/// (canvas, SVG) use family, size, style and anchor; `layout_box` gives the same estimate the
/// layout uses.
struct Font {
    size: f64,
    bold: bool,
    color: Rgb,
    anchor: Pos,
}

/// Text layout never fails here: widths are estimated, not measured.
#[derive(Debug)]
struct NoFontError;

impl std::fmt::Display for NoFontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("font")
    }
}

impl std::error::Error for NoFontError {}

impl BackendTextStyle for Font {
    type FontError = NoFontError;
    fn color(&self) -> BackendColor {
        Pen(self.color, 1).color()
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), NoFontError> {
        Ok(((0, -(self.size as i32)), (text_width(text, self.size) as i32, 0)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: (i32, i32),
        _draw: F,
    ) -> Result<Result<(), E>, NoFontError> {
        // Only pixel backends rasterize glyphs themselves; canvas and SVG never call this.
        Ok(Ok(()))
    }
}

/// The backend primitives the painter uses, object-safe, with errors already turned into
/// `DrawError`. Implemented for every plotters `DrawingBackend`.
trait Sink {
    fn size(&self) -> (u32, u32);
    fn rect(&mut self, a: (i32, i32), b: (i32, i32), pen: &Pen, filled: bool) -> Result<(), DrawError>;
    fn path(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError>;
    fn polygon(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError>;
    fn circle(&mut self, c: (i32, i32), r: u32, pen: &Pen, filled: bool) -> Result<(), DrawError>;
    fn text(&mut self, text: &str, font: &Font, at: (i32, i32)) -> Result<(), DrawError>;
    fn present(&mut self) -> Result<(), DrawError>;
}

impl<DB: DrawingBackend> Sink for DB {
    fn size(&self) -> (u32, u32) {
        self.get_size()
    }
    fn rect(&mut self, a: (i32, i32), b: (i32, i32), pen: &Pen, filled: bool) -> Result<(), DrawError> {
        self.draw_rect(a, b, pen, filled).map_err(err)
    }
    fn path(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError> {
        self.draw_path(pts, pen).map_err(err)
    }
    fn polygon(&mut self, pts: Vec<(i32, i32)>, pen: &Pen) -> Result<(), DrawError> {
        self.fill_polygon(pts, pen).map_err(err)
    }
    fn circle(&mut self, c: (i32, i32), r: u32, pen: &Pen, filled: bool) -> Result<(), DrawError> {
        self.draw_circle(c, r, pen, filled).map_err(err)
    }
    fn text(&mut self, text: &str, font: &Font, at: (i32, i32)) -> Result<(), DrawError> {
        self.draw_text(text, font, at).map_err(err)
    }
    fn present(&mut self) -> Result<(), DrawError> {
        DrawingBackend::present(self).map_err(err)
    }
}

struct Painter<'a> {
    b: RefCell<&'a mut dyn Sink>,
    s: f64,
    /// Font-size factor (see `Frame::font_scale`).
    fs: f64,
    t: &'static Palette,
    /// Where each mark was drawn, in drawing order (tooltips and keyboard navigation).
    hits: RefCell<Vec<Hit>>,
}

impl Painter<'_> {
    fn pt(&self, x: f64, y: f64) -> (i32, i32) {
        ((x * self.s).round() as i32, (y * self.s).round() as i32)
    }

    fn w(&self, v: f64) -> u32 {
        (v * self.s).round().max(1.0) as u32
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        x: f64,
        y: f64,
        text: &str,
        size: f64,
        color: Rgb,
        h: HPos,
        v: VPos,
        bold: bool,
    ) -> Result<(), DrawError> {
        let font = Font { size: size * self.s * self.fs, bold, color, anchor: Pos::new(h, v) };
        self.b.borrow_mut().text(text, &font, self.pt(x, y))
    }

    #[allow(clippy::too_many_arguments)] // a box, a colour and a style read best as one call
    fn rect(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: Rgb,
        filled: bool,
        stroke: f64,
    ) -> Result<(), DrawError> {
        let pen = Pen(color, self.w(stroke));
        self.b.borrow_mut().rect(self.pt(x0, y0), self.pt(x1, y1), &pen, filled)
    }

    fn line(&self, pts: &[(f64, f64)], color: Rgb, width: f64) -> Result<(), DrawError> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| self.pt(x, y)).collect();
        self.b.borrow_mut().path(pts, &Pen(color, self.w(width)))
    }

    fn dashed(&self, pts: &[(f64, f64)], color: Rgb, width: f64) -> Result<(), DrawError> {
        // Dashes of 4 px with gaps of 3 px, continuing across corners.
        let (dash, gap) = (4.0, 3.0);
        let mut phase = 0.0;
        for seg in pts.windows(2) {
            let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
            let len = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt();
            let mut t = 0.0;
            while t < len {
                let on = phase < dash;
                let step = if on { dash - phase } else { dash + gap - phase };
                let end = (t + step).min(len);
                if on && len > 0.0 {
                    let p0 = (ax + (bx - ax) * t / len, ay + (by - ay) * t / len);
                    let p1 = (ax + (bx - ax) * end / len, ay + (by - ay) * end / len);
                    self.line(&[p0, p1], color, width)?;
                }
                phase = (phase + (end - t)) % (dash + gap);
                t = end;
            }
        }
        Ok(())
    }

    fn polygon(&self, pts: &[(f64, f64)], color: Rgb) -> Result<(), DrawError> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| self.pt(x, y)).collect();
        self.b.borrow_mut().polygon(pts, &Pen(color, 1))
    }

    fn circle(&self, x: f64, y: f64, r: f64, color: Rgb, filled: bool) -> Result<(), DrawError> {
        let pen = Pen(color, self.w(2.0));
        self.b.borrow_mut().circle(self.pt(x, y), (r * self.s).round() as u32, &pen, filled)
    }

    /// Diagonal hatching clipped to a rectangle: the mark of a derived value.
    fn hatch(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: Rgb) -> Result<(), DrawError> {
        let (w, h) = (x1 - x0, y1 - y0);
        if w <= 0.0 || h <= 0.0 {
            return Ok(());
        }
        let step = 5.0;
        let mut k = step;
        while k < w + h {
            // Line x + y = k (in rectangle coordinates), from bottom-left to top-right.
            let (ax, ay) = if k <= h { (0.0, k) } else { (k - h, h) };
            let (bx, by) = if k <= w { (k, 0.0) } else { (w, k - w) };
            self.line(&[(x0 + ax, y1 - ay), (x0 + bx, y1 - by)], color, 1.0)?;
            k += step;
        }
        Ok(())
    }

    /// A bar from (x0, y0) to (x1, y1), styled by what the mark is: solid when published,
    /// hatched when derived, dashed outline for part-year, light fill for nearly/about.
    /// A value label centred above `y` (its baseline).
    fn mark_label(&self, x: f64, y: f64, text: &str) -> Result<(), DrawError> {
        self.text(x, y, text, theme::SMALL_SIZE, self.t.text, HPos::Center, VPos::Bottom, false)
    }

    /// A category label under the x axis at `baseline`.
    fn axis_label(&self, x: f64, baseline: f64, text: &str) -> Result<(), DrawError> {
        self.text(x, baseline + 6.0, text, theme::LABEL_SIZE, self.t.text, HPos::Center, VPos::Top, false)
    }

    /// A row label, wrapped to `width`; returns the y of its last line.
    fn row_label(&self, x: f64, y: f64, label: &str, width: f64) -> Result<f64, DrawError> {
        let mut y = y;
        for (i, line) in label_lines(label, width + 2.0 * PAD).iter().enumerate() {
            if i > 0 {
                y += 15.0;
            }
            self.text(x, y, line, theme::LABEL_SIZE, self.t.text, HPos::Left, VPos::Top, false)?;
        }
        Ok(y)
    }

    fn hit(&self, m: &Mark, x0: f64, y0: f64, x1: f64, y1: f64) {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        self.hits.borrow_mut().push(Hit { figure: m.figure.clone(), x0, y0, x1, y1 });
    }

    fn bar(&self, x0: f64, y0: f64, x1: f64, y1: f64, m: &Mark, soft: bool) -> Result<(), DrawError> {
        self.hit(m, x0, y0, x1, y1);
        let c = self.t.series(m.color);
        if m.derived {
            self.rect(x0, y0, x1, y1, self.t.tint(c, 0.8), true, 0.0)?;
            self.hatch(x0, y0, x1, y1, self.t.tint(c, 0.2))?;
            self.rect(x0, y0, x1, y1, c, false, 1.0)?;
        } else if m.partial {
            self.rect(x0, y0, x1, y1, self.t.tint(c, 0.7), true, 0.0)?;
            self.dashed(&[(x0, y1), (x0, y0), (x1, y0), (x1, y1)], c, 1.5)?;
        } else if matches!(m.qualifier, Qualifier::Nearly | Qualifier::About) {
            self.rect(x0, y0, x1, y1, self.t.tint(c, 0.55), true, 0.0)?;
            self.rect(x0, y0, x1, y1, c, false, 1.5)?;
        } else {
            self.rect(x0, y0, x1, y1, if soft { self.t.tint(c, 0.45) } else { c }, true, 0.0)?;
        }
        Ok(())
    }

    /// The bound arrow of a "more than" / "less than" value at a bar's end or a point.
    /// `dir` is the direction of "more" in screen space: (0,-1) up, (1,0) right.
    fn bound(&self, x: f64, y: f64, q: Qualifier, dir: (f64, f64), color: Rgb) -> Result<(), DrawError> {
        let sign = match q {
            Qualifier::MoreThan | Qualifier::AtLeast => 1.0,
            Qualifier::LessThan => -1.0,
            _ => return Ok(()),
        };
        let (dx, dy) = (dir.0 * sign, dir.1 * sign);
        let len = 11.0;
        let (sx, sy) = if sign > 0.0 {
            (x + dir.0 * 2.0, y + dir.1 * 2.0)
        } else {
            (x + dir.0 * 13.0, y + dir.1 * 13.0)
        };
        let (ex, ey) = (sx + dx * len, sy + dy * len);
        self.line(&[(sx, sy), (ex, ey)], color, 1.5)?;
        // Arrow head
        let (px, py) = (-dy, dx);
        self.polygon(
            &[
                (ex + dx * 3.0, ey + dy * 3.0),
                (ex - dx * 2.0 + px * 3.5, ey - dy * 2.0 + py * 3.5),
                (ex - dx * 2.0 - px * 3.5, ey - dy * 2.0 - py * 3.5),
            ],
            color,
        )
    }

    /// A point mark: filled circle (exact), triangle with arrow (bound), hollow circle (nearly/about).
    /// `small` (dense panels): half the size, and bounds without the arrow's stem (the triangle
    /// still points the way).
    fn point(&self, x: f64, y: f64, m: &Mark, small: bool) -> Result<(), DrawError> {
        let k = if small { 0.5 } else { 1.0 };
        let reach = if small { 4.0 } else { 7.0 };
        self.hit(m, x - reach, y - reach, x + reach, y + reach);
        let c = self.t.series(m.color);
        match m.qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => {
                self.polygon(&[(x, y - 6.0 * k), (x + 5.5 * k, y + 4.0 * k), (x - 5.5 * k, y + 4.0 * k)], c)?;
                if small {
                    return Ok(());
                }
                self.bound(x, y - 6.0, m.qualifier, (0.0, -1.0), c)
            }
            Qualifier::LessThan => {
                self.polygon(&[(x, y + 6.0 * k), (x + 5.5 * k, y - 4.0 * k), (x - 5.5 * k, y - 4.0 * k)], c)?;
                if small {
                    return Ok(());
                }
                self.bound(x, y + 6.0, m.qualifier, (0.0, -1.0), c)
            }
            Qualifier::Nearly | Qualifier::About => {
                self.circle(x, y, 5.0 * k, self.t.background, true)?;
                self.circle(x, y, 5.0 * k, c, false)
            }
            Qualifier::Exact => self.circle(x, y, 5.0 * k, c, true),
        }
    }

    fn glyph(&self, x: f64, y: f64, g: Glyph) -> Result<(), DrawError> {
        let c = self.t.muted;
        let (x0, y0, x1, y1) = (x + 2.0, y + 1.0, x + 14.0, y + 13.0);
        match g {
            Glyph::Series(i) => self.rect(x0, y0, x1, y1, self.t.series(i), true, 0.0),
            Glyph::Exact => self.circle(x + 8.0, y + 7.0, 5.0, c, true),
            Glyph::MoreThan => {
                self.polygon(&[(x + 8.0, y + 6.0), (x + 13.0, y + 14.0), (x + 3.0, y + 14.0)], c)?;
                self.line(&[(x + 8.0, y + 6.0), (x + 8.0, y)], c, 1.5)?;
                self.polygon(&[(x + 8.0, y - 2.0), (x + 11.0, y + 2.5), (x + 5.0, y + 2.5)], c)
            }
            Glyph::LessThan => {
                self.polygon(&[(x + 8.0, y + 8.0), (x + 13.0, y), (x + 3.0, y)], c)?;
                self.line(&[(x + 8.0, y + 8.0), (x + 8.0, y + 13.0)], c, 1.5)?;
                self.polygon(&[(x + 8.0, y + 16.0), (x + 11.0, y + 11.5), (x + 5.0, y + 11.5)], c)
            }
            Glyph::Approx => self.circle(x + 8.0, y + 7.0, 5.0, c, false),
            Glyph::Derived => {
                self.rect(x0, y0, x1, y1, self.t.tint(c, 0.8), true, 0.0)?;
                self.hatch(x0, y0, x1, y1, c)?;
                self.rect(x0, y0, x1, y1, c, false, 1.0)
            }
            Glyph::PartYear => {
                self.rect(x0, y0, x1, y1, self.t.tint(c, 0.7), true, 0.0)?;
                self.dashed(&[(x0, y1), (x0, y0), (x1, y0), (x1, y1), (x0, y1)], c, 1.5)
            }
            Glyph::NoData => {
                self.dashed(&[(x0, y + 10.0), (x1, y + 10.0)], self.t.no_data, 1.5)?;
                self.text(x + 8.0, y + 6.0, "–", 11.0, self.t.no_data, HPos::Center, VPos::Center, false)
            }
            Glyph::YearUnknown => {
                self.dashed(&[(x + 8.0, y + 6.0), (x + 8.0, y + 15.0)], c, 1.0)?;
                self.circle(x + 8.0, y + 5.0, 4.0, c, false)
            }
            Glyph::User => {
                let marker = T::UserMarker.t(Lang::Zh);
                self.text(x + 8.0, y + 8.0, marker, 15.0, self.t.text, HPos::Center, VPos::Center, true)
            }
        }
    }

    /// 片区 side by side: small multiples in a grid, one per metric; in each, one row per 片区
    /// (name, bar on the metric's shared scale, value; "no data" where there is no figure),
    /// then the line naming the metrics without any 片区 figure.
    #[allow(clippy::too_many_arguments)]
    fn side_by_side(
        &self,
        multiples: &[Multiple],
        missing: &[String],
        x0: f64,
        x1: f64,
        top: f64,
        lang: Lang,
    ) -> Result<(), DrawError> {
        let (cols, cell_w) = multiples_grid(x1 - x0);
        let mut y = top;
        for row in multiples.chunks(cols) {
            let (head, height) = multiples_row(row, cell_w, lang);
            for (ci, m) in row.iter().enumerate() {
                let cx0 = x0 + (cell_w + MULTIPLE_GAP) * ci as f64;
                self.multiple(m, cx0, cx0 + cell_w, y, y + head, lang)?;
            }
            y += height;
        }
        for line in missing_lines(missing, x1 - x0, lang) {
            self.text(x0, y, &line, theme::SMALL_SIZE, self.t.muted, HPos::Left, VPos::Top, false)?;
            y += 15.0;
        }
        Ok(())
    }

    /// One small multiple in [x0, x1]: its heading from `top`, its rows from `body` (the same
    /// for every multiple of a grid row).
    #[allow(clippy::too_many_arguments)]
    fn multiple(
        &self,
        m: &Multiple,
        x0: f64,
        x1: f64,
        top: f64,
        body: f64,
        lang: Lang,
    ) -> Result<(), DrawError> {
        let cell_w = x1 - x0;
        let mut y = top;
        for line in wrap(&multiple_heading(m, lang), theme::LABEL_SIZE, cell_w) {
            self.text(x0, y, &line, theme::LABEL_SIZE, self.t.text, HPos::Left, VPos::Top, true)?;
            y += 15.0;
        }
        if let Some(p) = &m.period {
            self.text(x0, y, p, theme::SMALL_SIZE, self.t.muted, HPos::Left, VPos::Top, false)?;
        }
        let mut y = body;
        let label_w = slot_label_w(m, cell_w);
        // Room for the widest value (and a bound's arrow) to the right of the longest bar.
        let room = m
            .slots
            .iter()
            .filter_map(|s| match &s.value {
                SlotValue::Bar(mk) => Some(
                    text_width(&mk.label, theme::SMALL_SIZE)
                        + if mk.qualifier.is_bound() { 16.0 } else { 0.0 },
                ),
                _ => None,
            })
            .fold(0.0, f64::max)
            + 8.0;
        let left = x0 + label_w;
        let right = (x1 - room).max(left + 40.0);
        let axis_top = y;
        for s in &m.slots {
            let h = slot_height(m, s, label_w, cell_w, lang);
            let (by0, by1) = (y + 1.0, y + 13.0);
            let mut ly = y;
            for line in wrap(&s.scope, theme::LABEL_SIZE, label_w - 8.0) {
                self.text(x0, ly, &line, theme::LABEL_SIZE, self.t.text, HPos::Left, VPos::Top, false)?;
                ly += 14.0;
            }
            match &s.value {
                SlotValue::Bar(mk) => {
                    let end = m.x.map(mk.value, left, right);
                    self.bar(left, by0, end, by1, mk, false)?;
                    let mut lx = end + 6.0;
                    if mk.qualifier.is_bound() {
                        self.bound(
                            end,
                            (by0 + by1) / 2.0,
                            mk.qualifier,
                            (1.0, 0.0),
                            self.t.series(mk.color),
                        )?;
                        lx += 16.0;
                    }
                    let mid = (by0 + by1) / 2.0;
                    self.text(
                        lx,
                        mid,
                        &mk.label,
                        theme::SMALL_SIZE,
                        self.t.text,
                        HPos::Left,
                        VPos::Center,
                        false,
                    )?;
                    if m.period.is_none() {
                        let p = &mk.short_period;
                        self.text(left, by1 + 2.0, p, 10.0, self.t.muted, HPos::Left, VPos::Top, false)?;
                    }
                }
                SlotValue::Apart(mk) => {
                    let mut ty = y;
                    let mut widest: f64 = 0.0;
                    for line in wrap(&apart_text(mk, lang), theme::SMALL_SIZE, x1 - left) {
                        widest = widest.max(text_width(&line, theme::SMALL_SIZE));
                        self.text(
                            left + 4.0,
                            ty,
                            &line,
                            theme::SMALL_SIZE,
                            self.t.text,
                            HPos::Left,
                            VPos::Top,
                            false,
                        )?;
                        ty += 14.0;
                    }
                    self.hit(mk, left, y, left + 4.0 + widest, ty);
                }
                SlotValue::NoData => {
                    let mid = (by0 + by1) / 2.0;
                    self.dashed(&[(left, mid), (left + 24.0, mid)], self.t.no_data, 1.5)?;
                    let word = T::NoData.t(lang);
                    self.text(left + 30.0, mid, word, 10.0, self.t.no_data, HPos::Left, VPos::Center, false)?;
                }
            }
            y += h;
        }
        // The zero line the bars of this metric share.
        self.line(&[(left, axis_top - 2.0), (left, y - 8.0)], self.t.axis, 1.0)
    }

    fn panel(
        &self,
        panel: &PanelModel,
        x0: f64,
        x1: f64,
        y: f64,
        model: &ChartModel,
    ) -> Result<(), DrawError> {
        let lang = model.lang;
        let unit = match panel {
            PanelModel::Columns { unit, .. }
            | PanelModel::Timeline { unit, .. }
            | PanelModel::Bars { unit, .. }
            | PanelModel::DotRows { unit, .. } => unit.as_str(),
            PanelModel::Matrix { .. } | PanelModel::SideBySide { .. } => "",
        };
        let mut top = y;
        for line in wrap(&panel_heading(panel, lang), theme::PANEL_TITLE_SIZE, x1 - x0) {
            self.text(x0, top, &line, theme::PANEL_TITLE_SIZE, self.t.text, HPos::Left, VPos::Top, true)?;
            top += 16.0;
        }
        if let Some(note) = panel_note(panel, lang) {
            for line in wrap(&note, theme::SMALL_SIZE, x1 - x0) {
                self.text(x0, top, &line, theme::SMALL_SIZE, self.t.muted, HPos::Left, VPos::Top, false)?;
                top += 15.0;
            }
        }
        top += 8.0;
        match panel {
            PanelModel::Columns { categories, cells, y: scale, layout, series, .. } => {
                let label_w = scale
                    .ticks
                    .iter()
                    .map(|t| text_width(&tick_label(*t, unit, scale.step, lang), theme::SMALL_SIZE))
                    .fold(0.0, f64::max);
                let (left, right) = (x0 + label_w + 8.0, x1);
                let (ptop, pbot) = (top + 22.0, top + COLUMNS_H);
                for t in &scale.ticks {
                    let yy = scale.map(*t, pbot, ptop);
                    if *t != 0.0 {
                        self.line(&[(left, yy), (right, yy)], self.t.grid, 1.0)?;
                    }
                    self.text(
                        left - 6.0,
                        yy,
                        &tick_label(*t, unit, scale.step, lang),
                        theme::SMALL_SIZE,
                        self.t.muted,
                        HPos::Right,
                        VPos::Center,
                        false,
                    )?;
                }
                let n = categories.len().max(1) as f64;
                let band = (right - left) / n;
                let ns = series.len().max(1) as f64;
                // Labels already drawn in this panel: a new label moves up until it is clear of them.
                let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
                for (ci, cat) in categories.iter().enumerate() {
                    let cx = left + band * (ci as f64 + 0.5);
                    let group = band * 0.74;
                    let row = cells.get(ci).map(Vec::as_slice).unwrap_or(&[]);
                    for (si, cell) in row.iter().enumerate() {
                        let (bx0, bx1) = match layout {
                            Layout::Grouped => {
                                let slot = group / ns;
                                let sx = cx - group / 2.0 + slot * si as f64;
                                (sx + slot * 0.06, sx + slot * 0.94)
                            }
                            Layout::Nested => {
                                let w = if si == 0 { group * 0.9 } else { group * 0.45 };
                                (cx - w / 2.0, cx + w / 2.0)
                            }
                        };
                        match cell {
                            Some(m) => {
                                let ytop = scale.map(m.value, pbot, ptop);
                                let soft = *layout == Layout::Nested && si == 0 && row.len() > 1;
                                self.bar(bx0, ytop, bx1, pbot, m, soft)?;
                                let c = self.t.series(m.color);
                                let mut ly = ytop - 4.0;
                                if m.qualifier.is_bound() {
                                    self.bound((bx0 + bx1) / 2.0, ytop - 1.0, m.qualifier, (0.0, -1.0), c)?;
                                    ly -= 16.0;
                                }
                                if *layout == Layout::Nested && si > 0 {
                                    ly = ly.max(ptop + 12.0);
                                }
                                let size = if band / ns < 34.0 { 10.0 } else { theme::SMALL_SIZE };
                                let w = text_width(&m.label, size);
                                // Centred on the bar, but kept inside the panel.
                                let lcx = ((bx0 + bx1) / 2.0)
                                    .clamp(left + w / 2.0, (right - w / 2.0).max(left + w / 2.0));
                                let (lx0, lx1) = (lcx - w / 2.0, lcx + w / 2.0);
                                let lines = if m.partial { 26.0 } else { 13.0 };
                                for _ in 0..4 {
                                    let rect = (lx0, ly - lines, lx1, ly);
                                    if !placed.iter().any(|r| overlaps(*r, rect)) {
                                        break;
                                    }
                                    ly -= 13.0;
                                }
                                let color = if *layout == Layout::Nested && si > 0 {
                                    self.t.deepen(c, 0.2)
                                } else {
                                    self.t.text
                                };
                                self.text(lcx, ly, &m.label, size, color, HPos::Center, VPos::Bottom, false)?;
                                if m.partial {
                                    self.text(
                                        lcx,
                                        ly - 13.0,
                                        &m.short_period,
                                        10.0,
                                        self.t.muted,
                                        HPos::Center,
                                        VPos::Bottom,
                                        false,
                                    )?;
                                }
                                placed.push((lx0, ly - lines, lx1, ly));
                            }
                            None if *layout == Layout::Grouped || si == 0 => {
                                self.dashed(&[(bx0, pbot - 1.0), (bx1, pbot - 1.0)], self.t.no_data, 1.5)?;
                                let word = T::NoData.t(lang);
                                let txt =
                                    if text_width(word, 10.0) <= bx1 - bx0 + 4.0 { word } else { "–" };
                                self.text(
                                    (bx0 + bx1) / 2.0,
                                    pbot - 6.0,
                                    txt,
                                    10.0,
                                    self.t.no_data,
                                    HPos::Center,
                                    VPos::Bottom,
                                    false,
                                )?;
                            }
                            None => {}
                        }
                    }
                    self.axis_label(cx, pbot, cat)?;
                }
                self.line(&[(left, pbot), (right, pbot)], self.t.axis, 1.0)?;
            }
            PanelModel::Timeline { x_years, y: scale, points, undated, .. } => {
                let label_w = text_width("100%", theme::SMALL_SIZE);
                let undated_w = if undated.is_empty() { 0.0 } else { 70.0 };
                let (left, right) = (x0 + label_w + 8.0, x1 - undated_w);
                let (ptop, pbot) = (top + 30.0, top + TIMELINE_H);
                let (ylo, yhi) = (f64::from(x_years.0), f64::from(x_years.1 + 1));
                let xmap = |x: f64| left + (x - ylo) / (yhi - ylo) * (right - left);
                for t in &scale.ticks {
                    let yy = scale.map(*t, pbot, ptop);
                    self.line(
                        &[(left, yy), (x1, yy)],
                        if *t == 0.0 { self.t.axis } else { self.t.grid },
                        1.0,
                    )?;
                    self.text(
                        left - 6.0,
                        yy,
                        &tick_label(*t, unit, scale.step, lang),
                        theme::SMALL_SIZE,
                        self.t.muted,
                        HPos::Right,
                        VPos::Center,
                        false,
                    )?;
                }
                let years = x_years.1 - x_years.0 + 1;
                let every = if (right - left) / f64::from(years) < 34.0 { 2 } else { 1 };
                for yr in x_years.0..=x_years.1 {
                    let x = xmap(f64::from(yr));
                    self.line(&[(x, pbot), (x, pbot + 4.0)], self.t.axis, 1.0)?;
                    if (yr - x_years.0) % every == 0 {
                        self.axis_label(xmap(f64::from(yr) + 0.5), pbot, &yr.to_string())?;
                    }
                }
                let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
                // A dense timeline draws its points small and labels only the lowest, the
                // highest and the latest (drawn full size); undated points as usual.
                let dense = points.len() > DENSE_POINTS;
                let keys = if dense { key_marks(points.iter().map(|(_, m)| m)) } else { Vec::new() };
                let lowest = keys.first().copied();
                // Published figures keep their full mark and label among imported ones.
                let labelled = |i: usize| {
                    !dense
                        || i >= points.len()
                        || keys.contains(&i)
                        || points.get(i).is_some_and(|(_, m)| !m.user)
                };
                let all: Vec<(f64, &Mark)> = points
                    .iter()
                    .map(|(x, m)| (xmap(*x), m))
                    .chain(undated.iter().enumerate().map(|(i, m)| (right + 18.0 + 24.0 * i as f64, m)))
                    .collect();
                // In axis order, so keyboard navigation through the hits follows time.
                for (i, (px, m)) in all.iter().enumerate() {
                    let small = !labelled(i);
                    let py = scale.map(m.value, pbot, ptop);
                    if m.year_unknown {
                        // Small points get a short dashed stub rather than a line to the axis.
                        let to = if small { py + 9.0 } else { pbot };
                        let from = if small { py + 3.5 } else { py + 7.0 };
                        self.dashed(
                            &[(*px, from), (*px, to)],
                            self.t.tint(self.t.series(m.color), 0.4),
                            1.0,
                        )?;
                    }
                    self.point(*px, py, m, small)?;
                }
                // Dense: the lowest, highest and latest are labelled first, then the others that fit.
                let first = keys.iter().copied();
                let rest = (0..all.len()).filter(|i| labelled(*i) && !keys.contains(i));
                for (i, (px, m)) in first.chain(rest).filter_map(|i| all.get(i).map(|pm| (i, pm))) {
                    let py = scale.map(m.value, pbot, ptop);
                    let w = text_width(&m.label, theme::SMALL_SIZE);
                    let up = if m.qualifier.is_bound() { 24.0 } else { 10.0 };
                    // Among dense points the lowest is labelled below them, the others above.
                    let ys = if dense && Some(i) == lowest {
                        [py + 20.0, py + 34.0, py - up, py - up - 14.0]
                    } else {
                        [py - up, py + 20.0, py - up - 14.0, py + 34.0]
                    };
                    let spot = try_place_label(&placed, *px, &ys, w, left, x1);
                    let Some((lx, ly)) =
                        spot.or_else(|| (!dense).then(|| place_label(&placed, *px, &ys, w, left, x1)))
                    else {
                        continue;
                    };
                    placed.push((lx - w / 2.0, ly - 13.0, lx + w / 2.0, ly));
                    if dense {
                        // A halo, so the label reads over the crowd of points.
                        self.rect(
                            lx - w / 2.0 - 2.0,
                            ly - 13.0,
                            lx + w / 2.0 + 2.0,
                            ly + 1.0,
                            self.t.background,
                            true,
                            0.0,
                        )?;
                    }
                    self.mark_label(lx, ly, &m.label)?;
                }
                if !undated.is_empty() {
                    self.dashed(&[(right + 4.0, ptop - 10.0), (right + 4.0, pbot)], self.t.axis, 1.0)?;
                    self.text(
                        right + 4.0 + (undated_w - 4.0) / 2.0,
                        pbot + 6.0,
                        T::LegendUndated.t(lang),
                        theme::SMALL_SIZE,
                        self.t.muted,
                        HPos::Center,
                        VPos::Top,
                        false,
                    )?;
                }
            }
            PanelModel::Bars { rows, x: scale, .. } => {
                let mut yy = top;
                let right_room = rows
                    .iter()
                    .map(|r| text_width(&bar_value_label(r), theme::LABEL_SIZE))
                    .fold(0.0, f64::max)
                    + 8.0;
                let (left, right) = (x0, (x1 - right_room).max(x0 + 40.0));
                for r in rows {
                    yy = self.row_label(left, yy, &r.label, x1 - x0)?;
                    let (by0, by1) = (yy + 18.0, yy + 32.0);
                    let c = self.t.series(r.mark.color);
                    if let Some(t) = &r.total {
                        self.rect(
                            left,
                            by0,
                            scale.map(t.value, left, right),
                            by1,
                            self.t.tint(self.t.grid, 0.2),
                            true,
                            0.0,
                        )?;
                    }
                    let end = scale.map(r.mark.value, left, right);
                    self.bar(left, by0, end, by1, &r.mark, false)?;
                    let mut inner_x = left;
                    for (_, m) in &r.inner {
                        let w = scale.map(m.value, 0.0, right - left);
                        self.rect(inner_x, by0, inner_x + w, by1, self.t.deepen(c, 0.45), true, 0.0)?;
                        inner_x += w;
                    }
                    let mut label_x = end;
                    if r.mark.qualifier.is_bound() {
                        self.bound(end, (by0 + by1) / 2.0, r.mark.qualifier, (1.0, 0.0), c)?;
                        label_x += 16.0;
                    }
                    if let Some(t) = &r.total {
                        label_x = label_x.max(scale.map(t.value, left, right));
                    }
                    let label_w = text_width(&bar_value_label(r), theme::LABEL_SIZE) + 12.0;
                    for cf in &r.conflicts {
                        let cx = scale.map(cf.value, left, right);
                        self.line(&[(cx, by0 - 4.0), (cx, by1 + 4.0)], self.t.text, 1.5)?;
                        if cx >= label_x - 2.0 && cx <= label_x + label_w {
                            label_x = cx;
                        }
                    }
                    self.text(
                        label_x + 6.0,
                        (by0 + by1) / 2.0,
                        &bar_value_label(r),
                        theme::LABEL_SIZE,
                        self.t.text,
                        HPos::Left,
                        VPos::Center,
                        false,
                    )?;
                    yy += 40.0;
                    if !(r.inner.is_empty() && r.conflicts.is_empty()) {
                        for line in wrap(&bar_note(r, lang), theme::SMALL_SIZE, x1 - x0) {
                            self.text(
                                left,
                                yy - 4.0,
                                &line,
                                theme::SMALL_SIZE,
                                self.t.muted,
                                HPos::Left,
                                VPos::Top,
                                false,
                            )?;
                            yy += 16.0;
                        }
                    }
                }
            }
            PanelModel::DotRows { rows, x: scale, .. } => {
                let (left, right) = (x0 + 8.0, x1 - 8.0);
                let mut yy = top;
                for r in rows {
                    yy = self.row_label(x0, yy, &r.label, x1 - x0)?;
                    let ly = yy + 42.0;
                    self.line(&[(left, ly), (right, ly)], self.t.grid, 2.0)?;
                    // A dense row draws its dots small and labels only the lowest, the highest and
                    // the latest (drawn full size).
                    let dense = r.marks.len() > DENSE_DOTS;
                    let keys = if dense { key_marks(r.marks.iter()) } else { Vec::new() };
                    let labelled =
                        |i: usize| !dense || keys.contains(&i) || r.marks.get(i).is_some_and(|m| !m.user);
                    for (i, m) in r.marks.iter().enumerate() {
                        let small = !labelled(i);
                        let px = scale.map(m.value, left, right);
                        if m.year_unknown {
                            let (from, to) = if small { (ly + 3.5, ly + 9.0) } else { (ly + 6.0, ly + 13.0) };
                            self.dashed(&[(px, from), (px, to)], self.t.series(m.color), 1.0)?;
                        }
                        self.point(px, ly, m, small)?;
                    }
                    // Labels: above the dot, else below, else higher above; never on the row title.
                    let mut placed: Vec<(f64, f64, f64, f64)> =
                        vec![(x0, yy, x0 + text_width(&r.label, theme::LABEL_SIZE), yy + 15.0)];
                    // Dense: the lowest, highest and latest first, then the others that fit.
                    let order: Vec<usize> = keys
                        .iter()
                        .copied()
                        .chain((0..r.marks.len()).filter(|i| labelled(*i) && !keys.contains(i)))
                        .collect();
                    let shown = || order.iter().filter_map(|&i| r.marks.get(i));
                    let dots: Vec<f64> = r.marks.iter().map(|m| scale.map(m.value, left, right)).collect();
                    for m in shown().filter(|m| m.qualifier.is_bound()) {
                        let px = scale.map(m.value, left, right);
                        placed.push((px - 4.0, ly - 24.0, px + 4.0, ly));
                    }
                    for m in shown() {
                        let px = scale.map(m.value, left, right);
                        // Above the dot (above the arrow of a bound), below it, or beside the arrow.
                        let ys: &[f64] = if m.qualifier.is_bound() {
                            &[ly - 22.0, ly + 21.0, ly - 8.0]
                        } else {
                            &[ly - 8.0, ly + 21.0]
                        };
                        // The value with its period; where that fits nowhere (crowded dots on a
                        // narrow chart), the value alone (the period stays in the tooltip and table).
                        let full = format!("{} {}", m.label, m.short_period);
                        let spot = [full.as_str(), m.label.as_str()].into_iter().find_map(|text| {
                            let w = text_width(text, theme::SMALL_SIZE);
                            place_dot_label(&placed, px, ly, ys, w, (left, right), &dots)
                                .map(|p| (p, text, w))
                        });
                        let fallback = || {
                            let w = text_width(&m.label, theme::SMALL_SIZE);
                            (place_label(&placed, px, ys, w, left, right), m.label.as_str(), w)
                        };
                        let Some(((x, y_text), text, w)) = spot.or_else(|| (!dense).then(fallback)) else {
                            continue;
                        };
                        placed.push((x - w / 2.0, y_text - 13.0, x + w / 2.0, y_text));
                        if dense {
                            let bg = self.t.background;
                            self.rect(
                                x - w / 2.0 - 2.0,
                                y_text - 13.0,
                                x + w / 2.0 + 2.0,
                                y_text + 1.0,
                                bg,
                                true,
                                0.0,
                            )?;
                        }
                        self.mark_label(x, y_text, text)?;
                    }
                    yy += 76.0;
                }
                for t in &scale.ticks {
                    self.text(
                        scale.map(*t, left, right),
                        yy,
                        &tick_label(*t, unit, scale.step, lang),
                        theme::SMALL_SIZE,
                        self.t.muted,
                        HPos::Center,
                        VPos::Top,
                        false,
                    )?;
                }
            }
            PanelModel::SideBySide { multiples, missing, .. } => {
                self.side_by_side(multiples, missing, x0, x1, top, lang)?;
            }
            PanelModel::Matrix { columns, rows, .. } => {
                let label_w = ((x1 - x0) * 0.2).clamp(64.0, 110.0);
                let n = columns.len().max(1) as f64;
                let cw = (x1 - x0 - label_w) / n;
                for (i, name) in columns.iter().enumerate() {
                    let cx = x0 + label_w + cw * (i as f64 + 0.5);
                    let lines = wrap(name, 10.0, cw - 2.0);
                    for (k, line) in lines.iter().take(2).enumerate() {
                        self.text(
                            cx,
                            top + 12.0 * k as f64,
                            line,
                            10.0,
                            self.t.muted,
                            HPos::Center,
                            VPos::Top,
                            true,
                        )?;
                    }
                }
                let mut yy = top + 30.0;
                for r in rows {
                    self.text(
                        x0,
                        yy + 17.0,
                        &r.label,
                        theme::LABEL_SIZE,
                        self.t.text,
                        HPos::Left,
                        VPos::Center,
                        false,
                    )?;
                    for (i, cell) in r.cells.iter().enumerate() {
                        let (cx0, cx1) =
                            (x0 + label_w + cw * i as f64 + 2.0, x0 + label_w + cw * (i as f64 + 1.0) - 2.0);
                        let (cy0, cy1) = (yy + 2.0, yy + 34.0);
                        let cx = (cx0 + cx1) / 2.0;
                        if cell.is_empty() {
                            self.dashed(
                                &[(cx0, cy0), (cx1, cy0), (cx1, cy1), (cx0, cy1), (cx0, cy0)],
                                self.t.grid,
                                1.0,
                            )?;
                            let word = T::NotPublished.t(lang);
                            let txt = if text_width(word, 10.0) <= cx1 - cx0 - 4.0 { word } else { "–" };
                            self.text(
                                cx,
                                (cy0 + cy1) / 2.0,
                                txt,
                                10.0,
                                self.t.no_data,
                                HPos::Center,
                                VPos::Center,
                                false,
                            )?;
                        } else {
                            let c = self.t.series(0);
                            self.rect(cx0, cy0, cx1, cy1, self.t.tint(c, 0.85), true, 0.0)?;
                            for (_, m) in cell {
                                self.hit(m, cx0, cy0, cx1, cy1);
                            }
                            let first = cell.first().map(|(_, m)| m.label.clone()).unwrap_or_default();
                            let count = r.counts.get(i).copied().unwrap_or(cell.len()).max(cell.len());
                            let more = count.saturating_sub(1);
                            let text = if more > 0 { format!("{first} +{more}") } else { first };
                            if text_width(&text, 10.0) <= cx1 - cx0 - 6.0 {
                                self.text(
                                    cx,
                                    (cy0 + cy1) / 2.0,
                                    &text,
                                    10.0,
                                    self.t.deepen(c, 0.3),
                                    HPos::Center,
                                    VPos::Center,
                                    false,
                                )?;
                            } else {
                                self.circle(cx, (cy0 + cy1) / 2.0, 5.0, c, true)?;
                                if more > 0 {
                                    self.text(
                                        cx + 8.0,
                                        (cy0 + cy1) / 2.0,
                                        &format!("+{more}"),
                                        10.0,
                                        self.t.deepen(c, 0.3),
                                        HPos::Left,
                                        VPos::Center,
                                        false,
                                    )?;
                                }
                            }
                        }
                    }
                    yy += 40.0;
                }
            }
        }
        Ok(())
    }
}

/// Indices of the lowest, the highest and the last of `marks` (the first of equals; fewer when
/// they coincide): the points a dense panel labels.
fn key_marks<'m>(marks: impl Iterator<Item = &'m Mark>) -> Vec<usize> {
    let mut lo: Option<(usize, f64)> = None;
    let mut hi: Option<(usize, f64)> = None;
    let mut last = None;
    for (i, m) in marks.enumerate() {
        if lo.is_none_or(|(_, v)| m.value < v) {
            lo = Some((i, m.value));
        }
        if hi.is_none_or(|(_, v)| m.value > v) {
            hi = Some((i, m.value));
        }
        last = Some(i);
    }
    let mut out: Vec<usize> = Vec::new();
    for i in [lo.map(|l| l.0), hi.map(|h| h.0), last].into_iter().flatten() {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The spots tried for a label of width `w` of a mark at `x`, in order: centred on the mark,
/// then beside it (right, then left, then twice as far), on each of the baselines `ys`; each
/// kept within [left, right].
fn label_spots(x: f64, ys: &[f64], w: f64, left: f64, right: f64) -> impl Iterator<Item = (f64, f64)> + '_ {
    let clamp = move |cx: f64| cx.clamp(left + w / 2.0, (right - w / 2.0).max(left + w / 2.0));
    [0.0, 1.0, -1.0, 2.0, -2.0]
        .into_iter()
        .flat_map(move |shift| ys.iter().map(move |&y| (clamp(x + shift * (w / 2.0 + 6.0)), y)))
}

/// True when a label of width `w` with its baseline at `(cx, y)` overlaps nothing `placed`.
fn label_fits(placed: &[(f64, f64, f64, f64)], (cx, y): (f64, f64), w: f64) -> bool {
    !placed.iter().any(|r| overlaps(*r, (cx - w / 2.0, y - 13.0, cx + w / 2.0, y)))
}

/// Where to put a label of width `w` for a mark at `x`: the first of [`label_spots`] where it
/// fits, else centred on the mark on the last baseline.
fn place_label(
    placed: &[(f64, f64, f64, f64)],
    x: f64,
    ys: &[f64],
    w: f64,
    left: f64,
    right: f64,
) -> (f64, f64) {
    let clamp = |cx: f64| cx.clamp(left + w / 2.0, (right - w / 2.0).max(left + w / 2.0));
    try_place_label(placed, x, ys, w, left, right).unwrap_or((clamp(x), ys.last().copied().unwrap_or(0.0)))
}

/// [`place_label`] without the last resort: `None` when the label fits nowhere (a dense panel
/// then leaves it out; the mark keeps its tooltip).
fn try_place_label(
    placed: &[(f64, f64, f64, f64)],
    x: f64,
    ys: &[f64],
    w: f64,
    left: f64,
    right: f64,
) -> Option<(f64, f64)> {
    label_spots(x, ys, w, left, right).find(|&spot| label_fits(placed, spot, w))
}

/// A spot for a dot's label: the nearest to the dot (at `px`, on the line at `ly`) of
/// [`label_spots`] that overlaps nothing placed and is not nearer another dot of the row than
/// its own (a label beside the wrong dot misleads).
fn place_dot_label(
    placed: &[(f64, f64, f64, f64)],
    px: f64,
    ly: f64,
    ys: &[f64],
    w: f64,
    (left, right): (f64, f64),
    dots: &[f64],
) -> Option<(f64, f64)> {
    let mut spots: Vec<(f64, f64)> = label_spots(px, ys, w, left, right).collect();
    let distance = |(cx, y): (f64, f64)| (cx - px).abs() + (y - 6.0 - ly).abs();
    // Nearest first (insertion sort: a handful of spots, and no float sort in the wasm).
    for i in 1..spots.len() {
        let mut j = i;
        while j > 0 && distance(spots[j]) < distance(spots[j - 1]) {
            spots.swap(j, j - 1);
            j -= 1;
        }
    }
    spots.into_iter().find(|&(cx, y)| {
        let own = (cx - px).abs();
        label_fits(placed, (cx, y), w) && dots.iter().all(|d| (cx - d).abs() + 0.5 >= own)
    })
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 + 2.0 && b.0 < a.2 + 2.0 && a.1 < b.3 && b.1 < a.3
}

fn bar_value_label(r: &super::model::BarRow) -> String {
    match &r.total {
        Some(t) => format!("{} / {}", r.mark.label, t.label),
        None => r.mark.label.clone(),
    }
}

fn tick_label(v: f64, unit: &str, step: f64, lang: Lang) -> String {
    let pct = unit == "%";
    let big = v.abs() >= 1e4 && matches!(unit, "辆" | "vehicles" | "户" | "enterprises" | "项" | "items");
    if pct {
        format!("{}%", crate::format::grouped(v, decimals_for(step)))
    } else if big {
        crate::format::compact(v, lang)
    } else {
        crate::format::grouped(v, decimals_for(step))
    }
}

fn decimals_for(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-magnitude(step)).max(0) as usize
    }
}
