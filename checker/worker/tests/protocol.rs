//! The two halves of the worker protocol together: what `respond()` writes, the app's `Outcome::parse`
//! reads back to the same findings, syntax errors, suggestions and refusals the checker produced. A field
//! added or moved on one side fails here, although each side's own tests still pass.

use pyconc::content::QuestionId;
use pyconc::engine::code_report::{Outcome, Refusal};
use pyconc_checker::{MAX_BYTES, check};
use pyconc_checker_worker::respond;

/// Programs that give findings of several checks, a syntax error, Python 2, suggestions and tabs or
/// non-ASCII text in the excerpts.
const PROGRAMS: &[&str] = &[
    "import asyncio, time\n\nasync def main():\n    time.sleep(1)\n    asyncio.create_task(main())\n",
    "import requests\nimport asyncio\n\nasync def fetch(url):\n    return requests.get(url, timeout=5)  # é\n",
    "from concurrent.futures import ProcessPoolExecutor\n\nwith ProcessPoolExecutor() as pool:\n    pool.submit(lambda: 1)\n",
    "import time\nasync def f():\n    time.sleep(1)\nprint \"x\"\n",
    "import fastapi\nimport numpy\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/')\nasync def root():\n\timport time; time.sleep(2)\n",
    "def broken(:\n    pass\n",
];

#[test]
fn every_finding_the_checker_makes_reads_back_the_same() {
    let mut findings_seen = 0;
    let mut errors_seen = 0;
    let mut suggestions_seen = 0;
    for program in PROGRAMS {
        let expected = check(program).expect("a program the checker reads");
        let Outcome::Checked(read) = Outcome::parse(&respond(program)) else {
            panic!("a report for {program:?}");
        };
        assert_eq!(read.findings.len(), expected.findings.len(), "{program:?}");
        for (got, want) in read.findings.iter().zip(&expected.findings) {
            assert_eq!(got.check, want.check);
            assert_eq!(got.pitfall, Some(want.pitfall), "the app knows the pitfall of {}", want.check);
            assert_eq!(
                (got.line, got.column, got.end_line, got.end_column),
                (want.line, want.column, want.end_line, want.end_column),
                "{}",
                want.check
            );
            assert_eq!(got.excerpt, want.excerpt.replace('\t', " "), "{}", want.check);
        }
        assert_eq!(read.syntax_errors.len(), expected.syntax_errors.len(), "{program:?}");
        for (got, want) in read.syntax_errors.iter().zip(&expected.syntax_errors) {
            assert_eq!((got.line, got.column), (want.line, want.column));
            assert_eq!(got.message, want.message.replace('\t', " "));
        }
        let want_suggested: Vec<(QuestionId, u8)> = expected
            .suggested
            .iter()
            .map(|(q, o)| {
                let q = QuestionId::find(q).expect("the app has every question the checker suggests");
                let o = q.get().options.iter().position(|x| x.id == *o).expect("and every option") as u8;
                (q, o)
            })
            .collect();
        assert_eq!(read.suggested, want_suggested, "{program:?}");
        findings_seen += read.findings.len();
        errors_seen += read.syntax_errors.len();
        suggestions_seen += read.suggested.len();
    }
    // The programs above exercise every kind of record.
    assert!(findings_seen >= 4, "{findings_seen} findings");
    assert!(errors_seen >= 2, "{errors_seen} syntax errors");
    assert!(suggestions_seen >= 2, "{suggestions_seen} suggestions");
}

#[test]
fn refusals_read_back_with_their_size_and_place() {
    let big = "#".repeat(MAX_BYTES + 1);
    assert_eq!(Outcome::parse(&respond(&big)), Outcome::Refused(Refusal::TooLarge { bytes: (MAX_BYTES + 1) as u64 }));
    assert_eq!(Outcome::parse(&respond("x = 1\nab\0c\n")), Outcome::Refused(Refusal::NotText { line: 2, column: 3 }));
    assert_eq!(Outcome::parse(&respond(" \n\t\n")), Outcome::Refused(Refusal::Empty));
    let deep = format!("x = {}1{}\n", "(".repeat(400), ")".repeat(400));
    let Outcome::Refused(Refusal::TooDeep { line, .. }) = Outcome::parse(&respond(&deep)) else {
        panic!("a program nested past Python's limit is refused as too deep: {}", respond(&deep));
    };
    assert_eq!(line, 1);
}
