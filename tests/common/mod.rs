//! Helpers shared by the integration tests (each test file that needs them says `mod common;`).

use ftz_atlas::data::{Dataset, EMBEDDED};

/// The embedded dataset plus `rows` of `figures.csv` imported from the file `test.csv`: its
/// source is `file:test.csv`, titled with the file name, every other field empty (as the
/// importer makes it; `sources.csv` needs a publisher, so it is cleared after parsing).
pub fn with_import(rows: &str) -> Dataset {
    let figures = format!("{}{rows}", EMBEDDED.figures);
    let sources = format!("{}file:test.csv,test.csv,-,,,\n", EMBEDDED.sources);
    let mut ds = match Dataset::parse(&figures, &sources, EMBEDDED.dictionary) {
        Ok(ds) => ds,
        Err(issues) => panic!("test import does not validate: {issues:?}"),
    };
    for s in ds.sources.iter_mut().filter(|s| s.is_imported()) {
        s.publisher.clear();
    }
    ds
}
