//! Writes every distinct code template the engine can produce, exactly as a user downloads it (header
//! included), into a folder, with a manifest for the template test suite (tests/templates/).
//!
//! Usage: cargo run --release --bin templates -- OUT_DIR
//!
//! The variants are `Template::variants` (src/engine/template.rs); the header comes from the first answer
//! set (in a fixed order) that produced the text.

use pyconc::content::{Lang, QuestionId, TEMPLATES};
use pyconc::engine::ShareLink;
use pyconc::engine::export::python_file;
use std::fmt::Write as _;

fn main() {
    let out = std::env::args().nth(1).expect("usage: templates OUT_DIR");
    std::fs::create_dir_all(&out).expect("create the output folder");
    let py = QuestionId::find("py").expect("the content has a `py` question");
    let mut manifest = String::from("file\ttemplate\tmodel\tpython\tpaths\tlink\n");
    let mut total = 0;
    for t in TEMPLATES {
        let variants = t.variants();
        for (i, v) in variants.iter().enumerate() {
            let link = format!("https://example.invalid/?{}", ShareLink { answers: v.answers, lang: None }.encode());
            let file = python_file(t.model, &v.answers, &link, Lang::En);
            // Each variant in a folder of its own, under the name a user downloads it as.
            let folder = format!("{}-{:04}", t.id, i + 1);
            std::fs::create_dir_all(format!("{out}/{folder}")).expect("create a template folder");
            let name = format!("{folder}/{}", file.name);
            std::fs::write(format!("{out}/{name}"), &file.content).expect("write a template");
            let python = py.get().options[v.oldest_py as usize].id;
            let _ = writeln!(manifest, "{name}\t{}\t{}\t{python}\t{}\t{link}", t.id, t.model.get().id, v.paths);
        }
        println!("{:<16} {:>5} distinct", t.id, variants.len());
        total += variants.len();
    }
    std::fs::write(format!("{out}/manifest.tsv"), manifest).expect("write the manifest");
    println!("{total} distinct templates written to {out}");
}
