//! Walks tests/corpus/*.py and checks every snippet against the expectations written in it:
//!
//! - `# expect: check-id[, check-id…]` at the end of a line: those checks fire on that line;
//! - `# ok: check-id[, …]`: a near miss; those checks do not fire on that line (a negative case);
//! - `# expect-syntax` or `# expect-syntax: python2`: a syntax error on that line (Python 2 or not);
//! - `# expect-suggest: key=value[, …]` anywhere: the suggested answers, exactly.
//!
//! The findings of a snippet must be exactly its `expect` lines, so every snippet is also a negative
//! case for every check it does not expect. Each check needs at least two positive and two negative
//! cases across the corpus.

use pyconc_checker::{CHECKS, check};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Default)]
struct Expected {
    findings: BTreeSet<(u32, String)>,
    near_misses: BTreeSet<(u32, String)>,
    syntax: BTreeSet<(u32, bool)>,
    suggested: BTreeSet<String>,
}

fn ids(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn expectations(text: &str) -> Expected {
    let mut e = Expected::default();
    for (i, line) in text.lines().enumerate() {
        let n = i as u32 + 1;
        let Some(at) = line.find("# ") else { continue };
        let comment = &line[at + 2..];
        if let Some(rest) = comment.strip_prefix("expect-suggest:") {
            e.suggested.extend(ids(rest));
        } else if let Some(rest) = comment.strip_prefix("expect-syntax") {
            e.syntax.insert((n, rest.trim_start_matches(':').trim() == "python2"));
        } else if let Some(rest) = comment.strip_prefix("expect:") {
            e.findings.extend(ids(rest).map(|id| (n, id)));
        } else if let Some(rest) = comment.strip_prefix("ok:") {
            e.near_misses.extend(ids(rest).map(|id| (n, id)));
        }
    }
    e
}

fn corpus() -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap())).collect()
}

#[test]
fn every_snippet_gets_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for (path, text) in corpus() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected = expectations(&text);
        let report = check(&text).unwrap_or_else(|e| panic!("{name}: refused: {e:?}"));
        let found: BTreeSet<(u32, String)> = report.findings.iter().map(|f| (f.line, f.check.to_string())).collect();
        for (line, id) in found.difference(&expected.findings) {
            failures.push(format!("{name}:{line}: unexpected {id}"));
        }
        for (line, id) in expected.findings.difference(&found) {
            failures.push(format!("{name}:{line}: missing {id}"));
        }
        for miss in &expected.near_misses {
            assert!(!expected.findings.contains(miss), "{name}:{}: {} both expected and ok", miss.0, miss.1);
        }
        let syntax: BTreeSet<(u32, bool)> = report.syntax_errors.iter().map(|s| (s.line, s.python2)).collect();
        if syntax != expected.syntax {
            failures.push(format!("{name}: syntax errors {syntax:?}, expected {:?}", expected.syntax));
        }
        let suggested: BTreeSet<String> = report.suggested.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if suggested != expected.suggested {
            failures.push(format!("{name}: suggested {suggested:?}, expected {:?}", expected.suggested));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_corpus_covers_every_check_both_ways() {
    let files = corpus();
    assert!(files.len() >= 60, "the corpus has {} snippets, fewer than 60", files.len());
    let mut counts: BTreeMap<&str, (usize, usize)> = CHECKS.iter().map(|c| (c.id, (0, 0))).collect();
    for (path, text) in &files {
        let e = expectations(text);
        for (line, id) in e.findings.iter().chain(&e.near_misses) {
            assert!(counts.contains_key(id.as_str()), "{}:{line}: unknown check {id}", path.display());
        }
        for (_, id) in &e.findings {
            counts.get_mut(id.as_str()).unwrap().0 += 1;
        }
        for (_, id) in &e.near_misses {
            counts.get_mut(id.as_str()).unwrap().1 += 1;
        }
    }
    let thin: Vec<String> = counts
        .iter()
        .filter(|(_, (pos, neg))| *pos < 2 || *neg < 2)
        .map(|(id, (pos, neg))| format!("{id}: {pos} positive, {neg} negative"))
        .collect();
    assert!(thin.is_empty(), "checks with too few cases:\n{}", thin.join("\n"));
    if std::env::var_os("CORPUS_COUNTS").is_some() {
        for (id, (pos, neg)) in &counts {
            println!("{id}\t{pos}\t{neg}");
        }
    }
}
