//! Sources as the chart names them: the source line, GB/T 7714-style citations, the name of
//! an imported file.

use crate::data::{Dataset, Source, IMPORTED_SOURCE_PREFIX};
use crate::i18n::{fill, Lang, Text};

/// The file an imported figure came from: its source's title, else the key after `file:`.
pub fn imported_file_name<'s>(key: &'s str, source: Option<&'s Source>) -> &'s str {
    match source.map(|s| s.title.trim()) {
        Some(title) if !title.is_empty() => title,
        _ => key.strip_prefix(IMPORTED_SOURCE_PREFIX).unwrap_or(key),
    }
}

/// A source as the source line names it: the publisher and the year (`重庆市人民政府 2024`), or,
/// for an imported file, `导入文件 regions.csv` / `Imported file regions.csv`.
pub fn source_name(ds: &Dataset, key: &str, lang: Lang) -> Option<String> {
    let s = ds.source(key);
    if key.starts_with(IMPORTED_SOURCE_PREFIX) {
        return Some(fill(Text::ImportedFile.t(lang), &[imported_file_name(key, s).to_string()]));
    }
    let s = s?;
    let publisher = s.publisher.split(" (").next().unwrap_or(&s.publisher).trim();
    let year = s.date.get(..4).unwrap_or("");
    Some(if year.is_empty() { publisher.to_string() } else { format!("{publisher} {year}") })
}

pub fn source_line(ds: &Dataset, keys: &[String], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for k in keys {
        let Some(part) = source_name(ds, k, lang) else { continue };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    match lang {
        Lang::Zh => format!("{}：{}", Text::SourceLabel.t(lang), parts.join("；")),
        Lang::En => format!("{}: {}", Text::SourceLabel.t(lang), parts.join("; ")),
    }
}

/// GB/T 7714-style references for electronic resources: `[n] 责任者. 题名[EB/OL]. (日期).`
/// An imported file is cited by its name only (`[2] 导入文件 regions.csv.`): it has no publisher,
/// title or date, and it is not an online resource.
pub fn citation(ds: &Dataset, keys: &[String]) -> String {
    let refs: Vec<String> = keys
        .iter()
        .filter_map(|k| {
            if k.starts_with(IMPORTED_SOURCE_PREFIX) {
                return source_name(ds, k, Lang::Zh).map(|name| format!("{name}."));
            }
            let s = ds.source(k)?;
            let publisher = s.publisher.split(" (").next().unwrap_or(&s.publisher).trim();
            let date = if s.date.is_empty() { String::new() } else { format!(" ({}).", s.date) };
            Some(format!("{publisher}. {}[EB/OL].{date}", s.title.trim()))
        })
        .enumerate()
        .map(|(i, r)| format!("[{}] {r}", i + 1))
        .collect();
    format!("{}：{}", Text::SourceLabel.t(Lang::Zh), refs.join(" "))
}
