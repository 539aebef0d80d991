//! Checks every `.py` file under the folders (or files) given and prints what it finds, one line each:
//! `path:line:column: check-id (pitfall-id) excerpt`, syntax errors as `path:line:column: syntax: message`.
//! The last line counts the files with findings and, apart, the files refused.
//! Exits with 1 when anything was found or a file was refused (too large, too deep, not UTF-8,
//! unreadable), 2 when a path given cannot be listed.
//!
//! Usage: cargo run -p pyconc-checker --bin check-files -- DIR [DIR…]

use pyconc_checker::{CheckError, check};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        eprintln!("usage: check-files DIR [DIR…]");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for root in &roots {
        if let Err(e) = collect(root, &mut files) {
            eprintln!("{}: {e}", root.display());
            return ExitCode::from(2);
        }
    }
    files.sort();
    let (mut flagged, mut findings, mut refused) = (0, 0, 0);
    for file in &files {
        let path = file.display();
        let text = match std::fs::read(file).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(_)) => {
                println!("{path}: refused: not UTF-8");
                refused += 1;
                continue;
            }
            Err(e) => {
                println!("{path}: unreadable: {e}");
                refused += 1;
                continue;
            }
        };
        let mut lines = Vec::new();
        match check(&text) {
            Ok(report) => {
                for f in &report.findings {
                    lines.push(format!("{path}:{}:{}: {} ({}) {}", f.line, f.column, f.check, f.pitfall, f.excerpt));
                }
                for e in &report.syntax_errors {
                    let kind = if e.python2 { "syntax (Python 2?)" } else { "syntax" };
                    lines.push(format!("{path}:{}:{}: {kind}: {}", e.line, e.column, e.message));
                }
            }
            Err(CheckError::Empty) => {}
            Err(CheckError::TooLarge { bytes }) => {
                println!("{path}: refused: {bytes} bytes, more than the limit");
                refused += 1;
            }
            Err(CheckError::TooDeep { line, column }) => {
                println!("{path}:{line}:{column}: refused: nested too deeply");
                refused += 1;
            }
        }
        if !lines.is_empty() {
            flagged += 1;
            findings += lines.len();
            for l in lines {
                println!("{l}");
            }
        }
    }
    println!("{} files checked, {flagged} with findings ({findings} in all), {refused} refused", files.len());
    if flagged + refused > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
    Ok(())
}
