//! "Your figures": import a CSV or JSON file (picker or drag and drop anywhere on the page),
//! see the report, then add the figures to the charts; remove them again, reset, download the
//! template or the whole dataset, and optionally keep the figures in this browser.
//!
//! The file is read and checked in steps ([`ImportJob::step`]) between which the page stays
//! responsive; progress shows once it takes longer than half a second. Nothing changes until
//! the reader presses "Add": a file with problems changes nothing.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::Shared;
use crate::data::import::{decode, ImportJob, MAX_BYTES};
use crate::data::{Dataset, Import, Issue, IssueKind};
use crate::export::{dataset_json, figures_csv, template_csv};
use crate::i18n::{fill, issue_message, Lang, Text};
use crate::state::{Action, ImportStage as Stage};
use crate::web::download::save_text;
use crate::web::hooks::{use_window_event, Listen};
use crate::web::store::Dispatch;
use crate::web::tick::{breathe, now};

/// Rows checked between two breaths of the page.
const ROWS_PER_STEP: usize = 2_000;
/// Scopes named in a report; the others are counted.
const LISTED_SCOPES: usize = 30;
/// Problems listed on the page; all of them are in the downloadable report.
const SHOWN_ISSUES: usize = 100;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub lang: Lang,
    /// The dataset as it is now (published figures and earlier imports).
    pub dataset: Shared<Dataset>,
    pub imports: Vec<Shared<Import>>,
    /// Whether imports are kept in this browser.
    pub keep: bool,
    /// The import under way, or its report.
    pub stage: Stage,
    /// Why the last download could not start, if it could not.
    pub download_error: Option<String>,
    /// A message about keeping figures in the browser (a full storage), if any.
    pub storage_message: Option<String>,
    /// How far the imports are merged into the charts' dataset, while it takes long.
    #[prop_or_default]
    pub adding: Option<f64>,
    pub dispatch: Dispatch,
}

/// Reads `file`, checks it against `dataset` in steps, and reports to the page state.
async fn run(file: web_sys::File, dataset: Shared<Dataset>, dispatch: Dispatch) {
    let name = file.name();
    let started = now();
    dispatch.dispatch(Action::ImportStarted { name: name.clone() });
    let failed =
        |issue: Issue| Action::ImportFailed { name: name.clone(), issues: Shared::new(vec![issue]), more: 0 };
    // Refuse a huge file before reading it into memory.
    if file.size() > MAX_BYTES as f64 {
        let bytes = file.size() as usize;
        dispatch.dispatch(failed(Issue {
            file: name.clone(),
            line: 0,
            column: String::new(),
            kind: IssueKind::TooLarge { bytes },
        }));
        return;
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => {
            dispatch.dispatch(failed(Issue {
                file: name.clone(),
                line: 0,
                column: String::new(),
                kind: IssueKind::NotText,
            }));
            return;
        }
    };
    let text = match decode(&name, &bytes) {
        Ok(t) => t,
        Err(issue) => {
            dispatch.dispatch(failed(issue));
            return;
        }
    };
    drop(bytes);
    let mut job = ImportJob::new(&name, text, &dataset);
    loop {
        let progress = job.step(ROWS_PER_STEP, &dataset);
        if progress.done {
            break;
        }
        if now() - started > 500.0 {
            dispatch.dispatch(Action::ImportProgress { fraction: progress.fraction });
        }
        breathe().await;
    }
    dispatch.dispatch(match job.finish(&dataset) {
        Ok(import) => Action::ImportReady { import: Shared::new(import) },
        Err((issues, more)) => Action::ImportFailed { name, issues: Shared::new(issues), more },
    });
}

/// The first file of a file list, if any.
fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let l = props.lang;
    let stage = &props.stage;
    // While the charts' dataset is being merged, a new file would be checked against the old.
    let busy = stage.busy() || props.adding.is_some();

    // Starting an import: from the picker, the drop zone, or a drop anywhere on the page.
    let start: Callback<web_sys::File> = {
        let dispatch = props.dispatch.clone();
        let dataset = props.dataset.clone();
        Callback::from(move |file: web_sys::File| {
            if busy {
                return;
            }
            wasm_bindgen_futures::spawn_local(run(file, dataset.clone(), dispatch.clone()));
        })
    };
    // Without these, dropping a file anywhere would make the browser open it and leave the
    // page, losing what was loaded.
    use_window_event("dragover", Listen::Preventable, |e| e.prevent_default());
    {
        let start = start.clone();
        use_window_event("drop", Listen::Preventable, move |e| {
            e.prevent_default();
            let files =
                e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|t| t.files());
            if let Some(file) = first_file(files) {
                start.emit(file);
            }
        });
    }

    let on_pick = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            if let Some(file) = first_file(input.files()) {
                start.emit(file);
            }
            // The same file can be picked again after a fix.
            input.set_value("");
        })
    };
    let save = {
        let dispatch = props.dispatch.clone();
        move |name: &str, mime: &str, text: String| {
            if let Err(message) = save_text(name, mime, &text) {
                dispatch.dispatch(Action::DownloadFailed { message });
            }
        }
    };
    let on_template = {
        let dataset = props.dataset.clone();
        let save = save.clone();
        Callback::from(move |_: MouseEvent| {
            save("ftz-atlas-template.csv", "text/csv", template_csv(&dataset, l))
        })
    };
    let on_dataset_csv = {
        let dataset = props.dataset.clone();
        let save = save.clone();
        Callback::from(move |_: MouseEvent| {
            save("ftz-atlas-figures.csv", "text/csv", figures_csv(&dataset.figures, &dataset.terms))
        })
    };
    let on_dataset_json = {
        let dataset = props.dataset.clone();
        let save = save.clone();
        Callback::from(move |_: MouseEvent| {
            save("ftz-atlas-dataset.json", "application/json", dataset_json(&dataset))
        })
    };
    let on_keep = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.dispatch(Action::Keep { keep: input.checked() });
            }
        })
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissImport))
    };

    let report = match stage {
        Stage::Idle => html! {},
        Stage::Reading { name, shown } => html! {
            <div class="import-report" role="status">
                <p>{ fill(Text::ImportReading.t(l), std::slice::from_ref(name)) }</p>
                { for shown.map(|f| html! {
                    <p><progress max="1" value={crate::data::number::fixed(f, 3)}></progress>{ format!(" {}%", (f * 100.0) as u32) }</p>
                }) }
            </div>
        },
        Stage::Ready(import) => {
            let add = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddImport))
            };
            // The scopes the file names, each once, in file order: one hash lookup a figure
            // (150,000 figures over 1,000 new districts took seconds with list scans).
            let new_names: std::collections::HashMap<&str, &str> = import
                .terms
                .iter()
                .map(|t| (t.key.as_str(), if l == Lang::Zh { t.zh.as_str() } else { t.en.as_str() }))
                .collect();
            let mut seen = std::collections::HashSet::new();
            let mut scopes: Vec<&str> = Vec::new();
            for f in &import.figures {
                if seen.insert(f.scope.as_str()) {
                    // A scope the file brings is named by the file.
                    scopes.push(
                        new_names
                            .get(f.scope.as_str())
                            .copied()
                            .unwrap_or_else(|| props.dataset.name("scope", &f.scope, l)),
                    );
                }
            }
            let sep = if l == Lang::Zh { "、" } else { ", " };
            let listed = |names: Vec<String>| {
                let more = names.len().saturating_sub(LISTED_SCOPES);
                let mut text = names.into_iter().take(LISTED_SCOPES).collect::<Vec<_>>().join(sep);
                if more > 0 {
                    text += &fill(Text::ImportScopesMore.t(l), &[more.to_string()]);
                }
                text
            };
            let scopes = listed(scopes.into_iter().map(String::from).collect());
            html! {
                <div class="import-report import-ok" role="status">
                    <p>{ fill(Text::ImportReady.t(l), &[import.name.clone(), import.figures.len().to_string(), scopes.clone()]) }</p>
                    { for (!import.terms.is_empty()).then(|| {
                        let names: Vec<String> = import.terms.iter().map(|t| format!("{} ({})", if l == Lang::Zh { &t.zh } else { &t.en }, t.key)).collect();
                        html! { <p>{ fill(Text::ImportNewScopes.t(l), &[listed(names)]) }</p> }
                    }) }
                    { for (import.already_loaded > 0).then(|| html! {
                        <p class="muted">{ fill(Text::ImportAlreadyLoaded.t(l), &[import.already_loaded.to_string()]) }</p>
                    }) }
                    <p class="import-actions">
                        <button class="switch import-add" onclick={add} disabled={import.figures.is_empty()}>{ Text::ImportAdd.t(l) }</button>
                        <button class="switch" onclick={cancel}>{ Text::ImportCancel.t(l) }</button>
                    </p>
                </div>
            }
        }
        Stage::Failed { name, issues, more } => {
            let total = issues.len() + more;
            let on_report = {
                let issues = issues.clone();
                let save = save.clone();
                let more = *more;
                Callback::from(move |_: MouseEvent| {
                    let mut text: Vec<String> = issues.iter().map(|i| issue_message(i, l)).collect();
                    if more > 0 {
                        text.push(fill(Text::ImportMoreIssues.t(l), &[more.to_string()]));
                    }
                    save("ftz-atlas-import-report.txt", "text/plain", text.join("\r\n"))
                })
            };
            html! {
                <div class="import-report import-bad" role="alert">
                    <p><strong>{ fill(if total == 1 { Text::ImportFailedOne } else { Text::ImportFailed }.t(l), &[name.clone(), total.to_string()]) }</strong></p>
                    <ul class="import-issues">
                        { for issues.iter().take(SHOWN_ISSUES).map(|i| html! { <li>{ issue_message(i, l) }</li> }) }
                    </ul>
                    { for (total > SHOWN_ISSUES).then(|| html! {
                        <p>{ fill(Text::ImportMoreIssues.t(l), &[(total - SHOWN_ISSUES.min(issues.len())).to_string()]) }</p>
                    }) }
                    <p class="import-actions">
                        <button class="switch" onclick={on_report}>{ Text::ImportDownloadReport.t(l) }</button>
                        <button class="switch" onclick={cancel}>{ Text::ImportDismiss.t(l) }</button>
                    </p>
                </div>
            }
        }
    };

    let loaded = props.imports.iter().enumerate().map(|(i, imp)| {
        let remove = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveImport { index: i }))
        };
        html! {
            <li>
                <span class="import-name">{ imp.name.clone() }</span>
                <span class="muted">{ fill(Text::ImportCount.t(l), &[imp.figures.len().to_string()]) }</span>
                <button class="switch import-remove" onclick={remove} disabled={busy}
                    aria-label={fill(Text::ImportRemoveLabel.t(l), std::slice::from_ref(&imp.name))}>{ Text::ImportRemove.t(l) }</button>
            </li>
        }
    });
    let reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ResetImports))
    };

    html! {
        <section class="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{ Text::ImportHeading.t(l) }</h2>
            <p class="muted">{ Text::ImportIntro.t(l) }</p>
            <div class="import-zone">
                <label class="switch import-pick">
                    { Text::ImportChoose.t(l) }
                    <input type="file" class="visually-hidden" accept=".csv,.tsv,.txt,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        onchange={on_pick} disabled={busy} />
                </label>
                <span class="muted">{ Text::ImportDrop.t(l) }</span>
            </div>
            <p class="import-downloads">
                <button class="link-button import-template" onclick={on_template}>{ Text::ImportTemplate.t(l) }</button>
                <button class="link-button" onclick={on_dataset_csv}>{ Text::ImportDatasetCsv.t(l) }</button>
                <button class="link-button" onclick={on_dataset_json}>{ Text::ImportDatasetJson.t(l) }</button>
            </p>
            { report }
            { for props.adding.map(|f| html! {
                <p class="import-adding" role="status">
                    { fill(Text::ImportAdding.t(l), &[((f * 100.0) as u32).to_string()]) }
                    { " " }<progress max="1" value={crate::data::number::fixed(f, 3)}></progress>
                </p>
            }) }
            { for props.download_error.clone().map(|m| html! { <p class="chart-error" role="alert">{ m }</p> }) }
            { for (!props.imports.is_empty()).then(|| html! {
                <div class="import-loaded">
                    <h3>{ Text::ImportLoaded.t(l) }</h3>
                    <ul>{ for loaded }</ul>
                    <p class="import-actions">
                        <button class="switch import-reset" onclick={reset} disabled={busy}>{ Text::ImportReset.t(l) }</button>
                        <label class="import-keep">
                            <input type="checkbox" checked={props.keep} onchange={on_keep} />
                            { " " }{ Text::ImportKeep.t(l) }
                        </label>
                    </p>
                    { for props.storage_message.clone().map(|m| html! { <p class="chart-error" role="alert">{ m }</p> }) }
                </div>
            }) }
        </section>
    }
}
