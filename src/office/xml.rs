//! Writing XML text: escaping, and the relationship and content-type parts every Office Open
//! XML package has.

/// `text` with `& < > "` escaped and the characters XML 1.0 forbids (controls other than tab
/// and line breaks) dropped, for element text and attribute values alike.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

pub const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The namespace of relationship types defined by the Office document formats.
pub const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A `.rels` part: `(id, type, target)`; a type without `://` is one of [`REL`]'s.
pub fn rels(items: &[(String, &str, String)]) -> String {
    let mut out = format!(
        "{HEADER}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in items {
        let kind = if kind.contains("://") { (*kind).to_string() } else { format!("{REL}/{kind}") };
        out.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
            esc(id),
            esc(&kind),
            esc(target)
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// `[Content_Types].xml`: the default types by extension, and `(part name, type)` overrides.
pub fn content_types(defaults: &[(&str, &str)], overrides: &[(String, String)]) -> String {
    let mut out =
        format!("{HEADER}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    for (ext, kind) in defaults {
        out.push_str(&format!("<Default Extension=\"{ext}\" ContentType=\"{kind}\"/>"));
    }
    for (part, kind) in overrides {
        out.push_str(&format!("<Override PartName=\"{}\" ContentType=\"{kind}\"/>", esc(part)));
    }
    out.push_str("</Types>");
    out
}

/// The package-level `.rels` default and `.xml` default every package declares.
pub const DEFAULT_TYPES: [(&str, &str); 2] =
    [("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml")];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(esc("a<b & \"c\">\u{1}d\te"), "a&lt;b &amp; &quot;c&quot;&gt;d\te");
        assert_eq!(esc("超60%"), "超60%");
    }
}
