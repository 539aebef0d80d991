//! Scores the models against the answers and explains the outcome: the winner, the alternatives with
//! the reason each lost, the reasoning trail, the criteria for a side-by-side comparison, the pitfalls
//! that apply and the template to start from.

use crate::content::{
    INTEGRATIONS, Integration, MODELS, ModelId, PITFALLS, Pitfall, QuestionId, REQUIREMENTS, RULES, Requirement, Rule,
    TEMPLATES, Template, ui,
};
use crate::engine::{Answers, ordering};

/// A win by this many points or fewer is shown as a close call, with the runner-up beside the winner.
pub const CLOSE_CALL_MARGIN: i32 = 1;

/// The outcome of a complete set of answers.
#[derive(Debug)]
pub struct Recommendation {
    pub model: ModelId,
    /// The other models, best first; ruled-out ones last.
    pub alternatives: Vec<Alternative>,
    /// The rules that fired for the winner, strongest first.
    pub trail: Vec<TrailEntry>,
    /// The questions that moved any score, with each model's gain or loss from them.
    pub criteria: Vec<Criterion>,
    /// The pitfalls that bite the winner for these answers, most severe first.
    pub pitfalls: Vec<&'static Pitfall>,
    /// The template to start from.
    pub template: &'static Template,
    /// The questions answered "I'm not sure", whose find-out texts the result shows.
    pub unsure: Vec<QuestionId>,
    /// Each model's total score, by model index.
    pub scores: Vec<i32>,
    /// How the model plugs into the host the code runs in.
    pub integration: Option<&'static Integration>,
    /// Set when the runner-up came within `CLOSE_CALL_MARGIN` points.
    pub close_call: Option<CloseCall>,
}

/// A narrow win: the runner-up, the margin, and the questions that separate the two.
#[derive(Debug)]
pub struct CloseCall {
    pub runner_up: ModelId,
    pub margin: i32,
    /// Questions whose answers moved the two models' scores differently: (question, winner's points,
    /// runner-up's points), the largest difference first.
    pub separating: Vec<(QuestionId, i32, i32)>,
}

/// A model that did not win, and why.
#[derive(Debug)]
pub struct Alternative {
    pub model: ModelId,
    pub score: i32,
    pub lost: LostReason,
}

/// Why an alternative lost.
#[derive(Debug)]
pub enum LostReason {
    /// A requirement of the model does not hold.
    RuledOut(&'static Requirement),
    /// The strongest rule that counted against it.
    Against(&'static Rule),
    /// Nothing counted against it; the winner's strongest reason was stronger.
    Outscored(&'static Rule),
    /// It scores the same as the winner: a tie, lost only on the order of models.
    Tie,
}

impl LostReason {
    /// Why a model that is `margin` points behind the winner lost: a requirement that does not hold;
    /// at 0 points a tie, whatever fired on either side (naming a rule would call a tie a defeat);
    /// else the strongest rule against it, or the winner's strongest reason.
    pub fn decide(
        ruled_out: Option<&'static Requirement>,
        margin: i32,
        against: Option<&'static Rule>,
        best_reason: Option<&'static Rule>,
    ) -> LostReason {
        match (ruled_out, against, best_reason) {
            (Some(req), _, _) => LostReason::RuledOut(req),
            _ if margin <= 0 => LostReason::Tie,
            (None, Some(rule), _) => LostReason::Against(rule),
            (None, None, Some(rule)) => LostReason::Outscored(rule),
            (None, None, None) => LostReason::Tie,
        }
    }
}

/// Why an alternative lost, in words: whether it was ruled out, the label before the reason ("Ruled
/// out:" or "Why not:"), and the reason shown.
#[derive(Clone, Copy, Debug)]
pub struct LostWords {
    pub ruled_out: bool,
    pub label: crate::content::Text,
    pub why: crate::content::Text,
}

impl LostReason {
    /// The words the result page and the report show for this reason.
    pub fn words(&self) -> LostWords {
        match self {
            LostReason::RuledOut(req) => LostWords { ruled_out: true, label: ui::RULED_OUT, why: req.why },
            LostReason::Against(rule) | LostReason::Outscored(rule) => {
                LostWords { ruled_out: false, label: ui::WHY_NOT, why: rule.why }
            }
            LostReason::Tie => LostWords { ruled_out: false, label: ui::TIE, why: ui::LOST_ON_ORDER },
        }
    }
}

/// One step of the reasoning trail.
#[derive(Debug)]
pub struct TrailEntry {
    pub rule: &'static Rule,
}

/// A question that mattered, with the score each model got from it (by model index).
#[derive(Debug)]
pub struct Criterion {
    pub question: QuestionId,
    pub effect: Vec<i32>,
}

impl Recommendation {
    /// Evaluates complete (or partial) answers. Deterministic: ties go to the model listed first.
    pub fn for_answers(answers: &Answers) -> Recommendation {
        let fired: Vec<&'static Rule> = RULES.iter().filter(|r| r.when.holds(answers)).collect();
        let mut scores = vec![0i32; MODELS.len()];
        for r in &fired {
            scores[r.model.0 as usize] += r.score as i32;
        }
        let ruled_out = |m: ModelId| REQUIREMENTS.iter().find(|r| r.model == m && !r.when.holds(answers));

        let mut order: Vec<ModelId> = ModelId::all().collect();
        ordering::sort_by_key(&mut order, |m| (ruled_out(*m).is_some(), -scores[m.0 as usize], m.0));
        let model = order[0];

        let mut trail: Vec<TrailEntry> =
            fired.iter().filter(|r| r.model == model).map(|&rule| TrailEntry { rule }).collect();
        ordering::sort_by_key(&mut trail, |e| -(e.rule.score as i32).abs());
        let best_reason = trail.iter().map(|e| e.rule).find(|r| r.score > 0);

        let alternatives = order[1..]
            .iter()
            .map(|&m| {
                let against = fired.iter().filter(|r| r.model == m && r.score < 0).min_by_key(|r| r.score).copied();
                let margin = scores[model.0 as usize] - scores[m.0 as usize];
                let lost = LostReason::decide(ruled_out(m), margin, against, best_reason);
                Alternative { model: m, score: scores[m.0 as usize], lost }
            })
            .collect();

        let mut criteria: Vec<Criterion> = Vec::new();
        for r in &fired {
            for &q in r.reads {
                let entry = match criteria.iter_mut().position(|c| c.question == q) {
                    Some(i) => &mut criteria[i],
                    None => {
                        criteria.push(Criterion { question: q, effect: vec![0; MODELS.len()] });
                        criteria.last_mut().unwrap()
                    }
                };
                entry.effect[r.model.0 as usize] += r.score as i32;
            }
        }
        ordering::sort_by_key(&mut criteria, |c| c.question);

        let unsure = answers.path().into_iter().filter(|&q| is_unsure(answers, q)).collect();

        let close_call = order.get(1).filter(|m| ruled_out(**m).is_none()).and_then(|&runner_up| {
            let margin = scores[model.0 as usize] - scores[runner_up.0 as usize];
            if margin > CLOSE_CALL_MARGIN {
                return None;
            }
            let mut separating: Vec<(QuestionId, i32, i32)> = criteria
                .iter()
                .map(|c| (c.question, c.effect[model.0 as usize], c.effect[runner_up.0 as usize]))
                .filter(|(_, w, r)| w != r)
                .collect();
            ordering::sort_by_key(&mut separating, |(q, w, r)| (-(w - r).abs(), *q));
            Some(CloseCall { runner_up, margin, separating })
        });

        Recommendation {
            model,
            alternatives,
            trail,
            criteria,
            pitfalls: pitfalls_for(model, answers),
            template: template_for(model, answers),
            unsure,
            scores,
            integration: integration_for(model, answers),
            close_call,
        }
    }
}

fn is_unsure(answers: &Answers, q: QuestionId) -> bool {
    answers.get(q).is_some_and(|o| q.get().options[o as usize].is_unsure())
}

/// The pitfalls of `model` that apply to these answers, most severe first.
pub fn pitfalls_for(model: ModelId, answers: &Answers) -> Vec<&'static Pitfall> {
    let mut list: Vec<&'static Pitfall> = PITFALLS.iter().filter(|p| p.applies(model, answers)).collect();
    ordering::sort_by_key(&mut list, |p| p.severity);
    list
}

/// The template of `model` for these answers: its first whose condition holds. Every model's last
/// template has no condition (checked by build.rs), so there is always one.
pub fn template_for(model: ModelId, answers: &Answers) -> &'static Template {
    TEMPLATES
        .iter()
        .find(|t| t.model == model && t.when.holds(answers))
        .expect("build.rs checks that every model ends with an unconditional template")
}

/// How `model` plugs into the host these answers name: the first integration for that host and model
/// whose condition holds.
pub fn integration_for(model: ModelId, answers: &Answers) -> Option<&'static Integration> {
    let host = answers.get(QuestionId::find("where")?)?;
    INTEGRATIONS.iter().find(|i| i.host == host && i.models.contains(&model) && i.when.holds(answers))
}

impl Pitfall {
    /// Whether the pitfall belongs on the checklist of `model` for these answers.
    pub fn applies(&self, model: ModelId, answers: &Answers) -> bool {
        self.models.iter().position(|&m| m == model).is_some_and(|i| self.when[i].holds(answers))
    }
}
