//! Presentation mode: one chart per 16:9 slide, filling the window. Arrow keys, Space and
//! Page Up/Down move between slides, Home/End jump, Escape leaves; the slide is in the address
//! (`?present=<n>`).

use yew::prelude::*;

use super::Shared;
use crate::chart::{build, catalog, slide_frame, ChartId, Theme};
use crate::data::Dataset;
use crate::i18n::{Lang, Text};
use crate::state::Action;
use crate::web::canvas::{device_pixel_ratio, draw_sized};
use crate::web::dom::exit_fullscreen;
use crate::web::hooks::{use_resize_count, use_window_event, Listen};
use crate::web::store::Dispatch;

#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    pub dataset: Shared<Dataset>,
    pub lang: Lang,
    pub theme: Theme,
    /// The slide shown, 0-based.
    pub index: usize,
    pub dispatch: Dispatch,
}

/// Shows `slide`, or leaves the presentation (and full screen) for `None`.
fn go_to(dispatch: &Dispatch, slide: Option<usize>) {
    if slide.is_none() {
        exit_fullscreen();
    }
    dispatch.dispatch(Action::Present { slide });
}

/// The largest 16:9 box that fits the window, in CSS pixels.
fn slide_box() -> (f64, f64) {
    let window = web_sys::window();
    let size = |v: Option<wasm_bindgen::JsValue>| v.and_then(|v| v.as_f64()).unwrap_or(0.0);
    let w = size(window.as_ref().and_then(|w| w.inner_width().ok()));
    let h = size(window.as_ref().and_then(|w| w.inner_height().ok()));
    let w = w.clamp(320.0, 8000.0);
    let h = h.clamp(180.0, 8000.0);
    if w / h > 16.0 / 9.0 {
        (h * 16.0 / 9.0, h)
    } else {
        (w, w * 9.0 / 16.0)
    }
}

#[component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let canvas = use_node_ref();
    let resized = use_resize_count();
    let last = ChartId::ALL.len() - 1;
    let index = props.index.min(last);
    let id = ChartId::ALL[index];
    let model = {
        let dataset = props.dataset.clone();
        use_memo((id, props.lang, dataset.clone()), |(id, lang, dataset)| {
            build(dataset, &catalog::spec(*id), *lang)
        })
    };

    // Effects
    {
        let dispatch = props.dispatch.clone();
        // Not passive: the keys that move slides must not also scroll the page.
        use_window_event("keydown", Listen::Preventable, move |e| {
            let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e) else { return };
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some(Some((index + 1).min(last))),
                "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Some(index.saturating_sub(1))),
                "Home" => Some(Some(0)),
                "End" => Some(Some(last)),
                "Escape" => Some(None),
                _ => None,
            };
            if let Some(next) = next {
                e.prevent_default();
                go_to(&dispatch, next);
            }
        });
    }
    {
        let canvas = canvas.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with((model.clone(), props.theme, resized), move |(model, theme, _)| {
            let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else { return };
            let (w, h) = slide_box();
            let dpr = device_pixel_ratio();
            let frame = slide_frame(model, w * dpr, h * dpr, *theme);
            let pixels = ((w * dpr).round() as u32, (h * dpr).round() as u32);
            if draw_sized(&el, model, &frame, pixels, Some((w, h))).is_ok() {
                dispatch.dispatch(Action::SlideDrawn { chart: model.id });
            }
        });
    }

    let l = props.lang;
    let counter = format!("{} / {}", index + 1, ChartId::ALL.len());
    // Buttons for a mouse or a touch screen (no keyboard): previous, next, leave.
    let go = |to: Option<usize>| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| go_to(&dispatch, to))
    };
    html! {
        <div class="presentation" role="region" aria-roledescription={Text::PresentationRole.t(l)}
            aria-label={format!("{} {counter}", model.title)}>
            <canvas ref={canvas} role="img" aria-label={model.title.clone()} data-slide={id.slug()}
                aria-describedby="slide-description"></canvas>
            <p id="slide-description" class="visually-hidden">{ &model.description }</p>
            <div class="slide-controls">
                <p class="slide-keys">{ Text::PresentationKeys.t(l) }</p>
                <button class="switch slide-prev" aria-label={Text::PresentPrev.t(l)} disabled={index == 0}
                    onclick={go(Some(index.saturating_sub(1)))}>{ "‹" }</button>
                <p class="slide-counter" aria-live="polite">{ counter }</p>
                <button class="switch slide-next" aria-label={Text::PresentNext.t(l)} disabled={index == last}
                    onclick={go(Some((index + 1).min(last)))}>{ "›" }</button>
                <button class="switch slide-exit" onclick={go(None)}>{ Text::PresentExit.t(l) }</button>
            </div>
        </div>
    }
}
