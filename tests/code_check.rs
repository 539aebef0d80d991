//! "Check your code" (src/engine/code_report.rs, shown by src/ui/code_check.rs): reading the worker's answers, the answers a link starts the
//! wizard with, and the text-area range a finding selects. The worker itself is tested in
//! checker/worker/tests.

use pyconc::content::Lang;
use pyconc::content::QuestionId;
use pyconc::engine::Answers;
use pyconc::engine::code_report::{
    Outcome, Refusal, ReportPage, escape, line_range_utf16, report_html, suggested_answers,
};

fn q(id: &str) -> QuestionId {
    QuestionId::find(id).unwrap_or_else(|| panic!("question {id}"))
}

fn answer(id: &str, option: &str) -> (QuestionId, u8) {
    let question = q(id);
    (question, question.get().option_index(option).unwrap_or_else(|| panic!("option {id}={option}")))
}

#[test]
fn a_report_is_read_record_by_record() {
    let text = "F\tsleep-in-coroutine\tblocking-call-in-coroutine\t5\t5\t5\t18\ttime.sleep(1)\n\
                F\tfuture-check\tno-such-pitfall\t7\t1\t8\t2\tx()\n\
                E\t6\t7\tpython2\tSimple statements must be separated by newlines or semicolons\n\
                S\twhere\taweb\n\
                S\tnot-a-question\tx\n\
                Z\tfrom a newer worker\n";
    let Outcome::Checked(report) = Outcome::parse(text) else { panic!("a report") };
    assert_eq!(report.findings.len(), 2);
    let f = &report.findings[0];
    assert_eq!((f.line, f.column, f.end_line, f.end_column), (5, 5, 5, 18));
    assert_eq!(f.pitfall, Some("blocking-call-in-coroutine"));
    assert_eq!(f.explained_by().map(|p| p.id), f.pitfall);
    assert_eq!(f.excerpt, "time.sleep(1)");
    assert_eq!(report.findings[1].pitfall, None);
    assert_eq!(report.syntax_errors.len(), 1);
    assert!(report.syntax_errors[0].python2);
    assert_eq!((report.syntax_errors[0].line, report.syntax_errors[0].column), (6, 7));
    assert_eq!(report.suggested, vec![answer("where", "aweb")]);
    assert_eq!(Outcome::parse(""), Outcome::Checked(Default::default()));
}

#[test]
fn refusals_are_read_with_their_position_or_size() {
    let check =
        |text: &str, expected: Refusal| assert_eq!(Outcome::parse(text), Outcome::Refused(expected), "{text:?}");
    check("X\tempty\t\n", Refusal::Empty);
    check("X\ttoo-large\t1000001\n", Refusal::TooLarge { bytes: 1_000_001 });
    check("X\ttoo-deep\t1:205\n", Refusal::TooDeep { line: 1, column: 205 });
    check("X\tnot-text\t2:3\n", Refusal::NotText { line: 2, column: 3 });
}

#[test]
fn suggested_answers_start_from_the_pages_answers() {
    // On the landing: only what the wizard asks with nothing else answered goes into the link.
    let (answers, carried) =
        suggested_answers(&Answers::new(), &[answer("where", "aweb"), answer("libs", "some")]).unwrap();
    assert_eq!(carried, vec![answer("where", "aweb")]);
    assert_eq!(answers.get(q("where")), Some(answer("where", "aweb").1));
    assert_eq!(answers.get(q("libs")), None);

    // On a result for I/O work in a script: both change the answers.
    let mut base = Answers::new();
    for (id, option) in [
        ("work", "io"),
        ("scale", "one"),
        ("where", "script"),
        ("py", "3.12"),
        ("io", "http"),
        ("conc", "hundreds"),
        ("libs", "all"),
    ] {
        let (question, o) = answer(id, option);
        base.answer(question, o);
    }
    let (answers, carried) = suggested_answers(&base, &[answer("where", "aweb"), answer("libs", "some")]).unwrap();
    assert_eq!(carried.len(), 2);
    assert_eq!(answers.get(q("libs")), Some(answer("libs", "some").1));
    assert_eq!(answers.get(q("work")), Some(answer("work", "io").1));

    // Nothing new: no link.
    assert_eq!(suggested_answers(&answers, &[answer("where", "aweb")]), None);
    assert_eq!(suggested_answers(&base, &[]), None);
}

#[test]
fn a_finding_selects_its_lines_in_utf16_units() {
    let text = "import time\nasync def f():\n    time.sleep(1)\n";
    assert_eq!(line_range_utf16(text, 3, 3), (27, 44));
    assert_eq!(&text[27..44], "    time.sleep(1)");
    assert_eq!(line_range_utf16(text, 2, 3), (12, 44));
    // Characters outside the BMP count two units, as in the browser's text area.
    let wide = "s = '😀'\nx = 1\n";
    assert_eq!(line_range_utf16(wide, 2, 2), (9, 14));
    // Past the end: the end of the text.
    assert_eq!(line_range_utf16("x = 1", 5, 5), (5, 5));
    assert_eq!(line_range_utf16("a\r\nb\r\n", 1, 1), (0, 1));
}

#[test]
fn the_report_markup_escapes_the_pasted_code_and_links_the_checklist() {
    let text = "F\tsleep-in-coroutine\tblocking-call-in-coroutine\t2\t5\t3\t1\ttime.sleep(\"<script>alert(1)</script>\")\n\
                E\t4\t1\tsyntax\tExpected an expression, got '<'\n\
                S\twhere\taweb\n";
    let Outcome::Checked(report) = Outcome::parse(text) else { panic!("a report") };
    let carried = [answer("where", "aweb")];
    let page = ReportPage {
        lang: Lang::En,
        checklist: &["blocking-call-in-coroutine"],
        link: Some("v=2&where=aweb"),
        carried: &carried,
    };
    let html = report_html(&report, &page);
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("time.sleep(&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;)"), "{html}");
    assert!(html.contains("got &#39;&lt;&#39;"), "{html}");
    assert!(html.contains("data-lines=\"2 3\""), "{html}");
    assert!(html.contains("data-lines=\"4 4\""), "{html}");
    assert!(html.contains("href=\"#pitfall-blocking-call-in-coroutine\""), "{html}");
    assert!(html.contains("<code>time.sleep()</code>"), "the pitfall's backticks become code: {html}");
    assert!(
        html.contains("href=\"?v=2&amp;where=aweb\" data-wizard>Start the wizard with these answers</a>"),
        "{html}"
    );

    // Outside the checklist, in Chinese, and with answers that change nothing.
    let page = ReportPage { lang: Lang::Zh, checklist: &[], link: None, carried: &[] };
    let html = report_html(&report, &page);
    assert!(!html.contains("#pitfall-"), "{html}");
    assert!(html.contains("第 2 行第 5 列"), "{html}");
    assert!(!html.contains("data-wizard"), "{html}");
    assert_eq!(escape("a&b\"c'<d>"), "a&amp;b&quot;c&#39;&lt;d&gt;");
}
