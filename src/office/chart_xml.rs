//! A DrawingML chart part (`ppt/charts/chartN.xml`) and the workbook embedded with it, from a
//! [`NativeChart`]: clustered columns or bars, or points on categories; every series with an
//! explicit colour, single-level string categories, the cached values equal to the workbook's
//! cells, gaps left empty (drawn as gaps), and per point the qualifier's data label, a hatched
//! fill for a derived value and a dashed outline for a part-year one.

use super::xlsx::{column_name, number, sheet_ref, Cell, Sheet};
use super::xml::esc;
use super::{Kind, NativeChart, Point};
use crate::chart::theme::Rgb;

/// Name of the sheet holding the drawn values.
pub const DATA_SHEET: &str = "Data";
/// Name of the sheet listing every figure with its period, qualifier, source and quote.
pub const FIGURES_SHEET: &str = "Figures";

/// Axis ids: positive, as PowerPoint requires.
const CAT_AX: u32 = 50_010;
const VAL_AX: u32 = 50_020;

pub(super) fn hex(c: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn solid(c: Rgb) -> String {
    format!("<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>", hex(c))
}

/// A text property block: size in points, colour, Latin and East Asian typefaces.
pub(super) fn run_props(lang: &str, size_pt: f64, bold: bool, color: Rgb) -> String {
    format!(
        "<a:rPr lang=\"{lang}\" sz=\"{}\" b=\"{}\">{}<a:latin typeface=\"Arial\"/><a:ea typeface=\"Noto Sans CJK SC\"/></a:rPr>",
        (size_pt * 100.0).round() as i64,
        u8::from(bold),
        solid(color)
    )
}

fn tx_pr(lang: &str, size_pt: f64, color: Rgb) -> String {
    let props = run_props(lang, size_pt, false, color)
        .replace("<a:rPr", "<a:defRPr")
        .replace("</a:rPr>", "</a:defRPr>");
    format!("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{props}</a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr>")
}

fn str_cache(f: &str, items: &[&str]) -> String {
    let mut out = format!("<c:strRef><c:f>{}</c:f><c:strCache><c:ptCount val=\"{}\"/>", esc(f), items.len());
    for (i, s) in items.iter().enumerate() {
        out.push_str(&format!("<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", esc(s)));
    }
    out.push_str("</c:strCache></c:strRef>");
    out
}

fn num_cache(f: &str, points: &[Option<Point>]) -> String {
    let mut out = format!(
        "<c:numRef><c:f>{}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"{}\"/>",
        esc(f),
        points.len()
    );
    for (i, p) in points.iter().enumerate() {
        if let Some(p) = p {
            out.push_str(&format!("<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", number(p.value)));
        }
    }
    out.push_str("</c:numCache></c:numRef>");
    out
}

/// The two sheets of the embedded workbook: the drawn values (categories down column A, one
/// column per series) and the figures behind them.
pub fn sheets(chart: &NativeChart) -> Vec<Sheet> {
    let mut header = vec![Cell::Text(chart.category_title.clone())];
    header.extend(chart.series.iter().map(|s| Cell::Text(s.name.clone())));
    let mut rows = vec![header];
    for (i, c) in chart.categories.iter().enumerate() {
        let mut row = vec![Cell::Text(c.clone())];
        for s in &chart.series {
            row.push(match s.points.get(i) {
                Some(Some(p)) => Cell::Number(p.value),
                _ => Cell::Empty,
            });
        }
        rows.push(row);
    }
    let figures = chart.figures.iter().map(|r| r.iter().map(|t| Cell::Text(t.clone())).collect()).collect();
    vec![Sheet { name: DATA_SHEET.into(), rows }, Sheet { name: FIGURES_SHEET.into(), rows: figures }]
}

/// The chart part's XML. `lang` is the language tag of its text (`zh-CN`, `en-US`).
pub fn chart_xml(chart: &NativeChart, lang: &str, text: Rgb, grid: Rgb) -> String {
    let sheet = sheet_ref(DATA_SHEET);
    let n = chart.categories.len();
    let cats: Vec<&str> = chart.categories.iter().map(String::as_str).collect();
    let cat_ref = format!("{sheet}!$A$2:$A${}", n + 1);
    let mut series = String::new();
    for (si, s) in chart.series.iter().enumerate() {
        let col = column_name(si + 1);
        let mut x = format!("<c:ser><c:idx val=\"{si}\"/><c:order val=\"{si}\"/>");
        x.push_str(&format!("<c:tx>{}</c:tx>", str_cache(&format!("{sheet}!${col}$1"), &[s.name.as_str()])));
        let (ser_sp, marker) = match chart.kind {
            Kind::Points => (
                "<c:spPr><a:ln w=\"28575\"><a:noFill/></a:ln></c:spPr>".to_string(),
                format!(
                    "<c:marker><c:symbol val=\"circle\"/><c:size val=\"8\"/><c:spPr>{}<a:ln w=\"9525\">{}</a:ln></c:spPr></c:marker>",
                    solid(s.color),
                    solid(s.color)
                ),
            ),
            Kind::Columns | Kind::Bars => (format!("<c:spPr>{}</c:spPr>", solid(s.color)), String::new()),
        };
        x.push_str(&ser_sp);
        if chart.kind == Kind::Points {
            x.push_str(&marker);
        } else {
            x.push_str("<c:invertIfNegative val=\"0\"/>");
        }
        // Points drawn differently from the series: hatched (derived), dashed (part-year), hollow.
        for (pi, p) in s.points.iter().enumerate() {
            let Some(p) = p else { continue };
            if !(p.style.hatched || p.style.dashed || p.style.hollow) {
                continue;
            }
            let fill = if p.style.hollow {
                "<a:noFill/>".to_string()
            } else if p.style.hatched {
                format!(
                    "<a:pattFill prst=\"wdUpDiag\"><a:fgClr><a:srgbClr val=\"{}\"/></a:fgClr><a:bgClr><a:srgbClr val=\"FFFFFF\"/></a:bgClr></a:pattFill>",
                    hex(s.color)
                )
            } else {
                solid(s.color)
            };
            let dash = if p.style.dashed { "<a:prstDash val=\"dash\"/>" } else { "" };
            let line = format!("<a:ln w=\"19050\">{}{dash}</a:ln>", solid(s.color));
            x.push_str(&format!("<c:dPt><c:idx val=\"{pi}\"/>"));
            match chart.kind {
                Kind::Points => x.push_str(&format!(
                    "<c:marker><c:symbol val=\"circle\"/><c:size val=\"8\"/><c:spPr>{fill}{line}</c:spPr></c:marker><c:bubble3D val=\"0\"/>"
                )),
                Kind::Columns | Kind::Bars => x.push_str(&format!(
                    "<c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr>{fill}{line}</c:spPr>"
                )),
            }
            x.push_str("</c:dPt>");
        }
        // Data labels: each point's own text, with its qualifier words.
        x.push_str("<c:dLbls>");
        for (pi, p) in s.points.iter().enumerate() {
            let Some(p) = p else { continue };
            x.push_str(&format!(
                "<c:dLbl><c:idx val=\"{pi}\"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r>{}<a:t>{}</a:t></a:r></a:p></c:rich></c:tx>\
                 <c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbl>",
                run_props(lang, 10.0, false, text),
                esc(&p.label)
            ));
        }
        x.push_str(&format!(
            "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>",
            tx_pr(lang, 10.0, text)
        ));
        x.push_str(&format!("<c:cat>{}</c:cat>", str_cache(&cat_ref, &cats)));
        x.push_str(&format!(
            "<c:val>{}</c:val>",
            num_cache(&format!("{sheet}!${col}$2:${col}${}", n + 1), &s.points)
        ));
        if chart.kind == Kind::Points {
            x.push_str("<c:smooth val=\"0\"/>");
        }
        x.push_str("</c:ser>");
        series.push_str(&x);
    }
    let axes_ids = format!("<c:axId val=\"{CAT_AX}\"/><c:axId val=\"{VAL_AX}\"/>");
    let plot = match chart.kind {
        Kind::Columns | Kind::Bars => format!(
            "<c:barChart><c:barDir val=\"{}\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>{series}<c:gapWidth val=\"60\"/>{axes_ids}</c:barChart>",
            if chart.kind == Kind::Bars { "bar" } else { "col" }
        ),
        Kind::Points => format!(
            "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>{series}<c:marker val=\"1\"/>{axes_ids}</c:lineChart>"
        ),
    };
    let (cat_pos, val_pos) = if chart.kind == Kind::Bars { ("l", "b") } else { ("b", "l") };
    let line = |c: Rgb| format!("<c:spPr><a:ln w=\"9525\">{}</a:ln></c:spPr>", solid(c));
    let title = if chart.axis_title.is_empty() {
        String::new()
    } else {
        format!(
            "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r>{}<a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>",
            run_props(lang, 10.0, false, text),
            esc(&chart.axis_title)
        )
    };
    // Bars read top to bottom in category order.
    let cat_orient = if chart.kind == Kind::Bars { "maxMin" } else { "minMax" };
    let cat_ax = format!(
        "<c:catAx><c:axId val=\"{CAT_AX}\"/><c:scaling><c:orientation val=\"{cat_orient}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{cat_pos}\"/>\
         <c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}{}\
         <c:crossAx val=\"{VAL_AX}\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>",
        line(grid),
        tx_pr(lang, 10.0, text)
    );
    let val_ax = format!(
        "<c:valAx><c:axId val=\"{VAL_AX}\"/><c:scaling><c:orientation val=\"minMax\"/>{}<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{val_pos}\"/>\
         <c:majorGridlines>{}</c:majorGridlines>{title}<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/>\
         <c:tickLblPos val=\"nextTo\"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{}<c:crossAx val=\"{CAT_AX}\"/><c:crosses val=\"{}\"/><c:crossBetween val=\"between\"/></c:valAx>",
        chart.max.map(|m| format!("<c:max val=\"{}\"/>", number(m))).unwrap_or_default(),
        line(grid),
        tx_pr(lang, 10.0, text),
        if chart.kind == Kind::Bars { "max" } else { "autoZero" }
    );
    let legend = if chart.series.len() > 1 {
        format!(
            "<c:legend><c:legendPos val=\"t\"/><c:overlay val=\"0\"/>{}</c:legend>",
            tx_pr(lang, 11.0, text)
        )
    } else {
        String::new()
    };
    format!(
        "{}<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:date1904 val=\"0\"/><c:lang val=\"{lang}\"/><c:roundedCorners val=\"0\"/>\
         <c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>{plot}{cat_ax}{val_ax}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>{legend}\
         <c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}\
         <c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>",
        super::xml::HEADER,
        tx_pr(lang, 10.0, text)
    )
}
