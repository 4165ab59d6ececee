//! A `<canvas>` that draws a `ChartModel` after render and on window resize, with tooltips:
//! hovering a mark shows its value, qualifier, period, scope and source; a click pins it. The
//! canvas is one tab stop: arrow keys move between data points (same tooltip, announced by a
//! live region), Enter opens the source details, Escape leaves.

use yew::prelude::*;

use super::Shared;
use crate::chart::{hit_at, ChartModel, Hit, Theme};
use crate::i18n::{colon, Text};
use crate::web::canvas::draw_on;
use crate::web::hooks::use_resize_count;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub model: Shared<ChartModel>,
    pub theme: Theme,
    /// Called with the chart's slug after each successful draw.
    pub on_drawn: Callback<String>,
    /// Called with the error message when drawing fails.
    pub on_error: Callback<String>,
    /// Called with a figure id when the reader asks for its source (Enter).
    pub on_open_source: Callback<String>,
    /// The figure selected in the address, shown pinned once drawn.
    #[prop_or_default]
    pub point: Option<String>,
    /// Called when the pinned or keyboard-selected figure changes (not on hover).
    pub on_point: Callback<Option<String>>,
}

/// The mark under the pointer or the keyboard, and whether a click pinned it.
#[derive(Clone, Copy, PartialEq, Default)]
struct Selection {
    index: Option<usize>,
    pinned: bool,
}

#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    // Local, not page state: where the marks were drawn, and the mark under the pointer or the
    // keyboard. Only a pinned mark is page state: it goes up through `on_point`.
    let hits = use_state(Vec::<Hit>::new);
    let selection = use_state(Selection::default);
    // Bumped on window resize, so the draw effect below runs again at the new width.
    let resized = use_resize_count();

    // Effects
    {
        let canvas = canvas.clone();
        let hits = hits.clone();
        let selection = selection.clone();
        let on_drawn = props.on_drawn.clone();
        let on_error = props.on_error.clone();
        let point = props.point.clone();
        use_effect_with((props.model.clone(), props.theme, resized), move |(model, theme, _)| {
            if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                match draw_on(&el, model, *theme) {
                    Ok(h) => {
                        // Keep the pinned point (from the address or the reader) across redraws.
                        let index = point.as_ref().and_then(|p| h.iter().position(|hit| &hit.figure == p));
                        selection.set(Selection { index, pinned: index.is_some() });
                        hits.set(h);
                        on_drawn.emit(model.id.slug().to_string());
                    }
                    Err(e) => on_error.emit(e.0),
                }
            }
        });
    }

    // The pinned point goes to the address; hovering does not.
    {
        let hits = hits.clone();
        let on_point = props.on_point.clone();
        use_effect_with(*selection, move |s| {
            let figure =
                if s.pinned { s.index.and_then(|i| hits.get(i)).map(|h| h.figure.clone()) } else { None };
            on_point.emit(figure);
        });
    }

    // Callbacks
    let onmousemove = {
        let hits = hits.clone();
        let selection = selection.clone();
        Callback::from(move |e: MouseEvent| {
            if selection.pinned {
                return;
            }
            let index = hit_at(&hits, f64::from(e.offset_x()), f64::from(e.offset_y()));
            if index != selection.index {
                selection.set(Selection { index, pinned: false });
            }
        })
    };
    let onmouseleave = {
        let selection = selection.clone();
        Callback::from(move |_: MouseEvent| {
            if !selection.pinned && selection.index.is_some() {
                selection.set(Selection::default());
            }
        })
    };
    let onclick = {
        let hits = hits.clone();
        let selection = selection.clone();
        Callback::from(move |e: MouseEvent| {
            let index = hit_at(&hits, f64::from(e.offset_x()), f64::from(e.offset_y()));
            let pinned = index.is_some() && !(selection.pinned && selection.index == index);
            selection.set(Selection { index: if pinned { index } else { None }, pinned });
        })
    };
    let onkeydown = {
        let hits = hits.clone();
        let selection = selection.clone();
        let on_open_source = props.on_open_source.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = hits.len();
            if n == 0 {
                return;
            }
            let current = selection.index;
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1) % n)),
                "ArrowLeft" | "ArrowUp" => Some(current.map_or(n - 1, |i| (i + n - 1) % n)),
                "Home" => Some(0),
                "End" => Some(n - 1),
                "Enter" | " " => {
                    if let Some(hit) = current.and_then(|i| hits.get(i)) {
                        e.prevent_default();
                        on_open_source.emit(hit.figure.clone());
                    }
                    return;
                }
                "Escape" => {
                    selection.set(Selection::default());
                    if let Some(el) = e.target_dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.blur();
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            selection.set(Selection { index: next, pinned: true });
        })
    };
    let onblur = {
        let selection = selection.clone();
        Callback::from(move |_: FocusEvent| {
            if selection.index.is_some() {
                selection.set(Selection::default());
            }
        })
    };

    // The tooltip: the selected figure spelled out, placed under its mark. The position is set
    // through the CSS object model, not a style attribute, which the page's CSP forbids.
    let tip = use_node_ref();
    let position =
        selection.index.and_then(|i| hits.get(i)).map(|h| (h.x0.max(0.0) as i32, (h.y1 + 8.0) as i32));
    {
        let tip = tip.clone();
        use_effect_with(position, move |position| {
            if let (Some(el), Some((left, top))) = (tip.cast::<web_sys::HtmlElement>(), position) {
                let style = el.style();
                let _ = style.set_property("left", &format!("{left}px"));
                let _ = style.set_property("top", &format!("{top}px"));
            }
        });
    }
    let m = &props.model;
    let l = m.lang;
    let tooltip = selection.index.and_then(|i| hits.get(i)).and_then(|hit| {
        let d = m.details.iter().find(|d| d.figure == hit.figure)?;
        let kind = if d.derived { format!(" · {}", Text::Derived.t(l)) } else { String::new() };
        Some(html! {
            <div class="tooltip" ref={tip.clone()} data-figure={d.figure.clone()}>
                <strong class="tooltip-value">{ &d.value }</strong>
                <span>{ format!("{} · {}", d.metric, d.scope) }</span>
                <span>{ format!("{}{kind}", d.period) }</span>
                if !d.computation.is_empty() { <span class="tooltip-computation">{ &d.computation }</span> }
                <span class="tooltip-source">{ format!("{}{}{}", Text::SourceLabel.t(l), colon(l), d.source_name) }</span>
            </div>
        })
    });
    // What the live region announces for keyboard users.
    let announce = selection
        .index
        .and_then(|i| hits.get(i))
        .and_then(|hit| m.details.iter().find(|d| d.figure == hit.figure))
        .map(|d| format!("{} · {} · {} · {}", d.value, d.metric, d.scope, d.period))
        .unwrap_or_default();
    let described_by = format!("{}-description", m.id.slug());
    html! {
        <div class="chart-canvas">
            <canvas ref={canvas} tabindex="0" role="img"
                aria-label={format!("{}. {}", m.title, Text::ChartKeys.t(l))}
                aria-describedby={described_by}
                data-chart={m.id.slug()}
                {onmousemove} {onmouseleave} {onclick} {onkeydown} {onblur}></canvas>
            // One stable sibling for everything that comes and goes: Yew diffs unkeyed
            // children from the end, so a tooltip inserted beside the canvas would replace it.
            <div class="chart-overlay">
                { for tooltip }
                <p class="visually-hidden" role="status" aria-live="polite">{ announce }</p>
            </div>
        </div>
    }
}
