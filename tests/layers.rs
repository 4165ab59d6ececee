//! The module graph of the library: no import cycle between modules, and the core never
//! reaches into the browser shell (`web`). Read from the source files, so a new `use` that
//! closes a cycle fails here with the cycle named.
//!
//! A reference from module `a::b::c` to `a::d::e` counts as an edge between the two children of
//! their closest common ancestor (`a::b` → `a::d`); a reference to an ancestor or a descendant
//! is a module using its own parts and is not an edge.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module file of the library: its path as segments (`["data", "load"]`) and its text.
fn modules() -> BTreeMap<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                let mut p = prefix.to_vec();
                if prefix.is_empty() && (stem == "lib" || stem == "main") {
                    if stem == "main" {
                        continue; // the binary is another crate
                    }
                } else {
                    p.push(stem.to_string());
                }
                out.insert(p, std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &[], &mut out);
    out
}

fn ident(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    (end > 0).then(|| (&s[..end], &s[end..]))
}

/// The module paths a file names through `crate::…` and `super::…` (the longest prefix of the
/// path that is a module file), outside comments.
fn references(me: &[String], text: &str, known: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (start, _) in code.match_indices("crate::").chain(code.match_indices("super::")) {
            let before = code[..start].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut base: Vec<String> = Vec::new();
            let mut rest = &code[start..];
            loop {
                if let Some(r) = rest.strip_prefix("crate::") {
                    base.clear();
                    rest = r;
                } else if let Some(r) = rest.strip_prefix("super::") {
                    if base.is_empty() {
                        base = me.to_vec();
                    }
                    base.pop();
                    rest = r;
                } else {
                    break;
                }
            }
            // `a::b::{c::D, e}`: each group item's first segment continues the path.
            let mut paths = vec![base.clone()];
            while let Some((name, r)) = ident(rest) {
                for p in paths.iter_mut() {
                    p.push(name.to_string());
                }
                match r.strip_prefix("::") {
                    Some(r) => rest = r,
                    None => break,
                }
            }
            if let Some(group) = rest.strip_prefix('{') {
                let stem = paths[0].clone();
                for item in group.split([',', '}']) {
                    if let Some((name, _)) = ident(item.trim()) {
                        let mut p = stem.clone();
                        p.push(name.to_string());
                        paths.push(p);
                    }
                }
            }
            for mut p in paths {
                while !p.is_empty() && !known.contains(&p) {
                    p.pop();
                }
                if !p.is_empty() {
                    out.insert(p);
                }
            }
        }
    }
    out
}

/// `a` → `b` lifted to the children of their closest common ancestor; `None` when one contains
/// the other.
fn lift(a: &[String], b: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (common < a.len() && common < b.len()).then(|| (a[..=common].to_vec(), b[..=common].to_vec()))
}

fn edges() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mods = modules();
    let known: BTreeSet<Vec<String>> = mods.keys().cloned().collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (me, text) in &mods {
        for target in references(me, text, &known) {
            if let Some((from, to)) = lift(me, &target) {
                graph.entry(from).or_default().insert(to);
            }
        }
    }
    graph
}

/// A cycle through `start`, if any (depth-first).
fn cycle_from(
    graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    start: &[String],
) -> Option<Vec<Vec<String>>> {
    fn dfs(
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        node: &[String],
        start: &[String],
        path: &mut Vec<Vec<String>>,
        seen: &mut BTreeSet<Vec<String>>,
    ) -> bool {
        for next in graph.get(node).into_iter().flatten() {
            if next.as_slice() == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if dfs(graph, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_vec()];
    let mut seen = BTreeSet::new();
    dfs(graph, start, start, &mut path, &mut seen).then_some(path)
}

#[test]
fn no_module_imports_in_a_cycle() {
    let graph = edges();
    assert!(graph.len() > 5, "the module graph was not read: {graph:?}");
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(&graph, m))
        .map(|c| c.iter().map(|m| m.join("::")).collect::<Vec<_>>().join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_core_never_imports_the_browser_shell() {
    let graph = edges();
    let offenders: Vec<String> = graph
        .iter()
        .filter(|(from, _)| from.first().is_some_and(|m| m != "web"))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|t| t.first().is_some_and(|m| m == "web"))
                .map(move |t| format!("{from:?} → {t:?}"))
        })
        .collect();
    assert!(offenders.is_empty(), "core modules importing web: {offenders:?}");
}

#[test]
fn the_graph_reader_sees_a_cycle_when_there_is_one() {
    let known: BTreeSet<Vec<String>> =
        [vec!["a".to_string()], vec!["b".to_string()], vec!["b".to_string(), "c".to_string()]].into();
    let a = vec!["a".to_string()];
    let bc = vec!["b".to_string(), "c".to_string()];
    let refs_a = references(&a, "use crate::b::{c::Thing, other};", &known);
    assert!(refs_a.contains(&bc), "{refs_a:?}");
    let refs_c = references(&bc, "let x = super::super::a::f(); // crate::b is a comment", &known);
    assert_eq!(refs_c, [a.clone()].into());
    let mut graph = BTreeMap::new();
    for (me, refs) in [(&a, &refs_a), (&bc, &refs_c)] {
        for t in refs {
            if let Some((from, to)) = lift(me, t) {
                graph.entry(from).or_insert_with(BTreeSet::new).insert(to);
            }
        }
    }
    assert!(cycle_from(&graph, &a).is_some(), "{graph:?}");
}
