//! A PresentationML package (`.pptx`) from a [`Deck`]: one blank layout and master, a theme,
//! the document and presentation properties office suites expect, and per slide its text boxes
//! and a native chart (with its embedded workbook) or a picture.

use super::chart_xml::{chart_xml, hex, run_props, sheets};
use super::parts::NS;
use super::xml::{content_types, esc, rels, DEFAULT_TYPES, HEADER};
use super::zip::{Zip, ZipError};
use super::{Body, Deck, Slide};
use crate::chart::theme::Rgb;

/// Slide size, 16:9, in EMU (914,400 per inch).
pub const SLIDE_W: i64 = 12_192_000;
pub const SLIDE_H: i64 = 6_858_000;
const MARGIN: i64 = 457_200;
const TITLE_PT: f64 = 26.0;
const SUBTITLE_PT: f64 = 15.0;
const FOOTER_PT: f64 = 10.0;
const LINES_PT: f64 = 12.0;

const PML: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// EMU a line of text of `pt` points takes (1.2 line height).
fn line_h(pt: f64) -> i64 {
    (pt * 1.2 * 12_700.0).round() as i64
}

/// Lines `text` wraps to in a box `width` EMU wide at `pt` points: CJK characters a full em,
/// others about half of one.
pub fn wrapped_lines(text: &str, pt: f64, width: i64) -> i64 {
    let em = pt * 12_700.0;
    let w: f64 = text.chars().map(|c| if (c as u32) >= 0x2E80 { em } else { em * 0.55 }).sum();
    ((w / width as f64).ceil() as i64).max(1)
}

/// A shape's frame: `(x, y, width, height)` in EMU.
type Frame = (i64, i64, i64, i64);

fn xfrm(tag: &str, (x, y, w, h): Frame) -> String {
    format!("<{tag}><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></{tag}>")
}

/// A text box of paragraphs, each `(text, points, bold, colour)`.
fn text_box(
    id: usize,
    name: &str,
    frame: Frame,
    lang: &str,
    paragraphs: &[(&str, f64, bool, Rgb)],
) -> String {
    let mut body = String::new();
    for (text, pt, bold, color) in paragraphs {
        body.push_str(&format!(
            "<a:p><a:r>{}<a:t>{}</a:t></a:r></a:p>",
            run_props(lang, *pt, *bold, *color),
            esc(text)
        ));
    }
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
         <p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>",
        esc(name),
        xfrm("a:xfrm", frame)
    )
}

/// Where the title, subtitle, body and footer of a slide go.
pub struct SlideBoxes {
    pub title: Frame,
    pub subtitle: Frame,
    pub body: Frame,
    pub footer: Frame,
}

/// The boxes of `slide`: the footer as tall as its wrapped lines, the body what is left.
pub fn boxes(slide: &Slide) -> SlideBoxes {
    let w = SLIDE_W - 2 * MARGIN;
    let title_h = line_h(TITLE_PT) * wrapped_lines(&slide.title, TITLE_PT, w);
    let title = (MARGIN, MARGIN * 2 / 3, w, title_h);
    let sub_h = if slide.subtitle.is_empty() {
        0
    } else {
        line_h(SUBTITLE_PT) * wrapped_lines(&slide.subtitle, SUBTITLE_PT, w)
    };
    let subtitle = (MARGIN, title.1 + title_h + 60_000, w, sub_h);
    let footer_lines: i64 = slide.footer.iter().map(|l| wrapped_lines(l, FOOTER_PT, w)).sum();
    let footer_h = line_h(FOOTER_PT) * footer_lines;
    let footer = (MARGIN, SLIDE_H - MARGIN / 2 - footer_h, w, footer_h);
    let top = subtitle.1 + sub_h + 180_000;
    let body = (MARGIN, top, w, (footer.1 - 120_000 - top).max(line_h(LINES_PT)));
    SlideBoxes { title, subtitle, body, footer }
}

/// The parts of one slide: its XML and its relationships (`rId1` is the layout).
fn slide_xml(deck: &Deck, slide: &Slide, chart_rel: Option<&str>, image_rel: Option<&str>) -> String {
    let b = boxes(slide);
    let lang = deck.lang.as_str();
    let mut shapes = text_box(2, "Title", b.title, lang, &[(&slide.title, TITLE_PT, true, deck.text)]);
    if !slide.subtitle.is_empty() {
        shapes.push_str(&text_box(
            3,
            "Subtitle",
            b.subtitle,
            lang,
            &[(&slide.subtitle, SUBTITLE_PT, false, deck.muted)],
        ));
    }
    let descr = esc(&slide.alt);
    match &slide.body {
        Body::Chart(_) => {
            if let Some(rel) = chart_rel {
                shapes.push_str(&format!(
                    "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"Chart\" descr=\"{descr}\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>{}\
                     <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">\
                     <c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"{rel}\"/></a:graphicData></a:graphic></p:graphicFrame>",
                    xfrm("p:xfrm", b.body)
                ));
            }
        }
        Body::Picture { width, height, .. } => {
            if let Some(rel) = image_rel {
                // Fit the picture in the body box, keeping its proportions, centred.
                let (bx, by, bw, bh) = b.body;
                let (pw, ph) = (f64::from((*width).max(1)), f64::from((*height).max(1)));
                let scale = (bw as f64 / pw).min(bh as f64 / ph);
                let (w, h) = ((pw * scale) as i64, (ph * scale) as i64);
                let frame = (bx + (bw - w) / 2, by + (bh - h) / 2, w, h);
                shapes.push_str(&format!(
                    "<p:pic><p:nvPicPr><p:cNvPr id=\"4\" name=\"Picture\" descr=\"{descr}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
                     <p:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
                     <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
                    xfrm("a:xfrm", frame)
                ));
            }
        }
        Body::Lines(lines) => {
            // A short list (the title slide's charts) in a reading size; the sources smaller.
            let short = lines.len() <= 8 && lines.iter().all(|l| l.chars().count() <= 60);
            let pt = if short { 2.0 * LINES_PT } else { LINES_PT };
            let paragraphs: Vec<(&str, f64, bool, Rgb)> =
                lines.iter().map(|l| (l.as_str(), pt, false, deck.text)).collect();
            shapes.push_str(&text_box(4, "Text", b.body, lang, &paragraphs));
        }
    }
    if !slide.footer.is_empty() {
        let paragraphs: Vec<(&str, f64, bool, Rgb)> =
            slide.footer.iter().map(|l| (l.as_str(), FOOTER_PT, false, deck.muted)).collect();
        shapes.push_str(&text_box(5, "Sources", b.footer, lang, &paragraphs));
    }
    format!(
        "{HEADER}<p:sld {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>\
         <p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
         <p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>\
         {shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        hex(deck.background)
    )
}

/// The `.pptx` file of `deck`.
pub fn write(deck: &Deck) -> Result<Vec<u8>, ZipError> {
    let mut z = Zip::new();
    let mut overrides: Vec<(String, String)> = vec![
        ("/ppt/presentation.xml".into(), format!("{PML}.presentation.main+xml")),
        ("/ppt/slideMasters/slideMaster1.xml".into(), format!("{PML}.slideMaster+xml")),
        ("/ppt/slideLayouts/slideLayout1.xml".into(), format!("{PML}.slideLayout+xml")),
        ("/ppt/theme/theme1.xml".into(), "application/vnd.openxmlformats-officedocument.theme+xml".into()),
        ("/ppt/presProps.xml".into(), format!("{PML}.presProps+xml")),
        ("/ppt/viewProps.xml".into(), format!("{PML}.viewProps+xml")),
        ("/ppt/tableStyles.xml".into(), format!("{PML}.tableStyles+xml")),
        ("/docProps/core.xml".into(), "application/vnd.openxmlformats-package.core-properties+xml".into()),
        (
            "/docProps/app.xml".into(),
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ),
    ];
    let mut pres_rels =
        vec![("rId1".to_string(), "slideMaster", "slideMasters/slideMaster1.xml".to_string())];
    let mut slide_ids = String::new();
    let (mut charts, mut images) = (0, 0);
    for (i, slide) in deck.slides.iter().enumerate() {
        let n = i + 1;
        let mut slide_rels =
            vec![("rId1".to_string(), "slideLayout", "../slideLayouts/slideLayout1.xml".to_string())];
        let (mut chart_rel, mut image_rel) = (None, None);
        match &slide.body {
            Body::Chart(chart) => {
                charts += 1;
                let xml = chart_xml(chart, &deck.lang, deck.text, deck.grid);
                let book = super::xlsx::workbook(&sheets(chart))?;
                let book_name = format!("Microsoft_Excel_Worksheet{charts}.xlsx");
                z.add(&format!("ppt/charts/chart{charts}.xml"), xml.as_bytes())?;
                z.add(
                    &format!("ppt/charts/_rels/chart{charts}.xml.rels"),
                    rels(&[("rId1".into(), "package", format!("../embeddings/{book_name}"))]).as_bytes(),
                )?;
                z.add(&format!("ppt/embeddings/{book_name}"), &book)?;
                overrides.push((
                    format!("/ppt/charts/chart{charts}.xml"),
                    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml".into(),
                ));
                slide_rels.push(("rId2".into(), "chart", format!("../charts/chart{charts}.xml")));
                chart_rel = Some("rId2");
            }
            Body::Picture { png, .. } => {
                images += 1;
                z.add(&format!("ppt/media/image{images}.png"), png)?;
                slide_rels.push(("rId2".into(), "image", format!("../media/image{images}.png")));
                image_rel = Some("rId2");
            }
            Body::Lines(_) => {}
        }
        z.add(&format!("ppt/slides/slide{n}.xml"), slide_xml(deck, slide, chart_rel, image_rel).as_bytes())?;
        z.add(&format!("ppt/slides/_rels/slide{n}.xml.rels"), rels(&slide_rels).as_bytes())?;
        overrides.push((format!("/ppt/slides/slide{n}.xml"), format!("{PML}.slide+xml")));
        pres_rels.push((format!("rId{}", n + 1), "slide", format!("slides/slide{n}.xml")));
        slide_ids.push_str(&format!("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 255 + n, n + 1));
    }
    let k = deck.slides.len() + 2;
    for (j, (kind, target)) in [
        ("theme", "theme/theme1.xml"),
        ("presProps", "presProps.xml"),
        ("viewProps", "viewProps.xml"),
        ("tableStyles", "tableStyles.xml"),
    ]
    .into_iter()
    .enumerate()
    {
        pres_rels.push((format!("rId{}", k + j), kind, target.to_string()));
    }
    let presentation = format!(
        "{HEADER}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx=\"{SLIDE_W}\" cy=\"{SLIDE_H}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
    );
    let mut defaults = DEFAULT_TYPES.to_vec();
    defaults.push(("png", "image/png"));
    defaults.push(("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    z.add("[Content_Types].xml", content_types(&defaults, &overrides).as_bytes())?;
    z.add(
        "_rels/.rels",
        rels(&[
            ("rId1".into(), "officeDocument", "ppt/presentation.xml".into()),
            (
                "rId2".into(),
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml".into(),
            ),
            ("rId3".into(), "extended-properties", "docProps/app.xml".into()),
        ])
        .as_bytes(),
    )?;
    z.add(
        "docProps/core.xml",
        format!(
            "{HEADER}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>FTZ Atlas</dc:creator><dc:language>{}</dc:language></cp:coreProperties>",
            esc(&deck.title),
            esc(&deck.lang)
        )
        .as_bytes(),
    )?;
    z.add(
        "docProps/app.xml",
        format!(
            "{HEADER}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>FTZ Atlas</Application><Slides>{}</Slides></Properties>",
            deck.slides.len()
        )
        .as_bytes(),
    )?;
    z.add("ppt/presentation.xml", presentation.as_bytes())?;
    z.add("ppt/_rels/presentation.xml.rels", rels(&pres_rels).as_bytes())?;
    for (name, text) in super::parts::FIXED {
        z.add(name, text.as_bytes())?;
    }
    z.finish()
}
