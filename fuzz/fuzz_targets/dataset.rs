//! Any text as the dataset's three files (split at 0xFF bytes, which UTF-8 never has):
//! `Dataset::parse` and the CSV reader never panic, and the reader always reaches the end.

#![no_main]

use ftz_atlas::data::csv::Reader;
use ftz_atlas::data::{Dataset, EMBEDDED};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xff).map(String::from_utf8_lossy);
    let figures = parts.next().unwrap_or_default();
    let sources = parts.next();
    let dictionary = parts.next();
    let mut reader = Reader::new(&figures);
    while reader.next_record(&figures).is_some() {}
    assert_eq!(reader.pos, figures.len(), "the reader stopped before the end");
    let _ = Dataset::parse(
        &figures,
        sources.as_deref().unwrap_or(EMBEDDED.sources),
        dictionary.as_deref().unwrap_or(EMBEDDED.dictionary),
    );
});
