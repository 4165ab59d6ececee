//! The coverage matrix: which figures are published for which 片区 (rows) and theme
//! (columns). A cell lists at most `MAX_CELL` figures and counts them all.

use super::{Heading, PanelKind};
use crate::chart::describe::Describer;
use crate::chart::geom::Body;
use crate::chart::geom::Rect;
use crate::chart::mark::{Builder, Mark, Thinned, MAX_CELL};
use crate::chart::marks;
use crate::chart::paint::{HPos, Ink, Painter, Style, VPos};
use crate::chart::select::shown_scopes;
use crate::chart::sink::DrawError;
use crate::chart::spec::{MatrixColumn, ScopeGroup, ScopeView};
use crate::chart::text::{text_width, wrap, TINY_SIZE};
use crate::chart::theme;
use crate::format::{self, display_unit};
use crate::i18n::{Lang, Text};
use std::collections::HashMap;

/// The column headings' room, their line height, a row's height, the space under the rows.
const HEAD_H: f64 = 30.0;
const HEAD_LEADING: f64 = 12.0;
const ROW_H: f64 = 40.0;
/// The line naming the file above a group of imported scopes' rows.
const GROUP_H: f64 = 20.0;
const BOTTOM: f64 = 4.0;
/// A cell's inset in its row and column.
const CELL_INSET: f64 = 2.0;
/// The row labels take this share of the width, within these bounds.
const LABEL_W: (f64, f64, f64) = (0.2, 64.0, 110.0);

/// What the catalog specifies.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixSpec {
    pub title: Text,
    pub groups: Vec<ScopeGroup>,
    pub columns: Vec<MatrixColumn>,
    /// Which imported scopes get a row.
    pub view: ScopeView,
}

/// One 片区 row of the coverage matrix: for each column, the figures published (with the
/// name of the zone they belong to).
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub label: String,
    /// The file that brought this scope, when its group starts here ("导入文件 regions.csv"):
    /// drawn as a line above the row.
    pub group: Option<String>,
    pub cells: Vec<Vec<(String, Mark)>>,
    /// How many figures each cell stands for: more than it holds when it was cut to [`MAX_CELL`].
    pub counts: Vec<usize>,
}

/// Which figures are published for which 片区.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// The title (translated where the heading is laid out).
    pub title: Text,
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
    /// Set when a cell holds only some of its figures.
    pub thinned: Option<Thinned>,
    /// Imported scopes that match the view but get no row (on its other pages).
    pub more: usize,
    /// When some do not: the drawn imported scopes' positions among those matching, from and
    /// to (1-based), and how many match.
    pub page: Option<(usize, usize, usize)>,
}

/// The matrix's boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixLayout {
    /// Column headings: centre and up to two lines, from `top`.
    pub heads: Vec<(f64, Vec<String>)>,
    pub top: f64,
    /// Rows: the label's left and middle, and each cell's box.
    pub rows: Vec<((f64, f64), Vec<Rect>)>,
    /// File headings above a group of rows: their left and middle.
    pub groups: Vec<(f64, f64)>,
}

impl PanelKind for Matrix {
    type Spec = MatrixSpec;
    type Layout = MatrixLayout;

    fn build(b: &mut Builder<'_>, spec: &MatrixSpec) -> Matrix {
        let ds = b.ds();
        let lang = b.lang();
        let (mut shown, mut total) = (0, 0);
        let mut rows = Vec::new();
        // The spec's 片区 with their zones, then a row for each imported scope the view shows.
        let imported = shown_scopes(ds, &spec.view);
        let more = imported.more();
        let own = spec.groups.len();
        let heads: HashMap<usize, &str> = imported.groups.iter().map(|&(i, f)| (own + i, f)).collect();
        let groups: Vec<(&str, Vec<&str>)> = spec
            .groups
            .iter()
            .map(|g| (g.scope, g.members.clone()))
            .chain(imported.shown.iter().map(|k| (*k, Vec::new())))
            .collect();
        // Positions of each row's figures, in one pass over the dataset (a file can bring
        // 1,000 scopes and 150,000 figures: no pass per cell).
        let mut row_of: HashMap<&str, usize> = HashMap::new();
        for (i, (scope, members)) in groups.iter().enumerate() {
            for s in std::iter::once(scope).chain(members) {
                row_of.entry(s).or_insert(i);
            }
        }
        let mut of_row: Vec<Vec<&crate::data::Figure>> = vec![Vec::new(); groups.len()];
        for f in &ds.figures {
            if let Some(&i) = row_of.get(f.scope.as_str()) {
                if let Some(v) = of_row.get_mut(i) {
                    v.push(f);
                }
            }
        }
        for (r, ((scope, _), figs)) in groups.iter().zip(&of_row).enumerate() {
            let mut cells = Vec::new();
            let mut counts = Vec::new();
            for c in &spec.columns {
                let mut entries = Vec::new();
                let mut count = 0;
                for f in figs.iter().copied().filter(|f| c.metrics.contains(&f.metric.as_str())) {
                    count += 1;
                    if entries.len() >= MAX_CELL {
                        continue;
                    }
                    if let Some(m) = b.mark(f, display_unit(f.unit, lang), 0) {
                        let label = b.tagged(format::figure_value(f, lang, format::Style::Full), f);
                        entries.push((b.name("scope", &f.scope), Mark { label, ..m }));
                    }
                }
                shown += entries.len();
                total += count;
                cells.push(entries);
                counts.push(count);
            }
            let group =
                heads.get(&r).map(|f| crate::i18n::fill(Text::ImportedFile.t(lang), &[f.to_string()]));
            rows.push(MatrixRow { label: b.name("scope", scope), group, cells, counts });
        }
        Matrix {
            title: spec.title,
            columns: spec.columns.iter().map(|c| c.name.t(lang).to_string()).collect(),
            rows,
            thinned: Thinned::of(shown, total),
            more,
            page: (more > 0)
                .then(|| (imported.first + 1, imported.first + imported.shown.len(), imported.matching)),
        }
    }

    fn heading(&self, lang: Lang) -> Heading {
        let notes: Vec<String> = self
            .thinned
            .map(|t| t.cell_note(lang))
            .into_iter()
            .chain(page_note(self.page, lang))
            .chain(more_note(self.more, lang))
            .collect();
        Heading { title: self.title, unit: None, note: (!notes.is_empty()).then(|| notes.join(" · ")) }
    }

    fn layout(&self, body: Body, _lang: Lang) -> (MatrixLayout, f64) {
        let (share, min, max) = LABEL_W;
        let label_w = (body.width() * share).clamp(min, max);
        let n = self.columns.len().max(1) as f64;
        let cw = (body.width() - label_w) / n;
        let col_x = |i: usize| body.x0 + label_w + cw * i as f64;
        let heads = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, name)| {
                (col_x(i) + cw / 2.0, wrap(name, TINY_SIZE, cw - 2.0).into_iter().take(2).collect())
            })
            .collect();
        let mut y = body.top + HEAD_H;
        let mut rows = Vec::new();
        let mut groups = Vec::new();
        for r in &self.rows {
            if r.group.is_some() {
                groups.push((body.x0, y + GROUP_H / 2.0 + 2.0));
                y += GROUP_H;
            }
            let (cy0, cy1) = (y + CELL_INSET, y + ROW_H - 3.0 * CELL_INSET);
            let cells = (0..r.cells.len())
                .map(|i| Rect::new(col_x(i) + CELL_INSET, cy0, col_x(i + 1) - CELL_INSET, cy1))
                .collect();
            rows.push(((body.x0, y + 17.0), cells));
            y += ROW_H;
        }
        (MatrixLayout { heads, top: body.top, rows, groups }, y + BOTTOM - body.top)
    }

    fn paint(&self, p: &Painter, l: &MatrixLayout, lang: Lang) -> Result<(), DrawError> {
        let head = Style::new(TINY_SIZE, Ink::Muted).at(HPos::Center, VPos::Top).bold();
        for (cx, lines) in &l.heads {
            p.lines(*cx, l.top, lines, HEAD_LEADING, head)?;
        }
        let tiny = |ink: Ink| Style::new(TINY_SIZE, ink).at(HPos::Center, VPos::Center);
        let group_style = Style::new(TINY_SIZE, Ink::Muted).at(HPos::Left, VPos::Center).bold();
        for ((gx, gy), name) in l.groups.iter().zip(self.rows.iter().filter_map(|r| r.group.as_ref())) {
            p.text(*gx, *gy, name, group_style)?;
        }
        for (r, ((lx, ly), boxes)) in self.rows.iter().zip(&l.rows) {
            p.text(
                *lx,
                *ly,
                &r.label,
                Style::new(theme::LABEL_SIZE, Ink::Text).at(HPos::Left, VPos::Center),
            )?;
            for (i, (cell, b)) in r.cells.iter().zip(boxes).enumerate() {
                let (cx, cy) = (b.center_x(), b.center_y());
                if cell.is_empty() {
                    marks::not_published(p, *b)?;
                    p.text(
                        cx,
                        cy,
                        marks::no_data_word(Text::NotPublished, b.width() - 4.0, lang),
                        tiny(Ink::NoData),
                    )?;
                    continue;
                }
                let c = p.t.series(0);
                p.fill(*b, p.t.tint(c, 0.85))?;
                for (_, m) in cell {
                    p.hit(m, *b);
                }
                let first = cell.first().map(|(_, m)| m.label.clone()).unwrap_or_default();
                let count = r.counts.get(i).copied().unwrap_or(cell.len()).max(cell.len());
                let more = count.saturating_sub(1);
                let text = if more > 0 { format!("{first} +{more}") } else { first };
                let ink = Ink::Color(p.t.deepen(c, 0.3));
                if text_width(&text, TINY_SIZE) <= b.width() - 6.0 {
                    p.text(cx, cy, &text, tiny(ink))?;
                } else {
                    p.disc(cx, cy, 5.0, c)?;
                    if more > 0 {
                        p.text(cx + 8.0, cy, &format!("+{more}"), tiny(ink).at(HPos::Left, VPos::Center))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn describe(&self, d: &Describer) -> Vec<String> {
        let lang = d.lang;
        let mut parts = Vec::new();
        for r in &self.rows {
            if let Some(g) = &r.group {
                parts.push(g.clone());
            }
            let (mut published, mut missing) = (Vec::new(), Vec::new());
            for (name, cell) in self.columns.iter().zip(&r.cells) {
                if cell.is_empty() {
                    missing.push(name.as_str())
                } else {
                    published.push(name.as_str())
                }
            }
            parts.push(format!(
                "{}{}{}{}{}{}{}{}",
                r.label,
                d.colon,
                Text::PublishedFor.t(lang),
                published.join(", "),
                d.sep,
                Text::NotPublished.t(lang),
                d.colon,
                missing.join(d.names_sep)
            ));
        }
        parts.extend(self.thinned.map(|t| t.cell_note(lang)));
        parts.extend(page_note(self.page, lang));
        parts.extend(more_note(self.more, lang));
        parts
    }
}

/// "显示导入的范围第 41–80 个，共 1,000 个" for a page of the scope view.
pub fn page_note(page: Option<(usize, usize, usize)>, lang: Lang) -> Option<String> {
    let n = |v: usize| format::grouped(v as f64, 0);
    page.map(|(a, b, of)| crate::i18n::fill(Text::ScopesPageNote.t(lang), &[n(a), n(b), n(of)]))
}

/// "另有 960 个导入的范围未画出…" when `more` scopes match but are not drawn.
pub fn more_note(more: usize, lang: Lang) -> Option<String> {
    (more > 0).then(|| crate::i18n::fill(Text::ScopesMoreNote.t(lang), &[format::grouped(more as f64, 0)]))
}
