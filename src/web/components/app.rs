//! The root component: holds the page state ([`crate::state::State`], through `use_reducer`),
//! builds the dataset once, writes the address, the document's language and theme and the
//! readiness marks from the state, and keeps the imports in the browser's storage when the
//! reader chose to.

use yew::prelude::*;

use super::about::About;
use super::chart_card::ChartCard;
use super::finder::Finder;
use super::headline_cards::HeadlineCards;
use super::import_panel::ImportPanel;
use super::notice::Notice;
use super::presentation::Presentation;
use super::switch::Switch;
use super::Shared;
use crate::chart::ChartId;
use crate::data::{Dataset, Merge};

/// Figures copied into the dataset between two breaths of the page.
const MERGE_STEP: usize = 10_000;
use crate::i18n::{fill, issue_message, Lang, Text};
use crate::state::{Action, StorageOutcome};
use crate::url::Theme;
use crate::web::dom::{self, Layout};
use crate::web::hooks::{use_window_event, Listen};
use crate::web::tick::{breathe, now};
use crate::web::{storage, store};

#[component]
pub fn App() -> Html {
    // Not page state: the published dataset, parsed once, and what this browser's storage held
    // when the page opened (read once).
    let base = use_memo((), |_| Dataset::embedded().map(Shared::new));
    let saved = use_memo((), |_| storage::load());
    let state = {
        let base = base.clone();
        let saved = saved.clone();
        use_reducer(move || store::initial(&dom::current_query(), &base, saved.as_deref()))
    };
    let dispatch = state.dispatcher();
    let lang = state.lang();
    let theme = state.theme();
    let embed = state.url.embed;

    // Derived from the state: the published figures with the reader's imports, merged in steps
    // between which the page breathes (150,000 figures take longer to copy than a frame); the
    // charts keep the previous dataset until the new one is whole. Not page state: how far the
    // merge is (shown past half a second) and which merge is the latest.
    let dataset = use_state({
        let base = base.clone();
        move || (*base).clone()
    });
    let adding = use_state(|| None::<f64>);
    {
        let dataset = dataset.clone();
        let adding = adding.clone();
        let base = base.clone();
        let generation = use_mut_ref(|| 0u32);
        use_effect_with(state.imports.clone(), move |imports| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            match base.as_ref() {
                Ok(b) if imports.is_empty() => {
                    retire_old(&dataset);
                    dataset.set(Ok(b.clone()));
                    adding.set(None);
                }
                Ok(b) => {
                    let (b, imports) = (b.clone(), imports.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let started = now();
                        let mut merge = Merge::new(&b, imports.iter().map(|i| &*i.0));
                        while !merge.step(MERGE_STEP) {
                            if now() - started > 500.0 {
                                adding.set(Some(merge.fraction()));
                            }
                            breathe().await;
                            if *generation.borrow() != mine {
                                return;
                            }
                        }
                        let merged = Shared::new(merge.finish());
                        retire_old(&dataset);
                        dataset.set(Ok(merged));
                        adding.set(None);
                    });
                }
                Err(_) => {}
            }
        });
    }

    // Effects: the document follows the state.
    use_effect_with(state.address(), |address| dom::set_address(address));
    use_effect_with((lang, theme, embed.is_some()), |&(lang, theme, embedded)| {
        dom::sync_document(lang, theme, if embedded { Layout::Embed } else { Layout::Page })
    });
    // The app replaces the prerendered page when its charts are drawn, or when one cannot be.
    let failed = dataset.is_err() || ChartId::ALL.iter().any(|id| state.chart(*id).error.is_some());
    use_effect_with((state.draws, state.ready(), failed), |&(draws, ready, failed)| {
        dom::mark_draws(draws);
        if ready {
            dom::mark_ready();
        }
        if ready || failed {
            dom::reveal();
        }
    });
    {
        // Not page state: how many imports the storage held at start, so that restoring them
        // does not write them straight back.
        let unchanged = use_mut_ref(move || saved.as_ref().as_ref().map(Vec::len));
        let dispatch = dispatch.clone();
        use_effect_with((state.imports.clone(), state.keep), move |(imports, keep)| {
            let restored = unchanged.borrow_mut().take() == Some(imports.len());
            if *keep && !restored {
                let saved = storage::save(imports.iter().map(|i| &*i.0));
                let outcome = if saved { StorageOutcome::Saved } else { StorageOutcome::Refused };
                dispatch.dispatch(Action::Stored { outcome });
            } else if !*keep {
                storage::clear();
                dispatch.dispatch(Action::Stored { outcome: StorageOutcome::Cleared });
            }
        });
    }
    // Printing shows every chart's sources: open the source notes before the print dialog.
    use_window_event("beforeprint", Listen::Passive, |_| dom::open_source_notes());

    if let (Some(slide), Ok(ds)) = (state.url.present, dataset.as_ref()) {
        return html! {
            <main id="main" class="presenting">
                <Presentation dataset={ds.clone()} {lang} {theme} index={slide} dispatch={dispatch.clone()} />
            </main>
        };
    }

    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::SwitchLanguage))
    };
    let on_theme = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::SwitchTheme))
    };
    let (theme_text, theme_label) = match theme {
        Theme::Light => (Text::ThemeToDark, Text::ThemeToDarkLabel),
        Theme::Dark => (Text::ThemeToLight, Text::ThemeToLightLabel),
    };
    let start_presenting = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            // Full screen when the reader starts presenting: inside the click, a user gesture.
            dom::enter_fullscreen();
            dispatch.dispatch(Action::Present { slide: Some(0) });
        })
    };
    let download_deck = {
        let dispatch = dispatch.clone();
        let dataset = dataset.clone();
        Callback::from(move |_| {
            let Ok(ds) = dataset.as_ref() else { return };
            let models: Vec<_> =
                crate::chart::catalog::all().iter().map(|s| crate::chart::build(ds, s, lang)).collect();
            let dispatch = dispatch.clone();
            crate::web::download::save_deck(&models, lang, theme, move |message| {
                dispatch.dispatch(Action::DownloadFailed { message })
            });
        })
    };
    let notice_html = state.notices.iter().enumerate().map(|(index, notice)| {
        let dispatch = dispatch.clone();
        let dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissNotice { index }));
        html! { <Notice {lang} text={fill(notice.text.t(lang), std::slice::from_ref(&notice.arg))} on_dismiss={dismiss} /> }
    });
    let card = |ds: &Shared<Dataset>, id: ChartId| {
        html! {
            <ChartCard key={id.slug()} {id} dataset={ds.clone()} {lang} {theme}
                chart={state.chart(id).clone()} dispatch={dispatch.clone()} />
        }
    };
    let body = match dataset.as_ref() {
        // Embed view: the one chart, filling its frame.
        Ok(ds) if embed.is_some() => html! { { for embed.iter().map(|id| card(ds, *id)) } },
        Ok(ds) => html! {
            <>
                <HeadlineCards dataset={ds.clone()} {lang} />
                <section class="charts" aria-labelledby="charts-heading">
                    <h2 id="charts-heading" class="visually-hidden" tabindex="-1">{ Text::ChartsHeading.t(lang) }</h2>
                    { for ChartId::ALL.iter().map(|id| card(ds, *id)) }
                </section>
                <ImportPanel {lang} dataset={ds.clone()} imports={state.imports.clone()} keep={state.keep}
                    stage={state.import.clone()} download_error={state.download_error.clone()}
                    storage_message={state.storage_full.then(|| Text::StorageFull.t(lang).to_string())}
                    adding={*adding} dispatch={dispatch.clone()} />
                <Finder {lang} dataset={ds.clone()} finder={state.finder.clone()} ready={state.ready()}
                    dispatch={dispatch.clone()} />
                <About {lang} figures={ds.figures.len()} sources={ds.sources.len()} />
            </>
        },
        Err(issues) => html! {
            <section class="data-error" role="alert">
                <p>{ Text::DataBroken.t(lang) }</p>
                <ul>{ for issues.iter().map(|i| html! { <li>{ issue_message(i, lang) }</li> }) }</ul>
            </section>
        },
    };

    if embed.is_some() {
        return html! { <main id="main" class="embed">{ body }</main> };
    }
    // The page has a <base href>, so a plain "#charts-heading" link would load the base address
    // (dropping the query, and everything imported): move the focus in place instead.
    let skip_to_charts = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        dom::focus_element("charts-heading");
    });
    html! {
        <>
            <a class="skip-link" href="#charts-heading" onclick={skip_to_charts}>{ Text::SkipToCharts.t(lang) }</a>
            <header class="page-header">
                <div class="page-header-inner">
                    <div>
                        <h1>{ Text::AppTitle.t(lang) }</h1>
                        <p class="lede">{ Text::AppSubtitle.t(lang) }</p>
                    </div>
                    <div class="switches">
                        <Switch class="lang-switch" text={Text::SwitchLanguage.t(lang)}
                            label={Text::SwitchLanguageLabel.t(lang)}
                            text_lang={if lang == Lang::Zh { "en" } else { "zh-CN" }} on_switch={on_lang} />
                        <Switch class="theme-switch" text={theme_text.t(lang)} label={theme_label.t(lang)} on_switch={on_theme} />
                        <Switch class="present-switch" text={Text::Present.t(lang)} label={Text::PresentLabel.t(lang)} on_switch={start_presenting} />
                        <Switch class="deck-switch" text={Text::DeckDownload.t(lang)} label={Text::DeckDownloadLabel.t(lang)} on_switch={download_deck} />
                    </div>
                </div>
            </header>
            <main id="main">{ for notice_html }{ body }</main>
            <footer class="page-footer">{ Text::Footer.t(lang) }</footer>
        </>
    }
}

/// The dataset the charts show now, freed in steps once it is replaced and nothing holds it.
fn retire_old<E>(dataset: &UseStateHandle<Result<Shared<Dataset>, E>>) {
    if let Ok(old) = &**dataset {
        crate::web::deferred::retire(old.clone());
    }
}
