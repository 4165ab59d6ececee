//! The root component: owns the language and theme, builds the dataset once, keeps
//! `?lang=` and `?theme=` in the address, and marks the page ready once every chart is drawn.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::about::About;
use super::chart_card::ChartCard;
use super::headline_cards::HeadlineCards;
use super::import_panel::ImportPanel;
use super::notice::Notice;
use super::presentation::Presentation;
use super::switch::Switch;
use super::{update_address, Shared};
use crate::chart::ChartId;
use crate::data::{import, Dataset, Import};
use crate::i18n::{fill, issue_message, Lang, Text};
use crate::url::{apply, from_query, Theme, UrlState};

/// What the page shows, and what the address holds (only what the reader chose, so a shared
/// link does not force one reader's theme on another).
#[derive(Clone, Copy, PartialEq)]
struct View {
    lang: Lang,
    theme: Theme,
    url: UrlState,
}

/// The address's state, with the browser's preferences for what it leaves out.
fn initial_state() -> View {
    let window = web_sys::window();
    let query = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let url = from_query(&query).0;
    let lang = url.lang.unwrap_or_else(|| {
        window
            .as_ref()
            .and_then(|w| w.navigator().language())
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_default()
    });
    let theme = url.theme.unwrap_or_else(|| {
        let dark = window
            .as_ref()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches());
        if dark {
            Theme::Dark
        } else {
            Theme::Light
        }
    });
    View { lang, theme, url }
}

fn sync_document(view: &View) {
    let View { lang, theme, url } = *view;
    let Some(window) = web_sys::window() else { return };
    if let Some(doc) = window.document() {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
            let _ = root.set_attribute("data-theme", theme.code());
            if url.embed.is_some() {
                let _ = root.set_attribute("data-embed", "1");
            }
        }
        doc.set_title(Text::AppTitle.t(lang));
    }
    // Keep the state in the address (other parameters, such as a chart's view, stay).
    update_address(|q| apply(&url, q));
}

fn mark_ready() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.dataset().set("ready", "1");
    }
}

/// Counts finished draws in `body[data-drawn]`: what the benchmark waits on after a redraw,
/// since a redraw at the same size changes no attribute of the canvas.
fn count_draw(count: u32) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.dataset().set("drawn", &count.to_string());
    }
}

#[component]
pub fn App() -> Html {
    let state = use_state(initial_state);
    let View { lang, theme, url } = *state;
    let embed = url.embed;
    let present = url.present;
    let base = use_memo((), |_| Dataset::embedded().map(Shared::new));
    // Notices: address parameters that were ignored, saved figures that could not be restored.
    let notices = use_state(|| {
        let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let ignored = from_query(&query).1;
        if ignored.is_empty() {
            Vec::new()
        } else {
            vec![(Text::UrlIgnored, ignored.join(", "))]
        }
    });
    // Imported figures: restored from this browser when the reader chose to keep them (the
    // storage is read once).
    let saved = use_memo((), |_| crate::web::storage::load());
    let keep = {
        let saved = saved.clone();
        use_state(move || saved.is_some())
    };
    let imports = {
        let base = base.clone();
        let notices = notices.clone();
        let saved = saved.clone();
        use_state(move || {
            let (Ok(base), Some(saved)) = (base.as_ref(), saved.as_ref()) else { return Vec::new() };
            let mut loaded: Vec<Shared<Import>> = Vec::new();
            let mut failed = Vec::new();
            for (name, csv) in saved {
                let ds = base.with_imports(loaded.iter().map(|i| &*i.0));
                match import::import(name, csv.as_bytes(), &ds) {
                    Ok(i) => loaded.push(Shared::new(i)),
                    Err(_) => failed.push(name.clone()),
                }
            }
            if !failed.is_empty() {
                let mut n = (*notices).clone();
                n.push((Text::StorageRestoreFailed, failed.join(", ")));
                notices.set(n);
            }
            loaded
        })
    };
    let storage_full = use_state(|| false);
    {
        let storage_full = storage_full.clone();
        // What the storage holds at start: no need to write it back if all of it was restored.
        let unchanged = use_mut_ref(move || saved.as_ref().as_ref().map(Vec::len));
        use_effect_with(((*imports).clone(), *keep), move |(imports, keep)| {
            let restored = unchanged.borrow_mut().take() == Some(imports.len());
            if *keep && !restored {
                storage_full.set(!crate::web::storage::save(imports.iter().map(|i| &*i.0)));
            } else if !*keep {
                crate::web::storage::clear();
                storage_full.set(false);
            }
        });
    }
    let dataset = use_memo((*imports).clone(), |imports| match base.as_ref() {
        Ok(base) if imports.is_empty() => Ok(base.clone()),
        Ok(base) => Ok(Shared::new(base.with_imports(imports.iter().map(|i| &*i.0)))),
        Err(e) => Err(e.clone()),
    });
    // Charts report when they have drawn; when all have, the page is ready.
    let drawn = use_mut_ref(Vec::<String>::new);
    let draws = use_mut_ref(|| 0u32);
    let on_drawn = {
        let drawn: Rc<RefCell<Vec<String>>> = drawn.clone();
        Callback::from(move |slug: String| {
            let mut count = draws.borrow_mut();
            *count = count.wrapping_add(1);
            count_draw(*count);
            let mut set = drawn.borrow_mut();
            if !set.contains(&slug) {
                set.push(slug);
            }
            if set.len() >= if embed.is_some() || present.is_some() { 1 } else { ChartId::ALL.len() } {
                mark_ready();
            }
        })
    };

    use_effect_with(*state, sync_document);
    // Printing shows every chart's sources: open the source notes before the print dialog.
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            gloo::events::EventListener::new(&w, "beforeprint", |_| {
                let notes = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector_all("details.source-notes").ok());
                if let Some(notes) = notes {
                    for i in 0..notes.length() {
                        if let Some(el) = notes
                            .item(i)
                            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                        {
                            let _ = el.set_attribute("open", "");
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |_| {
            let lang = state.lang.other();
            state.set(View { lang, url: UrlState { lang: Some(lang), ..state.url }, ..*state })
        })
    };
    let on_theme = {
        let state = state.clone();
        Callback::from(move |_| {
            let theme = state.theme.other();
            state.set(View { theme, url: UrlState { theme: Some(theme), ..state.url }, ..*state })
        })
    };
    let dark = theme == Theme::Dark;
    let (theme_text, theme_label) = match theme {
        Theme::Light => (Text::ThemeToDark, Text::ThemeToDarkLabel),
        Theme::Dark => (Text::ThemeToLight, Text::ThemeToLightLabel),
    };

    let on_present = {
        let state = state.clone();
        Callback::from(move |slide: Option<usize>| {
            state.set(View { url: UrlState { present: slide, ..state.url }, ..*state });
            // Full screen when the reader starts presenting (a user gesture); best effort.
            if slide.is_some() && state.url.present.is_none() {
                if let Some(root) =
                    web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
                {
                    let _ = root.request_fullscreen();
                }
            } else if slide.is_none() {
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if doc.fullscreen_element().is_some() {
                        doc.exit_fullscreen();
                    }
                }
            }
        })
    };
    if let (Some(slide), Ok(ds)) = (present, dataset.as_ref()) {
        return html! {
            <main id="main" class="presenting">
                <Presentation dataset={ds.clone()} {lang} {dark} index={slide} on_change={on_present} on_drawn={on_drawn.clone()} />
            </main>
        };
    }
    let start_presenting = {
        let on_present = on_present.clone();
        Callback::from(move |_| on_present.emit(Some(0)))
    };
    let on_add = {
        let imports = imports.clone();
        Callback::from(move |i: Shared<Import>| {
            let mut next = (*imports).clone();
            next.push(i);
            imports.set(next);
        })
    };
    let on_remove = {
        let imports = imports.clone();
        Callback::from(move |index: usize| {
            let next: Vec<Shared<Import>> =
                imports.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, x)| x.clone()).collect();
            imports.set(next);
        })
    };
    let on_reset = {
        let imports = imports.clone();
        Callback::from(move |_| imports.set(Vec::new()))
    };
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |k: bool| keep.set(k))
    };
    let notice_html = notices.iter().enumerate().map(|(i, (text, arg))| {
        let notices = notices.clone();
        let dismiss = Callback::from(move |_| {
            let next = notices.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, n)| n.clone()).collect();
            notices.set(next);
        });
        html! { <Notice {lang} text={fill(text.t(lang), std::slice::from_ref(arg))} on_dismiss={dismiss} /> }
    });
    let body = match dataset.as_ref() {
        // Embed view: the one chart, filling its frame.
        Ok(ds) if embed.is_some() => html! {
            { for embed.iter().map(|id| html! {
                <ChartCard key={id.slug()} id={*id} dataset={ds.clone()} {lang} {dark} on_drawn={on_drawn.clone()} />
            }) }
        },
        Ok(ds) => html! {
            <>
                <HeadlineCards dataset={ds.clone()} {lang} />
                <section class="charts" aria-labelledby="charts-heading">
                    <h2 id="charts-heading" class="visually-hidden" tabindex="-1">{ Text::ChartsHeading.t(lang) }</h2>
                    { for ChartId::ALL.iter().map(|id| html! {
                        <ChartCard key={id.slug()} id={*id} dataset={ds.clone()} {lang} {dark} on_drawn={on_drawn.clone()} />
                    }) }
                </section>
                <ImportPanel {lang} dataset={ds.clone()} imports={(*imports).clone()} keep={*keep}
                    on_add={on_add} on_remove={on_remove} on_reset={on_reset} on_keep={on_keep}
                    storage_message={storage_full.then(|| Text::StorageFull.t(lang).to_string())} />
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
        let heading =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("charts-heading"));
        if let Some(h) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
        {
            h.scroll_into_view();
            let _ = h.focus();
        }
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
                    </div>
                </div>
            </header>
            <main id="main">{ for notice_html }{ body }</main>
            <footer class="page-footer">{ Text::Footer.t(lang) }</footer>
        </>
    }
}
