//! A `<canvas>` that draws a `ChartModel` after render and again when the window is resized.

use gloo::events::EventListener;
use yew::prelude::*;

use super::Shared;

use crate::chart::ChartModel;
use crate::render::canvas::draw_on;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub model: Shared<ChartModel>,
    /// Called with the chart's slug after each successful draw.
    pub on_drawn: Callback<String>,
    /// Called with the error message when drawing fails.
    pub on_error: Callback<String>,
}

#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    // Bumped on window resize, so the effect below redraws at the new width.
    let resized = use_state(|| 0u32);
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "resize", move |_| resized.set(resized.wrapping_add(1))));
            move || drop(listener)
        });
    }
    {
        let canvas = canvas.clone();
        let on_drawn = props.on_drawn.clone();
        let on_error = props.on_error.clone();
        use_effect_with((props.model.clone(), *resized), move |(model, _)| {
            if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                match draw_on(&el, model) {
                    Ok(_) => on_drawn.emit(model.id.slug().to_string()),
                    Err(e) => on_error.emit(e.0),
                }
            }
        });
    }
    html! {
        <div class="chart-canvas">
            <canvas ref={canvas} role="img" aria-label={props.model.title.clone()} data-chart={props.model.id.slug()}></canvas>
        </div>
    }
}
