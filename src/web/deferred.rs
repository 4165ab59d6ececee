//! A chart card's model, built off the task that changed the dataset when the dataset is
//! large: adding 150,000 figures rebuilt the five charts in one main-thread task. The first
//! model, and any change of language or series or of a small dataset, is built at once as
//! before; when only a large dataset (or the 片区 chart's scope filter or page over a
//! large dataset) changed, the card keeps its previous model for a moment and builds the new
//! one in steps, one panel a task, after the page breathes.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::chart::model::Steps;
use crate::chart::spec::ScopeView;
use crate::chart::{build, catalog, ChartId, ChartModel, ChartSpec};
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::shared::Shared;
use crate::web::tick::breathe;

/// A dataset with more figures than this is rebuilt into the charts one chart a task (one
/// panel a task): at 40 imported scopes (about 1,500 figures) the 片区 chart alone, built and
/// drawn with the others in the task that added them, made it a 366 ms task.
const LARGE: usize = 1_000;

/// What a chart's model is built from.
#[derive(Clone, PartialEq)]
pub struct ModelKey {
    pub id: ChartId,
    pub lang: Lang,
    pub hidden: Vec<usize>,
    pub dataset: Shared<Dataset>,
    pub scopes: ScopeView,
}

impl ModelKey {
    fn spec(&self) -> ChartSpec {
        catalog::with_scope_view(catalog::spec_without(self.id, &self.hidden), &self.scopes)
    }

    fn build(&self) -> Shared<ChartModel> {
        Shared::new(build(&self.dataset, &self.spec(), self.lang))
    }

    /// Only the dataset or the scope view (filter, page) differs from `other`, and either
    /// dataset is large.
    fn deferrable(&self, other: &ModelKey) -> bool {
        // From a large dataset too (a reset): the old model is replaced by steps as well.
        (self.dataset.figures.len() > LARGE || other.dataset.figures.len() > LARGE)
            && (self.id, self.lang, &self.hidden) == (other.id, other.lang, &other.hidden)
    }
}

type Slot = Rc<RefCell<Option<(ModelKey, Shared<ChartModel>)>>>;

/// The model for `key` (see the module's doc).
#[hook]
pub fn use_chart_model(key: ModelKey) -> Shared<ChartModel> {
    let slot: Slot = use_mut_ref(|| None);
    let wanted = use_mut_ref(|| key.clone());
    *wanted.borrow_mut() = key.clone();
    let rerender = use_force_update();
    let current = slot.borrow().clone();
    let model = match current {
        Some((k, m)) if k == key || key.deferrable(&k) => m,
        _ => {
            let m = key.build();
            *slot.borrow_mut() = Some((key.clone(), m.clone()));
            m
        }
    };
    use_effect_with(key, move |key| {
        let stale = slot.borrow().as_ref().is_some_and(|(k, _)| k != key);
        if stale {
            let key = key.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // A newer key may come meanwhile: only the latest is built.
                if !still_wanted(&wanted, &key).await {
                    return;
                }
                // One panel a task, then the rest of the model, then the drawing: each can take
                // over 100 ms at 150,000 figures.
                let spec = key.spec();
                let mut steps = Steps::new(&key.dataset, &spec, key.lang);
                while !steps.step() {
                    if !still_wanted(&wanted, &key).await {
                        return;
                    }
                }
                if !still_wanted(&wanted, &key).await {
                    return;
                }
                let m = Shared::new(steps.finish());
                if !still_wanted(&wanted, &key).await {
                    return;
                }
                *slot.borrow_mut() = Some((key, m));
                rerender.force_update();
            });
        }
    });
    model
}

/// Lets the page breathe; then whether `key` is still the one the card wants.
async fn still_wanted(wanted: &RefCell<ModelKey>, key: &ModelKey) -> bool {
    breathe().await;
    *wanted.borrow() == *key
}

/// A replaced dataset with more figures than this is freed in steps ([`retire`]).
const RETIRE_AT: usize = 20_000;
/// Figures (or index entries) freed a task: 20,000 take about 20 ms.
const FREE_STEP: usize = 20_000;

/// Frees a dataset the page no longer shows, in steps between paints, once nothing else holds
/// it: a reset after 150,000 imported figures dropped them all in one 205 ms task (a CPU
/// profile: `drop_glue::<Dataset>`, in whichever chart card let go of it last). A small dataset,
/// or one still held after a few seconds (the published one is always held), is simply let go.
pub fn retire(ds: Shared<Dataset>) {
    if ds.figures.len() < RETIRE_AT {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut rc = ds.0;
        // The cards, the finder and the table let go of it when they next render.
        let mut owned = None;
        for _ in 0..600 {
            match Rc::try_unwrap(rc) {
                Ok(d) => {
                    owned = Some(d);
                    break;
                }
                Err(still) => rc = still,
            }
            breathe().await;
        }
        let Some(mut d) = owned else { return };
        let mut figures = std::mem::take(&mut d.figures);
        while !figures.is_empty() {
            figures.truncate(figures.len().saturating_sub(FREE_STEP));
            breathe().await;
        }
        while d.free_index_step(FREE_STEP) {
            breathe().await;
        }
    });
}
