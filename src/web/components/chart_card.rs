//! One chart: title, subtitle, series switches, the canvas or the data table, a description
//! for screen readers, and the source notes. Builds its own model, so hiding a series or
//! switching language rebuilds (and rescales) only this chart. Its view (table, hidden series,
//! pinned point) is in the page state; the card holds none of its own.

use yew::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::data_table::DataTable;
use super::export_menu::ExportMenu;
use super::scope_filter::ScopeFilter;
use super::source_notes::{note_id, SourceNotes};
use super::Shared;
use crate::chart::select::{imported_scopes, shown_scopes};
use crate::chart::spec::ScopeView;
use crate::chart::{catalog, ChartId};
use crate::data::Dataset;
use crate::i18n::{Lang, Text};
use crate::state::{Action, ChartState};
use crate::url::Theme;
use crate::web::deferred::{use_chart_model, ModelKey};
use crate::web::store::Dispatch;

#[derive(Properties, PartialEq)]
pub struct ChartCardProps {
    pub id: ChartId,
    pub dataset: Shared<Dataset>,
    pub lang: Lang,
    pub theme: Theme,
    /// The chart's view and error, from the page state.
    pub chart: ChartState,
    pub dispatch: Dispatch,
}

/// Opens the chart's source notes at a figure and moves focus there.
fn open_source(chart: &str, figure: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(details) = doc.get_element_by_id(&format!("{chart}-sources")) {
        let _ = details.set_attribute("open", "");
    }
    if let Some(item) = doc.get_element_by_id(&note_id(chart, figure)) {
        item.scroll_into_view();
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(item) {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn ChartCard(props: &ChartCardProps) -> Html {
    let id = props.id;
    let view = &props.chart.view;
    let toggles = catalog::toggleable(id);
    // The 片区 chart's scope filter and page (issue 15): which imported scopes it draws.
    let filter = use_state(String::new);
    let page = use_state(|| 0usize);
    // Fewer scopes a page in a narrow window (the chart box is 312 px there).
    let narrow = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 700.0);
    let limit =
        if narrow { crate::chart::spec::SHOWN_SCOPES_NARROW } else { crate::chart::spec::SHOWN_SCOPES };
    let scope_view = ScopeView { filter: (*filter).clone(), page: *page, limit };
    let has_scopes = id == ChartId::Areas && imported_scopes(&props.dataset).next().is_some();
    let scope_controls = has_scopes.then(|| {
        let s = shown_scopes(&props.dataset, &scope_view);
        let files: Vec<(String, usize)> = s.files.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        (s.first, s.shown.len(), s.matching, files)
    });
    let model = use_chart_model(ModelKey {
        id,
        lang: props.lang,
        hidden: view.hidden.clone(),
        dataset: props.dataset.clone(),
        scopes: scope_view,
    });
    let on_filter = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |text: String| {
            filter.set(text);
            page.set(0);
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |p: usize| page.set(p))
    };
    let on_table = {
        let dispatch = props.dispatch.clone();
        let table = view.table;
        Callback::from(move |_: ()| {
            if !table {
                dispatch.dispatch(Action::ToggleTable { chart: id });
            }
        })
    };

    // Callbacks
    let on_error = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |message: String| dispatch.dispatch(Action::ChartFailed { chart: id, message }))
    };
    // Drawn with these figures: a pinned figure among them stays pinned.
    let drawn = {
        let dispatch = props.dispatch.clone();
        let model = model.clone();
        move || {
            let figures = model.details.iter().map(|d| d.figure.clone()).collect();
            dispatch.dispatch(Action::Drawn { chart: id, figures });
        }
    };
    let on_drawn = {
        let drawn = drawn.clone();
        Callback::from(move |_: String| drawn())
    };
    let slug = id.slug();
    let on_open_source = Callback::from(move |figure: String| open_source(slug, &figure));
    // A chart opened as a table is ready without drawing.
    use_effect_with(view.table, move |table| {
        if *table {
            drawn();
        }
    });
    let on_point = {
        let dispatch = props.dispatch.clone();
        let point = view.point.clone();
        Callback::from(move |figure: Option<String>| {
            if point != figure {
                dispatch.dispatch(Action::Pin { chart: id, figure })
            }
        })
    };
    let toggle_table = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleTable { chart: id }))
    };

    let l = props.lang;
    let heading_id = format!("{slug}-title");
    let series_buttons = toggles.iter().map(|&(i, name, color)| {
        let on = !view.hidden.contains(&i);
        let onclick = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleSeries { chart: id, series: i }))
        };
        html! {
            <button type="button" class={format!("series-toggle series-{color}")} aria-pressed={on.to_string()} {onclick}>
                <span class="swatch" aria-hidden="true"></span>{ name.t(l) }
            </button>
        }
    });
    let table = view.table;
    let (table_text, table_label) =
        if table { (Text::ShowChart, Text::ShowChartLabel) } else { (Text::ShowTable, Text::ShowTableLabel) };
    // "Find this figure": the finder lists it, opens it and brings it into view.
    let on_find = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |figure: String| {
            dispatch.dispatch(Action::Finder(crate::state::finder::FinderAction::Reveal(figure)))
        })
    };
    html! {
        <article class="chart-card" id={slug} aria-labelledby={heading_id.clone()}>
            <div class="card-head">
                <h3 id={heading_id}>{ &model.title }</h3>
                <div class="card-tools">
                    <button type="button" class="switch view-switch" aria-pressed={table.to_string()}
                        aria-label={table_label.t(l)} onclick={toggle_table}>{ table_text.t(l) }</button>
                    <ExportMenu model={model.clone()} theme={props.theme} on_error={on_error.clone()}
                        dataset={Some(props.dataset.clone())} />
                </div>
            </div>
            <p class="subtitle">{ &model.subtitle }</p>
            <div class="series-toggles" role="group" aria-label={Text::SeriesToggles.t(l)} hidden={toggles.is_empty()}>
                { for series_buttons }
            </div>
            if let Some((first, shown, matching, files)) = scope_controls {
                <ScopeFilter lang={l} value={(*filter).clone()} on_change={on_filter} {first} {shown} {matching}
                    {limit} {files} {on_page} {on_table} />
            }
            <div class="chart-body">
                if table {
                    <DataTable model={model.clone()} on_find={on_find.clone()} dataset={Some(props.dataset.clone())} />
                } else {
                    <ChartCanvas model={model.clone()} theme={props.theme} {on_drawn} {on_error} {on_open_source}
                        point={view.point.clone()} on_point={on_point} />
                }
            </div>
            <p id={format!("{slug}-description")} class="visually-hidden">{ &model.description }</p>
            <p class="chart-error" role="alert">
                { props.chart.error.as_ref().map(|e| format!("{}{}{e}", Text::ChartFailed.t(l), crate::i18n::colon(l))).unwrap_or_default() }
            </p>
            <SourceNotes model={model.clone()} {on_find} />
        </article>
    }
}
