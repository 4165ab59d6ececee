//! The root component: owns the language, builds the dataset once and the chart models per
//! language, keeps `?lang=` in the address, and marks the page ready once every chart is drawn.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::about::About;
use super::chart_card::ChartCard;
use super::headline_cards::HeadlineCards;
use super::lang_switch::LangSwitch;
use super::Shared;
use crate::chart::{build, catalog, ChartModel};
use crate::data::Dataset;
use crate::i18n::{issue_message, Lang, Text};
use crate::url::{from_query, to_query, UrlState};

/// The language from the address, else from the browser, else Chinese.
fn initial_lang() -> Lang {
    let window = web_sys::window();
    let query = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Some(l) = from_query(&query).0.lang {
        return l;
    }
    window.and_then(|w| w.navigator().language()).and_then(|code| Lang::from_code(&code)).unwrap_or_default()
}

fn sync_document(lang: Lang) {
    let Some(window) = web_sys::window() else { return };
    if let Some(doc) = window.document() {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        }
        doc.set_title(Text::AppTitle.t(lang));
    }
    // Keep the language in the address without adding a history entry.
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_default();
        let url = format!("{path}{}", to_query(&UrlState { lang: Some(lang) }));
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn mark_ready() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.dataset().set("ready", "1");
    }
}

#[component]
pub fn App() -> Html {
    let lang = use_state(initial_lang);
    let dataset = use_memo((), |_| Dataset::embedded().map(Shared::new));
    let models: Rc<Vec<Shared<ChartModel>>> = {
        let dataset = dataset.clone();
        use_memo(*lang, move |lang| match dataset.as_ref() {
            Ok(ds) => catalog::all().iter().map(|spec| Shared::new(build(ds, spec, *lang))).collect(),
            Err(_) => Vec::new(),
        })
    };
    // Charts report when they have drawn; when all have, the page is ready.
    let drawn = use_mut_ref(HashSet::<String>::new);
    let total = models.len();
    let on_drawn = {
        let drawn: Rc<RefCell<HashSet<String>>> = drawn.clone();
        Callback::from(move |slug: String| {
            let mut set = drawn.borrow_mut();
            set.insert(slug);
            if set.len() >= total {
                mark_ready();
            }
        })
    };

    use_effect_with(*lang, |lang| sync_document(*lang));

    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    let l = *lang;

    let body = match dataset.as_ref() {
        Ok(ds) => html! {
            <>
                <HeadlineCards dataset={ds.clone()} lang={l} />
                <section class="charts" aria-labelledby="charts-heading">
                    <h2 id="charts-heading" class="visually-hidden">{ Text::ChartsHeading.t(l) }</h2>
                    { for models.iter().map(|m| html! {
                        <ChartCard key={m.id.slug()} model={m.clone()} dataset={ds.clone()} on_drawn={on_drawn.clone()} />
                    }) }
                </section>
                <About lang={l} figures={ds.figures.len()} sources={ds.sources.len()} />
            </>
        },
        Err(issues) => html! {
            <section class="data-error" role="alert">
                <p>{ Text::DataBroken.t(l) }</p>
                <ul>{ for issues.iter().map(|i| html! { <li>{ issue_message(i, l) }</li> }) }</ul>
            </section>
        },
    };

    html! {
        <>
            <a class="skip-link" href="#charts-heading">{ Text::SkipToCharts.t(l) }</a>
            <header class="page-header">
                <div class="page-header-inner">
                    <div>
                        <h1>{ Text::AppTitle.t(l) }</h1>
                        <p class="lede">{ Text::AppSubtitle.t(l) }</p>
                    </div>
                    <LangSwitch lang={l} on_switch={on_switch} />
                </div>
            </header>
            <main id="main">{ body }</main>
            <footer class="page-footer">{ Text::Footer.t(l) }</footer>
        </>
    }
}
