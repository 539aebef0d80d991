//! Exhaustive reasoning over every answer path without walking them one by one.
//!
//! The questions are asked in a fixed order, and a question's `ask_if` reads only earlier answers. So
//! after question `i`, two partial paths whose answers agree on every question still read later (by a
//! later `ask_if`, by a scoring rule not yet settled, or by a set of questions we want to observe) have
//! the same futures. Merging them, with a count of how many paths each state stands for, covers all
//! complete paths exactly: the counts add up to the number of paths a plain walk would visit.

use crate::content::{Cond, MODELS, QUESTIONS, QuestionId, REQUIREMENTS, RULES};
use crate::engine::{Answers, ordering};
use std::collections::{BTreeSet, HashMap};

/// The questions a condition reads.
pub fn reads(cond: &Cond, out: &mut BTreeSet<u8>) {
    match *cond {
        Cond::Always => {}
        Cond::In(q, _) | Cond::Cmp(q, _, _) => {
            out.insert(q.0);
        }
        Cond::Not(inner) => reads(inner, out),
        Cond::All(items) | Cond::Any(items) => items.iter().for_each(|c| reads(c, out)),
    }
}

/// For each question, the index of the last question at which a walk still reads its answer: a later
/// `ask_if` and, for a scoring walk, a rule or requirement settled once its last question is answered.
/// `None` for a question nothing reads. A walk forgets an answer after that index unless it observes it.
pub fn last_reads(score: bool) -> Vec<Option<usize>> {
    let mut last_read = vec![None::<usize>; QUESTIONS.len()];
    let mut note = |cond: &Cond, at: usize| {
        let mut set = BTreeSet::new();
        reads(cond, &mut set);
        for q in set {
            let slot = &mut last_read[q as usize];
            *slot = Some(slot.map_or(at, |s: usize| s.max(at)));
        }
    };
    for (i, q) in QUESTIONS.iter().enumerate() {
        note(&q.ask_if, i);
    }
    // A rule reads its questions when its last one is answered, so they are kept until then.
    if score {
        let conds = RULES.iter().map(|r| &r.when).chain(REQUIREMENTS.iter().map(|r| &r.when));
        for cond in conds {
            let mut set = BTreeSet::new();
            reads(cond, &mut set);
            if let Some(&m) = set.iter().max() {
                note(cond, m as usize);
            }
        }
    }
    last_read
}

/// A merged state: the answers still needed, the scores settled so far, the models ruled out, the
/// models that some rule speaks for, and (only when path lengths are counted) how many questions the
/// path has answered.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct State {
    answers: Answers,
    scores: [i16; MAX_MODELS],
    ruled_out: u32,
    positive: u32,
    fired: u32,
    answered: u8,
}

/// What a final state of a scoring walk knows: the observed answers, which models are ruled out, and for
/// the others their score, whether some rule speaks for them and whether some rule moved them (a model
/// ruled out has score 0 and neither).
#[derive(Clone, Copy, Debug)]
pub struct Outcome {
    pub answers: Answers,
    pub scores: [i16; MAX_MODELS],
    pub ruled_out: u32,
    pub positive: u32,
    /// The models that some rule moved, up or down.
    pub fired: u32,
}

impl Outcome {
    /// The models still in the running, best first; ties in the order of models.toml, as `Recommendation`.
    pub fn ranking(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..MODELS.len()).filter(|m| self.ruled_out & (1 << m) == 0).collect();
        ordering::sort_by_key(&mut order, |&m| (-self.scores[m], m));
        order
    }
}

/// The most models the content may have (checked by build.rs).
pub const MAX_MODELS: usize = 16;

/// The outcome of walking every path.
pub struct Walk {
    /// How many complete paths there are.
    pub paths: u128,
    /// How many merged states the largest step held (a measure of the work done).
    pub widest: usize,
    /// The final states: answers to the observed questions, scores and ruled-out models, with counts.
    finals: HashMap<State, u128>,
}

impl Walk {
    /// Walks every path, keeping the answers to `observe` in the final states. With `score`, the
    /// scoring rules and requirements are settled along the way so each final state knows its winner.
    pub fn run(observe: &[QuestionId], score: bool) -> Walk {
        Walk::run_from(&Answers::new(), observe, score)
    }

    /// Like `run`, over the paths that give the answers of `prefix` wherever those questions are asked.
    pub fn run_from(prefix: &Answers, observe: &[QuestionId], score: bool) -> Walk {
        Walk::explore(prefix, observe, score, false)
    }

    /// How many paths answer how many questions: `(length, paths)`, shortest first.
    pub fn path_lengths() -> Vec<(usize, u128)> {
        let walk = Walk::explore(&Answers::new(), &[], false, true);
        let mut by_len: std::collections::BTreeMap<usize, u128> = Default::default();
        for (s, c) in &walk.finals {
            *by_len.entry(s.answered as usize).or_insert(0) += c;
        }
        by_len.into_iter().collect()
    }

    fn explore(prefix: &Answers, observe: &[QuestionId], score: bool, count_len: bool) -> Walk {
        let n = QUESTIONS.len();
        let last_read = last_reads(score);
        // A rule is settled once its last question is answered.
        let settle_at = |cond: &Cond| {
            let mut set = BTreeSet::new();
            reads(cond, &mut set);
            set.iter().max().map_or(0, |&m| m as usize + 1)
        };
        let mut rules_at: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        let mut reqs_at: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        if score {
            for (r, rule) in RULES.iter().enumerate() {
                rules_at[settle_at(&rule.when)].push(r);
            }
            for (r, req) in REQUIREMENTS.iter().enumerate() {
                reqs_at[settle_at(&req.when)].push(r);
            }
        }
        let observed: BTreeSet<u8> = observe.iter().map(|q| q.0).collect();

        let start = State {
            answers: Answers::new(),
            scores: [0; MAX_MODELS],
            ruled_out: 0,
            positive: 0,
            fired: 0,
            answered: 0,
        };
        let mut states: HashMap<State, u128> = HashMap::from([(settle(start, &rules_at[0], &reqs_at[0]), 1)]);
        let mut widest = 1;
        for i in 0..n {
            let q = QuestionId(i as u8);
            let mut next: HashMap<State, u128> = HashMap::with_capacity(states.len());
            for (state, count) in states {
                let branches: Vec<Option<u8>> = if QUESTIONS[i].ask_if.holds(&state.answers) {
                    match prefix.get(q) {
                        Some(o) => vec![Some(o)],
                        None => (0..QUESTIONS[i].options.len() as u8).map(Some).collect(),
                    }
                } else {
                    vec![None]
                };
                for pick in branches {
                    let mut s = state;
                    if let Some(o) = pick {
                        s.answers.answer_raw(q, o);
                        if count_len {
                            s.answered += 1;
                        }
                    }
                    let mut s = settle(s, &rules_at[i + 1], &reqs_at[i + 1]);
                    // Forget answers nothing reads any more.
                    for (j, read) in last_read.iter().enumerate().take(i + 1) {
                        let still_read = read.is_some_and(|l| l > i);
                        if !still_read && !observed.contains(&(j as u8)) {
                            s.answers.clear_only(QuestionId(j as u8));
                        }
                    }
                    *next.entry(s).or_insert(0) += count;
                }
            }
            widest = widest.max(next.len());
            states = next;
        }
        let paths = states.values().sum();
        Walk { paths, widest, finals: states }
    }

    /// Each reachable combination of answers to the observed questions, with its number of paths.
    pub fn projections(&self) -> Vec<(Answers, u128)> {
        let mut merged: HashMap<Answers, u128> = HashMap::new();
        for (s, c) in &self.finals {
            *merged.entry(s.answers).or_insert(0) += c;
        }
        merged.into_iter().collect()
    }

    /// For each final state of a scoring walk: the observed answers and the winner (states where every
    /// model is ruled out are left out; `winners` reports those).
    pub fn final_answers_and_winners(&self) -> Vec<(Answers, usize)> {
        self.finals.keys().filter_map(|s| Some((s.answers, winner_of(s)?))).collect()
    }

    /// Every final state of a scoring walk, with its number of paths.
    pub fn outcomes(&self) -> Vec<(Outcome, u128)> {
        self.finals
            .iter()
            .map(|(s, &c)| {
                (
                    Outcome {
                        answers: s.answers,
                        scores: s.scores,
                        ruled_out: s.ruled_out,
                        positive: s.positive,
                        fired: s.fired,
                    },
                    c,
                )
            })
            .collect()
    }

    /// For each final state of a scoring walk: the winner (`None` if every model was ruled out) and the
    /// number of paths. Ties go to the model listed first, as in `Recommendation`.
    pub fn winners(&self) -> Vec<(Option<usize>, u128)> {
        self.finals.iter().map(|(s, &c)| (winner_of(s), c)).collect()
    }
}

fn winner_of(s: &State) -> Option<usize> {
    (0..MODELS.len()).filter(|m| s.ruled_out & (1 << m) == 0).max_by_key(|&m| (s.scores[m], std::cmp::Reverse(m)))
}

fn settle(mut s: State, rules: &[usize], reqs: &[usize]) -> State {
    for &r in rules {
        let rule = &RULES[r];
        if rule.when.holds(&s.answers) {
            s.scores[rule.model.0 as usize] += rule.score as i16;
            if rule.score > 0 {
                s.positive |= 1 << rule.model.0;
            }
            s.fired |= 1 << rule.model.0;
        }
    }
    for &r in reqs {
        let req = &REQUIREMENTS[r];
        if !req.when.holds(&s.answers) {
            s.ruled_out |= 1 << req.model.0;
        }
    }
    // A model ruled out stays out, and nothing reads its score or reasons any more: forgetting them lets
    // more states merge.
    for m in 0..MODELS.len() {
        if s.ruled_out & (1 << m) != 0 {
            s.scores[m] = 0;
        }
    }
    s.positive &= !s.ruled_out;
    s.fired &= !s.ruled_out;
    s
}
