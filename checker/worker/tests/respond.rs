//! The worker's answers: the checker's text format, and the refusals the worker adds before parsing.

use pyconc_checker::MAX_BYTES;
use pyconc_checker_worker::{not_source, respond};

#[test]
fn a_program_gets_the_checkers_text_format() {
    let text = "import asyncio, time\n\nasync def main():\n    time.sleep(1)\n";
    assert_eq!(respond(text), "F\tsleep-in-coroutine\tblocking-call-in-coroutine\t4\t5\t4\t18\ttime.sleep(1)\n");
    assert_eq!(respond("x = 1\n"), "");
    assert_eq!(respond(" \n\t\n"), "X\tempty\t\n");
}

#[test]
fn text_over_the_limit_is_refused_before_anything_else() {
    let big = format!("\0{}", "#".repeat(MAX_BYTES));
    assert_eq!(respond(&big), format!("X\ttoo-large\t{}\n", MAX_BYTES + 1));
}

#[test]
fn nul_and_replacement_characters_are_not_source() {
    assert_eq!(respond("x = 1\nab\0c\n"), "X\tnot-text\t2:3\n");
    assert_eq!(respond("# é\u{FFFD}\n"), "X\tnot-text\t1:4\n");
    assert_eq!(not_source("print('ü')\n\u{FFFD}"), Some((2, 1)));
    assert_eq!(not_source("s = '\\ufffd'  # an escape is fine\n"), None);
}

#[test]
fn syntax_errors_and_python_2_are_reported_with_the_findings() {
    let reply = respond("import time\nasync def f():\n    time.sleep(1)\nprint \"x\"\n");
    let kinds: Vec<&str> = reply.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(kinds, ["F", "E"]);
    assert!(reply.lines().nth(1).unwrap().starts_with("E\t4\t7\tpython2\t"), "{reply}");
}
