//! Writes every distinct code template the engine can produce, exactly as a user downloads it (header
//! included), into a folder, with a manifest for the template test suite (tests/templates/).
//!
//! Usage: cargo run --release --bin templates -- OUT_DIR
//!
//! For each template, the merged walk of `engine::reachable` observes the questions its text and its
//! selection read, which yields every reachable combination of those answers; rendering each one and
//! keeping the distinct texts gives every variant a user can download. The header comes from the first
//! answer set (in a fixed order) that produced the text.

use pyconc::content::{Lang, QuestionId, Segment, TEMPLATES};
use pyconc::engine::ShareLink;
use pyconc::engine::export::python_file;
use pyconc::engine::reachable::{Walk, reads};
use pyconc::engine::recommendation::template_for;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

fn segment_reads(segments: &[Segment], out: &mut BTreeSet<u8>) {
    for s in segments {
        if let Segment::Choice(branches) = s {
            for (cond, body) in branches.iter() {
                reads(cond, out);
                segment_reads(body, out);
            }
        }
    }
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: templates OUT_DIR");
    std::fs::create_dir_all(&out).expect("create the output folder");
    let py = QuestionId::find("py").expect("the content has a `py` question");
    let mut manifest = String::from("file\ttemplate\tmodel\tpython\tpaths\tlink\n");
    let mut total = 0;
    for t in TEMPLATES {
        let mut observed = BTreeSet::new();
        segment_reads(t.body, &mut observed);
        for other in TEMPLATES.iter().filter(|o| o.model == t.model) {
            reads(&other.when, &mut observed);
        }
        // The Python version always goes into the manifest, to lint each file for its target.
        observed.insert(py.0);
        let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
        let mut combos = Walk::run(&observe, false).projections();
        combos.sort_by_key(|(a, _)| ShareLink { answers: *a, lang: None }.encode());
        // Distinct bodies, each with the first answers that produced it and the oldest Python it targets.
        let mut bodies: BTreeMap<String, (pyconc::engine::Answers, u8, u128)> = BTreeMap::new();
        for (answers, paths) in combos {
            if !std::ptr::eq(template_for(t.model, &answers), t) {
                continue;
            }
            let version = answers.get(py).unwrap_or(0);
            let entry = bodies.entry(t.render(&answers)).or_insert((answers, version, 0));
            entry.1 = entry.1.min(version);
            entry.2 += paths;
        }
        for (i, (answers, version, paths)) in bodies.values().enumerate() {
            let link = format!("https://example.invalid/?{}", ShareLink { answers: *answers, lang: None }.encode());
            let file = python_file(t.model, answers, &link, Lang::En);
            // Each variant in a folder of its own, under the name a user downloads it as.
            let folder = format!("{}-{:04}", t.id, i + 1);
            std::fs::create_dir_all(format!("{out}/{folder}")).expect("create a template folder");
            let name = format!("{folder}/{}", file.name);
            std::fs::write(format!("{out}/{name}"), &file.content).expect("write a template");
            let python = py.get().options[*version as usize].id;
            let _ = writeln!(manifest, "{name}\t{}\t{}\t{python}\t{paths}\t{link}", t.id, t.model.get().id);
        }
        println!("{:<16} {:>5} distinct", t.id, bodies.len());
        total += bodies.len();
    }
    std::fs::write(format!("{out}/manifest.tsv"), manifest).expect("write the manifest");
    println!("{total} distinct templates written to {out}");
}
