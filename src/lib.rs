//! The Citizen Account beneficiary portal: a Leptos single-page app, Arabic first.
//!
//! [`App`] holds the whole route table, so one glance shows every URL.

pub mod api;
pub mod components;
pub mod content;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod pages;
pub mod prefs;
pub mod session;

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};

use crate::{
    components::shell::Shell,
    i18n::{Lang, Locale},
    pages::{
        about::About,
        account::{
            AccountArea,
            bank::BankAccountPage,
            eligibility::Eligibility,
            home::AccountHome,
            household::HouseholdPage,
            objection::{details::ObjectionDetails, review::ObjectionReview},
            objection_view::ObjectionView,
            objections::Objections,
            payment::Payment,
            payments::Payments,
            tickets::{NewTicketPage, Tickets},
        },
        check::{
            CheckFlow, CheckStart,
            birth_date::BirthDateStep,
            dependents::{AddDependentStep, DependentsStep},
            question::{
                ApplicantStep, BankAccountStep, DetentionStep, HousingStep, NationalityStep,
                ResidencyStep,
            },
            result::CheckResult,
            review::ReviewAnswers,
        },
        contact::Contact,
        estimate::Estimate,
        home::Home,
        login::Login,
        login_reset::PasswordReset,
        login_verify::VerifyLogin,
        not_found::NotFound,
    },
    session::Session,
};

/// Replaces what `#app` shows (the skeleton, or the page scripts/prerender wrote) with the app,
/// in one task, so no frame shows it empty; public/boot.js keeps what was typed meanwhile.
pub fn mount() {
    console_error_panic_hook_lite();
    let document = document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
                leptos::mount::mount_to(root, App).forget();
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
    let lang = RwSignal::new(prefs::stored_lang().unwrap_or_default());
    provide_context(Locale(lang));
    provide_context(Session::new());
    Effect::new(move |_| apply_lang(lang.get()));

    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <ParentRoute path=path!("/check") view=CheckFlow>
                        <Route path=path!("") view=CheckStart />
                        <Route path=path!("applicant") view=ApplicantStep />
                        <Route path=path!("birth-date") view=BirthDateStep />
                        <Route path=path!("nationality") view=NationalityStep />
                        <Route path=path!("residency") view=ResidencyStep />
                        <Route path=path!("detention") view=DetentionStep />
                        <Route path=path!("bank-account") view=BankAccountStep />
                        <Route path=path!("housing") view=HousingStep />
                        <Route path=path!("dependents") view=DependentsStep />
                        <Route path=path!("add-dependent") view=AddDependentStep />
                        <Route path=path!("answers") view=ReviewAnswers />
                        <Route path=path!("result") view=CheckResult />
                    </ParentRoute>
                    <Route path=path!("/estimate") view=Estimate />
                    <Route path=path!("/contact") view=Contact />
                    <Route path=path!("/about") view=About />
                    <Route path=path!("/login") view=Login />
                    <Route path=path!("/login/verify") view=VerifyLogin />
                    <Route path=path!("/login/reset") view=PasswordReset />
                    <ParentRoute path=path!("/account") view=AccountArea>
                        <Route path=path!("") view=AccountHome />
                        <Route path=path!("eligibility") view=Eligibility />
                        <Route path=path!("payments") view=Payments />
                        <Route path=path!("payments/:cycle") view=Payment />
                        <Route path=path!("objections") view=Objections />
                        <Route path=path!("objections/new") view=ObjectionDetails />
                        <Route path=path!("objections/review") view=ObjectionReview />
                        <Route path=path!("objections/:reference") view=ObjectionView />
                        <Route path=path!("tickets") view=Tickets />
                        <Route path=path!("tickets/new") view=NewTicketPage />
                        <Route path=path!("bank") view=BankAccountPage />
                        <Route path=path!("household") view=HouseholdPage />
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
