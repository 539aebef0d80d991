//! "What would change my answer": for each question the user answered, the other answers that would
//! give a different model, and which. An answer that opens questions not yet asked is followed over
//! every way those could be answered (with the merged walk), so the result says whether the new model
//! is certain or depends on the answers still to come.

use crate::content::{MODELS, ModelId, QuestionId};
use crate::engine::reachable::Walk;
use crate::engine::{Answers, Recommendation, ordering};

/// Another answer to one question, and where it would lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question: QuestionId,
    pub option: u8,
    /// The models this answer leads to, with how many ways of answering the questions it opens lead to
    /// each (1 when it opens none), most first. Never only the current model.
    pub outcomes: Vec<(ModelId, u128)>,
    /// Whether this answer makes the wizard ask questions the user has not answered.
    pub opens_questions: bool,
}

impl Change {
    /// The model this answer leads to whatever else is answered, if there is one.
    pub fn certain(&self) -> Option<ModelId> {
        match self.outcomes.as_slice() {
            [(m, _)] => Some(*m),
            _ => None,
        }
    }
}

/// Every other answer to an answered question that would change the recommended model, in question
/// order. Empty for answers that are not complete.
pub fn what_would_change(answers: &Answers) -> Vec<Change> {
    if answers.next_question().is_some() {
        return Vec::new();
    }
    let current = Recommendation::for_answers(answers).model;
    let mut changes = Vec::new();
    for q in answers.path() {
        let picked = answers.get(q);
        for option in 0..q.get().options.len() as u8 {
            if Some(option) == picked {
                continue;
            }
            let mut other = *answers;
            other.answer(q, option);
            let opens_questions = other.next_question().is_some();
            let mut outcomes: Vec<(ModelId, u128)> = if opens_questions {
                let mut tally = vec![0u128; MODELS.len()];
                for (winner, paths) in Walk::run_from(&other, &[], true).winners() {
                    if let Some(m) = winner {
                        tally[m] += paths;
                    }
                }
                tally.iter().enumerate().filter(|(_, c)| **c > 0).map(|(m, c)| (ModelId(m as u8), *c)).collect()
            } else {
                vec![(Recommendation::for_answers(&other).model, 1)]
            };
            if outcomes.iter().all(|(m, _)| *m == current) {
                continue;
            }
            ordering::sort_by_key(&mut outcomes, |(m, c)| (std::cmp::Reverse(*c), m.0));
            changes.push(Change { question: q, option, outcomes, opens_questions });
        }
    }
    changes
}
