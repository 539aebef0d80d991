//! Renders a code template for the answers: keeps the lines of the first branch of each choice whose
//! condition holds.

use crate::content::{Segment, Template};
use crate::engine::Answers;

impl Template {
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
