//! "Find a figure" (issue 14), below the charts: every figure of the dataset, the reader's
//! imports included, searched as the reader types (`finder::find`), filtered by chart, scope
//! and qualifier, sorted; each with its value, period, scope, source, quote, computation and a
//! "copy citation" button. A figure's details open from the list or from its permalink
//! `?figure=<id>` (the state's `finder.open`), which brings it into view.
//!
//! With 100,000 imported figures the list renders a page of results (`state::finder::PAGE`)
//! and "show more"; the index is built once per dataset, the search scans it.

use std::collections::HashSet;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::Shared;
use crate::chart::{build, catalog, ChartId};
use crate::data::{Dataset, Date, Figure, Qualifier};
use crate::finder::{self, Filter, Index, Sort};
use crate::format::{self, Style};
use crate::i18n::{colon, fill, Lang, Text};
use crate::state::finder::{FinderAction, FinderState};
use crate::state::Action;
use crate::url;
use crate::web::dom;
use crate::web::store::Dispatch;

#[derive(Properties, PartialEq)]
pub struct FinderProps {
    pub lang: Lang,
    pub dataset: Shared<Dataset>,
    pub finder: FinderState,
    /// Every chart is drawn: the page's height is settled, so the opened figure can be
    /// brought into view where it will stay.
    pub ready: bool,
    pub dispatch: Dispatch,
}

/// The element id of a figure's entry in the finder.
pub fn entry_id(figure: &str) -> String {
    format!("finder-{figure}")
}

const SORTS: [(Sort, Text, &str); 5] = [
    (Sort::Dataset, Text::FinderSortDataset, "dataset"),
    (Sort::Metric, Text::FinderSortMetric, "metric"),
    (Sort::Period, Text::FinderSortPeriod, "period"),
    (Sort::Value, Text::FinderSortValue, "value"),
    (Sort::Source, Text::FinderSortSource, "source"),
];

fn qualifier_name(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::Exact => Text::QualifierExactName,
        Qualifier::MoreThan => Text::QualifierMoreThanName,
        Qualifier::AtLeast => Text::QualifierAtLeastName,
        Qualifier::LessThan => Text::QualifierLessThanName,
        Qualifier::Nearly => Text::QualifierNearlyName,
        Qualifier::About => Text::QualifierAboutName,
    }
    .t(lang)
}

/// The `value` of the element an event came from (an input or a select).
fn target_value(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Today, for the citation's date of access.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let part = |v: u32| u8::try_from(v).ok();
    Date { year: now.get_full_year() as i32, month: part(now.get_month() + 1), day: part(now.get_date()) }
}

/// Figures indexed in one step of the page's work (a few milliseconds each).
const INDEX_STEP: usize = 2_000;

#[component]
pub fn Finder(props: &FinderProps) -> Html {
    let l = props.lang;
    let ds = &props.dataset;
    let st = &props.finder;
    // Not page state: the search index of this dataset, built in steps of a few thousand
    // figures between which the page paints (a 150,000-figure import would otherwise hold the
    // page for seconds). Until it is whole, the previous index answers.
    let index = use_state(|| Shared::new(Index::empty()));
    {
        let index = index.clone();
        use_effect_with(ds.clone(), move |ds| {
            let ds = ds.clone();
            // Set when the dataset changes again (or the finder goes): the build of this one
            // stops, so an older index never replaces a newer one.
            let stale = std::rc::Rc::new(std::cell::Cell::new(false));
            let stop = stale.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut built = Index::empty();
                while !built.step(&ds, INDEX_STEP) {
                    crate::web::tick::breathe().await;
                    if stale.get() {
                        return;
                    }
                }
                index.set(Shared::new(built));
            });
            move || stop.set(true)
        });
    }
    // The scopes the dataset has, in its order (imported scopes too).
    let scopes = use_memo(ds.clone(), |ds| {
        let mut seen = HashSet::new();
        ds.figures
            .iter()
            .filter(|f| seen.insert(f.scope.clone()))
            .map(|f| f.scope.clone())
            .collect::<Vec<_>>()
    });
    // The chart filter's figures: that chart's model only.
    let chart_ids = use_memo((ds.clone(), st.chart, l), |(ds, chart, l)| {
        chart.map(|c| build(ds, &catalog::spec(c), *l).figures)
    });
    let results = use_memo(
        (
            ds.clone(),
            (*index).clone(),
            st.query.clone(),
            (*chart_ids).clone(),
            st.scope.clone(),
            st.qualifier,
            st.sort,
            l,
        ),
        |(ds, index, query, figures, scope, qualifier, sort, l)| {
            let filter = Filter { figures: figures.clone(), scope: scope.clone(), qualifier: *qualifier };
            finder::find(ds, index, query, &filter, *sort, *l)
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        },
    );
    let copied = use_state(|| None::<(String, bool)>);

    // A permalink to a figure the dataset does not have: closed, with a notice.
    {
        let dispatch = props.dispatch.clone();
        let missing = st.open.clone().filter(|id| ds.figure(id).is_none());
        use_effect_with(missing, move |missing| {
            if let Some(id) = missing {
                dispatch.dispatch(Action::Finder(FinderAction::Unknown(id.clone())));
            }
        });
    }
    // Bring the opened figure into view when asked to (again once the charts are drawn).
    // (Again when the index arrives: the figure is listed only then.)
    use_effect_with(
        (st.reveal, props.ready, st.open.clone(), (*index).clone()),
        |(reveal, ready, open, _)| {
            if let (true, Some(id)) = (*reveal > 0, open) {
                // The app shows itself in place of the prerendered page once it is ready (App's
                // effect, which runs after this child's): a hidden element cannot take the focus,
                // so show it now; reveal does nothing the second time.
                if *ready {
                    dom::reveal();
                }
                dom::focus_element(&format!("{}-toggle", entry_id(id)));
            }
        },
    );

    let send = |make: fn(String) -> FinderAction| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| dispatch.dispatch(Action::Finder(make(target_value(&e)))))
    };
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(Action::Finder(FinderAction::Query(target_value(&e))));
        })
    };
    let on_chart = send(|v| FinderAction::Chart(ChartId::from_slug(&v)));
    let on_scope = send(|v| FinderAction::Scope(Some(v).filter(|v| !v.is_empty())));
    let on_qualifier = send(|v| FinderAction::Qualifier(Qualifier::from_key(&v)));
    let on_sort = send(|v| {
        FinderAction::Sort(SORTS.iter().find(|(_, _, key)| *key == v).map_or(Sort::Dataset, |(s, _, _)| *s))
    });
    let on_more = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Finder(FinderAction::ShowMore)))
    };

    // Listed: a page of results, and down to the opened figure wherever it is.
    let mut limit = st.limit();
    if let Some(at) = st.open.as_ref().and_then(|id| results.iter().position(|r| r == id)) {
        limit = limit.max(at + 1);
    }
    let shown = results.len().min(limit);
    let count = |n: usize| format::grouped(n as f64, 0);
    let status = if results.len() > shown {
        fill(Text::FinderCount.t(l), &[count(results.len()), count(shown)])
    } else {
        fill(Text::FinderCountAll.t(l), &[count(results.len())])
    };
    let accessed = today();
    let items = results.iter().take(shown).filter_map(|id| ds.figure(id)).map(|f| {
        let open = st.open.as_deref() == Some(f.id.as_str());
        entry(ds, f, l, open, &accessed, &props.dispatch, &copied)
    });
    let more = (results.len() - shown).min(crate::state::finder::PAGE);
    let select = |label: Text, id: &str, onchange: Callback<Event>, options: Html| {
        html! {
            <label class="finder-filter" for={id.to_string()}>
                <span>{ label.t(l) }</span>
                <select id={id.to_string()} {onchange}>{ options }</select>
            </label>
        }
    };
    let chart_options = html! {
        <>
            <option value="" selected={st.chart.is_none()}>{ Text::FinderAllCharts.t(l) }</option>
            { for ChartId::ALL.into_iter().map(|c| html! {
                <option value={c.slug()} selected={st.chart == Some(c)}>{ catalog::spec(c).title.t(l) }</option>
            }) }
        </>
    };
    let scope_options = html! {
        <>
            <option value="" selected={st.scope.is_none()}>{ Text::FinderAllScopes.t(l) }</option>
            { for scopes.iter().map(|s| html! {
                <option value={s.clone()} selected={st.scope.as_ref() == Some(s)}>{ ds.name("scope", s, l) }</option>
            }) }
        </>
    };
    let qualifier_options = html! {
        <>
            <option value="" selected={st.qualifier.is_none()}>{ Text::FinderAllQualifiers.t(l) }</option>
            { for Qualifier::ALL.into_iter().map(|q| html! {
                <option value={q.key()} selected={st.qualifier == Some(q)}>{ qualifier_name(q, l) }</option>
            }) }
        </>
    };
    let sort_options = html! {
        { for SORTS.iter().map(|(s, t, key)| html! {
            <option value={*key} selected={st.sort == *s}>{ t.t(l) }</option>
        }) }
    };
    let copy_status = match &*copied {
        Some((_, true)) => Text::FinderCopied.t(l),
        Some((_, false)) => Text::FinderCopyFailed.t(l),
        None => "",
    };
    html! {
        <section class="finder" id="finder" aria-labelledby="finder-heading">
            <h2 id="finder-heading">{ Text::FinderHeading.t(l) }</h2>
            <p class="muted">{ Text::FinderIntro.t(l) }</p>
            <div class="finder-controls" role="search">
                <label class="finder-search" for="finder-query">
                    <span>{ Text::FinderSearch.t(l) }</span>
                    <input id="finder-query" type="search" value={st.query.clone()} {oninput}
                        placeholder={Text::FinderPlaceholder.t(l)} autocomplete="off" aria-controls="finder-results" />
                </label>
                { select(Text::FinderChart, "finder-chart", on_chart, chart_options) }
                { select(Text::FinderScope, "finder-scope", on_scope, scope_options) }
                { select(Text::FinderQualifier, "finder-qualifier", on_qualifier, qualifier_options) }
                { select(Text::FinderSortBy, "finder-sort", on_sort, sort_options) }
            </div>
            <p class="finder-count" role="status" aria-live="polite">{ status }</p>
            <p class="visually-hidden" role="status" aria-live="polite">{ copy_status }</p>
            if results.is_empty() {
                <p class="finder-none">{ Text::FinderNone.t(l) }</p>
            }
            <ul class="finder-results" id="finder-results">{ for items }</ul>
            if more > 0 {
                <button type="button" class="finder-more" onclick={on_more}>{ fill(Text::FinderShowMore.t(l), &[count(more)]) }</button>
            }
        </section>
    }
}

/// One figure of the list: a button with its value, metric, scope and period that opens its
/// details (source, quote, computation, citation).
fn entry(
    ds: &Dataset,
    f: &Figure,
    l: Lang,
    open: bool,
    accessed: &Date,
    dispatch: &Dispatch,
    copied: &UseStateHandle<Option<(String, bool)>>,
) -> Html {
    let id = entry_id(&f.id);
    let toggle = {
        let dispatch = dispatch.clone();
        let next = (!open).then(|| f.id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Finder(FinderAction::Open(next.clone())))
        })
    };
    let value = format::derived_value(f, ds, l, Style::Full);
    let metric = ds.name("metric", &f.metric, l);
    let scope = ds.name("scope", &f.scope, l);
    let period = format::period(&f.period, l);
    let head = html! {
        <button type="button" class="finder-toggle" id={format!("{id}-toggle")} aria-expanded={open.to_string()}
            aria-controls={format!("{id}-details")} onclick={toggle}>
            <strong class="finder-value">{ &value }</strong>
            <span>{ format!(" · {metric} · {scope} · {period}") }</span>
            if f.is_derived() { <span class="tag">{ Text::Derived.t(l) }</span> }
        </button>
    };
    if !open {
        return html! { <li key={f.id.clone()} id={id} data-figure={f.id.clone()}>{ head }</li> };
    }
    let citation = finder::citation(ds, f, l, Some(accessed)).unwrap_or_default();
    let on_copy = {
        let (text, figure, copied) = (citation.clone(), f.id.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, figure, copied) = (text.clone(), figure.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = match web_sys::window() {
                    Some(w) => {
                        let promise = w.navigator().clipboard().write_text(&text);
                        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
                    }
                    None => false,
                };
                copied.set(Some((figure, ok)));
            });
        })
    };
    let copy_done = copied.as_ref().filter(|(fig, _)| *fig == f.id).map(|(_, ok)| *ok);
    let source = ds.source(&f.source);
    let permalink = url::with_figure(&url::set_param("", "lang", Some(l.code())), Some(&f.id));
    let label = |t: Text| format!("{}{}", t.t(l), colon(l));
    let kind = if f.is_derived() { Text::Derived.t(l) } else { Text::KindPublished.t(l) };
    let computation = format::computation(f, ds, l);
    // As the value reads: a derived value rounded to its inputs' precision is never exact.
    let shown_qualifier = match f.qualifier {
        Qualifier::Exact if f.is_derived() && format::honest_precision(f, ds).0 != f.value => {
            Qualifier::About
        }
        q => q,
    };
    let note = f.note_in(l);
    html! {
        <li key={f.id.clone()} id={id.clone()} data-figure={f.id.clone()} class="open">
            { head }
            <div class="finder-details" id={format!("{id}-details")}>
                <dl>
                    <dt>{ Text::ColValue.t(l) }</dt><dd>{ &value }</dd>
                    <dt>{ Text::FinderQualifier.t(l) }</dt><dd>{ qualifier_name(shown_qualifier, l) }</dd>
                    <dt>{ Text::ColPeriod.t(l) }</dt><dd>{ &period }</dd>
                    <dt>{ Text::ColScope.t(l) }</dt><dd>{ scope }</dd>
                    <dt>{ Text::FinderKind.t(l) }</dt><dd>{ kind }</dd>
                    if let Some(c) = computation {
                        <dt>{ Text::FormulaLabel.t(l) }</dt><dd class="finder-computation">{ c }</dd>
                    }
                    <dt>{ Text::ColSource.t(l) }</dt>
                    <dd>
                        if let Some(s) = source.filter(|s| !s.url.is_empty() && !f.is_imported()) {
                            <a href={s.url.clone()} rel="noopener noreferrer" target="_blank"><cite>{ &s.title }</cite></a>
                            { format!(" · {} · {}", s.publisher, s.date) }
                        } else {
                            <cite>{ source.map(|s| s.title.clone()).unwrap_or_else(|| f.source.clone()) }</cite>
                        }
                    </dd>
                    if !note.is_empty() {
                        <dt>{ Text::NoteLabel.t(l) }</dt><dd>{ note }</dd>
                    }
                </dl>
                if !f.quote.is_empty() {
                    <p class="finder-quote-label">{ label(Text::QuoteLabel) }</p>
                    <blockquote lang={if f.is_imported() { None } else { Some("zh") }}>{ &f.quote }</blockquote>
                }
                <p class="finder-citation">{ label(Text::FinderCitation) }<span class="citation-text">{ &citation }</span></p>
                <p class="finder-actions">
                    <button type="button" class="copy-citation" onclick={on_copy}>{ Text::FinderCopyCitation.t(l) }</button>
                    if let Some(ok) = copy_done {
                        <span class="copy-result">{ if ok { Text::FinderCopied.t(l) } else { Text::FinderCopyFailed.t(l) } }</span>
                    }
                    <a class="permalink" href={permalink}>{ Text::FinderPermalink.t(l) }</a>
                </p>
            </div>
        </li>
    }
}
