//! One chart: title, subtitle, series switches, the canvas or the data table, a description
//! for screen readers, and the source notes. Builds its own model, so hiding a series or
//! switching language rebuilds (and rescales) only this chart.

use yew::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::data_table::DataTable;
use super::export_menu::ExportMenu;
use super::source_notes::{note_id, SourceNotes};
use super::{current_query, update_address, Shared};
use crate::chart::{build, catalog, ChartId};
use crate::data::Dataset;
use crate::i18n::{Lang, Text};
use crate::url::ChartView;

#[derive(Properties, PartialEq)]
pub struct ChartCardProps {
    pub id: ChartId,
    pub dataset: Shared<Dataset>,
    pub lang: Lang,
    pub dark: bool,
    pub on_drawn: Callback<String>,
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
    // The view starts from the address (a shared link shows the same view) and is kept there.
    let initial = use_memo(props.id, |id| ChartView::from_query(&current_query(), *id));
    let hidden = {
        let initial = initial.clone();
        use_state(move || initial.hidden.clone())
    };
    let table = use_state(|| initial.table);
    let point = {
        let initial = initial.clone();
        use_state(move || initial.point.clone())
    };
    {
        let id = props.id;
        use_effect_with(((*hidden).clone(), *table, (*point).clone()), move |(hidden, table, point)| {
            let view = ChartView { table: *table, hidden: hidden.clone(), point: point.clone() };
            update_address(|q| view.to_query(q, id));
        });
    }
    let error = use_state(|| None::<String>);
    let toggles = catalog::toggleable(props.id);
    let model = use_memo(
        (props.id, props.lang, (*hidden).clone(), props.dataset.clone()),
        |(id, lang, hidden, dataset)| Shared::new(build(dataset, &catalog::spec_without(*id, hidden), *lang)),
    );
    let model: Shared<_> = (*model).clone();

    // Callbacks
    let on_error = {
        let error = error.clone();
        Callback::from(move |e: String| error.set(Some(e)))
    };
    let on_drawn = {
        let error = error.clone();
        let cb = props.on_drawn.clone();
        Callback::from(move |slug: String| {
            if error.is_some() {
                error.set(None);
            }
            cb.emit(slug)
        })
    };
    let slug = props.id.slug();
    let on_open_source = Callback::from(move |figure: String| open_source(slug, &figure));
    // A chart opened as a table is ready without drawing.
    {
        let on_drawn = props.on_drawn.clone();
        let slug = props.id.slug();
        use_effect_with(*table, move |table| {
            if *table {
                on_drawn.emit(slug.to_string());
            }
        });
    }
    let on_point = {
        let point = point.clone();
        Callback::from(move |p: Option<String>| {
            if *point != p {
                point.set(p)
            }
        })
    };
    let toggle_table = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| table.set(!*table))
    };

    let l = props.lang;
    let heading_id = format!("{slug}-title");
    let series_buttons = toggles.iter().map(|&(i, name, color)| {
        let on = !hidden.contains(&i);
        let onclick = {
            let hidden = hidden.clone();
            Callback::from(move |_: MouseEvent| {
                let mut h = (*hidden).clone();
                if let Some(pos) = h.iter().position(|x| *x == i) {
                    h.remove(pos);
                } else {
                    h.push(i);
                }
                hidden.set(h);
            })
        };
        html! {
            <button type="button" class={format!("series-toggle series-{color}")} aria-pressed={on.to_string()} {onclick}>
                <span class="swatch" aria-hidden="true"></span>{ name.t(l) }
            </button>
        }
    });
    let (table_text, table_label) = if *table {
        (Text::ShowChart, Text::ShowChartLabel)
    } else {
        (Text::ShowTable, Text::ShowTableLabel)
    };
    html! {
        <article class="chart-card" id={slug} aria-labelledby={heading_id.clone()}>
            <div class="card-head">
                <h3 id={heading_id}>{ &model.title }</h3>
                <div class="card-tools">
                    <button type="button" class="switch view-switch" aria-pressed={table.to_string()}
                        aria-label={table_label.t(l)} onclick={toggle_table}>{ table_text.t(l) }</button>
                    <ExportMenu model={model.clone()} dark={props.dark} on_error={on_error.clone()} />
                </div>
            </div>
            <p class="subtitle">{ &model.subtitle }</p>
            <div class="series-toggles" role="group" aria-label={Text::SeriesToggles.t(l)} hidden={toggles.is_empty()}>
                { for series_buttons }
            </div>
            <div class="chart-body">
                if *table {
                    <DataTable model={model.clone()} />
                } else {
                    <ChartCanvas model={model.clone()} dark={props.dark} {on_drawn} {on_error} {on_open_source}
                        point={(*point).clone()} on_point={on_point} />
                }
            </div>
            <p id={format!("{slug}-description")} class="visually-hidden">{ &model.description }</p>
            <p class="chart-error" role="alert">
                { (*error).as_ref().map(|e| format!("{}{}{e}", Text::ChartFailed.t(l), crate::i18n::colon(l))).unwrap_or_default() }
            </p>
            <SourceNotes model={model.clone()} />
        </article>
    }
}
