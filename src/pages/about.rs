//! About the program (`/about`): filled by the public-pages issue.

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn About() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.about_title lead=|t| t.about_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
