//! Keeping imported figures in this browser (`localStorage`), only after the reader agrees.
//! Each import is stored as its file name and its figures in the import schema (CSV), and is
//! imported again, with the same checks, when the page opens.

use crate::data::json::{self, Value};
use crate::data::Import;
use crate::export::{figures_csv, json_string};

const KEY: &str = "ftz-atlas-imports";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The stored imports as (file name, CSV); `None` when the reader has not chosen to keep any.
pub fn load() -> Option<Vec<(String, String)>> {
    let text = storage()?.get_item(KEY).ok().flatten()?;
    let Ok(Value::Array(items)) = json::parse(&text) else { return Some(Vec::new()) };
    Some(
        items
            .into_iter()
            .filter_map(|(_, item)| match item {
                Value::Array(pair) => match <[(usize, Value); 2]>::try_from(pair) {
                    Ok([(_, Value::Text(name)), (_, Value::Text(csv))]) => Some((name, csv)),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
    )
}

/// Stores `imports` (replacing what was stored); `false` when the browser refused (full or
/// disabled storage).
pub fn save<'a>(imports: impl IntoIterator<Item = &'a Import>) -> bool {
    let entries: Vec<String> = imports
        .into_iter()
        .map(|i| format!("[{},{}]", json_string(&i.name), json_string(&figures_csv(&i.figures, &i.terms))))
        .collect();
    storage().is_some_and(|s| s.set_item(KEY, &format!("[{}]", entries.join(","))).is_ok())
}

/// Forgets the stored imports.
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}
