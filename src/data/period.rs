//! Periods a figure can refer to: a year, a span of months, an as-of date, a date it was stated
//! (data year unknown), or nothing at all. Parsed from the `period` column; see
//! `assets/data/README.md` for the grammar.

use serde::Serialize;

/// A date with optional month and day (`2018`, `2018-12`, `2020-03-31`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parse_num::<i32>(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(parse_num::<u8>(m, 2).filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_num::<u8>(d, 2).filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        if parts.next().is_some() || !(1900..=2100).contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Position on a continuous year axis: the middle of the year, month or day.
    pub fn year_fraction(&self) -> f64 {
        let y = f64::from(self.year);
        match (self.month, self.day) {
            (None, _) => y + 0.5,
            (Some(m), None) => y + (f64::from(m) - 0.5) / 12.0,
            (Some(m), Some(d)) => y + (f64::from(m) - 1.0 + (f64::from(d) - 0.5) / 31.0) / 12.0,
        }
    }

    /// ISO-like text (`2020-03-31`).
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{}", self.year),
            (Some(m), None) => format!("{}-{:02}", self.year, m),
            (Some(m), Some(d)) => format!("{}-{:02}-{:02}", self.year, m, d),
        }
    }
}

fn parse_num<T: std::str::FromStr>(text: &str, width: usize) -> Option<T> {
    if text.len() == width && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// The period a figure refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A span of months, both ends inclusive: a part-year within one year, else a cumulative span.
    Span { start: Date, end: Date },
    /// A cumulative count or a state as of a date (`approx`: the date is itself approximate).
    AsOf { date: Date, approx: bool },
    /// The data year is not given; `Stated` holds the date of the statement.
    Stated(Date),
    /// Neither the data year nor the statement date is known.
    Undated,
}

impl Period {
    /// Parses the `period` column. `None` when the text does not follow the grammar.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        if text == "undated" {
            return Some(Period::Undated);
        }
        if let Some(rest) = text.strip_prefix("asof:") {
            let (approx, rest) = match rest.strip_prefix('~') {
                Some(r) => (true, r),
                None => (false, rest),
            };
            return Date::parse(rest).map(|date| Period::AsOf { date, approx });
        }
        if let Some(rest) = text.strip_prefix("stated:") {
            return Date::parse(rest).map(Period::Stated);
        }
        if let Some((a, b)) = text.split_once("..") {
            let start = Date::parse(a)?;
            let end = Date::parse(b)?;
            let monthly = start.month.is_some() && end.month.is_some();
            let no_days = start.day.is_none() && end.day.is_none();
            return (monthly && no_days && start < end).then_some(Period::Span { start, end });
        }
        let date = Date::parse(text)?;
        (date.month.is_none()).then_some(Period::Year(date.year))
    }

    /// The period in the `period` column's grammar: `Period::parse(&p.key()) == Some(p)`.
    pub fn key(&self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Span { start, end } => format!("{}..{}", start.iso(), end.iso()),
            Period::AsOf { date, approx } => format!("asof:{}{}", if *approx { "~" } else { "" }, date.iso()),
            Period::Stated(date) => format!("stated:{}", date.iso()),
            Period::Undated => "undated".to_string(),
        }
    }

    /// The calendar year a figure belongs to on a year axis, if it belongs to exactly one:
    /// a year, or a part-year span within one year.
    pub fn single_year(&self) -> Option<i32> {
        match self {
            Period::Year(y) => Some(*y),
            Period::Span { start, end } if start.year == end.year => Some(start.year),
            _ => None,
        }
    }

    /// True for a span of months inside one year that does not cover the whole year.
    pub fn is_part_year(&self) -> bool {
        matches!(self, Period::Span { start, end }
            if start.year == end.year && !(start.month == Some(1) && end.month == Some(12)))
    }

    /// True when the data year is not known (stated-on date or undated).
    pub fn year_unknown(&self) -> bool {
        matches!(self, Period::Stated(_) | Period::Undated)
    }

    /// A cumulative span (months across more than one year, `2017-04..2020-09`) on a
    /// continuous year axis: from the start of its first month to the end of its last. `None`
    /// for anything else, a part-year included.
    pub fn cumulative_years(&self) -> Option<(f64, f64)> {
        match self {
            Period::Span { start, end } if start.year != end.year => {
                let at = |d: &Date, months: u8| {
                    f64::from(d.year) + f64::from(d.month.unwrap_or(1) - 1 + months) / 12.0
                };
                Some((at(start, 0), at(end, 1)))
            }
            _ => None,
        }
    }

    /// Position on a continuous year axis (`None` for undated figures).
    pub fn x_position(&self) -> Option<f64> {
        match self {
            Period::Year(y) => Some(f64::from(*y) + 0.5),
            Period::Span { end, .. } => Some(end.year_fraction()),
            Period::AsOf { date, .. } | Period::Stated(date) => Some(date.year_fraction()),
            Period::Undated => None,
        }
    }

    /// A sort key: figures with later periods sort later; undated last.
    pub fn sort_key(&self) -> (i32, f64) {
        match self.x_position() {
            Some(x) => (0, x),
            None => (1, 0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap_or(Date { year: 0, month: None, day: None })
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(Period::parse("2023"), Some(Period::Year(2023)));
        assert_eq!(
            Period::parse("2025-01..2025-10"),
            Some(Period::Span { start: d("2025-01"), end: d("2025-10") })
        );
        assert_eq!(Period::parse("asof:~2021-12"), Some(Period::AsOf { date: d("2021-12"), approx: true }));
        assert_eq!(Period::parse("stated:2018-12"), Some(Period::Stated(d("2018-12"))));
        assert_eq!(Period::parse("undated"), Some(Period::Undated));
    }

    #[test]
    fn rejects_malformed_periods() {
        for bad in [
            "",
            "23",
            "2023-13",
            "2023-1",
            "2025-10..2025-01",
            "asof:",
            "stated:2020-02-40",
            "2019-04",
            "c. 2023",
            "2023..2024",
            "2023-01-01..2023-02-01",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad:?} should not parse");
        }
    }

    #[test]
    fn part_year_and_single_year() {
        let p = Period::parse("2025-01..2025-10");
        assert_eq!(p.map(|p| p.is_part_year()), Some(true));
        assert_eq!(p.and_then(|p| p.single_year()), Some(2025));
        let cum = Period::parse("2017-04..2019-04");
        assert_eq!(cum.and_then(|p| p.single_year()), None);
        assert_eq!(cum.map(|p| p.is_part_year()), Some(false));
    }
}
