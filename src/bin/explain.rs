//! Prints what the engine makes of one answer link: every model's score, the reasoning trail, the
//! alternatives with why each lost, the close call, the template and the host integration. A tool for
//! content authors checking a rule change.
//!
//! Usage: cargo run --bin explain -- 'v=2&work=cpu&scale=one&...'

use pyconc::engine::recommendation::LostReason;
use pyconc::engine::{Recommendation, ShareLink};

fn main() {
    for query in std::env::args().skip(1) {
        let (link, notices) = ShareLink::decode(&query);
        println!("{query}");
        if !notices.is_empty() {
            println!("  notices: {notices:?}");
        }
        if let Some(q) = link.answers.next_question() {
            println!("  incomplete: the next question is `{}`", q.get().id);
        }
        let rec = Recommendation::for_answers(&link.answers);
        println!("  model {} ({})", rec.model.get().id, rec.scores[rec.model.0 as usize]);
        for t in &rec.trail {
            println!("    {:+} {}", t.rule.score, t.rule.why.en());
        }
        for alt in &rec.alternatives {
            let lost = match &alt.lost {
                LostReason::RuledOut(req) => format!("ruled out: {}", req.why.en()),
                LostReason::Against(rule) => format!("against: {:+} {}", rule.score, rule.why.en()),
                LostReason::Outscored(_) => "outscored".to_string(),
                LostReason::Tie => "tie".to_string(),
            };
            println!("  {:<14} {:>3}  {lost}", alt.model.get().id, alt.score);
        }
        if let Some(c) = &rec.close_call {
            println!("  close call with {} by {}", c.runner_up.get().id, c.margin);
        }
        println!("  template {}", rec.template.id);
        println!("  integration {}", rec.integration.map_or("none", |i| i.id));
        let started = std::time::Instant::now();
        let changes = pyconc::engine::what_would_change(&link.answers);
        println!("  what would change ({:?}):", started.elapsed());
        for c in changes {
            let q = c.question.get();
            let to: Vec<String> = c.outcomes.iter().map(|(m, n)| format!("{} ({n})", m.get().id)).collect();
            println!("    {} = {} -> {}", q.id, q.options[c.option as usize].id, to.join(", "));
        }
    }
}
