//! The Citizen Account beneficiary portal: a Leptos single-page app, Arabic first.
//!
//! [`App`] holds the route table, so one glance shows every URL: an area of several pages
//! (`/check/*page`) is one route, its pages listed in [`area_pages`].

pub mod api;
pub mod area_pages;
pub mod components;
pub mod content;
pub mod format;
pub mod i18n;
pub mod lazy;
pub mod messages;
pub mod pages;
pub mod prefs;
pub mod session;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::shell::Shell,
    i18n::{Lang, Locale},
    lazy::{AccountRoute, CheckRoute, EstimateRoute, LoginRoute},
    pages::{about::About, contact::Contact, home::Home, not_found::NotFound},
    session::Session,
};

/// Replaces what `#app` shows (the skeleton, or the page scripts/prerender wrote) with the app,
/// in one task, so no frame shows it empty; public/boot.js keeps what was typed meanwhile.
pub fn mount() {
    console_error_panic_hook_lite();
    lazy::mount_after_chunk(mount_now);
}

/// The mount itself, once the page's chunk is there (src/lazy.rs).
fn mount_now() {
    let document = document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
                leptos::mount::mount_to(root, App).forget();
                lazy::prefetch_offline_chunks();
            }
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// Panics abort in release (smaller wasm); in debug builds say why in the console.
fn console_error_panic_hook_lite() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

#[component]
pub fn App() -> impl IntoView {
    // English only once its texts are here (src/i18n/english.rs): else the page stays Arabic.
    let lang = match prefs::stored_lang() {
        Some(Lang::En) if i18n::english::english().is_none() => Lang::Ar,
        stored => stored.unwrap_or_default(),
    };
    let lang = RwSignal::new(lang);
    provide_context(Locale(lang));
    provide_context(Session::new());
    Effect::new(move |_| apply_lang(lang.get()));

    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/check/*page") view={Lazy::<CheckRoute>::new()} />
                    <Route path=path!("/estimate") view={Lazy::<EstimateRoute>::new()} />
                    <Route path=path!("/contact") view=Contact />
                    <Route path=path!("/about") view=About />
                    <Route path=path!("/login/*page") view={Lazy::<LoginRoute>::new()} />
                    <Route path=path!("/account/*page") view={Lazy::<AccountRoute>::new()} />
                </Routes>
            </Shell>
        </Router>
    }
}

/// Puts the language on `<html>`: `lang` for screen readers, `dir` for the layout.
fn apply_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", lang.dir());
    }
    prefs::store_lang(lang);
}
