//! The Citizen Account beneficiary portal: a Leptos single-page app, Arabic first.
//!
//! [`App`] holds the whole route table, so one glance shows every URL.

pub mod api;
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
    components::{ParentRoute, Route, Router, Routes},
    path,
};

use crate::{
    components::shell::Shell,
    i18n::{Lang, Locale},
    lazy::*,
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
    // English only once its texts are here (src/i18n/pack.rs): else the page stays Arabic.
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
                    <ParentRoute path=path!("/check") view={Lazy::<CheckFlowRoute>::new()}>
                        <Route path=path!("") view={Lazy::<CheckStartRoute>::new()} />
                        <Route path=path!("applicant") view={Lazy::<ApplicantRoute>::new()} />
                        <Route path=path!("birth-date") view={Lazy::<BirthDateRoute>::new()} />
                        <Route path=path!("nationality") view={Lazy::<NationalityRoute>::new()} />
                        <Route path=path!("residency") view={Lazy::<ResidencyRoute>::new()} />
                        <Route path=path!("detention") view={Lazy::<DetentionRoute>::new()} />
                        <Route path=path!("bank-account") view={Lazy::<BankAccountRoute>::new()} />
                        <Route path=path!("housing") view={Lazy::<HousingRoute>::new()} />
                        <Route path=path!("dependents") view={Lazy::<DependentsRoute>::new()} />
                        <Route path=path!("add-dependent") view={Lazy::<AddDependentRoute>::new()} />
                        <Route path=path!("answers") view={Lazy::<ReviewAnswersRoute>::new()} />
                        <Route path=path!("result") view={Lazy::<CheckResultRoute>::new()} />
                    </ParentRoute>
                    <Route path=path!("/estimate") view={Lazy::<EstimateRoute>::new()} />
                    <Route path=path!("/contact") view=Contact />
                    <Route path=path!("/about") view=About />
                    <Route path=path!("/login") view={Lazy::<LoginRoute>::new()} />
                    <Route path=path!("/login/verify") view={Lazy::<VerifyLoginRoute>::new()} />
                    <Route path=path!("/login/reset") view={Lazy::<PasswordResetRoute>::new()} />
                    <ParentRoute path=path!("/account") view={Lazy::<AccountAreaRoute>::new()}>
                        <Route path=path!("") view={Lazy::<AccountHomeRoute>::new()} />
                        <Route path=path!("eligibility") view={Lazy::<EligibilityRoute>::new()} />
                        <Route path=path!("payments") view={Lazy::<PaymentsRoute>::new()} />
                        <Route path=path!("payments/:cycle") view={Lazy::<PaymentRoute>::new()} />
                        <Route path=path!("objections") view={Lazy::<ObjectionsRoute>::new()} />
                        <Route path=path!("objections/new") view={Lazy::<ObjectionDetailsRoute>::new()} />
                        <Route path=path!("objections/review") view={Lazy::<ObjectionReviewRoute>::new()} />
                        <Route path=path!("objections/:reference") view={Lazy::<ObjectionViewRoute>::new()} />
                        <Route path=path!("tickets") view={Lazy::<TicketsRoute>::new()} />
                        <Route path=path!("tickets/new") view={Lazy::<NewTicketRoute>::new()} />
                        <Route path=path!("bank") view={Lazy::<BankRoute>::new()} />
                        <Route path=path!("household") view={Lazy::<HouseholdRoute>::new()} />
                    </ParentRoute>
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
