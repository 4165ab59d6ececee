//! A chart's figures as a table: the figures it draws, with qualifiers, periods and sources,
//! in the current language; for the 片区 chart also those of the imported scopes it does not
//! draw (its other pages, `ChartModel::rest`). Where imports brought scopes, rows are grouped:
//! the 片区 and the published scopes first, then the imported scopes under the file that brought
//! them. `PAGE` rows are listed at a time, with "previous" and "next" (a row is spelled out only
//! when listed: 150,000 imported figures stay responsive).

use std::collections::HashMap;

use yew::prelude::*;

use super::Shared;
use crate::chart::model::{details_of, figures_of};
use crate::chart::ChartModel;
use crate::data::Dataset;
use crate::format::grouped;
use crate::i18n::{fill, Lang, Text};

/// Rows a page of the table lists: 1,000 made each page a 700 ms task (building and laying out
/// 10,000 elements), 250 a 200 ms one; 200 rows keep it under.
const PAGE: usize = 200;

/// A "find this figure" button (none without a callback).
pub fn find_button(on_find: &Option<Callback<String>>, figure: &str, l: Lang) -> Html {
    let Some(on_find) = on_find.clone() else { return Html::default() };
    let figure = figure.to_string();
    let onclick = Callback::from(move |_: MouseEvent| on_find.emit(figure.clone()));
    html! { <>{ " " }<button type="button" class="link-button find-figure" {onclick}>{ Text::FinderFindThis.t(l) }</button></> }
}

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub model: Shared<ChartModel>,
    /// "Find this figure" (the finder opens it), with the figure's id.
    #[prop_or_default]
    pub on_find: Option<Callback<String>>,
    /// The dataset the model was built from (spells out `rest`, names the scopes' files).
    #[prop_or_default]
    pub dataset: Option<Shared<Dataset>>,
}

/// A row of the table: a drawn figure (index into `details`) or another (its position in the
/// dataset: one of the scopes in `rest`).
#[derive(Clone, Copy, PartialEq)]
enum Row {
    Drawn(usize),
    Rest(usize),
}

/// The rows in table order and the group of each (0: the 片区 and published scopes; `k`: the
/// imported scopes of the `k`-th file), with the files' names. Stable within a group.
fn rows(m: &ChartModel, ds: Option<&Dataset>) -> (Vec<(usize, Row)>, Vec<String>) {
    let mut files: Vec<String> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    if let Some(ds) = ds {
        for t in ds.terms.iter().filter(|t| t.imported && t.kind == "scope") {
            let g = match files.iter().position(|f| *f == t.file) {
                Some(i) => i + 1,
                None => {
                    files.push(t.file.clone());
                    files.len()
                }
            };
            group_of.insert(t.key.as_str(), g);
        }
    }
    let group = |scope: &str| group_of.get(scope).copied().unwrap_or(0);
    let mut out: Vec<(usize, Row)> =
        m.details.iter().enumerate().map(|(i, d)| (group(&d.scope_key), Row::Drawn(i))).collect();
    if let Some(ds) = ds {
        let rest = figures_of(ds, &m.rest);
        out.extend(rest.into_iter().filter_map(|f| Some((group(&f.scope), Row::Rest(ds.position(&f.id)?)))));
    }
    if !files.is_empty() {
        out.sort_by_key(|(g, _)| *g);
    }
    (out, files)
}

/// The table's rows in order with their groups, and the files' names (see [`rows`]).
type Order = (Vec<(usize, Row)>, Vec<String>);

#[derive(Properties, PartialEq)]
struct ChunkProps {
    model: Shared<ChartModel>,
    dataset: Option<Shared<Dataset>>,
    order: Shared<Order>,
    from: usize,
    on_find: Option<Callback<String>>,
}

/// Rows `from..from + PAGE`, one page of the table.
#[component]
fn RowsChunk(props: &ChunkProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    let o: &Order = &props.order;
    let (order, files) = (&o.0, &o.1);
    let heading = |g: usize| -> Html {
        let name = match g {
            0 => Text::TablePublishedScopes.t(l).to_string(),
            k => fill(Text::ImportedFile.t(l), &[files.get(k - 1).cloned().unwrap_or_default()]),
        };
        html! { <tr class="table-group"><th scope="colgroup" colspan="6">{ name }</th></tr> }
    };
    let mut body: Vec<Html> = Vec::with_capacity(PAGE + 1);
    // The group of the row before this chunk: a heading starts the chunk only where it changes.
    let mut last_group = props.from.checked_sub(1).and_then(|i| order.get(i)).map(|(g, _)| *g);
    for (g, r) in order.iter().skip(props.from).take(PAGE) {
        // A row not drawn is spelled out only now, when listed.
        let rest;
        let d = match r {
            Row::Drawn(i) => m.details.get(*i),
            Row::Rest(i) => {
                rest = props.dataset.as_ref().and_then(|ds| details_of(ds, ds.figures.get(*i), l).pop());
                rest.as_ref()
            }
        };
        let Some(d) = d else { continue };
        if !files.is_empty() && last_group != Some(*g) {
            body.push(heading(*g));
        }
        last_group = Some(*g);
        body.push(html! {
            <tr data-figure={d.figure.clone()}>
                <th scope="row">{ &d.metric }</th>
                <td>{ &d.scope }</td>
                <td>{ &d.period }</td>
                <td class="num">{ &d.value }</td>
                <td>{ if d.derived { Text::Derived.t(l) } else { Text::KindPublished.t(l) } }</td>
                <td>
                    { &d.source_name }
                    if !d.computation.is_empty() {
                        <span class="computation">{ format!(" · {}", d.computation) }</span>
                    }
                    { find_button(&props.on_find, &d.figure, l) }
                </td>
            </tr>
        });
    }
    html! { <>{ for body }</> }
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    let ds = props.dataset.clone();
    let order = use_memo((props.model.clone(), ds.clone()), |(m, ds)| rows(m, ds.as_deref()));
    let order: Shared<Order> = Shared(order);
    // Pages of PAGE rows: appending page after page made a 9,000-row table, and each further
    // page a 1 s layout of the whole table; one page at a time costs the same as the first.
    let page = use_state(|| 0usize);
    let total = {
        let o: &Order = &order;
        o.0.len()
    };
    let pages = total.div_ceil(PAGE).max(1);
    let from = (*page).min(pages - 1) * PAGE;
    let upto = (from + PAGE).min(total);
    let chunks = std::iter::once(html! {
        <RowsChunk key={from} model={props.model.clone()} dataset={ds.clone()} order={order.clone()} {from}
            on_find={props.on_find.clone()} />
    });
    let n = |v: usize| grouped(v as f64, 0);
    let wrap = use_node_ref();
    // A button at the end stays focusable (aria-disabled), so focus is not lost to the page.
    let pager_button = |label: String, class: &'static str, target: Option<usize>| {
        let (page, wrap) = (page.clone(), wrap.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(p) = target {
                page.set(p);
                // The new rows start at the table's top.
                if let Some(w) = wrap.cast::<web_sys::Element>() {
                    w.scroll_into_view();
                }
            }
        });
        html! {
            <button type="button" class={classes!("finder-more", class)}
                aria-disabled={target.is_none().then_some("true")} {onclick}>{ label }</button>
        }
    };
    let current = (*page).min(pages - 1);
    html! {
        <>
            <div class="table-wrap" ref={wrap.clone()} tabindex="0" role="region" aria-label={m.title.clone()}>
                <table class="data-table">
                    <caption class="visually-hidden">{ &m.title }</caption>
                    <thead>
                        <tr>
                            { for [Text::ColMetric, Text::ColScope, Text::ColPeriod, Text::ColValue, Text::ColKind, Text::ColSource]
                                .iter()
                                .map(|t| html! { <th scope="col">{ t.t(l) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for chunks }</tbody>
                </table>
            </div>
            if pages > 1 {
                <p class="table-more" role="group" aria-label={Text::TablePager.t(l)}>
                    { pager_button(fill(Text::TablePrevious.t(l), &[n(PAGE)]), "table-previous", current.checked_sub(1)) }
                    <span role="status" aria-live="polite">{ fill(Text::TableRange.t(l), &[n(total), n(from + 1), n(upto)]) }</span>
                    { pager_button(fill(Text::TableNext.t(l), &[n(if upto < total { PAGE.min(total - upto) } else { PAGE })]), "table-next", (current + 1 < pages).then_some(current + 1)) }
                </p>
            }
        </>
    }
}
