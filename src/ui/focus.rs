//! Moving focus at a step change. The page has just been scrolled to the top (`ui::address`), so the
//! browser need not work out how to scroll the heading into view, which on a phone cost more than the
//! rest of the step.

/// Focuses `element` without scrolling to it.
pub fn without_scrolling(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}
