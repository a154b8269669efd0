//! The financial payments (`/account/payments`).

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Payments() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.payments_title lead=|t| t.payments_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
