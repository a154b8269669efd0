//! The Citizen Account beneficiary portal: a Leptos single-page app, Arabic first.
//!
//! [`App`] draws the section of the app the path names ([`area_pages`] lists every URL: the
//! sections, and each area's pages).

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
    components::Router,
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
};

use crate::{
    area_pages::{Section, section_of},
    components::shell::Shell,
    i18n::{Lang, Locale},
    lazy::Chunk,
    pages::{home::Home, not_found::NotFound},
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
                <Pages />
            </Shell>
        </Router>
    }
}

/// What the page switch draws: a page of the main module, or what a chunk's code draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Home,
    Chunk(Chunk),
    NotFound,
}

impl Place {
    fn of(path: &str) -> Self {
        match section_of(path) {
            Some((Section::Home, _)) => Place::Home,
            Some((section, rest)) => Chunk::of(section, rest).map_or(Place::NotFound, Place::Chunk),
            None => Place::NotFound,
        }
    }
}

/// The page the path names, drawn once its code is here: a page in a wasm chunk not loaded
/// yet leaves the page before on screen until it arrives (src/lazy.rs), or the page saying it
/// did not.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    let wanted = move || location.pathname.with(|path| Place::of(path));
    let shown = RwSignal::new(wanted());
    // The router puts a followed link's URL in the address bar only when told the page is
    // drawn (its own `Routes` would tell it).
    let browser_url = use_context::<BrowserUrl>();
    let show = move |place: Place| {
        if shown.get_untracked() != place {
            shown.set(place);
        }
        if let Some(url) = &browser_url {
            url.ready_to_complete();
        }
    };
    Effect::new(move |_| {
        let place = wanted();
        let show = show.clone();
        match place {
            Place::Chunk(chunk) if !chunk.is_loaded() => leptos::task::spawn_local(async move {
                // Drawn on failure too: the chunk's place then shows the page with a retry.
                let _ = chunk.load().await;
                if untrack(wanted) == place {
                    show(place);
                    // The shell moved focus when the path changed, to the page before; the
                    // page arrived now, so its heading takes focus.
                    request_animation_frame(|| components::form::focus_by_id("page-title"));
                }
            }),
            _ => show(place),
        }
    });
    move || match shown.get() {
        Place::Home => Home().into_any(),
        Place::Chunk(chunk) => chunk.draw(),
        Place::NotFound => NotFound().into_any(),
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
