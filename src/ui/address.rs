//! The address bar. The app has one page whose whole state is the query string, so instead of a router
//! this keeps the query in a signal, in step with Back and Forward (`popstate`), and changes it with
//! `history.pushState` / `replaceState`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The query string of the address, without the `?`, tracked.
#[derive(Clone, Copy)]
pub struct Address {
    pub search: ReadSignal<String>,
    set_search: WriteSignal<String>,
}

fn current_search() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

impl Default for Address {
    fn default() -> Address {
        Address::new()
    }
}

impl Address {
    /// Reads the address and follows Back and Forward from now on.
    pub fn new() -> Address {
        let (search, set_search) = signal(current_search());
        if let Some(window) = web_sys::window() {
            let on_pop = Closure::<dyn Fn()>::new(move || set_search.set(current_search()));
            let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
            // The listener lives as long as the page.
            on_pop.forget();
        }
        Address { search, set_search }
    }

    /// Goes to `url` (a path with its query), as a new history entry or in place of the current one, and
    /// scrolls to the top for a new entry. A browser may refuse to change its history (Safari limits how
    /// often): the app then still shows the new state, only Back will not return to it.
    pub fn go(&self, url: &str, replace: bool) {
        if let Some(window) = web_sys::window() {
            if let Ok(history) = window.history() {
                let _ = if replace {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
                } else {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
                };
            }
            if !replace {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        let query = url.split_once('?').map_or("", |(_, q)| q);
        self.set_search.set(query.to_string());
    }
}
