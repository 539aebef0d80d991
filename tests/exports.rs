//! The two downloads (the template as a `.py` file and the report as Markdown) for every frozen link of
//! the current schema (tests/links/), in the link's language, compared with the copies kept in
//! tests/expect/exports/. A change to a template, a text or the report's layout shows here as a diff of
//! what users download. Run with `UPDATE_EXPECT=1` to write the new copies after a deliberate change, and
//! review the diff.

use pyconc::content::{Lang, META};
use pyconc::engine::export::{markdown_report, python_file};
use pyconc::engine::{Recommendation, ShareLink};
use std::path::Path;

/// The frozen links of the current schema: (model, query).
fn frozen_links() -> Vec<(String, String)> {
    let path = format!("{}/tests/links/v{}.txt", env!("CARGO_MANIFEST_DIR"), META.schema);
    let corpus = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (model, query) = l.split_once(' ').unwrap_or_else(|| panic!("{path}: `{l}` has no query"));
            (model.to_string(), query.trim().to_string())
        })
        .collect()
}

/// Compares `got` with the kept copy at `path`; with UPDATE_EXPECT set, writes it first. Returns a
/// description of the first difference, if any.
fn compare(path: &Path, got: &str) -> Option<String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, got).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let kept = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return Some(format!("{}: {e} (UPDATE_EXPECT=1 writes it)", path.display())),
    };
    if kept == got {
        return None;
    }
    let (mut kept_lines, mut got_lines) = (kept.lines(), got.lines());
    for n in 1.. {
        match (kept_lines.next(), got_lines.next()) {
            (None, None) => break,
            (k, g) if k == g => continue,
            (k, g) => {
                return Some(format!(
                    "{} differs from line {n}:\n  kept: {}\n  now:  {}",
                    path.display(),
                    k.unwrap_or("(end of file)"),
                    g.unwrap_or("(end of file)")
                ));
            }
        }
    }
    Some(format!("{} differs in its line endings", path.display()))
}

#[test]
fn the_downloads_of_the_frozen_links_are_the_kept_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expect/exports");
    let links = frozen_links();
    assert!(links.len() >= 9, "the frozen links should cover every model");
    let mut differences = Vec::new();
    let mut names = Vec::new();
    for (i, (model, query)) in links.iter().enumerate() {
        let (link, notices) = ShareLink::decode(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        let lang = link.lang.unwrap_or(Lang::En);
        let url = format!("https://example.invalid/?{query}");
        let rec = Recommendation::for_answers(&link.answers);
        assert_eq!(rec.model.get().id, model, "{query}");
        // One item of the checklist ticked, to keep the report's checked marks in view.
        let checked: Vec<&str> = rec.pitfalls.first().map(|p| p.id).into_iter().collect();
        let stem = format!("{:02}-{model}.{}", i + 1, lang.code());
        let py = python_file(rec.model, &link.answers, &url, lang);
        let md = markdown_report(&link.answers, &url, lang, &checked);
        for (file, content) in [(format!("{stem}.py.txt"), py.content), (format!("{stem}.md"), md.content)] {
            differences.extend(compare(&dir.join(&file), &content));
            names.push(file);
        }
    }
    // No kept copy outlives its link.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !names.contains(&name) {
                if std::env::var_os("UPDATE_EXPECT").is_some() {
                    std::fs::remove_file(entry.path()).unwrap();
                } else {
                    differences.push(format!("{name} is kept for no frozen link (UPDATE_EXPECT=1 removes it)"));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} downloads changed:\n{}",
        differences.len(),
        names.len(),
        differences.join("\n")
    );
}

/// FNV-1a, 64 bits: a digest that stays the same on every platform and Rust release.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Every variant of every template (what the template suite runs), as a digest of its text, compared
/// with tests/expect/templates.tsv. A refactor of the templates (a partial, a moved block) must leave this
/// file unchanged; a deliberate change to a template shows which variants it changed.
#[test]
fn every_template_variant_is_the_kept_one() {
    use pyconc::content::{QuestionId, TEMPLATES};
    let py = QuestionId::find("py").unwrap().get();
    let mut table = String::from("# template\tvariant\toldest python\tpaths\tFNV-1a of the text\n");
    for t in TEMPLATES {
        for (i, v) in t.variants().iter().enumerate() {
            let version = py.options[v.oldest_py as usize].id;
            table.push_str(&format!("{}\t{:04}\t{version}\t{}\t{:016x}\n", t.id, i + 1, v.paths, fnv1a(&v.text)));
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expect/templates.tsv");
    if let Some(difference) = compare(&path, &table) {
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        let kept: std::collections::BTreeSet<&str> = kept.lines().collect();
        let now: std::collections::BTreeSet<&str> = table.lines().collect();
        let gone: Vec<&&str> = kept.difference(&now).take(20).collect();
        let new: Vec<&&str> = now.difference(&kept).take(20).collect();
        panic!(
            "the template variants changed (UPDATE_EXPECT=1 to accept): {difference}\nkept only: {gone:#?}\nnew only: {new:#?}"
        );
    }
}
