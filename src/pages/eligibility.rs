//! The beneficiary's eligibility (`/account/eligibility`).

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Eligibility() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.eligibility_title lead=|t| t.eligibility_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
