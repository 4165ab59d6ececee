//! SVG text at absolute baselines. plotters' SVG backend places a label by its anchor and a
//! relative `dy` (`0.76em` for a top-anchored label, `±0.5ex` for a centred or bottom one).
//! Browsers honour `dy`; LibreOffice and PowerPoint ignore it and draw the text with its
//! baseline at `y`, so titles were cut off at the top and year labels sat on the axis. This
//! moves each offset into `y` itself (an `ex` taken as half an `em`, as browsers assume without
//! font metrics) and drops `dy`, so every program reads the same position. A rotated label is
//! rotated about its anchor, so shifting `y` before the rotation is the same as `dy` after it.

/// `svg` with every `<text>`'s `dy` folded into its `y`.
pub fn absolute_baselines(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        out.push_str(&fold(&rest[..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in the tag and the byte range of ` name="…"`.
fn attr<'t>(tag: &'t str, name: &str) -> Option<(&'t str, std::ops::Range<usize>)> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)?;
    let value_start = at + key.len();
    let len = tag[value_start..].find('"')?;
    Some((&tag[value_start..value_start + len], at..value_start + len + 1))
}

/// One `<text …>` tag with its `dy` folded into `y`; unchanged when it has no `dy` it can read.
fn fold(tag: &str) -> String {
    let (Some((dy, dy_at)), Some((y, y_at)), Some((size, _))) =
        (attr(tag, "dy"), attr(tag, "y"), attr(tag, "font-size"))
    else {
        return tag.to_string();
    };
    let (Ok(y), Ok(size)) = (y.parse::<f64>(), size.parse::<f64>()) else { return tag.to_string() };
    let offset = if let Some(em) = dy.strip_suffix("em") {
        em.parse::<f64>().ok().map(|v| v * size)
    } else if let Some(ex) = dy.strip_suffix("ex") {
        ex.parse::<f64>().ok().map(|v| v * size * 0.5)
    } else {
        dy.parse::<f64>().ok()
    };
    let Some(offset) = offset else { return tag.to_string() };
    let baseline = ((y + offset) * 100.0).round() / 100.0;
    // Edit the later attribute first, so the earlier one's range stays valid.
    let mut t = tag.to_string();
    let new_y = format!(" y=\"{baseline}\"");
    if dy_at.start > y_at.start {
        t.replace_range(dy_at, "");
        t.replace_range(y_at, &new_y);
    } else {
        t.replace_range(y_at, &new_y);
        t.replace_range(dy_at, "");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_top_anchored_label_gets_its_baseline_in_y() {
        let svg =
            r#"<svg><text x="12" y="12" dy="0.76em" text-anchor="start" font-size="20">标题</text></svg>"#;
        assert_eq!(
            absolute_baselines(svg),
            r#"<svg><text x="12" y="27.2" text-anchor="start" font-size="20">标题</text></svg>"#
        );
    }

    #[test]
    fn centred_and_bottom_labels_move_by_half_an_ex() {
        let c = absolute_baselines(r#"<text x="1" y="75" dy="0.5ex" font-size="11">a</text>"#);
        assert_eq!(c, r#"<text x="1" y="77.75" font-size="11">a</text>"#);
        let b = absolute_baselines(r#"<text x="1" y="75" dy="-0.5ex" font-size="10">b</text>"#);
        assert_eq!(b, r#"<text x="1" y="72.5" font-size="10">b</text>"#);
    }

    #[test]
    fn rotated_labels_keep_their_rotation_and_other_tags_are_untouched() {
        let svg = r#"<rect y="3"/><text x="5" y="50" dy="0.5ex" font-size="10" transform="rotate(270, 5, 50)">万</text>"#;
        let out = absolute_baselines(svg);
        assert!(out.starts_with(r#"<rect y="3"/>"#), "{out}");
        assert!(
            out.contains(r#"y="52.5""#) && out.contains("rotate(270, 5, 50)") && !out.contains("dy="),
            "{out}"
        );
    }

    #[test]
    fn a_tag_without_a_readable_offset_is_left_as_is() {
        let svg =
            r#"<text x="1" y="2" font-size="10">a</text><text x="1" y="2" dy="1rem" font-size="10">b</text>"#;
        assert_eq!(absolute_baselines(svg), svg);
    }
}
