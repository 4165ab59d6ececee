//! The four 2023 headline figures from the seed report, each with its quote on hover/focus.

use yew::prelude::*;

use super::Shared;

use crate::data::Dataset;
use crate::format::{figure_value, Style};
use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct HeadlineCardsProps {
    pub dataset: Shared<Dataset>,
    pub lang: Lang,
}

#[component]
pub fn HeadlineCards(props: &HeadlineCardsProps) -> Html {
    let ds = &props.dataset;
    let l = props.lang;
    let card = |id: &str, label: Text, extra: Option<&str>| {
        let Some(f) = ds.figure(id) else { return html! {} };
        let extra = extra.and_then(|x| ds.figure(x)).map(|g| {
            format!("{} {}", Text::CardNevGrowth.t(l), figure_value(g, l, Style::Full).replacen("", "+", 1))
        });
        html! {
            <li class="headline-card" title={f.quote.clone()}>
                <span class="headline-value">{ figure_value(f, l, Style::Full) }</span>
                if let Some(x) = extra { <span class="headline-extra">{ x }</span> }
                <span class="headline-label">{ label.t(l) }</span>
            </li>
        }
    };
    html! {
        <section class="headline" aria-labelledby="headline-heading">
            <h2 id="headline-heading">{ Text::HeadlineHeading.t(l) }</h2>
            <ul class="headline-cards">
                { card("ftz_new_ent_2023", Text::CardNewEnterprises, None) }
                { card("trade_share_2023", Text::CardTradeShare, None) }
                { card("ftz_nev_2023", Text::CardNevExports, Some("ftz_nev_yoy_2023")) }
                { card("replicated_citywide_2023", Text::CardReplicated, None) }
            </ul>
            <p class="headline-note">{ Text::HeadlineNote.t(l) }</p>
        </section>
    }
}
