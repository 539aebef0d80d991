//! Renders a code template for the answers: keeps the lines of the first branch of each choice whose
//! condition holds.

use crate::content::{Segment, Template};
use crate::engine::Answers;

impl Template {
    /// Adds the questions whose answers the template's text depends on to `out`.
    pub fn reads(&self, out: &mut std::collections::BTreeSet<u8>) {
        fn walk(segments: &[Segment], out: &mut std::collections::BTreeSet<u8>) {
            for s in segments {
                if let Segment::Choice(branches) = s {
                    for (cond, body) in branches.iter() {
                        crate::engine::reachable::reads(cond, out);
                        walk(body, out);
                    }
                }
            }
        }
        walk(self.body, out);
    }

    /// The questions that decide this template's text or whether it is the one its model uses: what a
    /// walk must observe to meet every variant.
    pub fn observed(&self) -> std::collections::BTreeSet<u8> {
        let mut out = std::collections::BTreeSet::new();
        self.reads(&mut out);
        for other in crate::content::TEMPLATES.iter().filter(|o| o.model == self.model) {
            crate::engine::reachable::reads(&other.when, &mut out);
        }
        out
    }

    /// The template's Python source for these answers.
    pub fn render(&self, answers: &Answers) -> String {
        let mut out = String::new();
        render_into(self.body, answers, &mut out);
        out
    }
}

fn render_into(segments: &[Segment], answers: &Answers, out: &mut String) {
    for segment in segments {
        match segment {
            Segment::Lines(code) => out.push_str(code.get()),
            Segment::Choice(branches) => {
                if let Some((_, body)) = branches.iter().find(|(cond, _)| cond.holds(answers)) {
                    render_into(body, answers, out);
                }
            }
        }
    }
}

/// One text a template can render to: the first answers (in link order) that produce it, the oldest
/// Python version among the answers that do (an option index of `py`), and how many answer paths end on
/// it.
pub struct Variant {
    pub answers: Answers,
    pub oldest_py: u8,
    pub paths: u128,
    pub text: String,
}

impl Template {
    /// Every distinct text of this template a user can download, in a fixed order. The merged walk of
    /// `engine::reachable` observes the questions the template's text and its selection read (and
    /// `py`), which yields every reachable combination of those answers; rendering each one where this
    /// template is the one chosen and keeping the distinct texts gives every variant.
    pub fn variants(&'static self) -> Vec<Variant> {
        use crate::content::QuestionId;
        use crate::engine::ShareLink;
        use crate::engine::reachable::Walk;
        use crate::engine::recommendation::template_for;
        use std::collections::BTreeMap;

        let py = QuestionId::find("py").expect("the content has a `py` question");
        let mut observed = self.observed();
        observed.insert(py.0);
        let observe: Vec<QuestionId> = observed.iter().map(|&q| QuestionId(q)).collect();
        let mut combos = Walk::run(&observe, false).projections();
        combos.sort_by_key(|(a, _)| ShareLink { answers: *a, lang: None }.encode());
        let mut texts: BTreeMap<String, Variant> = BTreeMap::new();
        for (answers, paths) in combos {
            if !std::ptr::eq(template_for(self.model, &answers), self) {
                continue;
            }
            let version = answers.get(py).unwrap_or(0);
            let text = self.render(&answers);
            let v = texts.entry(text).or_insert_with_key(|text| Variant {
                answers,
                oldest_py: version,
                paths: 0,
                text: text.clone(),
            });
            v.oldest_py = v.oldest_py.min(version);
            v.paths += paths;
        }
        texts.into_values().collect()
    }
}
