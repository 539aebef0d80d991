//! The panel shows each finding through the app's pitfall of the same id (`pyconc::content::PITFALLS`):
//! every check must name one, with its title, symptom and fix in both languages.

use pyconc::content::PITFALLS;
use pyconc_checker::CHECKS;

#[test]
fn every_check_names_a_pitfall_the_app_can_show() {
    let mut missing = Vec::new();
    for check in CHECKS {
        let Some(pitfall) = PITFALLS.iter().find(|p| p.id == check.pitfall) else {
            missing.push(format!("check {} names pitfall {}, which the app's content lacks", check.id, check.pitfall));
            continue;
        };
        for (part, text) in [("title", pitfall.title), ("symptom", pitfall.symptom), ("fix", pitfall.fix)] {
            if text.en().trim().is_empty() || text.zh().trim().is_empty() {
                missing.push(format!("pitfall {} has no {part} in one of the languages", pitfall.id));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(!CHECKS.is_empty());
}

#[test]
fn the_panel_counts_the_checks_there_are() {
    // The app does not link the checker, so its "nothing found" message carries the count as a constant.
    assert_eq!(
        pyconc::engine::code_report::CHECK_COUNT,
        CHECKS.len(),
        "update CHECK_COUNT in src/engine/code_report.rs"
    );
}
