//! The address bar. The app has one page whose whole state is the query string, so instead of a router
//! this keeps the query in a signal, in step with Back and Forward (`popstate`), and changes it with
//! `history.pushState` / `replaceState`.
//!
//! Each history entry the app writes carries its depth in `history.state`: how many entries of the app
//! lie before it. The in-app Back uses `history.back()` only when that stays in the app and lands on the
//! step before the one shown; a browser that refused an entry (Safari limits how often) leaves the page
//! showing a step its address does not hold, and Back then goes to the previous step by itself.

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The key of the depth in `history.state` (public/boot.js writes it too, for Start before the app).
const DEPTH: &str = "pcDepth";

/// The query string of the address, without the `?`, tracked.
#[derive(Clone, Copy)]
pub struct Address {
    pub search: ReadSignal<String>,
    set_search: WriteSignal<String>,
    /// How many times Back or Forward has moved the page (`popstate`).
    moves: StoredValue<u32>,
}

fn current_search() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// The depth of the current history entry: 0 for an entry the app did not write (the one it opened on).
fn entry_depth(history: &web_sys::History) -> u32 {
    history
        .state()
        .ok()
        .filter(JsValue::is_object)
        .and_then(|s| js_sys::Reflect::get(&s, &DEPTH.into()).ok())
        .and_then(|d| d.as_f64())
        .map_or(0, |d| d as u32)
}

fn depth_state(depth: u32) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &DEPTH.into(), &JsValue::from(depth));
    state.into()
}

impl Address {
    /// Reads the address and follows Back and Forward from now on. At each Back or Forward, `on_move`
    /// runs first (for what the page keeps outside the address and must drop), then the page follows the
    /// new address.
    pub fn new(on_move: impl Fn() + 'static) -> Address {
        let (search, set_search) = signal(current_search());
        let moves = StoredValue::new(0);
        if let Some(window) = web_sys::window() {
            let on_pop = Closure::<dyn Fn()>::new(move || {
                moves.update_value(|n| *n += 1);
                on_move();
                set_search.set(current_search());
            });
            let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
            // The listener lives as long as the page.
            on_pop.forget();
        }
        Address { search, set_search, moves }
    }

    /// Goes to `url` (a path with its query), as a new history entry or in place of the current one, and
    /// scrolls to the top for a new entry. The page shows the new state at once; the history entry is
    /// written once it is painted (writing one costs about as much as the rest of a step). A browser may
    /// refuse to change its history: the app then still shows the new state, and `back_stays_in_app`
    /// knows the address does not hold it.
    pub fn go(&self, url: &str, replace: bool) {
        if !replace && let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        let query = url.split_once('?').map_or("", |(_, q)| q);
        self.set_search.set(query.to_string());
        let url = url.to_string();
        let (moves, before) = (self.moves, self.moves.get_value());
        after_next_paint(move || {
            // Back or Forward came first (pressed within the frame): the browser is on another entry and
            // the page shows it, so this step's entry would give the screen an address it does not show.
            if moves.get_value() != before {
                return;
            }
            let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
            let depth = entry_depth(&history);
            let _ = if replace {
                history.replace_state_with_url(&depth_state(depth), "", Some(&url))
            } else {
                history.push_state_with_url(&depth_state(depth + 1), "", Some(&url))
            };
        });
    }

    /// Whether `history.back()` shows the step before the one on screen: the current entry holds the step
    /// shown (no refused entry since) and the entry before it is the app's.
    pub fn back_stays_in_app(&self) -> bool {
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return false };
        entry_depth(&history) > 0 && self.search.with_untracked(|shown| *shown == current_search())
    }

    /// Goes one entry back in the browser's history (see `back_stays_in_app`).
    pub fn back(&self) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.back();
        }
    }
}

/// Runs `f` once the next frame is painted: for what the user does not see (the history entry, the
/// document title, storage), so that a step shows as soon as it can. Calls queued this way run in order.
/// A page that paints no frames (a hidden tab) runs it after 100 ms.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let once = Rc::new(Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let Some(window) = web_sys::window() else { return run() };
    let painted = run.clone();
    let next = Closure::once_into_js(move || gloo_timers::callback::Timeout::new(0, painted).forget());
    let _ = window.request_animation_frame(next.unchecked_ref());
    gloo_timers::callback::Timeout::new(100, run).forget();
}
