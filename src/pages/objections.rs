//! My objections (`/account/objections`).

use leptos::prelude::*;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Objections() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.objections_title lead=|t| t.objections_lead />
        <p class="notice">{t(|t| t.coming_soon)}</p>
    }
}
