//! Times `check` on one program: the median, minimum and maximum of N runs (default 10), after one
//! warm-up run. Without a file, it times a 1,000-line program made of whole corpus snippets that parse
//! as plain Python (tests/corpus), which has findings of most checks.
//!
//! Usage: cargo run --release -p pyconc-checker --bin check-timing -- [FILE.py] [RUNS]

use std::time::Instant;

fn corpus_program(lines: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/corpus").map(|e| e.unwrap().path()).collect();
    files.sort();
    // Whole snippets that parse as plain Python, as many as fit, then comment lines up to `lines`.
    let mut out: Vec<String> = Vec::new();
    'fill: loop {
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let plain = pyconc_checker::check(&text).is_ok_and(|r| r.syntax_errors.is_empty());
            let snippet: Vec<&str> = text.lines().collect();
            if !plain {
                continue;
            }
            if out.len() + snippet.len() > lines {
                break 'fill;
            }
            out.extend(snippet.iter().map(|l| l.to_string()));
        }
    }
    out.resize(lines, "# (padding)".to_string());
    out.join("\n") + "\n"
}

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    let (label, text) = match first.as_deref() {
        Some(path) if !path.chars().all(|c| c.is_ascii_digit()) => {
            (path.to_string(), std::fs::read_to_string(path).expect("read the file"))
        }
        _ => ("1,000 lines of the corpus".to_string(), corpus_program(1000)),
    };
    let runs: usize = first
        .filter(|a| a.chars().all(|c| c.is_ascii_digit()))
        .or_else(|| args.next())
        .map_or(10, |r| r.parse().expect("RUNS is a number"));
    let report = pyconc_checker::check(&text).expect("the program is checked");
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(pyconc_checker::check(std::hint::black_box(&text)).ok());
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: {} lines, {} bytes, {} findings, {} syntax errors; {runs} runs: median {:.2} ms, min {:.2} ms, max {:.2} ms",
        text.lines().count(),
        text.len(),
        report.findings.len(),
        report.syntax_errors.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
