//! Yew components of the browser shell: one component per file. They hold no chart logic:
//! models come from `chart::build`, texts from `i18n`, drawing from `render::canvas`.

pub mod about;
pub mod app;
pub mod chart_canvas;
pub mod chart_card;
pub mod headline_cards;
pub mod lang_switch;
pub mod source_notes;
