//! The figure finder's state (issue 14): what the reader typed and chose, how many results are
//! listed, and the figure opened (in the address as `?figure=<id>`, the figure's permalink).
//! Pure: the finder component (`web::components::finder`) dispatches [`FinderAction`]s.

use crate::chart::ChartId;
use crate::data::Qualifier;
use crate::finder::Sort;
use crate::url;

/// How many results the finder lists at first, and how many more each "show more" adds: with
/// 100,000 imported figures the page renders a page of them, never all.
pub const PAGE: usize = 50;

/// The finder's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FinderState {
    /// What the reader typed.
    pub query: String,
    /// Only the figures of this chart.
    pub chart: Option<ChartId>,
    /// Only figures of this scope key.
    pub scope: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub sort: Sort,
    /// "Show more" pressed this many times since the search last changed.
    pub more: usize,
    /// The figure whose details are open (`?figure=<id>`).
    pub open: Option<String>,
    /// Counts the requests to bring the open figure into view (a permalink, "find this
    /// figure"): the page scrolls to it whenever this changes.
    pub reveal: u32,
}

impl FinderState {
    /// How many results to list.
    pub fn limit(&self) -> usize {
        PAGE.saturating_mul(self.more.saturating_add(1))
    }

    /// The state a page opened at `query` starts in, and whether a `figure` parameter had to
    /// be ignored (not of a figure id's form).
    pub fn from_query(query: &str) -> (FinderState, bool) {
        let open = url::figure_from_query(query);
        let bad = open.is_none() && url::get_param(query, "figure").is_some();
        let reveal = u32::from(open.is_some());
        (FinderState { open, reveal, ..FinderState::default() }, bad)
    }
}

/// Something the reader did in the finder (or asked of it from a chart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FinderAction {
    /// The search text changed (as the reader types).
    Query(String),
    /// The chart filter (`None`: every chart).
    Chart(Option<ChartId>),
    /// The scope filter (`None`: every scope).
    Scope(Option<String>),
    /// The qualifier filter (`None`: every qualifier).
    Qualifier(Option<Qualifier>),
    Sort(Sort),
    /// List [`PAGE`] more results.
    ShowMore,
    /// Open (or, with `None`, close) a figure's details. Only a figure id's form is kept.
    Open(Option<String>),
    /// "Find this figure" from a chart's tooltip, table or source notes: the search and
    /// filters are cleared so the figure is listed, its details open and the page brings it
    /// into view.
    Reveal(String),
    /// The opened figure is not in the dataset (a permalink to a figure that does not exist,
    /// or to an import no longer there): closed.
    Unknown(String),
}

/// The finder's state after `action`. A changed search or filter lists the first page again.
pub fn reduce(mut s: FinderState, action: FinderAction) -> FinderState {
    match action {
        FinderAction::Query(q) => {
            if q != s.query {
                s.query = q;
                s.more = 0;
            }
        }
        FinderAction::Chart(c) => {
            s.chart = c;
            s.more = 0;
        }
        FinderAction::Scope(scope) => {
            s.scope = scope;
            s.more = 0;
        }
        FinderAction::Qualifier(q) => {
            s.qualifier = q;
            s.more = 0;
        }
        FinderAction::Sort(by) => {
            s.sort = by;
            s.more = 0;
        }
        FinderAction::ShowMore => s.more = s.more.saturating_add(1),
        FinderAction::Open(id) => s.open = id.filter(|id| url::is_figure_id(id)),
        FinderAction::Reveal(id) => {
            if url::is_figure_id(&id) {
                s = FinderState {
                    open: Some(id),
                    reveal: s.reveal.wrapping_add(1),
                    sort: s.sort,
                    ..FinderState::default()
                };
            }
        }
        FinderAction::Unknown(id) => {
            if s.open.as_deref() == Some(id.as_str()) {
                s.open = None;
            }
        }
    }
    s
}
