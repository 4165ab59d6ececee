//! Words made from the texts: unit names, qualifier words and signs, issue messages, and
//! `fill`, which puts values into a text's `{1}`, `{2}` … places.

use super::{Lang, Text};
use crate::data::csv::CsvProblem;
use crate::data::import::MAX_BYTES;
use crate::data::json::Expected;
use crate::data::xlsx::XlsxProblem;
use crate::data::{Issue, IssueKind, Qualifier, Unit};

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// The name of a unit after a number (`亿元`, `vehicles`).
pub fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    let (zh, en) = match unit {
        Unit::YiYuan => ("亿元", "100 million yuan"),
        Unit::BnYuan => ("十亿元", "billion yuan"),
        Unit::YiUsd => ("亿美元", "100 million USD"),
        Unit::WanUsd => ("万美元", "10,000 USD"),
        Unit::Vehicles => ("辆", "vehicles"),
        Unit::WanVehicles => ("万辆", "10,000 vehicles"),
        Unit::Enterprises => ("户", "enterprises"),
        Unit::MarketEntities => ("户", "market entities"),
        Unit::Items => ("项", "items"),
        Unit::Cases => ("个", "cases"),
        Unit::Units => ("个", "units"),
        Unit::Km2 => ("平方公里", "km²"),
        Unit::Pct => ("%", "%"),
        Unit::Fraction => ("", ""),
        Unit::PctYoy => ("%", "%"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The qualifier word placed before a number (`超`, `more than`); empty for exact.
pub fn qualifier_word(q: Qualifier, lang: Lang) -> &'static str {
    let (zh, en) = match q {
        Qualifier::Exact => ("", ""),
        Qualifier::MoreThan => ("超", "more than "),
        Qualifier::AtLeast => ("至少", "at least "),
        Qualifier::LessThan => ("不足", "less than "),
        Qualifier::Nearly => ("近", "nearly "),
        Qualifier::About => ("约", "about "),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A short qualifier sign for tight chart labels (`超`, `>`).
pub fn qualifier_sign(q: Qualifier, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => qualifier_word(q, lang),
        Lang::En => match q {
            Qualifier::Exact => "",
            Qualifier::MoreThan => ">",
            Qualifier::AtLeast => "≥",
            Qualifier::LessThan => "<",
            Qualifier::Nearly => "nearly ",
            Qualifier::About => "~",
        },
    }
}

/// The message for a data problem, naming file, line, column and what was expected.
pub fn issue_message(issue: &Issue, lang: Lang) -> String {
    let v = |x: &String| vec![x.clone()];
    let (template, args) = match &issue.kind {
        IssueKind::Malformed(CsvProblem::UnclosedQuote) => (Text::IssueUnclosedQuote, vec![]),
        IssueKind::Malformed(CsvProblem::TextAfterQuote) => (Text::IssueTextAfterQuote, vec![]),
        IssueKind::Malformed(CsvProblem::FieldCount { expected, found }) => {
            (Text::IssueFieldCount, vec![expected.to_string(), found.to_string()])
        }
        IssueKind::Malformed(CsvProblem::Row(e)) => (Text::IssueRow, v(e)),
        IssueKind::MissingColumn => (Text::IssueMissingColumn, vec![]),
        IssueKind::Empty => (Text::IssueEmpty, vec![]),
        IssueKind::BadId(x) => (Text::IssueBadId, v(x)),
        IssueKind::Duplicate(x) => (Text::IssueDuplicate, v(x)),
        IssueKind::UnknownMetric(x) => (Text::IssueUnknownMetric, v(x)),
        IssueKind::UnknownScope(x) => (Text::IssueUnknownScope, v(x)),
        IssueKind::UnknownUnit(x) => (Text::IssueUnknownUnit, vec![x.clone(), unit_keys()]),
        IssueKind::UnknownQualifier(x) => (Text::IssueUnknownQualifier, v(x)),
        IssueKind::UnknownSource(x) => (Text::IssueUnknownSource, v(x)),
        IssueKind::UnknownTermKind(x) => (Text::IssueUnknownTermKind, v(x)),
        IssueKind::BadPeriod(x) => (Text::IssueBadPeriod, v(x)),
        IssueKind::BadValue(x) => (Text::IssueBadValue, v(x)),
        IssueKind::ValueAndFormula => (Text::IssueValueAndFormula, vec![]),
        IssueKind::NoValue => (Text::IssueNoValue, vec![]),
        IssueKind::BadFormula { offset, expected } => {
            (Text::IssueBadFormula, vec![(offset + 1).to_string(), (*expected).to_string()])
        }
        IssueKind::UnresolvedRef(x) => (Text::IssueUnresolvedRef, v(x)),
        IssueKind::Cycle => (Text::IssueCycle, vec![]),
        IssueKind::NotFinite => (Text::IssueNotFinite, vec![]),
        IssueKind::Negative { value, unit } => {
            (Text::IssueNegative, vec![value.clone(), (*unit).to_string()])
        }
        IssueKind::BadDate(x) => (Text::IssueBadDate, v(x)),
        IssueKind::NoRows => (Text::IssueNoRows, vec![]),
        IssueKind::TooLarge { bytes } => (Text::IssueTooLarge, vec![megabytes(*bytes), megabytes(MAX_BYTES)]),
        IssueKind::NotText => (Text::IssueNotText, vec![]),
        IssueKind::Spreadsheet(p) => match p {
            XlsxProblem::NotArchive => (Text::IssueXlsxNotArchive, vec![]),
            XlsxProblem::Unsupported(part) => (Text::IssueXlsxUnsupported, v(part)),
            XlsxProblem::Corrupt(part) => (Text::IssueXlsxCorrupt, v(part)),
            XlsxProblem::Missing(part) => (Text::IssueXlsxMissing, v(part)),
            XlsxProblem::NoSheet => (Text::IssueXlsxNoSheet, vec![]),
        },
        IssueKind::WrongEncoding(e) => {
            (if *e == "UTF-16" { Text::IssueUtf16 } else { Text::IssueNotUtf8 }, vec![])
        }
        IssueKind::AlreadyInDataset(x) => (Text::IssueAlreadyInDataset, v(x)),
        IssueKind::DuplicateRow(line) => (Text::IssueDuplicateRow, vec![line.to_string()]),
        IssueKind::BadJson(x) => (Text::IssueBadJson, vec![json_expected(*x).t(lang).to_string()]),
    };
    let what = fill(template.t(lang), &args);
    let place = match (issue.line, issue.column.is_empty()) {
        (0, _) => issue.file.clone(),
        (line, true) => fill(Text::IssueAtLine.t(lang), &[issue.file.clone(), line.to_string()]),
        (line, false) => {
            fill(Text::IssueAtCell.t(lang), &[issue.file.clone(), line.to_string(), issue.column.clone()])
        }
    };
    format!("{place}{}{what}", colon(lang))
}

/// Replaces `{1}`, `{2}` … in a template with `args`. Arguments are inserted as they are; the
/// page renders them as text, never as markup.
pub fn fill(template: &str, args: &[String]) -> String {
    // One pass over the template, so an argument that itself contains `{2}` stays as it is.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        // `get` rather than indexing: the indices come from `find`, and no panic path is needed.
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let arg = (after.as_bytes().get(digits) == Some(&b'}'))
            .then(|| after.get(..digits).and_then(|d| d.parse::<usize>().ok()))
            .flatten()
            .and_then(|n| args.get(n.wrapping_sub(1)));
        match arg {
            Some(a) => {
                out.push_str(a);
                rest = after.get(digits + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a JSON reader expected, in words.
fn json_expected(e: Expected) -> Text {
    match e {
        Expected::Value => Text::JsonValue,
        Expected::EarlyEnd => Text::JsonEarlyEnd,
        Expected::Key => Text::JsonKey,
        Expected::Colon => Text::JsonColon,
        Expected::CommaOrBrace => Text::JsonCommaOrBrace,
        Expected::CommaOrBracket => Text::JsonCommaOrBracket,
        Expected::End => Text::JsonEnd,
        Expected::Number => Text::JsonNumber,
        Expected::Fraction => Text::JsonFraction,
        Expected::Exponent => Text::JsonExponent,
        Expected::ClosingQuote => Text::JsonClosingQuote,
        Expected::NoLineBreak => Text::JsonNoLineBreak,
        Expected::Escape => Text::JsonEscape,
        Expected::Hex => Text::JsonHex,
        Expected::Surrogate => Text::JsonSurrogate,
        Expected::Utf8 => Text::JsonUtf8,
        Expected::Nesting => Text::JsonNesting,
        Expected::FiguresArray => Text::JsonFiguresArray,
        Expected::TopLevel => Text::JsonTopLevel,
        Expected::FigureObject => Text::JsonFigureObject,
        Expected::TextOrNumber => Text::JsonTextOrNumber,
        Expected::NoNul => Text::JsonNoNul,
    }
}

/// Bytes as megabytes with one decimal (`20.0`).
/// Bytes as megabytes, rounded up to one decimal, so a file just over the limit never reads as
/// the limit itself (`20.1`); whole numbers without decimals (`20`).
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn unit_keys() -> String {
    Unit::ALL.iter().map(|u| u.key()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_megabytes_round_up() {
        assert_eq!(megabytes(20 * 1024 * 1024), "20");
        assert_eq!(megabytes(20 * 1024 * 1024 + 1), "20.1");
        assert_eq!(megabytes(1), "0.1");
        assert_eq!(megabytes(0), "0");
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for text in Text::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!text.t(lang).trim().is_empty(), "{text:?} is empty in {lang:?}");
            }
            // The language switch names the other language; the marker of imported figures is a sign.
            if !matches!(text, Text::SwitchLanguage | Text::ImportedMarker) {
                assert_ne!(text.t(Lang::Zh), text.t(Lang::En), "{text:?} is not translated");
            }
        }
    }

    #[test]
    fn templates_fill_in_one_pass() {
        assert_eq!(fill("“{1}” and {2}", &["{2}".into(), "x".into()]), "“{2}” and x");
        assert_eq!(fill("{3} {x} {", &["a".into()]), "{3} {x} {");
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
