//! Reading a spreadsheet (`.xlsx`) for import: the sheet named after the template
//! (`ftz-atlas-template`, the name a spreadsheet program gives the template when it is saved as a
//! workbook) or else the first sheet, as rows of cell texts, which the import then checks like
//! a CSV file (same columns, same messages, same limits).
//!
//! ```text
//! bytes ─zip (central directory; stored or deflated via miniz_oxide)─▶ xl/workbook.xml,
//!   its rels, xl/sharedStrings.xml, the sheet ─cells─▶ rows of text ─▶ CSV text
//! ```
//! Numbers are taken as the file writes them, rounded to the 15 significant digits a
//! spreadsheet shows (`0.30000000000000004` → `0.3`); nothing else is converted.

/// The most bytes one part may unpack to (a small file that inflates to gigabytes is refused).
pub const MAX_UNPACKED: usize = 100 * 1024 * 1024;

/// What is wrong with a spreadsheet file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxProblem {
    /// Not a ZIP archive, or one whose directory does not add up.
    NotArchive,
    /// An entry is compressed in a way other than stored or deflate, or is encrypted.
    Unsupported(String),
    /// An entry does not inflate, or inflates past the size limit.
    Corrupt(String),
    /// A part a workbook must have is missing (`xl/workbook.xml`, the sheet).
    Missing(String),
    /// The workbook has no sheet.
    NoSheet,
}

struct Entry {
    name: String,
    method: u16,
    flags: u16,
    compressed: usize,
    offset: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    let v = u32::from_le_bytes([*b.get(at)?, *b.get(at + 1)?, *b.get(at + 2)?, *b.get(at + 3)?]);
    usize::try_from(v).ok()
}

/// The central directory's entries.
fn entries(b: &[u8]) -> Option<Vec<Entry>> {
    let min = b.len().checked_sub(22)?;
    let lowest = min.saturating_sub(65_535);
    let eocd = (lowest..=min).rev().find(|&i| b.get(i..i + 4) == Some(b"PK\x05\x06"))?;
    let count = usize::from(u16_at(b, eocd + 10)?);
    let mut at = u32_at(b, eocd + 16)?;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if b.get(at..at + 4) != Some(b"PK\x01\x02") {
            return None;
        }
        let name_len = usize::from(u16_at(b, at + 28)?);
        let extra = usize::from(u16_at(b, at + 30)?);
        let comment = usize::from(u16_at(b, at + 32)?);
        let name = String::from_utf8_lossy(b.get(at + 46..at + 46 + name_len)?).to_string();
        out.push(Entry {
            name,
            flags: u16_at(b, at + 8)?,
            method: u16_at(b, at + 10)?,
            compressed: u32_at(b, at + 20)?,
            offset: u32_at(b, at + 42)?,
        });
        at += 46 + name_len + extra + comment;
    }
    Some(out)
}

/// The unpacked bytes of the entry named `name`, if there is one.
fn read(b: &[u8], list: &[Entry], name: &str) -> Result<Option<Vec<u8>>, XlsxProblem> {
    let Some(e) = list.iter().find(|e| e.name == name) else { return Ok(None) };
    if e.flags & 1 != 0 {
        return Err(XlsxProblem::Unsupported(name.to_string()));
    }
    let local = e.offset;
    if b.get(local..local + 4) != Some(b"PK\x03\x04") {
        return Err(XlsxProblem::NotArchive);
    }
    let name_len = usize::from(u16_at(b, local + 26).ok_or(XlsxProblem::NotArchive)?);
    let extra = usize::from(u16_at(b, local + 28).ok_or(XlsxProblem::NotArchive)?);
    let start = local + 30 + name_len + extra;
    let data = b.get(start..start + e.compressed).ok_or(XlsxProblem::NotArchive)?;
    match e.method {
        0 => Ok(Some(data.to_vec())),
        8 => {
            let limit = MAX_UNPACKED;
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit)
                .map(Some)
                .map_err(|_| XlsxProblem::Corrupt(name.to_string()))
        }
        _ => Err(XlsxProblem::Unsupported(name.to_string())),
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).to_string())
}

/// XML character and entity references decoded.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in a start tag's text.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().last();
        let after = &rest[at + name.len()..];
        if before.is_some_and(char::is_whitespace) {
            if let Some(v) = after.trim_start().strip_prefix('=') {
                let v = v.trim_start();
                let quote = v.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let v = &v[1..];
                    return v.find(quote).map(|end| &v[..end]);
                }
            }
        }
        rest = after;
    }
}

/// Each element named `name` (with or without a namespace prefix): its start tag's attributes
/// and its inner XML (empty for `<x/>`).
fn elements<'x>(xml: &'x str, name: &str) -> Vec<(&'x str, &'x str)> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let end_name = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
        let tag = &rest[..end_name];
        let local = tag.rsplit(':').next().unwrap_or(tag);
        if local != name || tag.starts_with('/') {
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let attrs = &rest[end_name..gt];
        if attrs.ends_with('/') {
            out.push((attrs, ""));
            rest = &rest[gt + 1..];
            continue;
        }
        let body = &rest[gt + 1..];
        let close = format!("</{tag}>");
        let Some(end) = body.find(&close) else { break };
        out.push((attrs, &body[..end]));
        rest = &body[end + close.len()..];
    }
    out
}

/// The text of the `<t>` elements inside (a rich-text string's runs joined; phonetic `rPh`
/// runs left out).
fn texts(xml: &str) -> String {
    let mut s = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<rPh") {
        let before = &rest[..at];
        s.push_str(&elements(before, "t").iter().map(|(_, t)| unescape(t)).collect::<String>());
        rest = rest[at..].find("</rPh>").map_or("", |e| &rest[at + e + 6..]);
    }
    s.push_str(&elements(rest, "t").iter().map(|(_, t)| unescape(t)).collect::<String>());
    s
}

/// A number as a spreadsheet writes it (`7137.4`, `1.5E-3`, `0.30000000000000004`), written
/// out in plain decimals and rounded to 15 significant digits.
pub fn plain_number(v: &str) -> Option<String> {
    let v = v.trim();
    let (neg, v) = match v.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, v),
    };
    let (mant, exp) = match v.find(['e', 'E']) {
        Some(i) => (&v[..i], v[i + 1..].parse::<i32>().ok()?),
        None => (v, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() || !(int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    // The decimal point sits after `point` digits.
    let mut point = int.len() as i32 + exp;
    let lead = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..lead);
    point -= lead as i32;
    if digits.is_empty() {
        return Some("0".into());
    }
    if digits.len() > 15 {
        let round_up = digits[15] >= 5;
        digits.truncate(15);
        if round_up {
            let mut i = 15;
            loop {
                if i == 0 {
                    digits.insert(0, 1);
                    point += 1;
                    break;
                }
                i -= 1;
                if digits[i] == 9 {
                    digits[i] = 0;
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
    }
    while digits.last() == Some(&0) && (digits.len() as i32) > point.max(1) {
        digits.pop();
    }
    let d = |s: &[u8]| s.iter().map(|x| char::from(b'0' + x)).collect::<String>();
    let body = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), d(&digits))
    } else if point as usize >= digits.len() {
        format!("{}{}", d(&digits), "0".repeat(point as usize - digits.len()))
    } else {
        format!("{}.{}", d(&digits[..point as usize]), d(&digits[point as usize..]))
    };
    Some(if neg { format!("-{body}") } else { body })
}

/// 0-based column of a cell reference (`B12` → 1).
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() {
        return None;
    }
    letters
        .iter()
        .try_fold(0usize, |acc, &c| Some(acc * 26 + usize::from(c.to_ascii_uppercase() - b'A') + 1))
        .map(|n| n - 1)
}

/// The name of the sheet the import reads when a workbook has it.
pub const TEMPLATE_SHEET: &str = "ftz-atlas-template";

/// The rows of the sheet to import, each a list of cell texts (empty where a cell is empty).
pub fn rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, XlsxProblem> {
    let list = entries(bytes).ok_or(XlsxProblem::NotArchive)?;
    let part = |name: &str| read(bytes, &list, name).map(|b| b.map(text));
    let book = part("xl/workbook.xml")?.ok_or_else(|| XlsxProblem::Missing("xl/workbook.xml".into()))?;
    let sheets: Vec<(String, String)> = elements(&book, "sheet")
        .iter()
        .filter_map(|(a, _)| Some((unescape(attr(a, "name")?), attr(a, "r:id")?.to_string())))
        .collect();
    let (_, rid) = sheets
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(TEMPLATE_SHEET))
        .or_else(|| sheets.first())
        .ok_or(XlsxProblem::NoSheet)?;
    let rels = part("xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let target = elements(&rels, "Relationship")
        .iter()
        .find(|(a, _)| attr(a, "Id") == Some(rid.as_str()))
        .and_then(|(a, _)| attr(a, "Target"))
        .map(|t| match t.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{t}"),
        })
        .ok_or_else(|| XlsxProblem::Missing(format!("sheet {rid}")))?;
    let sheet = part(&target)?.ok_or_else(|| XlsxProblem::Missing(target.clone()))?;
    let shared: Vec<String> = part("xl/sharedStrings.xml")?
        .map(|x| elements(&x, "si").iter().map(|(_, si)| texts(si)).collect())
        .unwrap_or_default();
    let mut out: Vec<Vec<String>> = Vec::new();
    for (row_attrs, row) in elements(&sheet, "row") {
        let index = attr(row_attrs, "r").and_then(|r| r.parse::<usize>().ok()).unwrap_or(out.len() + 1);
        // Rows the file skips are empty rows.
        while out.len() + 1 < index {
            out.push(Vec::new());
        }
        let mut cells: Vec<String> = Vec::new();
        for (c, inner) in elements(row, "c") {
            let col = attr(c, "r").and_then(column_of).unwrap_or(cells.len());
            let v = elements(inner, "v").first().map(|(_, v)| unescape(v)).unwrap_or_default();
            let value = match attr(c, "t").unwrap_or("n") {
                "s" => {
                    v.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).cloned().unwrap_or_default()
                }
                "inlineStr" => texts(inner),
                "str" | "e" => v,
                "b" => (if v.trim() == "1" { "TRUE" } else { "FALSE" }).to_string(),
                _ if v.is_empty() => String::new(),
                _ => plain_number(&v).unwrap_or(v),
            };
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = value;
        }
        out.push(cells);
    }
    Ok(out)
}

/// The sheet as CSV text for the importer: every row as long as the header, cells quoted.
pub fn to_csv(bytes: &[u8]) -> Result<String, XlsxProblem> {
    let rows = rows(bytes)?;
    let width = rows.first().map_or(0, |h| h.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1));
    let mut out = String::new();
    for row in &rows {
        // As wide as the header, or wider where the row has more cells (the importer reports it).
        let len = width.max(row.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1));
        let cells: Vec<String> = (0..len)
            .map(|i| {
                let c = row.get(i).map_or("", String::as_str);
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_string()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_spreadsheet_shows_them() {
        for (written, plain) in [
            ("7137.4", "7137.4"),
            ("0.30000000000000004", "0.3"),
            ("1.5E-3", "0.0015"),
            ("2.7E4", "27000"),
            ("-12", "-12"),
            ("0.59999999999999998", "0.6"),
            ("99999999999999999", "100000000000000000"),
            ("2023", "2023"),
            ("0", "0"),
        ] {
            assert_eq!(plain_number(written).as_deref(), Some(plain), "{written}");
        }
        assert_eq!(plain_number("12a"), None);
        assert_eq!(plain_number(""), None);
    }

    #[test]
    fn references_and_entities() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("AB7"), Some(27));
        assert_eq!(column_of("7"), None);
        assert_eq!(unescape("a &amp; b &lt;c&gt; &#x4E2D;&#25991; &bogus;"), "a & b <c> 中文 &bogus;");
    }

    #[test]
    fn rich_text_runs_join_and_phonetic_runs_are_left_out() {
        let si = "<r><t>两江</t></r><r><rPr/><t xml:space=\"preserve\">片区</t></r><rPh sb=\"0\"><t>liangjiang</t></rPh>";
        assert_eq!(texts(si), "两江片区");
    }

    #[test]
    fn not_an_archive_is_said_so() {
        assert_eq!(rows(b"id,metric\n"), Err(XlsxProblem::NotArchive));
        assert_eq!(rows(b""), Err(XlsxProblem::NotArchive));
    }
}
