//! The page for any address the app does not know.

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.not_found_title lead=|t| t.not_found_lead />
        <p><a href="/">{t(|t| t.not_found_home_link)}</a></p>
    }
}
