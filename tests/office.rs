//! The office writer on a hand-made deck: the package's parts are where office suites look for
//! them, and the chart's cached values equal its workbook's cells.

#![cfg(not(target_arch = "wasm32"))]

use ftz_atlas::chart::theme::Rgb;
use ftz_atlas::office::{pptx, Body, ChartSeries, Deck, Kind, NativeChart, Point, PointStyle, Slide};

fn sample() -> Deck {
    let p = |v: f64, label: &str, style: PointStyle| Some(Point { value: v, label: label.into(), style });
    let chart = NativeChart {
        kind: Kind::Columns,
        category_title: "年份".into(),
        categories: vec!["2021".into(), "2022".into(), "2023".into()],
        series: vec![ChartSeries {
            name: "新能源汽车出口".into(),
            color: Rgb(0x1f, 0x5f, 0x9e),
            points: vec![
                None,
                p(1.4, "≈1.4万", PointStyle { hatched: true, ..Default::default() }),
                p(2.7, "2.7万", PointStyle::default()),
            ],
        }],
        axis_title: "万辆".into(),
        max: None,
        figures: vec![vec!["id".into(), "period".into()], vec!["ftz_nev_2023".into(), "2023".into()]],
    };
    Deck {
        title: "样例".into(),
        lang: "zh-CN".into(),
        background: Rgb(255, 255, 255),
        text: Rgb(0x1a, 0x1a, 0x1a),
        muted: Rgb(0x5c, 0x5c, 0x5c),
        grid: Rgb(0xe4, 0xe4, 0xe4),
        slides: vec![
            Slide {
                title: "新能源汽车出口".into(),
                subtitle: "自贸试验区".into(),
                body: Body::Chart(chart),
                footer: vec!["来源：重庆市人民政府 2024".into()],
                alt: "2022年约1.4万辆（推算），2023年2.7万辆".into(),
            },
            Slide {
                title: "来源".into(),
                subtitle: String::new(),
                body: Body::Lines(vec!["[1] 重庆市人民政府. 报告[EB/OL]. (2024-06-27).".into()]),
                footer: vec![],
                alt: String::new(),
            },
        ],
    }
}

#[test]
fn a_sample_deck_is_written() {
    let bytes = match pptx::write(&sample()) {
        Ok(b) => b,
        Err(e) => panic!("not written: {e:?}"),
    };
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("sample.pptx");
    assert!(std::fs::write(&path, &bytes).is_ok());
    let text = String::from_utf8_lossy(&bytes);
    for part in
        ["ppt/charts/chart1.xml", "ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx", "docProps/app.xml"]
    {
        assert!(text.contains(part), "{part} missing");
    }
}

mod from_charts {
    use ftz_atlas::chart::model::Mark;
    use ftz_atlas::chart::theme::LIGHT;
    use ftz_atlas::chart::{build, catalog, ChartModel, PanelModel};
    use ftz_atlas::data::Dataset;
    use ftz_atlas::i18n::Lang;
    use ftz_atlas::office::deck::{chart_slides, full_deck};
    use ftz_atlas::office::{Body, Kind};

    fn models(lang: Lang) -> Vec<ChartModel> {
        let ds = Dataset::embedded().unwrap_or_default();
        assert!(ds.figures.len() > 50);
        catalog::all().iter().map(|s| build(&ds, s, lang)).collect()
    }

    /// Every mark a panel draws, with the kind of native chart it should become.
    fn marks(p: &PanelModel) -> (Option<Kind>, Vec<&Mark>) {
        match p {
            PanelModel::Columns(c) => (Some(Kind::Columns), c.cells.iter().flatten().flatten().collect()),
            PanelModel::Timeline(t) => {
                (Some(Kind::Points), t.points.iter().map(|(_, m)| m).chain(&t.undated).collect())
            }
            PanelModel::Bars(b) => (
                Some(Kind::Bars),
                b.rows
                    .iter()
                    .flat_map(|r| {
                        std::iter::once(&r.mark)
                            .chain(&r.total)
                            .chain(&r.conflicts)
                            .chain(r.inner.iter().map(|(_, m)| m))
                    })
                    .collect(),
            ),
            PanelModel::DotRows(d) => (Some(Kind::Points), d.rows.iter().flat_map(|r| &r.marks).collect()),
            PanelModel::Matrix(_) | PanelModel::SideBySide(_) | PanelModel::ScopeSeries(_) => {
                (None, Vec::new())
            }
        }
    }

    #[test]
    fn each_panel_is_a_native_chart_of_exactly_its_marks_or_a_picture() {
        for lang in [Lang::Zh, Lang::En] {
            for m in models(lang) {
                let mut asked = Vec::new();
                let slides = chart_slides(&m, &LIGHT, &mut |i| {
                    asked.push(i);
                    None
                });
                assert_eq!(slides.len(), m.panels.len(), "{:?}", m.id);
                for (i, (panel, slide)) in m.panels.iter().zip(&slides).enumerate() {
                    assert_eq!(slide.title, m.title);
                    assert!(!slide.alt.is_empty(), "{:?} panel {i}: no alt text", m.id);
                    assert!(slide.footer.contains(&m.citation), "{:?} panel {i}: no sources", m.id);
                    let (kind, drawn) = marks(panel);
                    match (&slide.body, kind) {
                        (Body::Chart(c), Some(k)) => {
                            assert_eq!(c.kind, k, "{:?} panel {i}", m.id);
                            // Each mark once, at its value in the display unit, with its label;
                            // a derived one hatched, a part-year one dashed.
                            let mut points: Vec<(String, f64, String, bool, bool)> = Vec::new();
                            for row in c.figures.iter().skip(1) {
                                let (s, cat) = (&row[1], &row[2]);
                                let si = c.series.iter().position(|x| x.name == *s);
                                let ci = c.categories.iter().position(|x| x == cat);
                                let p = si.zip(ci).and_then(|(si, ci)| c.series[si].points[ci].clone());
                                let Some(p) = p else { panic!("{:?} panel {i}: {row:?} not drawn", m.id) };
                                points.push((
                                    row[0].clone(),
                                    p.value,
                                    p.label,
                                    p.style.hatched,
                                    p.style.dashed,
                                ));
                            }
                            let mut want: Vec<(String, f64, String, bool, bool)> = drawn
                                .iter()
                                .map(|k| {
                                    (k.figure.clone(), k.value(), k.label.clone(), k.derived, k.partial())
                                })
                                .collect();
                            points.sort_by(|a, b| a.0.cmp(&b.0));
                            want.sort_by(|a, b| a.0.cmp(&b.0));
                            assert_eq!(points, want, "{:?} panel {i}", m.id);
                            // A gap is no point at all, never a zero.
                            let cells: usize =
                                c.series.iter().map(|s| s.points.iter().flatten().count()).sum();
                            assert_eq!(cells, drawn.len(), "{:?} panel {i}", m.id);
                        }
                        (Body::Lines(_), None) => assert!(asked.contains(&i), "{:?} panel {i}", m.id),
                        (b, k) => panic!("{:?} panel {i}: {k:?} became {b:?}", m.id),
                    }
                }
            }
        }
    }

    #[test]
    fn the_deck_holds_every_chart_and_every_figure_with_its_source() {
        for lang in [Lang::Zh, Lang::En] {
            let ms = models(lang);
            let deck = full_deck(&ms, lang, &LIGHT, "http://127.0.0.1/", &mut |_, _| None);
            let panels: usize = ms.iter().map(|m| m.panels.len()).sum();
            let sources: Vec<&str> = deck
                .slides
                .iter()
                .filter_map(|s| match &s.body {
                    Body::Lines(l) if s.title != deck.title => Some(l.iter().map(String::as_str)),
                    _ => None,
                })
                .flatten()
                .collect();
            assert!(deck.slides.len() > panels + 1, "{} slides for {panels} panels", deck.slides.len());
            for m in &ms {
                for d in &m.details {
                    assert!(
                        sources.iter().any(|l| l.contains(&d.quote) && l.contains(&d.value)),
                        "{:?}: {} is not on the sources slides",
                        m.id,
                        d.figure
                    );
                }
            }
            assert!(ftz_atlas::office::pptx::write(&deck).is_ok());
        }
    }
}

/// The page hands decks to the PowerPoint module as bytes (`office::wire`): every deck the page
/// can make comes back equal, and so does its `.pptx`; damaged bytes are an error, not a panic.
mod wire {
    use ftz_atlas::chart::theme::{DARK, LIGHT};
    use ftz_atlas::chart::{build, catalog};
    use ftz_atlas::data::Dataset;
    use ftz_atlas::i18n::Lang;
    use ftz_atlas::office::deck::full_deck;
    use ftz_atlas::office::wire::{decode, encode};
    use ftz_atlas::office::{pptx, Body};

    #[test]
    fn every_deck_round_trips_and_writes_the_same_file() {
        let ds = Dataset::embedded().unwrap_or_default();
        for (lang, palette) in [(Lang::Zh, &LIGHT), (Lang::En, &DARK)] {
            let models: Vec<_> = catalog::all().iter().map(|s| build(&ds, s, lang)).collect();
            // A picture stands in for what the page rasterizes.
            let picture = |_: usize, _: usize| {
                Some(ftz_atlas::office::deck::Picture { png: vec![0x89, b'P', 0, 255], width: 7, height: 3 })
            };
            let deck = full_deck(&models, lang, palette, "https://example.org/?lang=en", &mut { picture });
            assert!(deck.slides.iter().any(|s| matches!(s.body, Body::Picture { .. })));
            assert!(deck.slides.iter().any(|s| matches!(s.body, Body::Chart(_))));
            let bytes = encode(&deck);
            assert_eq!(decode(&bytes).as_ref(), Ok(&deck));
            assert!(pptx::write(&decode(&bytes).unwrap_or_else(|e| panic!("{e:?}"))).is_ok());
        }
    }

    #[test]
    fn the_sample_with_gaps_and_styles_round_trips() {
        let deck = super::sample();
        assert_eq!(decode(&encode(&deck)), Ok(deck));
    }

    #[test]
    fn damaged_bytes_are_an_error() {
        let bytes = encode(&super::sample());
        // Every cut, and every single changed byte, decodes to an error or to some deck: never a
        // panic or an allocation past the input.
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "cut at {n} decoded");
        }
        for i in 0..bytes.len() {
            for v in [0u8, 1, 0x7f, 0xff] {
                let mut b = bytes.clone();
                b[i] = v;
                let _ = decode(&b);
            }
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert!(decode(b"FTZD9").is_err());
    }
}
