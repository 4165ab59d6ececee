//! The page state, natively: the state a page opens in from its address (bad values fall back
//! to defaults, with a notice), every action of the reducer, and the round trip
//! state → address → state.

use ftz_atlas::chart::{catalog, ChartId};
use ftz_atlas::data::import::import;
use ftz_atlas::data::{Dataset, Import, Issue, IssueKind};
use ftz_atlas::i18n::{Lang, Text};
use ftz_atlas::shared::Shared;
use ftz_atlas::state::{reduce, restore, Action, ImportStage, Notice, Prefs, State, StorageOutcome};
use ftz_atlas::url::{ChartView, Theme, UrlState};

const ZH_LIGHT: Prefs = Prefs { lang: Lang::Zh, theme: Theme::Light };
const EN_DARK: Prefs = Prefs { lang: Lang::En, theme: Theme::Dark };

const HEADER: &str = "id,metric,scope,period,qualifier,value,unit,formula,source,quote,note\n";

fn good_csv() -> String {
    format!("{HEADER}my_nev_2024,ftz_nev_exports,ftz,2024,exact,4.1,wan_vehicles,,,,\n")
}

fn dataset() -> Dataset {
    match Dataset::embedded() {
        Ok(ds) => ds,
        Err(issues) => panic!("the embedded dataset is broken: {issues:?}"),
    }
}

fn an_import(name: &str) -> Shared<Import> {
    match import(name, good_csv().as_bytes(), &dataset()) {
        Ok(i) => Shared::new(i),
        Err(e) => panic!("the test file does not import: {e:?}"),
    }
}

fn apply(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, reduce)
}

fn fresh() -> State {
    State::from_url("", ZH_LIGHT)
}

/// A chart with series that can be switched off, and how many.
fn toggleable_chart() -> (ChartId, Vec<usize>) {
    let found = ChartId::ALL.into_iter().find_map(|id| {
        let t: Vec<usize> = catalog::toggleable(id).iter().map(|(i, _, _)| *i).collect();
        (!t.is_empty()).then_some((id, t))
    });
    match found {
        Some(f) => f,
        None => panic!("no chart has series to switch"),
    }
}

fn issue(name: &str) -> Issue {
    Issue { file: name.into(), line: 0, column: String::new(), kind: IssueKind::NotText }
}

#[test]
fn a_clean_address_gives_the_browser_preferences_and_no_notice() {
    let s = fresh();
    assert_eq!((s.lang(), s.theme()), (Lang::Zh, Theme::Light));
    let s = State::from_url("", EN_DARK);
    assert_eq!((s.lang(), s.theme()), (Lang::En, Theme::Dark));
    assert_eq!(s.url, UrlState::default());
    assert!(s.notices.is_empty());
    assert_eq!(s.address(), "");
    for id in ChartId::ALL {
        assert_eq!(s.chart(id).view, ChartView::default());
        assert_eq!(s.chart(id).error, None);
    }
    assert!(s.imports.is_empty() && !s.keep && !s.storage_full);
    assert_eq!(s.import, ImportStage::Idle);
    assert!(!s.ready());
}

#[test]
fn the_address_overrides_the_preferences() {
    let s = State::from_url("?lang=en&theme=dark", ZH_LIGHT);
    assert_eq!((s.lang(), s.theme()), (Lang::En, Theme::Dark));
    let s = State::from_url("?present=3", ZH_LIGHT);
    assert_eq!(s.url.present, Some(2));
    let s = State::from_url("?embed=areas", ZH_LIGHT);
    assert_eq!(s.url.embed, Some(ChartId::Areas));
}

#[test]
fn bad_values_in_the_address_fall_back_to_defaults_with_a_notice() {
    let s = State::from_url("?lang=xx&theme=neon&present=99&embed=nope", EN_DARK);
    assert_eq!((s.lang(), s.theme()), (Lang::En, Theme::Dark), "the preferences apply");
    assert_eq!(s.url, UrlState::default());
    assert_eq!(s.notices, vec![Notice { text: Text::UrlIgnored, arg: "lang, theme, present, embed".into() }]);
    // Slide 0 does not exist either (the address counts from 1).
    assert_eq!(State::from_url("?present=0", ZH_LIGHT).url.present, None);
    assert_eq!(State::from_url("?present=-1", ZH_LIGHT).url.present, None);
    // An unknown chart slug in a view parameter: ignored, named in the notice.
    let s = State::from_url("?table.nope=1&hide.nope=0&point.nope=ftz_nev_2023", ZH_LIGHT);
    assert_eq!(s.address(), "");
    assert_eq!(
        s.notices,
        vec![Notice { text: Text::UrlIgnored, arg: "table.nope, hide.nope, point.nope".into() }]
    );
    // Views with bad values: the defaults.
    let s = State::from_url("?table.areas=yes&point.areas=%3Cb%3E&hide.areas=x", ZH_LIGHT);
    assert_eq!(s.chart(ChartId::Areas).view, ChartView::default());
    // Unknown parameters are neither state nor notices.
    let s = State::from_url("?foo=bar&&=&x", ZH_LIGHT);
    assert!(s.notices.is_empty());
    assert_eq!(s.address(), "");
}

#[test]
fn a_hidden_series_the_chart_does_not_have_is_dropped() {
    let (id, toggles) = toggleable_chart();
    let slug = id.slug();
    let past = toggles.iter().max().map_or(0, |m| m + 1);
    let s = State::from_url(&format!("?hide.{slug}={past},{},{}", toggles[0], toggles[0]), ZH_LIGHT);
    assert_eq!(s.chart(id).view.hidden, vec![toggles[0]], "out of range and repeats dropped");
    // A chart without switches hides nothing.
    let plain = ChartId::ALL.into_iter().find(|c| catalog::toggleable(*c).is_empty());
    if let Some(plain) = plain {
        let s = State::from_url(&format!("?hide.{}=0", plain.slug()), ZH_LIGHT);
        assert!(s.chart(plain).view.hidden.is_empty());
    }
}

#[test]
fn state_to_address_to_state_round_trips() {
    let (id, toggles) = toggleable_chart();
    let s = apply(
        State::from_url("?lang=en", ZH_LIGHT),
        [
            Action::SwitchTheme,
            Action::ToggleTable { chart: ChartId::TradeShare },
            Action::ToggleSeries { chart: id, series: toggles[0] },
            Action::Pin { chart: ChartId::Areas, figure: Some("area_xiyong".into()) },
            Action::Present { slide: Some(2) },
        ],
    );
    let address = s.address();
    assert!(address.starts_with("?lang=en&theme=dark&present=3&table.trade-share=1"), "{address}");
    let back = State::from_url(&address, ZH_LIGHT);
    assert_eq!(back.url, s.url);
    for c in ChartId::ALL {
        assert_eq!(back.chart(c).view, s.chart(c).view, "{}", c.slug());
    }
    assert_eq!(back.address(), address);
    assert!(back.notices.is_empty());
    // And every combination of the page-wide fields.
    for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
        for theme in [None, Some(Theme::Light), Some(Theme::Dark)] {
            for present in [None, Some(0), Some(4)] {
                for embed in [None, Some(ChartId::NevExports)] {
                    let mut s = fresh();
                    s.url = UrlState { lang, theme, embed, present };
                    assert_eq!(State::from_url(&s.address(), ZH_LIGHT), s);
                }
            }
        }
    }
}

#[test]
fn the_address_is_a_function_of_the_state() {
    // Whatever the page opened with, the address holds only the state.
    let s = State::from_url("?x=1&lang=en&utm=2&lang=zh", EN_DARK);
    assert_eq!(s.address(), "?lang=zh", "the last value wins; other parameters go");
    let s = reduce(s, Action::SwitchLanguage);
    assert_eq!(s.address(), "?lang=en");
}

#[test]
fn switch_language_and_theme_toggle_and_become_the_readers_choice() {
    let s = reduce(fresh(), Action::SwitchLanguage);
    assert_eq!(s.lang(), Lang::En);
    assert_eq!(s.address(), "?lang=en");
    let s = reduce(s, Action::SwitchLanguage);
    assert_eq!(s.lang(), Lang::Zh);
    assert_eq!(s.url.lang, Some(Lang::Zh), "the choice stays in the address");
    let s = reduce(State::from_url("", EN_DARK), Action::SwitchTheme);
    assert_eq!(s.theme(), Theme::Light);
    assert_eq!(s.address(), "?theme=light");
    assert_eq!(reduce(s, Action::SwitchTheme).theme(), Theme::Dark);
}

#[test]
fn present_starts_moves_clamps_and_leaves() {
    let s = reduce(fresh(), Action::Present { slide: Some(0) });
    assert_eq!(s.url.present, Some(0));
    assert_eq!(s.address(), "?present=1");
    let s = reduce(s, Action::Present { slide: Some(99) });
    assert_eq!(s.url.present, Some(ChartId::ALL.len() - 1), "past the end: the last slide");
    let s = reduce(s, Action::Present { slide: None });
    assert_eq!(s.url.present, None);
    assert_eq!(s.address(), "");
}

#[test]
fn toggle_table_switches_one_chart() {
    let s = reduce(fresh(), Action::ToggleTable { chart: ChartId::Innovation });
    assert!(s.chart(ChartId::Innovation).view.table);
    assert!(!s.chart(ChartId::Areas).view.table);
    assert_eq!(s.address(), "?table.innovation=1");
    assert!(
        !reduce(s, Action::ToggleTable { chart: ChartId::Innovation }).chart(ChartId::Innovation).view.table
    );
}

#[test]
fn toggle_series_hides_and_shows_and_ignores_a_series_out_of_range() {
    let (id, toggles) = toggleable_chart();
    let first = toggles[0];
    let s = reduce(fresh(), Action::ToggleSeries { chart: id, series: first });
    assert_eq!(s.chart(id).view.hidden, vec![first]);
    let s = reduce(s, Action::ToggleSeries { chart: id, series: first });
    assert!(s.chart(id).view.hidden.is_empty());
    for series in [99, usize::MAX] {
        assert_eq!(reduce(fresh(), Action::ToggleSeries { chart: id, series }), fresh());
    }
    if let Some(plain) = ChartId::ALL.into_iter().find(|c| catalog::toggleable(*c).is_empty()) {
        assert_eq!(reduce(fresh(), Action::ToggleSeries { chart: plain, series: 0 }), fresh());
    }
}

#[test]
fn pin_keeps_a_figure_id_and_refuses_anything_else() {
    let s = reduce(fresh(), Action::Pin { chart: ChartId::NevExports, figure: Some("ftz_nev_2023".into()) });
    assert_eq!(s.chart(ChartId::NevExports).view.point.as_deref(), Some("ftz_nev_2023"));
    assert_eq!(s.address(), "?point.nev-exports=ftz_nev_2023");
    let s = reduce(s, Action::Pin { chart: ChartId::NevExports, figure: Some("<b>&x=1".into()) });
    assert_eq!(s.chart(ChartId::NevExports).view.point, None, "not an id: nothing pinned");
    let s = reduce(s, Action::Pin { chart: ChartId::NevExports, figure: Some("ftz_nev_2023".into()) });
    assert_eq!(reduce(s, Action::Pin { chart: ChartId::NevExports, figure: None }), fresh());
}

#[test]
fn drawn_counts_draws_clears_the_error_and_drops_a_point_the_chart_does_not_show() {
    let s = State::from_url("?point.areas=no_such_figure&point.nev-exports=ftz_nev_2023", ZH_LIGHT);
    assert_eq!(s.chart(ChartId::Areas).view.point.as_deref(), Some("no_such_figure"));
    let s = reduce(s, Action::ChartFailed { chart: ChartId::Areas, message: "no 2d context".into() });
    assert_eq!(s.chart(ChartId::Areas).error.as_deref(), Some("no 2d context"));
    let s = reduce(s, Action::Drawn { chart: ChartId::Areas, figures: vec!["area_xiyong".into()] });
    assert_eq!(s.chart(ChartId::Areas).view.point, None, "a pinned figure that does not exist");
    assert_eq!(s.chart(ChartId::Areas).error, None);
    assert_eq!(s.draws, 1);
    let s = reduce(s, Action::Drawn { chart: ChartId::NevExports, figures: vec!["ftz_nev_2023".into()] });
    assert_eq!(
        s.chart(ChartId::NevExports).view.point.as_deref(),
        Some("ftz_nev_2023"),
        "a shown figure stays"
    );
    assert_eq!(s.draws, 2);
    assert!(!s.ready(), "two of five charts drawn");
    let s = apply(s, ChartId::ALL.map(|chart| Action::Drawn { chart, figures: vec![] }));
    assert!(s.ready());
    assert_eq!(s.draws, 7, "every draw counts, redraws too");
    assert_eq!(s.address(), "", "no figures drawn: no point stays");
}

#[test]
fn chart_failed_sets_that_charts_error_only() {
    let s = reduce(fresh(), Action::ChartFailed { chart: ChartId::TradeShare, message: "x".into() });
    assert_eq!(s.chart(ChartId::TradeShare).error.as_deref(), Some("x"));
    assert_eq!(s.chart(ChartId::Areas).error, None);
    assert_eq!(s.address(), "", "errors are not in the address");
}

#[test]
fn slide_drawn_makes_a_presentation_ready_with_one_chart() {
    let s = State::from_url("?present=2", ZH_LIGHT);
    assert!(!s.ready());
    let s = reduce(s, Action::SlideDrawn { chart: ChartId::NevExports });
    assert!(s.ready());
    assert_eq!(s.draws, 1);
    // The embed view too is ready with its one chart.
    let s = reduce(
        State::from_url("?embed=areas", ZH_LIGHT),
        Action::Drawn { chart: ChartId::Areas, figures: vec![] },
    );
    assert!(s.ready());
}

#[test]
fn an_import_is_read_checked_then_added_only_when_the_reader_says_so() {
    let s = reduce(fresh(), Action::ImportStarted { name: "a.csv".into() });
    assert_eq!(s.import, ImportStage::Reading { name: "a.csv".into(), shown: None });
    assert!(s.import.busy());
    // A second file while the first is read: ignored.
    let s2 = reduce(s.clone(), Action::ImportStarted { name: "b.csv".into() });
    assert_eq!(s2, s);
    let s = reduce(s, Action::ImportProgress { fraction: 0.25 });
    assert_eq!(s.import, ImportStage::Reading { name: "a.csv".into(), shown: Some(0.25) });
    for (bad, shown) in [(f64::NAN, 0.0), (7.0, 1.0), (-1.0, 0.0)] {
        let t = reduce(s.clone(), Action::ImportProgress { fraction: bad });
        assert_eq!(t.import, ImportStage::Reading { name: "a.csv".into(), shown: Some(shown) });
    }
    let import = an_import("a.csv");
    let s = reduce(s, Action::ImportReady { import: import.clone() });
    assert_eq!(s.import, ImportStage::Ready(import.clone()));
    assert!(s.imports.is_empty(), "nothing changes before Add");
    let s = reduce(s, Action::AddImport);
    assert_eq!(s.imports, vec![import]);
    assert_eq!(s.import, ImportStage::Idle);
}

#[test]
fn progress_and_results_with_no_import_under_way_change_nothing() {
    assert_eq!(reduce(fresh(), Action::ImportProgress { fraction: 0.5 }), fresh());
    assert_eq!(reduce(fresh(), Action::ImportReady { import: an_import("a.csv") }), fresh());
    let failed =
        Action::ImportFailed { name: "a.csv".into(), issues: Shared::new(vec![issue("a.csv")]), more: 0 };
    assert_eq!(reduce(fresh(), failed), fresh());
    assert_eq!(reduce(fresh(), Action::AddImport), fresh());
}

#[test]
fn a_refused_file_shows_its_problems_and_adds_nothing() {
    let issues = Shared::new(vec![issue("bad.csv")]);
    let s = apply(
        fresh(),
        [
            Action::ImportStarted { name: "bad.csv".into() },
            Action::ImportFailed { name: "bad.csv".into(), issues: issues.clone(), more: 3 },
        ],
    );
    assert_eq!(s.import, ImportStage::Failed { name: "bad.csv".into(), issues, more: 3 });
    let s = reduce(s, Action::AddImport);
    assert!(s.imports.is_empty());
    assert_eq!(reduce(s, Action::DismissImport).import, ImportStage::Idle);
}

#[test]
fn dismiss_import_closes_a_report_but_not_a_file_being_read() {
    let s = apply(fresh(), [Action::ImportStarted { name: "a.csv".into() }, Action::DismissImport]);
    assert!(s.import.busy());
    let s = apply(s, [Action::ImportReady { import: an_import("a.csv") }, Action::DismissImport]);
    assert_eq!(s.import, ImportStage::Idle);
    assert!(s.imports.is_empty());
}

#[test]
fn remove_and_reset_imports() {
    let (a, b) = (an_import("a.csv"), an_import("b.csv"));
    let s = apply(
        fresh(),
        [a.clone(), b.clone()]
            .map(|import| {
                [
                    Action::ImportStarted { name: import.name.clone() },
                    Action::ImportReady { import },
                    Action::AddImport,
                ]
            })
            .into_iter()
            .flatten(),
    );
    assert_eq!(s.imports, vec![a.clone(), b.clone()]);
    let removed = reduce(s.clone(), Action::RemoveImport { index: 0 });
    assert_eq!(removed.imports, vec![b.clone()]);
    assert_eq!(reduce(s.clone(), Action::RemoveImport { index: 2 }), s, "out of range: nothing removed");
    assert!(reduce(s.clone(), Action::ResetImports).imports.is_empty());
    // Not while a file is read against the current imports.
    let busy = reduce(s, Action::ImportStarted { name: "c.csv".into() });
    assert_eq!(reduce(busy.clone(), Action::RemoveImport { index: 0 }).imports, vec![a.clone(), b.clone()]);
    assert_eq!(reduce(busy, Action::ResetImports).imports, vec![a, b]);
}

#[test]
fn keep_and_stored() {
    let s = reduce(fresh(), Action::Keep { keep: true });
    assert!(s.keep);
    let s = reduce(s, Action::Stored { outcome: StorageOutcome::Refused });
    assert!(s.storage_full);
    let s = reduce(s, Action::Stored { outcome: StorageOutcome::Saved });
    assert!(!s.storage_full);
    let s = apply(s, [Action::Stored { outcome: StorageOutcome::Refused }, Action::Keep { keep: false }]);
    assert!(!s.keep);
    assert!(!reduce(s, Action::Stored { outcome: StorageOutcome::Cleared }).storage_full);
}

#[test]
fn download_failed_keeps_the_message() {
    let s = reduce(fresh(), Action::DownloadFailed { message: "no Blob".into() });
    assert_eq!(s.download_error.as_deref(), Some("no Blob"));
}

#[test]
fn dismiss_notice_removes_that_notice_only() {
    let s = State::from_url("?theme=neon", ZH_LIGHT);
    let s = reduce(s, Action::Restored { imports: vec![], failed: vec!["x.csv".into()] });
    assert_eq!(s.notices.len(), 2);
    assert_eq!(reduce(s.clone(), Action::DismissNotice { index: 5 }), s);
    let s = reduce(s, Action::DismissNotice { index: 0 });
    assert_eq!(s.notices, vec![Notice { text: Text::StorageRestoreFailed, arg: "x.csv".into() }]);
    assert!(reduce(s, Action::DismissNotice { index: 0 }).notices.is_empty());
}

#[test]
fn restored_imports_are_kept_and_failures_named() {
    let base = dataset();
    let saved = vec![
        ("good.csv".to_string(), good_csv()),
        ("broken.csv".to_string(), "not,a,figure\n1,2,3\n".to_string()),
        ("bad-unit.csv".to_string(), good_csv().replace("wan_vehicles", "carts")),
    ];
    let action = restore(&base, &saved);
    let Action::Restored { imports, failed } = &action else { panic!("not a restore: {action:?}") };
    assert_eq!(imports.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["good.csv"]);
    assert_eq!(failed, &["broken.csv".to_string(), "bad-unit.csv".to_string()]);
    let s = reduce(fresh(), action);
    assert!(s.keep, "what was kept stays kept");
    assert_eq!(s.imports.len(), 1);
    assert_eq!(
        s.notices,
        vec![Notice { text: Text::StorageRestoreFailed, arg: "broken.csv, bad-unit.csv".into() }]
    );
    // Nothing saved but the choice to keep: kept, no notice.
    let s = reduce(fresh(), restore(&base, &[]));
    assert!(s.keep && s.imports.is_empty() && s.notices.is_empty());
}

/// Random addresses and random actions: nothing panics, and the address of any state reached
/// reads back as the same state, with no notice.
#[cfg(not(target_arch = "wasm32"))]
mod random {
    use super::*;
    use proptest::prelude::*;

    fn chart() -> impl Strategy<Value = ChartId> {
        prop::sample::select(ChartId::ALL.to_vec())
    }

    fn query() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            prop::sample::select(vec!["lang", "theme", "present", "embed", "x", ""]).prop_map(String::from),
            (
                prop::sample::select(vec!["table", "hide", "point"]),
                prop_oneof![chart().prop_map(|c| c.slug().to_string()), "[a-z-]{0,6}",]
            )
                .prop_map(|(kind, slug)| format!("{kind}.{slug}")),
        ];
        let value = prop_oneof![
            prop::sample::select(vec![
                "en", "zh", "xx", "dark", "light", "1", "0", "5", "99", "-1", "0,1", "1,1,9"
            ])
            .prop_map(String::from),
            "[a-z0-9_,%<>]{0,10}",
        ];
        prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
            let parts: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", parts.join("&"))
        })
    }

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::SwitchLanguage),
            Just(Action::SwitchTheme),
            prop::option::of(0usize..12).prop_map(|slide| Action::Present { slide }),
            chart().prop_map(|chart| Action::ToggleTable { chart }),
            (chart(), 0usize..20).prop_map(|(chart, series)| Action::ToggleSeries { chart, series }),
            (chart(), prop::option::of("[a-z0-9_<&=]{0,8}"))
                .prop_map(|(chart, figure)| Action::Pin { chart, figure }),
            (chart(), prop::collection::vec("[a-z_]{1,6}", 0..3))
                .prop_map(|(chart, figures)| Action::Drawn { chart, figures }),
            chart().prop_map(|chart| Action::SlideDrawn { chart }),
            (chart(), ".{0,5}").prop_map(|(chart, message)| Action::ChartFailed { chart, message }),
            (0usize..4).prop_map(|index| Action::DismissNotice { index }),
            (0usize..4).prop_map(|index| Action::RemoveImport { index }),
            Just(Action::ResetImports),
            any::<f64>().prop_map(|fraction| Action::ImportProgress { fraction }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_address_and_actions_give_a_state_whose_address_reads_back(
            q in query(),
            actions in prop::collection::vec(action(), 0..24),
        ) {
            let s = apply(State::from_url(&q, ZH_LIGHT), actions);
            let address = s.address();
            let back = State::from_url(&address, ZH_LIGHT);
            prop_assert_eq!(&back.address(), &address);
            prop_assert_eq!(back.url, s.url);
            for c in ChartId::ALL {
                prop_assert_eq!(&back.chart(c).view, &s.chart(c).view);
            }
            prop_assert!(back.notices.is_empty(), "{} gave notices {:?}", address, back.notices);
            prop_assert!(s.url.present.is_none_or(|p| p < ChartId::ALL.len()));
        }
    }
}

// The figure finder (issue 14).

use ftz_atlas::data::Qualifier;
use ftz_atlas::finder::Sort;
use ftz_atlas::state::finder::{FinderAction, PAGE};

fn finder(a: FinderAction) -> Action {
    Action::Finder(a)
}

#[test]
fn a_figure_permalink_opens_that_figure_and_stays_in_the_address() {
    let s = State::from_url("?lang=en&figure=ftz_nev_2022", ZH_LIGHT);
    assert_eq!(s.finder.open.as_deref(), Some("ftz_nev_2022"));
    assert_eq!(s.finder.reveal, 1, "the page brings it into view");
    assert!(s.notices.is_empty());
    assert_eq!(s.address(), "?lang=en&figure=ftz_nev_2022");
    assert_eq!(State::from_url(&s.address(), ZH_LIGHT), s);
    // Closing it takes it out of the address.
    let s = reduce(s, finder(FinderAction::Open(None)));
    assert_eq!(s.address(), "?lang=en");
}

#[test]
fn a_bad_figure_value_is_ignored_with_a_notice() {
    for query in ["?figure=", "?figure=Robert');DROP", "?figure=a%20b", "?figure=%E6%96%B0"] {
        let s = State::from_url(query, ZH_LIGHT);
        assert_eq!(s.finder.open, None, "{query}");
        assert_eq!(s.finder.reveal, 0, "{query}");
        assert_eq!(s.notices, vec![Notice { text: Text::UrlIgnored, arg: "figure".into() }], "{query}");
        assert_eq!(s.address(), "", "{query}");
    }
    // With other bad values: one notice naming them all.
    let s = State::from_url("?theme=neon&figure=!", ZH_LIGHT);
    assert_eq!(s.notices, vec![Notice { text: Text::UrlIgnored, arg: "theme, figure".into() }]);
}

#[test]
fn a_permalink_to_a_figure_the_dataset_lacks_is_closed_with_a_notice() {
    let s = State::from_url("?figure=no_such_figure", ZH_LIGHT);
    assert!(s.notices.is_empty(), "the form is good; the page checks the dataset");
    let s = reduce(s, finder(FinderAction::Unknown("no_such_figure".into())));
    assert_eq!(s.finder.open, None);
    assert_eq!(s.notices, vec![Notice { text: Text::UrlIgnored, arg: "figure".into() }]);
    assert_eq!(s.address(), "");
    // Unknown for a figure that is not the open one changes nothing.
    let s = apply(
        fresh(),
        [finder(FinderAction::Open(Some("a".into()))), finder(FinderAction::Unknown("b".into()))],
    );
    assert_eq!(s.finder.open.as_deref(), Some("a"));
    assert!(s.notices.is_empty());
}

#[test]
fn search_filters_and_sort_list_the_first_page_again() {
    let s = apply(fresh(), [finder(FinderAction::ShowMore), finder(FinderAction::ShowMore)]);
    assert_eq!(s.finder.limit(), 3 * PAGE);
    let steps = [
        finder(FinderAction::Query("新能源".into())),
        finder(FinderAction::Chart(Some(ChartId::NevExports))),
        finder(FinderAction::Scope(Some("ftz".into()))),
        finder(FinderAction::Qualifier(Some(Qualifier::About))),
        finder(FinderAction::Sort(Sort::Value)),
    ];
    for step in steps.clone() {
        let s = apply(s.clone(), [step.clone()]);
        assert_eq!(s.finder.limit(), PAGE, "{step:?}");
    }
    let s = apply(fresh(), steps);
    assert_eq!(s.finder.query, "新能源");
    assert_eq!(s.finder.chart, Some(ChartId::NevExports));
    assert_eq!(s.finder.scope.as_deref(), Some("ftz"));
    assert_eq!(s.finder.qualifier, Some(Qualifier::About));
    assert_eq!(s.finder.sort, Sort::Value);
    // The same query again keeps the page count (typing a space the search ignores is not new).
    let more =
        apply(s.clone(), [finder(FinderAction::ShowMore), finder(FinderAction::Query("新能源".into()))]);
    assert_eq!(more.finder.limit(), 2 * PAGE);
    // None of it is in the address.
    assert_eq!(s.address(), "");
}

#[test]
fn open_keeps_only_a_figure_ids_form() {
    let s = reduce(fresh(), finder(FinderAction::Open(Some("ftz_nev_2022".into()))));
    assert_eq!(s.finder.open.as_deref(), Some("ftz_nev_2022"));
    assert_eq!(s.finder.reveal, 0, "opening from the list does not scroll");
    let s = reduce(s, finder(FinderAction::Open(Some("<script>".into()))));
    assert_eq!(s.finder.open, None);
}

#[test]
fn find_this_figure_clears_the_search_opens_and_reveals_it() {
    let s = apply(
        fresh(),
        [
            finder(FinderAction::Query("xyz".into())),
            finder(FinderAction::Scope(Some("liangjiang".into()))),
            finder(FinderAction::Sort(Sort::Period)),
            finder(FinderAction::ShowMore),
        ],
    );
    let s = reduce(s, finder(FinderAction::Reveal("ftz_nev_2022".into())));
    assert_eq!(s.finder.query, "");
    assert_eq!(s.finder.scope, None);
    assert_eq!(s.finder.sort, Sort::Period, "the reader's order stays");
    assert_eq!(s.finder.limit(), PAGE);
    assert_eq!(s.finder.open.as_deref(), Some("ftz_nev_2022"));
    assert_eq!(s.finder.reveal, 1);
    let again = reduce(s.clone(), finder(FinderAction::Reveal("ftz_nev_2022".into())));
    assert_eq!(again.finder.reveal, 2, "each request scrolls again");
    assert_eq!(reduce(s.clone(), finder(FinderAction::Reveal("bad id".into()))), s);
}
