//! Exports `check` over raw memory, without wasm-bindgen: the host writes UTF-8 at `input(len)`, calls
//! `run(len)` and reads `run`'s result length of text (the checker's text format) at `output()`.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Makes room for `len` bytes of input and returns where to write them.
#[unsafe(no_mangle)]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with(|i| {
        let mut i = i.borrow_mut();
        i.clear();
        i.resize(len, 0);
        i.as_mut_ptr()
    })
}

/// Checks the input and returns the length of the report text.
#[unsafe(no_mangle)]
pub extern "C" fn run(len: usize) -> usize {
    let text = INPUT.with(|i| String::from_utf8_lossy(&i.borrow()[..len]).into_owned());
    let report = pyconc_checker::outcome_to_text(&pyconc_checker::check(&text));
    OUTPUT.with(|o| {
        *o.borrow_mut() = report;
        o.borrow().len()
    })
}

/// Where the report text of the last `run` starts.
#[unsafe(no_mangle)]
pub extern "C" fn output() -> *const u8 {
    OUTPUT.with(|o| o.borrow().as_ptr())
}
