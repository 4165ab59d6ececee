//! Text measurement and wrapping. Widths come from a fixed estimate (CJK ≈ 1 em, Latin ≈
//! 0.56 em) rather than the backend, so the layout is the same in the browser, in SVG and in
//! the native tests.

/// Estimated width of `text` at `size` px.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                if c.is_ascii_uppercase() || c == '%' {
                    0.66
                } else {
                    0.56
                }
            } else if ('\u{2000}'..='\u{206f}').contains(&c) {
                0.6
            } else {
                1.0
            }
        })
        .sum::<f64>()
        * size
}

/// Breaks `text` into lines no wider than `width` (words for Latin script, characters for CJK).
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii() && c != ' ' {
            word.push(c);
        } else {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for t in tokens {
        if !line.is_empty() && text_width(&format!("{line}{t}"), size) > width && t != " " {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        if !(line.is_empty() && t == " ") {
            line.push_str(&t);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Lines of text at one size with one line height: what a block of wrapped text needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub lines: Vec<String>,
    /// Distance from one line's top to the next.
    pub leading: f64,
}

impl Block {
    /// `text` wrapped to `width` at `size`, `leading` apart.
    pub fn wrapped(text: &str, size: f64, width: f64, leading: f64) -> Block {
        Block { lines: wrap(text, size, width), leading }
    }

    /// The height of the block: one leading per line.
    pub fn height(&self) -> f64 {
        self.lines.len() as f64 * self.leading
    }
}

/// Line heights: how far apart lines of each size are set.
pub mod leading {
    pub const TITLE: f64 = 26.0;
    pub const SUBTITLE: f64 = 19.0;
    pub const PANEL_TITLE: f64 = 16.0;
    /// Labels (12 px) and small text (11 px) alike.
    pub const BODY: f64 = 15.0;
    /// Lines inside a small multiple's row (names, values written out).
    pub const TIGHT: f64 = 14.0;
}

/// The size of labels in matrix cells and of secondary notes under bars.
pub const TINY_SIZE: f64 = 10.0;

/// The widest of `texts` at `size`.
pub fn widest<'t>(texts: impl IntoIterator<Item = &'t str>, size: f64) -> f64 {
    texts.into_iter().map(|t| text_width(t, size)).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_one_em_and_latin_as_about_half() {
        assert_eq!(text_width("中国", 10.0), 20.0);
        assert!((text_width("ab", 10.0) - 11.2).abs() < 1e-9);
        assert!((text_width("A%", 10.0) - 13.2).abs() < 1e-9);
    }

    #[test]
    fn wrapping_breaks_latin_at_spaces_and_cjk_anywhere() {
        // "one two" is 39.2 px wide at 10 px: it fits in 40, not in 35.
        assert_eq!(wrap("one two three", 10.0, 40.0), ["one two", "three"]);
        assert_eq!(wrap("one two three", 10.0, 35.0), ["one", "two", "three"]);
        assert_eq!(wrap("重庆自贸试验区", 10.0, 30.0), ["重庆自", "贸试验", "区"]);
        assert!(wrap("   ", 10.0, 30.0).is_empty());
        let b = Block::wrapped("one two three", 10.0, 35.0, 15.0);
        assert_eq!(b.height(), 45.0);
    }
}
