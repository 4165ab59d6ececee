//! The scope controls of the 片区 chart, shown when imports brought scopes: the filter box
//! (key, name or file name), the files the imported scopes came from, and, when more match than
//! one page (`chart::spec::SHOWN_SCOPES`), buttons that page through them ("show all" as
//! successive pages, each drawn within the canvas limits) and one that opens the table, which
//! holds every matching scope. The page's range is announced by a live region.

use yew::prelude::*;

use crate::format::grouped;
use crate::i18n::{fill, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct ScopeFilterProps {
    pub lang: Lang,
    pub value: String,
    pub on_change: Callback<String>,
    /// The drawn imported scopes: position of the first among those matching (0-based), how
    /// many are drawn, how many match; and the page size.
    pub first: usize,
    pub shown: usize,
    pub matching: usize,
    pub limit: usize,
    /// The files of the matching scopes, with how many each brought.
    pub files: Vec<(String, usize)>,
    /// Go to the page with this number (0-based).
    pub on_page: Callback<usize>,
    /// Open the table (which holds every matching scope).
    pub on_table: Callback<()>,
}

#[component]
pub fn ScopeFilter(props: &ScopeFilterProps) -> Html {
    let l = props.lang;
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_change.emit(input.value());
            }
        })
    };
    let n = |v: usize| grouped(v as f64, 0);
    let limit = props.limit.max(1);
    let page = props.first / limit;
    let pages = props.matching.div_ceil(limit);
    // A button at the end stays focusable (aria-disabled), so focus is not lost to the page.
    let pager_button = |label: String, class: &'static str, target: Option<usize>| {
        let on_page = props.on_page.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(p) = target {
                on_page.emit(p);
            }
        });
        html! {
            <button type="button" class={classes!("switch", "scope-page-button", class)}
                aria-disabled={target.is_none().then_some("true")} {onclick}>{ label }</button>
        }
    };
    let files = props
        .files
        .iter()
        .map(|(f, c)| fill(Text::ScopesInFile.t(l), &[f.clone(), n(*c)]))
        .collect::<Vec<_>>()
        .join(" · ");
    let on_table = {
        let on_table = props.on_table.clone();
        Callback::from(move |_: MouseEvent| on_table.emit(()))
    };
    html! {
        <div class="scope-controls">
            <p class="scope-filter">
                <label>
                    { Text::ScopeFilterLabel.t(l) }{ " " }
                    <input type="search" class="scope-filter-input" value={props.value.clone()} {oninput}
                        placeholder={Text::ScopeFilterPlaceholder.t(l)} />
                </label>
            </p>
            if !props.files.is_empty() {
                <p class="scope-files">{ Text::ScopesGroups.t(l) }{ files }</p>
            }
            if pages > 1 {
                <div class="scope-pager" role="group" aria-label={Text::ScopesPager.t(l)}>
                    { pager_button(fill(Text::ScopesPrevious.t(l), &[n(limit)]), "scope-previous", page.checked_sub(1)) }
                    <span class="scope-page" role="status" aria-live="polite">
                        { fill(Text::ScopesPageNote.t(l), &[n(props.first + 1), n(props.first + props.shown), n(props.matching)]) }
                    </span>
                    { pager_button(fill(Text::ScopesNext.t(l), &[n(limit)]), "scope-next", (page + 1 < pages).then_some(page + 1)) }
                    <button type="button" class="link-button scope-all" onclick={on_table}>
                        { fill(Text::ScopesAllInTable.t(l), &[n(props.matching)]) }
                    </button>
                </div>
            }
        </div>
    }
}
