//! A minimal SpreadsheetML workbook: named sheets of text and number cells (text inline, so
//! no shared-strings part), the form PowerPoint and LibreOffice open as a chart's embedded data.

use super::xml::{content_types, esc, rels, DEFAULT_TYPES, HEADER};
use super::zip::{Zip, ZipError};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing: a gap stays a gap, never a zero.
    Empty,
    Number(f64),
    Text(String),
}

/// A sheet: its name (31 characters at most, no `[]:*?/\`) and its rows, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// `A`, `B` … `Z`, `AA` … for a 0-based column.
pub fn column_name(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A sheet name as a formula writes it: `Sheet1`, or `'数据'` quoted when it needs to be.
pub fn sheet_ref(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// A number as a cell or a chart cache writes it: the shortest text that reads back the same.
pub fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

fn sheet_xml(sheet: &Sheet) -> String {
    let mut out = format!(
        "{HEADER}<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    );
    for (r, row) in sheet.rows.iter().enumerate() {
        out.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Empty => {}
                Cell::Number(v) if v.is_finite() => {
                    out.push_str(&format!("<c r=\"{at}\"><v>{}</v></c>", number(*v)));
                }
                Cell::Number(_) => {}
                Cell::Text(t) => out.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    esc(t)
                )),
            }
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData></worksheet>");
    out
}

const STYLES: &str = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

const SHEET_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/// The workbook's bytes (an `.xlsx` file).
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, ZipError> {
    let mut overrides = vec![
        (
            "/xl/workbook.xml".to_string(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml".to_string(),
        ),
        (
            "/xl/styles.xml".to_string(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml".to_string(),
        ),
    ];
    let mut book = format!(
        "{HEADER}<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    );
    let mut book_rels = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        overrides.push((format!("/xl/worksheets/sheet{n}.xml"), SHEET_TYPE.to_string()));
        book.push_str(&format!("<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>", esc(&s.name)));
        book_rels.push((format!("rId{n}"), "worksheet", format!("worksheets/sheet{n}.xml")));
    }
    book.push_str("</sheets></workbook>");
    book_rels.push((format!("rId{}", sheets.len() + 1), "styles", "styles.xml".to_string()));

    let mut z = Zip::new();
    z.add("[Content_Types].xml", content_types(&DEFAULT_TYPES, &overrides).as_bytes())?;
    z.add("_rels/.rels", rels(&[("rId1".into(), "officeDocument", "xl/workbook.xml".into())]).as_bytes())?;
    z.add("xl/workbook.xml", book.as_bytes())?;
    z.add("xl/_rels/workbook.xml.rels", rels(&book_rels).as_bytes())?;
    z.add("xl/styles.xml", format!("{HEADER}{STYLES}").as_bytes())?;
    for (i, s) in sheets.iter().enumerate() {
        z.add(&format!("xl/worksheets/sheet{}.xml", i + 1), sheet_xml(s).as_bytes())?;
    }
    z.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_like_a_spreadsheet() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].into_iter().map(column_name).collect();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn sheet_names_are_quoted_when_a_formula_needs_it() {
        assert_eq!(sheet_ref("Sheet1"), "Sheet1");
        assert_eq!(sheet_ref("数据 1"), "'数据 1'");
        assert_eq!(sheet_ref("it's"), "'it''s'");
    }

    #[test]
    fn empty_cells_are_left_out_and_text_is_escaped() {
        let s = Sheet {
            name: "S".into(),
            rows: vec![vec![Cell::Text("a<b".into()), Cell::Empty, Cell::Number(2.5)]],
        };
        let xml = sheet_xml(&s);
        assert!(
            xml.contains("<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a&lt;b</t>"),
            "{xml}"
        );
        assert!(!xml.contains("r=\"B1\""), "{xml}");
        assert!(xml.contains("<c r=\"C1\"><v>2.5</v></c>"), "{xml}");
    }
}
