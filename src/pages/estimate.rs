//! The support estimate (`/estimate`): filled by the public-pages issue.

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Estimate() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.estimate_title lead=|t| t.estimate_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
