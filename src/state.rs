//! The page state as a reducer: everything the page shows that the reader chose or that happened
//! to it (language, theme, each chart's view, imports, presentation, notices), the [`Action`]s
//! that change it, and the pure [`reduce`]. The browser shell keeps one [`State`] (Yew's
//! `use_reducer`), dispatches actions from events and effects, and writes the address from
//! [`State::address`]: the address is a function of the state.
//!
//! Pure and native: no `web-sys`; tested with `cargo test` (`tests/state.rs`). Values that come
//! from the address or from events are checked here; a bad one changes nothing (or falls back
//! to the default) and never panics.

pub mod finder;

use crate::chart::{catalog, ChartId};
use crate::data::{import, Dataset, Import, Issue};
use crate::i18n::{Lang, Text};
use crate::shared::Shared;
use crate::url::{self, ChartView, Theme, UrlState};

/// Number of charts on the page.
const CHARTS: usize = ChartId::ALL.len();

/// What the browser prefers, for what the address leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: Theme,
}

/// A notice at the top of the page: a text with its one argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: Text,
    pub arg: String,
}

/// One chart's state: its view (in the address) and the last error drawing or exporting it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChartState {
    pub view: ChartView,
    pub error: Option<String>,
}

/// Where an import stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ImportStage {
    #[default]
    Idle,
    /// Reading and checking; the share done once it has taken over half a second.
    Reading { name: String, shown: Option<f64> },
    /// Checked and good: waiting for the reader to add it.
    Ready(Shared<Import>),
    /// Checked and refused: the problems listed (and how many more there were).
    Failed { name: String, issues: Shared<Vec<Issue>>, more: usize },
}

impl ImportStage {
    /// A file is being read and checked.
    pub fn busy(&self) -> bool {
        matches!(self, ImportStage::Reading { .. })
    }
}

/// What became of writing the imports to the browser's storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageOutcome {
    Saved,
    /// The browser refused (full or disabled storage).
    Refused,
    /// The reader chose not to keep them: the storage was cleared.
    Cleared,
}

/// The page state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The browser's preferences, for what [`State::url`] leaves out.
    pub prefs: Prefs,
    /// What the address holds besides the charts' views: only what the reader chose, so a shared
    /// link does not force one reader's theme on another.
    pub url: UrlState,
    /// One per chart, in the order of [`ChartId::ALL`].
    charts: [ChartState; CHARTS],
    /// The reader's imported figures, in the order added.
    pub imports: Vec<Shared<Import>>,
    /// Whether the imports are kept in this browser.
    pub keep: bool,
    /// The browser refused to keep them.
    pub storage_full: bool,
    /// The import under way, or its report.
    pub import: ImportStage,
    /// Why the last download from the import panel could not start.
    pub download_error: Option<String>,
    pub notices: Vec<Notice>,
    /// The charts drawn (or shown as tables) at least once: the page is ready when all are.
    drawn: Vec<ChartId>,
    /// Draws finished so far (wrapping): what the benchmark waits on after a redraw.
    pub draws: u32,
    /// The figure finder: search, filters, the opened figure (`?figure=<id>`).
    pub finder: finder::FinderState,
}

/// Something that happened on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The language switch: the other language, now the reader's choice.
    SwitchLanguage,
    /// The theme switch: the other theme, now the reader's choice.
    SwitchTheme,
    /// Presentation at this slide (0-based; past the end means the last), or `None`: the page.
    Present { slide: Option<usize> },
    /// A chart's table / chart switch.
    ToggleTable { chart: ChartId },
    /// A chart's series switch (an index from `catalog::toggleable`; others are ignored).
    ToggleSeries { chart: ChartId, series: usize },
    /// The figure pinned in a chart (by a click or the keyboard), or none.
    Pin { chart: ChartId, figure: Option<String> },
    /// A chart was drawn (or shown as a table) with these figures: clears its error, and a
    /// pinned figure it does not show.
    Drawn { chart: ChartId, figures: Vec<String> },
    /// A presentation slide was drawn.
    SlideDrawn { chart: ChartId },
    /// Drawing or exporting a chart failed.
    ChartFailed { chart: ChartId, message: String },
    /// Reading a file for import started (ignored while another is being read).
    ImportStarted { name: String },
    /// The share of the file checked so far.
    ImportProgress { fraction: f64 },
    /// The file was checked and is good.
    ImportReady { import: Shared<Import> },
    /// The file was checked and refused.
    ImportFailed { name: String, issues: Shared<Vec<Issue>>, more: usize },
    /// The reader adds the checked figures to the charts.
    AddImport,
    /// The reader dismisses the report.
    DismissImport,
    /// The reader removes an imported file (by position; others are ignored).
    RemoveImport { index: usize },
    /// The reader removes every imported file.
    ResetImports,
    /// The reader chooses whether to keep the imports in this browser.
    Keep { keep: bool },
    /// The storage was written (or cleared).
    Stored { outcome: StorageOutcome },
    /// A download could not start.
    DownloadFailed { message: String },
    /// The reader dismisses a notice (by position; others are ignored).
    DismissNotice { index: usize },
    /// Imports restored from this browser's storage when the page opened, and the names of
    /// those that could not be.
    Restored { imports: Vec<Shared<Import>>, failed: Vec<String> },
    /// Something in the figure finder (`finder::reduce`).
    Finder(finder::FinderAction),
}

fn position(chart: ChartId) -> usize {
    ChartId::ALL.iter().position(|c| *c == chart).unwrap_or(0)
}

/// The hidden-series indices of `hidden` that `chart` has, in order, without repeats.
fn valid_hidden(chart: ChartId, hidden: &[usize]) -> Vec<usize> {
    let toggles = catalog::toggleable(chart);
    let mut out: Vec<usize> = Vec::new();
    for &i in hidden {
        if toggles.iter().any(|(t, _, _)| *t == i) && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

impl State {
    /// The state before anything happened, with the browser's preferences.
    pub fn new(prefs: Prefs) -> State {
        State {
            prefs,
            url: UrlState::default(),
            charts: Default::default(),
            imports: Vec::new(),
            keep: false,
            storage_full: false,
            import: ImportStage::Idle,
            download_error: None,
            notices: Vec::new(),
            drawn: Vec::new(),
            draws: 0,
            finder: finder::FinderState::default(),
        }
    }

    /// The state a page opened at `query` starts in. Parameters with bad values fall back to
    /// the default and are named in a notice; hidden series a chart does not have are dropped.
    pub fn from_url(query: &str, prefs: Prefs) -> State {
        let (url, mut ignored) = url::from_query(query);
        let (finder, bad_figure) = finder::FinderState::from_query(query);
        if bad_figure {
            ignored.push("figure".into());
        }
        let mut state = State { url, finder, ..State::new(prefs) };
        for (chart, slot) in ChartId::ALL.into_iter().zip(state.charts.iter_mut()) {
            let mut view = ChartView::from_query(query, chart);
            view.hidden = valid_hidden(chart, &view.hidden);
            slot.view = view;
        }
        if !ignored.is_empty() {
            state.notices.push(Notice { text: Text::UrlIgnored, arg: ignored.join(", ") });
        }
        state
    }

    /// The address's query string for this state (empty, or starting with `?`): the reader's
    /// language and theme, the embed or presentation, then each chart's view.
    pub fn address(&self) -> String {
        let q = ChartId::ALL
            .into_iter()
            .zip(self.charts.iter())
            .fold(url::to_query(&self.url), |q, (chart, c)| c.view.to_query(&q, chart));
        url::with_figure(&q, self.finder.open.as_deref())
    }

    /// The language shown: the reader's choice, else the browser's.
    pub fn lang(&self) -> Lang {
        self.url.lang.unwrap_or(self.prefs.lang)
    }

    /// The theme shown: the reader's choice, else the browser's.
    pub fn theme(&self) -> Theme {
        self.url.theme.unwrap_or(self.prefs.theme)
    }

    /// One chart's state.
    pub fn chart(&self, chart: ChartId) -> &ChartState {
        &self.charts[position(chart)]
    }

    fn chart_mut(&mut self, chart: ChartId) -> &mut ChartState {
        &mut self.charts[position(chart)]
    }

    /// Every chart the page shows has been drawn (one in the embed view and in presentation).
    pub fn ready(&self) -> bool {
        let needed = if self.url.embed.is_some() || self.url.present.is_some() { 1 } else { CHARTS };
        self.drawn.len() >= needed
    }

    fn count_draw(&mut self, chart: ChartId) {
        self.draws = self.draws.wrapping_add(1);
        if !self.drawn.contains(&chart) {
            self.drawn.push(chart);
        }
    }
}

/// The state after `action`.
pub fn reduce(mut state: State, action: Action) -> State {
    match action {
        Action::SwitchLanguage => state.url.lang = Some(state.lang().other()),
        Action::SwitchTheme => state.url.theme = Some(state.theme().other()),
        Action::Present { slide } => state.url.present = slide.map(|s| s.min(CHARTS - 1)),
        Action::ToggleTable { chart } => {
            let view = &mut state.chart_mut(chart).view;
            view.table = !view.table;
        }
        Action::ToggleSeries { chart, series } => {
            if catalog::toggleable(chart).iter().any(|(i, _, _)| *i == series) {
                let hidden = &mut state.chart_mut(chart).view.hidden;
                match hidden.iter().position(|h| *h == series) {
                    Some(at) => {
                        hidden.remove(at);
                    }
                    None => hidden.push(series),
                }
            }
        }
        Action::Pin { chart, figure } => {
            // Only what the address can hold: a figure id's form.
            let figure = figure.filter(|f| url::is_figure_id(f));
            state.chart_mut(chart).view.point = figure;
        }
        Action::Drawn { chart, figures } => {
            state.count_draw(chart);
            let c = state.chart_mut(chart);
            c.error = None;
            if c.view.point.as_ref().is_some_and(|p| !figures.contains(p)) {
                c.view.point = None;
            }
        }
        Action::SlideDrawn { chart } => state.count_draw(chart),
        Action::ChartFailed { chart, message } => state.chart_mut(chart).error = Some(message),
        Action::ImportStarted { name } => {
            if !state.import.busy() {
                state.import = ImportStage::Reading { name, shown: None };
            }
        }
        Action::ImportProgress { fraction } => {
            if let ImportStage::Reading { shown, .. } = &mut state.import {
                *shown = Some(if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 });
            }
        }
        Action::ImportReady { import } => {
            if state.import.busy() {
                state.import = ImportStage::Ready(import);
            }
        }
        Action::ImportFailed { name, issues, more } => {
            if state.import.busy() {
                state.import = ImportStage::Failed { name, issues, more };
            }
        }
        Action::AddImport => {
            if let ImportStage::Ready(import) = std::mem::take(&mut state.import) {
                if !import.figures.is_empty() {
                    state.imports.push(import);
                }
            }
        }
        Action::DismissImport => {
            if !state.import.busy() {
                state.import = ImportStage::Idle;
            }
        }
        Action::RemoveImport { index } => {
            if !state.import.busy() && index < state.imports.len() {
                state.imports.remove(index);
            }
        }
        Action::ResetImports => {
            if !state.import.busy() {
                state.imports.clear();
            }
        }
        Action::Keep { keep } => state.keep = keep,
        Action::Stored { outcome } => state.storage_full = outcome == StorageOutcome::Refused,
        Action::DownloadFailed { message } => state.download_error = Some(message),
        Action::DismissNotice { index } => {
            if index < state.notices.len() {
                state.notices.remove(index);
            }
        }
        Action::Restored { imports, failed } => {
            state.keep = true;
            state.imports = imports;
            if !failed.is_empty() {
                state.notices.push(Notice { text: Text::StorageRestoreFailed, arg: failed.join(", ") });
            }
        }
        Action::Finder(action) => {
            // A permalink to a figure the dataset does not have: ignored with a notice, as a
            // bad address value is.
            if let finder::FinderAction::Unknown(id) = &action {
                if state.finder.open.as_ref() == Some(id) {
                    state.notices.push(Notice { text: Text::UrlIgnored, arg: "figure".into() });
                }
            }
            state.finder = finder::reduce(std::mem::take(&mut state.finder), action);
        }
    }
    state
}

/// Imports the files kept in this browser (name, CSV) again against `base`, each with the
/// checks of a new import and the ones before it loaded. Returns the action to dispatch.
pub fn restore(base: &Dataset, saved: &[(String, String)]) -> Action {
    let mut imports: Vec<Shared<Import>> = Vec::new();
    let mut failed = Vec::new();
    for (name, csv) in saved {
        let ds = base.with_imports(imports.iter().map(|i| &*i.0));
        match import::import(name, csv.as_bytes(), &ds) {
            Ok(i) => imports.push(Shared::new(i)),
            Err(_) => failed.push(name.clone()),
        }
    }
    Action::Restored { imports, failed }
}
