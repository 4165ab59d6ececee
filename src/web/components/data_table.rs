//! A chart's figures as a table: exactly the figures it draws, with qualifiers, periods and
//! sources, in the current language.

use yew::prelude::*;

use super::Shared;
use crate::chart::ChartModel;
use crate::i18n::Text;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub model: Shared<ChartModel>,
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let m = &props.model;
    let l = m.lang;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={m.title.clone()}>
            <table class="data-table">
                <caption class="visually-hidden">{ &m.title }</caption>
                <thead>
                    <tr>
                        { for [Text::ColMetric, Text::ColScope, Text::ColPeriod, Text::ColValue, Text::ColKind, Text::ColSource]
                            .iter()
                            .map(|t| html! { <th scope="col">{ t.t(l) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for m.details.iter().map(|d| html! {
                        <tr data-figure={d.figure.clone()}>
                            <th scope="row">{ &d.metric }</th>
                            <td>{ &d.scope }</td>
                            <td>{ &d.period }</td>
                            <td class="num">{ &d.value }</td>
                            <td>{ if d.derived { Text::Derived.t(l) } else { Text::KindPublished.t(l) } }</td>
                            <td>{ &d.source_name }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
