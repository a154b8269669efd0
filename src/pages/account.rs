//! The account home (`/account`).

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn AccountHome() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.account_title lead=|t| t.account_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
