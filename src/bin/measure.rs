//! Writes `measure.py` for answer links, as the app renders it for their result pages: one file per link,
//! `DIR/N.py` in the order given, and prints each file's path with the model it was made for.
//!
//! Usage: cargo run --bin measure -- DIR 'v=2&work=cpu&...' ['v=2&...' ...]

use pyconc::engine::measure::measure_script;
use pyconc::engine::{Recommendation, ShareLink};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: measure DIR QUERY..."));
    std::fs::create_dir_all(&dir).expect("the output directory");
    for (i, query) in args.enumerate() {
        let (link, _) = ShareLink::decode(&query);
        let model = Recommendation::for_answers(&link.answers).model;
        let file = measure_script(&link.answers, &format!("https://example.invalid/?{}", link.encode()));
        let path = dir.join(format!("{i}.py"));
        std::fs::write(&path, file.content).expect("writing the script");
        println!("{}\t{}", path.display(), model.get().id);
    }
}
