//! Every answer path, covered exhaustively by the merged walk of `engine::reachable`, and the merged
//! walk checked against a plain walk that evaluates the engine on every path of several sub-trees.

use pyconc::content::{MODELS, QuestionId};
use pyconc::engine::reachable::Walk;
use pyconc::engine::{Answers, Recommendation, ShareLink};

/// A plain depth-first walk under `prefix`: every complete path, with the engine's recommendation.
fn walk_plainly(a: &Answers, prefix: &Answers, tally: &mut Vec<u128>) {
    match a.next_question() {
        None => tally[Recommendation::for_answers(a).model.0 as usize] += 1,
        Some(q) => {
            let options: Vec<u8> = match prefix.get(q) {
                Some(o) => vec![o],
                None => (0..q.get().options.len() as u8).collect(),
            };
            for o in options {
                let mut b = a.clone();
                b.answer(q, o);
                walk_plainly(&b, prefix, tally);
            }
        }
    }
}

fn merged_tally(walk: &Walk) -> Vec<u128> {
    let mut tally = vec![0u128; MODELS.len()];
    for (winner, count) in walk.winners() {
        tally[winner.expect("some path rules out every model")] += count;
    }
    tally
}

#[test]
fn the_merged_walk_covers_every_path_and_each_ends_in_one_recommendation() {
    let walk = Walk::run(&[], true);
    let tally = merged_tally(&walk);
    assert_eq!(tally.iter().sum::<u128>(), walk.paths);
    // The plain walk of all paths (ignored test below) counts the same number.
    assert_eq!(walk.paths, 257_847_120);
    println!("paths walked: {} (widest step: {} merged states)", walk.paths, walk.widest);
    for (m, c) in tally.iter().enumerate() {
        println!("  {:<14} recommended on {c} paths", MODELS[m].id);
        assert!(*c > 0, "model `{}` is never recommended", MODELS[m].id);
    }
}

#[test]
fn the_merged_walk_agrees_with_a_plain_walk_of_the_engine_on_sub_trees() {
    // Each prefix fixes a few answers; both walks then cover every path below it. The prefixes pick
    // sub-trees of different shapes: I/O with async libraries, CPU on 3.14, mixed, unsure.
    let prefixes = [
        "work=io&scale=one&where=aweb&py=3.12&io=http",
        "work=cpu&scale=one&where=script&py=3.14&os=linux",
        "work=mix&scale=one&where=script&py=3.11&io=db&conc=hundreds",
        "work=unsure&scale=one&py=3.13&where=gui",
        "work=ext&scale=one&where=notebook&py=3.10&os=win",
        "work=io&scale=jobs&where=sweb&py=3.9",
    ];
    for p in prefixes {
        let (link, notices) = ShareLink::decode(&format!("v=1&{p}"));
        assert!(notices.is_empty(), "{p}: {notices:?}");
        let mut plain = vec![0u128; MODELS.len()];
        walk_plainly(&Answers::new(), &link.answers, &mut plain);
        let merged = merged_tally(&Walk::run_from(&link.answers, &[], true));
        assert_eq!(plain, merged, "{p}");
        assert!(plain.iter().sum::<u128>() > 1000, "{p}: the sub-tree is too small to prove much");
    }
}

#[test]
fn every_question_and_option_is_reachable() {
    for q in QuestionId::all() {
        let walk = Walk::run(&[q], false);
        let seen: Vec<u8> = walk.projections().iter().filter_map(|(a, _)| a.get(q)).collect();
        for o in 0..q.get().options.len() as u8 {
            assert!(
                seen.contains(&o),
                "option `{}` of `{}` is never reachable",
                q.get().options[o as usize].id,
                q.get().id
            );
        }
    }
}

/// The plain walk of every path, for reproducing the total by hand (about two minutes in release):
/// `cargo test --release --test paths -- --ignored`.
#[test]
#[ignore]
fn a_plain_walk_of_every_path_counts_the_same_total() {
    fn count(a: &Answers) -> u128 {
        match a.next_question() {
            None => 1,
            Some(q) => (0..q.get().options.len() as u8)
                .map(|o| {
                    let mut b = a.clone();
                    b.answer(q, o);
                    count(&b)
                })
                .sum(),
        }
    }
    assert_eq!(count(&Answers::new()), Walk::run(&[], false).paths);
}
