//! The PowerPoint writer as a wasm module of its own (`office.wasm`), so the page does not carry
//! it: the page builds a deck (`ftz_atlas::office::deck`), encodes it
//! (`ftz_atlas::office::wire`), and `boot.js` fetches this module the first time a reader asks
//! for an editable chart or the deck, hands it the bytes and gets the `.pptx` back.
//!
//! No imports, no JS glue; four exports, prefixed so that they never clash with a C library's
//! `write` when the crate is linked natively for its tests:
//! - `office_input(len) -> ptr`: room for the encoded deck in this module's memory; the caller
//!   writes the bytes there;
//! - `office_write() -> status`: 0 when the `.pptx` is ready, 1 when the input is not an encoded deck,
//!   2 when the presentation would be too large for a ZIP file;
//! - `office_output() -> ptr`, `office_output_len() -> len`: where the `.pptx` is.
//!
//! The state is two buffers in a thread-local; wasm32-unknown-unknown has one thread.

use std::cell::RefCell;

use ftz_atlas::office::{pptx, wire};

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Reads an encoded deck and writes its `.pptx`: the bytes, or the status `office_write` returns.
pub fn run(input: &[u8]) -> Result<Vec<u8>, u32> {
    let deck = wire::decode(input).map_err(|_| 1u32)?;
    pptx::write(&deck).map_err(|_| 2u32)
}

/// Room for `len` bytes of input; the pointer to write them to.
// Exported under its own name for the page's loader (boot.js); a wasm export needs `no_mangle`,
// which the `unsafe_code` lint counts: nothing here dereferences a raw pointer.
#[no_mangle]
pub extern "C" fn office_input(len: u32) -> *mut u8 {
    INPUT.with_borrow_mut(|b| {
        b.clear();
        b.resize(len as usize, 0);
        b.as_mut_ptr()
    })
}

/// Writes the `.pptx` of the deck in the input buffer; 0 on success.
#[no_mangle]
pub extern "C" fn office_write() -> u32 {
    let result = INPUT.with_borrow(|b| run(b));
    INPUT.with_borrow_mut(|b| *b = Vec::new());
    match result {
        Ok(bytes) => {
            OUTPUT.with_borrow_mut(|o| *o = bytes);
            0
        }
        Err(status) => {
            OUTPUT.with_borrow_mut(|o| *o = Vec::new());
            status
        }
    }
}

/// Where the last `.pptx` written starts.
#[no_mangle]
pub extern "C" fn office_output() -> *const u8 {
    OUTPUT.with_borrow(|o| o.as_ptr())
}

/// How long the last `.pptx` written is.
#[no_mangle]
pub extern "C" fn office_output_len() -> u32 {
    OUTPUT.with_borrow(|o| u32::try_from(o.len()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use ftz_atlas::chart::theme::LIGHT;
    use ftz_atlas::chart::{build, catalog};
    use ftz_atlas::data::Dataset;
    use ftz_atlas::i18n::Lang;
    use ftz_atlas::office::{deck, pptx, wire};

    #[test]
    fn writes_what_the_native_writer_writes() {
        let ds = Dataset::embedded().unwrap_or_default();
        let models: Vec<_> = catalog::all().iter().map(|s| build(&ds, s, Lang::En)).collect();
        let d = deck::full_deck(&models, Lang::En, &LIGHT, "", &mut |_, _| None);
        let bytes = super::run(&wire::encode(&d));
        assert!(bytes.as_ref().is_ok_and(|b| b.starts_with(b"PK\x03\x04")));
        assert_eq!(bytes, pptx::write(&d).map_err(|_| 2));
    }

    #[test]
    fn the_exports_hand_over_through_the_buffers() {
        let ds = Dataset::embedded().unwrap_or_default();
        let m = build(&ds, &catalog::all()[0], Lang::Zh);
        let d = deck::deck(&m.title, Lang::Zh, &LIGHT, deck::chart_slides(&m, &LIGHT, &mut |_| None));
        let encoded = wire::encode(&d);
        let _ = super::office_input(u32::try_from(encoded.len()).unwrap_or(0));
        super::INPUT.with_borrow_mut(|b| b.copy_from_slice(&encoded));
        assert_eq!(super::office_write(), 0);
        assert_eq!(super::office_output_len() as usize, pptx::write(&d).map(|b| b.len()).unwrap_or(0));
        let _ = super::office_input(3);
        assert_eq!(super::office_write(), 1, "three zero bytes are not a deck");
        assert_eq!(super::office_output_len(), 0);
    }
}
