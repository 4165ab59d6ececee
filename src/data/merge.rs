//! Adding imports to a dataset in steps ([`Merge`]), so that the page can breathe between
//! them: 150,000 imported figures take longer to copy than a frame. [`Dataset::with_imports`]
//! runs the same steps to the end.

use super::import::Import;
use super::load::Dataset;

/// A dataset being built from a base and imports, a bounded number of figures a step.
pub struct Merge<'a> {
    ds: Dataset,
    imports: Vec<&'a Import>,
    /// The import being copied, and the next of its figures.
    at: (usize, usize),
    total: usize,
    copied: usize,
}

impl<'a> Merge<'a> {
    /// Starts adding `imports` (in order) to a copy of `base`.
    pub fn new(base: &Dataset, imports: impl IntoIterator<Item = &'a Import>) -> Merge<'a> {
        let imports: Vec<&Import> = imports.into_iter().collect();
        let total = imports.iter().map(|i| i.figures.len()).sum();
        let mut ds = base.clone();
        ds.figures.reserve(total);
        ds.by_id.reserve(total);
        Merge { ds, imports, at: (0, 0), total, copied: 0 }
    }

    /// Copies up to `max` figures; true when every import is in.
    pub fn step(&mut self, max: usize) -> bool {
        let mut budget = max.max(1);
        while let Some(import) = self.imports.get(self.at.0).copied() {
            if self.at.1 == 0 {
                self.ds.sources.push(import.source.clone());
                for t in &import.terms {
                    if self.ds.term(&t.kind, &t.key).is_none() {
                        self.ds.terms.push(t.clone());
                        self.ds.index_term(self.ds.terms.len() - 1);
                    }
                }
            }
            let rest = import.figures.get(self.at.1..).unwrap_or_default();
            for f in rest.iter().take(budget) {
                self.ds.by_id.insert(f.id.clone(), self.ds.figures.len());
                self.ds.figures.push(f.clone());
            }
            let n = rest.len().min(budget);
            self.copied += n;
            budget -= n;
            if n == rest.len() {
                self.at = (self.at.0 + 1, 0);
            } else {
                self.at.1 += n;
            }
            if budget == 0 {
                break;
            }
        }
        self.at.0 >= self.imports.len()
    }

    /// The share of the figures copied so far.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.copied as f64 / self.total as f64
        }
    }

    /// The dataset (call after [`step`](Self::step) returned true; before, it lacks the rest).
    pub fn finish(self) -> Dataset {
        self.ds
    }
}

impl Dataset {
    /// This dataset with the imported figures and their files added (imports are checked
    /// against the dataset they are added to, so ids stay unique).
    pub fn with_imports<'a>(&self, imports: impl IntoIterator<Item = &'a Import>) -> Dataset {
        let mut merge = Merge::new(self, imports);
        while !merge.step(usize::MAX) {}
        merge.finish()
    }

    /// Frees up to `n` entries of the id index, the way a merge fills it in steps (for a page
    /// that frees a large replaced dataset between paints); false once it is empty.
    pub fn free_index_step(&mut self, n: usize) -> bool {
        let mut seen = 0;
        self.by_id.retain(|_, _| {
            seen += 1;
            seen > n
        });
        !self.by_id.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::import::import;

    #[test]
    fn merging_in_steps_gives_the_dataset_at_once() {
        let Ok(base) = Dataset::embedded() else { panic!("embedded dataset") };
        let file = |prefix: &str| {
            let mut csv = String::from("id,metric,scope,period,value,unit,qualifier\n");
            for i in 0..25 {
                csv += &format!("{prefix}{i},ftz_nev_exports,ftz,{},{i},vehicles,exact\n", 1950 + i);
            }
            csv
        };
        let Ok(a) = import("a.csv", file("a").as_bytes(), &base) else { panic!("a.csv") };
        let once = base.with_imports([&a]);
        let Ok(b) = import("b.csv", file("b").as_bytes(), &once) else { panic!("b.csv") };
        let whole = base.with_imports([&a, &b]);
        let mut merge = Merge::new(&base, [&a, &b]);
        let mut steps = 0;
        while !merge.step(7) {
            steps += 1;
            assert!(merge.fraction() < 1.0);
        }
        assert_eq!(steps, 50 / 7);
        assert_eq!(merge.finish(), whole);
        assert_eq!(whole.figures.len(), base.figures.len() + 50);
        assert!(whole.figure("b24").is_some());
    }
}
