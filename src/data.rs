//! The data layer: embedded CSV → typed [`Figure`]s → a validated [`Dataset`].
//!
//! Pure Rust, no `web-sys`: everything here is covered by native `cargo test`.
//! Parsing collects every problem it finds (never panics, never stops at the first);
//! derived figures are computed here from their formulas, never typed in.

pub mod csv;
pub mod formula;
pub mod import;
pub mod json;
pub mod load;
pub mod merge;
pub mod number;
pub mod period;
pub mod precision;
pub mod record;
pub mod unit;
pub mod validate;
pub mod xlsx;

pub use import::{Import, ImportJob};
pub use load::{Dataset, EMBEDDED};
pub use merge::Merge;
pub use period::{Date, Period};
pub use record::{Figure, Qualifier, Source, Term, IMPORTED_SOURCE_PREFIX, NOTE_SEPARATOR};
pub use unit::{Dimension, Unit};
pub use validate::{Issue, IssueKind};
