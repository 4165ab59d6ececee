//! Any bytes as an imported file: `import` never panics (nor overflows the stack), and whatever
//! it accepts round-trips through both exports unchanged.
//!
//! The first byte picks the file name, and so the format: `.csv`, `.json`, `.tsv`, or none
//! (told from the text).

#![no_main]

use std::sync::OnceLock;

use ftz_atlas::data::import::import;
use ftz_atlas::data::{Dataset, Figure};
use ftz_atlas::export::{dataset_json, figures_csv};
use libfuzzer_sys::fuzz_target;

fn ds() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| Dataset::embedded().unwrap_or_default())
}

/// Figures without what depends on the file rather than its content: line and file name.
fn content(figures: &[Figure]) -> Vec<Figure> {
    figures.iter().map(|f| Figure { line: 0, source: String::new(), ..f.clone() }).collect()
}

fuzz_target!(|data: &[u8]| {
    let names = ["x.csv", "x.json", "x.tsv", "x"];
    let Some((first, bytes)) = data.split_first() else { return };
    let name = names[usize::from(*first) % names.len()];
    let Ok(imported) = import(name, bytes, ds()) else { return };
    let csv = figures_csv(&imported.figures, &imported.terms);
    match import(name, csv.as_bytes(), ds()) {
        Ok(again) => assert_eq!(content(&again.figures), content(&imported.figures), "CSV round trip"),
        Err(e) => panic!("the CSV export of an import does not import: {e:?}\n{csv}"),
    }
    let json = dataset_json(&ds().with_imports([&imported]));
    match import("x.json", json.as_bytes(), ds()) {
        Ok(again) => assert_eq!(content(&again.figures), content(&imported.figures), "JSON round trip"),
        Err(e) => panic!("the JSON export of an import does not import: {e:?}"),
    }
});
