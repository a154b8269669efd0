//! Log in with national ID, password and verification code (`/login`).

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Login() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.login_title lead=|t| t.login_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
