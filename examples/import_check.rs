//! Checks files as the page's import would, against the embedded dataset, and prints every
//! issue as `line<TAB>column<TAB>kind` (the form of `tests/fixtures/import/*.expected`) and
//! its message in both languages on stderr.
//!
//! `cargo run --example import_check -- file.csv [file.json …]`

use ftz_atlas::data::import::import;
use ftz_atlas::data::Dataset;
use ftz_atlas::i18n::{issue_message, Lang};

fn main() {
    let ds = Dataset::embedded().unwrap_or_default();
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let name = std::path::Path::new(&path).file_name().map(|n| n.to_string_lossy().into_owned());
        match import(&name.unwrap_or_default(), &bytes, &ds) {
            Ok(i) => println!("# {path}: {} figures, {} already loaded", i.figures.len(), i.already_loaded),
            Err((issues, more)) => {
                println!(
                    "# {path}: {} issues{}",
                    issues.len() + more,
                    if more > 0 { " (listed: the first)" } else { "" }
                );
                for i in &issues {
                    let column = if i.column.is_empty() { "-" } else { &i.column };
                    println!("{}\t{column}\t{:?}", i.line, i.kind);
                    eprintln!("  {}\n  {}", issue_message(i, Lang::Zh), issue_message(i, Lang::En));
                }
            }
        }
    }
}
