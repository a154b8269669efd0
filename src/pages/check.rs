//! The eligibility pre-check (`/check`): filled by the public-pages issue.

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Check() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.check_title lead=|t| t.check_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
