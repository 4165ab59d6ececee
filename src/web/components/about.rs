//! "About the data": coverage, gaps, how qualifiers are drawn, conflicts kept.

use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: Lang,
    /// Number of figures in the dataset.
    pub figures: usize,
    /// Number of sources.
    pub sources: usize,
}

#[component]
pub fn About(props: &AboutProps) -> Html {
    let l = props.lang;
    let counts = fill(Text::AboutCounts.t(l), &[props.figures.to_string(), props.sources.to_string()]);
    html! {
        <section class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">{ Text::AboutHeading.t(l) }</h2>
            <p>{ Text::AboutCoverage.t(l) }{ " " }{ counts }</p>
            <p>{ Text::AboutGaps.t(l) }</p>
            <p>{ Text::AboutQualifiers.t(l) }</p>
            <p>{ Text::AboutConflicts.t(l) }</p>
            <p class="muted">{ Text::AboutDataset.t(l) }</p>
        </section>
    }
}
