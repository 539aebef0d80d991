//! The engine's speed on the host, for the benchmark (`scripts/bench.sh`): full evaluations
//! (`Recommendation::for_answers`: scores, requirements, alternatives, trail, pitfalls and template) per
//! second, over every complete answer path, on all cores; then single-threaded over one fixed sub-tree,
//! ten times, for a median. Prints one JSON object.
//!
//! Usage: cargo run --release --bin engine_bench

use pyconc::content::META;
use pyconc::engine::recommendation::Recommendation;
use pyconc::engine::{Answers, ShareLink};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Evaluates every complete path below `a`; returns (paths, a checksum that keeps the work observable).
fn walk(a: &Answers) -> (u64, u64) {
    match a.next_question() {
        None => {
            let r = Recommendation::for_answers(a);
            (1, u64::from(r.model.0) + r.pitfalls.len() as u64 + r.trail.len() as u64)
        }
        Some(q) => (0..q.get().options.len() as u8).fold((0, 0), |(n, s), o| {
            let mut b = *a;
            b.answer(q, o);
            let (n2, s2) = walk(&b);
            (n + n2, s.wrapping_add(s2))
        }),
    }
}

/// The answer sets `depth` questions down, to share among threads.
fn frontier(a: &Answers, depth: usize, out: &mut Vec<Answers>) {
    match a.next_question() {
        Some(q) if depth > 0 => {
            for o in 0..q.get().options.len() as u8 {
                let mut b = *a;
                b.answer(q, o);
                frontier(&b, depth - 1, out);
            }
        }
        _ => out.push(*a),
    }
}

fn main() {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut jobs = Vec::new();
    frontier(&Answers::new(), 4, &mut jobs);
    let next = AtomicUsize::new(0);
    let total = Mutex::new((0u64, 0u64));
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let (mut n, mut sum) = (0u64, 0u64);
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let (n2, s2) = walk(job);
                    n += n2;
                    sum = sum.wrapping_add(s2);
                }
                let mut t = total.lock().unwrap();
                t.0 += n;
                t.1 = t.1.wrapping_add(sum);
            });
        }
    });
    let full_secs = start.elapsed().as_secs_f64();
    let (paths, checksum) = *total.lock().unwrap();

    // One thread, one sub-tree, ten runs.
    // Answers of the current link schema (older links migrate, which would time the migration too).
    let subtree = "work=io&scale=one&where=aweb&py=3.12";
    let (link, _) = ShareLink::decode(&format!("v={}&{subtree}", META.schema));
    let mut rates: Vec<f64> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let (n, _) = walk(&link.answers);
            n as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    let (sub_paths, _) = walk(&link.answers);
    println!(
        "{{\"paths\": {paths}, \"threads\": {threads}, \"seconds\": {full_secs:.2}, \"evals_per_sec\": {:.0}, \"checksum\": {checksum}, \"single_thread\": {{\"subtree\": \"{subtree}\", \"paths\": {sub_paths}, \"runs\": 10, \"median\": {:.0}, \"min\": {:.0}, \"max\": {:.0}}}}}",
        paths as f64 / full_secs,
        (rates[4] + rates[5]) / 2.0,
        rates[0],
        rates[9]
    );
}
