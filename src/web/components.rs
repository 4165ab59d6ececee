//! Yew components of the browser shell: one component per file. They hold no chart logic:
//! models come from `chart::build`, texts from `i18n`, drawing from `web::canvas`.

pub mod about;
pub mod app;
pub mod chart_canvas;
pub mod chart_card;
pub mod data_table;
pub mod export_menu;
pub mod finder;
pub mod headline_cards;
pub mod import_panel;
pub mod notice;
pub mod presentation;
pub mod scope_filter;
pub mod source_notes;
pub mod switch;

pub use crate::shared::Shared;
